// Data scope of enforcement records, in SQL: region accounts by region_code, department accounts by the
// record's department or the enterprises it regulates, enterprise accounts by their enterprise.
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { regulatedBy } from '../../enterprises/directory.js';

/** A condition over table alias `a` (with region_code, org_id and optionally enterprise_id columns). */
export function enforcementScope(viewer: DataScope, a: string, cols: { org?: string; enterprise?: boolean } = {}): Sql {
  const col = (c: string) => sql.id(`${a}.${c}`);
  const org = col(cols.org ?? 'org_id');
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': return sql`${col('region_code')} like ${regionPrefix(viewer.regionCode!) + '%'}`;
    case 'org': return cols.enterprise === false ? sql`${org} = ${viewer.orgId!}`
      : sql`(${org} = ${viewer.orgId!} or ${col('enterprise_id')} in ${regulatedBy(viewer.orgId!)})`;
    case 'enterprise': return cols.enterprise === false ? sql`false` : sql`${col('enterprise_id')} = ${viewer.enterpriseId!}`;
  }
}
