// SQL of compulsory measures (强制措施) and 行刑衔接 transfers, scoped by the caller.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import { enforcementScope } from '../common/scope.js';

export interface MeasureRow {
  id: string; kind: string; case_id: string | null; inspection_id: string | null; org_id: string | null; enterprise_id: string | null; party_name: string; region_code: string;
  sector: string | null; subtype: string | null; reason: string; basis: string | null; items: { name: string; quantity: number; unit: string }[]; decided_at: Date;
  due_on: string | null; lifted_at: Date | null; lift_reason: string | null;
}
export interface TransferRow {
  id: string; case_id: string | null; org_id: string | null; enterprise_id: string | null; party_name: string; region_code: string; suspected_offence: string; facts: string;
  team: string; status: string; reported_at: Date; decided_at: Date | null; decision_note: string | null; transferred_at: Date | null; police_org: string | null;
  police_decided_at: Date | null; police_note: string | null; persons_detained: number;
}

const mSelect = sql`select m.*, m.due_on::text as due_on from enforcement_measures m`;

export async function listMeasures(db: Queryable, viewer: DataScope, f: { kind?: string; enterpriseId?: string; caseId?: string; inspectionId?: string; active?: boolean; q?: string;
  sector?: string; subtype?: string; from?: string; to?: string; regionCode?: string }, page: number, pageSize: number) {
  const where = sql.and([enforcementScope(viewer, 'm'), f.kind ? sql`m.kind = ${f.kind}` : undefined, f.enterpriseId ? sql`m.enterprise_id = ${f.enterpriseId}` : undefined,
    f.sector ? sql`m.sector = ${f.sector}` : undefined, f.subtype ? sql`m.subtype = ${f.subtype}` : undefined,
    f.from ? sql`m.decided_at >= ${f.from}::date` : undefined, f.to ? sql`m.decided_at < ${f.to}::date + 1` : undefined,
    f.regionCode ? sql`m.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.caseId ? sql`m.case_id = ${f.caseId}` : undefined, f.inspectionId ? sql`m.inspection_id = ${f.inspectionId}` : undefined,
    f.q ? sql`m.party_name like ${'%' + f.q + '%'}` : undefined, f.active === true ? sql`m.lifted_at is null` : f.active === false ? sql`m.lifted_at is not null` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_measures m where ${where}`);
  const items = await db.query<MeasureRow>(sql`${mSelect} where ${where} order by m.decided_at desc, m.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findMeasure = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<MeasureRow>(sql`${mSelect} where m.id = ${id} and ${enforcementScope(viewer, 'm')}`);

export async function insertMeasure(db: Queryable, m: Omit<MeasureRow, 'decided_at' | 'lifted_at' | 'lift_reason'> & { decided_at: string; created_by: string | null }) {
  await db.execute(sql`insert into enforcement_measures (id, kind, case_id, inspection_id, org_id, enterprise_id, party_name, region_code, sector, subtype, reason, basis, items,
    decided_at, due_on, created_by) values (${m.id}, ${m.kind}, ${m.case_id}, ${m.inspection_id}, ${m.org_id}, ${m.enterprise_id}, ${m.party_name}, ${m.region_code}, ${m.sector},
    ${m.subtype}, ${m.reason}, ${m.basis}, ${JSON.stringify(m.items)}::jsonb, ${m.decided_at}, ${m.due_on}::date, ${m.created_by})`);
}

export const liftMeasure = (db: Queryable, id: string, at: string, reason: string) =>
  db.execute(sql`update enforcement_measures set lifted_at = ${at}, lift_reason = ${reason} where id = ${id} and lifted_at is null`);

const tSelect = sql`select t.* from enforcement_transfers t`;

export async function listTransfers(db: Queryable, viewer: DataScope, f: { caseId?: string; enterpriseId?: string; status?: string; q?: string; from?: string; to?: string; regionCode?: string },
  page: number, pageSize: number) {
  const where = sql.and([enforcementScope(viewer, 't'), f.caseId ? sql`t.case_id = ${f.caseId}` : undefined,
    f.from ? sql`t.reported_at >= ${f.from}::date` : undefined, f.to ? sql`t.reported_at < ${f.to}::date + 1` : undefined,
    f.regionCode ? sql`t.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined, f.enterpriseId ? sql`t.enterprise_id = ${f.enterpriseId}` : undefined, f.status ? sql`t.status = ${f.status}` : undefined,
    f.q ? sql`(t.party_name like ${'%' + f.q + '%'} or t.suspected_offence like ${'%' + f.q + '%'})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_transfers t where ${where}`);
  const items = await db.query<TransferRow>(sql`${tSelect} where ${where} order by t.reported_at desc, t.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findTransfer = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<TransferRow>(sql`${tSelect} where t.id = ${id} and ${enforcementScope(viewer, 't')}`);

export async function insertTransfer(db: Queryable, t: Omit<TransferRow, 'reported_at' | 'decided_at' | 'decision_note' | 'transferred_at' | 'police_org' | 'police_decided_at' | 'police_note' | 'persons_detained'>
  & { reported_at: string; created_by: string | null }) {
  await db.execute(sql`insert into enforcement_transfers (id, case_id, org_id, enterprise_id, party_name, region_code, suspected_offence, facts, team, status, reported_at, created_by)
    values (${t.id}, ${t.case_id}, ${t.org_id}, ${t.enterprise_id}, ${t.party_name}, ${t.region_code}, ${t.suspected_offence}, ${t.facts}, ${t.team}, ${t.status}, ${t.reported_at}, ${t.created_by})`);
}

export async function updateTransfer(db: Queryable, id: string, from: string, w: Partial<Record<'status' | 'decided_at' | 'decision_note' | 'transferred_at' | 'police_org' | 'police_decided_at' | 'police_note' | 'persons_detained', unknown>>) {
  const cols = Object.keys(w) as (keyof typeof w)[];
  return db.execute(sql`update enforcement_transfers set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))} where id = ${id} and status = ${from}`);
}
