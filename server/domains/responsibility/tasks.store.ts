// SQL of tracked tasks (督办事项), scoped by the caller: a town sees the tasks of units in its town, a department
// its own; the bureau all.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';

export interface TaskRow {
  id: string; source: string; meeting_id: string | null; campaign_id: string | null; source_title: string; title: string; detail: string | null;
  assignee_org_id: string; assignee_name: string; region_code: string; due_on: string; status: string; overdue: boolean; feedback: string | null;
  feedback_files: string[]; feedback_at: Date | null; feedback_by_name: string | null; done_at: Date | null; escalated_at: Date | null; created_by: string | null;
}

export const taskScope = (v: DataScope) => scopeWhere(v, { region: 't.region_code', org: 't.assignee_org_id' });
/** The tasks' counts of one parent, as columns: total, answered, done, overdue. */
export const taskCounts = (parent: Sql, today: string) => sql`
  (select count(*)::int from resp_tasks t where ${parent}) as tasks_total,
  (select count(*)::int from resp_tasks t where ${parent} and t.status = 'answered') as tasks_answered,
  (select count(*)::int from resp_tasks t where ${parent} and t.status = 'done') as tasks_done,
  (select count(*)::int from resp_tasks t where ${parent} and t.status = 'open' and t.due_on < ${today}::date) as tasks_overdue`;

const select = (today: string) => sql`select t.id, t.source, t.meeting_id, t.campaign_id, coalesce(m.title, c.title) as source_title, t.title, t.detail,
  t.assignee_org_id, t.assignee_name, t.region_code, t.due_on::text, t.status, (t.status = 'open' and t.due_on < ${today}::date) as overdue, t.feedback,
  t.feedback_files::text[] as feedback_files, t.feedback_at, t.feedback_by_name, t.done_at, t.escalated_at, t.created_by
  from resp_tasks t left join committee_meetings m on m.id = t.meeting_id left join supervision_campaigns c on c.id = t.campaign_id`;

export interface TaskFilter { q?: string; source?: string; status?: string; campaignId?: string; meetingId?: string; overdue?: boolean;
  from?: string; to?: string; regionCode?: string; orgId?: string }

/** A column (or expression) within a region's subtree. */
export const inRegion = (col: Sql, code?: string) => (code ? sql`${col} like ${regionPrefix(code) + '%'}` : undefined);
/** The Asia/Shanghai calendar day of a timestamp column, for from/to filters. */
export const shanghaiDay = (col: Sql) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

const where = (viewer: DataScope, f: TaskFilter, today: string) => sql.and([
  taskScope(viewer),
  f.q ? sql`(t.title like ${'%' + f.q + '%'} or t.assignee_name like ${'%' + f.q + '%'})` : undefined,
  f.source ? sql`t.source = ${f.source}` : undefined,
  f.status ? sql`t.status = ${f.status}` : undefined,
  f.campaignId ? sql`t.campaign_id = ${f.campaignId}` : undefined,
  f.meetingId ? sql`t.meeting_id = ${f.meetingId}` : undefined,
  f.overdue === true ? sql`(t.status = 'open' and t.due_on < ${today}::date)` : undefined,
  // from/to: handed over (交办) in these dates
  f.from ? sql`${shanghaiDay(sql`t.created_at`)} >= ${f.from}::date` : undefined,
  f.to ? sql`${shanghaiDay(sql`t.created_at`)} <= ${f.to}::date` : undefined,
  inRegion(sql`t.region_code`, f.regionCode),
  f.orgId ? sql`t.assignee_org_id = ${f.orgId}` : undefined,
]);

export async function listTasks(db: Queryable, viewer: DataScope, f: TaskFilter, today: string, page: number, pageSize: number) {
  const w = where(viewer, f, today);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from resp_tasks t where ${w}`);
  const items = await db.query<TaskRow>(sql`${select(today)} where ${w} order by t.status = 'done', t.due_on, t.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findTask = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<TaskRow>(sql`${select(today)} where t.id = ${id} and ${taskScope(viewer)}`);

export async function insertTask(db: Queryable, r: { id: string; source: 'decision' | 'supervision'; meeting_id?: string; campaign_id?: string; title: string;
  detail: string | null; assignee_org_id: string; assignee_name: string; region_code: string; due_on: string; created_by: string | null }) {
  await db.execute(sql`insert into resp_tasks (id, source, meeting_id, campaign_id, title, detail, assignee_org_id, assignee_name, region_code, due_on, created_by)
    values (${r.id}, ${r.source}, ${r.meeting_id ?? null}, ${r.campaign_id ?? null}, ${r.title}, ${r.detail}, ${r.assignee_org_id}, ${r.assignee_name},
    ${r.region_code}, ${r.due_on}::date, ${r.created_by})`);
}

export const answerTask = (db: Queryable, id: string, feedback: string, files: string[], at: string, by: string) =>
  db.execute(sql`update resp_tasks set status = 'answered', feedback = ${feedback}, feedback_files = ${files}::uuid[], feedback_at = ${at}, feedback_by_name = ${by}
    where id = ${id} and status in ('open', 'answered')`);

export const setTaskStatus = (db: Queryable, id: string, from: string[], to: 'open' | 'done', at: string | null) =>
  db.execute(sql`update resp_tasks set status = ${to}, done_at = ${at} where id = ${id} and status = any(${from}::text[])`);

/** Open tasks due tomorrow not yet reminded, and overdue ones not yet escalated (for the daily scan). */
export const dueForReminder = (db: Queryable, today: string) => db.query<TaskRow>(sql`${select(today)}
  where t.status = 'open' and t.reminded_at is null and t.due_on = ${today}::date + 1 order by t.id`);
export const dueForEscalation = (db: Queryable, today: string) => db.query<TaskRow>(sql`${select(today)}
  where t.status = 'open' and t.escalated_at is null and t.due_on < ${today}::date order by t.id`);
export const markTask = (db: Queryable, id: string, col: 'reminded_at' | 'escalated_at', at: string) =>
  db.execute(sql`update resp_tasks set ${sql.id(col)} = ${at} where id = ${id}`);

/** Correct a task not yet closed; a new deadline clears the reminder and escalation marks so the scan runs again. */
export const updateTask = (db: Queryable, id: string, r: { title: string; detail: string | null; assignee_org_id: string; assignee_name: string; region_code: string;
  due_on: string; dueChanged: boolean }) =>
  db.execute(sql`update resp_tasks set title = ${r.title}, detail = ${r.detail}, assignee_org_id = ${r.assignee_org_id}, assignee_name = ${r.assignee_name},
    region_code = ${r.region_code}, due_on = ${r.due_on}::date,
    reminded_at = case when ${r.dueChanged} then null else reminded_at end, escalated_at = case when ${r.dueChanged} then null else escalated_at end
    where id = ${id} and status <> 'done'`);
/** Withdraw a task handed over by mistake (only before the unit answered). */
export const deleteTask = (db: Queryable, id: string) => db.execute(sql`delete from resp_tasks where id = ${id} and status = 'open' and feedback is null`);
