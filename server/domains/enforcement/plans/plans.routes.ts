// /api/enforcement/plans: 年度监督检查计划 and progress against them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { Plan, PlanDetail, PlanInput, PlanQuery } from '../../../../contracts/enforcement.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { approve, createPlan, editPlanItems, presentPlan, presentPlanDetail } from './plans.service.js';
import { findPlan, listPlans, planItems } from './plans.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

export const plansRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enforcement/plans', { config: read, schema: { tags, summary: '年度监督检查计划', querystring: PlanQuery, response: { 200: Page(Plan) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listPlans(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentPlan), total, page, pageSize };
  });

  app.get('/api/enforcement/plans/:id', { config: read, schema: { tags, summary: '计划详情及完成进度（按行业、按月）', params: IdParams, response: { 200: PlanDetail, 404: ErrorBody } } }, async (req) => {
    const p = await findPlan(req.ctx.db, req.ctx.actor.scope, req.params.id);
    if (!p) throw notFound('执法计划', 'Plan');
    return presentPlanDetail(p, await planItems(req.ctx.db, p.id));
  });

  app.post('/api/enforcement/plans', { config: write, schema: { tags, summary: '制定年度监督检查计划（草稿）', body: PlanInput, response: { 200: PlanDetail, 400: ErrorBody } } },
    async (req) => createPlan(req.ctx, req.body));

  app.put('/api/enforcement/plans/:id/items', { config: write, schema: { tags, summary: '修改计划条目（仅草稿）', params: IdParams, body: Type.Pick(PlanInput, ['items']), response: { 200: PlanDetail, 409: ErrorBody } } },
    async (req) => editPlanItems(req.ctx, req.params.id, req.body.items));

  app.post('/api/enforcement/plans/:id/approve', { config: write, schema: { tags, summary: '批准计划', params: IdParams, response: { 200: PlanDetail, 409: ErrorBody } } },
    async (req) => approve(req.ctx, req.params.id));
};
