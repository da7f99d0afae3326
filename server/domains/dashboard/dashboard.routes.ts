// /api/dashboard: 综合态势 — the situation in the caller's scope as traceable figures.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { Dashboard, DashboardQuery } from '../../../contracts/dashboard.js';
import { buildDashboard } from './dashboard.service.js';

const tags = ['综合态势 dashboard'];

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/dashboard', { config: { permission: 'dashboard:read' }, schema: { tags, summary: '态势总览：各业务线关键指标（每个数字附带生成它的列表）',
    querystring: DashboardQuery, response: { 200: Dashboard, 400: ErrorBody, 403: ErrorBody } } }, async (req) => buildDashboard(req.ctx, req.query));
};
