// Removing a committee's member unit, and deleting a meeting recorded by mistake with its unanswered decisions
// (issue #11's audit walk): each is seen through the API afterwards and leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let staff: string; let dept: string; let committee: { id: string; name: string };
const R = '/api/responsibility';
const call = (c: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, payload });
const auditOf = (action: string, entityId: string) => t.p.db.query<{ before: any }>(
  sql`select before from audit_log where action = ${action} and entity_id = ${entityId} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-02T02:00:00Z');
  [staff, dept] = await Promise.all(['staff', 'dept_zhujian'].map((u) => t.login(u)));
  committee = (await call(staff, 'GET', `${R}/committees?kind=professional_committee&q=燃气`)).json().items[0];
}, 300_000);
afterAll(async () => { await t.close(); });

describe('deletions in the committees', () => {
  it('the 安委办 removes a member unit: the committee no longer lists it', async () => {
    const before = (await call(staff, 'GET', `${R}/committees/${committee.id}`)).json();
    const member = before.memberList.find((m: { role: string }) => m.role === 'member');
    expect((await call(dept, 'DELETE', `${R}/committees/${committee.id}/members/${member.id}`)).statusCode).toBe(403);
    const r = await call(staff, 'DELETE', `${R}/committees/${committee.id}/members/${member.id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().memberList.map((m: { id: string }) => m.id)).not.toContain(member.id);
    const after = (await call(staff, 'GET', `${R}/committees/${committee.id}`)).json();
    expect(after.memberList).toHaveLength(before.memberList.length - 1);
    expect(after.members).toBe(before.members - 1);
    const [rec] = await auditOf('responsibility.committee.member.remove', committee.id);
    expect(rec.before).toMatchObject({ id: member.id, orgId: member.orgId, orgName: member.orgName, role: 'member' });
    expect((await call(staff, 'DELETE', `${R}/committees/${committee.id}/members/${member.id}`)).statusCode).toBe(404);
  });

  it('the 安委办 deletes a meeting recorded by mistake, with its decisions not yet answered', async () => {
    const zhujian = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市住房和城乡建设局'`)).id;
    const m = await call(staff, 'POST', `${R}/committees/${committee.id}/meetings`, { heldOn: '2026-03-01', title: '误登记的燃气专委会会议', minutes: '误登记的纪要',
      decisions: [{ title: '排查液化气站', assigneeOrgId: zhujian, dueOn: '2026-03-20' }] });
    expect(m.statusCode, m.body).toBe(200);
    const { id, tasks } = m.json();
    expect((await call(dept, 'GET', `${R}/tasks/${tasks[0].id}`)).statusCode).toBe(200);
    const r = await call(staff, 'DELETE', `${R}/meetings/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ ok: true });
    expect((await call(staff, 'GET', `${R}/meetings/${id}`)).statusCode).toBe(404);
    expect((await call(staff, 'GET', `${R}/committees/${committee.id}`)).json().meetingList.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await call(dept, 'GET', `${R}/tasks/${tasks[0].id}`)).statusCode).toBe(404);
    const [rec] = await auditOf('responsibility.meeting.delete', id);
    expect(rec.before).toMatchObject({ id, title: '误登记的燃气专委会会议', tasksTotal: 1 });
  });
});
