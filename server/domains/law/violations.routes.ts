// /api/law/violations and /api/law/proposals: violation items with benchmarks, finding matching, try-out, case proposals.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import {
  CaseProposalsQuery, CaseViolation, Match, MatchQuery, Proposal, ProposalDecision, ProposalInput, ProposalQuery, ProposalResult, ViolationDetail, ViolationInput, ViolationItem, ViolationQuery,
} from '../../../contracts/law.js';
import { paging } from '../../platform/http/types.js';
import { tags, today, write } from './law.http.js';
import { violationsOfCase } from './directory.js';
import { caseProposals, createProposal, decideDeparture, proposalById, proposePenalty } from './proposals.service.js';
import { itemDetail, matchItems, saveItem, searchItems } from './violations.service.js';

const caseRead = { permission: 'enforcement:read' } as const;
const caseWrite = { permission: 'enforcement:write' } as const;

export const violationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/law/violations', { schema: { tags, summary: '违法行为及裁量基准列表', querystring: ViolationQuery, response: { 200: Page(ViolationItem) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    return { ...(await searchItems(req.ctx.db, req.query, page, pageSize)), page, pageSize };
  });
  app.get('/api/law/violations/match', { schema: { tags, summary: '按检查发现的问题描述匹配违法行为', querystring: MatchQuery, response: { 200: Type.Object({ items: Type.Array(Match) }) } } },
    async (req) => ({ items: await matchItems(req.ctx.db, req.query.text, req.query.limit) }));
  app.get('/api/law/violations/:id', { schema: { tags, summary: '违法行为详情：违法依据、处罚依据、裁量基准', params: IdParams, response: { 200: ViolationDetail, 404: ErrorBody } } },
    async (req) => itemDetail(req.ctx.db, req.params.id));
  app.post('/api/law/violations', { config: write, schema: { tags, summary: '新增违法行为及裁量基准', body: ViolationInput, response: { 200: ViolationDetail, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => itemDetail(req.ctx.db, await saveItem(req.ctx, undefined, req.body)));
  app.put('/api/law/violations/:id', { config: write, schema: { tags, summary: '修改违法行为及裁量基准', params: IdParams, body: ViolationInput,
    response: { 200: ViolationDetail, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => itemDetail(req.ctx.db, await saveItem(req.ctx, req.params.id, req.body)));

  app.post('/api/law/proposals/try', { schema: { tags, summary: '试算：按情节得出裁量档次、幅度及当日施行的条文（不保存）', body: ProposalQuery,
    response: { 200: ProposalResult, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
    const { bandRow: _, ...r } = await proposePenalty(req.ctx.db, { ...req.body, on: req.body.on ?? today(req.ctx) });
    return r;
  });
  app.get('/api/law/proposals', { config: caseRead, schema: { tags, summary: '案件的处罚裁量记录，及立案时拟认定的违法行为', querystring: CaseProposalsQuery,
    response: { 200: Type.Object({ items: Type.Array(Proposal), violations: Type.Array(CaseViolation) }), 404: ErrorBody } } },
  async (req) => ({ items: await caseProposals(req.ctx, req.query.caseId), violations: await violationsOfCase(req.ctx.db, req.query.caseId) }));
  app.post('/api/law/proposals', { config: caseWrite, schema: { tags, summary: '为案件提出处罚裁量（偏离基准须写明理由并待审批）', body: ProposalInput,
    response: { 200: Proposal, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => proposalById(req.ctx, await createProposal(req.ctx, req.body)));
  app.post('/api/law/proposals/:id/approve', { config: caseWrite, schema: { tags, summary: '批准偏离裁量基准（须为提出人以外的人员）', params: IdParams, body: ProposalDecision,
    response: { 200: Proposal, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
    await decideDeparture(req.ctx, req.params.id, true, req.body.note);
    return proposalById(req.ctx, req.params.id);
  });
  app.post('/api/law/proposals/:id/reject', { config: caseWrite, schema: { tags, summary: '不批准偏离裁量基准', params: IdParams, body: ProposalDecision,
    response: { 200: Proposal, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
    await decideDeparture(req.ctx, req.params.id, false, req.body.note);
    return proposalById(req.ctx, req.params.id);
  });
};
