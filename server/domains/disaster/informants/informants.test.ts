// 灾害信息员: roster in scope, A/B coverage gaps, the one-holder-per-role rule, training and the roster export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let informant: string; let ent: string;
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const send = (c: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, payload });
const P = '/api/disaster/informants';
const BAITANG = '430699101000';
let village: string; // a 白塘镇 village of our own: no officers yet

beforeAll(async () => {
  t = await buildTestApp();
  [staff, baitang, luojiang, informant, ent] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'informant_demo', 'ent_demo'].map((u) => t.login(u)));
  village = '430699101299';
  await t.p.db.execute(sql`insert into regions (code, parent_code, name, level, sort) values (${village}, ${BAITANG}, '测试新建村', 'village', 99) on conflict do nothing`);
}, 600_000); // cloning the database is slow when the shared machine is busy
afterAll(async () => { await t.close(); });

describe('disaster information officers (灾害信息员)', () => {
  it('the demo roster has 379 officers at three levels; the county sees all, a town its own, a village officer their village', async () => {
    const all = (await get(staff, `${P}?pageSize=1`)).json();
    expect(all.total).toBeGreaterThanOrEqual(379);
    const town = (await get(baitang, `${P}?pageSize=200`)).json();
    expect(town.items.length).toBeGreaterThan(2);
    expect(town.items.every((i: { regionCode: string }) => i.regionCode.startsWith('430699101'))).toBe(true);
    const mine = (await get(informant, `${P}?pageSize=200`)).json();
    expect(new Set(mine.items.map((i: { regionCode: string }) => i.regionCode))).toEqual(new Set(['430699101201']));
    expect((await get(ent, P)).statusCode).toBe(403);
    const other = town.items[0].id;
    expect((await get(luojiang, `${P}/${other}`)).statusCode).toBe(404);
  });

  it('finds the posts lacking an A or a B: a new village without anyone, then without its B only', async () => {
    const gaps = async (q = '') => (await get(baitang, `${P}/coverage?pageSize=200${q}`)).json().items as { regionCode: string; missing: string[]; required: boolean }[];
    expect((await gaps()).find((g) => g.regionCode === village)).toMatchObject({ missing: ['A', 'B'], required: true });
    const a = await send(baitang, 'POST', P, { name: '李春华', phone: '13907301234', regionCode: village, role: 'A', unit: '测试新建村村民委员会', position: '村委会主任' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ level: 'village', townName: '白塘镇', role: 'A' });
    expect((await gaps()).find((g) => g.regionCode === village)).toBeUndefined();
    expect((await gaps('&all=true')).find((g) => g.regionCode === village)).toMatchObject({ missing: ['B'], required: false });
    const dup = await send(baitang, 'POST', P, { name: '王二', phone: '13907301235', regionCode: village, role: 'A' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('A角已由李春华担任');
    // Another town's account cannot staff 白塘镇's posts, and the town post needs both roles.
    expect((await send(luojiang, 'POST', P, { name: '王二', phone: '13907301235', regionCode: village, role: 'B' })).statusCode).toBe(400);
    const audit = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${a.json().id}`);
    expect(audit.n).toBe(1);
  });

  it('the demo town without its B shows as a required gap; the summary counts posts by level', async () => {
    const gaps = (await get(staff, `${P}/coverage?level=town`)).json();
    expect(gaps.items.map((g: { regionName: string; missing: string[] }) => [g.regionName, g.missing])).toContainEqual(['梅溪镇', ['B']]);
    const s = (await get(staff, `${P}/coverage/summary`)).json();
    expect(s.byLevel.find((l: { level: string }) => l.level === 'town')).toMatchObject({ posts: 15 });
    expect(s.requiredGaps).toBeGreaterThanOrEqual(3);
  });

  it('records training and retires an officer (the post then shows its gap again)', async () => {
    const list = (await get(baitang, `${P}?regionCode=${village}`)).json();
    const id = list.items[0].id;
    const tr = await send(baitang, 'POST', `${P}/${id}/trainings`, { trainedOn: '2022-04-22', topic: '灾情报送业务培训', hours: 3 });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json()).toMatchObject({ trainings: 1, lastTrainedOn: '2022-04-22' });
    expect((await send(baitang, 'POST', `${P}/${id}/trainings`, { trainedOn: '2022-04-22', topic: 'x', hours: 3 })).statusCode).toBe(400);
    expect((await send(baitang, 'DELETE', `${P}/${id}`)).statusCode).toBe(200);
    expect((await get(baitang, `${P}/coverage?regionCode=${village}`)).json().items[0]).toMatchObject({ missing: ['A', 'B'] });
    expect((await send(baitang, 'DELETE', `${P}/${id}`)).statusCode).toBe(404);
  });

  it('a village officer reads their village\'s roster but may not staff, edit, retire or train anyone, their own post included', async () => {
    const mine = (await get(informant, `${P}?pageSize=50`)).json().items as { id: string; name: string; phone: string; regionCode: string; role: string }[];
    expect(mine.length).toBeGreaterThan(0);
    const me = mine[0];
    const tries = [
      await send(informant, 'POST', P, { name: '自己加的', phone: '13907309999', regionCode: me.regionCode, role: me.role === 'A' ? 'B' : 'A' }),
      await send(informant, 'PUT', `${P}/${me.id}`, { name: me.name, phone: '13907309998', regionCode: me.regionCode, role: me.role }),
      await send(informant, 'DELETE', `${P}/${me.id}`),
      await send(informant, 'POST', `${P}/${me.id}/trainings`, { trainedOn: '2022-04-22', topic: '灾情报送业务培训', hours: 3 }),
    ];
    for (const r of tries) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.message).toBe('灾害信息员名册由乡镇或县级维护，村（社区）账号只能查看；如需调整请联系乡镇');
    }
    expect((await get(informant, `${P}/${me.id}`)).json().phone).toBe(me.phone);
    // The town keeps its village's post: it corrects the phone.
    const fixed = await send(baitang, 'PUT', `${P}/${me.id}`, { name: me.name, phone: '13907309998', regionCode: me.regionCode, role: me.role });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().phone).toBe('139****9998'); // shown masked (issue #11); stored in full
    expect((await t.p.db.one<{ phone: string }>(sql`select phone from disaster_informants where id = ${me.id}`)).phone).toBe('13907309998');
    expect((await send(luojiang, 'PUT', `${P}/${me.id}`, { name: me.name, phone: '13907309997', regionCode: me.regionCode, role: me.role })).statusCode).toBe(404);
  });

  it('exports the roster one row per person with post, A/B, level, region, phone and training', async () => {
    const x = await get(baitang, `${P}/export`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '层级', 'AB角', '手机号码', '培训内容']));
    const town = (await get(baitang, `${P}?pageSize=1`)).json().total;
    expect(ws.actualRowCount).toBe(town + 1);
    expect(ws.getRow(2).getCell(3).value).toBe('乡镇级');
  });
});
