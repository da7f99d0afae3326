// Which hazards a filter of the ledger selects, as SQL over `hazards h`, with the caller's scope: shared by the
// ledger, its counts (hazard-counts.store) and every figure that counts hazards.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { regulatedBy } from '../enterprises/directory.js';
import { categoryFilterSql } from './categories.js';

/** Which hazards a viewer reaches: its region, the enterprises it regulates or what it reported/supervises, or its enterprise. */
export function hazardScope(viewer: DataScope): Sql {
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': {
      const prefix = regionPrefix(viewer.regionCode!);
      // A county's scope is said as the county index's key (migration 0105), the same rows as the prefix match: its
      // page then comes in order from the index (0.4 ms, not 0.5 s; with the prefix match beside it the planner sorted).
      return prefix.length === 6 ? sql`left(h.region_code, 6) = ${prefix}` : sql`h.region_code like ${prefix + '%'}`;
    }
    case 'org': return sql`(h.reported_org_id = ${viewer.orgId!} or h.supervising_org_id = ${viewer.orgId!} or h.enterprise_id in ${regulatedBy(viewer.orgId!)})`;
    case 'enterprise': return sql`h.enterprise_id = ${viewer.enterpriseId!}`;
  }
}

/** Open, with a deadline before `today` (a YYYY-MM-DD day in Asia/Shanghai). */
export const overdueSql = (today: string) => sql`(h.status in ('pending', 'rectifying') and h.deadline < ${today}::date)`;

export interface HazardFilter {
  q?: string; regionCode?: string; enterpriseId?: string; sector?: string; level?: string; status?: string; source?: string;
  campaignId?: string; categoryCode?: string; overdue?: boolean; supervised?: boolean; from?: string; to?: string; open?: boolean; closedTo?: string;
  /** Hazards waiting on this account's next move (as movesFor decides): enterprises rectify, regulators assign and review. */
  todoFor?: { accountId: string; enterprise: boolean };
}

function todoSql(t: NonNullable<HazardFilter['todoFor']>): Sql {
  return t.enterprise
    ? sql`(h.status = 'rectifying' or (h.status = 'pending' and h.level = 'general'))`
    : sql`(h.status = 'pending' or (h.status = 'review' and h.rectified_by is distinct from ${t.accountId}))`;
}

export function filterSql(viewer: DataScope, f: HazardFilter, today: string): Sql {
  return sql.and([
    hazardScope(viewer),
    f.q ? sql`(h.title ilike ${'%' + f.q + '%'} or h.number ilike ${'%' + f.q + '%'} or h.enterprise_name ilike ${'%' + f.q + '%'} or h.place_name ilike ${'%' + f.q + '%'})` : undefined,
    f.regionCode ? sql`h.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.enterpriseId ? sql`h.enterprise_id = ${f.enterpriseId}` : undefined,
    f.sector ? sql`h.sector = ${f.sector}` : undefined,
    f.level ? sql`h.level = ${f.level}` : undefined,
    f.status ? sql`h.status = ${f.status}` : undefined,
    f.source ? sql`h.source = ${f.source}` : undefined,
    f.campaignId ? sql`h.campaign_id = ${f.campaignId}` : undefined,
    f.categoryCode ? categoryFilterSql(f.categoryCode) : undefined,
    f.overdue === true ? overdueSql(today) : f.overdue === false ? sql`not coalesce(${overdueSql(today)}, false)` : undefined,
    f.supervised === true ? sql`h.supervise_level is not null` : f.supervised === false ? sql`h.supervise_level is null` : undefined,
    f.open === true ? sql`h.status <> 'closed'` : f.open === false ? sql`h.status = 'closed'` : undefined,
    f.todoFor ? todoSql(f.todoFor) : undefined,
    // Periods are days in Asia/Shanghai (the session time zone).
    f.from ? sql`h.found_at >= ${f.from}::date` : undefined,
    f.to ? sql`h.found_at < ${f.to}::date + 1` : undefined,
    f.closedTo ? sql`(h.status = 'closed' and h.closed_at < ${f.closedTo}::date + 1)` : undefined,
  ]);
}
