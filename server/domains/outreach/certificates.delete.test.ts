// A training certificate recorded by mistake is deleted on its own, its session and the other certificates kept
// (issue #11's audit walk): seen through the API afterwards, with its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let baitang: string; let luojiang: string;
const A = '/api/outreach';
const call = (c: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, payload });

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-25T02:00:00Z');
  [baitang, luojiang] = await Promise.all(['town_baitang', 'town_luojiang'].map((u) => t.login(u)));
}, 300_000);
afterAll(async () => { await t.close(); });

describe('deleting a certificate', () => {
  it('a town deletes one certificate of its session; the session keeps the other', async () => {
    const e = await t.p.db.one<{ id: string }>(sql`select id from enterprises where region_code like '430699101%' order by id limit 1`);
    const trainee = (no: string) => ({ enterpriseId: e.id, personName: `学员${no}`, post: 'safety_manager', certificateNo: no, issuedOn: '2026-03-18', expiresOn: '2029-03-17' });
    const tr = await call(baitang, 'POST', `${A}/trainings`, { title: '白塘镇安全管理人员培训', organiser: '白塘镇应急管理站', regionCode: '430699101000', place: '镇政府会议室',
      heldOn: '2026-03-18', hours: 8, trainees: [trainee(`DEL-${process.pid}-1`), trainee(`DEL-${process.pid}-2`)] });
    expect(tr.statusCode, tr.body).toBe(200);
    const [wrong, kept] = tr.json().items as { id: string; certificateNo: string }[];
    expect((await call(luojiang, 'DELETE', `${A}/certificates/${wrong.id}`)).statusCode).toBe(404);
    const r = await call(baitang, 'DELETE', `${A}/certificates/${wrong.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true });
    const left = (await call(baitang, 'GET', `${A}/certificates?trainingId=${tr.json().id}`)).json();
    expect(left.items.map((c: { id: string }) => c.id)).toEqual([kept.id]);
    expect((await call(baitang, 'GET', `${A}/certificates?q=${wrong.certificateNo}`)).json().total).toBe(0);
    const [rec] = await t.p.db.query<{ before: { certificate_no: string; person_name: string } }>(
      sql`select before from audit_log where action = 'outreach.certificate.delete' and entity_id = ${wrong.id}`);
    expect(rec.before).toMatchObject({ certificate_no: wrong.certificateNo, person_name: `学员${wrong.certificateNo}` });
    expect((await call(baitang, 'DELETE', `${A}/certificates/${wrong.id}`)).statusCode).toBe(404);
  });
});
