// The 安委会 and its 专业委员会: member units with contacts, meetings with minutes, and decisions that become
// tracked tasks (see tasks.service.ts).
import type { Static } from '@sinclair/typebox';
import type { MeetingEdit, MeetingInput, MemberInput } from '../../../contracts/responsibility.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { findOrgBrief } from '../system/orgs.service.js';
import { type CommitteeFilter, type CommitteeRow, deleteMeeting, deleteMember, findCommittee, findMemberRow, findMeeting, insertMeeting, listCommittees, meetingsOf, type MeetingRow, type MemberRow, membersOf, updateMeeting, upsertMember } from './committees.store.js';
import { addTasks, presentTask, today } from './tasks.service.js';
import { listTasks } from './tasks.store.js';
import { keepIfMasked, maskPhone, revealable } from '../../platform/personal/personal.js';

const present = (c: CommitteeRow) => ({ id: c.id, name: c.name, shortName: c.short_name, kind: c.kind, leadName: c.lead_name, members: c.members,
  meetings: c.meetings, openTasks: c.open_tasks, overdueTasks: c.overdue_tasks });
// The liaison's phone is masked in the detail (issue #11); one is revealed (audited) through POST /api/personal/reveal.
const presentMember = (m: MemberRow) => ({ id: m.id, orgId: m.org_id, orgName: m.org_name, role: m.role, contactName: m.contact_name, contactPhone: maskPhone(m.contact_phone), duties: m.duties });
revealable({
  entity: 'committee_member', label: '委员会成员单位', read: ['responsibility:read'], fields: { contactPhone: 'phone' },
  async load(ctx, tx, id) {
    const m = await findMemberRow(tx, id);
    const c = m && await findCommittee(tx, ctx.actor.scope, m.committee_id, today(ctx));
    return c && m && { name: m.contact_name, values: { contactPhone: m.contact_phone } };
  },
});
const presentMeeting = (m: MeetingRow) => ({ id: m.id, committeeId: m.committee_id, committeeName: m.committee_name, heldOn: m.held_on, title: m.title, place: m.place,
  attendees: m.attendees, minutes: m.minutes, tasksTotal: m.tasks_total, tasksDone: m.tasks_done, tasksOverdue: m.tasks_overdue });

/** The 安委会 and the professional committees with their counts. */
export async function committees(ctx: Ctx, f: CommitteeFilter, page: number, pageSize: number) {
  const { items, total } = await listCommittees(ctx.db, ctx.actor.scope, f, today(ctx), page, pageSize);
  return { items: items.map(present), total, page, pageSize };
}

async function committeeOr404(ctx: Ctx, db: Queryable, id: string) {
  const c = await findCommittee(db, ctx.actor.scope, id, today(ctx));
  if (!c) throw notFound('委员会', 'Committee');
  return c;
}

/** One committee with its member units and the meetings the caller may see. */
export async function committeeDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const c = await committeeOr404(ctx, db, id);
  return { ...present(c), memberList: (await membersOf(db, id)).map(presentMember), meetingList: (await meetingsOf(db, ctx.actor.scope, id, today(ctx))).map(presentMeeting) };
}

// Committee membership and meetings are the 安委办's work (county-wide accounts).
const bureauOnly = (ctx: Ctx) => { if (ctx.actor.scope.kind !== 'all') throw forbidden('只有安委办（市应急管理局）可以维护委员会', 'Bureau only'); };

/** Add or change a member unit (one lead unit per committee). */
export async function saveMember(ctx: Ctx, id: string, m: Static<typeof MemberInput>) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const c = await committeeOr404(ctx, tx, id);
    const o = await findOrgBrief(tx, m.orgId);
    if (!o || ['committee', 'professional_committee'].includes(o.kind)) throw badRequest('成员单位不存在，请选择部门、乡镇或园区', 'Member unit not found');
    const stored = (await membersOf(tx, id)).find((x) => x.org_id === m.orgId);
    m = { ...m, contactPhone: keepIfMasked(m.contactPhone, stored?.contact_phone, 'phone', '联系电话') ?? undefined };
    await upsertMember(tx, uuidv7(), id, m);
    await audit(ctx, tx, { action: 'responsibility.committee.member', entityType: 'committee', entityId: id, regionCode: null, after: { committee: c.name, ...m } });
    return committeeDetail(ctx, id, tx);
  });
}

/** Remove a member unit. */
export async function removeMember(ctx: Ctx, id: string, memberId: string) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    await committeeOr404(ctx, tx, id);
    const before = (await membersOf(tx, id)).find((m) => m.id === memberId);
    if (!before || !(await deleteMember(tx, id, memberId))) throw notFound('成员单位', 'Member');
    await audit(ctx, tx, { action: 'responsibility.committee.member.remove', entityType: 'committee', entityId: id, regionCode: null, before: { ...presentMember(before), contactPhone: before.contact_phone } });
    return committeeDetail(ctx, id, tx);
  });
}

/** A meeting with its decisions as tasks. */
export async function meetingDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const m = await findMeeting(db, ctx.actor.scope, id, today(ctx));
  if (!m) throw notFound('会议', 'Meeting');
  const tasks = await listTasks(db, ctx.actor.scope, { meetingId: id }, today(ctx), 1, 200);
  return { ...presentMeeting(m), tasks: tasks.items.map(presentTask) };
}

/** Record a meeting with its minutes; each decision becomes a task for its assignee unit. */
export async function createMeeting(ctx: Ctx, committeeId: string, input: MeetingInput) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    await committeeOr404(ctx, tx, committeeId);
    const id = uuidv7();
    await insertMeeting(tx, id, committeeId, { ...input, title: input.title.trim(), minutes: input.minutes.trim() }, ctx.actor.id);
    const taskIds = await addTasks(ctx, tx, { meeting_id: id }, input.decisions ?? []);
    await audit(ctx, tx, { action: 'responsibility.meeting.create', entityType: 'committee_meeting', entityId: id, regionCode: null, after: { ...input, taskIds } });
    return meetingDetail(ctx, id, tx);
  });
}

/** Correct a meeting's date, title, place, attendees or minutes (its decisions are edited as tasks). */
export async function editMeeting(ctx: Ctx, id: string, input: MeetingEdit) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const m = await findMeeting(tx, ctx.actor.scope, id, today(ctx));
    if (!m) throw notFound('会议', 'Meeting');
    await updateMeeting(tx, id, { ...input, title: input.title.trim(), minutes: input.minutes.trim() });
    await audit(ctx, tx, { action: 'responsibility.meeting.update', entityType: 'committee_meeting', entityId: id, regionCode: null,
      before: presentMeeting(m), after: input });
    return meetingDetail(ctx, id, tx);
  });
}

/** Delete a meeting recorded by mistake, with its decisions, while no unit has answered them. */
export async function removeMeeting(ctx: Ctx, id: string) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const m = await findMeeting(tx, ctx.actor.scope, id, today(ctx));
    if (!m) throw notFound('会议', 'Meeting');
    if (!(await deleteMeeting(tx, id))) throw new AppError(409, 'illegal_move', '该会议的议定事项已有单位反馈，不能删除；可以修改会议内容', 'Decisions already answered');
    await audit(ctx, tx, { action: 'responsibility.meeting.delete', entityType: 'committee_meeting', entityId: id, regionCode: null, before: presentMeeting(m) });
    return { ok: true };
  });
}
