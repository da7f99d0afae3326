// The generated work report (工作报告): for a period and a region, the bureau's half-year report's structure with
// every figure computed from the records and traceable to the list that makes it (contracts/figures.ts); sentences
// that need a person's judgement are marked places to write (待填写), never invented.
import { Type, type Static } from '@sinclair/typebox';
import { Figure, PeriodKind } from './figures.js';

export const WorkReportQuery = Type.Object({
  from: Type.String({ format: 'date', description: '统计起始日期 (含)' }),
  to: Type.String({ format: 'date', description: '统计截止日期 (含)' }),
  /** 区域: the report covers this region and everything under it, within the caller's own scope; default the caller's whole scope. */
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$' })),
});
export type WorkReportQuery = Static<typeof WorkReportQuery>;

/** A piece of a paragraph: plain text, a figure (by key, see `figures`), or a marked place to write. */
export const Segment = Type.Union([
  Type.Object({ kind: Type.Literal('text'), text: Type.String() }),
  Type.Object({ kind: Type.Literal('figure'), key: Type.String() }),
  Type.Object({ kind: Type.Literal('blank'), text: Type.String({ description: '（待填写：…）需要人工撰写的判断性内容' }) }),
]);
export type Segment = Static<typeof Segment>;

export const ReportSection = Type.Object({
  key: Type.String(),
  /** 一、强化职责… */
  title: Type.String(),
  /** Sub-headings and paragraphs in order; a paragraph with `heading` set is a 小标题. */
  paragraphs: Type.Array(Type.Object({ heading: Type.Optional(Type.Boolean()), segments: Type.Array(Segment) })),
});
export type ReportSection = Static<typeof ReportSection>;

export const ReportFigure = Type.Composite([Figure, Type.Object({
  /** Section the figure belongs to. */
  section: Type.String(),
  /** How many records its list holds (the value itself, unless the figure is a sum over them). */
  records: Type.Optional(Type.Integer()),
  /** 同比: the same figure for the same period a year earlier, where the report compares (road accidents). */
  previous: Type.Optional(Type.Number()),
  /** The 同比 list, when `previous` is set. */
  previousTrace: Type.Optional(Type.Object({ api: Type.String(), web: Type.String(), sumOf: Type.Optional(Type.String()), query: Type.String() })),
})]);
export type ReportFigure = Static<typeof ReportFigure>;

export const WorkReport = Type.Object({
  period: Type.Object({ kind: PeriodKind, from: Type.String(), to: Type.String() }),
  /** 2022年上半年 */
  label: Type.String(),
  /** The 同比 period, for the comparisons. */
  lastYear: Type.Object({ from: Type.String(), to: Type.String(), label: Type.String() }),
  regionCode: Type.String(),
  regionName: Type.String(),
  title: Type.String(),
  sections: Type.Array(ReportSection),
  figures: Type.Array(ReportFigure),
  generatedAt: Type.String(),
});
export type WorkReport = Static<typeof WorkReport>;

/** How a figure reads in the text: 40000 元 → 4万元; otherwise the number and its unit. */
export function figureText(f: { value: number; unit: string }): string {
  if (f.unit === '元' && f.value >= 10000 && f.value % 100 === 0) return `${f.value / 10000}万元`;
  return `${Math.round(f.value * 100) / 100}${f.unit}`;
}
