// Enforcement moves no other test walked (issue #11): evidence and 陈述申辩 on a case, starting a planned inspection,
// paying a tip-off reward, and editing a draft plan's items. Each answers, shows through GET, and leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { api, enterprisesOf, makeOfficer, upload } from './common/testing.js';

let t: TestApp; let officer: string; let team: string[]; let firm: { id: string; name: string; region_code: string };

/** The audit records of one action on one entity. */
const audited = (action: string, id: string) => t.p.db.query<{ actor_name: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
  sql`select actor_name, before, after from audit_log where action = ${action} and entity_id = ${id} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-04-08T02:00:00Z');
  officer = await t.login('officer');
  team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
  firm = (await enterprisesOf(t, 'hazchem'))[0];
});
afterAll(async () => { await t.close(); });

describe('a case\'s evidence and the party\'s statement', () => {
  it('adds an inquiry with its 询问笔录 while investigating, and records the 陈述申辩 after notice', async () => {
    const filed = await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firm.id, cause: '特种作业人员未持证上岗', officerIds: team });
    expect(filed.statusCode, filed.body).toBe(200);
    const id = filed.json().id as string;
    expect((await api(t).post(officer, `/api/enforcement/cases/${id}/approve`, { opinion: '同意立案' })).json().status).toBe('investigating');

    const photo = await upload(t, officer);
    const ev = await api(t).post(officer, `/api/enforcement/cases/${id}/evidence`, { kind: 'inquiry', description: '询问当班电工，承认无特种作业操作证', person: '李四', files: [photo] });
    expect(ev.statusCode, ev.body).toBe(200);
    expect(ev.json().status).toBe('investigating');
    const seen = (await api(t).get(officer, `/api/enforcement/cases/${id}`)).json();
    expect(seen.events.at(-1)).toMatchObject({ action: 'evidence.inquiry', comment: '询问当班电工，承认无特种作业操作证', files: [photo] });
    const inquiry = seen.documents.find((d: { kind: string }) => d.kind === 'inquiry_record');
    expect(inquiry).toBeTruthy();
    expect(seen.events.at(-1).data).toMatchObject({ kind: 'inquiry', document: inquiry.id });
    const [evAudit, ...more] = await audited('enforcement.case.evidence.inquiry', id);
    expect(more).toEqual([]);
    expect(evAudit).toMatchObject({ before: { status: 'investigating' }, after: { status: 'investigating', kind: 'inquiry', document: inquiry.id } });

    // A statement needs the notice first.
    expect((await api(t).post(officer, `/api/enforcement/cases/${id}/statement`, { content: '尚未告知' })).statusCode).toBe(409);
    expect((await api(t).post(officer, `/api/enforcement/cases/${id}/notify`, { kinds: ['fine'], fine: 10000, basis: '安全生产法第九十七条第（七）项' })).json().status).toBe('notified');
    const st = await api(t).post(officer, `/api/enforcement/cases/${id}/statement`, { content: '当事人称该电工已报名参加培训，请求从轻处罚' });
    expect(st.statusCode, st.body).toBe(200);
    expect(st.json().status).toBe('notified');
    const after = (await api(t).get(officer, `/api/enforcement/cases/${id}`)).json();
    expect(after.events.at(-1)).toMatchObject({ action: 'statement', fromStatus: 'notified', toStatus: 'notified', comment: '当事人称该电工已报名参加培训，请求从轻处罚' });
    expect(after.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['inquiry_record', 'statement_record']));
    const stAudit = await audited('enforcement.case.statement', id);
    expect(stAudit).toHaveLength(1);
    expect(stAudit[0]).toMatchObject({ before: { status: 'notified' }, after: { status: 'notified' } });
  });
});

describe('a planned inspection', () => {
  it('starts on site', async () => {
    const planned = await api(t).post(officer, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId: firm.id, officerIds: team, plannedOn: '2026-04-10' });
    expect(planned.statusCode, planned.body).toBe(200);
    const id = planned.json().id as string;
    expect(planned.json().status).toBe('planned');
    t.now.value = new Date('2026-04-10T01:30:00Z');
    officer = await t.login('officer'); // a session lasts 12 hours
    const started = await api(t).post(officer, `/api/enforcement/inspections/${id}/start`);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({ status: 'on_site', startedAt: '2026-04-10T01:30:00.000Z' });
    expect((await api(t).get(officer, `/api/enforcement/inspections/${id}`)).json()).toMatchObject({ status: 'on_site', startedAt: '2026-04-10T01:30:00.000Z' });
    expect(await audited('enforcement.inspection.start', id)).toMatchObject([{ before: { status: 'planned' }, after: { status: 'on_site' } }]);
    expect((await api(t).post(officer, `/api/enforcement/inspections/${id}/start`)).statusCode).toBe(409);
  });
});

describe('a tip-off reward', () => {
  it('is recorded as paid once, after it was granted', async () => {
    const r = await api(t).post(officer, '/api/enforcement/tipoffs', { channel: 'phone', anonymous: false, reporterName: '赵先生', reporterPhone: '13900002222',
      category: 'concealment', subjectName: firm.name, enterpriseId: firm.id, regionCode: firm.region_code, content: '上月厂区发生一起工人受伤事故，企业未上报' });
    expect(r.statusCode, r.body).toBe(200);
    const id = r.json().id as string;
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/assign`, { assigneeId: team[0] })).statusCode).toBe(200);
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/verify`, { result: 'substantiated', note: '核实企业瞒报一般事故' })).statusCode).toBe(200);
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reward/pay`, { note: '尚未核定' })).statusCode).toBe(409);
    const granted = await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reward`, { concealmentLevel: 'general' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().reward).toMatchObject({ status: 'approved', paidAt: null });
    const paid = await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reward/pay`, { note: '已通过银行转账发放' });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().reward).toMatchObject({ status: 'paid', paidAt: t.now.value.toISOString() });
    expect((await api(t).get(officer, `/api/enforcement/tipoffs/${id}`)).json().reward).toMatchObject({ status: 'paid', amount: granted.json().reward.amount });
    expect(await audited('enforcement.tipoff.reward_paid', id)).toMatchObject([{ after: { note: '已通过银行转账发放' } }]);
    expect((await api(t).post(officer, `/api/enforcement/tipoffs/${id}/reward/pay`, { note: '再次发放' })).statusCode).toBe(409);
  });
});

describe('a draft plan', () => {
  it('has its items replaced until it is approved', async () => {
    const created = await api(t).post(officer, '/api/enforcement/plans', { year: 2026, name: '2026年度监督检查计划（修改测试）', items: [{ sector: 'hazchem', month: 5, planned: 3 }] });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const items = [{ sector: 'hazchem', month: 5, planned: 4 }, { sector: 'fireworks', month: 6, kind: 'key', planned: 2 }];
    const put = (body: object) => t.as(officer, { method: 'PUT', url: `/api/enforcement/plans/${id}/items`, payload: body });
    const edited = await put({ items });
    expect(edited.statusCode, edited.body).toBe(200);
    const shape = (d: { items: { sector: string; month: number; kind: string; planned: number }[] }) =>
      d.items.map((i) => [i.sector, i.month, i.kind, i.planned]).sort((a, b) => String(a).localeCompare(String(b)));
    const want = [['fireworks', 6, 'key', 2], ['hazchem', 5, 'routine', 4]];
    expect(shape(edited.json())).toEqual(want);
    const seen = (await api(t).get(officer, `/api/enforcement/plans/${id}`)).json();
    expect(shape(seen)).toEqual(want);
    expect(seen.planned).toBe(6);
    const [a] = await audited('enforcement.plan.items', id);
    expect(a.after).toEqual(items);
    expect((a.before as unknown as { sector: string; planned: number }[]).map((i) => [i.sector, i.planned])).toEqual([['hazchem', 3]]);
    expect((await api(t).post(officer, `/api/enforcement/plans/${id}/approve`)).statusCode).toBe(200);
    expect((await put({ items })).statusCode).toBe(409);
  });
});
