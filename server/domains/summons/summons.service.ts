// 约谈: who was summoned, by whom, why, when and where, the commitments made and the follow-up tasks with their
// deadlines; the summoned unit reports a task done, the bureau keeps the record.
import type { Static } from '@sinclair/typebox';
import { SUMMONS_REASONS, SUMMONS_TARGET_KINDS, type SummonsInput, type SummonsTaskInput } from '../../../contracts/summons.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { nextNumber } from '../../platform/db/numbering.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import { findOrgBrief } from '../system/orgs.service.js';
import {
  addTask, completeTask, deleteSummons, findSummons, findTask, insertSummons, summonsCounts, type SummonsFilter, type SummonsRow, type SummonsWrite,
  type TaskRow, tasksOf, updateSummons,
} from './summons.store.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock());

/** Row → API shape. */
export const presentSummons = (s: SummonsRow) => ({
  id: s.id, number: s.number, targetKind: s.target_kind, targetOrgId: s.target_org_id, targetEnterpriseId: s.target_enterprise_id, targetName: s.target_name,
  regionCode: s.region_code, reason: s.reason, reasonDetail: s.reason_detail, heldAt: iso(s.held_at)!, place: s.place, convenedBy: s.convened_by,
  hostName: s.host_name, attendees: s.attendees, commitments: s.commitments, tasksTotal: s.tasks_total, tasksDone: s.tasks_done, tasksOverdue: s.tasks_overdue,
});
const presentTask = (t: TaskRow) => ({ id: t.id, position: t.position, title: t.title, dueOn: t.due_on, doneAt: iso(t.done_at), doneNote: t.done_note, doneByName: t.done_by_name, overdue: t.overdue });

const TOWN_KINDS = ['town_gov', 'town_station'];

/** The summoned unit, checked against the target kind: a town government or station, a department, an enterprise. */
async function target(db: Queryable, ctx: Ctx, input: SummonsInput): Promise<Pick<SummonsWrite, 'target_org_id' | 'target_enterprise_id' | 'target_name' | 'region_code'>> {
  if (input.targetKind === 'enterprise') {
    if (!input.targetEnterpriseId) throw badRequest('请选择被约谈的企业', 'Choose the enterprise');
    const e = await findEnterpriseBrief(db, ctx.actor.scope, input.targetEnterpriseId);
    if (!e) throw badRequest('所选企业不存在或不在管辖范围内', 'Enterprise not found');
    return { target_org_id: null, target_enterprise_id: e.id, target_name: e.name, region_code: e.regionCode };
  }
  if (!input.targetOrgId) throw badRequest(input.targetKind === 'town' ? '请选择被约谈的乡镇' : '请选择被约谈的部门', 'Choose the unit');
  const o = await findOrgBrief(db, input.targetOrgId);
  const fits = o && (input.targetKind === 'town' ? TOWN_KINDS.includes(o.kind) : o.kind === 'department');
  if (!o || !fits) throw badRequest(input.targetKind === 'town' ? '所选单位不是乡镇人民政府或应急管理站' : '所选单位不是行业部门', 'Target does not match its kind');
  return { target_org_id: o.id, target_enterprise_id: null, target_name: o.name, region_code: o.regionCode };
}

async function toWrite(db: Queryable, ctx: Ctx, input: SummonsInput): Promise<SummonsWrite> {
  if (Number.isNaN(Date.parse(input.heldAt))) throw badRequest('约谈时间格式不正确', 'Bad time');
  return { ...(await target(db, ctx, input)), target_kind: input.targetKind, reason: input.reason, reason_detail: input.reasonDetail.trim(), held_at: new Date(input.heldAt).toISOString(),
    place: input.place.trim(), convened_by: input.convenedBy.trim(), host_name: input.hostName.trim(), attendees: input.attendees.trim(), commitments: input.commitments?.trim() || null };
}

/** A summons with its tasks. */
export async function summonsDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const s = await findSummons(db, ctx.actor.scope, id, today(ctx));
  if (!s) throw notFound('约谈记录', 'Summons');
  return { ...presentSummons(s), tasks: (await tasksOf(db, id, today(ctx))).map(presentTask) };
}

/** Record a summons with its follow-up tasks; numbered 约谈〔year〕N. */
export async function createSummons(ctx: Ctx, input: SummonsInput) {
  return ctx.db.tx(async (tx) => {
    const w = await toWrite(tx, ctx, input);
    const id = uuidv7();
    const year = Number(shanghaiDate(new Date(w.held_at)).slice(0, 4));
    await insertSummons(tx, id, `约谈〔${year}〕${await nextNumber(tx, 'summons', year)}号`, w, ctx.actor.id);
    for (const t of input.tasks ?? []) await addTask(tx, uuidv7(), id, t);
    await audit(ctx, tx, { action: 'summons.create', entityType: 'summons', entityId: id, regionCode: w.region_code, after: input });
    return summonsDetail(ctx, id, tx);
  });
}

/** Correct a summons record (tasks are added and completed on their own). */
export async function editSummons(ctx: Ctx, id: string, input: SummonsInput) {
  return ctx.db.tx(async (tx) => {
    const before = await findSummons(tx, ctx.actor.scope, id, today(ctx));
    if (!before) throw notFound('约谈记录', 'Summons');
    const w = await toWrite(tx, ctx, input);
    await updateSummons(tx, id, w);
    await audit(ctx, tx, { action: 'summons.edit', entityType: 'summons', entityId: id, regionCode: w.region_code, before: presentSummons(before), after: input });
    return summonsDetail(ctx, id, tx);
  });
}

/** Add a follow-up task. */
export async function addSummonsTask(ctx: Ctx, id: string, t: Static<typeof SummonsTaskInput>) {
  return ctx.db.tx(async (tx) => {
    const s = await findSummons(tx, ctx.actor.scope, id, today(ctx));
    if (!s) throw notFound('约谈记录', 'Summons');
    const taskId = uuidv7();
    await addTask(tx, taskId, id, t);
    await audit(ctx, tx, { action: 'summons.task.add', entityType: 'summons', entityId: id, regionCode: s.region_code, after: t });
    return summonsDetail(ctx, id, tx);
  });
}

/** The summoned unit (or the bureau) reports a task done, with what was done. */
export async function completeSummonsTask(ctx: Ctx, taskId: string, note: string) {
  return ctx.db.tx(async (tx) => {
    const t = await findTask(tx, ctx.actor.scope, taskId, today(ctx));
    if (!t) throw notFound('整改任务', 'Task');
    if (!(await completeTask(tx, taskId, ctx.clock().toISOString(), note.trim(), ctx.actor.name))) throw new AppError(409, 'illegal_move', '该任务已完成', 'Task already done');
    await audit(ctx, tx, { action: 'summons.task.done', entityType: 'summons', entityId: t.summons_id, regionCode: t.region_code, before: { done: false }, after: { taskId, done: true, note } });
    return summonsDetail(ctx, t.summons_id, tx);
  });
}

/** Delete a summons recorded by mistake (with its tasks). */
export async function removeSummons(ctx: Ctx, id: string) {
  return ctx.db.tx(async (tx) => {
    const s = await findSummons(tx, ctx.actor.scope, id, today(ctx));
    if (!s) throw notFound('约谈记录', 'Summons');
    const tasks = await tasksOf(tx, id, today(ctx));
    await deleteSummons(tx, id);
    await audit(ctx, tx, { action: 'summons.delete', entityType: 'summons', entityId: id, regionCode: s.region_code, before: { ...presentSummons(s), tasks } });
    return { ok: true };
  });
}

const labelOf = (table: readonly { code: string; label: string }[], code: string) => table.find((t) => t.code === code)?.label ?? code;

/** Counts by period, target kind and reason, and follow-up progress. */
export async function summonsStats(ctx: Ctx, f: SummonsFilter, by: 'month' | 'quarter' | 'year') {
  const c = await summonsCounts(ctx.db, ctx.actor.scope, f, by, today(ctx));
  return {
    total: c.byTargetKind.reduce((a, r) => a + r.count, 0), byPeriod: c.byPeriod,
    byTargetKind: c.byTargetKind.map((r) => ({ ...r, label: labelOf(SUMMONS_TARGET_KINDS, r.key) })),
    byReason: c.byReason.map((r) => ({ ...r, label: labelOf(SUMMONS_REASONS, r.key) })), tasks: c.tasks,
  };
}
