// Who is calling: an account (by session), a device or system (by API key), or the system itself.
import type { Permission } from '../../../contracts/roles.js';
import { forbidden } from '../http/errors.js';

export interface DataScope {
  kind: 'all' | 'region' | 'org' | 'enterprise';
  regionCode?: string;
  orgId?: string;
  enterpriseId?: string;
}

export interface Actor {
  kind: 'account' | 'apikey' | 'system';
  id: string | null;
  name: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  scope: DataScope;
  orgId?: string | null;
  sessionId?: string;
}

/** The system itself (jobs, demo loader, migrations): every permission, whole county. */
export const SYSTEM_ACTOR: Actor = {
  kind: 'system', id: null, name: '系统', roles: [], permissions: new Set<Permission>(), scope: { kind: 'all' },
};

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || actor.permissions.has(permission);
}

/** Throw 403 unless the actor holds the permission. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}
