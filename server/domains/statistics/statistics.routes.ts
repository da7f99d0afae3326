// /api/statistics (统计分析): the catalogue of reports, a report for a period and scope with 同比/环比, and its Excel file.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { Catalogue, ReportParams, ReportQuery, ReportResult } from '../../../contracts/statistics.js';
import { sendXlsx } from '../../platform/excel/http.js';
import { reportXlsx } from './statistics.excel.js';
import { findReport, readableReports, reportInfo, runReport } from './statistics.service.js';

const tags = ['统计分析 statistics'];
const read = { permission: 'report:read' } as const;

export const statisticsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/statistics/reports', { config: read, schema: { tags, summary: '统计报表目录（按业务板块）', response: { 200: Catalogue } } },
    async (req) => ({ reports: readableReports(req.ctx).map(reportInfo) }));

  app.get('/api/statistics/reports/:key', { config: read, schema: { tags, summary: '统计报表：本期、同比、环比，按所选维度分组；每个数字附其明细列表',
    params: ReportParams, querystring: ReportQuery, response: { 200: ReportResult, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
  async (req) => runReport(req.ctx, findReport(req.ctx, req.params.key), req.query));

  app.get('/api/statistics/reports/:key.xlsx', { config: read, schema: { tags, summary: '导出统计报表（Excel）', params: ReportParams, querystring: ReportQuery } },
    async (req, reply) => {
      const r = await runReport(req.ctx, findReport(req.ctx, req.params.key), req.query);
      return sendXlsx(reply, await reportXlsx(r), `${r.report.title}-${r.period.from.replaceAll('-', '')}-${r.period.to.replaceAll('-', '')}.xlsx`);
    });
};
