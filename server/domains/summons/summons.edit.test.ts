// A summons corrected after it was recorded, given another follow-up task, and deleted as recorded by mistake
// (issue #11's audit walk): each change is seen through the API afterwards and leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let staff: string; let baitang: string; let baitangGov: string; let id: string;
const call = (c: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, payload });
const auditOf = (action: string, entityId: string) => t.p.db.query<{ before: any; after: any }>(
  sql`select before, after from audit_log where action = ${action} and entity_id = ${entityId} order by seq`);
const input = (o: object = {}) => ({ targetKind: 'town', targetOrgId: baitangGov, reason: 'overdue_major_hazards', reasonDetail: '重大隐患整改不到位', heldAt: '2026-03-12T02:00:00Z',
  place: '市应急管理局三楼会议室', convenedBy: '市安委会', hostName: '安委办主任', attendees: '镇长、应急站站长', ...o });

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-25T02:00:00Z');
  [staff, baitang] = await Promise.all(['staff', 'town_baitang'].map((u) => t.login(u)));
  baitangGov = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '白塘镇人民政府'`)).id;
  const r = await call(staff, 'POST', '/api/summons', input({ tasks: [{ title: '报送隐患整改报告', dueOn: '2026-04-10' }] }));
  expect(r.statusCode, r.body).toBe(200);
  id = r.json().id;
});
afterAll(async () => { await t.close(); });

describe('a summons after it was recorded', () => {
  it('the bureau corrects the record: place, detail and commitments change, its tasks stay', async () => {
    const r = await call(staff, 'PUT', `/api/summons/${id}`, input({ place: '白塘镇政府会议室', reasonDetail: '两处重大隐患逾期未整改', commitments: '十日内完成整改' }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ place: '白塘镇政府会议室', reasonDetail: '两处重大隐患逾期未整改', commitments: '十日内完成整改', tasksTotal: 1 });
    expect((await call(baitang, 'GET', `/api/summons/${id}`)).json()).toMatchObject({ place: '白塘镇政府会议室', commitments: '十日内完成整改' });
    const [rec] = await auditOf('summons.edit', id);
    expect(rec.before).toMatchObject({ place: '市应急管理局三楼会议室', commitments: null });
    expect(rec.after).toMatchObject({ place: '白塘镇政府会议室' });
    expect((await call(baitang, 'PUT', `/api/summons/${id}`, input({ place: '镇里改的' }))).statusCode).toBe(403);
  });

  it('the bureau adds a follow-up task, which the summoned town then sees', async () => {
    const r = await call(staff, 'POST', `/api/summons/${id}/tasks`, { title: '组织全镇隐患复查', dueOn: '2026-03-20' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ tasksTotal: 2, tasksOverdue: 1 });
    const seen = (await call(baitang, 'GET', `/api/summons/${id}`)).json();
    expect(seen.tasks.map((x: { title: string; overdue: boolean }) => [x.title, x.overdue])).toEqual(
      expect.arrayContaining([['组织全镇隐患复查', true], ['报送隐患整改报告', false]]));
    const [rec] = await auditOf('summons.task.add', id);
    expect(rec.after).toEqual({ title: '组织全镇隐患复查', dueOn: '2026-03-20' });
  });

  it('the bureau deletes it as recorded by mistake, with its tasks', async () => {
    const r = await call(staff, 'DELETE', `/api/summons/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true });
    expect((await call(staff, 'GET', `/api/summons/${id}`)).statusCode).toBe(404);
    expect((await call(staff, 'GET', '/api/summons?q=白塘')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from summons_tasks where summons_id = ${id}`)).n).toBe(0);
    const [rec] = await auditOf('summons.delete', id);
    expect(rec.before).toMatchObject({ id, place: '白塘镇政府会议室' });
    expect(rec.before.tasks).toHaveLength(2);
    expect((await call(staff, 'DELETE', `/api/summons/${id}`)).statusCode).toBe(404);
  });
});
