// 启动响应 and 响应级别调整: a leader's decision starts the response at a level with a plan; raising or lowering
// it is proposed by the command staff and approved by a leader other than the proposer; each change is kept.
import type { Static } from '@sinclair/typebox';
import type { Decide, ProposeLevel, StartResponse } from '../../../../contracts/command-incidents.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { can } from '../../../platform/auth/actor.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { generateTasks, setUpPost } from './command.service.js';
import { levelLabel, loadIncident, publishIncident, requireStatus, timeline } from './incidents.common.js';
import { decideLevelChange, findLevelChange, insertLevelChange, updateIncident } from './incidents.store.js';
import { plansDirectory } from './partners.js';
import { factsOf } from './incidents.service.js';

/** Start the response (启动响应): the level, the plan it runs under, the command post and the plan's tasks at that level. */
export async function startResponse(ctx: Ctx, id: string, input: Static<typeof StartResponse>) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['reported'], '启动响应');
    let plan: { planId: string; versionId: string; title: string } | null = null;
    if (input.planId) {
      const dir = await plansDirectory();
      const m = dir ? (await dir.matchPlans(tx, factsOf(i))).find((x) => x.planId === input.planId && (!input.versionId || x.versionId === input.versionId)) : undefined;
      if (!m) throw badRequest('所选预案不适用于本事件（不在匹配的预案之列），请从建议的预案中选择', 'Plan does not match');
      plan = m;
    }
    const now = ctx.clock().toISOString();
    await updateIncident(tx, id, { status: 'responding', response_level: input.level, plan_id: plan?.planId ?? null, plan_version_id: plan?.versionId ?? null,
      plan_title: plan?.title ?? null, response_started_at: now, response_started_by: ctx.actor.id }, ctx.clock());
    const changeId = uuidv7();
    await insertLevelChange(tx, { id: changeId, incident_id: id, kind: 'start', from_level: null, to_level: input.level, reason: input.reason, status: 'approved',
      proposed_by: ctx.actor.id, proposed_at: now, decided_by: ctx.actor.id, decided_at: now, decision_note: '决策启动' });
    await timeline(ctx, tx, id, 'decision', `${ctx.actor.name}决定启动${levelLabel(input.level)}应急响应${plan ? `，执行《${plan.title}》` : '（未选预案）'}。理由：${input.reason}`, { type: 'level_change', id: changeId });
    const live = { ...i, response_level: input.level, plan_version_id: plan?.versionId ?? null };
    await setUpPost(ctx, tx, live);
    await generateTasks(ctx, tx, live, input.level);
    await audit(ctx, tx, { action: 'command.incident.start', entityType: 'incident', entityId: id, regionCode: i.region_code, before: { status: i.status },
      after: { status: 'responding', level: input.level, planId: plan?.planId ?? null, reason: input.reason } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '启动响应');
}

/** Propose raising or lowering the level; it takes effect only when approved. */
export async function proposeLevel(ctx: Ctx, id: string, input: Static<typeof ProposeLevel>) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['responding'], '调整响应级别');
    if (input.toLevel === i.response_level) throw badRequest(`当前已是${levelLabel(i.response_level)}响应`, 'Same level');
    const kind = input.toLevel < (i.response_level ?? 5) ? 'raise' : 'lower';
    const changeId = uuidv7();
    try {
      await insertLevelChange(tx, { id: changeId, incident_id: id, kind, from_level: i.response_level, to_level: input.toLevel, reason: input.reason, status: 'proposed',
        proposed_by: ctx.actor.id, proposed_at: ctx.clock().toISOString() });
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('已有一项待审批的级别调整，请先审批或驳回', 'A change is already pending');
      throw err;
    }
    const verb = kind === 'raise' ? '提升' : '降低';
    await timeline(ctx, tx, id, 'level', `${ctx.actor.name}提请将响应级别由${levelLabel(i.response_level)}${verb}为${levelLabel(input.toLevel)}（待审批）。理由：${input.reason}`, { type: 'level_change', id: changeId });
    const leaders = await recipientIds(tx, { countyRoles: ['leader'] });
    await ctx.notify.send(tx, { accountIds: leaders.filter((a) => a !== ctx.actor.id), title: `响应级别调整待审批：${i.title}`, ackRequired: true, regionCode: i.region_code,
      body: `${i.number} 提请${verb}为${levelLabel(input.toLevel)}：${input.reason}`, link: `/command/incidents/${id}` });
    await audit(ctx, tx, { action: 'command.incident.level_propose', entityType: 'incident', entityId: id, regionCode: i.region_code, after: { changeId, from: i.response_level, to: input.toLevel, reason: input.reason } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '级别调整提请');
}

/** Approve or reject a proposed change; an approver is never the proposer. Approval applies the level and its tasks. */
export async function decideLevel(ctx: Ctx, changeId: string, input: Static<typeof Decide>) {
  const row = await ctx.db.tx(async (tx) => {
    const c = await findLevelChange(tx, changeId);
    if (!c) throw notFound('级别调整', 'Level change');
    const i = await loadIncident(ctx, tx, c.incident_id);
    if (c.status !== 'proposed') throw conflict('该级别调整已审批', 'Already decided');
    if (!can(ctx.actor, 'command:approve')) throw forbidden();
    if (c.proposed_by && c.proposed_by === ctx.actor.id) throw new AppError(403, 'same_person', '提请人不能审批自己的级别调整，请由其他领导审批', 'The proposer cannot approve');
    requireStatus(i, ['responding'], '调整响应级别');
    if (!input.approve && !input.note) throw badRequest('驳回请填写理由', 'A rejection needs a note');
    await decideLevelChange(tx, changeId, input.approve ? 'approved' : 'rejected', ctx.actor.id, ctx.clock().toISOString(), input.note ?? null);
    if (input.approve) {
      await updateIncident(tx, i.id, { response_level: c.to_level }, ctx.clock());
      await timeline(ctx, tx, i.id, 'level', `${ctx.actor.name}批准：响应级别由${levelLabel(c.from_level)}调整为${levelLabel(c.to_level)}${input.note ? `（${input.note}）` : ''}`, { type: 'level_change', id: changeId });
      await generateTasks(ctx, tx, { ...i, response_level: c.to_level }, c.to_level);
    } else {
      await timeline(ctx, tx, i.id, 'level', `${ctx.actor.name}驳回响应级别调整为${levelLabel(c.to_level)}的提请：${input.note}`, { type: 'level_change', id: changeId });
    }
    await audit(ctx, tx, { action: input.approve ? 'command.incident.level_approve' : 'command.incident.level_reject', entityType: 'incident', entityId: i.id, regionCode: i.region_code,
      before: { level: i.response_level }, after: { changeId, level: input.approve ? c.to_level : i.response_level, note: input.note ?? null } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '级别调整审批');
}
