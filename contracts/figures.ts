// Traceable figures (可追溯的数字) and reporting periods, shared by the dashboard (综合态势), the statistics
// (统计分析) and the generated work report (工作报告).
//
// A figure is never a bare number: it carries the list that makes it. `trace.api` is a GET URL of an existing
// list route with the filters that select exactly the records counted; the figure's value equals that list's
// `total` (or, when `trace.sumOf` is set, the sum of that field over all of the list's items). `trace.web` is the
// page showing the same list, so that a person can click the number and see the records. Tests check the
// equality by calling `trace.api` (see server/testing/figures.ts).
import { Type, type Static } from '@sinclair/typebox';

export const FigureTrace = Type.Object({
  /** GET URL of the list that makes the figure, with its filters, e.g. `/api/hazards?campaignId=…&foundFrom=2022-01-01`. */
  api: Type.String(),
  /** The page showing the same records, e.g. `/hazards?campaignId=…`. */
  web: Type.String(),
  /** When set, the figure is the sum of this item field over the list (e.g. `fineYuan`), not its `total`. */
  sumOf: Type.Optional(Type.String()),
  /** The query in words, for people and for the Word appendix: “隐患台账：专项行动=循环园大排查；发现日期 2022-01-01 至 2022-06-30”. */
  query: Type.String(),
});
export type FigureTrace = Static<typeof FigureTrace>;

export const Figure = Type.Object({
  /** Stable key, `<domain>.<what>`, e.g. `hazards.found`, `outreach.sms`. */
  key: Type.String(),
  /** 中文 label as a person reads it: “排查隐患”. */
  label: Type.String(),
  value: Type.Number(),
  /** 中文 unit: 家, 处, 起, 人, 份, 次, 万元 … */
  unit: Type.String(),
  /** Absent only for figures that are not counts of records (a rate computed from two traced figures names them in `of`). */
  trace: Type.Optional(FigureTrace),
  /** For a derived figure (a rate, a difference): the keys of the traced figures it is computed from. */
  of: Type.Optional(Type.Array(Type.String())),
});
export type Figure = Static<typeof Figure>;

/** 统计周期: month, quarter, half-year, year, or custom; `from` and `to` are inclusive calendar dates (Asia/Shanghai). */
export const PeriodKind = Type.Union([
  Type.Literal('month'), Type.Literal('quarter'), Type.Literal('half'), Type.Literal('year'), Type.Literal('custom'),
]);
export type PeriodKind = Static<typeof PeriodKind>;

export const PeriodQuery = Type.Object({
  /** First day, YYYY-MM-DD. */
  from: Type.String({ format: 'date', description: '统计起始日期 (含)' }),
  /** Last day, YYYY-MM-DD, inclusive. */
  to: Type.String({ format: 'date', description: '统计截止日期 (含)' }),
  /** 区域: a region code; the figures cover it and everything under it (within the caller's own scope). */
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
  /** 部门: an organisation id; where a figure belongs to departments, only this one's. */
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type PeriodQuery = Static<typeof PeriodQuery>;

export interface Period {
  kind: PeriodKind;
  from: string;
  to: string;
}
