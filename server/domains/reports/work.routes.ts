// /api/reports/work: the generated work report (工作报告) as data for the web view and as a Word file. Registered by
// one line in server/app.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { WorkReport, WorkReportQuery } from '../../../contracts/work-report.js';
import { attachmentHeader } from '../../platform/excel/http.js';
import { workReport, workReportFile } from './work.service.js';

const tags = ['工作报告'];
const read = { permission: 'report:read' } as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const workReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/reports/work', { config: read, schema: { tags, summary: '生成工作报告（按统计期间和区域，每个数字可追溯到其列表）', querystring: WorkReportQuery,
    response: { 200: WorkReport, 400: ErrorBody, 403: ErrorBody } } }, async (req) => workReport(req.ctx, req.query));
  app.get('/api/reports/work.docx', { config: read, schema: { tags, summary: '下载工作报告（Word，附指标查询条件表）', querystring: WorkReportQuery,
    response: { 200: Type.Any(), 400: ErrorBody, 403: ErrorBody } } }, async (req, reply) => {
    const { title, file } = await workReportFile(req.ctx, req.query);
    return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`${title}.docx`)).send(file);
  });
};
