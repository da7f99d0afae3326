// SQL of 执法文书 and their 送达 records, scoped by the caller.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import { enforcementScope } from '../common/scope.js';

export interface DocumentRow {
  id: string; kind: string; number: string | null; year: number; seq: number | null; title: string; org_id: string | null; enterprise_id: string | null; party_name: string;
  region_code: string; sector: string | null; inspection_id: string | null; case_id: string | null; measure_id: string | null; transfer_id: string | null;
  fields: Record<string, unknown>; issued_at: Date; issued_by_name: string;
}
export interface ServiceRow {
  id: string; document_id: string; method: string; served_at: Date; recipient: string; signature_file_id: string | null; refusal_note: string | null; witness: string | null;
  note: string | null; recorded_by_name: string; receipt_document_id: string | null;
}

const scope = (v: DataScope) => enforcementScope(v, 'd');

export interface DocumentFilter { kind?: string; caseId?: string; inspectionId?: string; enterpriseId?: string; year?: number; measureId?: string; transferId?: string;
  sector?: string; from?: string; to?: string; numbered?: boolean; regionCode?: string }

function where(viewer: DataScope, f: DocumentFilter) {
  return sql.and([scope(viewer), f.kind ? sql`d.kind = ${f.kind}` : undefined, f.caseId ? sql`d.case_id = ${f.caseId}` : undefined,
    f.inspectionId ? sql`d.inspection_id = ${f.inspectionId}` : undefined, f.enterpriseId ? sql`d.enterprise_id = ${f.enterpriseId}` : undefined,
    f.measureId ? sql`d.measure_id = ${f.measureId}` : undefined, f.transferId ? sql`d.transfer_id = ${f.transferId}` : undefined,
    f.year ? sql`d.year = ${f.year}` : undefined, f.sector ? sql`d.sector = ${f.sector}` : undefined,
    f.from ? sql`d.issued_at >= ${f.from}::date` : undefined, f.to ? sql`d.issued_at < ${f.to}::date + 1` : undefined,
    f.numbered === true ? sql`(d.number is not null and d.kind <> 'service_receipt')` : undefined,
    f.regionCode ? sql`d.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined]);
}

export async function listDocuments(db: Queryable, viewer: DataScope, f: DocumentFilter, page: number, pageSize: number) {
  const w = where(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_documents d where ${w}`);
  const items = await db.query<DocumentRow>(sql`select d.* from enforcement_documents d where ${w} order by d.issued_at desc, d.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findDocument = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<DocumentRow>(sql`select d.* from enforcement_documents d where d.id = ${id} and ${scope(viewer)}`);

/** The latest document of a kind about a case (e.g. its 行政处罚决定书). */
export const latestOfKind = (db: Queryable, caseId: string, kind: string) =>
  db.maybeOne<DocumentRow>(sql`select d.* from enforcement_documents d where d.case_id = ${caseId} and d.kind = ${kind} order by d.issued_at desc, d.id desc limit 1`);

export async function insertDocument(db: Queryable, d: Omit<DocumentRow, 'issued_at'> & { issued_at: string; issued_by: string | null }) {
  await db.execute(sql`insert into enforcement_documents (id, kind, number, year, seq, title, org_id, enterprise_id, party_name, region_code, sector, inspection_id, case_id,
    measure_id, transfer_id, fields, issued_at, issued_by, issued_by_name) values (${d.id}, ${d.kind}, ${d.number}, ${d.year}, ${d.seq}, ${d.title}, ${d.org_id},
    ${d.enterprise_id}, ${d.party_name}, ${d.region_code}, ${d.sector}, ${d.inspection_id}, ${d.case_id}, ${d.measure_id}, ${d.transfer_id},
    ${JSON.stringify(d.fields)}::jsonb, ${d.issued_at}, ${d.issued_by}, ${d.issued_by_name})`);
}

// The receipt (送达回执) issued for a service is the document whose fields name that service.
export const servicesOf = (db: Queryable, documentIds: string[]) => db.query<ServiceRow>(sql`select s.*,
  (select r.id from enforcement_documents r where r.kind = 'service_receipt' and r.fields->>'serviceId' = s.id::text limit 1) as receipt_document_id
  from enforcement_services s where s.document_id = any(${documentIds}::uuid[]) order by s.served_at, s.id`);

export async function insertService(db: Queryable, s: Omit<ServiceRow, 'served_at' | 'receipt_document_id'> & { served_at: string; recorded_by: string | null }) {
  await db.execute(sql`insert into enforcement_services (id, document_id, method, served_at, recipient, signature_file_id, refusal_note, witness, note, recorded_by, recorded_by_name)
    values (${s.id}, ${s.document_id}, ${s.method}, ${s.served_at}, ${s.recipient}, ${s.signature_file_id}, ${s.refusal_note}, ${s.witness}, ${s.note}, ${s.recorded_by}, ${s.recorded_by_name})`);
}
