// Who sees an incident: county accounts all; a town its region; an enterprise its own; a department or rescue
// team (org scope) the incidents where a task is assigned to it — and anyone the incidents where a task is theirs.
import type { Actor } from '../../../platform/auth/actor.js';
import { scopeWhere } from '../../../platform/auth/scope.js';
import { sql, type Sql } from '../../../platform/db/sql.js';

/** SQL condition on the incidents table aliased `alias` (default `i`) restricting it to the actor's view. */
export function incidentScope(actor: Actor, alias = 'i'): Sql {
  if (actor.scope.kind === 'all') return sql.raw('true');
  const own = actor.scope.kind === 'org' ? sql.raw('false') : scopeWhere(actor, { region: `${alias}.region_code`, enterprise: `${alias}.enterprise_id` });
  const orgId = actor.scope.kind === 'org' ? actor.scope.orgId! : (actor.orgId ?? null);
  const assigned = sql`exists (select 1 from incident_tasks st where st.incident_id = ${sql.id(`${alias}.id`)}
    and (st.assignee_account_id = ${actor.id} or (${orgId}::uuid is not null and st.assignee_org_id = ${orgId}::uuid)))`;
  return sql`(${own} or ${assigned})`;
}
