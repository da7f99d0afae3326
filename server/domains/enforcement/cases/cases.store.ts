// SQL of cases (案件) and their officers, scoped by the caller.
import type { OfficerRef } from '../../../../contracts/enforcement.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../common/scope.js';
import type { CaseState } from './case.machine.js';

export interface Penalty { kinds: string[]; fine?: number; confiscation?: number; suspensionDays?: number; basis: string; facts?: string }
export interface CaseRow {
  id: string; number: string | null; status: CaseState; source: string; inspection_id: string | null; tipoff_id: string | null; org_id: string | null;
  enterprise_id: string | null; party_kind: 'org' | 'person'; party_name: string; party_address: string | null; party_credit_code: string | null; party_legal_rep: string | null;
  region_code: string; sector: string | null; subtype: string | null; cause: string; facts: string | null; requested_at: Date; filed_at: Date | null; filing_opinion: string | null;
  notified_at: Date | null; proposal: Penalty | null; hearing_eligible: boolean | null; hearing_requested_at: Date | null; hearing_on: string | null; hearing_held_at: Date | null;
  waived: boolean; decided_at: Date | null; decision: Penalty | null; fine: number; served_at: Date | null; payment_due: string | null; paid_at: Date | null;
  paid_amount: number | null; surcharge_paid: number | null; reminded_at: Date | null; enforcement_applied_at: Date | null; closed_at: Date | null; closing_note: string | null;
  rule_version: string; officers: OfficerRef[];
}

const scope = (v: DataScope) => enforcementScope(v, 'c');
const select = sql`select c.*, c.fine::float8 as fine, c.paid_amount::float8 as paid_amount, c.surcharge_paid::float8 as surcharge_paid,
  c.hearing_on::text as hearing_on, c.payment_due::text as payment_due,
  coalesce((select json_agg(json_build_object('id', o.officer_id, 'name', o.officer_name, 'certNo', o.cert_no) order by o.position)
    from enforcement_case_officers o where o.case_id = c.id), '[]') as officers
  from enforcement_cases c`;

export interface CaseFilter { status?: string; enterpriseId?: string; regionCode?: string; q?: string; year?: number; from?: string; to?: string; sector?: string }

export async function listCases(db: Queryable, viewer: DataScope, f: CaseFilter, page: number, pageSize: number) {
  const where = sql.and([scope(viewer), f.status ? sql`c.status = ${f.status}` : undefined, f.enterpriseId ? sql`c.enterprise_id = ${f.enterpriseId}` : undefined,
    f.regionCode ? sql`c.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.q ? sql`(c.party_name ilike ${'%' + f.q + '%'} or c.number ilike ${'%' + f.q + '%'} or c.cause ilike ${'%' + f.q + '%'})` : undefined,
    f.year ? sql`extract(year from c.requested_at at time zone 'Asia/Shanghai') = ${f.year}` : undefined,
    f.from ? sql`c.requested_at >= ${f.from}::date` : undefined, f.to ? sql`c.requested_at < ${f.to}::date + 1` : undefined,
    f.sector ? sql`c.sector = ${f.sector}` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_cases c where ${where}`);
  const items = await db.query<CaseRow>(sql`${select} where ${where} order by c.requested_at desc, c.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findCase = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<CaseRow>(sql`${select} where c.id = ${id} and ${scope(viewer)}`);
export const lockCase = (db: Queryable, id: string) => db.maybeOne(sql`select id from enforcement_cases where id = ${id} for update`);

export type CaseWrite = { [K in keyof CaseRow]?: unknown } & { updated_at?: string; created_by?: string | null };

const value = (v: unknown) => (v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v);

export async function insertCase(db: Queryable, w: CaseWrite & { id: string }) {
  const cols = Object.keys(w).filter((c) => w[c as keyof CaseWrite] !== undefined && c !== 'officers');
  await db.execute(sql`insert into enforcement_cases (${sql.join(cols.map((c) => sql.id(c)))}) values (${sql.join(cols.map((c) => sql`${value(w[c as keyof CaseWrite])}`))})`);
}

export async function updateCase(db: Queryable, id: string, w: CaseWrite) {
  const cols = Object.keys(w).filter((c) => w[c as keyof CaseWrite] !== undefined && c !== 'officers');
  if (cols.length) await db.execute(sql`update enforcement_cases set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${value(w[c as keyof CaseWrite])}`))}, updated_at = now() where id = ${id}`);
}
