// What a statistics report is made of: measures (统计指标), each a count or sum over one domain's records in a period,
// optionally grouped by a dimension, with the list route and filters that select exactly the records counted (its
// trace). Reports are declared per pillar in ./reports/; statistics.service.ts runs them for a period and its 同比/环比.
//
// Like the command map's nearby query (docs/architecture.md), the measures read the pillars' tables directly, each
// through that domain's own scope helper or list filter (hazards' filterSql, enterprises' filterWhere, enforcement's
// statsWhere, monitoring's alarmScope …), so a figure and the list it links to select the same rows by construction;
// the trace tests (server/testing/figures.ts) check that they do.
import type { GroupBy } from '../../../contracts/statistics.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';

/** The period and place of one run: `from`/`to` inclusive days; region and department as chosen (already checked). */
export interface Filter { from: string; to: string; regionCode?: string; orgId?: string }
export interface Env { db: Queryable; actor: Actor; today: string }

/** How a measure's figure is found again as a list: the route, its filters, and how a group or a month narrows it. */
export interface TraceDef {
  api: string;
  web: string;
  /** The list's name in words, for the trace's query text (隐患台账). */
  what: string;
  sumOf?: string;
  /** The list's filters for the whole period and region (period, status …). */
  params(f: Filter): Record<string, string | undefined>;
  /** The list's period parameters, so a month row narrows them; null when the list has none (then no month trace). */
  period?: [string, string] | null;
  /** The list's region parameter; default regionCode. */
  region?: string;
  /** The list's department parameter; without one, a run with a department chosen has no trace. */
  org?: string;
  /** How a row of a group narrows the list; a dimension missing here (or answering null) leaves that row untraced. */
  groups?: Partial<Record<GroupBy, (key: string) => Record<string, string> | null>>;
  /** The page's parameters where they differ from the list route's (e.g. the hazard page's view=overdue for overdue=true). */
  webParams?(p: Record<string, string | undefined>): Record<string, string | undefined>;
  /** A custom check: when it answers false the figure cannot be traced for this filter (e.g. a list that only filters by year). */
  when?(f: Filter): boolean;
}

export interface Measure {
  key: string;
  label: string;
  unit: string;
  /** `table alias` (with joins) the rows come from. */
  from: Sql;
  /** The aggregate; default `count(*)`. */
  value?: Sql;
  /** Scope, period and filters of the rows counted (region and department are added from the columns below). */
  where(f: Filter, env: Env): Sql;
  /** Region of a row (for the region filter and grouping); omitted when `where` applies the region itself (set regionInWhere). */
  regionCol?: string;
  /** Set when `where` already restricts to f.regionCode (a domain filter function that takes the region). */
  regionInWhere?: boolean;
  /** Department of a row: the orgId filter and the 按部门 grouping. Without it the measure ignores a chosen department. */
  orgCol?: string;
  /** The row's day for 按月份. */
  dateCol?: string;
  groups?: Partial<Record<GroupBy, Sql>>;
  snapshot?: boolean;
  /**
   * Counted in one pass with the report's other measures of the same pass: they read the same rows (`from`, region,
   * date and groups) under a shared condition, each counting (`count(*)`) those that also meet its own; `where` must
   * be `base` and `only`. A province's hazards overview read its 5 million hazards once per measure and period before.
   */
  pass?: { key: string; base(f: Filter, env: Env): Sql; only?(f: Filter, env: Env): Sql };
  trace?: TraceDef;
  /** Not SQL: a figure from another source (e.g. the departments' returns), per group key ('' = the total). */
  custom?(f: Filter, env: Env, by: GroupBy): Promise<Map<string, number>>;
  customGroups?: GroupBy[];
}

/** A rate or average computed from other measures of the same row. */
export interface Derived {
  key: string;
  label: string;
  unit: string;
  of: string[];
  compute(v: Record<string, number | null>): number | null;
}

export interface ReportDef {
  key: string;
  pillar: string;
  title: string;
  description: string;
  /** Permission needed besides report:read: the pillar's own read permission. */
  permission: string;
  groupBys: GroupBy[];
  defaultGroupBy: GroupBy;
  measures: Measure[];
  derived?: Derived[];
  /** Labels of the report's coded dimensions (source, level, kind …). */
  labels?: Partial<Record<GroupBy, Record<string, string>>>;
}

/** Whether a measure can be grouped by a dimension. */
export function groupable(m: Measure, by: GroupBy): boolean {
  if (by === 'none') return true;
  if (m.custom) return (m.customGroups ?? []).includes(by);
  if (by === 'region') return !!m.regionCol;
  if (by === 'month') return !!m.dateCol || !!m.groups?.month;
  if (by === 'org') return !!m.orgCol || !!m.groups?.org;
  return !!m.groups?.[by];
}

/** The SQL key of a group: towns (or the level below the chosen region), months, departments or the measure's own. */
export function groupSql(m: Measure, by: GroupBy, regionLen: number): Sql {
  if (by === 'region') return sql`rpad(substr(${sql.id(m.regionCol!)}, 1, ${regionLen}::int), 12, '0')`;
  if (by === 'month' && m.groups?.month) return m.groups.month;
  if (by === 'month') return sql`to_char(${sql.id(m.dateCol!)} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  if (by === 'org' && m.orgCol) return sql`coalesce(${sql.id(m.orgCol)}::text, '')`;
  return m.groups![by]!;
}

/** A date column as a day range condition (session time zone is Asia/Shanghai). */
export const during = (col: string, f: Filter) => sql`(${sql.id(col)} >= ${f.from}::date and ${sql.id(col)} < ${f.to}::date + 1)`;

/** Values of a measure for one period: the total, and the groups by key. */
export interface Values { total: number; groups: Map<string, number> }

export async function runMeasure(env: Env, m: Measure, f: Filter, by: GroupBy, regionLen: number): Promise<Values> {
  if (m.custom) {
    const all = await m.custom(f, env, by);
    const groups = new Map([...all].filter(([k]) => k !== ''));
    return { total: all.get('') ?? 0, groups };
  }
  const where = rowsWhere(m, m.where(f, env), f);
  const value = m.value ?? sql`count(*)`;
  if (by === 'none' || !groupable(m, by)) {
    const [total] = await env.db.query<{ v: number | string | null }>(sql`select (${value})::float8 as v from ${m.from} where ${where}`);
    return { total: Number(total?.v ?? 0), groups: new Map() };
  }
  const [values] = await aggregateGrouped(env, m, where, [value], by, regionLen);
  return values;
}

/** A measure's condition with the chosen region and department added. */
function rowsWhere(m: Measure, where: Sql, f: Filter): Sql {
  return sql.and([
    where,
    f.regionCode && !m.regionInWhere && m.regionCol ? sql`${sql.id(m.regionCol)} like region_prefix(${f.regionCode}) || '%'` : undefined,
    f.orgId && m.orgCol ? sql`${sql.id(m.orgCol)} = ${f.orgId}::uuid` : undefined,
  ]);
}

/**
 * Several aggregates over `m`'s rows, each with its groups and its total, in one pass (grouping sets: the groups and
 * the total together, not a query each). The group key is a column of a lateral subquery, so the grouping set and
 * grouping() name the same thing.
 */
async function aggregateGrouped(env: Env, m: Measure, where: Sql, aggregates: Sql[], by: GroupBy, regionLen: number): Promise<Values[]> {
  const out = aggregates.map((): Values => ({ total: 0, groups: new Map() }));
  const rows = await env.db.query<{ total: boolean; k: string | null; v: (number | string | null)[] }>(sql`select grouping(g.k) = 1 as total, g.k,
      array[${sql.join(aggregates.map((a) => sql`(${a})::float8`))}] as v
      from ${m.from} cross join lateral (select ${groupSql(m, by, regionLen)} as k) g where ${where} group by grouping sets ((g.k), ())`);
  for (const r of rows) {
    r.v.forEach((v, i) => {
      if (r.total) out[i].total = Number(v ?? 0);
      else out[i].groups.set(r.k ?? '', (out[i].groups.get(r.k ?? '') ?? 0) + Number(v ?? 0));
    });
  }
  return out;
}

/** The values of measures of one pass (`Measure.pass`) for one period, by measure key. */
export async function runPass(env: Env, measures: Measure[], f: Filter, by: GroupBy, regionLen: number): Promise<Map<string, Values>> {
  const [m] = measures;
  const where = rowsWhere(m, m.pass!.base(f, env), f);
  const counts = measures.map((x) => (x.pass!.only ? sql`count(*) filter (where ${x.pass!.only(f, env)})` : sql`count(*)`));
  const values = by === 'none' || !groupable(m, by)
    ? (await env.db.query<{ v: (number | string)[] }>(sql`select array[${sql.join(counts.map((c) => sql`(${c})::float8`))}] as v from ${m.from} where ${where}`))[0].v
      .map((v): Values => ({ total: Number(v), groups: new Map() }))
    : await aggregateGrouped(env, m, where, counts, by, regionLen);
  return new Map(measures.map((x, i) => [x.key, values[i]]));
}
