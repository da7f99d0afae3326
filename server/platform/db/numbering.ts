// Human-facing numbers (隐患编号, 文书文号, 案号): sequential per kind and year, gap-free,
// taken inside the transaction that creates the record so a rollback gives the number back.
import type { Queryable } from './db.js';
import { sql } from './sql.js';

/** The next number of `kind` in `year` (1, 2, 3 …); the row lock serialises concurrent takers. */
export async function nextNumber(tx: Queryable & { inTransaction: true }, kind: string, year: number): Promise<number> {
  const row = await tx.one<{ last: number }>(sql`insert into number_sequences (kind, year, last) values (${kind}, ${year}, 1)
    on conflict (kind, year) do update set last = number_sequences.last + 1 returning last`);
  return Number(row.last);
}
