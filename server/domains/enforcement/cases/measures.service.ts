// 强制措施 (停电、停供、停业、停工、停用、查封、扣押, 关闭) taken in an inspection or a case, with their document and,
// for 查封/扣押, the 30-day period; lifting; and 行刑衔接 transfers to the police with their time limits.
import type { Static } from '@sinclair/typebox';
import type { MeasureCreate, PoliceResult, TransferCreate, TransferDecide } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { nextState } from '../../../platform/workflow/state-machine.js';
import { meetDeadlines, setDeadline } from '../common/deadlines.js';
import { enterpriseFacts } from '../common/facts.js';
import { requireOfficers } from '../common/officers.js';
import { TRANSFER_LIMITS } from '../common/rules.js';
import { dayOf, today } from '../common/util.js';
import { issueDocumentIn } from '../documents/documents.service.js';
import { inspectionOf } from '../inspections/inspections.directory.js';
import { caseLimits } from './case.rules.js';
import { findCase } from './cases.store.js';
import { findMeasure, findTransfer, insertMeasure, insertTransfer, liftMeasure, updateTransfer } from './measures.store.js';
import { transferMachine } from './transfer.machine.js';

const DOC_OF: Record<string, 'seal_decision' | 'seize_decision' | 'cut_decision' | 'onsite_measure'> = {
  seal: 'seal_decision', seize: 'seize_decision', power_cut: 'cut_decision', supply_cut: 'cut_decision',
};

/** Take a measure in an inspection or a case; makes its 决定书. */
export async function createMeasure(ctx: Ctx, input: Static<typeof MeasureCreate>): Promise<string> {
  if (!input.caseId && !input.inspectionId) throw badRequest('强制措施须在执法检查或案件中作出：请选择检查记录或案件', 'Inspection or case required');
  return ctx.db.tx(async (tx) => {
    const c = input.caseId ? await findCase(tx, ctx.actor.scope, input.caseId) : undefined;
    const i = input.inspectionId ? await inspectionOf(tx, ctx.actor.scope, input.inspectionId) : undefined;
    if ((input.caseId && !c) || (input.inspectionId && !i)) throw badRequest('所选检查记录或案件不存在或无权访问', 'Subject not found');
    const s = c ? { enterprise_id: c.enterprise_id, party_name: c.party_name, region_code: c.region_code, sector: c.sector, subtype: c.subtype }
      : { enterprise_id: i!.enterprise_id, party_name: i!.unit_name, region_code: i!.region_code, sector: i!.sector, subtype: i!.subtype };
    const decidedAt = input.decidedAt ? new Date(input.decidedAt) : ctx.clock();
    const limits = await caseLimits(tx, c, ctx.clock());
    const dueOn = ['seal', 'seize'].includes(input.kind) ? addDays(dayOf(decidedAt), limits.value.sealDays) : null;
    if (['seal', 'seize'].includes(input.kind) && !input.items?.length) throw badRequest('查封、扣押须列明场所、设施或财物清单', 'Items required');
    const id = uuidv7();
    await insertMeasure(tx, { id, kind: input.kind, case_id: input.caseId ?? null, inspection_id: input.inspectionId ?? null, org_id: ctx.actor.orgId ?? null, ...s,
      reason: input.reason, basis: input.basis ?? null, items: input.items ?? [], decided_at: decidedAt.toISOString(), due_on: dueOn, created_by: ctx.actor.id });
    if (dueOn) {
      await setDeadline(tx, { subjectType: 'measure', subjectId: id, kind: 'lift', label: `${input.kind === 'seal' ? '查封' : '扣押'}期限届满（${s.party_name}）`, dueOn,
        basis: `${limits.version}：查封、扣押期限不超过${limits.value.sealDays}日（行政强制法第25条）`, regionCode: s.region_code, orgId: ctx.actor.orgId });
    }
    const doc = await issueDocumentIn(ctx, tx, { kind: DOC_OF[input.kind] ?? 'onsite_measure', measureId: id });
    await audit(ctx, tx, { action: 'enforcement.measure.create', entityType: 'enforcement_measure', entityId: id, regionCode: s.region_code,
      after: { kind: input.kind, party: s.party_name, document: doc.number, dueOn } });
    return id;
  });
}

/** Lift a measure with the reason (查封/扣押 gets its 处理决定书). */
export async function liftMeasureNow(ctx: Ctx, id: string, reason: string) {
  await ctx.db.tx(async (tx) => {
    const m = await findMeasure(tx, ctx.actor.scope, id);
    if (!m) throw notFound('强制措施', 'Measure');
    if (!(await liftMeasure(tx, id, ctx.clock().toISOString(), reason))) throw new AppError(409, 'lifted', '该措施已经解除', 'Already lifted');
    await meetDeadlines(tx, 'measure', id, ctx.clock());
    if (['seal', 'seize'].includes(m.kind)) await issueDocumentIn(ctx, tx, { kind: 'seal_disposal', measureId: id });
    await audit(ctx, tx, { action: 'enforcement.measure.lift', entityType: 'enforcement_measure', entityId: id, regionCode: m.region_code, after: { reason } });
  });
}

/** 行刑衔接: the 专案组 (≥2 officers) reports a suspected crime; the head must decide within 3 days. */
export async function reportTransfer(ctx: Ctx, input: Static<typeof TransferCreate>): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const team = await requireOfficers(tx, input.teamOfficerIds);
    const c = input.caseId ? await findCase(tx, ctx.actor.scope, input.caseId) : undefined;
    if (input.caseId && !c) throw badRequest('关联的案件不存在或无权访问', 'Case not found');
    let party = c ? { enterprise_id: c.enterprise_id, party_name: c.party_name, region_code: c.region_code } : undefined;
    if (!party && input.enterpriseId) { const e = await enterpriseFacts(ctx, tx, input.enterpriseId); party = { enterprise_id: e.enterpriseId, party_name: e.name, region_code: e.regionCode }; }
    if (!party) {
      if (!input.partyName || !input.regionCode) throw badRequest('请关联案件或企业，或填写涉案当事人和所在区划', 'Party required');
      if (!inScope(ctx.actor, { regionCode: input.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能移送管辖范围以外的案件', 'Outside your scope');
      party = { enterprise_id: null, party_name: input.partyName, region_code: input.regionCode };
    }
    const id = uuidv7();
    const limits = await ruleValue(tx, TRANSFER_LIMITS, ctx.clock());
    await insertTransfer(tx, { id, case_id: c?.id ?? null, org_id: ctx.actor.orgId ?? null, ...party, suspected_offence: input.suspectedOffence, facts: input.facts,
      team: team.map((o) => `${o.name}（${o.certNo}）`).join('、'), status: 'reported', reported_at: ctx.clock().toISOString(), created_by: ctx.actor.id });
    await setDeadline(tx, { subjectType: 'transfer', subjectId: id, kind: 'decide', label: `负责人决定是否移送（${party.party_name}）`, dueOn: addDays(today(ctx), limits.value.decideDays),
      basis: `${limits.version}：${TRANSFER_LIMITS.source}`, regionCode: party.region_code, orgId: ctx.actor.orgId });
    await audit(ctx, tx, { action: 'enforcement.transfer.report', entityType: 'enforcement_transfer', entityId: id, regionCode: party.region_code, after: { offence: input.suspectedOffence, party: party.party_name } });
    return id;
  });
}

/** One move of a transfer: decide (approve/refuse), send to the police, or record the police's decision. */
export async function moveTransfer(ctx: Ctx, id: string, move: 'decide' | 'send' | 'police',
  input: Partial<Static<typeof TransferDecide> & Static<typeof PoliceResult> & { policeOrg: string }>) {
  await ctx.db.tx(async (tx) => {
    const t = await findTransfer(tx, ctx.actor.scope, id);
    if (!t) throw notFound('移送记录', 'Transfer');
    const m = move === 'decide' ? (input.approve ? 'approve' : 'refuse') : move === 'send' ? 'send' : input.accepted ? 'accept' : 'decline';
    const to = nextState(transferMachine, t.status as never, m);
    const now = ctx.clock();
    const limits = await ruleValue(tx, TRANSFER_LIMITS, now);
    if (move === 'decide') {
      await updateTransfer(tx, id, t.status, { status: to, decided_at: now.toISOString(), decision_note: input.note });
      await meetDeadlines(tx, 'transfer', id, now, ['decide']);
      if (to === 'approved') {
        await setDeadline(tx, { subjectType: 'transfer', subjectId: id, kind: 'send', label: `移送公安机关（${t.party_name}）`,
          dueOn: shanghaiDate(new Date(now.getTime() + limits.value.sendHours * 3600_000)), basis: `${limits.version}：批准后${limits.value.sendHours}小时内移送`, regionCode: t.region_code, orgId: t.org_id });
      }
    } else if (move === 'send') {
      await updateTransfer(tx, id, t.status, { status: to, transferred_at: now.toISOString(), police_org: input.policeOrg });
      await meetDeadlines(tx, 'transfer', id, now, ['send']);
      await issueDocumentIn(ctx, tx, { kind: 'crime_transfer', transferId: id });
    } else {
      await updateTransfer(tx, id, t.status, { status: to, police_decided_at: now.toISOString(), police_note: input.note, persons_detained: input.personsDetained ?? 0 });
    }
    await audit(ctx, tx, { action: `enforcement.transfer.${m}`, entityType: 'enforcement_transfer', entityId: id, regionCode: t.region_code, before: { status: t.status }, after: { status: to, ...input } });
  });
}
