// SQL of summons (约谈) and their follow-up tasks, scoped by the caller: a town sees the summons of its own
// government, a department its own, an enterprise its own; the bureau all.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface SummonsRow {
  id: string; number: string; target_kind: string; target_org_id: string | null; target_enterprise_id: string | null; target_name: string; region_code: string;
  reason: string; reason_detail: string; held_at: Date; place: string; convened_by: string; host_name: string; attendees: string; commitments: string | null;
  tasks_total: number; tasks_done: number; tasks_overdue: number;
}
export interface TaskRow { id: string; summons_id: string; position: number; title: string; due_on: string; done_at: Date | null; done_note: string | null; done_by_name: string | null; overdue: boolean }

export const scope = (v: DataScope) => scopeWhere(v, { region: 's.region_code', org: 's.target_org_id', enterprise: 's.target_enterprise_id' });

const select = (today: string) => sql`select s.*,
  (select count(*)::int from summons_tasks t where t.summons_id = s.id) as tasks_total,
  (select count(*)::int from summons_tasks t where t.summons_id = s.id and t.done_at is not null) as tasks_done,
  (select count(*)::int from summons_tasks t where t.summons_id = s.id and t.done_at is null and t.due_on < ${today}::date) as tasks_overdue
  from summons s`;

export interface SummonsFilter { q?: string; targetKind?: string; reason?: string; from?: string; to?: string; regionCode?: string; open?: boolean }

function where(viewer: DataScope, f: SummonsFilter) {
  return sql.and([
    scope(viewer),
    f.q ? sql`(s.target_name like ${'%' + f.q + '%'} or s.reason_detail like ${'%' + f.q + '%'} or s.number like ${'%' + f.q + '%'})` : undefined,
    f.targetKind ? sql`s.target_kind = ${f.targetKind}` : undefined,
    f.reason ? sql`s.reason = ${f.reason}` : undefined,
    f.from ? sql`(s.held_at at time zone 'Asia/Shanghai')::date >= ${f.from}::date` : undefined,
    f.to ? sql`(s.held_at at time zone 'Asia/Shanghai')::date <= ${f.to}::date` : undefined,
    f.regionCode ? sql`s.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.open === true ? sql`exists (select 1 from summons_tasks t where t.summons_id = s.id and t.done_at is null)` : undefined,
    f.open === false ? sql`not exists (select 1 from summons_tasks t where t.summons_id = s.id and t.done_at is null)` : undefined,
  ]);
}

export async function listSummons(db: Queryable, viewer: DataScope, f: SummonsFilter, today: string, page: number, pageSize: number) {
  const w = where(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from summons s where ${w}`);
  const items = await db.query<SummonsRow>(sql`${select(today)} where ${w} order by s.held_at desc, s.number desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findSummons = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<SummonsRow>(sql`${select(today)} where s.id = ${id} and ${scope(viewer)}`);

export const tasksOf = (db: Queryable, id: string, today: string) => db.query<TaskRow>(sql`select id, summons_id, position, title, due_on::text, done_at, done_note,
  done_by_name, (done_at is null and due_on < ${today}::date) as overdue from summons_tasks where summons_id = ${id} order by position`);

export interface SummonsWrite {
  target_kind: string; target_org_id: string | null; target_enterprise_id: string | null; target_name: string; region_code: string; reason: string;
  reason_detail: string; held_at: string; place: string; convened_by: string; host_name: string; attendees: string; commitments: string | null;
}

export async function insertSummons(db: Queryable, id: string, number: string, w: SummonsWrite, by: string | null) {
  await db.execute(sql`insert into summons (id, number, target_kind, target_org_id, target_enterprise_id, target_name, region_code, reason, reason_detail,
    held_at, place, convened_by, host_name, attendees, commitments, created_by) values (${id}, ${number}, ${w.target_kind}, ${w.target_org_id}, ${w.target_enterprise_id},
    ${w.target_name}, ${w.region_code}, ${w.reason}, ${w.reason_detail}, ${w.held_at}, ${w.place}, ${w.convened_by}, ${w.host_name}, ${w.attendees}, ${w.commitments}, ${by})`);
}

export async function updateSummons(db: Queryable, id: string, w: SummonsWrite) {
  await db.execute(sql`update summons set target_kind = ${w.target_kind}, target_org_id = ${w.target_org_id}, target_enterprise_id = ${w.target_enterprise_id},
    target_name = ${w.target_name}, region_code = ${w.region_code}, reason = ${w.reason}, reason_detail = ${w.reason_detail}, held_at = ${w.held_at}, place = ${w.place},
    convened_by = ${w.convened_by}, host_name = ${w.host_name}, attendees = ${w.attendees}, commitments = ${w.commitments}, updated_at = now() where id = ${id}`);
}

export async function addTask(db: Queryable, id: string, summonsId: string, t: { title: string; dueOn: string }) {
  await db.execute(sql`insert into summons_tasks (id, summons_id, position, title, due_on)
    values (${id}, ${summonsId}, (select coalesce(max(position), 0) + 1 from summons_tasks where summons_id = ${summonsId}), ${t.title}, ${t.dueOn}::date)`);
}

export const findTask = (db: Queryable, viewer: DataScope, taskId: string, today: string) =>
  db.maybeOne<TaskRow & { region_code: string }>(sql`select t.id, t.summons_id, t.position, t.title, t.due_on::text, t.done_at, t.done_note, t.done_by_name,
    (t.done_at is null and t.due_on < ${today}::date) as overdue, s.region_code from summons_tasks t join summons s on s.id = t.summons_id
    where t.id = ${taskId} and ${scope(viewer)}`);

export const completeTask = (db: Queryable, id: string, at: string, note: string, by: string) =>
  db.execute(sql`update summons_tasks set done_at = ${at}, done_note = ${note}, done_by_name = ${by} where id = ${id} and done_at is null`);

export async function deleteSummons(db: Queryable, id: string) {
  await db.execute(sql`delete from summons_tasks where summons_id = ${id}`);
  await db.execute(sql`delete from summons where id = ${id}`);
}

/** Counts in the caller's scope: by period (month, quarter or year of the meeting), target kind and reason. */
export async function summonsCounts(db: Queryable, viewer: DataScope, f: SummonsFilter, by: 'month' | 'quarter' | 'year', today: string) {
  const w = where(viewer, f);
  const local = sql`(s.held_at at time zone 'Asia/Shanghai')`;
  const periodKey = by === 'month' ? sql`to_char(${local}, 'YYYY-MM')` : by === 'quarter' ? sql`to_char(${local}, 'YYYY') || '-Q' || to_char(${local}, 'Q')` : sql`to_char(${local}, 'YYYY')`;
  const group = (col: Sql) => db.query<{ key: string; count: number }>(sql`select ${col} as key, count(*)::int as count from summons s where ${w} group by 1 order by 1`);
  const tasks = await db.one<{ total: number; done: number; overdue: number }>(sql`select count(*)::int as total, count(t.done_at)::int as done,
    count(*) filter (where t.done_at is null and t.due_on < ${today}::date)::int as overdue from summons_tasks t join summons s on s.id = t.summons_id where ${w}`);
  return { byPeriod: await group(periodKey), byTargetKind: await group(sql`s.target_kind`), byReason: await group(sql`s.reason`), tasks };
}
type Sql = ReturnType<typeof sql>;
