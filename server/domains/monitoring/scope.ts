// Which monitoring records a viewer reaches, in SQL: its region subtree, the enterprises its department
// regulates, or its own enterprise. Facilities (reservoirs, rain gauges) belong to regions only.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { regulatedBy } from '../enterprises/directory.js';

/** Devices (alias d), and so their sensors and readings. */
export function deviceScope(viewer: DataScope, d = 'd'): Sql {
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': return sql`${sql.id(`${d}.region_code`)} like ${regionPrefix(viewer.regionCode!) + '%'}`;
    case 'org': return sql`${sql.id(`${d}.enterprise_id`)} in ${regulatedBy(viewer.orgId!)}`;
    case 'enterprise': return sql`${sql.id(`${d}.enterprise_id`)} = ${viewer.enterpriseId!}`;
  }
}

/** Alarms (alias a): the regulator recorded when raised counts too. */
export function alarmScope(viewer: DataScope, a = 'a'): Sql {
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': return sql`${sql.id(`${a}.region_code`)} like ${regionPrefix(viewer.regionCode!) + '%'}`;
    case 'org': return sql`(${sql.id(`${a}.regulator_org_id`)} = ${viewer.orgId!} or ${sql.id(`${a}.enterprise_id`)} in ${regulatedBy(viewer.orgId!)})`;
    case 'enterprise': return sql`${sql.id(`${a}.enterprise_id`)} = ${viewer.enterpriseId!}`;
  }
}

/** Facilities (alias f): by region only. */
export function facilityScope(viewer: DataScope, f = 'f'): Sql {
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': return sql`${sql.id(`${f}.region_code`)} like ${regionPrefix(viewer.regionCode!) + '%'}`;
    default: return sql`false`;
  }
}

/** Filter by a region subtree (a list filter, inside the scope). */
export const inRegion = (col: string, code: string | undefined) => (code ? sql`${sql.id(col)} like ${regionPrefix(code) + '%'}` : undefined);
