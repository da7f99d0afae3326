// Inspection row → API shape (shared by the inspection routes and the directory other sub-domains read through).
import { iso } from '../common/util.js';
import { inspectionMoves } from './inspections.service.js';
import type { InspectionRow } from './inspections.store.js';

/** Row → API shape. */
export const presentInspection = (i: InspectionRow) => ({
  id: i.id, number: i.number, origin: i.origin, status: i.status, planId: i.plan_id, drawId: i.draw_id, campaignId: i.campaign_id, tipoffId: i.tipoff_id,
  enterpriseId: i.enterprise_id, unitName: i.unit_name, unitAddress: i.unit_address, unitCreditCode: i.unit_credit_code, regionCode: i.region_code, sector: i.sector,
  plannedOn: i.planned_on, startedAt: iso(i.started_at), endedAt: iso(i.ended_at), officers: i.officers, checklistId: i.checklist_id, summary: i.summary, photos: i.photos,
  signatureFileId: i.signature_file_id, signerName: i.signer_name, refusalNote: i.refusal_note, findingCount: i.finding_count, allowedMoves: inspectionMoves(i),
});
