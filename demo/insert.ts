// Bulk insertion of generated rows: multi-row INSERTs in batches, columns taken from the rows.
import type { Queryable } from '../server/platform/db/db.js';
import { sql } from '../server/platform/db/sql.js';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for tables of up to ~100 columns. */
export const BATCH_ROWS = 500;

/** Inserts rows (objects keyed by column name) into a table; returns the number inserted. */
export async function insertRows(q: Queryable, table: string, rows: readonly object[], batch = BATCH_ROWS): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]);
  const columnList = sql.join(columns.map((c) => sql.id(c)));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((row) => {
      const r = row as Record<string, unknown>;
      if (Object.keys(r).length !== columns.length) throw new Error(`demo: ${table} rows differ in columns`);
      return sql`(${sql.join(columns.map((c) => sql`${toParam(r[c])}`))})`;
    });
    inserted += await q.execute(sql`insert into ${sql.id(table)} (${columnList}) values ${sql.join(values)}`);
  }
  return inserted;
}

// Plain objects are jsonb values; arrays stay arrays (text[] columns such as accounts.roles).
// A jsonb column holding an array must be given as a JSON string by its generator.
function toParam(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}
