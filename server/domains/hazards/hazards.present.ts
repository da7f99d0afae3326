// Hazard row → API shape.
import type { Hazard } from '../../../contracts/hazards.js';
import { type Actor, can } from '../../platform/auth/actor.js';
import { maskPhone } from '../../platform/personal/personal.js';
import type { EventRow, ExtensionRow, HazardRow } from './hazards.store.js';
import { movesFor } from './hazards.service.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const ACTION_LABELS: Record<string, string> = {
  report: '上报隐患', assign: '交办整改', submit: '提交复查', accept: '复查销号', reject: '复查不通过', supervise: '挂牌督办',
  extend_request: '申请延期', extend_approve: '批准延期', extend_reject: '驳回延期',
};

/** The responsible phone leaves masked (issue #11; revealed through hazards.personal.ts). */
export function presentHazard(h: HazardRow, actor: Actor): Hazard {
  return {
    id: h.id, number: h.number, enterpriseId: h.enterprise_id, enterpriseName: h.enterprise_name, regionCode: h.region_code, regionName: h.region_name,
    placeName: h.place_name, lng: h.lng, lat: h.lat, title: h.title, description: h.description, foundAt: iso(h.found_at)!, foundBy: h.found_by,
    source: h.source as Hazard['source'], sector: h.sector, category: h.category, categoryCode: h.category_code, level: h.level, majorBasis: h.major_basis, campaignId: h.campaign_id,
    status: h.status, overdue: h.overdue, responsiblePerson: h.responsible_person, responsiblePhone: maskPhone(h.responsible_phone), measures: h.measures,
    funds: h.funds === null ? null : Number(h.funds), deadline: h.deadline, rectifiedBy: h.rectified_by, rectifiedAt: iso(h.rectified_at),
    closedAt: iso(h.closed_at), superviseLevel: h.supervise_level as Hazard['superviseLevel'], supervisingOrgId: h.supervising_org_id, supervisingOrgName: h.supervising_org_name,
    superviseDeadline: h.supervise_deadline, allowedMoves: movesFor(actor, h),
  };
}

export const presentEvent = (e: EventRow) => ({
  id: e.id, at: iso(e.at)!, actorName: e.actor_name, action: e.action, actionLabel: ACTION_LABELS[e.action] ?? e.action,
  fromStatus: e.from_status, toStatus: e.to_status, comment: e.comment, photos: e.photos, data: e.data,
});

/** An extension request; the regulator other than the requester may decide an open one. */
export const presentExtension = (x: ExtensionRow, actor: Actor) => ({
  id: x.id, oldDeadline: x.old_deadline, newDeadline: x.new_deadline, reason: x.reason, requestedAt: iso(x.requested_at)!,
  requestedByName: x.requested_by_name, decision: x.decision, decidedAt: iso(x.decided_at), decisionNote: x.decision_note,
  mayDecide: !x.decision && x.requested_by !== actor.id && actor.scope.kind !== 'enterprise' && can(actor, 'hazard:write'),
});
