// The generated work report on the demo county: the 2022 H1 report reproduces every figure of the bureau's own report
// (../shared/reference/seed-figures.md, all 18 rows), each figure equals the list it links to, a town sees only its
// own town, and the Word file opens with the report's sections and the appendix of queries.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportFigure, WorkReport } from '../../../contracts/work-report.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { traceChecks } from '../../testing/figures.js';

let t: TestApp;
let leader: string;
let town: string;
let report: WorkReport;
const H1 = 'from=2022-01-01&to=2022-06-30';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2022-07-05T02:00:00Z');
  leader = await t.login('leader');
  town = await t.login('town_baitang');
  const r = await t.as(leader, { method: 'GET', url: `/api/reports/work?${H1}` });
  expect(r.statusCode, r.body).toBe(200);
  report = r.json();
}, 120_000);
afterAll(async () => { await t?.close(); });

const fig = (rep: WorkReport, key: string): ReportFigure => {
  const f = rep.figures.find((x) => x.key === key);
  if (!f) throw new Error(`figure ${key} missing from the report`);
  return f;
};
const values = (rep: WorkReport, keys: string[]) => Object.fromEntries(keys.map((k) => [k, fig(rep, k).value]));

describe('the 2022 H1 work report of the demo county', () => {
  it('is the half year, with the report\'s sections', () => {
    expect(report.label).toBe('2022年上半年');
    expect(report.lastYear).toMatchObject({ from: '2021-01-01', to: '2021-06-30' });
    expect(report.regionName).toBe('汨水市');
    expect(report.sections.map((s) => s.title.split('、')[1]?.slice(0, 4))).toEqual(['强化职责', '创新宣教', '加大监管', '隐患排查', '监测预警', '应急处置', '防灾减灾', '防汛工作', '下步工作']);
    // Judgement sentences are places to write, never invented.
    const blanks = report.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.segments)).filter((x) => x.kind === 'blank');
    expect(blanks.length).toBeGreaterThan(8);
    expect(blanks.every((b) => 'text' in b && b.text.startsWith('（待填写：'))).toBe(true);
    // Every figure the text names is in the figures.
    const keys = new Set(report.figures.map((f) => f.key));
    const named = report.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.segments)).filter((x) => x.kind === 'figure').map((x) => ('key' in x ? x.key : ''));
    expect(named.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('reproduces rows 1–3: 13 committees; 51 letters = 27 + 15 + 9; 2 督查 and 4 专项督查', () => {
    expect(values(report, ['duty.committees', 'duty.pledges', 'duty.pledges.park_unit', 'duty.pledges.town', 'duty.pledges.key_enterprise',
      'duty.supervision.general', 'duty.supervision.special'])).toEqual({
      'duty.committees': 13, 'duty.pledges': 51, 'duty.pledges.park_unit': 27, 'duty.pledges.town': 15, 'duty.pledges.key_enterprise': 9,
      'duty.supervision.general': 2, 'duty.supervision.special': 4 });
  });

  it('reproduces rows 4 and 18: 研讨 20+, 警示片 50+, 集中学习 100+, 演练 30+, 宣传车 500, 标语 2000+, 短信 10万+, 手册 近2万; the 培训会, 座谈会, 咨询日', () => {
    expect(values(report, ['publicity.study', 'publicity.films', 'publicity.learning', 'publicity.drills', 'publicity.vans', 'publicity.slogans', 'publicity.sms',
      'publicity.brochures', 'publicity.principalTraining', 'publicity.forum', 'publicity.consultation'])).toEqual({
      'publicity.study': 23, 'publicity.films': 56, 'publicity.learning': 108, 'publicity.drills': 33, 'publicity.vans': 500, 'publicity.slogans': 2140,
      'publicity.sms': 103560, 'publicity.brochures': 19600, 'publicity.principalTraining': 1, 'publicity.forum': 1, 'publicity.consultation': 1 });
    const r4 = values(report, ['publicity.study', 'publicity.films', 'publicity.learning', 'publicity.drills', 'publicity.slogans', 'publicity.sms', 'publicity.brochures']);
    expect(r4['publicity.study']).toBeGreaterThan(20);
    expect(r4['publicity.films']).toBeGreaterThan(50);
    expect(r4['publicity.learning']).toBeGreaterThan(100);
    expect(r4['publicity.drills']).toBeGreaterThan(30);
    expect(r4['publicity.slogans']).toBeGreaterThan(2000);
    expect(r4['publicity.sms']).toBeGreaterThan(100000);
    expect(r4['publicity.brochures']).toBeGreaterThan(18000);
    expect(r4['publicity.brochures']).toBeLessThan(20000);
  });

  it('reproduces row 5: 10992 violations, 4 towns summoned, road accidents and deaths both lower than 2021 H1 (双下降)', () => {
    expect(values(report, ['road.violations', 'road.summoned'])).toEqual({ 'road.violations': 10992, 'road.summoned': 4 });
    const a = fig(report, 'road.accidents');
    const d = fig(report, 'road.deaths');
    expect([a.value, a.previous, d.value, d.previous]).toEqual([6, 9, 7, 11]);
    expect(a.value).toBeLessThan(a.previous!);
    expect(d.value).toBeLessThan(d.previous!);
    const text = report.sections.find((s) => s.key === 'emergency')!.paragraphs.flatMap((p) => p.segments).map((x) => ('text' in x ? x.text : '')).join('');
    expect(text).toContain('双下降');
  });

  it('reproduces rows 6–9: 26 park problems; 12 smelters stopped; fireworks 1865/94/1/2865/648/3; 1 小化工 closed', () => {
    expect(values(report, ['parks.problems', 'metal.suspended', 'fireworks.shops', 'fireworks.illegal', 'fireworks.vehicles', 'fireworks.firecrackers',
      'fireworks.fireworks', 'fireworks.detained', 'hazchem.closed'])).toEqual({
      'parks.problems': 26, 'metal.suspended': 12, 'fireworks.shops': 1865, 'fireworks.illegal': 94, 'fireworks.vehicles': 1, 'fireworks.firecrackers': 2865,
      'fireworks.fireworks': 648, 'fireworks.detained': 3, 'hazchem.closed': 1 });
  });

  it('reproduces rows 10–13: mines 5/82/2/2/14/4万元/1; 2+4+5+22 = 33 停业整顿, 4 diagnosed; 4 fire major hazards; gas 1 closed, 18 integrated, 2 built', () => {
    expect(values(report, ['mines.inspected', 'mines.general', 'mines.major', 'mines.cases', 'mines.documents', 'mines.fines', 'mines.stopUse'])).toEqual({
      'mines.inspected': 5, 'mines.general': 82, 'mines.major': 2, 'mines.cases': 2, 'mines.documents': 14, 'mines.fines': 40000, 'mines.stopUse': 1 });
    expect(values(report, ['trade.steelFibre', 'trade.shoeLast', 'trade.pump', 'trade.wood', 'trade.suspended', 'trade.diagnosed'])).toEqual({
      'trade.steelFibre': 2, 'trade.shoeLast': 4, 'trade.pump': 5, 'trade.wood': 22, 'trade.suspended': 33, 'trade.diagnosed': 4 });
    expect(fig(report, 'trade.suspended').of).toEqual(['trade.steelFibre', 'trade.shoeLast', 'trade.pump', 'trade.wood']);
    expect(values(report, ['fire.major', 'gas.closed', 'gas.lpgIntegrated', 'gas.lpgBuilt'])).toEqual({ 'fire.major': 4, 'gas.closed': 1, 'gas.lpgIntegrated': 18, 'gas.lpgBuilt': 2 });
  });

  it('reproduces rows 14–15: relief audit of 17 = 15 towns + 2 departments at 20%; 379 informants at three levels', () => {
    expect(values(report, ['relief.units', 'relief.towns', 'relief.departments', 'relief.rate'])).toEqual({ 'relief.units': 17, 'relief.towns': 15, 'relief.departments': 2, 'relief.rate': 20 });
    const levels = values(report, ['disaster.informants', 'disaster.informants.county', 'disaster.informants.town', 'disaster.informants.village']);
    expect(levels['disaster.informants']).toBe(379);
    expect(levels['disaster.informants.county'] + levels['disaster.informants.town'] + levels['disaster.informants.village']).toBe(379);
    expect(Object.values(levels).every((n) => n > 0)).toBe(true);
  });

  it('reproduces rows 16–17: flood 267/19/7/4/57/12/50/19; 9 teams of 41 people; 352 reservoirs, 5 polders, 19 sluices, 139 torrent points, 10 hydropower, 1 dike', () => {
    expect(values(report, ['flood.plans', 'flood.publicity', 'flood.training', 'flood.drills', 'flood.townBatches', 'flood.countyBatches', 'flood.hazards', 'flood.fixed'])).toEqual({
      'flood.plans': 267, 'flood.publicity': 19, 'flood.training': 7, 'flood.drills': 4, 'flood.townBatches': 57, 'flood.countyBatches': 12, 'flood.hazards': 50, 'flood.fixed': 19 });
    expect(values(report, ['flood.teams', 'flood.teamPeople', 'flood.inspected.reservoir', 'flood.inspected.polder', 'flood.inspected.sluice', 'flood.inspected.torrent_point',
      'flood.inspected.hydropower', 'flood.inspected.dike'])).toEqual({
      'flood.teams': 9, 'flood.teamPeople': 41, 'flood.inspected.reservoir': 352, 'flood.inspected.polder': 5, 'flood.inspected.sluice': 19,
      'flood.inspected.torrent_point': 139, 'flood.inspected.hydropower': 10, 'flood.inspected.dike': 1 });
  });
});

describe('traceability and scope', () => {
  it('every traced figure equals its list, as the leader', async () => {
    const checks = await traceChecks(t, leader, report.figures);
    expect(checks.length).toBeGreaterThan(60);
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
    // The 同比 figures' lists too.
    for (const f of report.figures.filter((x) => x.previousTrace)) {
      const [c] = await traceChecks(t, leader, [{ ...f, value: f.previous!, trace: f.previousTrace }]);
      expect(c.fromList, f.key).toBe(f.previous);
    }
  }, 120_000);

  it('a town gets only its own town, and its figures equal its lists', async () => {
    const r = await t.as(town, { method: 'GET', url: `/api/reports/work?${H1}` });
    expect(r.statusCode, r.body).toBe(200);
    const mine: WorkReport = r.json();
    expect(mine.regionCode).toBe('430699101000');
    expect(mine.regionName).toBe('白塘镇');
    // Fewer than the county where the town has fewer; nothing of the county's own (its committees).
    expect(fig(mine, 'duty.pledges').value).toBeLessThan(51);
    expect(fig(mine, 'flood.plans').value).toBeGreaterThan(0);
    expect(fig(mine, 'flood.plans').value).toBeLessThan(267);
    expect(fig(mine, 'hazards.found').value).toBeLessThan(fig(report, 'hazards.found').value);
    // A town has no enforcement records to open (no enforcement:read): those figures are not in its report, their sentences are places to write.
    expect(mine.figures.filter((x) => x.trace?.api.startsWith('/api/enforcement/')).map((x) => x.key)).toEqual([]);
    expect(mine.figures.map((x) => x.key)).not.toContain('fireworks.shops');
    const text = mine.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.segments)).map((x) => ('text' in x ? x.text : '')).join('');
    expect(text).toContain('（待填写：烟花爆竹打非排查经营门店（没有该项记录或无权查看））');
    expect(fig(mine, 'disaster.informants').value).toBeLessThan(379);
    expect(fig(mine, 'duty.committees').value).toBe(0);
    const checks = await traceChecks(t, town, mine.figures);
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
    // Another town's region is refused with a message a person can act on.
    const other = await t.as(town, { method: 'GET', url: `/api/reports/work?${H1}&regionCode=430699102000` });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toContain('本辖区');
  }, 120_000);

  it('the county chooses a town and gets that town\'s numbers', async () => {
    const r = await t.as(leader, { method: 'GET', url: `/api/reports/work?${H1}&regionCode=430699101000` });
    expect(r.statusCode, r.body).toBe(200);
    const bt: WorkReport = r.json();
    expect(fig(bt, 'duty.pledges').value).toBeLessThan(fig(report, 'duty.pledges').value);
    const checks = await traceChecks(t, leader, bt.figures);
    expect(checks.filter((c) => c.value !== c.fromList)).toEqual([]);
  }, 120_000);

  it('refuses bad periods and regions in Chinese', async () => {
    const rev = await t.as(leader, { method: 'GET', url: '/api/reports/work?from=2022-06-30&to=2022-01-01' });
    expect(rev.statusCode).toBe(400);
    expect(rev.json().error.message).toContain('早于');
    const nowhere = await t.as(leader, { method: 'GET', url: `/api/reports/work?${H1}&regionCode=430699999000` });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.message).toContain('不存在');
    const anon = await t.app.inject({ method: 'GET', url: `/api/reports/work?${H1}` });
    expect(anon.statusCode).toBe(401);
  });
});

describe('the Word file', () => {
  it('opens, with the section titles, places to write and the appendix rows', async () => {
    const r = await t.as(leader, { method: 'GET', url: `/api/reports/work.docx?${H1}` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'work-report-'));
    const file = path.join(dir, 'r.docx');
    fs.writeFileSync(file, r.rawPayload);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of report.sections) expect(text).toContain(s.title);
    expect(text).toContain('汨水市2022年上半年应急管理工作情况报告');
    expect(text).toContain('附表：指标及其查询条件');
    for (const h of ['序号', '指标', '数值', '查询条件', '记录数']) expect(text).toContain(h);
    expect(text).toContain('【待填写：');
    expect(xml).toContain('w:highlight w:val="yellow"');
    // One appendix row per figure, with its query and its count.
    for (const f of report.figures.filter((x) => x.trace)) expect(text).toContain(f.trace!.query);
    expect(text).toContain('查处各类交通违法行为');
    expect(text).toContain('10992起');
    expect(text).toContain('4万元');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
