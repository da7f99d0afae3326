// SQL of inspections (现场检查), their officers and findings, scoped by the caller.
import type { OfficerRef } from '../../../../contracts/enforcement.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { Cite } from '../../law/directory.js';
import { sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../common/scope.js';

export type InspectionStatus = 'planned' | 'on_site' | 'completed' | 'cancelled';
export interface ResultItem { code: string; text: string; ok: boolean; note?: string; photos?: string[];
  /** The articles the item cited when it was recorded (a later edit of the checklist does not change them). */
  cites?: Cite[] }
export interface InspectionRow {
  id: string; number: string; origin: string; plan_id: string | null; draw_id: string | null; campaign_id: string | null; tipoff_id: string | null; org_id: string | null;
  enterprise_id: string | null; unit_name: string; unit_address: string | null; unit_credit_code: string | null; unit_legal_rep: string | null; region_code: string;
  sector: string | null; subtype: string | null; status: InspectionStatus; planned_on: string | null; started_at: Date | null; ended_at: Date | null; checklist_id: string | null;
  results: ResultItem[]; summary: string | null; photos: string[]; signature_file_id: string | null; signer_name: string | null; refusal_note: string | null;
  cancel_reason: string | null; created_at: Date; officers: OfficerRef[]; finding_count: number;
}
export interface FindingRow { id: string; hazard_id: string; hazard_number: string; item_code: string | null; title: string; level: string; basis: string | null }

const scope = (v: DataScope) => enforcementScope(v, 'i');
const select = sql`select i.*, i.planned_on::text as planned_on,
  coalesce((select json_agg(json_build_object('id', o.officer_id, 'name', o.officer_name, 'certNo', o.cert_no) order by o.position)
    from enforcement_inspection_officers o where o.inspection_id = i.id), '[]') as officers,
  (select count(*)::int from enforcement_findings f where f.inspection_id = i.id) as finding_count
  from enforcement_inspections i`;

export interface InspectionFilter { status?: string; origin?: string; enterpriseId?: string; planId?: string; drawId?: string; campaignId?: string; regionCode?: string; from?: string; to?: string; q?: string; sector?: string }

export async function listInspections(db: Queryable, viewer: DataScope, f: InspectionFilter, page: number, pageSize: number) {
  const where = sql.and([scope(viewer), f.status ? sql`i.status = ${f.status}` : undefined, f.origin ? sql`i.origin = ${f.origin}` : undefined,
    f.enterpriseId ? sql`i.enterprise_id = ${f.enterpriseId}` : undefined, f.planId ? sql`i.plan_id = ${f.planId}` : undefined,
    f.drawId ? sql`i.draw_id = ${f.drawId}` : undefined, f.campaignId ? sql`i.campaign_id = ${f.campaignId}` : undefined,
    f.sector ? sql`i.sector = ${f.sector}` : undefined,
    f.regionCode ? sql`i.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.from ? sql`coalesce(i.ended_at, i.started_at, i.created_at) >= ${f.from}::date` : undefined,
    f.to ? sql`coalesce(i.ended_at, i.started_at, i.created_at) < ${f.to}::date + 1` : undefined,
    f.q ? sql`(i.unit_name ilike ${'%' + f.q + '%'} or i.number ilike ${'%' + f.q + '%'})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_inspections i where ${where}`);
  // pageSize 0 counts only (the work report's figures).
  const items = pageSize === 0 ? [] : await db.query<InspectionRow>(sql`${select} where ${where} order by i.created_at desc, i.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findInspection = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<InspectionRow>(sql`${select} where i.id = ${id} and ${scope(viewer)}`);
export const lockInspection = (db: Queryable, id: string) => db.maybeOne(sql`select id from enforcement_inspections where id = ${id} for update`);
export const findingsOf = (db: Queryable, inspectionId: string) => db.query<FindingRow>(sql`select id, hazard_id, hazard_number, item_code, title, level, basis
  from enforcement_findings where inspection_id = ${inspectionId} order by created_at, id`);

export type InspectionWrite = Partial<Omit<InspectionRow, 'officers' | 'finding_count' | 'created_at' | 'started_at' | 'ended_at' | 'results'>> & {
  started_at?: string; ended_at?: string; results?: string; created_by?: string | null };

export async function insertInspection(db: Queryable, w: InspectionWrite & { id: string }) {
  const cols = (Object.keys(w) as (keyof typeof w)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into enforcement_inspections (${sql.join(cols.map((c) => sql.id(c)))}) values (${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

export async function updateInspection(db: Queryable, id: string, w: InspectionWrite) {
  const cols = (Object.keys(w) as (keyof InspectionWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update enforcement_inspections set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

export async function insertFinding(db: Queryable, f: FindingRow & { inspection_id: string; id: string }) {
  await db.execute(sql`insert into enforcement_findings (id, inspection_id, hazard_id, hazard_number, item_code, title, level, basis)
    values (${f.id}, ${f.inspection_id}, ${f.hazard_id}, ${f.hazard_number}, ${f.item_code}, ${f.title}, ${f.level}, ${f.basis})`);
}
