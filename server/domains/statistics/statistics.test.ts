// 统计分析 on the demo county, 2022 H1: the figures the half-year report states, 同比/环比, traces equal their lists,
// scope, department filter, bad periods, and the Excel file.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure, FigureTrace } from '../../../contracts/figures.js';
import type { ReportResult } from '../../../contracts/statistics.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { traceChecks } from '../../testing/figures.js';

let t: TestApp;
let leader: string;
let town: string;
const H1 = 'from=2022-01-01&to=2022-06-30';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-11-30T02:00:00Z');
  leader = await t.login('leader');
  town = await t.login('town_baitang');
}, 900_000);
afterAll(async () => { await t?.close(); });

const get = async (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
async function report(cookie: string, key: string, q: string): Promise<ReportResult> {
  const r = await get(cookie, `/api/statistics/reports/${key}?${q}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as ReportResult;
}
/** Every traced cell of a report as a figure, for traceChecks. */
function figures(r: ReportResult, which: ('trace' | 'lastYearTrace' | 'previousTrace')[] = ['trace']): Figure[] {
  const out: Figure[] = [];
  for (const row of [...r.rows, r.total]) {
    for (const [k, c] of Object.entries(row.cells)) {
      for (const w of which) {
        const tr = c[w] as FigureTrace | undefined;
        const v = w === 'trace' ? c.current : w === 'lastYearTrace' ? c.lastYear : c.previous;
        if (tr && v !== null) out.push({ key: `${row.label}.${k}.${w}`, label: k, value: v, unit: '', trace: tr });
      }
    }
  }
  return out;
}

const cell = (r: ReportResult, row: string, m: string) => {
  const x = r.rows.find((y) => y.label === row || y.key === row);
  if (!x) throw new Error(`no row ${row} in ${r.rows.map((y) => y.label).join(',')}`);
  return x.cells[m];
};

describe('statistics (统计分析) on the demo county, 2022 H1', () => {
  it('lists the reports a caller may read, grouped by pillar', async () => {
    const all = (await get(leader, '/api/statistics/reports')).json() as { reports: { key: string; pillar: string }[] };
    expect(new Set(all.reports.map((r) => r.pillar))).toEqual(new Set(['enterprises', 'hazards', 'enforcement', 'monitoring', 'emergency', 'disaster', 'flood', 'responsibility']));
    const mine = (await get(town, '/api/statistics/reports')).json() as { reports: { key: string }[] };
    // A town has no enforcement permission: no enforcement report, and asking for one is refused.
    expect(mine.reports.map((r) => r.key)).not.toContain('enforcement.overview');
    expect(mine.reports.map((r) => r.key)).toContain('hazards.overview');
    expect((await get(town, `/api/statistics/reports/enforcement.overview?${H1}`)).statusCode).toBe(403);
    expect((await get(leader, `/api/statistics/reports/nothing.here?${H1}`)).statusCode).toBe(404);
  });

  it('hazards of the flood campaign: 50 found, 19 rectified by 30 June; the parks found 26', async () => {
    const r = await report(leader, 'hazards.overview', `${H1}&groupBy=campaign`);
    expect(cell(r, '2022年备汛检查', 'found').current).toBe(50);
    expect(cell(r, '2022年备汛检查', 'rectified').current).toBe(19);
    expect(cell(r, '2022年备汛检查', 'rate').current).toBe(38);
    expect(cell(r, '循环园、飞地园安全生产隐患大排查', 'found').current).toBe(26);
    expect(r.period).toMatchObject({ kind: 'half', from: '2022-01-01', to: '2022-06-30', label: '2022年上半年' });
    expect(r.lastYear).toMatchObject({ from: '2021-01-01', to: '2021-06-30', label: '2021年上半年' });
    expect(r.previous).toMatchObject({ from: '2021-07-01', to: '2021-12-31', label: '2021年下半年' });
    const sum = r.rows.reduce((a, x) => a + (x.cells.found.current ?? 0), 0);
    expect(sum).toBe(r.total.cells.found.current);
  });

  it('road fatal accidents fell on 2021 H1 in both accidents and deaths (双下降): negative 同比', async () => {
    const r = await report(leader, 'emergency.roadAccidents', `${H1}&groupBy=month`);
    expect(r.total.cells.accidents).toMatchObject({ current: 6, lastYear: 9, yoy: -33.3 });
    expect(r.total.cells.deaths).toMatchObject({ current: 7, lastYear: 11, yoy: -36.4 });
    // 环比: 2021 H2 had 9 accidents and 10 deaths.
    expect(r.total.cells.accidents.previous).toBe(9);
    expect(r.rows.map((x) => x.key)).toEqual(['2022-01', '2022-02', '2022-03', '2022-04', '2022-05', '2022-06']);
    expect(r.rows.find((x) => x.key === '2022-03')!.cells.accidents).toMatchObject({ current: 2, lastYear: 2, previous: 1 });
  });

  it('flood checks: town and county batches, facilities inspected by kind, 50 found and 19 rectified', async () => {
    const byLevel = await report(leader, 'flood.inspections', `${H1}&groupBy=level`);
    expect(byLevel.total.cells.findings.current).toBe(50);
    expect(byLevel.total.cells.rectified.current).toBe(19);
    expect(cell(byLevel, '镇级自查', 'batches').current).toBe(57);
    expect(cell(byLevel, '县级检查', 'batches').current).toBe(12);
    const byKind = await report(leader, 'flood.inspections', `${H1}&groupBy=kind`);
    expect(Object.fromEntries(byKind.rows.map((x) => [x.label, x.cells.facilities.current]))).toMatchObject({ 水库: 352, 万亩垸: 5, 水闸: 19, 山洪危险区: 139, 水电站: 10, 堤防: 1 });
  });

  it('responsibility letters by signer (27 + 15 + 9 = 51) and the enforcement at the mines (2 cases, 4 万元 of fines, 14 documents)', async () => {
    const letters = await report(leader, 'responsibility.pledges', `${H1}&groupBy=signer`);
    expect(Object.fromEntries(letters.rows.map((x) => [x.key, x.cells.signed.current]))).toMatchObject({ park_unit: 27, town: 15, key_enterprise: 9 });
    expect(letters.total.cells.signed.current).toBe(51);
    const bySector = await report(leader, 'enforcement.overview', `${H1}&groupBy=sector`);
    const mines = bySector.rows.find((x) => x.key === 'non_coal_mine')!;
    expect(mines.cells.cases.current).toBe(2);
    expect(mines.cells.finesWan.current).toBe(4);
    expect(mines.cells.documents.current).toBe(14);
    // 计划完成率 is the completed inspections over the approved plans' inspections for the months of the period.
    const t = bySector.total.cells;
    expect(t.planned.current).toBeGreaterThan(0);
    expect(t.planRate.current).toBe(Math.round((t.inspections.current! / t.planned.current!) * 1000) / 10);
  });

  it('every traced cell of every report equals the count (or sum) of the list it links to', async () => {
    const groupings: [string, string][] = [
      ['hazards.overview', 'region'], ['hazards.overview', 'month'], ['hazards.overview', 'source'], ['hazards.overview', 'none'], ['enterprises.registry', 'risk'], ['enterprises.registry', 'sector'],
      ['enforcement.overview', 'region'], ['enforcement.overview', 'sector'], ['enterprises.registry', 'none'], ['monitoring.alarms', 'rule'], ['emergency.incidents', 'kind'], ['responsibility.outreach', 'kind'], ['responsibility.pledges', 'signer'],
      ['disaster.reports', 'event'], ['disaster.reports', 'kind'], ['disaster.reports', 'month'], ['flood.inspections', 'level'], ['flood.inspections', 'region'],
    ];
    let checked = 0;
    for (const [key, by] of groupings) {
      const r = await report(leader, key, `${H1}&groupBy=${by}`);
      const checks = await traceChecks(t, leader, figures(r, ['trace', 'lastYearTrace']));
      expect(checks.filter((c) => c.value !== c.fromList), key).toEqual([]);
      checked += checks.length;
    }
    expect(checked).toBeGreaterThan(100);
    // The disaster and flood cells that now trace: reports by status, household payments' sum, batches and their findings.
    const traced = async (key: string) => Object.entries((await report(leader, key, `${H1}&groupBy=none`)).total.cells).filter(([, c]) => c.trace).map(([k]) => k).sort();
    expect(await traced('disaster.reports')).toEqual(['amount', 'approved', 'reports', 'returned']);
    expect(await traced('flood.inspections')).toEqual(['batches', 'findings']);
    expect(await traced('monitoring.alarms')).toContain('falseAlarms');
    expect(await traced('enforcement.overview')).toContain('findings');
  }, 600_000);

  it('a town sees only its own places: villages of its town, totals equal to its row in the county report, traces as the town', async () => {
    const county = await report(leader, 'hazards.overview', `${H1}&groupBy=region`);
    const mine = await report(town, 'hazards.overview', `${H1}&groupBy=region`);
    const baitang = county.rows.find((x) => x.label.startsWith('白塘镇'))!;
    expect(mine.total.cells.found.current).toBe(baitang.cells.found.current);
    expect(mine.total.cells.rectified.current).toBe(baitang.cells.rectified.current);
    expect(mine.rows.every((x) => x.key.startsWith(baitang.key.slice(0, 9)))).toBe(true);
    expect(mine.scopeLabel).toBe('白塘镇');
    const checks = await traceChecks(t, town, figures(mine));
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
    // The same report asked for another town is refused with a reason.
    const luojiang = county.rows.find((x) => x.label.startsWith('罗江镇'))!;
    const r = await get(town, `/api/statistics/reports/hazards.overview?${H1}&regionCode=${luojiang.key}`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('管辖范围');
    // The county asking for one town gets that town's figure.
    const one = await report(leader, 'hazards.overview', `${H1}&groupBy=none&regionCode=${baitang.key}`);
    expect(one.total.cells.found.current).toBe(baitang.cells.found.current);
  }, 300_000);

  it('a department chosen narrows the department-kept figures to its own', async () => {
    const byOrg = await report(leader, 'enforcement.overview', `${H1}&groupBy=org`);
    const org = byOrg.rows.filter((x) => x.key && (x.cells.inspections.current ?? 0) > 0).sort((a, b) => (a.cells.inspections.current ?? 0) - (b.cells.inspections.current ?? 0))[0];
    expect(org).toBeDefined();
    const one = await report(leader, 'enforcement.overview', `${H1}&groupBy=none&orgId=${org.key}`);
    expect(one.total.cells.inspections.current).toBe(org.cells.inspections.current);
    expect(one.total.cells.inspections.current).toBeLessThan(byOrg.total.cells.inspections.current!);
    expect(one.scopeLabel).toContain(' · ');
    // The enforcement statistics agree for the same department and period.
    const stats = (await get(leader, `/api/enforcement/stats?${H1}&orgId=${org.key}`)).json() as { inspections: number; casesFiled: number };
    expect(one.total.cells.inspections.current).toBe(stats.inspections);
    // Lists without a department filter cannot show exactly these records: no trace rather than a wrong one.
    expect(one.total.cells.inspections.trace).toBeUndefined();
  });

  it('refuses a reversed or impossible period, and a grouping the report does not offer, with a message a person can act on', async () => {
    const rev = await get(leader, '/api/statistics/reports/hazards.overview?from=2022-06-30&to=2022-01-01');
    expect(rev.statusCode).toBe(400);
    expect(rev.json().error.message).toContain('早于起始日期');
    const bad = await get(leader, '/api/statistics/reports/hazards.overview?from=2022-02-30&to=2022-03-31');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const by = await get(leader, `/api/statistics/reports/hazards.overview?${H1}&groupBy=rule`);
    expect(by.statusCode).toBe(400);
    expect(by.json().error.message).toContain('可选');
    const missing = await get(leader, '/api/statistics/reports/hazards.overview?from=2022-01-01');
    expect(missing.statusCode).toBe(400);
  });

  it('a custom period compares with the same days last year and the same number of days before', async () => {
    const r = await report(leader, 'hazards.overview', 'from=2022-03-05&to=2022-05-20&groupBy=month');
    expect(r.period.kind).toBe('custom');
    expect(r.lastYear).toMatchObject({ from: '2021-03-05', to: '2021-05-20' });
    expect(r.previous).toMatchObject({ from: '2021-12-18', to: '2022-03-04' });
    // Month rows are clipped to the period: March's trace starts on the 5th.
    const march = r.rows.find((x) => x.key === '2022-03')!;
    expect(march.cells.found.trace!.api).toContain('from=2022-03-05');
    const checks = await traceChecks(t, leader, figures(r));
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
  });

  it('exports the same table to Excel with a title naming the period, the scope and the comparison periods', async () => {
    const q = `${H1}&groupBy=campaign`;
    const json = await report(leader, 'hazards.overview', q);
    const x = await get(leader, `/api/statistics/reports/hazards.overview.xlsx?${q}`);
    expect(x.statusCode, x.body.slice(0, 200)).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toContain('2022年上半年');
    expect(String(ws.getCell(2, 1).value)).toContain('2021年上半年');
    expect(String(ws.getCell(2, 1).value)).toContain('2021年下半年');
    const rows = new Map<string, number[]>();
    ws.eachRow((row, n) => { if (n > 4) rows.set(String(row.getCell(1).value), [Number(row.getCell(2).value), Number(row.getCell(7).value)]); });
    expect(rows.get('2022年备汛检查')).toEqual([50, 19]);
    expect(rows.get('合计')).toEqual([json.total.cells.found.current, json.total.cells.rectified.current]);
    expect(rows.size).toBe(json.rows.length + 1);
  });
});
