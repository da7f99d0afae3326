// 综合态势 / 态势总览: the situation in the caller's scope as groups of traceable figures (contracts/figures.ts),
// the overdue hazards first, and who is on duty now.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Uuid } from './common.js';
import { Figure } from './figures.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DASHBOARD_PERIODS = [
  { code: 'month', label: '本月' }, { code: 'quarter', label: '本季度' }, { code: 'year', label: '本年' },
] as const;

export const DashboardQuery = Type.Object({
  /** 区域: a region inside the caller's scope; every figure covers it and what lies under it. */
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: '区域（12 位区划代码）' })),
  /** 部门: only the figures a department can be counted by (its enterprises and its enforcement plans). */
  orgId: Type.Optional(Uuid),
  /** 统计期: month, quarter or year to date (default year). */
  period: Type.Optional(Type.Union(DASHBOARD_PERIODS.map((p) => Type.Literal(p.code)))),
});
export type DashboardQuery = Static<typeof DashboardQuery>;

export const FigureGroup = Type.Object({
  /** enterprises, hazards, enforcement, monitoring, command, disaster, flood, responsibility, sectors, risk. */
  key: Type.String(),
  title: Type.String(),
  figures: Type.Array(Figure),
});
export type FigureGroup = Static<typeof FigureGroup>;

export const OverdueHazard = Type.Object({
  id: Uuid, number: Type.String(), title: Type.String(), level: Type.String(), enterpriseName: Nullable(Type.String()),
  regionName: Nullable(Type.String()), deadline: Nullable(Type.String()), daysOverdue: Type.Integer(), supervised: Type.Boolean(),
});
export type OverdueHazard = Static<typeof OverdueHazard>;

const DutyPerson = Type.Object({ id: Uuid, name: Type.String(), phone: Nullable(Type.String()) });
export const DutyNow = Type.Object({
  shiftLabel: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  leaders: Type.Array(DutyPerson), officers: Type.Array(DutyPerson),
});

export const Dashboard = Type.Object({
  asOf: Type.String({ description: '统计时刻 (ISO)' }),
  today: Type.String(),
  period: Type.Object({ kind: Type.String(), from: Type.String(), to: Type.String(), label: Type.String() }),
  scope: Type.Object({ label: Type.String(), regionCode: Nullable(Type.String()), orgId: Nullable(Type.String()) }),
  groups: Type.Array(FigureGroup),
  /** Top 10 overdue hazards, the longest overdue first (empty without hazard:read). */
  overdueHazards: Type.Array(OverdueHazard),
  overdueHazardsTrace: Nullable(Type.String({ description: '全部逾期隐患的页面' })),
  /** The shift on duty now (command:read), or null. */
  duty: Nullable(DutyNow),
  /** What a person should know about the figures shown (e.g. left out when filtering by department). */
  notes: Type.Array(Type.String()),
});
export type Dashboard = Static<typeof Dashboard>;
