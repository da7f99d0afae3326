// Fill a document's fields from the records it is about (inspection, case, measure, transfer): nothing typed twice.
import { CASE_SOURCES, INSPECTION_ORIGINS, MEASURE_KINDS, PENALTY_KINDS, type DocumentKind } from '../../../../contracts/enforcement.js';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { caseOf, type CaseRow, measureOf, type Penalty, transferOf } from '../cases/cases.directory.js';
import { deadlinesOf } from '../common/deadlines.js';
import { cnDate, dayOf, today, yuan } from '../common/util.js';
import { caseCitations, citesAsOf, printedCite, type Cite } from '../../law/directory.js';
import { actDay, failedEntries } from '../inspections/cited.js';
import { findingsOfInspection, inspectionOf } from '../inspections/inspections.directory.js';
import { latestOfKind, listDocuments } from './documents.store.js';
import type { DocFields } from './fields.js';

export interface Extra { items?: string[]; deadline?: string; opinion?: string; passed?: boolean; person?: string; place?: string; content?: string; note?: string; [k: string]: unknown }
export interface IssueRequest { kind: DocumentKind; inspectionId?: string; caseId?: string; measureId?: string; transferId?: string; extra?: Extra }
/** Where a document belongs (its scope columns) and what it prints. */
export interface Filled { refs?: { caseId?: string | null; inspectionId?: string | null }; regionCode: string; enterpriseId: string | null; orgId: string | null; sector: string | null; partyName: string; fields: Omit<DocFields, 'agency' | 'issuedOn'> }

const SUBJECT: Record<DocumentKind, 'inspection' | 'case' | 'measure' | 'transfer' | 'service'> = {
  inspection_record: 'inspection', rectify_order: 'inspection', review_opinion: 'inspection', onsite_measure: 'measure', seal_decision: 'measure', seize_decision: 'measure',
  cut_decision: 'measure', seal_disposal: 'measure', crime_transfer: 'transfer', service_receipt: 'service', filing_approval: 'case', inquiry_record: 'case',
  penalty_notice: 'case', statement_record: 'case', hearing_notice: 'case', hearing_record: 'case', penalty_decision: 'case', payment_reminder: 'case',
  enforcement_reminder: 'case', enforcement_application: 'case', closing_report: 'case',
};
const dt = (d: Date | string | null) => (d ? `${cnDate(dayOf(d))} ${new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(11, 16)}` : '');

/** 罚款 40000.00 元、责令停产停业 30 日 … */
export function penaltyText(p: Penalty | null): string {
  if (!p || !p.kinds.length) return '不予行政处罚';
  return p.kinds.map((k) => k === 'fine' ? `罚款 ${yuan(p.fine ?? 0)}` : k === 'confiscation' ? `没收违法所得 ${yuan(p.confiscation ?? 0)}`
    : k === 'suspension' && p.suspensionDays ? `责令停产停业 ${p.suspensionDays} 日` : PENALTY_KINDS[k as keyof typeof PENALTY_KINDS] ?? k).join('、');
}

const caseParty = (c: CaseRow) => ({ name: c.party_name, address: c.party_address, creditCode: c.party_credit_code, legalRep: c.party_legal_rep });

async function fromCase(ctx: Ctx, db: Queryable, kind: DocumentKind, id: string | undefined, x: Extra): Promise<Filled> {
  const c = id ? await caseOf(db, ctx.actor.scope, id) : undefined;
  if (!c) throw notFound('案件', 'Case');
  const due = new Map((await deadlinesOf(db, 'case', [c.id])).map((d) => [d.kind, d.due_on]));
  const decision = await latestOfKind(db, c.id, 'penalty_decision');
  const surcharge = Number(x.surcharge ?? 0);
  const f: Record<string, unknown> = {
    caseNumber: c.number ?? '（待立案）', cause: c.cause, source: CASE_SOURCES[c.source as keyof typeof CASE_SOURCES] ?? c.source, facts: c.decision?.facts ?? c.proposal?.facts ?? c.facts ?? '',
    opinion: x.opinion ?? c.filing_opinion ?? '', person: x.person ?? c.party_name, place: x.place ?? '', content: x.content ?? '', note: x.note ?? c.closing_note ?? '',
    basis: (kind === 'penalty_notice' ? c.proposal?.basis : c.decision?.basis ?? c.proposal?.basis) ?? '',
    penaltyText: penaltyText(kind === 'penalty_notice' ? c.proposal : c.decision ?? c.proposal), hearingEligible: !!c.hearing_eligible,
    statementDue: cnDate(due.get('statement')), hearingDue: cnDate(due.get('hearing_request')), hearingOnText: cnDate(c.hearing_on), notifiedOn: cnDate(c.notified_at ? dayOf(c.notified_at) : null),
    fine: c.fine, fineText: yuan(c.fine), surchargeText: yuan(surcharge), decidedOn: cnDate(c.decided_at ? dayOf(c.decided_at) : null), decisionNumber: decision?.number ?? '',
    paymentDue: cnDate(c.payment_due), servedOn: cnDate(c.served_at ? dayOf(c.served_at) : null), remindedOn: cnDate(c.reminded_at ? dayOf(c.reminded_at) : null),
    filedOn: cnDate(c.filed_at ? dayOf(c.filed_at) : null), court: x.court ?? '', execution: x.execution ?? '',
  };
  if (['penalty_notice', 'penalty_decision'].includes(kind)) {
    // The articles of the case's penalty proposal as of the act's day (立案, else the request): the text then in force.
    const day = dayOf(c.filed_at ?? c.requested_at);
    const cites = await caseCitations(db, c.id, day);
    Object.assign(f, { citedOn: cnDate(day), citations: cites.map((a) => `${a.role === 'violated' ? '违法依据' : '处罚依据'}：${printedCite(a)}`) });
  }
  if (['inquiry_record', 'statement_record', 'hearing_record'].includes(kind) && !x.content) throw badRequest('请填写笔录内容', 'content is required');
  return { regionCode: c.region_code, enterpriseId: c.enterprise_id, orgId: c.org_id, sector: c.sector, partyName: c.party_name, fields: { party: caseParty(c), officers: c.officers, ...f } };
}

async function fromInspection(ctx: Ctx, db: Queryable, kind: DocumentKind, id: string | undefined, x: Extra): Promise<Filled> {
  const i = id ? await inspectionOf(db, ctx.actor.scope, id) : undefined;
  if (!i) throw notFound('检查记录', 'Inspection');
  const findings = await findingsOfInspection(db, i.id);
  const f: Record<string, unknown> = { inspectionNumber: i.number, place: i.unit_address ?? i.unit_name, startedAt: dt(i.started_at), endedAt: dt(i.ended_at),
    origin: INSPECTION_ORIGINS[i.origin as keyof typeof INSPECTION_ORIGINS] ?? i.origin, results: i.results, summary: i.summary ?? '', signer: i.signer_name ?? '', refusal: i.refusal_note ?? '',
    findings: findings.map((h) => `${h.title}（${h.level === 'major' ? '重大隐患' : '一般隐患'}，${h.hazard_number}）`) };
  // The articles the failed items cite, as of the inspection's day (总局令第15号 before 2026-02-01, 令18号 from then …).
  const day = actDay(ctx, i);
  const cited = new Map<string, string>();
  for (const e of await failedEntries(db, i)) {
    for (const c of await citesAsOf(db, e.cites as Cite[] | undefined, day)) cited.set(c.articleId ?? `${c.source}${c.article ?? ''}`, printedCite(c));
  }
  Object.assign(f, { citedOn: cnDate(day), citations: [...cited.values()] });
  if (kind === 'rectify_order') {
    const items = x.items?.length ? x.items : findings.map((h) => h.title);
    if (!items.length) throw badRequest('责令限期整改指令书须列明问题：本次检查没有记录发现的问题，请填写问题条目', 'items are required');
    if (!x.deadline) throw badRequest('请填写整改期限', 'deadline is required');
    if (x.deadline < today(ctx)) throw badRequest('整改期限不能早于今天', 'deadline in the past');
    Object.assign(f, { items, deadline: x.deadline, deadlineText: cnDate(x.deadline) });
  }
  if (kind === 'review_opinion') {
    if (!x.opinion) throw badRequest('请填写复查意见', 'opinion is required');
    const { items } = await listDocuments(db, { kind: 'all' }, { kind: 'rectify_order', inspectionId: i.id }, 1, 1);
    Object.assign(f, { opinion: x.opinion, passed: String(x.passed ?? true), orderNumber: items[0]?.number ?? '', orderDate: items[0] ? cnDate(dayOf(items[0].issued_at)) : '' });
  }
  return { regionCode: i.region_code, enterpriseId: i.enterprise_id, orgId: i.org_id, sector: i.sector, partyName: i.unit_name,
    fields: { party: { name: i.unit_name, address: i.unit_address, creditCode: i.unit_credit_code, legalRep: i.unit_legal_rep }, officers: i.officers, ...f } };
}

/** The fields of a document of `kind` about its subject, checked for what the form needs. */
export async function fill(ctx: Ctx, db: Queryable, r: IssueRequest): Promise<Filled> {
  const x = r.extra ?? {};
  switch (SUBJECT[r.kind]) {
    case 'inspection': return fromInspection(ctx, db, r.kind, r.inspectionId, x);
    case 'case': return fromCase(ctx, db, r.kind, r.caseId, x);
    case 'measure': {
      const m = r.measureId ? await measureOf(db, ctx.actor.scope, r.measureId) : undefined;
      if (!m) throw notFound('强制措施', 'Measure');
      const base = m.case_id ? await fromCase(ctx, db, 'closing_report', m.case_id, {}) : await fromInspection(ctx, db, 'inspection_record', m.inspection_id!, {});
      return { ...base, refs: { caseId: m.case_id, inspectionId: m.inspection_id }, fields: { ...base.fields, measureLabel: MEASURE_KINDS[m.kind as keyof typeof MEASURE_KINDS] ?? m.kind, reason: m.reason, basis: m.basis ?? '', items: m.items,
        dueText: cnDate(m.due_on), decidedOn: cnDate(dayOf(m.decided_at)), liftReason: m.lift_reason ?? '' } };
    }
    case 'transfer': {
      const t = r.transferId ? await transferOf(db, ctx.actor.scope, r.transferId) : undefined;
      if (!t) throw notFound('移送记录', 'Transfer');
      return { refs: { caseId: t.case_id }, regionCode: t.region_code, enterpriseId: t.enterprise_id, orgId: t.org_id, sector: null, partyName: t.party_name,
        fields: { party: { name: t.party_name, address: null, creditCode: null, legalRep: null }, officers: [], suspectedOffence: t.suspected_offence, facts: t.facts, team: t.team,
          policeOrg: t.police_org ?? x.place ?? '' } };
    }
    case 'service': throw badRequest('送达回执在登记送达时自动制作', 'Receipts are made when service is recorded');
  }
}
