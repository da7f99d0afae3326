// 指挥部 and 任务: the command post from the plan's organisation, tasks from the plan's actions at the active level,
// read receipts, feedback (text, place, photos and files) that the commander accepts or sends back, messages.
import type { Static } from '@sinclair/typebox';
import type { FeedbackInput, PostAssign, TaskCreate } from '../../../../contracts/command-incidents.js';
import { findAccountById, recipientIds } from '../../../platform/auth/accounts.store.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { visibleFileIds } from '../../../platform/files/files.store.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import type { ResponseLevel } from '../ports.js';
import { levelLabel, loadIncident, publishIncident, requireStatus, timeline } from './incidents.common.js';
import {
  findFeedback, findPostRole, findTask, insertFeedback, insertPostRole, insertTask, listTasks, nextTaskSeq, reviewFeedback as storeReview, setPostHolder, updateTask, type IncidentRow,
} from './incidents.store.js';
import { plansDirectory } from './partners.js';
import { keepIfMasked, maskPhone } from '../../../platform/personal/personal.js'; // the timeline is a list: phones in it masked (issue #11)

type Live = Pick<IncidentRow, 'id' | 'number' | 'title' | 'region_code' | 'plan_version_id' | 'response_level'>;

/** The command post: 总指挥 and the plan's working groups, holders filled in later. */
export async function setUpPost(ctx: Ctx, tx: Tx, i: Live) {
  const dir = await plansDirectory();
  const groups = dir && i.plan_version_id ? await dir.planGroups(tx, i.plan_version_id) : [];
  await insertPostRole(tx, { id: uuidv7(), incident_id: i.id, group_name: '总指挥', lead_unit: null, lead_org_id: null, duties: '统一指挥、协调事件应急处置', sort: 0 });
  let sort = 1;
  for (const g of groups) {
    const org = g.leadOrgId ? await findOrgBrief(tx, g.leadOrgId) : undefined;
    await insertPostRole(tx, { id: uuidv7(), incident_id: i.id, group_name: g.name, lead_unit: g.leadUnit, lead_org_id: org ? g.leadOrgId : null,
      duties: [g.duties, g.members.length ? `成员单位：${g.members.join('、')}` : null].filter(Boolean).join('；') || null, sort: sort++ });
  }
  await timeline(ctx, tx, i.id, 'post', `成立现场指挥部：总指挥${groups.length ? `及${groups.map((g) => g.name).join('、')}` : ''}`);
}

/**
 * Tasks from the plan's actions at `level`. A plan repeats a lower level's actions at the higher ones (with their own
 * ids), so an action whose group and wording are already a task of the incident is not tasked again on a raise.
 */
export async function generateTasks(ctx: Ctx, tx: Tx, i: Live, level: ResponseLevel | number) {
  const dir = await plansDirectory();
  if (!dir || !i.plan_version_id) return 0;
  const tasked = new Set((await listTasks(tx, i.id)).map((t) => `${t.group_name}\u0000${t.title}`));
  const actions = (await dir.planActions(tx, i.plan_version_id, level as ResponseLevel)).filter((a) => !tasked.has(`${a.role}\u0000${a.action}`));
  let seq = await nextTaskSeq(tx, i.id);
  let made = 0;
  const orgs = new Set<string>();
  for (const a of actions) {
    const org = a.leadOrgId ? await findOrgBrief(tx, a.leadOrgId) : undefined;
    const due = a.dueMinutes != null ? new Date(ctx.clock().getTime() + a.dueMinutes * 60_000).toISOString() : null;
    const n = await insertTask(tx, { id: uuidv7(), incident_id: i.id, seq, level, plan_action_id: a.id, group_name: a.role, title: a.action,
      assignee_org_id: org ? a.leadOrgId : null, assignee_account_id: null, assignee_label: a.leadUnit ?? a.role, due_at: due, created_by: ctx.actor.id, created_at: ctx.clock().toISOString() });
    if (n) { seq++; made++; if (org) orgs.add(a.leadOrgId!); }
  }
  if (made) {
    await timeline(ctx, tx, i.id, 'task', `按预案${levelLabel(level)}响应行动下达任务 ${made} 项`);
    const to = await recipientIds(tx, { orgIds: [...orgs] });
    await ctx.notify.send(tx, { accountIds: to, title: `应急任务：${i.title}`, body: `${i.number} 已下达${levelLabel(level)}响应任务，请签收并反馈`, link: `/command/incidents/${i.id}`, regionCode: i.region_code, ackRequired: true });
  }
  return made;
}

/** Who holds a post: an account, or a named person with a phone. */
export async function assignPost(ctx: Ctx, roleId: string, input: Static<typeof PostAssign>) {
  const row = await ctx.db.tx(async (tx) => {
    const r = await findPostRole(tx, roleId);
    if (!r) throw notFound('指挥部岗位', 'Post');
    const i = await loadIncident(ctx, tx, r.incident_id);
    requireStatus(i, ['responding'], '调整指挥部人员');
    const acct = input.holderAccountId ? await findAccountById(tx, input.holderAccountId) : undefined;
    if (input.holderAccountId && (!acct || acct.disabled)) throw badRequest('所选账号不存在或已停用', 'Account not found');
    if (!acct && !input.holderName) throw badRequest('请选择账号或填写姓名', 'Choose an account or give a name');
    const holder = { account: acct?.id ?? null, name: acct?.display_name ?? input.holderName!, phone: keepIfMasked(input.holderPhone, null, 'phone', '负责人电话') ?? acct?.phone ?? null };
    await setPostHolder(tx, roleId, holder);
    await timeline(ctx, tx, i.id, 'post', `指挥部「${r.group_name}」由${holder.name}${holder.phone ? `（${maskPhone(holder.phone)}）` : ''}担任`);
    if (acct) await ctx.notify.send(tx, { accountIds: [acct.id], title: `指挥部任职：${i.title}`, body: `您担任 ${i.number} 指挥部「${r.group_name}」`, link: `/command/incidents/${i.id}`, regionCode: i.region_code });
    await audit(ctx, tx, { action: 'command.incident.post', entityType: 'incident', entityId: i.id, regionCode: i.region_code,
      before: { holder: r.holder_name }, after: { group: r.group_name, ...holder } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '指挥部');
}

/** A task the commander adds by hand (not in the plan). */
export async function addTask(ctx: Ctx, id: string, input: Static<typeof TaskCreate>) {
  if (!input.assigneeOrgId && !input.assigneeAccountId) throw badRequest('请选择承办单位或承办人', 'Choose a unit or a person');
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['responding'], '下达任务');
    const org = input.assigneeOrgId ? await findOrgBrief(tx, input.assigneeOrgId) : undefined;
    if (input.assigneeOrgId && !org) throw badRequest('承办单位不存在', 'Unit not found');
    const acct = input.assigneeAccountId ? await findAccountById(tx, input.assigneeAccountId) : undefined;
    if (input.assigneeAccountId && (!acct || acct.disabled)) throw badRequest('承办人不存在或已停用', 'Person not found');
    const taskId = uuidv7();
    const label = [org?.name, acct?.display_name].filter(Boolean).join(' · ');
    await insertTask(tx, { id: taskId, incident_id: id, seq: await nextTaskSeq(tx, id), level: i.response_level, plan_action_id: null, group_name: input.groupName ?? null,
      title: input.title, assignee_org_id: org ? input.assigneeOrgId! : (acct?.org_id ?? null), assignee_account_id: acct?.id ?? null, assignee_label: label,
      due_at: input.dueAt ?? null, created_by: ctx.actor.id, created_at: ctx.clock().toISOString() });
    await timeline(ctx, tx, id, 'task', `下达任务：${input.title}（${label}）`, { type: 'task', id: taskId });
    const to = acct ? [acct.id] : await recipientIds(tx, { orgIds: [input.assigneeOrgId] });
    await ctx.notify.send(tx, { accountIds: to, title: `应急任务：${i.title}`, body: `${i.number}：${input.title}`, link: `/command/incidents/${i.id}`, regionCode: i.region_code, ackRequired: true });
    await audit(ctx, tx, { action: 'command.incident.task', entityType: 'incident', entityId: id, regionCode: i.region_code, after: { taskId, ...input } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '任务');
}

const isAssignee = (ctx: Ctx, t: { assignee_account_id: string | null; assignee_org_id: string | null }) => {
  const orgId = ctx.actor.scope.kind === 'org' ? ctx.actor.scope.orgId : ctx.actor.orgId;
  return t.assignee_account_id === ctx.actor.id || (!!t.assignee_org_id && t.assignee_org_id === orgId);
};

async function loadMyTask(ctx: Ctx, tx: Tx, taskId: string) {
  const t = await findTask(tx, ctx.actor, taskId);
  if (!t) throw notFound('任务', 'Task');
  if (!isAssignee(ctx, t)) throw new AppError(403, 'not_assignee', '只有任务的承办单位或承办人可以签收和反馈', 'Only the assignee answers a task');
  if (t.incident_status !== 'responding') throw conflict('事件响应已结束，不能再签收或反馈任务', 'Response ended');
  return t;
}

/** 签收: the assignee has seen the task (the first read is kept). */
export async function readTask(ctx: Ctx, taskId: string) {
  await ctx.db.tx(async (tx) => {
    const t = await loadMyTask(ctx, tx, taskId);
    if (t.read_at) return;
    await updateTask(tx, taskId, { status: t.status === 'assigned' ? 'read' : t.status, read_at: ctx.clock().toISOString(), read_by: ctx.actor.id, accepted_at: t.accepted_at?.toISOString() });
    await timeline(ctx, tx, t.incident_id, 'task', `${ctx.actor.name}签收任务 ${t.seq}：${t.title}`, { type: 'task', id: taskId });
    await audit(ctx, tx, { action: 'command.task.read', entityType: 'incident_task', entityId: taskId, regionCode: t.region_code, after: { status: 'read' } });
  });
}

/** 反馈: text, where, photos and files; the task waits for the commander's review. */
export async function submitFeedback(ctx: Ctx, taskId: string, input: Static<typeof FeedbackInput>) {
  const wanted = [...new Set(input.fileIds ?? [])];
  const t = await ctx.db.tx(async (tx) => {
    const t = await loadMyTask(ctx, tx, taskId);
    if (t.status === 'accepted') throw conflict('任务已采纳完成，无需再反馈', 'Already accepted');
    if ((await visibleFileIds(tx, ctx.actor.scope, wanted)).length !== wanted.length) throw badRequest('有附件不存在或无权使用，请重新上传', 'Some files are missing');
    const id = uuidv7();
    const at = ctx.clock().toISOString();
    await insertFeedback(tx, { id, task_id: taskId, incident_id: t.incident_id, text: input.text, lng: input.lng ?? null, lat: input.lat ?? null, file_ids: wanted, created_by: ctx.actor.id, created_at: at });
    await updateTask(tx, taskId, { status: 'submitted', read_at: at, read_by: ctx.actor.id });
    await timeline(ctx, tx, t.incident_id, 'feedback', `${ctx.actor.name}反馈任务 ${t.seq}：${input.text}${wanted.length ? `（附件 ${wanted.length} 个）` : ''}`, { type: 'feedback', id });
    await audit(ctx, tx, { action: 'command.task.feedback', entityType: 'incident_task', entityId: taskId, regionCode: t.region_code, after: { feedbackId: id, text: input.text, files: wanted } });
    return t;
  });
  await ctx.events.publish({ type: 'incident.updated', regionCode: t.region_code, data: { id: t.incident_id, number: t.incident_number, what: '任务反馈' }, at: ctx.clock().toISOString() });
}

/** The commander accepts a feedback (task done) or sends it back with what is missing. */
export async function reviewFeedback(ctx: Ctx, feedbackId: string, input: { approve: boolean; note?: string }) {
  const row = await ctx.db.tx(async (tx) => {
    const f = await findFeedback(tx, feedbackId);
    if (!f) throw notFound('反馈', 'Feedback');
    const i = await loadIncident(ctx, tx, f.incident_id);
    requireStatus(i, ['responding'], '审核反馈');
    if (f.status !== 'submitted') throw conflict('该反馈已审核', 'Already reviewed');
    if (!input.approve && !input.note) throw badRequest('退回请说明需要补充或改正的内容', 'A return needs a note');
    const at = ctx.clock().toISOString();
    await storeReview(tx, feedbackId, input.approve ? 'accepted' : 'returned', input.note ?? null, ctx.actor.id, at);
    const t = (await tx.one<{ seq: number; title: string; assignee_account_id: string | null; assignee_org_id: string | null }>(
      sql`select seq, title, assignee_account_id, assignee_org_id from incident_tasks where id = ${f.task_id}`));
    await updateTask(tx, f.task_id, { status: input.approve ? 'accepted' : 'returned', accepted_at: input.approve ? at : undefined });
    await timeline(ctx, tx, i.id, 'feedback', `${ctx.actor.name}${input.approve ? '采纳' : '退回'}任务 ${t.seq} 的反馈${input.note ? `：${input.note}` : ''}`, { type: 'feedback', id: feedbackId });
    if (!input.approve) {
      const to = t.assignee_account_id ? [t.assignee_account_id] : await recipientIds(tx, { orgIds: [t.assignee_org_id] });
      await ctx.notify.send(tx, { accountIds: to, title: `任务反馈被退回：${t.title}`, body: `${i.number}：${input.note}`, link: `/command/incidents/${i.id}`, regionCode: i.region_code });
    }
    await audit(ctx, tx, { action: input.approve ? 'command.feedback.accept' : 'command.feedback.return', entityType: 'incident_task', entityId: f.task_id, regionCode: i.region_code,
      after: { feedbackId, note: input.note ?? null } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '反馈审核');
}

/** A message on the incident's timeline (指挥调度记录). */
export async function postMessage(ctx: Ctx, id: string, text: string) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['reported', 'responding', 'terminated'], '记录');
    const entry = await timeline(ctx, tx, id, 'message', text);
    await audit(ctx, tx, { action: 'command.incident.message', entityType: 'incident', entityId: id, regionCode: i.region_code, after: { entry, text } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '消息');
}
