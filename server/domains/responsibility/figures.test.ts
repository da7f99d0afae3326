// The report's figures of sections 一 and 二 (seed-figures.md rows 1–4, 16, 18) for any period, region and unit, each
// equal to the list it links to; and the data scope of every responsibility and outreach route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../../contracts/figures.js';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { traceChecks } from '../../testing/figures.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let dept: string; let ent: string; let zhujian: string;
const BAITANG = '430699101000';
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
type Groups = { label: string; groups: { key: string; figures: Figure[] }[] };
const figures = async (c: string, qs: string) => {
  const r = await get(c, `/api/responsibility/figures?${qs}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Groups;
};
const all = (g: Groups) => g.groups.flatMap((x) => x.figures);
const value = (g: Groups, key: string) => all(g).find((f) => f.key === key)!.value;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-02T02:00:00Z');
  [staff, baitang, luojiang, dept, ent] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo'].map((u) => t.login(u)));
  zhujian = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市住房和城乡建设局'`)).id;
}, 300_000);
afterAll(async () => { await t.close(); });

describe('the report figures (一、二)', () => {
  it('reproduces the report for 2022 H1: 13 committees, 51 letters (27/15/9), 2 督查 and 4 专项督查, 30+ drills, 19/7 flood publicity and training', async () => {
    const h1 = await figures(staff, 'from=2022-01-01&to=2022-06-30');
    expect(h1.label).toBe('2022年上半年');
    expect(value(h1, 'responsibility.committees')).toBe(13);
    expect(value(h1, 'responsibility.pledges')).toBe(51);
    expect([value(h1, 'responsibility.pledges.park_unit'), value(h1, 'responsibility.pledges.town'), value(h1, 'responsibility.pledges.key_enterprise')]).toEqual([27, 15, 9]);
    expect(value(h1, 'responsibility.inspections')).toBe(2);
    expect(value(h1, 'responsibility.specialInspections')).toBe(4);
    expect(value(h1, 'outreach.drills')).toBeGreaterThanOrEqual(30);
    expect(value(h1, 'outreach.flood.activities')).toBe(19);
    expect(value(h1, 'outreach.flood.trainings')).toBe(7);
    expect(value(h1, 'outreach.activities.consultation')).toBeGreaterThanOrEqual(1);
    expect(value(h1, 'outreach.activities.forum')).toBe(1);
    expect(value(h1, 'outreach.trainings.principals')).toBeGreaterThanOrEqual(1);
    // Every figure is its list: the trace's list total (or sum) equals the value.
    const checks = await traceChecks(t, staff, all(h1));
    expect(checks.length).toBe(all(h1).length);
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
    expect(all(h1).find((f) => f.key === 'responsibility.inspections')!.trace!.web).toContain('/responsibility/supervision?tab=campaigns');
  });

  it('counts any other period and region: nothing in 2021; a town sees its own letter and its own activities only', async () => {
    const y2021 = await figures(staff, 'from=2021-01-01&to=2021-12-31');
    expect(value(y2021, 'responsibility.pledges')).toBe(0);
    expect(value(y2021, 'outreach.activities')).toBe(0);
    const q1 = await figures(staff, 'from=2022-01-01&to=2022-03-31');
    expect(value(q1, 'responsibility.specialInspections')).toBe(1);          // only 强对流 started in Q1
    const region = await figures(staff, `from=2022-01-01&to=2022-06-30&regionCode=${BAITANG}`);
    expect(value(region, 'responsibility.pledges.town')).toBe(1);
    const town = await figures(baitang, 'from=2022-01-01&to=2022-06-30');
    expect(value(town, 'responsibility.pledges')).toBe(1);
    expect(value(town, 'outreach.activities')).toBeLessThan(value(await figures(staff, 'from=2022-01-01&to=2022-06-30'), 'outreach.activities'));
    const checks = await traceChecks(t, baitang, all(town));
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
    const unit = await figures(staff, `from=2022-01-01&to=2022-06-30&orgId=${zhujian}`);
    expect(value(unit, 'responsibility.pledges')).toBe(1);
    expect(value(unit, 'responsibility.committees')).toBeGreaterThanOrEqual(3); // 住建局 sits on 建设工程, 消防, 特种设备, 燃气 …
    expect((await traceChecks(t, staff, all(unit))).filter((c) => c.value !== c.fromList)).toEqual([]);
  });

  it('refuses a reversed period with a message a person can act on', async () => {
    const r = await get(staff, '/api/responsibility/figures?from=2022-06-30&to=2022-01-01');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('早于起始日期');
    expect((await get(ent, '/api/responsibility/figures?from=2022-01-01&to=2022-06-30')).statusCode).toBe(403);
  });
});

describe('scope on every route', () => {
  const LISTS = ['/api/responsibility/committees', '/api/responsibility/tasks', '/api/responsibility/pledges', '/api/responsibility/duties',
    '/api/responsibility/campaigns', '/api/outreach/activities', '/api/outreach/trainings', '/api/outreach/certificates', '/api/outreach/drills'];

  it('every GET of both domains refuses an enterprise account', async () => {
    const routes = t.app.routeTable.filter((r) => r.method === 'GET' && (r.url.startsWith('/api/responsibility') || r.url.startsWith('/api/outreach')));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) {
      const u = r.url.replace(':id', '00000000-0000-7000-8000-000000000000').replace(':memberId', '00000000-0000-7000-8000-000000000000');
      expect([r.url, (await get(ent, `${u}${u.includes('stats') || u.includes('figures') ? '?from=2022-01-01&to=2022-06-30' : ''}`)).statusCode]).toEqual([r.url, 403]);
    }
  });

  it('a town lists only its own tasks, letters, duties, activities, trainings and certificates; a department its own', async () => {
    const within = (code: string) => code.startsWith('430699101');
    for (const path of LISTS) {
      const r = await get(baitang, `${path}?pageSize=200`);
      expect([path, r.statusCode]).toEqual([path, 200]);
      const items = r.json().items as Record<string, string>[];
      if (['/api/responsibility/tasks', '/api/responsibility/pledges', '/api/outreach/activities', '/api/outreach/trainings', '/api/outreach/certificates'].includes(path)) {
        expect([path, items.filter((x) => !within(x.regionCode)).map((x) => x.regionCode)]).toEqual([path, []]);
      }
    }
    // A town sees a campaign only through a task it was given, and only its own tasks in it.
    for (const c of (await get(baitang, '/api/responsibility/campaigns?pageSize=200')).json().items) {
      const d = (await get(baitang, `/api/responsibility/campaigns/${c.id}`)).json();
      expect(d.tasks.length).toBeGreaterThan(0);
      expect(d.tasks.every((x: { regionCode: string }) => within(x.regionCode))).toBe(true);
    }
    const tasks = (await get(dept, '/api/responsibility/tasks?pageSize=200')).json().items;
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((x: { assigneeOrgId: string }) => x.assigneeOrgId))).toEqual(new Set([zhujian]));
    expect(new Set((await get(dept, '/api/responsibility/duties?pageSize=200')).json().items.map((x: { orgId: string }) => x.orgId))).toEqual(new Set([zhujian]));
    expect((await get(dept, '/api/outreach/activities?pageSize=200')).json().items.every((a: { regionCode: string }) => a.regionCode)).toBe(true);
  });

  it('another town can neither read nor change a town’s records; only the bureau edits letters, campaigns and tasks', async () => {
    const task = (await get(baitang, '/api/responsibility/tasks?pageSize=1')).json().items[0];
    const act = (await get(baitang, `/api/outreach/activities?regionCode=${BAITANG}&pageSize=1`)).json().items[0];
    const pledge = (await get(baitang, '/api/responsibility/pledges?pageSize=1')).json().items[0];
    const duty = (await get(baitang, '/api/responsibility/duties?pageSize=1')).json().items[0];
    const as = (c: string, method: 'PUT' | 'DELETE' | 'GET', url: string, payload?: object) => t.as(c, { method, url, payload })
      .then((r) => (r.statusCode === 400 ? `400 ${r.body}` : r.statusCode));
    expect(await as(luojiang, 'GET', `/api/responsibility/tasks/${task.id}`)).toBe(404);
    expect(await as(luojiang, 'GET', `/api/outreach/activities/${act.id}`)).toBe(404);
    const { id: _a, kindLabel: _k, regionName: _r, ...activity } = act;
    expect(await as(luojiang, 'PUT', `/api/outreach/activities/${act.id}`, { ...activity, description: activity.description ?? undefined, rounds: activity.rounds ?? undefined, regionCode: '430699102000' })).toBe(404);
    expect(await as(luojiang, 'DELETE', `/api/outreach/activities/${act.id}`)).toBe(404);
    expect(await as(luojiang, 'PUT', `/api/responsibility/duties/${duty.id}`, { principle: 'party', duty: '改别人的职责', legalBasis: '无依据' })).toBe(404);
    expect(await as(baitang, 'PUT', `/api/responsibility/tasks/${task.id}`, { title: '自己改期限', assigneeOrgId: task.assigneeOrgId, dueOn: '2030-01-01' })).toBe(403);
    expect(await as(baitang, 'DELETE', `/api/responsibility/tasks/${task.id}`)).toBe(403);
    expect(await as(baitang, 'PUT', `/api/responsibility/pledges/${pledge.id}`, { issuerName: '市人民政府', targets: '自己改目标', signedOn: null, fileId: null })).toBe(403);
    expect(await as(baitang, 'DELETE', `/api/responsibility/pledges/${pledge.id}`)).toBe(403);
    const campaign = (await get(baitang, '/api/responsibility/campaigns?pageSize=1')).json().items[0];
    expect(await as(baitang, 'DELETE', `/api/responsibility/campaigns/${campaign.id}`)).toBe(403);
  });
});
