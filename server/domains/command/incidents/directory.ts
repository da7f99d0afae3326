// What the incident desk offers the other parts of the command domain (duty desk, reports, command map):
// an incident's brief facts, the open incidents an actor may see, and one way to write into its timeline.
// They import this file only, never the incidents store.
import type { Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { IncidentGrade, IncidentKind, ResponseLevel } from '../ports.js';
import { incidentScope } from './incidents.scope.js';

export type IncidentStatus = 'reported' | 'responding' | 'terminated' | 'closed';

/** The facts of one incident other parts need (reports drafted from the record, the map's centre, the duty desk). */
export interface IncidentBrief {
  id: string;
  number: string;
  title: string;
  kind: IncidentKind;
  grade: IncidentGrade;
  gradeRule: string;
  status: IncidentStatus;
  /** Active 响应级别, null before the response starts. */
  responseLevel: ResponseLevel | null;
  regionCode: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  address: string;
  lng: number | null;
  lat: number | null;
  occurredAt: string;
  reportedAt: string;
  dead: number;
  injured: number;
  missing: number;
  trapped: number;
  lossWan: number;
  relocated: number;
  description: string;
  planId: string | null;
  planVersionId: string | null;
  planTitle: string | null;
  responseStartedAt: string | null;
  terminatedAt: string | null;
  closedAt: string | null;
}

/** One entry another part writes into an incident's timeline. */
export interface TimelineEntry {
  /** report, grade, plan, decision, level, post, task, feedback, dispatch, message, report_up (信息报送), duty, close … */
  kind: string;
  /** What happened, in Chinese, one line: 「初报已报送市应急管理局」. */
  text: string;
  refType?: string;
  refId?: string;
  /** When it happened; pass ctx.clock() so tests with a settable clock keep their order. Default: now. */
  at?: Date | string;
}

interface BriefRow {
  id: string; number: string; title: string; kind: IncidentKind; grade: IncidentGrade; grade_rule: string; status: IncidentStatus; response_level: number | null;
  region_code: string; enterprise_id: string | null; enterprise_name: string | null; address: string; lng: number | null; lat: number | null;
  occurred_at: Date | string; reported_at: Date | string; dead: number; injured: number; missing: number; trapped: number; loss_wan: string | number; relocated: number;
  description: string; plan_id: string | null; plan_version_id: string | null; plan_title: string | null; response_started_at: Date | string | null;
  terminated_at: Date | string | null; closed_at: Date | string | null;
}

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

function toBrief(r: BriefRow): IncidentBrief {
  return {
    id: r.id, number: r.number, title: r.title, kind: r.kind, grade: r.grade, gradeRule: r.grade_rule, status: r.status,
    responseLevel: (r.response_level as ResponseLevel | null) ?? null, regionCode: r.region_code, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name,
    address: r.address, lng: r.lng, lat: r.lat, occurredAt: iso(r.occurred_at)!, reportedAt: iso(r.reported_at)!, dead: r.dead, injured: r.injured,
    missing: r.missing, trapped: r.trapped, lossWan: Number(r.loss_wan), relocated: r.relocated, description: r.description, planId: r.plan_id,
    planVersionId: r.plan_version_id, planTitle: r.plan_title, responseStartedAt: iso(r.response_started_at), terminatedAt: iso(r.terminated_at), closedAt: iso(r.closed_at),
  };
}

const BRIEF = sql`select i.id, i.number, i.title, i.kind, i.grade, i.grade_rule, i.status, i.response_level, i.region_code, i.enterprise_id, i.enterprise_name,
  i.address, i.lng, i.lat, i.occurred_at, i.reported_at, i.dead, i.injured, i.missing, i.trapped, i.loss_wan, i.relocated, i.description, i.plan_id,
  i.plan_version_id, i.plan_title, i.response_started_at, i.terminated_at, i.closed_at from incidents i`;

/** One incident's brief; with an actor, only when that actor may see it (undefined otherwise). */
export async function findIncidentBrief(q: Queryable, id: string, actor?: Actor): Promise<IncidentBrief | undefined> {
  const r = await q.maybeOne<BriefRow>(sql`${BRIEF} where i.id = ${id} and ${actor ? incidentScope(actor) : sql.raw('true')}`);
  return r && toBrief(r);
}

/** Incidents not yet closed that the actor may see, the highest response level first, then the newest. */
export async function listOpenIncidents(q: Queryable, actor: Actor): Promise<IncidentBrief[]> {
  const rows = await q.query<BriefRow>(sql`${BRIEF} where i.status <> 'closed' and ${incidentScope(actor)}
    order by coalesce(i.response_level, 9), i.reported_at desc, i.id limit 200`);
  return rows.map(toBrief);
}

/** Write one line into an incident's timeline inside the caller's transaction; returns its id. */
export async function appendTimeline(tx: Queryable, actor: Actor, incidentId: string, entry: TimelineEntry): Promise<string> {
  const id = uuidv7();
  const at = entry.at ? new Date(entry.at) : new Date();
  await tx.execute(sql`insert into incident_timeline (id, incident_id, at, kind, text, ref_type, ref_id, actor_id, actor_name)
    values (${id}, ${incidentId}, ${at.toISOString()}, ${entry.kind}, ${entry.text}, ${entry.refType ?? null}, ${entry.refId ?? null},
    ${actor.kind === 'account' ? actor.id : null}, ${actor.name})`);
  return id;
}

/** One line of an incident's timeline, for reports drafted from the record. */
export interface TimelineLine { at: string; kind: string; text: string }

/** The incident's timeline after `since` (all of it without), oldest first. */
export async function listTimeline(q: Queryable, incidentId: string, since?: Date | string): Promise<TimelineLine[]> {
  const after = since === undefined ? null : new Date(since).toISOString();
  const rows = await q.query<{ at: Date; kind: string; text: string }>(sql`select at, kind, text from incident_timeline
    where incident_id = ${incidentId} and (${after}::timestamptz is null or at > ${after}::timestamptz) order by at, id`);
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), kind: r.kind, text: r.text }));
}

/** Tasks not yet accepted, per incident (incidents without any are absent). */
export async function openTaskCounts(q: Queryable, incidentIds: string[]): Promise<Map<string, number>> {
  if (!incidentIds.length) return new Map();
  const rows = await q.query<{ incident_id: string; n: string }>(sql`select incident_id, count(*)::text as n from incident_tasks
    where incident_id = any(${incidentIds}::uuid[]) and status <> 'accepted' group by incident_id`);
  return new Map(rows.map((r) => [r.incident_id, Number(r.n)]));
}
