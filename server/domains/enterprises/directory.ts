// The enterprises domain's read service for other domains: brief facts about an enterprise, within the
// caller's scope. Other domains use this, never the enterprises tables.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface EnterpriseBrief { id: string; name: string; regionCode: string; regulatorOrgId: string | null; lng: number | null; lat: number | null; sector: string | null }

const visible = (viewer: DataScope) => scopeWhere(viewer, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' });

/** One enterprise the viewer may see, or undefined. */
export async function findEnterpriseBrief(db: Queryable, viewer: DataScope, id: string): Promise<EnterpriseBrief | undefined> {
  const r = await db.maybeOne<{ id: string; name: string; region_code: string; supervising_org_id: string | null; lng: number | null; lat: number | null; sector: string | null }>(
    sql`select e.id, e.name, e.region_code, e.supervising_org_id, e.lng, e.lat, e.sector from enterprises e where e.id::text = ${id} and ${visible(viewer)}`);
  return r && { id: r.id, name: r.name, regionCode: r.region_code, regulatorOrgId: r.supervising_org_id, lng: r.lng, lat: r.lat, sector: r.sector };
}

/** The scope of another domain's records that carry a region code and an enterprise id: a town sees its region,
 *  a department the records of the enterprises it regulates, an enterprise its own. */
export function enterpriseRecordScope(viewer: DataScope, cols: { region: string; enterprise: string }) {
  if (viewer.kind === 'org') return sql`${sql.id(cols.enterprise)} in ${regulatedBy(viewer.orgId!)}`;
  return scopeWhere(viewer, { region: cols.region, enterprise: cols.enterprise });
}

/** Ids of the enterprises a department regulates (for scoping records that carry an enterprise id). */
export function regulatedBy(orgId: string) {
  return sql`(select e.id from enterprises e where e.supervising_org_id = ${orgId})`;
}

/** Set an enterprise's risk colour from its risk points (the highest one), recording where it came from. */
export async function setRiskFromPoints(tx: Queryable, enterpriseId: string, level: string | null, at: Date) {
  await tx.execute(sql`update enterprises set risk_level = ${level}, risk_level_source = ${level ? '风险点评估（取最高等级）' : null},
    risk_level_at = ${at.toISOString()} where id = ${enterpriseId}`);
}

/** Names of enterprises by id (for lists of other domains' records); ids outside the data are left out. */
export async function enterpriseNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map();
  const rows = await db.query<{ id: string; name: string }>(sql`select id, name from enterprises where id = any(${wanted}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface PoolUnitRow { id: string; name: string; credit_code: string | null; region_code: string; sector: string; subtype: string | null; risk_level: string | null }
export interface PoolFilter { sectors?: string[]; regionCode?: string; riskLevels?: string[] }

/** The draw pool (双随机): operating or suspended enterprises in the viewer's scope matching sector/region/risk, by credit code. */
export async function listPoolUnits(db: Queryable, viewer: DataScope, f: PoolFilter): Promise<PoolUnitRow[]> {
  const levels = (f.riskLevels ?? []).filter((l) => l !== 'none');
  const risk = f.riskLevels?.length
    ? (f.riskLevels.includes('none') ? sql`(e.risk_level is null or e.risk_level = any(${levels}::text[]))` : sql`e.risk_level = any(${levels}::text[])`)
    : undefined;
  return db.query<PoolUnitRow>(sql`select e.id, e.name, e.credit_code, e.region_code, e.sector, e.subtype, e.risk_level from enterprises e where ${sql.and([
    scopeWhere(viewer, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' }),
    sql`e.status in ('operating', 'suspended')`,
    f.sectors?.length ? sql`e.sector = any(${f.sectors}::text[])` : undefined,
    f.regionCode ? sql`e.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    risk,
  ])} order by coalesce(e.credit_code, e.id::text)`);
}
