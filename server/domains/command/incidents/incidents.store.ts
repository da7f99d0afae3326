// SQL of incidents (突发事件) and their children, every read scoped by the caller through incidentScope.
import type { Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import type { IncidentQuery, MyTaskQuery } from '../../../../contracts/command-incidents.js';
import { incidentScope } from './incidents.scope.js';

export interface IncidentRow {
  id: string; number: string; title: string; source: string; source_ref_id: string | null; reporter_name: string | null; reporter_phone: string | null;
  reporter_org: string | null; occurred_at: Date; reported_at: Date; address: string; lng: number | null; lat: number | null; region_code: string; region_name: string | null;
  kind: string; enterprise_id: string | null; enterprise_name: string | null; dead: number; injured: number; missing: number; trapped: number; loss_wan: string | number;
  relocated: number; description: string; grade: string; grade_rule: string; grade_version: string; status: string; response_level: number | null; plan_id: string | null;
  plan_version_id: string | null; plan_title: string | null; response_started_at: Date | null; response_started_by: string | null; terminated_at: Date | null;
  termination_note: string | null; investigation: string | null; assessment: string | null; closed_at: Date | null;
}

const SELECT = sql`select i.*, r.name as region_name from incidents i left join regions r on r.code = i.region_code`;

function filters(actor: Actor, f: Partial<IncidentQuery>): Sql {
  return sql.and([
    incidentScope(actor),
    f.status ? sql`i.status = ${f.status}` : undefined,
    f.open ? sql`i.status <> 'closed'` : undefined,
    f.kind ? sql`i.kind = ${f.kind}` : undefined,
    f.grade ? sql`i.grade = ${f.grade}` : undefined,
    f.regionCode ? sql`i.region_code like region_prefix(${f.regionCode}) || '%'` : undefined,
    f.from ? sql`i.reported_at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    f.to ? sql`i.reported_at < ((${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')` : undefined,
    f.q ? sql`(i.title ilike ${'%' + f.q + '%'} or i.number ilike ${'%' + f.q + '%'} or i.address ilike ${'%' + f.q + '%'} or i.enterprise_name ilike ${'%' + f.q + '%'})` : undefined,
  ]);
}

/** One page of incidents, newest report first. */
export async function listIncidents(db: Queryable, actor: Actor, f: Partial<IncidentQuery>, page: number, pageSize: number) {
  const where = filters(actor, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from incidents i where ${where}`);
  const items = await db.query<IncidentRow>(sql`${SELECT} where ${where} order by i.reported_at desc, i.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findIncident = (db: Queryable, actor: Actor, id: string) => db.maybeOne<IncidentRow>(sql`${SELECT} where i.id = ${id} and ${incidentScope(actor)}`);
/** Lock the row for a change (the caller re-reads it scoped). */
export const lockIncident = (db: Queryable, id: string) => db.maybeOne(sql`select id from incidents where id = ${id} for update`);

export async function insertIncident(db: Queryable, r: Record<string, unknown>) {
  const cols = Object.keys(r);
  await db.execute(sql`insert into incidents (${sql.join(cols.map((c) => sql.id(c)))}) values (${sql.join(cols.map((c) => sql`${r[c]}`))})`);
}

export async function updateIncident(db: Queryable, id: string, w: Record<string, unknown>, at: Date) {
  const cols = Object.keys(w).filter((c) => w[c] !== undefined);
  await db.execute(sql`update incidents set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = ${at.toISOString()} where id = ${id}`);
}

export interface TimelineRow { id: string; at: Date; kind: string; text: string; ref_type: string | null; ref_id: string | null; actor_name: string | null }
export const listTimeline = (db: Queryable, incidentId: string) => db.query<TimelineRow>(sql`select id, at, kind, text, ref_type, ref_id, actor_name
  from incident_timeline where incident_id = ${incidentId} order by at, created_at, id`);

export interface LevelChangeRow {
  id: string; kind: string; from_level: number | null; to_level: number; reason: string; status: string; proposed_by: string | null; proposed_by_name: string | null;
  proposed_at: Date; decided_by_name: string | null; decided_at: Date | null; decision_note: string | null;
}
export const listLevelChanges = (db: Queryable, incidentId: string) => db.query<LevelChangeRow>(sql`select c.*, p.display_name as proposed_by_name, d.display_name as decided_by_name
  from incident_level_changes c left join accounts p on p.id = c.proposed_by left join accounts d on d.id = c.decided_by where c.incident_id = ${incidentId} order by c.proposed_at, c.id`);
export const findLevelChange = (db: Queryable, id: string) => db.maybeOne<LevelChangeRow & { incident_id: string }>(sql`select c.*, null as proposed_by_name, null as decided_by_name
  from incident_level_changes c where c.id = ${id} for update`);
export async function insertLevelChange(db: Queryable, r: { id: string; incident_id: string; kind: string; from_level: number | null; to_level: number; reason: string; status: string;
  proposed_by: string | null; proposed_at: string; decided_by?: string | null; decided_at?: string | null; decision_note?: string | null }) {
  await db.execute(sql`insert into incident_level_changes (id, incident_id, kind, from_level, to_level, reason, status, proposed_by, proposed_at, decided_by, decided_at, decision_note)
    values (${r.id}, ${r.incident_id}, ${r.kind}, ${r.from_level}, ${r.to_level}, ${r.reason}, ${r.status}, ${r.proposed_by}, ${r.proposed_at}, ${r.decided_by ?? null},
    ${r.decided_at ?? null}, ${r.decision_note ?? null})`);
}
export const decideLevelChange = (db: Queryable, id: string, status: string, by: string | null, at: string, note: string | null) =>
  db.execute(sql`update incident_level_changes set status = ${status}, decided_by = ${by}, decided_at = ${at}, decision_note = ${note} where id = ${id} and status = 'proposed'`);

export interface PostRoleRow { id: string; group_name: string; lead_unit: string | null; lead_org_id: string | null; duties: string | null; holder_account_id: string | null; holder_name: string | null; holder_phone: string | null }
export const listPost = (db: Queryable, incidentId: string) => db.query<PostRoleRow>(sql`select * from incident_post_roles where incident_id = ${incidentId} order by sort, group_name`);
export const findPostRole = (db: Queryable, id: string) => db.maybeOne<PostRoleRow & { incident_id: string }>(sql`select * from incident_post_roles where id = ${id}`);
export async function insertPostRole(db: Queryable, r: { id: string; incident_id: string; group_name: string; lead_unit: string | null; lead_org_id: string | null; duties: string | null; sort: number }) {
  await db.execute(sql`insert into incident_post_roles (id, incident_id, group_name, lead_unit, lead_org_id, duties, sort)
    values (${r.id}, ${r.incident_id}, ${r.group_name}, ${r.lead_unit}, ${r.lead_org_id}, ${r.duties}, ${r.sort}) on conflict (incident_id, group_name) do nothing`);
}
export const setPostHolder = (db: Queryable, id: string, h: { account: string | null; name: string | null; phone: string | null }) =>
  db.execute(sql`update incident_post_roles set holder_account_id = ${h.account}, holder_name = ${h.name}, holder_phone = ${h.phone} where id = ${id}`);

export interface TaskRow {
  id: string; incident_id: string; incident_number: string; incident_title: string; incident_status: string; region_code: string; seq: number; level: number | null; plan_action_id: string | null;
  group_name: string | null; title: string; assignee_org_id: string | null; assignee_account_id: string | null; assignee_label: string | null; due_at: Date | null;
  status: string; read_at: Date | null; accepted_at: Date | null;
}
const TASKS = sql`select t.*, i.number as incident_number, i.title as incident_title, i.status as incident_status, i.region_code from incident_tasks t join incidents i on i.id = t.incident_id`;
export const listTasks = (db: Queryable, incidentId: string) => db.query<TaskRow>(sql`${TASKS} where t.incident_id = ${incidentId} order by t.seq`);

/** Whether a task is the actor's to answer: assigned to their account, or to their organisation. */
export const mine = (actor: Actor) => {
  const orgId = actor.scope.kind === 'org' ? actor.scope.orgId! : (actor.orgId ?? null);
  return sql`(t.assignee_account_id = ${actor.id} or (${orgId}::uuid is not null and t.assignee_org_id = ${orgId}::uuid))`;
};
/** The tasks of the actor or the actor's unit across incidents; open ones (to sign for or answer) first, the soonest due first. */
export async function listMyTasks(db: Queryable, actor: Actor, f: Omit<MyTaskQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const like = f.q ? `%${f.q}%` : null;
  const where = sql.and([
    mine(actor),
    f.open ? sql`t.status not in ('accepted') and i.status = 'responding'` : undefined,
    f.status ? sql`t.status = ${f.status}` : undefined,
    like ? sql`(t.title ilike ${like} or i.number ilike ${like} or i.title ilike ${like})` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from incident_tasks t join incidents i on i.id = t.incident_id where ${where}`);
  const items = await db.query<TaskRow>(sql`${TASKS} where ${where} order by (i.status = 'responding' and t.status in ('assigned','returned')) desc,
    (i.status = 'responding') desc, t.due_at nulls last, t.created_at desc, t.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
/** A task the actor may see (through its incident's scope or because it is theirs), locked for a change. */
export const findTask = (db: Queryable, actor: Actor, id: string) =>
  db.maybeOne<TaskRow>(sql`${TASKS} where t.id = ${id} and (${incidentScope(actor)} or ${mine(actor)}) for update of t`);
export const nextTaskSeq = async (db: Queryable, incidentId: string) =>
  (await db.one<{ n: number }>(sql`select coalesce(max(seq), 0)::int + 1 as n from incident_tasks where incident_id = ${incidentId}`)).n;
export async function insertTask(db: Queryable, r: { id: string; incident_id: string; seq: number; level: number | null; plan_action_id: string | null; group_name: string | null; title: string;
  assignee_org_id: string | null; assignee_account_id: string | null; assignee_label: string | null; due_at: string | null; created_by: string | null; created_at: string }) {
  return db.execute(sql`insert into incident_tasks (id, incident_id, seq, level, plan_action_id, group_name, title, assignee_org_id, assignee_account_id, assignee_label, due_at, created_by, created_at)
    values (${r.id}, ${r.incident_id}, ${r.seq}, ${r.level}, ${r.plan_action_id}, ${r.group_name}, ${r.title}, ${r.assignee_org_id}, ${r.assignee_account_id}, ${r.assignee_label},
    ${r.due_at}, ${r.created_by}, ${r.created_at}) on conflict (incident_id, plan_action_id) do nothing`);
}
export const updateTask = (db: Queryable, id: string, w: { status: string; read_at?: string; read_by?: string | null; accepted_at?: string }) =>
  db.execute(sql`update incident_tasks set status = ${w.status}, read_at = coalesce(read_at, ${w.read_at ?? null}::timestamptz),
    read_by = coalesce(read_by, ${w.read_by ?? null}::uuid), accepted_at = ${w.accepted_at ?? null}::timestamptz where id = ${id}`);

export interface FeedbackRow { id: string; task_id: string; incident_id: string; text: string; lng: number | null; lat: number | null; file_ids: string[]; status: string;
  review_note: string | null; created_by_name: string | null; created_at: Date; reviewed_at: Date | null }
export const listFeedback = (db: Queryable, taskIds: string[]) => taskIds.length === 0 ? Promise.resolve([] as FeedbackRow[]) :
  db.query<FeedbackRow>(sql`select f.*, a.display_name as created_by_name from incident_task_feedback f left join accounts a on a.id = f.created_by
    where f.task_id = any(${taskIds}::uuid[]) order by f.created_at, f.id`);
export const findFeedback = (db: Queryable, id: string) => db.maybeOne<FeedbackRow>(sql`select f.*, null as created_by_name from incident_task_feedback f where f.id = ${id} for update`);
export async function insertFeedback(db: Queryable, r: { id: string; task_id: string; incident_id: string; text: string; lng: number | null; lat: number | null; file_ids: string[]; created_by: string | null; created_at: string }) {
  await db.execute(sql`insert into incident_task_feedback (id, task_id, incident_id, text, lng, lat, file_ids, created_by, created_at)
    values (${r.id}, ${r.task_id}, ${r.incident_id}, ${r.text}, ${r.lng}, ${r.lat}, ${r.file_ids}::uuid[], ${r.created_by}, ${r.created_at})`);
}
export const reviewFeedback = (db: Queryable, id: string, status: string, note: string | null, by: string | null, at: string) =>
  db.execute(sql`update incident_task_feedback set status = ${status}, review_note = ${note}, reviewed_by = ${by}, reviewed_at = ${at} where id = ${id} and status = 'submitted'`);

export interface DispatchRow {
  id: string; incident_id: string; resource_kind: string; resource_id: string; resource_name: string; summary: string | null; distance_m: number | null; item_id: string | null;
  item_name: string | null; quantity: string | number | null; ledger_id: string | null; status: string; dispatched_at: Date; en_route_at: Date | null; on_scene_at: Date | null;
  released_at: Date | null; note: string | null;
}
export const listDispatches = (db: Queryable, incidentId: string) => db.query<DispatchRow>(sql`select * from incident_dispatches where incident_id = ${incidentId} order by dispatched_at, id`);
export const findDispatch = (db: Queryable, id: string) => db.maybeOne<DispatchRow>(sql`select * from incident_dispatches where id = ${id} for update`);
/** Teams, experts and equipment already out on an incident and not yet released (busy). */
export const activeDispatchOf = (db: Queryable, resourceId: string) => db.maybeOne<{ incident_id: string }>(sql`select incident_id from incident_dispatches
  where resource_id = ${resourceId} and status <> 'released' and resource_kind in ('team', 'expert', 'equipment') limit 1`);
export async function insertDispatch(db: Queryable, r: Omit<DispatchRow, 'status' | 'en_route_at' | 'on_scene_at' | 'released_at' | 'dispatched_at'> & { dispatched_at: string; created_by: string | null }) {
  await db.execute(sql`insert into incident_dispatches (id, incident_id, resource_kind, resource_id, resource_name, summary, distance_m, item_id, item_name, quantity, ledger_id,
    dispatched_at, note, created_by) values (${r.id}, ${r.incident_id}, ${r.resource_kind}, ${r.resource_id}, ${r.resource_name}, ${r.summary}, ${r.distance_m}, ${r.item_id},
    ${r.item_name}, ${r.quantity}, ${r.ledger_id}, ${r.dispatched_at}, ${r.note}, ${r.created_by})`);
}
export const moveDispatch = (db: Queryable, id: string, to: 'en_route' | 'on_scene' | 'released', at: string, note: string | null) =>
  db.execute(sql`update incident_dispatches set status = ${to}, ${sql.id(`${to}_at`)} = ${at}, note = coalesce(${note}, note) where id = ${id}`);

export interface LessonRow { id: string; incident_id: string; text: string; action: string; status: string; hazard_id: string | null; hazard_number: string | null; plan_id: string | null;
  revision_note: string | null; done_at: Date | null }
export const listLessons = (db: Queryable, incidentId: string) => db.query<LessonRow>(sql`select l.*, h.number as hazard_number from incident_lessons l
  left join hazards h on h.id = l.hazard_id where l.incident_id = ${incidentId} order by l.created_at, l.id`);
export const findLesson = (db: Queryable, id: string) => db.maybeOne<LessonRow>(sql`select l.*, null as hazard_number from incident_lessons l where l.id = ${id} for update`);
export async function insertLesson(db: Queryable, r: { id: string; incident_id: string; text: string; action: string; plan_id: string | null; created_by: string | null; created_at: string }) {
  await db.execute(sql`insert into incident_lessons (id, incident_id, text, action, plan_id, created_by, created_at)
    values (${r.id}, ${r.incident_id}, ${r.text}, ${r.action}, ${r.plan_id}, ${r.created_by}, ${r.created_at})`);
}
export const completeLesson = (db: Queryable, id: string, w: { hazard_id: string | null; revision_note: string | null; by: string | null; at: string }) =>
  db.execute(sql`update incident_lessons set status = 'done', hazard_id = ${w.hazard_id}, revision_note = ${w.revision_note}, done_by = ${w.by}, done_at = ${w.at} where id = ${id} and status = 'open'`);
export const openLessonCount = async (db: Queryable, incidentId: string) =>
  (await db.one<{ n: number }>(sql`select count(*)::int as n from incident_lessons where incident_id = ${incidentId} and status = 'open'`)).n;
