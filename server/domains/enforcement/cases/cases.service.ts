// Cases (案件) from 立案 to the decision: filing with approval, evidence, 告知 with the party's rights and their time limits
// (working days where 行政处罚法 Art. 85 says so), 听证, the decision. Service and execution are in cases.execution.ts.
import type { Static } from '@sinclair/typebox';
import type { CaseCreate, DecideInput, EvidenceInput, HearingRequest, NotifyInput } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { addDays, addWorkingDays } from '../../../platform/calendar/calendar.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { AppError, badRequest, forbidden } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { deadlinesOf, meetDeadlines, setDeadline } from '../common/deadlines.js';
import { enterpriseFacts } from '../common/facts.js';
import { checkFiles } from '../common/files.js';
import { insertOfficers, requireOfficers } from '../common/officers.js';
import { DOCUMENT_AGENCY } from '../common/rules.js';
import { caseEvent } from '../common/trail.js';
import { cnDate, today } from '../common/util.js';
import { documentNumber, issueDocumentIn } from '../documents/documents.service.js';
import { inspectionOf } from '../inspections/inspections.directory.js';
import { tipoffOf } from '../tipoffs/tipoffs.directory.js';
import { noteCaseViolation } from '../../law/directory.js';
import { caseHearingThresholds, caseLimits } from './case.rules.js';
import { caseStep } from './case.step.js';
import { type CaseRow, insertCase, type Penalty, updateCase } from './cases.store.js';
import { insertMeasure } from './measures.store.js';

// A case's limits come from the rule set in force on its filing day (令15号 / 令18号), not today's.
const limits = (ctx: Ctx, tx: Tx, c?: Pick<CaseRow, 'filed_at'>) => caseLimits(tx, c, ctx.clock());
const basis = (r: { regime: string; version: string }, article: string) => `${r.regime}（${r.version}）：${article}`;

/** Request 立案 (立案审批): the party from the registry, the inspection or the form; ≥2 certified officers. */
export async function fileCase(ctx: Ctx, input: Static<typeof CaseCreate>): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const officers = await requireOfficers(tx, input.officerIds);
    let party: Record<string, unknown>;
    const inspection = input.inspectionId ? await inspectionOf(tx, ctx.actor.scope, input.inspectionId) : undefined;
    if (input.inspectionId && !inspection) throw badRequest('关联的检查记录不存在或无权访问', 'Inspection not found');
    if (input.source === 'inspection' && !inspection) throw badRequest('来源为监督检查的案件须关联检查记录', 'Inspection required');
    if (input.tipoffId && !(await tipoffOf(tx, ctx.actor.scope, input.tipoffId))) throw badRequest('关联的举报不存在或无权访问', 'Tip-off not found');
    const enterpriseId = input.enterpriseId ?? inspection?.enterprise_id ?? undefined;
    if (enterpriseId) {
      const e = await enterpriseFacts(ctx, tx, enterpriseId);
      party = { enterprise_id: e.enterpriseId, party_kind: 'org', party_name: e.name, party_address: e.address, party_credit_code: e.creditCode, party_legal_rep: e.legalRep,
        region_code: e.regionCode, sector: e.sector, subtype: e.subtype };
    } else if (inspection) {
      party = { party_kind: 'org', party_name: inspection.unit_name, party_address: inspection.unit_address, region_code: inspection.region_code };
    } else {
      if (!input.party) throw badRequest('请选择当事企业，或填写当事人信息', 'Party required');
      if (!inScope(ctx.actor, { regionCode: input.party.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能为管辖范围以外的当事人立案', 'Outside your scope');
      party = { party_kind: input.party.kind, party_name: input.party.name, party_address: input.party.address ?? null, party_credit_code: input.party.creditCode ?? null,
        party_legal_rep: input.party.legalRep ?? null, region_code: input.party.regionCode };
    }
    const id = uuidv7();
    const rules = await limits(ctx, tx);
    await insertCase(tx, { id, status: 'filing', source: input.source, inspection_id: input.inspectionId ?? null, tipoff_id: input.tipoffId ?? null, org_id: ctx.actor.orgId ?? null,
      ...party, cause: input.cause, facts: input.facts ?? null, requested_at: ctx.clock().toISOString(), rule_version: rules.version, created_by: ctx.actor.id });
    await insertOfficers(tx, 'enforcement_case_officers', 'case_id', id, officers);
    if (input.violationItemId) await noteCaseViolation(tx, { caseId: id, itemId: input.violationItemId, inspectionId: input.inspectionId, finding: input.finding, by: ctx.actor.id });
    await caseEvent(ctx, tx, id, { action: 'file', to: 'filing', comment: input.cause });
    await audit(ctx, tx, { action: 'enforcement.case.file', entityType: 'enforcement_case', entityId: id, regionCode: party.region_code as string,
      after: { cause: input.cause, party: party.party_name, officers: officers.map((o) => o.certNo), violationItemId: input.violationItemId } });
    return id;
  });
}

/** 批准立案: the case gets its 案号 and the 90-day decision deadline starts. */
export const approveCase = (ctx: Ctx, id: string, opinion: string) => caseStep(ctx, id, 'approve', 'approve', async (tx, c) => {
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const agency = (await ruleValue(tx, DOCUMENT_AGENCY, ctx.clock())).value;
  const number = documentNumber(agency.abbr, '立', year, await nextNumber(tx, 'doc:立', year));
  const rules = await limits(ctx, tx, c);
  const due = addDays(day, rules.value.decideDays);
  await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'decide', label: `作出处罚决定（${number}）`, dueOn: due,
    basis: basis(rules, `行政处罚法第60条：立案之日起${rules.value.decideDays}日内`), regionCode: c.region_code, orgId: c.org_id });
  // The 立案审批表 prints the number and the opinion: write them before issuing it.
  await updateCase(tx, c.id, { number, filed_at: ctx.clock().toISOString(), filing_opinion: opinion, rule_version: rules.version });
  await issueDocumentIn(ctx, tx, { kind: 'filing_approval', caseId: c.id });
  return { comment: opinion, data: { number, decideDue: due } };
});

/** 不予立案 with the reason. */
export const rejectCase = (ctx: Ctx, id: string, opinion: string) =>
  caseStep(ctx, id, 'reject', 'reject', async () => ({ write: { filing_opinion: opinion }, comment: opinion }));

/** Add evidence (an inquiry makes a 调查询问笔录). */
export const addEvidence = (ctx: Ctx, id: string, input: Static<typeof EvidenceInput>) => caseStep(ctx, id, `evidence.${input.kind}`, null, async (tx, c) => {
  if (!['investigating', 'notified', 'hearing', 'heard'].includes(c.status)) throw new AppError(409, 'illegal_move', '只有在调查至决定前才能补充证据', 'Evidence only before the decision');
  const files = await checkFiles(ctx, tx, input.files, '证据材料');
  const doc = input.kind === 'inquiry' ? await issueDocumentIn(ctx, tx, { kind: 'inquiry_record', caseId: c.id, extra: { content: input.description, person: input.person } }) : undefined;
  return { comment: input.description, files, data: { kind: input.kind, document: doc?.id } };
});

function checkPenalty(p: Penalty) {
  if (p.kinds.includes('fine') !== !!p.fine) throw badRequest(p.fine ? '填写了罚款金额，请在处罚种类中选择“罚款”' : '处罚种类含罚款，请填写罚款金额', 'Fine and kinds disagree');
  if (p.kinds.includes('confiscation') && !p.confiscation) throw badRequest('处罚种类含没收违法所得，请填写金额', 'Confiscation amount required');
}

/** 告知: the proposed penalty and the party's rights, with 陈述申辩 and 听证 request deadlines in working days. */
export const notifyParty = (ctx: Ctx, id: string, input: Static<typeof NotifyInput>) => caseStep(ctx, id, 'notify', 'notify', async (tx, c) => {
  checkPenalty(input);
  const rules = await limits(ctx, tx, c);
  const t = (await caseHearingThresholds(tx, c, ctx.clock())).value;
  const limit = c.party_kind === 'person' ? t.person : t.org;
  const eligible = input.kinds.some((k) => ['suspension', 'closure', 'licence'].includes(k)) || (input.fine ?? 0) >= limit || (input.confiscation ?? 0) >= limit;
  const day = today(ctx);
  const statementDue = await addWorkingDays(tx, day, rules.value.statementWorkdays);
  await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'statement', label: '当事人陈述申辩', dueOn: statementDue,
    basis: basis(rules, `告知后${rules.value.statementWorkdays}个工作日（行政处罚法第45、85条）`), regionCode: c.region_code, orgId: c.org_id });
  if (eligible) {
    const hearingDue = await addWorkingDays(tx, day, rules.value.hearingRequestWorkdays);
    await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'hearing_request', label: '当事人申请听证', dueOn: hearingDue,
      basis: basis(rules, `告知后${rules.value.hearingRequestWorkdays}个工作日（行政处罚法第64、85条）`), regionCode: c.region_code, orgId: c.org_id });
  }
  await updateCase(tx, c.id, { proposal: input, hearing_eligible: eligible });
  const doc = await issueDocumentIn(ctx, tx, { kind: 'penalty_notice', caseId: c.id });
  return { write: { notified_at: ctx.clock().toISOString() }, data: { proposal: input, hearingEligible: eligible, statementDue, document: doc.number } };
});

/** Record the party's 陈述申辩 (makes the 陈述申辩笔录). */
export const recordStatement = (ctx: Ctx, id: string, content: string, files?: string[]) => caseStep(ctx, id, 'statement', null, async (tx, c) => {
  if (!['notified', 'hearing', 'heard'].includes(c.status)) throw new AppError(409, 'illegal_move', '告知后、决定前才能记录陈述申辩', 'Statements only after notice');
  const ok = await checkFiles(ctx, tx, files, '材料');
  await issueDocumentIn(ctx, tx, { kind: 'statement_record', caseId: c.id, extra: { content } });
  return { comment: content, files: ok };
});

/** 申请听证: within the request period; the hearing at least 7 working days after its notice. */
export const requestHearing = (ctx: Ctx, id: string, input: Static<typeof HearingRequest>) => caseStep(ctx, id, 'request_hearing', 'request_hearing', async (tx, c) => {
  if (!c.hearing_eligible) throw badRequest('本案拟处罚不属于听证范围，当事人可陈述申辩', 'Not eligible for a hearing');
  const due = (await deadlinesOf(tx, 'case', [c.id])).find((d) => d.kind === 'hearing_request');
  const requested = input.requestedAt ? new Date(input.requestedAt) : ctx.clock();
  const requestDay = today({ clock: () => requested });
  if (due && requestDay > due.due_on) throw new AppError(409, 'too_late', `听证申请期限已于 ${cnDate(due.due_on)} 届满，视为放弃听证`, 'Hearing request period has passed');
  const rules = await limits(ctx, tx, c);
  const earliest = await addWorkingDays(tx, today(ctx), rules.value.hearingNoticeWorkdays);
  if (input.hearingOn < earliest) throw badRequest(`听证须在通知当事人 ${rules.value.hearingNoticeWorkdays} 个工作日之后举行：最早 ${earliest}`, `Hearing no earlier than ${earliest}`);
  await meetDeadlines(tx, 'case', c.id, ctx.clock(), ['hearing_request']);
  await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'hearing', label: '举行听证', dueOn: input.hearingOn,
    basis: basis(rules, `听证七日前通知当事人（行政处罚法第64条）`), regionCode: c.region_code, orgId: c.org_id });
  await updateCase(tx, c.id, { hearing_on: input.hearingOn });
  const doc = await issueDocumentIn(ctx, tx, { kind: 'hearing_notice', caseId: c.id });
  return { write: { hearing_requested_at: requested.toISOString() }, data: { hearingOn: input.hearingOn, document: doc.number } };
});

/** 举行听证 (makes the 听证笔录). */
export const holdHearing = (ctx: Ctx, id: string, summary: string, files?: string[]) => caseStep(ctx, id, 'hold_hearing', 'hold_hearing', async (tx, c) => {
  const ok = await checkFiles(ctx, tx, files, '材料');
  await meetDeadlines(tx, 'case', c.id, ctx.clock(), ['hearing']);
  await issueDocumentIn(ctx, tx, { kind: 'hearing_record', caseId: c.id, extra: { content: summary } });
  return { write: { hearing_held_at: ctx.clock().toISOString() }, comment: summary, files: ok };
});

const MEASURE_OF: Record<string, 'suspend_business' | 'closure'> = { suspension: 'suspend_business', closure: 'closure' };

/** 作出处罚决定: not before the party's periods end (unless waived in writing); the 7-working-day service deadline starts. */
export const decideCase = (ctx: Ctx, id: string, input: Static<typeof DecideInput>) => caseStep(ctx, id, 'decide', 'decide', async (tx, c: CaseRow) => {
  checkPenalty(input);
  const day = today(ctx);
  const open = (await deadlinesOf(tx, 'case', [c.id])).filter((d) => d.status === 'open' && ['statement', 'hearing_request'].includes(d.kind) && d.due_on >= day);
  if (c.status === 'notified' && open.length && !input.waived) {
    throw new AppError(409, 'rights_period', `${open.map((d) => `${d.label}期限至 ${cnDate(d.due_on)}`).join('、')}，期限届满前不能作出决定；当事人书面放弃权利的，请勾选“当事人放弃”`, 'The party\'s period has not ended');
  }
  const rules = await limits(ctx, tx, c);
  await meetDeadlines(tx, 'case', c.id, ctx.clock(), ['decide', 'statement', 'hearing_request']);
  const serviceDue = await addWorkingDays(tx, day, rules.value.serviceWorkdays);
  await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'service', label: '送达处罚决定书', dueOn: serviceDue,
    basis: basis(rules, `当事人不在场的，${rules.value.serviceWorkdays}个工作日内送达（行政处罚法第61、85条）`), regionCode: c.region_code, orgId: c.org_id });
  await updateCase(tx, c.id, { decision: input, fine: input.fine ?? 0, decided_at: ctx.clock().toISOString(), waived: !!input.waived });
  for (const k of input.kinds.filter((x) => MEASURE_OF[x])) {
    await insertMeasure(tx, { id: uuidv7(), kind: MEASURE_OF[k], case_id: c.id, inspection_id: c.inspection_id, org_id: c.org_id, enterprise_id: c.enterprise_id, party_name: c.party_name,
      region_code: c.region_code, sector: c.sector, subtype: c.subtype, reason: c.cause, basis: input.basis, items: [], decided_at: ctx.clock().toISOString(), due_on: null, created_by: ctx.actor.id });
  }
  const doc = await issueDocumentIn(ctx, tx, { kind: 'penalty_decision', caseId: c.id });
  return { data: { decision: input, document: doc.number, serviceDue } };
});
