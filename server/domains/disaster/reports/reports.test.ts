// 灾情报送: the chain village → town → county with send-back, aggregation without double counting, time limits over
// simulated time with overdue flagged once by the scan, the Word summary, and scope on every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import type { Dashboard } from '../../../../contracts/dashboard.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { valueFromTrace } from '../../../testing/figures.js';
import { scanDisasterDeadlines } from './reports.service.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let informant: string; let ent: string;
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const send = (c: string, method: 'POST' | 'PUT', url: string, payload: object = {}) => t.as(c, { method, url, payload });
const BAITANG = '430699101000';
const MY_VILLAGE = '430699101201';
let otherVillage: string;
const T0 = new Date('2026-06-21T06:00:00Z'); // 14:00 in 汨水
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let eventId: string;

/** Move the clock; sessions time out over simulated days, so everyone logs in again. */
async function moveTo(d: Date) {
  t.now.value = d;
  [staff, baitang, luojiang, informant, ent] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'informant_demo', 'ent_demo'].map((u) => t.login(u)));
}

beforeAll(async () => {
  t = await buildTestApp();
  await moveTo(at(30));
  otherVillage = (await t.p.db.one<{ code: string }>(sql`select code from regions where parent_code = ${BAITANG} and code <> ${MY_VILLAGE} order by code limit 1`)).code;
  const e = await send(staff, 'POST', '/api/disaster/events', { name: '测试6·21山洪', kind: 'flood', startedAt: T0.toISOString(), areas: [BAITANG] });
  expect(e.statusCode, e.body).toBe(200);
  eventId = e.json().id;
}, 600_000); // cloning the database is slow when the shared machine is busy
afterAll(async () => { await t.close(); });

const report = (o: object) => ({ eventId, regionCode: MY_VILLAGE, stage: 'initial', asOf: at(25).toISOString(), figures: { affectedPeople: 120, relocated: 30, cropAffectedHa: 12.5, cropDamagedHa: 4 }, ...o });
const summary = async (c = staff) => (await get(c, `/api/disaster/events/${eventId}/summary`)).json();

describe('disaster reports (灾情报送)', () => {
  it('a village officer files a 初报 for their village only; the town sends it back, the officer corrects it, the town passes it, the county confirms', async () => {
    expect((await send(informant, 'POST', '/api/disaster/reports', report({ regionCode: otherVillage }))).statusCode).toBe(400);
    const r = await send(informant, 'POST', '/api/disaster/reports', report({}));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'submitted', level: 'village', canApprove: false, canEdit: true, unconfirmed: true });
    const id = r.json().id;
    expect((await send(informant, 'POST', `/api/disaster/reports/${id}/approve`)).statusCode).toBe(409);
    const county = await send(staff, 'POST', `/api/disaster/reports/${id}/approve`);
    expect(county.statusCode).toBe(409);
    expect(county.json().error.message).toBe('该报告不在您这一级的待审环节');
    expect((await get(luojiang, `/api/disaster/reports/${id}`)).statusCode).toBe(404);
    expect((await send(baitang, 'POST', `/api/disaster/reports/${id}/return`, { note: '转移人数与村台账不符，请核实' })).json().status).toBe('returned');
    const fixed = await send(informant, 'PUT', `/api/disaster/reports/${id}`, { stage: 'initial', asOf: at(28).toISOString(), figures: { affectedPeople: 120, relocated: 26, cropAffectedHa: 12.5, cropDamagedHa: 4 } });
    expect(fixed.json()).toMatchObject({ status: 'submitted' });
    const todo = (await get(baitang, '/api/disaster/reports?todo=true')).json();
    expect(todo.items.map((x: { id: string }) => x.id)).toContain(id);
    expect((await send(baitang, 'POST', `/api/disaster/reports/${id}/approve`)).json()).toMatchObject({ status: 'town_approved' });
    expect((await send(informant, 'PUT', `/api/disaster/reports/${id}`, { stage: 'initial', asOf: at(28).toISOString(), figures: {} })).statusCode).toBe(409);
    const s = await summary();
    expect(s.towns[0]).toMatchObject({ regionName: '白塘镇', source: '村（社区）汇总', villages: 1, unconfirmed: true });
    expect(s.total.figures).toMatchObject({ affectedPeople: 120, relocated: 26, cropAffectedHa: 12.5 });
    const done = await send(staff, 'POST', `/api/disaster/reports/${id}/approve`);
    expect(done.json()).toMatchObject({ status: 'approved', unconfirmed: false });
    expect(done.json().trail.map((x: { action: string }) => x.action)).toEqual(['submit', 'return', 'resubmit', 'approve', 'approve']);
    const audits = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${id}`);
    expect(audits.n).toBe(5);
  });

  it('sums each village once with its latest figures; a town reporting for itself replaces its villages', async () => {
    await moveTo(at(24 * 60));
    const upd = await send(informant, 'POST', '/api/disaster/reports', report({ stage: 'update', asOf: at(22 * 60).toISOString(), figures: { affectedPeople: 150, relocated: 40 } }));
    await send(baitang, 'POST', `/api/disaster/reports/${upd.json().id}/approve`);
    // The town files for another village itself: it starts as town-approved.
    const other = await send(baitang, 'POST', '/api/disaster/reports', report({ regionCode: otherVillage, stage: 'update', asOf: at(22 * 60).toISOString(), figures: { affectedPeople: 80, deaths: 1 } }));
    expect(other.json().status).toBe('town_approved');
    let s = await summary();
    expect(s.towns[0]).toMatchObject({ villages: 2, source: '村（社区）汇总' });
    expect(s.total.figures).toMatchObject({ affectedPeople: 230, relocated: 40, deaths: 1 }); // 150 + 80, not 120 + 150 + 80
    const own = await send(baitang, 'POST', '/api/disaster/reports', report({ regionCode: BAITANG, stage: 'update', asOf: at(23 * 60).toISOString(), figures: { affectedPeople: 260, relocated: 45, deaths: 1 } }));
    expect(own.json()).toMatchObject({ level: 'town', status: 'submitted' });
    s = await summary();
    expect(s.towns[0]).toMatchObject({ source: '乡镇报送', villages: 0 });
    expect(s.total.figures.affectedPeople).toBe(260);
    // The village officer sees their own village's reports, not the town's or the other village's.
    const mine = (await get(informant, `/api/disaster/reports?eventId=${eventId}`)).json();
    expect(new Set(mine.items.map((x: { regionCode: string }) => x.regionCode))).toEqual(new Set([MY_VILLAGE]));
    const w = await get(staff, `/api/disaster/events/${eventId}/summary.docx`);
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toContain('wordprocessingml');
    expect(w.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects figures that do not add up, with a message a person can act on', async () => {
    const bad = await send(informant, 'POST', '/api/disaster/reports', report({ figures: { affectedPeople: 10, cropAffectedHa: 2, cropDamagedHa: 5 } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('农作物面积应满足：绝收 ≤ 成灾 ≤ 受灾');
    expect((await send(informant, 'POST', '/api/disaster/reports', report({ stage: 'final' }))).json().error.message).toBe('灾情稳定后才能报送核报，请继续报送续报');
    expect((await send(informant, 'POST', '/api/disaster/reports', report({ figures: { affectedPeople: 1.5 } }))).statusCode).toBe(400);
  });

  it('watches the time limits: 初报 within 2 hours, 续报 by 09:00 daily, flagged once by the scan and told to the town', async () => {
    await moveTo(new Date('2026-06-25T01:00:00Z')); // 09:00 on the 25th
    const e = await send(staff, 'POST', '/api/disaster/events', { name: '测试风雹', kind: 'hail', startedAt: '2026-06-25T00:30:00Z', areas: [otherVillage] });
    const id = e.json().id;
    const due = async () => (await get(staff, `/api/disaster/events/${id}/summary`)).json().deadlines as { stage: string; overdue: boolean; met: boolean; dueAt: string }[];
    expect((await due()).find((d) => d.stage === 'initial')).toMatchObject({ overdue: false, met: false, dueAt: '2026-06-25T02:30:00.000Z' });
    const flags = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from disaster_overdue_flags where event_id = ${id}`)).n;
    await scanDisasterDeadlines(t.p);
    expect(await flags()).toBe(0);
    await moveTo(new Date('2026-06-25T03:00:00Z'));
    expect((await due()).find((d) => d.stage === 'initial')).toMatchObject({ overdue: true, met: false });
    expect((await get(staff, `/api/disaster/events/${id}`)).json().overdue).toBeGreaterThanOrEqual(1);
    expect(await scanDisasterDeadlines(t.p)).toBeGreaterThanOrEqual(1);
    expect(await flags()).toBe(1);
    expect(await scanDisasterDeadlines(t.p)).toBe(0); // flagged once
    const told = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where title = '灾情报送逾期' and body like '%测试风雹%'`);
    expect(told.n).toBeGreaterThan(0);
    // A late 初报 meets the limit but stays marked late; the next 续报 cut-off is 09:00 of the 26th.
    await send(baitang, 'POST', '/api/disaster/reports', { eventId: id, regionCode: otherVillage, stage: 'initial', asOf: '2026-06-25T02:50:00Z', figures: { cropAffectedHa: 30 } });
    const d = await due();
    expect(d.find((x) => x.stage === 'initial')).toMatchObject({ met: true, overdue: true });
    expect(d.find((x) => x.stage === 'update')).toMatchObject({ dueAt: '2026-06-26T01:00:00.000Z', met: true, overdue: false });
    await moveTo(new Date('2026-06-27T02:00:00Z')); // the 27th's cut-off passed with nothing sent
    expect((await due()).find((x) => x.stage === 'update')).toMatchObject({ dueAt: '2026-06-27T01:00:00.000Z', met: false, overdue: true });
    // Once stable, 续报 stop and the 核报 is due within 5 days.
    expect((await send(baitang, 'POST', `/api/disaster/events/${id}/stable`)).statusCode).toBe(403);
    expect((await send(staff, 'POST', `/api/disaster/events/${id}/stable`)).statusCode).toBe(200);
    expect((await due()).find((x) => x.stage === 'final')).toMatchObject({ dueAt: '2026-07-02T02:00:00.000Z', overdue: false });
  });

  it('counts each viewer\'s own towns\' time limits in the events list, keeps the running ones under `watched`, and the dashboard sums them', async () => {
    await moveTo(new Date('2026-08-01T01:00:00Z'));
    const luojiangCode = (await get(luojiang, '/api/auth/me')).json().scope.regionCode as string;
    const e = await send(staff, 'POST', '/api/disaster/events', { name: '测试时限台风', kind: 'typhoon', startedAt: '2026-08-01T00:30:00Z', areas: [BAITANG, luojiangCode] });
    expect(e.statusCode, e.body).toBe(200);
    const id = e.json().id as string;
    const row = async (c: string, query = '') => {
      const r = await get(c, `/api/disaster/events?q=测试时限台风${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items.find((x: { id: string }) => x.id === id) as { overdue: number; due: number } | undefined;
    };
    // Two towns, each with a 初报 and the first 续报 still to come.
    expect(await row(staff)).toMatchObject({ overdue: 0, due: 4 });
    expect(await row(baitang)).toMatchObject({ overdue: 0, due: 2 });
    expect(await row(staff, `&regionCode=${BAITANG}`)).toMatchObject({ overdue: 0, due: 2 });
    expect(await row(informant)).toMatchObject({ due: 2 }); // a village officer watches its town's limits
    // Past the 2 hours: both 初报 overdue; the dashboard's figures are the sums of the list it links to.
    await moveTo(new Date('2026-08-01T03:00:00Z'));
    expect(await row(staff, '&watched=true')).toMatchObject({ overdue: 2, due: 2 });
    const d = (await get(staff, '/api/dashboard')).json() as Dashboard;
    const dues = d.groups.flatMap((g) => g.figures).filter((f) => f.key === 'disaster.reportsOverdue' || f.key === 'disaster.reportsDue');
    expect(dues.map((f) => f.key).sort()).toEqual(['disaster.reportsDue', 'disaster.reportsOverdue']);
    for (const f of dues) expect(await valueFromTrace(t, staff, f), f.key).toBe(f.value);
    expect(dues.find((f) => f.key === 'disaster.reportsOverdue')!.value).toBeGreaterThanOrEqual(2);
    // Stable, then past the 核报 days: no longer watched, still listed.
    expect((await send(staff, 'POST', `/api/disaster/events/${id}/stable`)).statusCode).toBe(200);
    await moveTo(new Date('2026-08-08T03:00:00Z'));
    expect(await row(staff, '&watched=true')).toBeUndefined();
    expect(await row(staff)).toMatchObject({ overdue: 4 }); // 初报 and 核报 of both towns never sent
  });

  it('an event may strike several towns and villages, and gain areas while it is not stable', async () => {
    const LUOJIANG_VILLAGE = '430699102201';
    const e = await send(staff, 'POST', '/api/disaster/events', { name: '测试多区域暴雨', kind: 'flood', startedAt: T0.toISOString(), areas: [MY_VILLAGE, LUOJIANG_VILLAGE] });
    expect(e.statusCode, e.body).toBe(200);
    expect(e.json()).toMatchObject({ regionCode: '430699000000', areas: [{ regionCode: MY_VILLAGE }, { regionCode: LUOJIANG_VILLAGE }] });
    const id = e.json().id;
    // 白塘镇 adds another of its villages; it may not add 罗江镇's, and a village officer may not add any.
    const added = await send(baitang, 'POST', `/api/disaster/events/${id}/areas`, { areas: [otherVillage] });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().areas.map((a: { regionCode: string }) => a.regionCode)).toEqual([MY_VILLAGE, otherVillage, LUOJIANG_VILLAGE].sort());
    expect((await send(baitang, 'POST', `/api/disaster/events/${id}/areas`, { areas: ['430699102202'] })).json().error.message).toMatch(/超出您的管辖范围$/);
    expect((await send(baitang, 'POST', `/api/disaster/events/${id}/areas`, { areas: [otherVillage] })).json().error.message).toBe('所选区域已在本次灾害的受灾区域内');
    expect((await send(informant, 'POST', `/api/disaster/events/${id}/areas`, { areas: [MY_VILLAGE] })).statusCode).toBe(403);
    // Each town reports for its own villages; the summary has both towns; a town's event list counts only its reports.
    expect((await send(informant, 'POST', '/api/disaster/reports', report({ eventId: id, figures: { affectedPeople: 7 } }))).statusCode).toBe(200);
    expect((await send(luojiang, 'POST', '/api/disaster/reports', report({ eventId: id, regionCode: LUOJIANG_VILLAGE, figures: { affectedPeople: 11 } }))).statusCode).toBe(200);
    const s = (await get(staff, `/api/disaster/events/${id}/summary`)).json();
    expect(s.towns.map((x: { regionName: string }) => x.regionName)).toEqual(['白塘镇', '罗江镇']);
    expect(s.total.figures.affectedPeople).toBe(11); // 罗江镇's own filing is town-approved; 白塘镇's village report awaits the town
    expect((await get(luojiang, `/api/disaster/events/${id}`)).json()).toMatchObject({ reports: 1 });
    expect((await get(staff, `/api/disaster/events/${id}`)).json()).toMatchObject({ reports: 2 });
    const luojiangSummary = (await get(luojiang, `/api/disaster/events/${id}/summary`)).json();
    expect(luojiangSummary.towns.map((x: { regionName: string }) => x.regionName)).toEqual(['罗江镇']);
  });

  it('keeps each account to its scope on every route', async () => {
    expect((await get(luojiang, `/api/disaster/events/${eventId}`)).statusCode).toBe(404);
    expect((await get(luojiang, `/api/disaster/events/${eventId}/summary`)).statusCode).toBe(404);
    expect((await get(informant, `/api/disaster/events/${eventId}`)).statusCode).toBe(200);
    expect((await get(luojiang, `/api/disaster/reports?eventId=${eventId}`)).json().total).toBe(0);
    expect((await send(luojiang, 'POST', '/api/disaster/reports', report({}))).statusCode).toBe(404);
    expect((await send(informant, 'POST', '/api/disaster/events', { name: '村里登记', kind: 'flood', startedAt: T0.toISOString(), areas: [MY_VILLAGE] })).statusCode).toBe(403);
    expect((await send(luojiang, 'POST', '/api/disaster/events', { name: '越界', kind: 'flood', startedAt: T0.toISOString(), areas: [BAITANG] })).statusCode).toBe(400);
    expect((await get(ent, '/api/disaster/events')).statusCode).toBe(403);
    expect((await get(ent, '/api/disaster/reports')).statusCode).toBe(403);
  });
});
