// Tracked tasks (督办事项): handed to a unit by a committee decision or a supervision campaign, answered by the unit
// with feedback and attachments, closed (办结) or sent back by the bureau; reminded the day before and escalated to
// the bureau once overdue by a daily scan.
import type { TaskInput } from '../../../contracts/responsibility.js';
import { recipientIds } from '../../platform/auth/accounts.store.js';
import { audit, type Ctx, type Platform } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findOrgBrief } from '../system/orgs.service.js';
import { answerTask, deleteTask, dueForEscalation, dueForReminder, findTask, insertTask, markTask, setTaskStatus, type TaskRow, updateTask } from './tasks.store.js';

export const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
export const today = (ctx: Pick<Platform, 'clock'>) => shanghaiDate(ctx.clock());

/** Row → API shape. */
export const presentTask = (t: TaskRow) => ({
  id: t.id, source: t.source, meetingId: t.meeting_id, campaignId: t.campaign_id, sourceTitle: t.source_title, title: t.title, detail: t.detail,
  assigneeOrgId: t.assignee_org_id, assigneeName: t.assignee_name, regionCode: t.region_code, dueOn: t.due_on, status: t.status, overdue: t.overdue,
  feedback: t.feedback, feedbackFiles: t.feedback_files ?? [], feedbackAt: iso(t.feedback_at), feedbackByName: t.feedback_by_name, doneAt: iso(t.done_at),
  escalatedAt: iso(t.escalated_at),
});

const NOT_ASSIGNABLE = ['committee', 'professional_committee'];

/** Create tasks under a meeting or a campaign; each assignee must be a real unit (not a committee). */
export async function addTasks(ctx: Ctx, tx: Queryable, parent: { meeting_id: string } | { campaign_id: string }, tasks: TaskInput[]) {
  const ids: string[] = [];
  for (const t of tasks) {
    const o = await findOrgBrief(tx, t.assigneeOrgId);
    if (!o || NOT_ASSIGNABLE.includes(o.kind)) throw badRequest(`任务“${t.title}”的承办单位不存在，请选择乡镇、部门或园区`, 'Assignee not found');
    const id = uuidv7();
    await insertTask(tx, { id, source: 'meeting_id' in parent ? 'decision' : 'supervision', ...parent, title: t.title.trim(), detail: t.detail?.trim() || null,
      assignee_org_id: o.id, assignee_name: o.name, region_code: o.regionCode, due_on: t.dueOn, created_by: ctx.actor.id });
    ids.push(id);
  }
  return ids;
}

async function taskOr404(ctx: Ctx, db: Queryable, id: string) {
  const t = await findTask(db, ctx.actor.scope, id, today(ctx));
  if (!t) throw notFound('督办任务', 'Task');
  return t;
}

/** One task the caller may see. */
export async function taskDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  return presentTask(await taskOr404(ctx, db, id));
}

/** The assigned unit answers (反馈) with what it did and attachments; may answer again until the task is closed. */
export async function answer(ctx: Ctx, id: string, input: { feedback: string; fileIds?: string[] }) {
  return ctx.db.tx(async (tx) => {
    const t = await taskOr404(ctx, tx, id);
    if (t.status === 'done') throw new AppError(409, 'illegal_move', '该任务已办结，不能再反馈', 'Task is closed');
    const files = [...new Set(input.fileIds ?? [])];
    if ((await visibleFileIds(tx, ctx.actor.scope, files)).length !== files.length) throw badRequest('有附件不存在或无权使用，请重新上传', 'Some files are missing');
    await answerTask(tx, id, input.feedback.trim(), files, ctx.clock().toISOString(), ctx.actor.name);
    await audit(ctx, tx, { action: 'responsibility.task.answer', entityType: 'resp_task', entityId: id, regionCode: t.region_code,
      before: { status: t.status, feedback: t.feedback }, after: { status: 'answered', feedback: input.feedback, files } });
    return presentTask((await findTask(tx, ctx.actor.scope, id, today(ctx)))!);
  });
}

/** The bureau closes an answered task (办结) or sends it back (退回) for more work. */
export async function decide(ctx: Ctx, id: string, to: 'done' | 'open') {
  // Only the supervising side (county-wide accounts) judges feedback; the assignee cannot close its own task.
  if (ctx.actor.scope.kind !== 'all') throw forbidden('只有督办单位可以办结或退回任务', 'Only the supervising bureau may decide');
  return ctx.db.tx(async (tx) => {
    const t = await taskOr404(ctx, tx, id);
    const ok = await setTaskStatus(tx, id, to === 'done' ? ['answered', 'open'] : ['answered'], to, to === 'done' ? ctx.clock().toISOString() : null);
    if (!ok) throw new AppError(409, 'illegal_move', to === 'done' ? '该任务已办结' : '只有已反馈的任务可以退回', 'Illegal move');
    await audit(ctx, tx, { action: `responsibility.task.${to === 'done' ? 'close' : 'return'}`, entityType: 'resp_task', entityId: id, regionCode: t.region_code,
      before: { status: t.status }, after: { status: to } });
    return presentTask((await findTask(tx, ctx.actor.scope, id, today(ctx)))!);
  });
}

/** The bureau corrects a task it handed over (事项, 承办单位, 期限) until it is closed. */
export async function editTask(ctx: Ctx, id: string, input: TaskInput) {
  if (ctx.actor.scope.kind !== 'all') throw forbidden('只有督办单位可以修改督办事项', 'Only the supervising bureau may edit');
  return ctx.db.tx(async (tx) => {
    const t = await taskOr404(ctx, tx, id);
    if (t.status === 'done') throw new AppError(409, 'illegal_move', '该任务已办结，不能再修改', 'Task is closed');
    const o = await findOrgBrief(tx, input.assigneeOrgId);
    if (!o || NOT_ASSIGNABLE.includes(o.kind)) throw badRequest('承办单位不存在，请选择乡镇、部门或园区', 'Assignee not found');
    const row = { title: input.title.trim(), detail: input.detail?.trim() || null, assignee_org_id: o.id, assignee_name: o.name, region_code: o.regionCode, due_on: input.dueOn };
    await updateTask(tx, id, { ...row, dueChanged: input.dueOn !== t.due_on });
    await audit(ctx, tx, { action: 'responsibility.task.update', entityType: 'resp_task', entityId: id, regionCode: o.regionCode,
      before: { title: t.title, detail: t.detail, assigneeOrgId: t.assignee_org_id, dueOn: t.due_on }, after: input });
    return presentTask((await findTask(tx, ctx.actor.scope, id, today(ctx)))!);
  });
}

/** The bureau withdraws a task handed over by mistake, before the unit has answered it. */
export async function withdrawTask(ctx: Ctx, id: string) {
  if (ctx.actor.scope.kind !== 'all') throw forbidden('只有督办单位可以撤回督办事项', 'Only the supervising bureau may withdraw');
  return ctx.db.tx(async (tx) => {
    const t = await taskOr404(ctx, tx, id);
    if (!(await deleteTask(tx, id))) throw new AppError(409, 'illegal_move', '承办单位已反馈的事项不能撤回，可以退回或办结', 'Task already answered');
    await audit(ctx, tx, { action: 'responsibility.task.delete', entityType: 'resp_task', entityId: id, regionCode: t.region_code, before: presentTask(t) });
    return { ok: true };
  });
}

const link = (t: TaskRow) => (t.campaign_id ? `/responsibility/supervision?campaign=${t.campaign_id}` : `/responsibility/committee?meeting=${t.meeting_id}`);

/** Daily scan: remind the assignee the day before the deadline; once overdue, remind again and escalate to the bureau
 *  (the task's creator and the county-wide staff), once each. Returns the counts. */
export async function scanTasks(p: Platform): Promise<{ reminded: number; escalated: number }> {
  const day = shanghaiDate(p.clock());
  const at = p.clock().toISOString();
  let reminded = 0;
  let escalated = 0;
  await p.db.tx(async (tx) => {
    for (const t of await dueForReminder(tx, day)) {
      const to = await recipientIds(tx, { orgIds: [t.assignee_org_id], regionCode: t.region_code, regionRoles: ['town'] });
      if (to.length) await p.notify.send(tx, { accountIds: to, channels: ['inapp', 'sms'], regionCode: t.region_code, link: link(t), title: '督办任务明天到期',
        body: `${t.assignee_name}：督办任务“${t.title}”（${t.source_title}）应于 ${t.due_on} 前反馈，请按时报送办理情况。` });
      await markTask(tx, t.id, 'reminded_at', at);
      reminded++;
    }
    for (const t of await dueForEscalation(tx, day)) {
      const unit = await recipientIds(tx, { orgIds: [t.assignee_org_id], regionCode: t.region_code, regionRoles: ['town'] });
      const bureau = await recipientIds(tx, { countyRoles: ['staff', 'leader'] });
      const body = `${t.assignee_name} 的督办任务“${t.title}”（${t.source_title}）已于 ${t.due_on} 到期，尚未反馈。`;
      if (unit.length) await p.notify.send(tx, { accountIds: unit, channels: ['inapp', 'sms'], regionCode: t.region_code, link: link(t), title: '督办任务逾期催办', body: `${body}请立即反馈。` });
      if (bureau.length) await p.notify.send(tx, { accountIds: bureau, channels: ['inapp'], regionCode: t.region_code, link: link(t), title: '督办任务逾期未反馈', body });
      await markTask(tx, t.id, 'escalated_at', at);
      escalated++;
    }
  });
  return { reminded, escalated };
}

/** Register the scan as a durable job every hour (each task is reminded and escalated once). */
export function scheduleTaskScan(p: Platform) {
  p.jobs.register('responsibility.tasks.scan', async () => { await scanTasks(p); });
  p.jobs.every('responsibility.tasks.scan', 3600_000, 'responsibility.tasks.scan');
}
