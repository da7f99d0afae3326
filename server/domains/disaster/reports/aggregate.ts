// Aggregation of an event's reports up the tree and its reporting time limits; pure functions over the rows.
import { INDICATORS } from '../../../../contracts/disaster.js';
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../../platform/settings/rules.js';
import { townOf } from '../common.js';
import type { ReportRow } from './reports.store.js';

/** A figure counts once its town has vouched for it: a village report the town approved, or the town's own report. */
const vouched = (r: ReportRow) => (r.level === 'village' ? r.status === 'town_approved' || r.status === 'approved' : r.status === 'submitted' || r.status === 'approved');
const newer = (a: ReportRow, b: ReportRow) => new Date(a.as_of).getTime() - new Date(b.as_of).getTime() || new Date(a.submitted_at).getTime() - new Date(b.submitted_at).getTime();

export type Figures = Record<string, number>;
const round = (n: number) => Math.round(n * 100) / 100;
export function sumFigures(list: Figures[]): Figures {
  const out: Figures = {};
  for (const i of INDICATORS) out[i.key] = round(list.reduce((a, f) => a + (f[i.key] ?? 0), 0));
  return out;
}

export interface TownFigure { regionCode: string; source: 'town' | 'villages' | 'none'; villages: number; figures: Figures; unconfirmed: boolean }

/**
 * A town's figure: the latest vouched report of each village, summed once per village (a village reporting twice
 * counts with its latest), unless the town's own latest report is at least as recent as every village's — a town that
 * reports for itself states the whole town, so its villages are not added on top.
 */
export function townFigure(townCode: string, reports: readonly ReportRow[]): TownFigure {
  const mine = reports.filter((r) => townOf(r.region_code) === townCode && vouched(r));
  const latest = new Map<string, ReportRow>();
  for (const r of mine.filter((x) => x.level === 'village')) { const cur = latest.get(r.region_code); if (!cur || newer(r, cur) > 0) latest.set(r.region_code, r); }
  const own = mine.filter((x) => x.level === 'town').sort(newer).at(-1);
  const villages = [...latest.values()];
  const newestVillage = villages.sort(newer).at(-1);
  if (own && (!newestVillage || newer(own, newestVillage) >= 0)) return { regionCode: townCode, source: 'town', villages: 0, figures: sumFigures([own.figures]), unconfirmed: own.status !== 'approved' };
  if (!villages.length) return { regionCode: townCode, source: 'none', villages: 0, figures: sumFigures([]), unconfirmed: false };
  return { regionCode: townCode, source: 'villages', villages: villages.length, figures: sumFigures(villages.map((v) => v.figures)), unconfirmed: villages.some((v) => v.status !== 'approved') };
}

/** 时限 (DOMAIN.md §4): 初报 within 2 h of the disaster, 续报 daily by 09:00 until stable, 核报 within N days of stabilising. */
export const REPORT_DEADLINES = defineRule({
  key: 'disaster.report.deadlines', label: '灾情报送时限（初报小时数、续报每日截止时刻、核报天数）',
  schema: Type.Object({ initialHours: Type.Number({ minimum: 0.5 }), updateHour: Type.Integer({ minimum: 0, maximum: 23 }), finalDays: Type.Integer({ minimum: 1 }) }),
  defaultValue: { initialHours: 2, updateHour: 9, finalDays: 5 },
  source: '应急〔2020〕19号《自然灾害情况统计调查制度》; 续报 09:00 and 核报 days per provincial practice', mark: 'M',
  note: '初报 2 小时 [C]; 续报每日 9 时前报送前一日 24 时数据 [M]; 核报天数各地不一（湖南：县 2 个工作日）[L]，默认 5 日，可调整。',
});
export type DeadlineRule = { initialHours: number; updateHour: number; finalDays: number };

export interface Due { regionCode: string; stage: 'initial' | 'update' | 'final'; dueAt: Date; met: boolean; overdue: boolean }
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The first 续报 cut-off: 09:00 (the rule's hour) Shanghai of the day after the disaster, reporting that day to 24:00. */
function firstCutoff(d: Date, hour: number): Date {
  const local = new Date(d.getTime() + 8 * HOUR);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) + DAY + (hour - 8) * HOUR);
}

/** The time limits of each struck town of an event at `now`: its 初报, its latest 续报 cut-off, its 核报 once stable. */
export function deadlines(event: { started_at: Date; stable_at: Date | null }, towns: readonly string[], reports: readonly ReportRow[], rule: DeadlineRule, now: Date): Due[] {
  const out: Due[] = [];
  const started = new Date(event.started_at);
  const stable = event.stable_at ? new Date(event.stable_at) : null;
  for (const town of towns) {
    const sent = reports.filter((r) => townOf(r.region_code) === town && r.status !== 'returned');
    const first = (stage: string) => sent.filter((r) => r.stage === stage).map((r) => new Date(r.submitted_at)).sort((a, b) => +a - +b)[0];
    const due = (stage: Due['stage'], dueAt: Date, at: Date | undefined) => out.push({ regionCode: town, stage, dueAt, met: !!at, overdue: at ? at > dueAt : now > dueAt });
    due('initial', new Date(started.getTime() + rule.initialHours * HOUR), first('initial'));
    // 续报: the cut-off that has passed most recently while the event was not yet stable (or the first one ahead).
    let cut = firstCutoff(started, rule.updateHour);
    while (cut.getTime() + DAY <= now.getTime() && (!stable || cut.getTime() + DAY <= stable.getTime())) cut = new Date(cut.getTime() + DAY);
    if (!stable || cut <= stable) {
      // Any report sent in the day before the cut-off tells that day's figures (a zero report included).
      const at = sent.map((r) => new Date(r.submitted_at)).filter((d) => +d > +cut - DAY && +d <= +cut).sort((a, b) => +a - +b)[0];
      out.push({ regionCode: town, stage: 'update', dueAt: cut, met: !!at, overdue: !at && now > cut });
    }
    if (stable) due('final', new Date(stable.getTime() + rule.finalDays * DAY), first('final'));
  }
  return out;
}
