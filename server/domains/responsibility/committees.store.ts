// SQL of the 安委会 and its 专业委员会: member units and meetings. The committee directory (who leads, who is a
// member, whom to call) is open to every responsibility reader; a meeting's minutes are the bureau's and the member
// units' (a unit sees the meetings of committees it belongs to or that gave it a task).
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { taskCounts, taskScope } from './tasks.store.js';

export interface CommitteeRow { id: string; name: string; short_name: string; kind: string; lead_name: string | null; members: number; meetings: number; open_tasks: number; overdue_tasks: number }
export interface MemberRow { id: string; org_id: string; org_name: string; role: string; contact_name: string | null; contact_phone: string | null; duties: string | null }
export interface MeetingRow { id: string; committee_id: string; committee_name: string; held_on: string; title: string; place: string | null; attendees: string | null;
  minutes: string; tasks_total: number; tasks_done: number; tasks_overdue: number }

const committees = (viewer: DataScope, today: string) => sql`select o.id, o.name, o.short_name, o.kind,
  (select l.name from committee_members cm join organizations l on l.id = cm.org_id where cm.committee_id = o.id and cm.role = 'lead' limit 1) as lead_name,
  (select count(*)::int from committee_members cm where cm.committee_id = o.id) as members,
  (select count(*)::int from committee_meetings m where m.committee_id = o.id) as meetings,
  (select count(*)::int from resp_tasks t join committee_meetings m on m.id = t.meeting_id where m.committee_id = o.id and t.status <> 'done' and ${taskScope(viewer)}) as open_tasks,
  (select count(*)::int from resp_tasks t join committee_meetings m on m.id = t.meeting_id where m.committee_id = o.id and t.status = 'open'
     and t.due_on < ${today}::date and ${taskScope(viewer)}) as overdue_tasks
  from organizations o where o.kind in ('committee', 'professional_committee')`;

export interface CommitteeFilter { q?: string; kind?: string; orgId?: string }
const committeeWhere = (f: CommitteeFilter) => sql.and([
  sql`o.kind in ('committee', 'professional_committee')`,
  f.kind ? sql`o.kind = ${f.kind}` : undefined,
  f.q ? sql`(o.name like ${'%' + f.q + '%'} or exists (select 1 from committee_members cm join organizations l on l.id = cm.org_id
    where cm.committee_id = o.id and cm.role = 'lead' and l.name like ${'%' + f.q + '%'}))` : undefined,
  f.orgId ? sql`exists (select 1 from committee_members cm where cm.committee_id = o.id and cm.org_id = ${f.orgId})` : undefined,
]);

/** A page of committees (the directory is open to every responsibility reader). */
export async function listCommittees(db: Queryable, viewer: DataScope, f: CommitteeFilter, today: string, page: number, pageSize: number) {
  const w = committeeWhere(f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from organizations o where ${w}`);
  const items = await db.query<CommitteeRow>(sql`${committees(viewer, today)} and ${w} order by o.kind, o.sort, o.name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findCommittee = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<CommitteeRow>(sql`${committees(viewer, today)} and o.id = ${id}`);

export const membersOf = (db: Queryable, committeeId: string) => db.query<MemberRow>(sql`select cm.id, cm.org_id, o.name as org_name, cm.role, cm.contact_name,
  cm.contact_phone, cm.duties from committee_members cm join organizations o on o.id = cm.org_id where cm.committee_id = ${committeeId} order by cm.role, o.sort, o.name`);

/** One member unit row by id (its committee is checked against the caller's scope by the caller). */
export const findMemberRow = (db: Queryable, id: string) =>
  db.maybeOne<{ committee_id: string; contact_name: string | null; contact_phone: string | null }>(sql`select committee_id, contact_name, contact_phone from committee_members where id = ${id}`);

export async function upsertMember(db: Queryable, id: string, committeeId: string, m: { orgId: string; role: string; contactName?: string; contactPhone?: string; duties?: string }) {
  if (m.role === 'lead') await db.execute(sql`update committee_members set role = 'member' where committee_id = ${committeeId} and role = 'lead' and org_id <> ${m.orgId}`);
  await db.execute(sql`insert into committee_members (id, committee_id, org_id, role, contact_name, contact_phone, duties)
    values (${id}, ${committeeId}, ${m.orgId}, ${m.role}, ${m.contactName ?? null}, ${m.contactPhone ?? null}, ${m.duties ?? null})
    on conflict (committee_id, org_id) do update set role = excluded.role, contact_name = excluded.contact_name, contact_phone = excluded.contact_phone, duties = excluded.duties`);
}
export const deleteMember = (db: Queryable, committeeId: string, memberId: string) =>
  db.execute(sql`delete from committee_members where committee_id = ${committeeId} and id = ${memberId}`);

// A unit sees a meeting of a committee it belongs to, or one that gave it a task.
const meetingScope = (viewer: DataScope) => viewer.kind === 'all' ? sql`true` : sql`(exists (select 1 from resp_tasks t where t.meeting_id = m.id and ${taskScope(viewer)})
  or (${viewer.kind === 'org' ? viewer.orgId! : null}::uuid is not null and exists (select 1 from committee_members cm where cm.committee_id = m.committee_id and cm.org_id = ${viewer.kind === 'org' ? viewer.orgId! : null}::uuid)))`;

const meetings = (today: string) => sql`select m.id, m.committee_id, o.name as committee_name, m.held_on::text, m.title, m.place, m.attendees, m.minutes,
  ${taskCounts(sql`t.meeting_id = m.id`, today)} from committee_meetings m join organizations o on o.id = m.committee_id`;

export const meetingsOf = (db: Queryable, viewer: DataScope, committeeId: string, today: string) =>
  db.query<MeetingRow>(sql`${meetings(today)} where m.committee_id = ${committeeId} and ${meetingScope(viewer)} order by m.held_on desc`);
export const findMeeting = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<MeetingRow>(sql`${meetings(today)} where m.id = ${id} and ${meetingScope(viewer)}`);

export async function insertMeeting(db: Queryable, id: string, committeeId: string, m: { heldOn: string; title: string; place?: string; attendees?: string; minutes: string }, by: string | null) {
  await db.execute(sql`insert into committee_meetings (id, committee_id, held_on, title, place, attendees, minutes, created_by)
    values (${id}, ${committeeId}, ${m.heldOn}::date, ${m.title}, ${m.place ?? null}, ${m.attendees ?? null}, ${m.minutes}, ${by})`);
}

export const updateMeeting = (db: Queryable, id: string, m: { heldOn: string; title: string; place?: string; attendees?: string; minutes: string }) =>
  db.execute(sql`update committee_meetings set held_on = ${m.heldOn}::date, title = ${m.title}, place = ${m.place ?? null}, attendees = ${m.attendees ?? null},
    minutes = ${m.minutes} where id = ${id}`);
/** Delete a meeting recorded by mistake with its decisions, unless a unit has answered one of them. */
export async function deleteMeeting(db: Queryable, id: string) {
  const answered = await db.one<{ n: number }>(sql`select count(*)::int as n from resp_tasks where meeting_id = ${id} and (status <> 'open' or feedback is not null)`);
  if (answered.n) return false;
  await db.execute(sql`delete from resp_tasks where meeting_id = ${id}`);
  return (await db.execute(sql`delete from committee_meetings where id = ${id}`)) > 0;
}
