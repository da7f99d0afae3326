// SQL of enforcement statistics: counts and sums per table over one filter (period, region, department, sector,
// subtype, campaign), in the viewer's scope, optionally grouped by department, sector, subtype, town or month.
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../common/scope.js';

export interface StatsFilter { from?: string; to?: string; regionCode?: string; orgId?: string; sector?: string; subtype?: string; campaignId?: string }
export type GroupBy = 'org' | 'sector' | 'region' | 'month' | 'subtype';

// Records carry sector/subtype themselves (inspections, cases, measures) or through the inspection or case they belong to.
const subject = (a: string, f: StatsFilter, own: { sector: boolean; subtype: boolean; inspection: boolean; case: boolean }): Sql[] => {
  const col = (c: string) => sql.id(`${a}.${c}`);
  const via = (cond: Sql) => sql`(${own.inspection ? sql`exists (select 1 from enforcement_inspections x where x.id = ${col('inspection_id')} and ${cond})` : sql`false`}
    or ${own.case ? sql`exists (select 1 from enforcement_cases x where x.id = ${col('case_id')} and ${cond})` : sql`false`})`;
  const out: Sql[] = [];
  if (f.sector) out.push(own.sector ? sql`${col('sector')} = ${f.sector}` : via(sql`x.sector = ${f.sector}`));
  if (f.subtype) out.push(own.subtype ? sql`${col('subtype')} = ${f.subtype}` : via(sql`x.subtype = ${f.subtype}`));
  if (f.campaignId) {
    const inCampaign = sql`(select i.id from enforcement_inspections i where i.campaign_id = ${f.campaignId})`;
    out.push(a === 'i' ? sql`i.campaign_id = ${f.campaignId}` : sql`(${own.inspection ? sql`${col('inspection_id')} in ${inCampaign}` : sql`false`}
      or ${own.case ? sql`${col('case_id')} in (select c2.id from enforcement_cases c2 where c2.inspection_id in ${inCampaign})` : sql`false`})`);
  }
  return out;
};

/** The WHERE of one table: scope, period on `dateCol`, region, department and subject filters. */
export function statsWhere(viewer: DataScope, f: StatsFilter, a: string, dateCol: string, own: { sector: boolean; subtype: boolean; inspection: boolean; case: boolean; enterprise?: boolean; org?: string }) {
  const d = sql.id(`${a}.${dateCol}`);
  return sql.and([enforcementScope(viewer, a, { enterprise: own.enterprise, org: own.org }), sql`${d} is not null`,
    f.from ? sql`${d} >= ${f.from}::date` : undefined, f.to ? sql`${d} < ${f.to}::date + 1` : undefined,
    f.regionCode ? sql`${sql.id(`${a}.region_code`)} like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.orgId ? sql`${sql.id(`${a}.${own.org ?? 'org_id'}`)} = ${f.orgId}` : undefined, ...subject(a, f, own)]);
}

/** The group key of a table's rows. */
export function groupKey(by: GroupBy | undefined, a: string, dateCol: string, hasSector: boolean): Sql {
  const col = (c: string) => sql.id(`${a}.${c}`);
  switch (by) {
    case 'org': return sql`coalesce(${col('org_id')}::text, '')`;
    case 'sector': return hasSector ? sql`coalesce(${col('sector')}, 'other')` : sql`''`;
    case 'subtype': return hasSector ? sql`coalesce(${col('subtype')}, '')` : sql`''`;
    case 'region': return sql`rpad(substr(${col('region_code')}, 1, 9), 12, '0')`;
    case 'month': return sql`to_char(${col(dateCol)} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
    default: return sql`''`;
  }
}

/** Rows of `select key, <measures> from table where … group by key`. */
export const grouped = <T>(db: Queryable, table: string, a: string, key: Sql, measures: Sql, where: Sql) =>
  db.query<T & { key: string }>(sql`select ${key} as key, ${measures} from ${sql.id(table)} ${sql.raw(a)} where ${where} group by 1`);
