// Counting a list's rows for its total. An exact count over millions of rows is most of a list request's cost at
// province scale (5,000,000 hazards: 1.6 s for the first page's total), and no one pages to row 10,000: a list may
// count up to a cap and say "more than" (`capped`), and count exactly when asked (the "统计总数" link, exports,
// figures). Stores that keep tallies (hazard-counts.store) answer common filters exactly without either.
import type { Queryable } from './db.js';
import { sql, type Sql } from './sql.js';

export interface Counted { total: number; capped: boolean }

/**
 * A scalar subquery counting the rows of `fromWhere` (`<table> <alias> where …`): all of them, or at most `upTo` + 1
 * (read with `counted`). As an expression it can ride in the statement that reads the page: one round trip, not two.
 */
export const countRowsSql = (fromWhere: Sql, upTo?: number): Sql => upTo === undefined
  ? sql`(select count(*) from ${fromWhere})`
  : sql`(select count(*) from (select 1 from ${fromWhere} limit ${upTo + 1}) x)`;

/** A count read from `countRowsSql(…, upTo)`: more than `upTo` is "more than upTo". */
export const counted = (n: number, upTo?: number): Counted => (upTo !== undefined && n > upTo ? { total: upTo, capped: true } : { total: n, capped: false });

/** The number of rows of `fromWhere`, exactly, or at most `upTo` with `capped` when there are more. */
export async function countRows(db: Queryable, fromWhere: Sql, upTo?: number): Promise<Counted> {
  const [{ n }] = await db.query<{ n: number }>(sql`select ${countRowsSql(fromWhere, upTo)}::int as n`);
  return counted(n, upTo);
}

/** A count as a scalar subquery, and the cap it counts up to (none: exact). */
export interface CountSql { sql: Sql; upTo?: number }

/**
 * A page and its total in one statement: `pageSql(totalColumn)` reads the page with the total as one more column
 * (`count.sql` is a scalar subquery, run once); when the page is empty the total is read alone (past the last page).
 */
export async function pageWithTotal<T extends object>(db: Queryable, count: CountSql, page: number,
  pageSql: (totalColumn: Sql) => Sql): Promise<{ items: T[]; total: number; totalCapped: boolean }> {
  const rows = await db.query<T & { total_count: number }>(pageSql(sql`${count.sql}::int as total_count`));
  const n = rows.length ? rows[0].total_count : page === 1 ? 0 : (await db.query<{ n: number }>(sql`select ${count.sql}::int as n`))[0].n;
  const { total, capped } = counted(n, count.upTo);
  return { items: rows.map(({ total_count: _t, ...row }) => row as unknown as T), total, totalCapped: capped };
}
