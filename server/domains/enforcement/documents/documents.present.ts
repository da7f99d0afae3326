// Document rows → API shapes, with their 送达 records.
import { DOCUMENT_KINDS, SERVICE_METHODS } from '../../../../contracts/enforcement.js';
import type { Queryable } from '../../../platform/db/db.js';
import { iso } from '../common/util.js';
import { type DocumentRow, type ServiceRow, servicesOf } from './documents.store.js';

/** A service record. */
export const presentService = (s: ServiceRow) => ({
  id: s.id, method: s.method, methodLabel: SERVICE_METHODS[s.method as keyof typeof SERVICE_METHODS] ?? s.method, servedAt: iso(s.served_at)!, recipient: s.recipient,
  signatureFileId: s.signature_file_id, refusalNote: s.refusal_note, witness: s.witness, note: s.note, recordedByName: s.recorded_by_name, receiptDocumentId: s.receipt_document_id,
});

/** Documents with their services (one query for all). */
export async function presentDocuments(db: Queryable, docs: DocumentRow[]) {
  const services = docs.length ? await servicesOf(db, docs.map((d) => d.id)) : [];
  return docs.map((d) => ({
    id: d.id, kind: d.kind, kindLabel: DOCUMENT_KINDS[d.kind as keyof typeof DOCUMENT_KINDS]?.title ?? d.kind, number: d.number, title: d.title, partyName: d.party_name,
    enterpriseId: d.enterprise_id, regionCode: d.region_code, inspectionId: d.inspection_id, caseId: d.case_id, measureId: d.measure_id, transferId: d.transfer_id,
    issuedAt: iso(d.issued_at)!, issuedByName: d.issued_by_name, services: services.filter((s) => s.document_id === d.id).map(presentService),
  }));
}
