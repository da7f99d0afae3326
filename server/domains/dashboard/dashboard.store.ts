// The dashboard's aggregate reads over the large tables (enterprises, hazards, inspections, cases): one grouped
// query per domain, built from each domain's own list filter (enterprises filterWhere, hazards filterSql/overdueSql,
// enforcement statsWhere), so a figure counts exactly what its list shows and the caller's scope is applied in SQL.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { sectorRiskFromTallies, type SectorRiskCount } from '../enterprises/enterprise-counts.store.js';
import { filterWhere } from '../enterprises/enterprises.store.js';
import { countHazards, openTallyFromTallies } from '../hazards/hazard-counts.store.js';
import { filterSql, overdueSql } from '../hazards/hazards.store.js';
import { statsWhere } from '../enforcement/stats/stats.store.js';

/**
 * Operating enterprises (在营) by sector × risk colour ('none' = not graded): over a county or more from the tallies
 * kept on write (0106); for a town, a department or an enterprise from the registry.
 */
export async function enterpriseTally(db: Queryable, viewer: DataScope, f: { regionCode?: string; regulatorId?: string }, today: string) {
  const status = ['operating' as const];
  const tallied = f.regulatorId ? null : await sectorRiskFromTallies(db, viewer, { regionCode: f.regionCode, status });
  if (tallied) return tallied;
  const where = filterWhere(viewer, { status, regionCode: f.regionCode, regulatorId: f.regulatorId }, today);
  return db.query<SectorRiskCount>(sql`select e.sector, coalesce(e.risk_level, 'none') as risk, count(*)::int as n
    from enterprises e where ${where} group by 1, 2 order by 1, 2`);
}

export interface HazardTally { open: number; overdue: number; major_open: number; major_supervised: number; found: number }

/** Open, overdue, major open, major under supervision (挂牌督办), found in [from, to]. */
export async function hazardTally(db: Queryable, viewer: DataScope, f: { regionCode?: string }, from: string, to: string, today: string): Promise<HazardTally> {
  // Over a county or more both come from the tallies kept on write (0102); finer, each counts over an index: the open
  // ones (partial index hazards_open_tally_idx, 0095) and those found in the period.
  const [tallied, found] = await Promise.all([
    openTallyFromTallies(db, viewer, f.regionCode, today),
    countHazards(db, viewer, { regionCode: f.regionCode, from, to }, today),
  ]);
  if (tallied) return { ...tallied, found: found.total };
  const [open] = await db.query<Omit<HazardTally, 'found'>>(sql`select count(*)::int as open,
        count(*) filter (where ${overdueSql(today)})::int as overdue,
        count(*) filter (where h.level = 'major')::int as major_open,
        count(*) filter (where h.level = 'major' and h.supervise_level is not null)::int as major_supervised
      from hazards h where ${filterSql(viewer, { regionCode: f.regionCode }, today)} and h.status <> 'closed'`);
  return { ...open, found: found.total };
}

export interface OverdueHazardRow {
  id: string; number: string; title: string; level: string; enterprise_name: string | null; region_name: string | null;
  deadline: string | null; days_overdue: number; supervised: boolean;
}

/** The longest-overdue hazards first (as the ledger's 逾期 view filters them): the ten picked over an index (0096), then read. */
export function overdueHazards(db: Queryable, viewer: DataScope, f: { regionCode?: string }, today: string, limit: number) {
  return db.query<OverdueHazardRow>(sql`with top as (select h.id, h.deadline, h.level from hazards h
      where ${filterSql(viewer, { regionCode: f.regionCode, overdue: true }, today)} order by h.deadline, h.level desc, h.id limit ${limit})
    select h.id, h.number, h.title, h.level, h.enterprise_name, r.name as region_name, h.deadline::text as deadline,
      (${today}::date - h.deadline)::int as days_overdue, h.supervise_level is not null as supervised
    from top join hazards h on h.id = top.id left join regions r on r.code = h.region_code
    order by top.deadline, top.level desc, top.id`);
}

/** Completed inspections (by the day they ended) and cases (by the day they were requested) in [from, to]. */
export async function enforcementTally(db: Queryable, viewer: DataScope, f: { regionCode?: string }, from: string, to: string) {
  const own = { sector: true, subtype: true, inspection: false, case: false };
  const period = { from, to, regionCode: f.regionCode };
  const [r] = await db.query<{ inspections: number; cases: number }>(sql`select
    (select count(*)::int from enforcement_inspections i where ${statsWhere(viewer, period, 'i', 'ended_at', own)} and i.status = 'completed') as inspections,
    (select count(*)::int from enforcement_cases c where ${statsWhere(viewer, period, 'c', 'requested_at', own)}) as cases`);
  return r;
}

/** Names for the scope line: a region, an organisation. */
export const regionName = (db: Queryable, code: string) => db.maybeOne<{ name: string }>(sql`select name from regions where code = ${code}`);
export const orgName = (db: Queryable, id: string) => db.maybeOne<{ name: string }>(sql`select name from organizations where id = ${id}`);
