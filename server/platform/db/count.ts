// Counting a list's rows for its total. An exact count over millions of rows is most of a list request's cost at
// province scale (5,000,000 hazards: 1.6 s for the first page's total), and no one pages to row 10,000: a list may
// count up to a cap and say "more than" (`capped`), and count exactly when asked (the "统计总数" link, exports,
// figures). Stores that keep tallies (hazard-counts.store) answer common filters exactly without either.
import type { Queryable } from './db.js';
import { sql, type Sql } from './sql.js';

export interface Counted { total: number; capped: boolean }

/** The number of rows of `fromWhere` (`<table> <alias> where …`), exactly, or at most `upTo` with `capped` when there are more. */
export async function countRows(db: Queryable, fromWhere: Sql, upTo?: number): Promise<Counted> {
  if (upTo === undefined) {
    const [{ n }] = await db.query<{ n: number }>(sql`select count(*)::int as n from ${fromWhere}`);
    return { total: n, capped: false };
  }
  const [{ n }] = await db.query<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${fromWhere} limit ${upTo + 1}) x`);
  return n > upTo ? { total: upTo, capped: true } : { total: n, capped: false };
}
