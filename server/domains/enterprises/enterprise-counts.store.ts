// Enterprise counts answered from the per-county tallies kept on write (db/migrations/0106_enterprise_counts.sql)
// instead of reading the registry: a province's operating enterprises by sector × risk colour sum a few thousand
// rows, not 170,000. Only what the tallies answer exactly is answered here (a county or more, by status); anything
// else returns null and the caller counts the table.
import type { DataScope } from '../../platform/auth/actor.js';
import { countyTallyWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface SectorRiskCount { sector: string; risk: string; n: number }

/**
 * Enterprises whose status is one of `status`, by sector × risk colour ('none' = not graded), inside the viewer's
 * scope and `regionCode`, from the tallies; null when finer than a county or the scope is not regional.
 */
export async function sectorRiskFromTallies(db: Queryable, viewer: DataScope, f: { regionCode?: string; status: string[] }): Promise<SectorRiskCount[] | null> {
  const where = countyTallyWhere(viewer, f.regionCode, 'c.county');
  if (!where) return null;
  return db.query<SectorRiskCount>(sql`select c.sector, c.risk, sum(c.n)::int as n from enterprise_counts c
    where ${where} and c.status = any(${f.status}::text[]) group by 1, 2 having sum(c.n) <> 0 order by 1, 2`);
}

type Row = { county: string; status: string; sector: string; risk: string; n: number };

/** Recounts the tallies from the registry: what the triggers should hold (the tests compare the two). */
export const recount = (db: Queryable) => db.query<Row>(sql`select left(region_code, 6) as county, status, sector,
    coalesce(risk_level, 'none') as risk, count(*)::int as n from enterprises group by 1, 2, 3, 4 order by 1, 2, 3, 4`);

/** The tallies as kept, without their zero rows, in the order of `recount`. */
export const kept = (db: Queryable) => db.query<Row>(sql`select county::text as county, status, sector, risk, n
    from enterprise_counts where n <> 0 order by 1, 2, 3, 4`);
