import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../common/testing.js';

// 应急管理部令第18号 replaces 总局令第15号 on 2026-02-01: a case keeps the rule set of its 立案 day for its whole life.
let t: TestApp; let officer: string; let team: string[]; let firms: { id: string }[];
let n = 0;

async function at(day: string, time = '10:00') {
  t.now.value = new Date(`${day}T${time}:00+08:00`);
  officer = await t.login('officer');
}
const post = (id: string, move: string, body: object = {}) => api(t).post(officer, `/api/enforcement/cases/${id}/${move}`, body);
const deadline = (c: { deadlines: { kind: string; dueOn: string; basis: string }[] }, kind: string) => c.deadlines.find((d) => d.kind === kind);

/** File and approve a case on `day` (at `time`, Shanghai). */
async function filedOn(day: string, time = '10:00') {
  await at(day, time);
  const r = await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firms[n++ % firms.length].id, cause: '未按规定组织开展安全生产教育培训', officerIds: team });
  expect(r.statusCode, r.body).toBe(200);
  const approved = await post(r.json().id, 'approve', { opinion: '同意立案' });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  await at('2026-01-05');
  team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
  firms = await enterprisesOf(t, 'hazchem');
  // The bureau, having checked 令18号, sets a 60-day decision period and 2 working days for 陈述申辩 from 2026-02-01.
  const admin = await t.login('admin');
  const put = await t.as(admin, { method: 'PUT', url: '/api/settings/rules/enforcement.case.limits.order18', payload: { effectiveFrom: '2026-02-01',
    value: { decideDays: 60, statementWorkdays: 2, hearingRequestWorkdays: 5, hearingNoticeWorkdays: 7, serviceWorkdays: 7, paymentDays: 15, surchargePercentPerDay: 3,
      reminderWaitDays: 10, litigationMonths: 6, enforcementApplyMonths: 3, sealDays: 30, warnDays: 3 }, source: '应急管理部令第18号（测试取值）' } });
  expect(put.statusCode, put.body).toBe(200);
});
afterAll(async () => { await t.close(); });

describe('case-stage limits chosen by the filing date (令15号 → 令18号)', () => {
  it('gives a case filed on 31 January 2026 the old rule and one filed on 1 February the new one', async () => {
    const before = await filedOn('2026-01-31', '23:30'); // still 31 January in Shanghai
    const after = await filedOn('2026-02-01', '00:10');
    expect(deadline(before, 'decide')).toMatchObject({ dueOn: '2026-05-01' }); // 90 days
    expect(deadline(before, 'decide')!.basis).toContain('总局令第15号');
    expect(deadline(after, 'decide')).toMatchObject({ dueOn: '2026-04-02' });  // 60 days, as set for 令18号
    expect(deadline(after, 'decide')!.basis).toContain('应急管理部令第18号');
    expect(deadline(after, 'decide')!.basis).toContain('enforcement.case.limits.order18@2026-02-01');
  });

  it('keeps the old rule for later stages of an old case, across the 2026 Spring Festival', async () => {
    const old = await filedOn('2026-01-30');
    const fresh = await filedOn('2026-02-02');
    await at('2026-02-12'); // Thursday before 春节 (15–23 Feb off, 14 Feb a Saturday worked)
    const oldNotified = (await post(old.id, 'notify', { kinds: ['fine'], fine: 8000, basis: '安全生产法第九十七条' })).json();
    const freshNotified = (await post(fresh.id, 'notify', { kinds: ['fine'], fine: 8000, basis: '安全生产法第九十七条' })).json();
    expect(deadline(oldNotified, 'statement')).toMatchObject({ dueOn: '2026-02-24' });  // 3 working days: 13, 14 (Sat, worked), 24 Feb
    expect(deadline(freshNotified, 'statement')).toMatchObject({ dueOn: '2026-02-14' }); // 2 working days under the new value
  });

  it('records the rule version a case was filed under and marks the 令18号 defaults as unconfirmed', async () => {
    const c = await filedOn('2026-02-03');
    const row = await t.p.db.one<{ rule_version: string }>(sql`select rule_version from enforcement_cases where id = ${c.id}`);
    expect(row.rule_version).toBe('enforcement.case.limits.order18@2026-02-01');
    const rules = (await api(t).get(officer, '/api/settings/rules')).json() as { key: string; mark: string; note?: string }[];
    const r18 = rules.find((r) => r.key === 'enforcement.case.limits.order18')!;
    expect(r18.mark).toBe('M');
    expect(r18.note).toContain('未核实');
  });
});
