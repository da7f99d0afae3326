// 接报 and 研判: take a report, grade it, keep the grade in step with the casualty figures, rank the plans.
import type { Static } from '@sinclair/typebox';
import type { FactsUpdate, IncidentIntake, PlanMatches } from '../../../../contracts/command-incidents.js';
import { INCIDENT_KINDS } from '../../../../contracts/command-incidents.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../../enterprises/directory.js';
import { tipoffOf } from '../../enforcement/tipoffs/tipoffs.directory.js';
import { alarmOf } from '../../monitoring/directory.js';
import type { IncidentFacts, IncidentKind } from '../ports.js';
import { GRADE_LABELS, gradeIncident, levelOfGrade } from './grading.js';
import { loadIncident, publishIncident, timeline } from './incidents.common.js';
import { findIncident, insertIncident, updateIncident, type IncidentRow } from './incidents.store.js';
import { plansDirectory } from './partners.js';
import { keepIfMasked, maskPhone } from '../../../platform/personal/personal.js'; // the timeline is a list: phones in it masked (issue #11)

const sum = (f: { dead?: number; injured?: number; missing?: number; trapped?: number; lossWan?: number; relocated?: number }) =>
  ({ dead: f.dead ?? 0, injured: f.injured ?? 0, missing: f.missing ?? 0, trapped: f.trapped ?? 0, lossWan: f.lossWan ?? 0, relocated: f.relocated ?? 0 });
const casualtyText = (f: ReturnType<typeof sum>) => `死亡 ${f.dead}、重伤 ${f.injured}、失踪 ${f.missing}、被困 ${f.trapped} 人，直接经济损失 ${f.lossWan} 万元，转移安置 ${f.relocated} 人`;

/** The grade the figures would give (the intake form shows it as the duty officer types). */
export async function previewGrade(ctx: Ctx, input: { kind: IncidentKind } & Partial<ReturnType<typeof sum>>) {
  const g = await gradeIncident(ctx.db, input.kind, sum(input), ctx.clock());
  return { grade: g.grade, gradeLabel: GRADE_LABELS[g.grade], rule: g.rule, version: g.version, suggestedLevel: levelOfGrade(g.grade) };
}

/** Where the report came from must exist and be the caller's to see (an alarm, a tip-off). */
async function checkSource(ctx: Ctx, tx: Parameters<typeof alarmOf>[0], input: IncidentIntake) {
  if (!input.sourceRefId) return;
  if (input.source === 'alarm' && !(await alarmOf(tx, ctx.actor.scope, input.sourceRefId))) throw badRequest('关联的监测报警不存在或无权访问', 'Alarm not found');
  if (input.source === 'tipoff' && !(await tipoffOf(tx, ctx.actor.scope, input.sourceRefId))) throw badRequest('关联的举报不存在或无权访问', 'Tip-off not found');
  if (!['alarm', 'tipoff'].includes(input.source)) throw badRequest('只有监测报警和举报来源可以关联原始记录', 'Only alarms and tip-offs are linked');
}

/** 接报: record the report, grade it, number it, tell the duty leaders and the town. */
export async function intake(ctx: Ctx, input: IncidentIntake): Promise<string> {
  const now = ctx.clock();
  const occurredAt = new Date(input.occurredAt);
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (occurredAt.getTime() > now.getTime() + 5 * 60_000) throw badRequest('事发时间不能晚于现在', 'Occurred in the future');
  if (reportedAt.getTime() < occurredAt.getTime()) throw badRequest('接报时间不能早于事发时间', 'Reported before it occurred');
  const f = sum(input);
  const row = await ctx.db.tx(async (tx) => {
    await checkSource(ctx, tx, input);
    const e = input.enterpriseId ? await findEnterpriseBrief(tx, ctx.actor.scope, input.enterpriseId) : undefined;
    if (input.enterpriseId && !e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not found');
    const regionCode = input.regionCode ?? e?.regionCode;
    if (!regionCode) throw badRequest('请选择事发地所在乡镇（区划），或选择涉事企业', 'Choose the region or the enterprise');
    if (!(await tx.maybeOne(sql`select 1 from regions where code = ${regionCode}`))) throw badRequest('所选区划不存在，请重新选择', 'Unknown region');
    if (!inScope(ctx.actor, { regionCode })) throw forbidden('不能登记管辖范围以外的事件', 'Outside your scope');
    const g = await gradeIncident(tx, input.kind, f, now);
    const year = Number(shanghaiDate(reportedAt).slice(0, 4));
    const number = `SJ-${year}-${String(await nextNumber(tx, 'incident', year)).padStart(4, '0')}`;
    const id = uuidv7();
    const title = input.title?.trim() || `${e?.name ?? input.address}${INCIDENT_KINDS[input.kind]}`;
    await insertIncident(tx, {
      id, number, title, source: input.source, source_ref_id: input.sourceRefId ?? null, reporter_name: input.reporterName ?? null, reporter_phone: keepIfMasked(input.reporterPhone, null, 'phone', '报告人电话') ?? null,
      reporter_org: input.reporterOrg ?? null, occurred_at: occurredAt.toISOString(), reported_at: reportedAt.toISOString(), address: input.address,
      lng: input.lng ?? e?.lng ?? null, lat: input.lat ?? e?.lat ?? null, region_code: regionCode, kind: input.kind, enterprise_id: e?.id ?? null, enterprise_name: e?.name ?? null,
      dead: f.dead, injured: f.injured, missing: f.missing, trapped: f.trapped, loss_wan: f.lossWan, relocated: f.relocated, description: input.description,
      grade: g.grade, grade_rule: g.rule, grade_version: g.version, created_by: ctx.actor.id, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await timeline(ctx, tx, id, 'report', `接报（${input.reporterName ?? '报告人未留名'}${input.reporterPhone ? ' ' + maskPhone(input.reporterPhone) : ''}）：${title}。${casualtyText(f)}`);
    await timeline(ctx, tx, id, 'grade', `初判为${GRADE_LABELS[g.grade]}事件。${g.rule}`);
    const to = await recipientIds(tx, { countyRoles: ['leader', 'staff'], regionCode, regionRoles: ['town'] });
    await ctx.notify.send(tx, { accountIds: to.filter((a) => a !== ctx.actor.id), channels: ['inapp', 'sms'], ackRequired: true, regionCode,
      title: `突发事件接报：${title}`, body: `${number} ${GRADE_LABELS[g.grade]}（初判）。${input.address}，${casualtyText(f)}`, link: `/command/incidents/${id}` });
    await audit(ctx, tx, { action: 'command.incident.intake', entityType: 'incident', entityId: id, regionCode, after: { number, kind: input.kind, grade: g.grade, ...f } });
    return (await findIncident(tx, ctx.actor, id))!;
  });
  await publishIncident(ctx, row, 'incident.created', '接报');
  return row.id;
}

/** New casualty and loss figures: regraded by the same table, the change on the timeline. */
export async function updateFacts(ctx: Ctx, id: string, input: Static<typeof FactsUpdate>) {
  const row = await ctx.db.tx(async (tx) => {
    const i = await loadIncident(ctx, tx, id);
    if (i.status === 'closed') throw badRequest('事件已结案，不能再修改伤亡和损失数字', 'Closed');
    const f = sum(input);
    const g = await gradeIncident(tx, i.kind as IncidentKind, f, ctx.clock());
    await updateIncident(tx, id, { dead: f.dead, injured: f.injured, missing: f.missing, trapped: f.trapped, loss_wan: f.lossWan, relocated: f.relocated,
      grade: g.grade, grade_rule: g.rule, grade_version: g.version }, ctx.clock());
    await timeline(ctx, tx, id, 'facts', `核报伤亡和损失：${casualtyText(f)}（${input.note}）`);
    if (g.grade !== i.grade) await timeline(ctx, tx, id, 'grade', `事件等级由${GRADE_LABELS[i.grade as keyof typeof GRADE_LABELS]}调整为${GRADE_LABELS[g.grade]}。${g.rule}`);
    await audit(ctx, tx, { action: 'command.incident.facts', entityType: 'incident', entityId: id, regionCode: i.region_code,
      before: { dead: i.dead, injured: i.injured, missing: i.missing, trapped: i.trapped, lossWan: Number(i.loss_wan), relocated: i.relocated, grade: i.grade }, after: { ...f, grade: g.grade, note: input.note } });
    return i;
  });
  await publishIncident(ctx, row, 'incident.updated', '伤亡和损失');
}

export const factsOf = (i: IncidentRow): IncidentFacts => ({
  kind: i.kind as IncidentKind, grade: i.grade as IncidentFacts['grade'], regionCode: i.region_code, enterpriseId: i.enterprise_id, dead: i.dead, injured: i.injured,
  missing: i.missing, trapped: i.trapped, lossWan: Number(i.loss_wan), relocated: i.relocated,
});

/**
 * The plans that apply, best first, with the reasons. The proposed level is the best government plan's, else the grade's:
 * an enterprise's own plan ranks first for its accident, but its levels (车间/公司/社会级) are the enterprise's own
 * response, not the county's Ⅰ–Ⅳ级.
 */
export async function planMatches(ctx: Ctx, id: string): Promise<PlanMatches> {
  const i = await findIncident(ctx.db, ctx.actor, id);
  if (!i) throw notFound('突发事件', 'Incident');
  const dir = await plansDirectory();
  const matches = dir ? await dir.matchPlans(ctx.db, factsOf(i)) : [];
  const best = matches.find((m) => m.proposedLevel != null && m.planKind !== 'enterprise');
  const byGrade = levelOfGrade(i.grade as keyof typeof GRADE_LABELS);
  return {
    available: !!dir, matches,
    proposedLevel: best?.proposedLevel ?? byGrade,
    proposedReason: best ? `《${best.title}》：${best.levelReason ?? '达到该级响应启动条件'}` : `没有政府预案的响应启动条件被满足，按事件等级（${GRADE_LABELS[i.grade as keyof typeof GRADE_LABELS]}）建议`,
  };
}
