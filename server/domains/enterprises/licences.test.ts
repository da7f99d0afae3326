import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { sendLicenceReminders } from './licence-reminders.js';
import { makeEnterprise } from './test-helpers.js';

let t: TestApp;
let staff: string;
let ent: string;
let demoId: string;
const NOPE = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  ent = await t.login('ent_demo');
  demoId = (await t.p.db.one<{ id: string }>(sql`select id from enterprises where name = '汨水市恒达化工有限公司'`)).id;
});
afterAll(async () => { await t.close(); });

const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400_000);

describe('licences', () => {
  it('an enterprise account adds, edits and deletes its own licences, each change audited', async () => {
    const add = await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/licences`, payload: {
      kind: 'hazchem_trading', number: '岳危化经字[2026]000123', issuer: '岳阳市应急管理局', issuedOn: '2026-01-01', expiresOn: '2028-12-31' } });
    expect(add.statusCode).toBe(200);
    expect(add.json()).toMatchObject({ kind: 'hazchem_trading', expiresOn: '2028-12-31', daysLeft: expect.any(Number) });
    const id = add.json().id;
    const edit = await t.as(ent, { method: 'PATCH', url: `/api/enterprise-licences/${id}`, payload: { expiresOn: '2029-12-31' } });
    expect(edit.json().expiresOn).toBe('2029-12-31');
    const list = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${demoId}/licences` })).json();
    expect(list.map((l: { id: string }) => l.id)).toContain(id);
    expect((await t.as(ent, { method: 'DELETE', url: `/api/enterprise-licences/${id}` })).json()).toEqual({ ok: true });
    const trail = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${demoId}/changes?pageSize=3` })).json().items;
    expect(trail.map((c: { action: string }) => c.action)).toEqual(['enterprise.licence.delete', 'enterprise.licence.update', 'enterprise.licence.create']);
    expect(trail[1]).toMatchObject({ before: { expiresOn: '2028-12-31' }, after: { expiresOn: '2029-12-31' } });
  });

  it('refuses an expiry before the issue date, a file it cannot see, a bad kind; 404 for unknown or foreign ones', async () => {
    const bad = await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/licences`, payload: { kind: 'other', number: 'X1', issuedOn: '2026-05-01', expiresOn: '2026-04-30' } });
    expect(bad.json().error.message).toBe('有效期至不能早于发证日期');
    const file = await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/licences`, payload: { kind: 'other', number: 'X1', fileId: NOPE } });
    expect(file.json().error.message).toMatch(/所附文件不存在/);
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/licences`, payload: { kind: 'driving', number: 'X1' } })).statusCode).toBe(400);
    expect((await t.as(ent, { method: 'PATCH', url: `/api/enterprise-licences/${NOPE}`, payload: { number: 'X' } })).statusCode).toBe(404);
    expect((await t.as(ent, { method: 'DELETE', url: `/api/enterprise-licences/${NOPE}` })).statusCode).toBe(404);
    const other = await makeEnterprise(t, staff);
    const theirs = (await t.as(staff, { method: 'POST', url: `/api/enterprises/${other.id}/licences`, payload: { kind: 'business', number: other.creditCode } })).json();
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${other.id}/licences`, payload: { kind: 'other', number: 'X' } })).statusCode).toBe(404);
    expect((await t.as(ent, { method: 'PATCH', url: `/api/enterprise-licences/${theirs.id}`, payload: { number: 'X' } })).statusCode).toBe(404);
    expect((await t.as(await t.login('dept_zhujian'), { method: 'GET', url: `/api/enterprises/${demoId}/licences` })).statusCode).toBe(404);
  });
});

describe('licence expiry reminders', () => {
  it('reminds the enterprise and its regulator 90, 30 and 7 days before, once each, in-app and by SMS', async () => {
    const start = t.now.value;
    const expires = day(addDays(start, 120));
    const own = (await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/licences`, payload: { kind: 'safety_production', number: 'REMIND-ENT-1', expiresOn: expires } })).json();
    const dept = await t.login('dept_zhujian');
    const lpg = (await t.as(dept, { method: 'GET', url: `/api/enterprises?subtype=${encodeURIComponent('液化气站')}&status=operating` })).json().items[0];
    await t.as(staff, { method: 'POST', url: `/api/enterprises/${lpg.id}/licences`, payload: { kind: 'gas_operation', number: 'REMIND-LPG-1', expiresOn: expires } });
    const messages = (number: string, username: string, channel = 'inapp') => t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications n
      join accounts a on a.id = n.account_id where a.username = ${username} and n.channel = ${channel} and n.body like ${'%' + number + '%'}`).then((r) => r.n);
    const at = async (daysBefore: number, hour = 9) => {
      t.now.value = new Date(Date.parse(`${expires}T00:00:00+08:00`) - daysBefore * 86400_000 + hour * 3600_000);
      await sendLicenceReminders(t.p);
    };
    await at(100);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(0);
    await at(90);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(1);
    expect(await messages('REMIND-LPG-1', 'dept_zhujian')).toBe(1);
    expect(await messages('REMIND-LPG-1', 'dept_zhujian', 'sms')).toBe(1);
    await at(90, 15);
    await at(45);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(1);
    await at(30);
    await at(29);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(2);
    await at(7);
    await at(3);
    await at(0);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(3);
    expect(await messages('REMIND-LPG-1', 'dept_zhujian')).toBe(3);
    const last = await t.p.db.one<{ body: string }>(sql`select body from notifications where body like '%REMIND-ENT-1%' order by created_at desc limit 1`);
    expect(last.body).toMatch(/安全生产许可证（编号 REMIND-ENT-1）将于 \d{4}-\d{2}-\d{2} 到期（还有 7 天）/);

    // Renewed: a new expiry date is reminded again; the durable job does the same through the schedule.
    await t.p.db.execute(sql`update enterprise_licences set expires_on = expires_on + 365 where id = ${own.id}`);
    t.now.value = new Date(Date.parse(`${expires}T00:00:00+08:00`) + 275 * 86400_000);
    await t.p.jobs.drain(500);
    expect(await messages('REMIND-ENT-1', 'ent_demo')).toBe(4);
    t.now.value = start;
  });

  it('skips closed enterprises; a licence first seen inside 7 days gets one message for all three', async () => {
    staff = await t.login('staff'); // the clock moved past the session's lifetime above
    const e = await makeEnterprise(t, staff);
    const expires = day(addDays(t.now.value, 5));
    await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/licences`, payload: { kind: 'other', number: 'LATE-1', expiresOn: expires } });
    const reminders = () => t.p.db.query<{ days_before: number }>(sql`select r.days_before from enterprise_licence_reminders r join enterprise_licences l on l.id = r.licence_id
      where l.number = 'LATE-1' order by r.days_before`);
    await sendLicenceReminders(t.p);
    expect((await reminders()).map((r) => r.days_before)).toEqual([7, 30, 90]);
    const closed = await makeEnterprise(t, staff);
    await t.as(staff, { method: 'POST', url: `/api/enterprises/${closed.id}/status`, payload: { status: 'closed', reason: '依法关闭' } });
    await t.as(staff, { method: 'POST', url: `/api/enterprises/${closed.id}/licences`, payload: { kind: 'other', number: 'CLOSED-1', expiresOn: expires } });
    await sendLicenceReminders(t.p);
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from enterprise_licence_reminders r join enterprise_licences l on l.id = r.licence_id where l.number = 'CLOSED-1'`)).n).toBe(0);
  });
});
