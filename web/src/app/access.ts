// Which groups and entries of the route table an account may see, from its permissions.
import { ROUTE_GROUPS, type RouteEntry, type RouteGroup } from './routes';

/** The groups the permissions allow, each with only its allowed entries; empty groups left out. */
export function visibleGroups(permissions: readonly string[]): RouteGroup[] {
  const held = new Set(permissions);
  return ROUTE_GROUPS
    .map((group) => ({ ...group, entries: group.entries.filter((entry) => held.has(entry.perm) && !entry.hidden) }))
    .filter((group) => group.entries.length > 0);
}

/** The first page an account can open from the menu, if any. */
export function firstEntry(permissions: readonly string[]): RouteEntry | undefined {
  return visibleGroups(permissions)[0]?.entries[0];
}

/** The group and entry a path belongs to (exact path match). */
export function findEntry(pathname: string): { group: RouteGroup; entry: RouteEntry } | undefined {
  for (const group of ROUTE_GROUPS) {
    const entry = group.entries.find((e) => e.path === pathname) ?? group.entries.find((e) => matches(e.path, pathname));
    if (entry) return { group, entry };
  }
  return undefined;
}

/** Whether a route pattern such as /hazards/:id matches a path. */
function matches(pattern: string, pathname: string): boolean {
  const a = pattern.split('/');
  const b = pathname.split('/');
  return a.length === b.length && a.every((seg, i) => seg.startsWith(':') ? b[i] !== '' : seg === b[i]);
}
