// The enterprises domain's read service for other domains: brief facts about an enterprise, within the
// caller's scope. Other domains use this, never the enterprises tables.
import type { DataScope } from '../../platform/auth/actor.js';
import { scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface EnterpriseBrief { id: string; name: string; regionCode: string; regulatorOrgId: string | null }

const visible = (viewer: DataScope) => scopeWhere(viewer, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' });

/** One enterprise the viewer may see, or undefined. */
export async function findEnterpriseBrief(db: Queryable, viewer: DataScope, id: string): Promise<EnterpriseBrief | undefined> {
  const r = await db.maybeOne<{ id: string; name: string; region_code: string; supervising_org_id: string | null }>(
    sql`select e.id, e.name, e.region_code, e.supervising_org_id from enterprises e where e.id::text = ${id} and ${visible(viewer)}`);
  return r && { id: r.id, name: r.name, regionCode: r.region_code, regulatorOrgId: r.supervising_org_id };
}

/** Ids of the enterprises a department regulates (for scoping records that carry an enterprise id). */
export function regulatedBy(orgId: string) {
  return sql`(select e.id from enterprises e where e.supervising_org_id = ${orgId})`;
}
