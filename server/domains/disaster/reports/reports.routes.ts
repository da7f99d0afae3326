// /api/disaster/events and /api/disaster/reports: events, 初报/续报/核报, review up the tree, the summary (table and Word).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import {
  DisasterEvent, DisasterEventInput, EventAreasInput, DisasterEventQuery, DisasterReport, DisasterReportDetail, EventSummary, ReportInput, ReportQuery, ReturnInput, ReviewInput,
} from '../../../../contracts/disaster.js';
import type { Platform } from '../../../platform/context.js';
import { paging } from '../../../platform/http/types.js';
import { actorLevel } from '../common.js';
import { summaryDocx } from './reports.docx.js';
import {
  addEventAreas, createEvent, eventDetail, eventList, eventSummary, presentReport, reportDetail, resubmitReport, reviewReport, scheduleDisasterScan, stabiliseEvent, submitReport,
} from './reports.service.js';
import { listReports } from './reports.store.js';

const tags = ['灾情报送 disaster reports'];
const read = { permission: 'disaster:read' } as const;
const write = { permission: 'disaster:write' } as const;
const E = '/api/disaster/events';
const R = '/api/disaster/reports';

/** 待我审核: what sits at the caller's step of the chain. */
const todo = (level: ReturnType<typeof actorLevel>) => (level === 'town' ? { statuses: ['submitted'], levels: ['village'] }
  : level === 'county' ? { statuses: ['town_approved', 'submitted'], levels: ['village', 'town'] } : { statuses: ['__none__'] });

export const reportsRoutes = (p: Platform): FastifyPluginAsyncTypebox => async (app) => {
  scheduleDisasterScan(p);
  app.get(E, { config: read, schema: { tags, summary: '灾害事件', querystring: DisasterEventQuery, response: { 200: Page(DisasterEvent) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    return eventList(req.ctx, req.query, page, pageSize);
  });
  app.post(E, { config: write, schema: { tags, summary: '登记灾害事件', body: DisasterEventInput, response: { 200: DisasterEvent, 400: ErrorBody, 403: ErrorBody } } },
    async (req) => createEvent(req.ctx, req.body));
  app.get(`${E}/:id`, { config: read, schema: { tags, summary: '灾害事件', params: IdParams, response: { 200: DisasterEvent, 404: ErrorBody } } },
    async (req) => eventDetail(req.ctx, req.params.id));
  app.post(`${E}/:id/areas`, { config: write, schema: { tags, summary: '补充受灾区域（乡镇或村）', params: IdParams, body: EventAreasInput,
    response: { 200: DisasterEvent, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => addEventAreas(req.ctx, req.params.id, req.body.areas));
  app.post(`${E}/:id/stable`, { config: write, schema: { tags, summary: '确认灾情稳定（停止续报，开始核报计时）', params: IdParams, response: { 200: DisasterEvent, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => stabiliseEvent(req.ctx, req.params.id));
  app.get(`${E}/:id/summary`, { config: read, schema: { tags, summary: '灾情汇总（按乡镇，不重复计算）与报送时限', params: IdParams, response: { 200: EventSummary, 404: ErrorBody } } },
    async (req) => eventSummary(req.ctx, req.params.id));
  app.get(`${E}/:id/summary.docx`, { config: read, schema: { tags, summary: '灾情汇总表（Word）', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } },
    async (req, reply) => {
      const s = await eventSummary(req.ctx, req.params.id);
      const buf = await summaryDocx(s);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${s.event.name}灾情汇总.docx`)}`).send(buf);
    });
  app.get(R, { config: read, schema: { tags, summary: '灾情报告', querystring: ReportQuery, response: { 200: Page(DisasterReport) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const f = req.query.todo ? { ...req.query, ...todo(actorLevel(req.ctx.actor.scope)) } : req.query;
    const { items, total } = await listReports(req.ctx.db, req.ctx.actor.scope, f, page, pageSize);
    return { items: items.map(presentReport), total, page, pageSize };
  });
  app.post(R, { config: write, schema: { tags, summary: '报送灾情（初报、续报、核报）', body: ReportInput, response: { 200: DisasterReportDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => submitReport(req.ctx, req.body));
  app.get(`${R}/:id`, { config: read, schema: { tags, summary: '灾情报告详情与审核记录', params: IdParams, response: { 200: DisasterReportDetail, 404: ErrorBody } } },
    async (req) => reportDetail(req.ctx, req.params.id));
  app.put(`${R}/:id`, { config: write, schema: { tags, summary: '修改并重新报送（退回后）', params: IdParams, body: Type.Omit(ReportInput, ['eventId', 'regionCode']),
    response: { 200: DisasterReportDetail, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => resubmitReport(req.ctx, req.params.id, req.body));
  app.post(`${R}/:id/approve`, { config: write, schema: { tags, summary: '审核通过（乡镇→县级）', params: IdParams, body: ReviewInput, response: { 200: DisasterReportDetail, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => reviewReport(req.ctx, req.params.id, 'approve', req.body.note));
  app.post(`${R}/:id/return`, { config: write, schema: { tags, summary: '退回修改', params: IdParams, body: ReturnInput, response: { 200: DisasterReportDetail, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => reviewReport(req.ctx, req.params.id, 'return', req.body.note));
};
