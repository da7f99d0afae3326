// Data scope in SQL: every store filters its rows with scopeWhere, so a route cannot forget it.
import { sql, type Sql } from '../db/sql.js';
import type { Actor, DataScope } from './actor.js';

const LEVEL_LENGTHS = [2, 4, 6, 9, 12];

/** The code prefix that every region inside `code`'s subtree starts with (430699101000 → 430699101). */
export function regionPrefix(code: string): string {
  for (const len of LEVEL_LENGTHS) if (/^0*$/.test(code.slice(len))) return code.slice(0, len);
  return code;
}

/** Whether region `code` lies in the subtree of `ancestor` (inclusive). */
export function regionWithin(code: string, ancestor: string): boolean {
  return code.startsWith(regionPrefix(ancestor));
}

/** Which columns of a table carry its scope; a missing column means the scope kind sees nothing. */
export interface ScopeColumns { region?: string; org?: string; enterprise?: string }

/** A SQL condition restricting rows to the actor's data scope. */
export function scopeWhere(actor: Actor | DataScope, cols: ScopeColumns): Sql {
  const scope = 'scope' in actor ? actor.scope : actor;
  switch (scope.kind) {
    case 'all':
      return sql.raw('true');
    case 'region':
      return cols.region ? sql`${sql.id(cols.region)} like ${regionPrefix(scope.regionCode!) + '%'}` : sql.raw('false');
    case 'org':
      return cols.org ? sql`${sql.id(cols.org)} = ${scope.orgId!}` : sql.raw('false');
    case 'enterprise':
      return cols.enterprise ? sql`${sql.id(cols.enterprise)} = ${scope.enterpriseId!}` : sql.raw('false');
  }
}

/** Whether a single record (its scope fields) lies inside the actor's scope; for writes and events. */
export function inScope(actor: Actor | DataScope, rec: { regionCode?: string | null; orgId?: string | null; enterpriseId?: string | null }): boolean {
  const scope = 'scope' in actor ? actor.scope : actor;
  switch (scope.kind) {
    case 'all': return true;
    case 'region': return !!rec.regionCode && regionWithin(rec.regionCode, scope.regionCode!);
    case 'org': return !!rec.orgId && rec.orgId === scope.orgId;
    case 'enterprise': return !!rec.enterpriseId && rec.enterpriseId === scope.enterpriseId;
  }
}

/**
 * The rows of a per-county tally (a `county char(6)` column) that make up `viewer`'s scope narrowed to `regionCode`,
 * as a condition on `column`; null when a tally cannot answer: a scope or region finer than a county, or a scope
 * that is not regional (a department's or an enterprise's).
 */
export function countyTallyWhere(viewer: DataScope, regionCode: string | undefined, column: string): Sql | null {
  const prefixes: string[] = [];
  if (viewer.kind === 'region') prefixes.push(regionPrefix(viewer.regionCode!));
  else if (viewer.kind !== 'all') return null;
  if (regionCode) prefixes.push(regionPrefix(regionCode));
  if (prefixes.some((p) => p.length > 6)) return null;
  return sql.and(prefixes.map((p) => sql`${sql.id(column)} like ${p + '%'}`));
}
