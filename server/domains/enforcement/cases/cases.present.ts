// Case, measure and transfer rows → API shapes.
import { CASE_STATUSES, MEASURE_KINDS, TRANSFER_STATUSES } from '../../../../contracts/enforcement.js';
import { allowedMoves } from '../../../platform/workflow/state-machine.js';
import { type DeadlineRow, presentDeadline } from '../common/deadlines.js';
import { iso } from '../common/util.js';
import { caseMachine } from './case.machine.js';
import type { CaseRow } from './cases.store.js';
import type { MeasureRow, TransferRow } from './measures.store.js';

/** The moves and actions the action bar offers for a case now. */
export function caseActions(c: CaseRow): string[] {
  const a: string[] = allowedMoves(caseMachine, c.status);
  if (['investigating', 'notified', 'hearing', 'heard'].includes(c.status)) a.push('evidence');
  if (['notified', 'hearing', 'heard'].includes(c.status)) a.push('statement');
  if (['executing', 'enforcing'].includes(c.status) && c.fine > 0 && !c.paid_at) a.push('pay', 'remind');
  return a;
}

/** A case, with its next open deadline. */
export function presentCase(c: CaseRow, deadlines: DeadlineRow[], today: string) {
  const next = deadlines.filter((d) => d.status === 'open').sort((a, b) => a.due_on.localeCompare(b.due_on))[0];
  return {
    id: c.id, number: c.number, status: c.status, statusLabel: CASE_STATUSES[c.status], source: c.source, enterpriseId: c.enterprise_id, partyKind: c.party_kind,
    partyName: c.party_name, regionCode: c.region_code, sector: c.sector, cause: c.cause, facts: c.facts, requestedAt: iso(c.requested_at)!, filedAt: iso(c.filed_at),
    notifiedAt: iso(c.notified_at), hearingEligible: c.hearing_eligible, hearingOn: c.hearing_on, decidedAt: iso(c.decided_at), fine: Number(c.fine), decision: c.decision,
    servedAt: iso(c.served_at), paymentDue: c.payment_due, paidAt: iso(c.paid_at), paidAmount: c.paid_amount === null ? null : Number(c.paid_amount), closedAt: iso(c.closed_at),
    officers: c.officers, nextDeadline: next ? presentDeadline(next, today) : null, allowedMoves: caseActions(c),
  };
}

/** A measure. */
export const presentMeasure = (m: MeasureRow) => ({
  id: m.id, kind: m.kind, kindLabel: MEASURE_KINDS[m.kind as keyof typeof MEASURE_KINDS] ?? m.kind, caseId: m.case_id, inspectionId: m.inspection_id, enterpriseId: m.enterprise_id,
  partyName: m.party_name, regionCode: m.region_code, sector: m.sector, subtype: m.subtype, reason: m.reason, basis: m.basis, items: m.items, decidedAt: iso(m.decided_at)!,
  dueOn: m.due_on, liftedAt: iso(m.lifted_at), liftReason: m.lift_reason,
});

/** A transfer with its deadlines. */
export const presentTransfer = (t: TransferRow, deadlines: DeadlineRow[], today: string) => ({
  id: t.id, status: t.status, statusLabel: TRANSFER_STATUSES[t.status as keyof typeof TRANSFER_STATUSES] ?? t.status, caseId: t.case_id, enterpriseId: t.enterprise_id,
  partyName: t.party_name, regionCode: t.region_code, suspectedOffence: t.suspected_offence, facts: t.facts, team: t.team, reportedAt: iso(t.reported_at)!,
  decidedAt: iso(t.decided_at), decisionNote: t.decision_note, transferredAt: iso(t.transferred_at), policeOrg: t.police_org, policeDecidedAt: iso(t.police_decided_at),
  policeNote: t.police_note, personsDetained: t.persons_detained, deadlines: deadlines.filter((d) => d.subject_id === t.id).map((d) => presentDeadline(d, today)),
});
