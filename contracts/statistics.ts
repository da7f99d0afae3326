// 统计分析: a catalogue of reports per pillar; each report is a table of measures by one dimension for a period, with
// the same period last year (同比) and the previous period (环比). Every count carries the list that makes it.
import { Type, type Static } from '@sinclair/typebox';
import { FigureTrace, PeriodKind, PeriodQuery } from './figures.js';

/** Dimensions a report can be grouped by (分组维度). Each report offers the ones its records carry. */
export const GROUP_BYS = {
  none: '合计', region: '按区域', month: '按月份', sector: '按行业', org: '按部门', risk: '按风险等级', scale: '按规模', source: '按来源',
  level: '按等级', kind: '按类别', grade: '按事件等级', rule: '按报警类型', enterprise: '按企业', event: '按灾害过程', signer: '按签订对象', campaign: '按专项行动',
} as const;
export type GroupBy = keyof typeof GROUP_BYS;
export const GroupBySchema = Type.Union(Object.keys(GROUP_BYS).map((k) => Type.Literal(k)));

export const PILLARS = {
  enterprises: '企业数据', hazards: '隐患排查', enforcement: '行政执法', monitoring: '监测监控', emergency: '应急救援',
  disaster: '防灾减灾', flood: '防汛抗旱', responsibility: '责任与宣教',
} as const;

export const MeasureInfo = Type.Object({
  key: Type.String(), label: Type.String(), unit: Type.String(),
  /** A state now (e.g. 在册企业), not a flow in the period: no 同比/环比. */
  snapshot: Type.Boolean(),
  /** A rate or average computed from other measures (named in `of`); it has no list of its own. */
  derived: Type.Boolean(),
});
export const ReportInfo = Type.Object({
  key: Type.String(), pillar: Type.String(), pillarLabel: Type.String(), title: Type.String(), description: Type.String(),
  groupBys: Type.Array(Type.Object({ key: Type.String(), label: Type.String() })), defaultGroupBy: Type.String(),
  measures: Type.Array(MeasureInfo),
});
export type ReportInfo = Static<typeof ReportInfo>;
export const Catalogue = Type.Object({ reports: Type.Array(ReportInfo) });

export const ReportParams = Type.Object({ key: Type.String({ pattern: '^[a-z]+\\.[a-zA-Z]+$', maxLength: 60 }) });
export const ReportQuery = Type.Composite([PeriodQuery, Type.Object({ groupBy: Type.Optional(GroupBySchema) })]);
export type ReportQuery = Static<typeof ReportQuery>;

const N = Type.Union([Type.Number(), Type.Null()]);
/** One measure in one row: 本期, 同期 (last year), 上期 (previous period), and the changes in per cent (null when the base is 0). */
export const Cell = Type.Object({
  current: N, lastYear: N, previous: N, yoy: N, mom: N,
  trace: Type.Optional(FigureTrace), lastYearTrace: Type.Optional(FigureTrace), previousTrace: Type.Optional(FigureTrace),
});
export type Cell = Static<typeof Cell>;
export const Row = Type.Object({ key: Type.String(), label: Type.String(), cells: Type.Record(Type.String(), Cell) });
export type Row = Static<typeof Row>;
export const PeriodInfo = Type.Object({ kind: PeriodKind, from: Type.String(), to: Type.String(), label: Type.String() });
export const ReportResult = Type.Object({
  report: ReportInfo,
  groupBy: Type.String(), groupByLabel: Type.String(),
  period: PeriodInfo, lastYear: PeriodInfo, previous: PeriodInfo,
  /** 统计范围 in words: the region (or the caller's scope) and the department, if one was chosen. */
  scopeLabel: Type.String(),
  rows: Type.Array(Row),
  total: Row,
});
export type ReportResult = Static<typeof ReportResult>;
