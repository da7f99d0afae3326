// /api/enforcement/cases: 案件 from 立案 to 结案 — every stage move, its deadlines and its documents.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import {
  ApplyInput, Case, CaseCreate, CaseDetail, CaseQuery, CloseInput, DecideInput, EvidenceInput, HearingHeld, HearingRequest, NotifyInput, Opinion, PayInput, ServiceInput, StatementInput,
} from '../../../../contracts/enforcement.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { deadlinesOf, presentDeadline } from '../common/deadlines.js';
import { caseEvents } from '../common/trail.js';
import { iso, money, today } from '../common/util.js';
import { documentsFor } from '../documents/documents.directory.js';
import { caseLimits } from './case.rules.js';
import { applyEnforcement, closeCase, payFine, remindParty, serveDecision, surchargeOn } from './cases.execution.js';
import { presentCase, presentMeasure, presentTransfer } from './cases.present.js';
import { addEvidence, approveCase, decideCase, fileCase, holdHearing, notifyParty, recordStatement, rejectCase, requestHearing } from './cases.service.js';
import { findCase, listCases } from './cases.store.js';
import { listMeasures, listTransfers } from './measures.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

/** A case with its trail, deadlines, documents, measures, transfers and what is owed today. */
export async function caseDetail(ctx: Ctx, id: string) {
  const c = await findCase(ctx.db, ctx.actor.scope, id);
  if (!c) throw notFound('案件', 'Case');
  const day = today(ctx);
  const [deadlines, events, docs, measures, transfers, rules] = await Promise.all([deadlinesOf(ctx.db, 'case', [id]), caseEvents(ctx.db, id),
    documentsFor(ctx.db, ctx.actor.scope, { caseId: id }), listMeasures(ctx.db, ctx.actor.scope, { caseId: id }, 1, 200),
    listTransfers(ctx.db, ctx.actor.scope, { caseId: id }, 1, 50), caseLimits(ctx.db, c, ctx.clock())]);
  const tDeadlines = await deadlinesOf(ctx.db, 'transfer', transfers.items.map((t) => t.id));
  const surcharge = c.paid_at ? Number(c.surcharge_paid ?? 0) : surchargeOn(c, day, rules.value.surchargePercentPerDay);
  return { ...presentCase(c, deadlines, day), proposal: c.proposal, deadlines: deadlines.map((d) => presentDeadline(d, day)),
    events: events.map((e) => ({ id: e.id, at: iso(e.at)!, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, comment: e.comment, files: e.files, data: e.data })),
    documents: docs, measures: measures.items.map(presentMeasure), transfers: transfers.items.map((t) => presentTransfer(t, tDeadlines, day)),
    surchargeToday: surcharge, amountDueToday: c.paid_at ? 0 : money(c.fine + surcharge) };
}

export const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const r = { params: IdParams, response: { 200: CaseDetail, 400: ErrorBody, 409: ErrorBody } };
  const post = <B extends TSchema>(path: string, summary: string, body: B, run: (ctx: Ctx, id: string, b: Static<B>) => Promise<unknown>) =>
    app.post(`/api/enforcement/cases/:id/${path}`, { config: write, schema: { tags, summary, ...r, body } }, async (req) => {
      await run(req.ctx, (req.params as { id: string }).id, req.body as never);
      return caseDetail(req.ctx, (req.params as { id: string }).id);
    });

  app.get('/api/enforcement/cases', { config: read, schema: { tags, summary: '案件台账', querystring: CaseQuery, response: { 200: Page(Case) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listCases(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    const deadlines = await deadlinesOf(req.ctx.db, 'case', items.map((c) => c.id));
    return { items: items.map((c) => presentCase(c, deadlines.filter((d) => d.subject_id === c.id), today(req.ctx))), total, page, pageSize };
  });

  app.get('/api/enforcement/cases/:id', { config: read, schema: { tags, summary: '案件详情：环节、时限、文书、措施、移送', params: IdParams, response: { 200: CaseDetail, 404: ErrorBody } } },
    async (req) => caseDetail(req.ctx, req.params.id));

  app.post('/api/enforcement/cases', { config: write, schema: { tags, summary: '立案审批（申请立案）', body: CaseCreate, response: { 200: CaseDetail, 400: ErrorBody } } },
    async (req) => caseDetail(req.ctx, await fileCase(req.ctx, req.body)));

  post('approve', '批准立案（生成案号，起算 90 日办案期限）', Opinion, (ctx, id, b) => approveCase(ctx, id, b.opinion));
  post('reject', '不予立案', Opinion, (ctx, id, b) => rejectCase(ctx, id, b.opinion));
  post('evidence', '调查取证（询问笔录、照片、书证等）', EvidenceInput, (ctx, id, b) => addEvidence(ctx, id, b));
  post('notify', '告知拟处罚及陈述申辩、听证权利', NotifyInput, (ctx, id, b) => notifyParty(ctx, id, b));
  post('statement', '记录陈述申辩', StatementInput, (ctx, id, b) => recordStatement(ctx, id, b.content, b.files));
  post('request-hearing', '当事人申请听证（安排听证日期）', HearingRequest, (ctx, id, b) => requestHearing(ctx, id, b));
  post('hold-hearing', '举行听证', HearingHeld, (ctx, id, b) => holdHearing(ctx, id, b.summary, b.files));
  post('decide', '作出行政处罚决定', DecideInput, (ctx, id, b) => decideCase(ctx, id, b));
  post('serve', '送达处罚决定书（起算缴款期限）', ServiceInput, (ctx, id, b) => serveDecision(ctx, id, b));
  post('pay', '登记缴纳罚款（含加处罚款）', PayInput, (ctx, id, b) => payFine(ctx, id, b.amount, b.paidAt));
  post('remind', '催告履行（行政强制执行事先催告书）', Type.Object({}), (ctx, id) => remindParty(ctx, id));
  post('apply-enforcement', '申请人民法院强制执行', ApplyInput, (ctx, id, b) => applyEnforcement(ctx, id, b.court, b.note));
  post('close', '结案', CloseInput, (ctx, id, b) => closeCase(ctx, id, b.note));
};
