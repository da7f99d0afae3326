// What the disaster domain shares: the caller's level in the reporting tree, region names, time formatting.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { nextNumber } from '../../platform/db/numbering.js';
import { sql } from '../../platform/db/sql.js';

export type Level = 'county' | 'town' | 'village';

/** The caller's level in the village → town → county chain: the bureau (all) and a county-scoped account are the county. */
export function actorLevel(scope: DataScope): Level | null {
  if (scope.kind === 'all') return 'county';
  if (scope.kind !== 'region' || !scope.regionCode) return null;
  const c = scope.regionCode;
  if (c.slice(6) === '000000') return 'county';
  if (c.slice(9) === '000') return 'town';
  return 'village';
}

/** The level of a region code (county / town / village) from its shape. */
export const levelOfCode = (code: string): Level => (code.slice(6) === '000000' ? 'county' : code.slice(9) === '000' ? 'town' : 'village');
/** The town a region lies in (itself for a town). */
export const townOf = (code: string) => code.slice(0, 9) + '000';

/** SQL: the name of the town containing the region column `col`. */
export const townName = (col: string) => sql`(select t.name from regions t where t.code = (substr(${sql.id(col)}, 1, 9) || '000')::bpchar)`;
export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The next free human number of a table (`format(n)` → 灾〔2022〕3号), skipping numbers already taken by records that did
 * not come through the sequence (imported or demo records).
 */
export async function takeNumber(tx: Queryable & { inTransaction: true }, table: 'disaster_events' | 'relief_allocations' | 'relief_audits', kind: string, year: number, format: (n: number) => string) {
  for (;;) {
    const number = format(await nextNumber(tx, kind, year));
    if (!(await tx.maybeOne(sql`select 1 from ${sql.id(table)} where number = ${number}`))) return number;
  }
}
