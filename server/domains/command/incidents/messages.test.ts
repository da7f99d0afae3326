// The command record of an incident through the API (issue #11: every mutating route walked): a message on the
// timeline (指挥调度记录) and the holders of the command post (指挥部岗位), each answered, read back through the API
// and found in the audit log by action and incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { maskPhone } from '../../../platform/personal/personal.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';

const B = '/api/command/incidents';
let t: TestApp;
let staff: string;
let leader: string;
let incidentId: string;
let regionCode: string;

async function ok<T = any>(cookie: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const r = await t.as(cookie, { method, url, payload });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(200);
  return r.json();
}

interface AuditRow { actor_name: string | null; region_code: string | null; before: any; after: any }
const audits = (action: string, entityId: string) => t.p.db.query<AuditRow>(sql`select actor_name, region_code, before, after from audit_log
  where action = ${action} and entity_id = ${entityId} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-06-01T02:00:00Z');
  [staff, leader] = await Promise.all([t.login('staff'), t.login('leader')]);
  const hengda = await t.p.db.one<{ id: string }>(sql`select id from enterprises where name = '汨水市恒达化工有限公司'`);
  const i = await ok(staff, 'POST', B, { source: 'phone', reporterName: '张值班', reporterPhone: '13900001234', occurredAt: new Date(t.now.value.getTime() - 20 * 60_000).toISOString(),
    address: '循环园恒达化工罐区', kind: 'hazchem', enterpriseId: hengda.id, description: '储罐阀门泄漏，现场有刺激性气味', title: '指挥记录测试泄漏' });
  incidentId = i.id;
  regionCode = i.regionCode;
});
afterAll(async () => { await t.close(); });

describe('messages (指挥调度记录)', () => {
  it('records a message on the timeline: answered with the incident, on the timeline with its author, audited', async () => {
    const text = '已通知园区管委会组织周边人员疏散';
    const i = await ok(staff, 'POST', `${B}/${incidentId}/messages`, { text });
    expect(i).toMatchObject({ id: incidentId, status: 'reported' });
    const timeline = await ok<{ id: string; kind: string; text: string; actorName: string | null }[]>(staff, 'GET', `${B}/${incidentId}/timeline`);
    const line = timeline.find((x) => x.kind === 'message');
    expect(line).toMatchObject({ text, actorName: expect.any(String) });
    const [a] = await audits('command.incident.message', incidentId);
    expect(a).toMatchObject({ region_code: regionCode, after: { entry: line!.id, text } });
    expect(a.actor_name).toBe(line!.actorName);
  });

  it('refuses an empty message and one from an account without command:write', async () => {
    expect((await t.as(staff, { method: 'POST', url: `${B}/${incidentId}/messages`, payload: { text: '' } })).statusCode).toBe(400);
    expect((await t.as(leader, { method: 'POST', url: `${B}/${incidentId}/messages`, payload: { text: '领导批示' } })).statusCode).toBe(403);
    expect(await audits('command.incident.message', incidentId)).toHaveLength(1);
  });
});

describe('the command post (指挥部岗位)', () => {
  let post: { id: string; groupName: string; holderAccountId: string | null; holderName: string | null; holderPhone: string | null }[];

  beforeAll(async () => {
    const m = await ok(staff, 'GET', `${B}/${incidentId}/plans`);
    const i = await ok(leader, 'POST', `${B}/${incidentId}/start`, { level: 4, planId: m.matches[0].planId, reason: '危化品泄漏，启动Ⅳ级响应' });
    expect(i.status).toBe('responding');
    post = i.post;
    expect(post[0]).toMatchObject({ groupName: '总指挥', holderName: null });
  });

  it('names a person with a phone to a post: answered, shown on the incident (phone masked) and its timeline, audited', async () => {
    const chief = post[0];
    expect(await ok(staff, 'POST', `${B}/post/${chief.id}`, { holderName: '王指挥', holderPhone: '13812340000' })).toEqual({ ok: true });
    const i = await ok(staff, 'GET', `${B}/${incidentId}`);
    expect(i.post.find((p: { id: string }) => p.id === chief.id)).toMatchObject({ holderAccountId: null, holderName: '王指挥', holderPhone: '138****0000' });
    const timeline = await ok<{ kind: string; text: string }[]>(staff, 'GET', `${B}/${incidentId}/timeline`);
    expect(timeline.filter((x) => x.kind === 'post').at(-1)!.text).toBe('指挥部「总指挥」由王指挥（138****0000）担任');
    const [a] = await audits('command.incident.post', incidentId);
    expect(a).toMatchObject({ region_code: regionCode, before: { holder: null }, after: { group: '总指挥', account: null, name: '王指挥', phone: '13812340000' } });
  });

  it('names an account to a post: its name and phone taken from the account, the holder told, audited', async () => {
    const role = post[1] ?? post[0];
    const holder = await t.p.db.one<{ id: string; display_name: string; phone: string | null }>(sql`select id, display_name, phone from accounts where username = 'leader'`);
    expect(await ok(staff, 'POST', `${B}/post/${role.id}`, { holderAccountId: holder.id })).toEqual({ ok: true });
    const i = await ok(staff, 'GET', `${B}/${incidentId}`);
    expect(i.post.find((p: { id: string }) => p.id === role.id)).toMatchObject({ holderAccountId: holder.id, holderName: holder.display_name,
      holderPhone: maskPhone(holder.phone) });
    // Delivery to the inbox runs after commit as a job: the queued notification is what the request wrote.
    const told = await t.p.db.query<{ body: string }>(sql`select body from notifications where account_id = ${holder.id} and title = '指挥部任职：指挥记录测试泄漏'`);
    expect(told.map((n) => n.body)).toEqual([`您担任 ${i.number} 指挥部「${role.groupName}」`]);
    const rows = await audits('command.incident.post', incidentId);
    expect(rows.at(-1)).toMatchObject({ after: { group: role.groupName, account: holder.id, name: holder.display_name, phone: holder.phone } });
    expect((await t.as(staff, { method: 'POST', url: `${B}/post/${role.id}`, payload: {} })).statusCode).toBe(400);
    expect(await audits('command.incident.post', incidentId)).toHaveLength(rows.length);
  });
});
