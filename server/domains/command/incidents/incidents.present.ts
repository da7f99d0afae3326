// Rows → the API's shapes of incidents, tasks, dispatches and lessons; what the caller may do next.
import {
  DISPATCH_STATUSES, INCIDENT_GRADES, INCIDENT_KINDS, TASK_STATUSES, type Incident, type IncidentSummary, type Task, type TimelineItem,
} from '../../../../contracts/command-incidents.js';
import { can, type Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { statusLabel } from './incidents.common.js';
import {
  listDispatches, listFeedback, listLessons, listLevelChanges, listPost, listTasks, type FeedbackRow, type IncidentRow, type TaskRow, type TimelineRow,
} from './incidents.store.js';
import { maskPhone } from '../../../platform/personal/personal.js'; // reporter and post holders' phones masked (issue #11)

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

export function presentSummary(i: IncidentRow): IncidentSummary {
  return {
    id: i.id, number: i.number, title: i.title, kind: i.kind, kindLabel: INCIDENT_KINDS[i.kind as keyof typeof INCIDENT_KINDS] ?? i.kind, source: i.source,
    grade: i.grade, gradeLabel: INCIDENT_GRADES[i.grade as keyof typeof INCIDENT_GRADES] ?? i.grade, status: i.status, statusLabel: statusLabel(i.status),
    responseLevel: i.response_level, regionCode: i.region_code, regionName: i.region_name, address: i.address, enterpriseId: i.enterprise_id, enterpriseName: i.enterprise_name,
    occurredAt: iso(i.occurred_at)!, reportedAt: iso(i.reported_at)!, dead: i.dead, injured: i.injured, missing: i.missing, trapped: i.trapped, lossWan: Number(i.loss_wan),
    relocated: i.relocated, lng: i.lng, lat: i.lat,
  };
}

const presentFeedback = (f: FeedbackRow) => ({
  id: f.id, text: f.text, lng: f.lng, lat: f.lat, fileIds: f.file_ids ?? [], status: f.status, reviewNote: f.review_note, createdBy: f.created_by_name,
  createdAt: iso(f.created_at)!, reviewedAt: iso(f.reviewed_at),
});

export function presentTask(t: TaskRow, feedback: FeedbackRow[], now: Date, actor: Actor): Task {
  const orgId = actor.scope.kind === 'org' ? actor.scope.orgId : actor.orgId;
  return {
    id: t.id, incidentId: t.incident_id, incidentNumber: t.incident_number, incidentTitle: t.incident_title, incidentStatus: t.incident_status, seq: t.seq, level: t.level, groupName: t.group_name, title: t.title,
    assigneeOrgId: t.assignee_org_id, assigneeAccountId: t.assignee_account_id, assigneeLabel: t.assignee_label, dueAt: iso(t.due_at),
    overdue: !!t.due_at && !['submitted', 'accepted'].includes(t.status) && new Date(t.due_at).getTime() < now.getTime(),
    status: t.status, statusLabel: TASK_STATUSES[t.status as keyof typeof TASK_STATUSES] ?? t.status, readAt: iso(t.read_at),
    feedback: feedback.filter((f) => f.task_id === t.id).map(presentFeedback),
    mine: t.assignee_account_id === actor.id || (!!t.assignee_org_id && t.assignee_org_id === orgId),
  };
}

/** Tasks with their feedback, one query for all the feedback. */
export async function presentTasks(db: Queryable, tasks: TaskRow[], now: Date, actor: Actor) {
  const fb = await listFeedback(db, tasks.map((t) => t.id));
  return tasks.map((t) => presentTask(t, fb, now, actor));
}

/** What the caller may do now, for the action bar. */
export function actionsFor(actor: Actor, i: IncidentRow): string[] {
  const w = can(actor, 'command:write');
  const a = can(actor, 'command:approve');
  const out: string[] = [];
  if (w && i.status !== 'closed') out.push('facts', 'message');
  if (a && i.status === 'reported') out.push('start');
  if (i.status === 'responding') {
    if (w) out.push('propose', 'post', 'task', 'dispatch', 'review_feedback');
    if (a) out.push('decide', 'terminate');
    if (can(actor, 'command:feedback')) out.push('feedback');
  }
  if (w && i.status === 'terminated') out.push('review', 'lesson', 'close');
  return out;
}

export async function presentIncident(db: Queryable, actor: Actor, i: IncidentRow, now: Date): Promise<Incident> {
  const [changes, post, tasks, dispatches, lessons] = await Promise.all([listLevelChanges(db, i.id), listPost(db, i.id), listTasks(db, i.id), listDispatches(db, i.id), listLessons(db, i.id)]);
  return {
    ...presentSummary(i),
    sourceRefId: i.source_ref_id, reporterName: i.reporter_name, reporterPhone: maskPhone(i.reporter_phone), reporterOrg: i.reporter_org, description: i.description,
    gradeRule: i.grade_rule, gradeVersion: i.grade_version, planId: i.plan_id, planVersionId: i.plan_version_id, planTitle: i.plan_title,
    responseStartedAt: iso(i.response_started_at), terminatedAt: iso(i.terminated_at), terminationNote: i.termination_note, investigation: i.investigation,
    assessment: i.assessment, closedAt: iso(i.closed_at),
    levelChanges: changes.map((c) => ({ id: c.id, kind: c.kind, fromLevel: c.from_level, toLevel: c.to_level, reason: c.reason, status: c.status, proposedBy: c.proposed_by_name,
      proposedById: c.proposed_by, proposedAt: iso(c.proposed_at)!, decidedBy: c.decided_by_name, decidedAt: iso(c.decided_at), decisionNote: c.decision_note })),
    post: post.map((r) => ({ id: r.id, groupName: r.group_name, leadUnit: r.lead_unit, duties: r.duties, holderAccountId: r.holder_account_id, holderName: r.holder_name, holderPhone: maskPhone(r.holder_phone) })),
    tasks: await presentTasks(db, tasks, now, actor),
    dispatches: dispatches.map((d) => ({ id: d.id, resourceKind: d.resource_kind, resourceId: d.resource_id, resourceName: d.resource_name, summary: d.summary, distanceM: d.distance_m,
      itemId: d.item_id, itemName: d.item_name, quantity: d.quantity == null ? null : Number(d.quantity), status: d.status,
      statusLabel: DISPATCH_STATUSES[d.status as keyof typeof DISPATCH_STATUSES] ?? d.status, dispatchedAt: iso(d.dispatched_at)!, enRouteAt: iso(d.en_route_at),
      onSceneAt: iso(d.on_scene_at), releasedAt: iso(d.released_at), note: d.note })),
    lessons: lessons.map((l) => ({ id: l.id, text: l.text, action: l.action, status: l.status, hazardId: l.hazard_id, hazardNumber: l.hazard_number, planId: l.plan_id,
      revisionNote: l.revision_note, doneAt: iso(l.done_at) })),
    actions: actionsFor(actor, i),
  };
}

export const presentTimeline = (rows: TimelineRow[]): TimelineItem[] =>
  rows.map((r) => ({ id: r.id, at: iso(r.at)!, kind: r.kind, text: r.text, refType: r.ref_type, refId: r.ref_id, actorName: r.actor_name }));
