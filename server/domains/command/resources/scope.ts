// Which resources a viewer reaches, in SQL. County staff see everything; a town sees its own region's resources and
// the county-level ones (registered at the county or above); an organisation (a rescue brigade) sees what it owns and
// the county-level ones. Writes are stricter: only inside the caller's own scope (inScope).
import type { Actor, DataScope } from '../../../platform/auth/actor.js';
import { inScope, regionPrefix } from '../../../platform/auth/scope.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { forbidden } from '../../../platform/http/errors.js';

const LEVELS = [2, 4, 6, 9, 12];

/** The codes of the regions above `code` (430699101000 → 430000000000, 430600000000, 430699000000). */
export function ancestorCodes(code: string): string[] {
  const own = regionPrefix(code).length;
  return LEVELS.filter((l) => l < own).map((l) => code.slice(0, l).padEnd(12, '0'));
}

/** A resource registered at county level or above (its region code ends in six zeros). */
const countyLevel = (col: Sql) => sql`right(${col}, 6) = '000000'`;

export interface ResourceCols { region: string; org?: string; enterprise?: string }

/** Rows of a resource table (alias `a`) the viewer may read. */
export function readScope(viewer: Actor | DataScope, cols: ResourceCols): Sql {
  const s = 'scope' in viewer ? viewer.scope : viewer;
  const region = sql.id(cols.region);
  switch (s.kind) {
    case 'all': return sql`true`;
    case 'region': {
      const up = ancestorCodes(s.regionCode!);
      return sql`(${region} like ${regionPrefix(s.regionCode!) + '%'}${up.length ? sql` or ${region} in (${sql.join(up.map((c) => sql`${c}`))})` : sql``})`;
    }
    case 'org': return cols.org ? sql`(${sql.id(cols.org)} = ${s.orgId!} or ${countyLevel(region)})` : countyLevel(region);
    case 'enterprise': return cols.enterprise ? sql`${sql.id(cols.enterprise)} = ${s.enterpriseId!}` : sql`false`;
  }
}

/** Refuse a write to a place (and owner) outside the caller's own scope. */
export function requireWritable(actor: Actor, rec: { regionCode: string; orgId?: string | null; enterpriseId?: string | null }, what: string) {
  if (!inScope(actor, rec)) throw forbidden(`${what}不在您的管辖范围内，不能修改`, 'Outside your scope');
}
