import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { scanEnforcementDeadlines } from '../common/deadlines.scan.js';
import { api, enterprisesOf, makeOfficer, upload } from '../common/testing.js';

let t: TestApp; let officer: string; let team: string[]; let firms: { id: string; name: string }[];
let n = 0;

/** Move the clock (Shanghai 10:00 on `day` unless a time is given) and log in again. */
async function at(day: string, time = '10:00') {
  t.now.value = new Date(`${day}T${time}:00+08:00`);
  officer = await t.login('officer');
}
const post = (id: string, move: string, body: object = {}) => api(t).post(officer, `/api/enforcement/cases/${id}/${move}`, body);
const get = (id: string) => api(t).get(officer, `/api/enforcement/cases/${id}`);
const due = (c: { deadlines: { kind: string; dueOn: string }[] }, kind: string) => c.deadlines.find((d) => d.kind === kind)?.dueOn;

async function filed(day: string) {
  await at(day);
  const r = await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firms[n++ % firms.length].id, cause: '未按规定对重大危险源进行监控', officerIds: team });
  expect(r.statusCode, r.body).toBe(200);
  const approved = await post(r.json().id, 'approve', { opinion: '同意立案，由执法大队承办' });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  await at('2022-09-19');
  team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
  firms = await enterprisesOf(t, 'hazchem');
});
afterAll(async () => { await t.close(); });

describe('a case from 立案 to 结案', () => {
  it('runs every stage with its deadline, counting working days across the National Day holiday', async () => {
    const c = await filed('2022-09-19');
    expect(c.number).toMatch(/^（汨）应急立〔2022〕\d+号$/);
    expect(due(c, 'decide')).toBe('2022-12-18'); // 90 days (Art. 60)
    await at('2022-09-29');
    const notified = (await post(c.id, 'notify', { kinds: ['fine'], fine: 60000, basis: '《中华人民共和国安全生产法》第九十九条第（五）项' })).json();
    expect(notified).toMatchObject({ status: 'notified', hearingEligible: true });
    expect(due(notified, 'statement')).toBe('2022-10-09');       // 3 working days: 30 Sep, 8 Oct (Sat, worked), 9 Oct (Sun, worked)
    expect(due(notified, 'hearing_request')).toBe('2022-10-11'); // 5 working days
    await at('2022-10-10');
    const early = await post(c.id, 'decide', { kinds: ['fine'], fine: 60000, basis: '安全生产法第九十九条' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/当事人申请听证期限至 2022年10月11日/);
    const soon = await post(c.id, 'request-hearing', { hearingOn: '2022-10-14' });
    expect(soon.json().error.message).toMatch(/最早 2022-10-19/); // notice 7 working days before
    const hearing = (await post(c.id, 'request-hearing', { hearingOn: '2022-10-19' })).json();
    expect(hearing).toMatchObject({ status: 'hearing', hearingOn: '2022-10-19' });
    await at('2022-10-19');
    expect((await post(c.id, 'hold-hearing', { summary: '当事人对事实无异议，请求从轻处罚' })).json().status).toBe('heard');
    const decided = (await post(c.id, 'decide', { kinds: ['fine'], fine: 60000, basis: '安全生产法第九十九条第（五）项', facts: '二号罐区未实施在线监控' })).json();
    expect(decided.status).toBe('decided');
    expect(due(decided, 'service')).toBe('2022-10-28'); // 7 working days (Art. 61)
    await at('2022-10-20');
    const served = (await post(c.id, 'serve', { method: 'direct', recipient: '周建国', signatureFileId: await upload(t, officer) })).json();
    expect(served).toMatchObject({ status: 'executing', paymentDue: '2022-11-04' }); // 15 days (Art. 67)
    expect(due(served, 'enforcement_apply')).toBe('2023-07-20');
    await at('2022-11-07');
    const short = await post(c.id, 'pay', { amount: 60000 });
    expect(short.json().error.message).toMatch(/应缴 65400 元（罚款 60000 元，加处罚款 5400 元）/); // 3 days × 3%
    expect((await get(c.id)).json()).toMatchObject({ surchargeToday: 5400, amountDueToday: 65400 });
    expect((await post(c.id, 'pay', { amount: 65400 })).json().paidAmount).toBe(65400);
    const closed = (await post(c.id, 'close', { note: '罚款及加处罚款已缴清，结案' })).json();
    expect(closed.status).toBe('closed');
    expect(closed.deadlines.every((d: { status: string }) => d.status !== 'open')).toBe(true);
    expect(closed.documents.map((d: { kind: string }) => d.kind).sort()).toEqual(
      ['closing_report', 'filing_approval', 'hearing_notice', 'hearing_record', 'penalty_decision', 'penalty_notice', 'service_receipt']);
    expect(closed.events.map((e: { action: string }) => e.action)).toEqual(['file', 'approve', 'notify', 'request_hearing', 'hold_hearing', 'decide', 'serve', 'pay', 'close']);
    const audited = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${c.id} order by seq`);
    expect(audited.map((a) => a.action)).toEqual(['enforcement.case.file', 'enforcement.case.approve', 'enforcement.case.notify', 'enforcement.case.request_hearing',
      'enforcement.case.hold_hearing', 'enforcement.case.decide', 'enforcement.case.serve', 'enforcement.case.pay', 'enforcement.case.close']);
  });

  it('refuses moves the state does not allow, and a hearing asked for too late', async () => {
    await at('2022-09-19');
    const r = (await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firms[0].id, cause: '测试非法操作', officerIds: team })).json();
    const wrong = await post(r.id, 'decide', { kinds: ['warning'], basis: '测试' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toMatch(/当前状态「立案审批中」不能执行「作出处罚决定」/);
    expect((await post(r.id, 'reject', { opinion: '不属于本部门管辖，移交住建部门' })).json().status).toBe('not_filed');
    const c = await filed('2022-09-19');
    await post(c.id, 'notify', { kinds: ['suspension'], suspensionDays: 30, basis: '安全生产法第一百一十三条' });
    await at('2022-09-27');
    expect((await post(c.id, 'request-hearing', { hearingOn: '2022-10-20' })).statusCode).toBe(409);
  });

  it('lets the party waive its periods, and caps the surcharge at the fine', async () => {
    const c = await filed('2022-03-01');
    expect((await post(c.id, 'notify', { kinds: ['fine'], fine: 5000, basis: '安全生产法第九十七条' })).json().hearingEligible).toBe(false);
    expect((await post(c.id, 'decide', { kinds: ['fine'], fine: 5000, basis: '安全生产法第九十七条', waived: true })).json().status).toBe('decided');
    await post(c.id, 'serve', { method: 'left', recipient: '值班人员', refusalNote: '拒绝签收', witness: '村委会主任 李明' });
    await at('2022-04-01');
    expect((await post(c.id, 'apply-enforcement', { court: '汨水市人民法院' })).json().error.message).toMatch(/先催告/);
    expect((await post(c.id, 'remind')).statusCode).toBe(200);
    expect((await post(c.id, 'apply-enforcement', { court: '汨水市人民法院' })).json().error.message).toMatch(/满 10 日/);
    await at('2022-08-01');
    expect((await get(c.id)).json()).toMatchObject({ surchargeToday: 5000, amountDueToday: 10000 });
    expect((await post(c.id, 'apply-enforcement', { court: '汨水市人民法院' })).json().status).toBe('enforcing');
    expect((await post(c.id, 'close', { note: '法院已强制执行完毕' })).json().status).toBe('closed');
  });

  it('warns before a deadline passes and tells again when it has passed, once each', async () => {
    const c = await filed('2022-06-01');
    await post(c.id, 'notify', { kinds: ['warning'], basis: '安全生产法第九十七条' });
    const count = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where body like ${'%陈述申辩%'} and title like '执法时限%'`)).n;
    const before = await count();
    await at('2022-06-02'); // due 7 June (3 Jun is 端午): not yet within the 3 warning days
    await scanEnforcementDeadlines(t.p);
    expect(await count()).toBe(before);
    await at('2022-06-05');
    await scanEnforcementDeadlines(t.p);
    const warned = await count();
    expect(warned).toBeGreaterThan(before);
    await scanEnforcementDeadlines(t.p);
    expect(await count()).toBe(warned);
    await at('2022-06-08');
    await scanEnforcementDeadlines(t.p);
    const titles = await t.p.db.query<{ title: string }>(sql`select distinct title from notifications where body like ${'%陈述申辩%'}`);
    expect(titles.map((x) => x.title).sort()).toEqual(['执法时限已逾期', '执法时限即将到期'].sort());
  });
});

describe('measures and 行刑衔接', () => {
  it('seals with a 30-day period and lifts with a 处理决定书; a suspension decision records its measure', async () => {
    const c = await filed('2022-05-10');
    const m = (await api(t).post(officer, '/api/enforcement/measures', { kind: 'seal', caseId: c.id, reason: '储存超量的危险化学品', items: [{ name: '液氯钢瓶', quantity: 12, unit: '只' }] })).json();
    expect(m).toMatchObject({ kind: 'seal', dueOn: '2022-06-09' });
    expect((await api(t).post(officer, `/api/enforcement/measures/${m.id}/lift`, { reason: '已依法处置' })).json().liftedAt).not.toBeNull();
    expect((await api(t).post(officer, `/api/enforcement/measures/${m.id}/lift`, { reason: '再次解除' })).statusCode).toBe(409);
    await post(c.id, 'notify', { kinds: ['suspension'], basis: '安全生产法第一百零二条' });
    await at('2022-05-25');
    const d = (await post(c.id, 'decide', { kinds: ['suspension'], suspensionDays: 30, basis: '安全生产法第一百零二条' })).json();
    expect(d.measures.map((x: { kind: string }) => x.kind).sort()).toEqual(['seal', 'suspend_business']);
    expect(d.documents.map((x: { kind: string }) => x.kind)).toEqual(expect.arrayContaining(['seal_decision', 'seal_disposal', 'penalty_decision']));
  });

  it('transfers a suspected crime within its limits and records the police outcome', async () => {
    await at('2022-05-10');
    const tr = await api(t).post(officer, '/api/enforcement/transfers', { enterpriseId: firms[0].id, suspectedOffence: '非法储存危险物质', facts: '在居民区非法储存烟花爆竹成品 300 箱', teamOfficerIds: team });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.json().deadlines[0]).toMatchObject({ kind: 'decide', dueOn: '2022-05-13' });
    await at('2022-05-11', '16:00');
    const ok = (await api(t).post(officer, `/api/enforcement/transfers/${tr.json().id}/decide`, { approve: true, note: '同意移送' })).json();
    expect(ok.deadlines.find((d: { kind: string }) => d.kind === 'send').dueOn).toBe('2022-05-12');
    const sent = (await api(t).post(officer, `/api/enforcement/transfers/${tr.json().id}/send`, { policeOrg: '汨水市公安局' })).json();
    expect(sent.status).toBe('transferred');
    const done = (await api(t).post(officer, `/api/enforcement/transfers/${tr.json().id}/police-result`, { accepted: true, note: '已立案侦查，行政拘留3人', personsDetained: 3 })).json();
    expect(done).toMatchObject({ status: 'accepted', personsDetained: 3 });
    const stats = (await api(t).get(officer, '/api/enforcement/stats?from=2022-05-01&to=2022-05-31')).json();
    expect(stats.personsDetained).toBeGreaterThanOrEqual(3);
  });
});

describe('scope', () => {
  it('keeps cases, measures, transfers, plans and deadlines inside the caller\'s scope', async () => {
    const c = await filed('2022-05-10');
    const m = (await api(t).post(officer, '/api/enforcement/measures', { kind: 'stop_use', caseId: c.id, reason: '压力容器超期未检' })).json();
    const tr = (await api(t).post(officer, '/api/enforcement/transfers', { caseId: c.id, suspectedOffence: '重大责任事故', facts: '违章指挥造成人员受伤', teamOfficerIds: team })).json();
    const plan = (await api(t).post(officer, '/api/enforcement/plans', { year: 2022, name: '范围测试计划', items: [{ sector: 'hazchem', month: 6, planned: 1 }] })).json();
    // An officer of another town (the demo county has enforcement records in every town, so compare by id).
    const here = (await t.p.db.one<{ p: string }>(sql`select left(region_code, 9) as p from enforcement_cases where id = ${c.id}`)).p;
    const town = (await t.p.db.one<{ code: string }>(sql`select code from regions where level = 'town' and left(code, 9) <> ${here} order by code limit 1`)).code;
    const far = await t.login((await makeOfficer(t, { region: town })).username);
    for (const url of [`/api/enforcement/cases/${c.id}`, `/api/enforcement/measures/${m.id}`, `/api/enforcement/transfers/${tr.id}`, `/api/enforcement/plans/${plan.id}`]) {
      expect((await api(t).get(far, url)).statusCode, url).toBe(404);
    }
    expect((await api(t).post(far, `/api/enforcement/cases/${c.id}/notify`, { kinds: ['warning'], basis: '测试' })).statusCode).toBe(404);
    expect((await api(t).post(far, `/api/enforcement/measures/${m.id}/lift`, { reason: '测试' })).statusCode).toBe(404);
    expect((await api(t).post(far, `/api/enforcement/transfers/${tr.id}/decide`, { approve: true, note: '测试' })).statusCode).toBe(404);
    const mine = new Set([c.id, m.id, tr.id, plan.id]);
    for (const url of ['/api/enforcement/cases', '/api/enforcement/measures', '/api/enforcement/transfers', '/api/enforcement/plans', '/api/enforcement/deadlines']) {
      const items = (await api(t).get(far, `${url}?pageSize=200`)).json().items as { id?: string; caseId?: string; regionCode?: string }[];
      expect(items.some((x) => mine.has(x.id ?? '') || mine.has(x.caseId ?? '')), url).toBe(false);
      expect(items.every((x) => !x.regionCode || x.regionCode.startsWith(town.slice(0, 9))), url).toBe(true);
    }
  });
});
