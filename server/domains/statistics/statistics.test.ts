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
}, 120_000);
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

describe('statistics (统计分析)', () => {
  it('smoke', async () => {
    const r = await report(leader, 'hazards.overview', `${H1}&groupBy=campaign`);
    console.log(JSON.stringify(r.total.cells), r.rows.map((x) => `${x.label}:${x.cells.found.current}/${x.cells.rectified.current}`));
  });
});
