// SQL of the enterprise record (一企一档): list/map/export filters, detail, writes, status history and
// change history. Every read is scoped with scopeWhere: region accounts by region_code, department
// accounts by the regulator (supervising_org_id), enterprise accounts by id.
import type { EnterpriseFilter } from '../../../contracts/enterprises.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import { countRowsSql, pageWithTotal } from '../../platform/db/count.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';

export interface EnterpriseRow {
  id: string; name: string; former_names: string[]; credit_code: string; region_code: string; region_name: string | null; town_name: string | null;
  address: string | null; legal_representative: string | null; legal_representative_phone: string | null; principal_name: string | null;
  principal_phone: string | null; safety_manager_name: string | null; safety_manager_phone: string | null; lng: number | null; lat: number | null;
  employees: number | null; scale: string | null; established_on: string | null; status: string; status_changed_at: Date | null; is_key: boolean;
  standard_grade: string | null; industry_code: string | null; sector: string; sector_detail: string | null; subtype: string | null; flags: string[];
  risk_level: string | null; risk_level_source: string | null; risk_level_at: Date | null; supervising_org_id: string | null;
  regulator_name: string | null; created_at: Date; updated_at: Date; major_hazard_count: number; major_hazard_grade: number | null;
  next_licence_expires_on: string | null;
}

/** The columns a write may set (snake_case, as in the table). */
export type EnterpriseWrite = Partial<Omit<EnterpriseRow, 'id' | 'region_name' | 'town_name' | 'regulator_name' | 'major_hazard_count'
  | 'major_hazard_grade' | 'next_licence_expires_on' | 'status_changed_at' | 'risk_level_at' | 'created_at' | 'updated_at'>>
  & { status_changed_at?: string; risk_level_at?: string | null; created_at?: string; updated_at?: string };

export const visibleEnterprises = (viewer: DataScope) => scopeWhere(viewer, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' });

const columns = (today: string) => sql`e.id, e.name, e.former_names, e.credit_code, e.region_code, r.name as region_name, t.name as town_name,
  e.address, e.legal_representative, e.legal_representative_phone, e.principal_name, e.principal_phone, e.safety_manager_name,
  e.safety_manager_phone, e.lng, e.lat, e.employees, e.scale, e.established_on::text as established_on, e.status, e.status_changed_at,
  e.is_key, e.standard_grade, e.industry_code, e.sector, e.sector_detail, e.subtype, e.flags, e.risk_level, e.risk_level_source,
  e.risk_level_at, e.supervising_org_id, o.name as regulator_name, e.created_at, e.updated_at,
  (select count(*)::int from major_hazard_sources m where m.enterprise_id = e.id and m.identified) as major_hazard_count,
  (select min(m.grade)::int from major_hazard_sources m where m.enterprise_id = e.id and m.identified) as major_hazard_grade,
  (select min(l.expires_on)::text from enterprise_licences l where l.enterprise_id = e.id and l.expires_on >= ${today}::date) as next_licence_expires_on`;

// The town (or park) is the region code cut to 9 digits + 000; a park or town code is its own.
const JOINS = sql`left join regions r on r.code = e.region_code
  left join regions t on t.code = (left(e.region_code, 9) || '000')::bpchar
  left join organizations o on o.id = e.supervising_org_id`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list/map/export filters as one SQL condition, inside the viewer's scope. */
export function filterWhere(viewer: DataScope, f: EnterpriseFilter, today: string): Sql {
  const within = (n: number) => sql`exists (select 1 from enterprise_licences l where l.enterprise_id = e.id
    and l.expires_on >= ${today}::date and l.expires_on <= ${today}::date + ${n}::int)`;
  const major = sql`exists (select 1 from major_hazard_sources m where m.enterprise_id = e.id and m.identified)`;
  const levels = f.riskLevel?.filter((l) => l !== 'none') ?? [];
  const q = f.q?.trim();
  return sql.and([
    visibleEnterprises(viewer),
    q ? sql`e.search_text ilike ${'%' + escapeLike(q) + '%'}` : undefined,
    // Two characters are too few for the trigram index: the character-pair index narrows the rows (0002_enterprises.sql).
    q && q.length === 2 ? sql`yj_bigrams(e.search_text) @> yj_bigrams(${q})` : undefined,
    f.regionCode ? sql`e.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.sector?.length ? sql`e.sector = any(${f.sector}::text[])` : undefined,
    f.sectorDetail ? sql`e.sector_detail = ${f.sectorDetail}` : undefined,
    f.subtype ? sql`e.subtype = ${f.subtype}` : undefined,
    f.flag ? sql`e.flags @> ${[f.flag]}::text[]` : undefined,
    f.status?.length ? sql`e.status = any(${f.status}::text[])` : undefined,
    f.riskLevel?.length ? (f.riskLevel.includes('none')
      ? sql`(e.risk_level is null or e.risk_level = any(${levels}::text[]))` : sql`e.risk_level = any(${levels}::text[])`) : undefined,
    f.isKey !== undefined ? sql`e.is_key = ${f.isKey}` : undefined,
    f.regulatorId ? sql`e.supervising_org_id = ${f.regulatorId}` : undefined,
    f.licenceExpiringDays !== undefined ? within(f.licenceExpiringDays) : undefined,
    f.hasMajorHazard !== undefined ? (f.hasMajorHazard ? major : sql`not ${major}`) : undefined,
    f.statusChange || f.changedFrom || f.changedTo ? sql`exists (select 1 from enterprise_status_changes sc where sc.enterprise_id = e.id
      and ${f.statusChange ? sql`sc.to_status = ${f.statusChange}` : sql`true`} and ${f.changedFrom ? sql`sc.effective_on >= ${f.changedFrom}::date` : sql`true`}
      and ${f.changedTo ? sql`sc.effective_on <= ${f.changedTo}::date` : sql`true`})` : undefined,
    f.establishedFrom ? sql`e.established_on >= ${f.establishedFrom}::date` : undefined,
    f.establishedTo ? sql`e.established_on <= ${f.establishedTo}::date` : undefined,
  ]);
}

const RISK_ORDER = sql`case e.risk_level when 'red' then 1 when 'orange' then 2 when 'yellow' then 3 when 'blue' then 4 end`;
const SORTS: Record<string, Sql> = {
  name: sql`e.name`, creditCode: sql`e.credit_code`, updatedAt: sql`e.updated_at`, createdAt: sql`e.created_at`, employees: sql`e.employees`,
  riskLevel: RISK_ORDER,
  status: sql`case e.status when 'operating' then 1 when 'suspended' then 2 when 'closed_business' then 3 when 'closed' then 4 else 5 end`,
};

/** ORDER BY for a sort key; dates sort newest first unless asked otherwise; ties break on id. */
export function orderBy(sort = 'name', order?: 'asc' | 'desc'): Sql {
  const dir = sql.raw((order ?? (sort === 'updatedAt' || sort === 'createdAt' ? 'desc' : 'asc')) === 'desc' ? 'desc' : 'asc');
  return sql`${SORTS[sort] ?? SORTS.name} ${dir} nulls last, e.id ${dir}`;
}

/** A page of the registry and its total, in one statement: exact, or counted up to `countUpTo` with `totalCapped` when there are more. */
export async function listEnterprises(db: Queryable, viewer: DataScope, f: EnterpriseFilter, order: Sql, today: string, page: number, pageSize: number,
  countUpTo?: number) {
  const where = filterWhere(viewer, f, today);
  // Page first, then join and compute the per-row figures for that page only.
  return pageWithTotal<EnterpriseRow>(db, { sql: countRowsSql(sql`enterprises e where ${where}`, countUpTo), upTo: countUpTo }, page, (total) => sql`select ${columns(today)}, ${total} from
    (select e.* from enterprises e where ${where} order by ${order} limit ${pageSize} offset ${(page - 1) * pageSize}) e
    ${JOINS} order by ${order}`);
}

/** Rows for an export: same filters and order, at most `limit` (the caller checks the count first). */
export async function exportEnterprises(db: Queryable, viewer: DataScope, f: EnterpriseFilter, order: Sql, today: string, limit: number) {
  const where = filterWhere(viewer, f, today);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enterprises e where ${where}`);
  if (total > limit) return { total, items: [] };
  return { total, items: await db.query<EnterpriseRow>(sql`select ${columns(today)} from enterprises e ${JOINS} where ${where} order by ${order}`) };
}

export interface MapPointRow { id: string; name: string; lng: number; lat: number; risk_level: string | null; sector: string; status: string }

/** Located enterprises matching the filters, riskiest first, at most `limit`; total counts them all. */
export async function mapPoints(db: Queryable, viewer: DataScope, f: EnterpriseFilter, today: string, limit: number) {
  const where = sql.and([filterWhere(viewer, f, today), sql`e.lng is not null and e.lat is not null`]);
  const items = await db.query<MapPointRow>(sql`select e.id, e.name, e.lng, e.lat, e.risk_level, e.sector, e.status from enterprises e
    where ${where} order by ${RISK_ORDER} nulls last, e.id limit ${limit + 1}`);
  if (items.length <= limit) return { items, total: items.length, truncated: false };
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enterprises e where ${where}`);
  return { items: items.slice(0, limit), total, truncated: true };
}

export const findEnterprise = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<EnterpriseRow>(sql`select ${columns(today)} from enterprises e ${JOINS} where e.id = ${id} and ${visibleEnterprises(viewer)}`);

export interface CodeOwner { id: string; name: string; credit_code: string; region_code: string; supervising_org_id: string | null; status: string; sector: string }

/** Enterprises holding any of these credit codes, regardless of scope (the service decides what to reveal). */
export const findByCreditCodes = (db: Queryable, codes: string[]) =>
  db.query<CodeOwner>(sql`select id, name, credit_code, region_code, supervising_org_id, status, sector from enterprises where credit_code = any(${codes}::text[])`);

const cols = (w: EnterpriseWrite) => (Object.keys(w) as (keyof EnterpriseWrite)[]).filter((c) => w[c] !== undefined);

export async function insertEnterprise(db: Queryable, id: string, w: EnterpriseWrite) {
  const c = cols(w);
  await db.execute(sql`insert into enterprises (id, ${sql.join(c.map((k) => sql.id(k)))}) values (${id}, ${sql.join(c.map((k) => sql`${w[k]}`))})`);
}

export async function updateEnterprise(db: Queryable, id: string, w: EnterpriseWrite) {
  const c = cols(w);
  if (c.length) await db.execute(sql`update enterprises set ${sql.join(c.map((k) => sql`${sql.id(k)} = ${w[k]}`))} where id = ${id}`);
}

export interface StatusChangeRow {
  id: string; enterprise_id: string; from_status: string | null; to_status: string; reason: string; ordered_by_org_id: string | null;
  ordered_by_org_name: string | null; ordered_by: string | null; document_no: string | null; effective_on: string; recorded_by: string | null;
  recorded_by_name: string | null; recorded_at: Date;
}

export async function insertStatusChange(db: Queryable, r: Omit<StatusChangeRow, 'ordered_by_org_name' | 'recorded_at'> & { recorded_at: string }) {
  await db.execute(sql`insert into enterprise_status_changes (id, enterprise_id, from_status, to_status, reason, ordered_by_org_id, ordered_by,
      document_no, effective_on, recorded_by, recorded_by_name, recorded_at)
    values (${r.id}, ${r.enterprise_id}, ${r.from_status}, ${r.to_status}, ${r.reason}, ${r.ordered_by_org_id}, ${r.ordered_by}, ${r.document_no},
      ${r.effective_on}, ${r.recorded_by}, ${r.recorded_by_name}, ${r.recorded_at})`);
}

/** The status history of one enterprise, newest first. */
export const listStatusChanges = (db: Queryable, enterpriseId: string) =>
  db.query<StatusChangeRow>(sql`select c.id, c.enterprise_id, c.from_status, c.to_status, c.reason, c.ordered_by_org_id, o.name as ordered_by_org_name,
      c.ordered_by, c.document_no, c.effective_on::text as effective_on, c.recorded_by, c.recorded_by_name, c.recorded_at
    from enterprise_status_changes c left join organizations o on o.id = c.ordered_by_org_id
    where c.enterprise_id = ${enterpriseId} order by c.recorded_at desc, c.id desc`);

export interface ChangeRow { seq: number; at: Date; actor_name: string | null; action: string; before: unknown; after: unknown }

/** The enterprise's audit trail (its record and its licences, hazard sources and status), newest first. */
export async function listChanges(db: Queryable, enterpriseId: string, page: number, pageSize: number) {
  const where = sql`entity_type = 'enterprise' and entity_id = ${enterpriseId}`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from audit_log where ${where}`);
  const items = await db.query<ChangeRow>(sql`select seq::int as seq, at, actor_name, action, before, after from audit_log where ${where}
    order by seq desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const regionExists = async (db: Queryable, code: string) => !!(await db.maybeOne(sql`select 1 from regions where code = ${code}`));
export const orgExists = async (db: Queryable, id: string) => !!(await db.maybeOne(sql`select 1 from organizations where id = ${id}`));

/** Every region and organisation, for resolving names in an import. */
export const allRegions = (db: Queryable) => db.query<{ code: string; name: string; level: string }>(sql`select code, name, level from regions`);
export const allOrgs = (db: Queryable) => db.query<{ id: string; name: string; short_name: string | null }>(sql`select id, name, short_name from organizations where not disabled`);
