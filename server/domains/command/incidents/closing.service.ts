// 善后与总结: terminate the response with the final figures, record investigation and assessment, turn each lesson
// into a hidden hazard (hazards domain) or a plan revision request; the incident closes only when every lesson is done.
import type { Static } from '@sinclair/typebox';
import type { LessonComplete, LessonCreate, Review, Terminate } from '../../../../contracts/command-incidents.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { requirePermission } from '../../../platform/auth/actor.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { AppError, badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { reportHazardIn } from '../../hazards/hazards.service.js';
import type { IncidentKind } from '../ports.js';
import { GRADE_LABELS, gradeIncident } from './grading.js';
import { levelLabel, loadIncident, publishIncident, requireStatus, timeline } from './incidents.common.js';
import { completeLesson as storeComplete, findLesson, insertLesson, openLessonCount, updateIncident } from './incidents.store.js';

/** 响应终止: final casualty and loss figures (regraded), resources still out are released. */
export async function terminate(ctx: Ctx, id: string, input: Static<typeof Terminate>) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['responding'], '终止响应');
    const g = await gradeIncident(tx, i.kind as IncidentKind, input, ctx.clock());
    const at = ctx.clock().toISOString();
    await updateIncident(tx, id, { status: 'terminated', terminated_at: at, terminated_by: ctx.actor.id, termination_note: input.note, dead: input.dead, injured: input.injured,
      missing: input.missing, trapped: input.trapped, loss_wan: input.lossWan, relocated: input.relocated, grade: g.grade, grade_rule: g.rule, grade_version: g.version }, ctx.clock());
    const out = await tx.query<{ id: string; resource_name: string }>(sql`update incident_dispatches set status = 'released', released_at = ${at}
      where incident_id = ${id} and status <> 'released' returning id, resource_name`);
    await timeline(ctx, tx, id, 'decision', `${ctx.actor.name}宣布终止${levelLabel(i.response_level)}应急响应：${input.note}。最终核定死亡 ${input.dead}、重伤 ${input.injured}、失踪 ${input.missing} 人，`
      + `直接经济损失 ${input.lossWan} 万元，转移安置 ${input.relocated} 人；定为${GRADE_LABELS[g.grade]}事件${out.length ? `；${out.map((d) => d.resource_name).join('、')} 撤离` : ''}`);
    await audit(ctx, tx, { action: 'command.incident.terminate', entityType: 'incident', entityId: id, regionCode: i.region_code, before: { status: i.status, grade: i.grade },
      after: { status: 'terminated', grade: g.grade, ...input, released: out.map((d) => d.id) } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '响应终止');
}

/** 调查与评估. */
export async function review(ctx: Ctx, id: string, input: Static<typeof Review>) {
  await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['terminated'], '登记调查评估');
    await updateIncident(tx, id, { investigation: input.investigation, assessment: input.assessment }, ctx.clock());
    await timeline(ctx, tx, id, 'review', [input.investigation && '登记事件调查情况', input.assessment && '登记总结评估'].filter(Boolean).join('，') || '更新调查评估');
    await audit(ctx, tx, { action: 'command.incident.review', entityType: 'incident', entityId: id, regionCode: i.region_code,
      before: { investigation: i.investigation, assessment: i.assessment }, after: input });
  });
}

/** A lesson learned, to be turned into a hazard or a plan revision. */
export async function addLesson(ctx: Ctx, id: string, input: Static<typeof LessonCreate>) {
  await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['terminated'], '登记经验教训（请先终止响应）');
    if (input.action === 'plan_revision' && !input.planId && !i.plan_id) throw badRequest('预案修订请选择要修订的预案', 'Choose the plan');
    const lessonId = uuidv7();
    await insertLesson(tx, { id: lessonId, incident_id: id, text: input.text, action: input.action, plan_id: input.planId ?? (input.action === 'plan_revision' ? i.plan_id : null),
      created_by: ctx.actor.id, created_at: ctx.clock().toISOString() });
    await timeline(ctx, tx, id, 'lesson', `经验教训：${input.text}（${input.action === 'hazard' ? '转为隐患整改' : '提请修订预案'}）`, { type: 'lesson', id: lessonId });
    await audit(ctx, tx, { action: 'command.lesson.create', entityType: 'incident', entityId: id, regionCode: i.region_code, after: { lessonId, ...input } });
  });
}

/** Do a lesson: create the hazard (through the hazards service, same transaction) or file the revision request. */
export async function completeLesson(ctx: Ctx, lessonId: string, input: Static<typeof LessonComplete>) {
  await ctx.db.tx(async (tx) => {
    const l = await findLesson(tx, lessonId);
    if (!l) throw notFound('经验教训', 'Lesson');
    const i = await loadIncident(ctx, tx, l.incident_id);
    requireStatus(i, ['terminated'], '落实经验教训');
    if (l.status === 'done') throw conflict('该条经验教训已落实', 'Already done');
    let hazardId: string | null = null;
    let text: string;
    if (l.action === 'hazard') {
      if (!input.hazard) throw badRequest('转为隐患请填写隐患名称和等级', 'Describe the hazard');
      requirePermission(ctx.actor, 'hazard:write');
      const h = await reportHazardIn(ctx, tx, {
        ...(i.enterprise_id ? { enterpriseId: i.enterprise_id } : { regionCode: i.region_code, placeName: i.address.slice(0, 100) }),
        lng: i.lng ?? undefined, lat: i.lat ?? undefined, title: input.hazard.title, level: input.hazard.level, majorBasis: input.hazard.majorBasis,
        description: [input.hazard.description, `来源：突发事件 ${i.number}「${i.title}」的经验教训——${l.text}`].filter(Boolean).join('\n'),
        source: 'transfer', foundBy: ctx.actor.name,
      });
      hazardId = h.id;
      text = `经验教训已转为隐患 ${h.number}「${input.hazard.title}」，进入隐患整改流程`;
    } else {
      if (!input.revisionNote) throw badRequest('请填写预案需要修订的内容', 'Describe the revision');
      text = `已提请修订预案：${input.revisionNote}`;
      const to = await recipientIds(tx, { countyRoles: ['staff', 'leader'] });
      await ctx.notify.send(tx, { accountIds: to.filter((a) => a !== ctx.actor.id), title: `预案修订提请：${i.title}`, body: `${i.number} 总结：${l.text}。修订内容：${input.revisionNote}`,
        link: l.plan_id ? `/command/plans/${l.plan_id}` : `/command/incidents/${i.id}`, regionCode: i.region_code });
    }
    if (!(await storeComplete(tx, lessonId, { hazard_id: hazardId, revision_note: input.revisionNote ?? null, by: ctx.actor.id, at: ctx.clock().toISOString() }))) {
      throw conflict('该条经验教训已落实', 'Already done');
    }
    await timeline(ctx, tx, i.id, 'lesson', text, hazardId ? { type: 'hazard', id: hazardId } : { type: 'lesson', id: lessonId });
    await audit(ctx, tx, { action: 'command.lesson.complete', entityType: 'incident', entityId: i.id, regionCode: i.region_code, after: { lessonId, hazardId, revisionNote: input.revisionNote ?? null } });
  });
}

/** 结案: only when the assessment is written and every lesson is done. */
export async function closeIncident(ctx: Ctx, id: string) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    requireStatus(i, ['terminated'], '结案（请先终止响应）');
    if (!i.assessment) throw badRequest('结案前请先登记总结评估', 'Write the assessment first');
    const open = await openLessonCount(tx, id);
    if (open) throw new AppError(409, 'lessons_open', `还有 ${open} 条经验教训未落实（转为隐患或提请修订预案），不能结案`, `${open} lessons still open`);
    await updateIncident(tx, id, { status: 'closed', closed_at: ctx.clock().toISOString(), closed_by: ctx.actor.id }, ctx.clock());
    await timeline(ctx, tx, id, 'close', `${ctx.actor.name}结案`);
    await audit(ctx, tx, { action: 'command.incident.close', entityType: 'incident', entityId: id, regionCode: i.region_code, before: { status: i.status }, after: { status: 'closed' } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '结案');
}
