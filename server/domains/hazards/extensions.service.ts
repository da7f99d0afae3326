// 延期: a deadline extension is requested with a reason and decided by someone else (not an enterprise).
import { audit, type Ctx } from '../../platform/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { findHazard, insertEvent, insertExtension, listExtensions, decideExtension, lockHazard, updateHazard } from './hazards.store.js';
import { isEnterpriseUser, today } from './hazards.service.js';

export async function requestExtension(ctx: Ctx, hazardId: string, input: { newDeadline: string; reason: string }) {
  return ctx.db.tx(async (tx) => {
    await lockHazard(tx, hazardId);
    const h = await findHazard(tx, ctx.actor.scope, hazardId, today(ctx));
    if (!h) throw notFound('隐患', 'Hazard');
    if (!h.deadline || !['pending', 'rectifying'].includes(h.status)) throw new AppError(409, 'no_deadline', '只有已交办、尚未完成整改的隐患可以申请延期', 'Only open hazards with a deadline can be extended');
    if (input.newDeadline <= h.deadline) throw badRequest(`新的期限须晚于原期限 ${h.deadline}`, 'New deadline must be later');
    if ((await listExtensions(tx, hazardId)).some((e) => !e.decision)) throw new AppError(409, 'pending_extension', '已有一项延期申请待审批', 'An extension request is pending');
    const id = uuidv7();
    const at = ctx.clock().toISOString();
    await insertExtension(tx, { id, hazard_id: hazardId, old_deadline: h.deadline, new_deadline: input.newDeadline, reason: input.reason, requested_by: ctx.actor.id!, requested_at: at });
    await insertEvent(tx, { id: uuidv7(), hazard_id: hazardId, at, actor_id: ctx.actor.id, actor_name: ctx.actor.name, action: 'extend_request',
      from_status: null, to_status: null, comment: input.reason, photos: [], data: { newDeadline: input.newDeadline } });
    await audit(ctx, tx, { action: 'hazard.extend_request', entityType: 'hazard', entityId: hazardId, regionCode: h.region_code, after: input });
    return id;
  });
}

export async function decideExtensionRequest(ctx: Ctx, hazardId: string, extensionId: string, input: { approve: boolean; note?: string }) {
  if (isEnterpriseUser(ctx.actor)) throw forbidden('延期须由监管部门审批', 'Extensions are decided by the regulator');
  return ctx.db.tx(async (tx) => {
    await lockHazard(tx, hazardId);
    const h = await findHazard(tx, ctx.actor.scope, hazardId, today(ctx));
    if (!h) throw notFound('隐患', 'Hazard');
    const ext = (await listExtensions(tx, hazardId)).find((e) => e.id === extensionId);
    if (!ext) throw notFound('延期申请', 'Extension request');
    if (ext.decision) throw new AppError(409, 'decided', '该延期申请已审批', 'Already decided');
    if (ext.requested_by === ctx.actor.id) throw forbidden('不能审批自己提出的延期申请', 'You cannot decide your own request');
    const at = ctx.clock().toISOString();
    await decideExtension(tx, extensionId, { decision: input.approve ? 'approved' : 'rejected', decided_by: ctx.actor.id!, decided_at: at, decision_note: input.note ?? null });
    // An approved extension moves the deadline; reminders start again for the new date.
    if (input.approve) await updateHazard(tx, hazardId, { deadline: ext.new_deadline, due_soon_notified_for: null, overdue_notified_for: null, escalated_for: null });
    await insertEvent(tx, { id: uuidv7(), hazard_id: hazardId, at, actor_id: ctx.actor.id, actor_name: ctx.actor.name,
      action: input.approve ? 'extend_approve' : 'extend_reject', from_status: null, to_status: null, comment: input.note ?? null, photos: [],
      data: { oldDeadline: ext.old_deadline, newDeadline: ext.new_deadline } });
    await audit(ctx, tx, { action: input.approve ? 'hazard.extend_approve' : 'hazard.extend_reject', entityType: 'hazard', entityId: hazardId,
      regionCode: h.region_code, before: { deadline: ext.old_deadline }, after: { deadline: input.approve ? ext.new_deadline : ext.old_deadline } });
    return (await findHazard(tx, { kind: 'all' }, hazardId, today(ctx)))!;
  });
}
