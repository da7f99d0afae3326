// 综合态势: every figure is its list's total (for the county, a town and a department), a town sees only its own
// figures, and filters outside the caller's scope are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../contracts/dashboard.js';
import type { Figure } from '../../../contracts/figures.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { traceChecks } from '../../testing/figures.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let baitangCode: string;
let luojiangCode: string;

const get = (who: string, url: string) => t.as(cookies[who], { method: 'GET', url });
async function dashboard(who: string, query = ''): Promise<Dashboard> {
  const r = await get(who, `/api/dashboard${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Dashboard;
}
const figures = (d: Dashboard): Figure[] => d.groups.flatMap((g) => g.figures);
const byKey = (d: Dashboard) => new Map(figures(d).map((f) => [f.key, f.value]));
/** Traced figures whose value differs from their list's (empty when all agree). */
async function mismatches(who: string, d: Dashboard) {
  const checks = await traceChecks(t, cookies[who], figures(d));
  expect(checks.length).toBeGreaterThan(0);
  return checks.filter((c) => c.value !== c.fromList);
}

beforeAll(async () => {
  t = await buildTestApp();
  // The demo county's records lie in 2022 (the report's half-year); look at it from the end of June.
  t.now.value = new Date('2022-06-30T02:00:00Z');
  for (const u of ['leader', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo', 'admin']) cookies[u] = await t.login(u);
  baitangCode = (await get('town_baitang', '/api/auth/me')).json().scope.regionCode;
  luojiangCode = (await get('town_luojiang', '/api/auth/me')).json().scope.regionCode;
}, 300_000);
afterAll(async () => { await t.close(); });

describe('every figure is the total of the list it links to', () => {
  it('for the county (leader), with figures in every pillar', async () => {
    const d = await dashboard('leader');
    expect(d.scope.label).toBe('全县');
    expect(d.groups.map((g) => g.key)).toEqual(expect.arrayContaining(
      ['enterprises', 'sectors', 'risk', 'hazards', 'enforcement', 'monitoring', 'command', 'disaster', 'responsibility']));
    const v = byKey(d);
    expect(v.get('enterprises.operating')).toBeGreaterThan(1000);
    expect(v.get('hazards.open')).toBeGreaterThan(0);
    expect(v.get('enforcement.inspections')).toBeGreaterThan(0);
    // The sector bars and the risk donut add up to all operating enterprises.
    const sum = (key: string) => d.groups.find((g) => g.key === key)!.figures.reduce((n, f) => n + f.value, 0);
    expect(sum('sectors')).toBe(v.get('enterprises.operating'));
    expect(sum('risk')).toBe(v.get('enterprises.operating'));
    expect(await mismatches('leader', d)).toEqual([]);
  });

  it('for each period, and for the county narrowed to one town', async () => {
    for (const period of ['month', 'quarter']) expect(await mismatches('leader', await dashboard('leader', `?period=${period}`))).toEqual([]);
    expect(await mismatches('leader', await dashboard('leader', `?regionCode=${baitangCode}`))).toEqual([]);
  });

  it('for one town (白塘镇)', async () => {
    const d = await dashboard('town_baitang');
    expect(d.scope.label).toBe('白塘镇');
    expect(d.groups.some((g) => g.key === 'enforcement')).toBe(false); // a town account has no enforcement:read
    expect(await mismatches('town_baitang', d)).toEqual([]);
  });

  it('for one department (住建), and for the county narrowed to that department', async () => {
    const d = await dashboard('dept_zhujian');
    expect(d.groups.length).toBeGreaterThan(0);
    expect(await mismatches('dept_zhujian', d)).toEqual([]);
    const orgId = (await get('dept_zhujian', '/api/auth/me')).json().scope.orgId as string;
    const narrowed = await dashboard('leader', `?orgId=${orgId}`);
    expect(narrowed.notes.join('')).toContain('按部门');
    expect(byKey(narrowed).get('enterprises.operating')).toBe(byKey(d).get('enterprises.operating'));
    expect(await mismatches('leader', narrowed)).toEqual([]);
  });

  it('an enterprise account has no dashboard', async () => {
    expect((await get('ent_demo', '/api/dashboard')).statusCode).toBe(403);
  });
});

describe('a town sees only its own figures', () => {
  // Figures of work waiting on the caller (the review step) differ by who asks, not by where.
  const own = (d: Dashboard) => new Map([...byKey(d)].filter(([k]) => k !== 'disaster.reportsToReview'));

  it('equals the county narrowed to the town, and never counts another town', async () => {
    const [town, countyTown, countyOther, county, other] = await Promise.all([
      dashboard('town_baitang'), dashboard('leader', `?regionCode=${baitangCode}`), dashboard('leader', `?regionCode=${luojiangCode}`),
      dashboard('leader'), dashboard('town_luojiang')]);
    const mine = own(town);
    const narrowed = byKey(countyTown);
    const shared = [...mine.keys()].filter((k) => narrowed.has(k));
    expect(shared.length).toBeGreaterThan(10);
    for (const k of shared) expect([k, mine.get(k)]).toEqual([k, narrowed.get(k)]);
    // Records of 罗江镇 exist, and they are not in 白塘镇's numbers: the two towns together never exceed the county.
    const all = byKey(county);
    const theirs = byKey(countyOther);
    expect(theirs.get('enterprises.operating')).toBeGreaterThan(0);
    expect(mine.get('hazards.open')).toBeGreaterThan(0);
    for (const k of ['enterprises.operating', 'hazards.open', 'hazards.overdue', 'hazards.found', 'monitoring.openAlarms', 'monitoring.offlineSensors']) {
      expect(mine.get(k)! + theirs.get(k)!, k).toBeLessThanOrEqual(all.get(k)!);
    }
    // 罗江镇's own dashboard agrees with the county narrowed to it.
    expect(byKey(other).get('enterprises.operating')).toBe(theirs.get('enterprises.operating'));
    // The overdue hazards a town is shown are its own.
    expect(town.overdueHazards.every((h) => countyTown.overdueHazards.some((x) => x.id === h.id))).toBe(true);
  });

  it('refuses another town\'s region, and an unknown one, with a message a person can act on', async () => {
    const r = await get('town_baitang', `/api/dashboard?regionCode=${luojiangCode}`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('不在您的数据范围内');
    const u = await get('leader', '/api/dashboard?regionCode=430699999000');
    expect(u.statusCode).toBe(400);
    expect(u.json().error.message).toContain('不存在');
  });
});

describe('overdue first', () => {
  it('lists at most 10 overdue hazards, the longest overdue first, each counted in the overdue figure', async () => {
    const d = await dashboard('leader');
    const overdue = byKey(d).get('hazards.overdue')!;
    expect(d.overdueHazards.length).toBe(Math.min(10, overdue));
    const days = d.overdueHazards.map((h) => h.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(days.every((n) => n > 0)).toBe(true);
    expect(d.overdueHazardsTrace).toBe('/hazards?view=overdue');
  });
});
