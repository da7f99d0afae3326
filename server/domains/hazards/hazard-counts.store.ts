// Hazard counts answered from the per-county tallies kept on write (db/migrations/0102_hazard_counts.sql) instead of
// counting the table: a province's ledger total or open-hazard tally sums a few thousand rows, not millions. Only a
// filter the tallies can answer exactly is answered here (a county or more, status / level / 挂牌督办 / open / 逾期,
// or a found period alone); anything else returns null and the caller counts the table as before.
import type { DataScope } from '../../platform/auth/actor.js';
import { countyTallyWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { counted, countRowsSql, type Counted, type CountSql } from '../../platform/db/count.js';
import { filterSql, type HazardFilter } from './hazards.filter.js';

/** Filter fields the status tally can answer, and those the found-day tally can (with regionCode). */
const BY_STATUS = new Set<keyof HazardFilter>(['regionCode', 'level', 'status', 'supervised', 'open', 'overdue']);
const BY_FOUND = new Set<keyof HazardFilter>(['regionCode', 'from', 'to']);

/** The county-prefix conditions for the viewer's scope and the filter's region, or null when finer than a county. */
const countyPrefixes = (viewer: DataScope, regionCode: string | undefined) => countyTallyWhere(viewer, regionCode, 'c.county');

const used = (f: HazardFilter) => (Object.keys(f) as (keyof HazardFilter)[]).filter((k) => f[k] !== undefined);

/** The first day of `today`'s month (YYYY-MM-DD). */
const monthStart = (today: string) => `${today.slice(0, 7)}-01`;

/**
 * Overdue hazards due since the start of `today`'s month (the tally knows deadlines by month only), as a scalar
 * subquery: read from the table over hazards_overdue_order_idx, at most one month of deadlines.
 */
const overdueThisMonth = (viewer: DataScope, f: HazardFilter, today: string) => sql`(select count(*) from hazards h
  where ${filterSql(viewer, { ...f, overdue: true }, today)} and h.deadline >= ${monthStart(today)}::date)`;

/** Overdue hazards (`f` without its overdue flag; `base` its tally conditions): months past from the tally, this month from the table. */
const overdueSum = (viewer: DataScope, f: HazardFilter, base: Sql, today: string) => sql`((select coalesce(sum(c.n), 0) from hazard_deadline_months c
  where ${base} and c.deadline_month < ${monthStart(today)}::date) + ${overdueThisMonth(viewer, f, today)})`;

/**
 * A scalar SQL expression for the number of hazards `filterSql(viewer, f, today)` selects, summed from the tallies;
 * null when they cannot answer it. As an expression it rides along in the statement that reads the page.
 */
export function talliedCountSql(viewer: DataScope, f: HazardFilter, today: string): Sql | null {
  const keys = used(f);
  const where = countyPrefixes(viewer, f.regionCode);
  if (!where) return null;
  if (keys.every((k) => BY_STATUS.has(k))) {
    const base = sql.and([
      where,
      f.level ? sql`c.level = ${f.level}` : undefined,
      f.status ? sql`c.status = ${f.status}` : undefined,
      f.supervised !== undefined ? sql`c.supervised = ${f.supervised}` : undefined,
      f.open === true ? sql`c.status <> 'closed'` : f.open === false ? sql`c.status = 'closed'` : undefined,
    ]);
    const all = sql`(select coalesce(sum(c.n), 0) from hazard_counts c where ${base})`;
    if (f.overdue === undefined) return all;
    const overdue = overdueSum(viewer, { ...f, overdue: undefined }, base, today);
    return f.overdue ? overdue : sql`(${all} - ${overdue})`;
  }
  if (keys.every((k) => BY_FOUND.has(k))) {
    return sql`(select coalesce(sum(c.n), 0) from hazard_found_days c where ${sql.and([
      where, f.from ? sql`c.found_on >= ${f.from}::date` : undefined, f.to ? sql`c.found_on <= ${f.to}::date` : undefined])})`;
  }
  return null;
}

/** The number of hazards `filterSql(viewer, f, today)` selects, from the tallies; null when they cannot answer it. */
export async function countFromTallies(db: Queryable, viewer: DataScope, f: HazardFilter, today: string): Promise<number | null> {
  const expr = talliedCountSql(viewer, f, today);
  if (!expr) return null;
  const [{ n }] = await db.query<{ n: number }>(sql`select ${expr}::int as n`);
  return n;
}

/**
 * How many hazards the filter selects, as a scalar SQL expression: from the tallies (exact) when they can answer,
 * else by counting the table — exactly, or up to `upTo` + 1 rows when given (the returned `upTo`; read with `counted`).
 */
export function hazardCountSql(viewer: DataScope, f: HazardFilter, today: string, upTo?: number): CountSql {
  const tallied = talliedCountSql(viewer, f, today);
  return tallied ? { sql: tallied } : { sql: countRowsSql(sql`hazards h where ${filterSql(viewer, f, today)}`, upTo), upTo };
}

/** How many hazards the filter selects (see hazardCountSql); `capped` when counted up to `upTo` and there are more. */
export async function countHazards(db: Queryable, viewer: DataScope, f: HazardFilter, today: string, upTo?: number): Promise<Counted> {
  const count = hazardCountSql(viewer, f, today, upTo);
  const [{ n }] = await db.query<{ n: number }>(sql`select ${count.sql}::int as n`);
  return counted(n, count.upTo);
}

export interface OpenTally { open: number; overdue: number; major_open: number; major_supervised: number }

/** The dashboard's open-hazard tally over a county or more, from the tallies; null when finer than a county. */
export async function openTallyFromTallies(db: Queryable, viewer: DataScope, regionCode: string | undefined, today: string): Promise<OpenTally | null> {
  const where = countyPrefixes(viewer, regionCode);
  if (!where) return null;
  const [t] = await db.query<OpenTally>(sql`select coalesce(sum(c.n), 0)::int as open,
      coalesce(sum(c.n) filter (where c.level = 'major'), 0)::int as major_open,
      coalesce(sum(c.n) filter (where c.level = 'major' and c.supervised), 0)::int as major_supervised,
      ${overdueSum(viewer, { regionCode }, where, today)}::int as overdue
    from hazard_counts c where ${where} and c.status <> 'closed'`);
  return t;
}

type StatusRow = { county: string; status: string; level: string; supervised: boolean; n: number };
type MonthRow = StatusRow & { deadline_month: string };
type FoundRow = { county: string; found_on: string; n: number };

/** Recounts the tallies from the table: what the triggers should hold (the tests compare the two). */
export function recount(db: Queryable) {
  const key = sql`left(region_code, 6) as county, status, level, supervise_level is not null as supervised`;
  return Promise.all([
    db.query<StatusRow>(sql`select ${key}, count(*)::int as n from hazards group by 1, 2, 3, 4 order by 1, 2, 3, 4`),
    db.query<MonthRow>(sql`select ${key}, date_trunc('month', deadline)::date::text as deadline_month, count(*)::int as n from hazards
      where status in ('pending', 'rectifying') and deadline is not null group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    db.query<FoundRow>(sql`select left(region_code, 6) as county, (found_at at time zone 'Asia/Shanghai')::date::text as found_on, count(*)::int as n
      from hazards group by 1, 2 order by 1, 2`),
  ]);
}

/** The tallies as kept, without their zero rows, in the order of `recount`. */
export function kept(db: Queryable) {
  return Promise.all([
    db.query<StatusRow>(sql`select county::text as county, status, level, supervised, n from hazard_counts where n <> 0 order by 1, 2, 3, 4`),
    db.query<MonthRow>(sql`select county::text as county, status, level, supervised, deadline_month::text as deadline_month, n
      from hazard_deadline_months where n <> 0 order by 1, 2, 3, 4, 5`),
    db.query<FoundRow>(sql`select county::text as county, found_on::text as found_on, n from hazard_found_days where n <> 0 order by 1, 2`),
  ]);
}
