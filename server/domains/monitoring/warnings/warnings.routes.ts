// /api/monitoring/warnings: 预警信息 — draft, issue, cancel, CAP 1.2 import and export, who confirmed (叫应).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, Timestamp } from '../../../../contracts/common.js';
import { CapImport, CapPreview, ResendResult, Warning, WarningCreate, WarningDetail, WarningQuery, WarningUpdate } from '../../../../contracts/monitoring.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { presentRecipient, presentWarning } from '../monitoring.present.js';
import { listRecipients } from './recipients.store.js';
import { createWarning, exportCap, importCap, previewCap } from './warnings.create.js';
import { cancelWarning, confirmWarning, editWarning, issueWarning, resendWarning, viewerRegion } from './warnings.service.js';
import { findWarning, listWarnings } from './warnings.store.js';

const tags = ['监测预警 monitoring'];
const read = { permission: 'monitoring:read' } as const;
const write = { permission: 'monitoring:write' } as const;
const XML_TYPES = ['application/xml', 'text/xml', 'application/cap+xml'];

export const warningsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // CAP arrives as XML text too (the plugin's own parser: other routes are untouched).
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, { xml: body }));

  app.get('/api/monitoring/warnings', { config: read, schema: { tags, summary: '预警信息列表', querystring: WarningQuery, response: { 200: Page(Warning) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listWarnings(req.ctx.db, req.ctx.actor.scope, await viewerRegion(req.ctx), req.query, req.ctx.clock(), page, pageSize);
    return { items: items.map(presentWarning), total, page, pageSize };
  });

  app.get('/api/monitoring/warnings/:id', { config: read, schema: { tags, summary: '预警详情及叫应情况（谁已确认、谁未确认）', params: IdParams, response: { 200: WarningDetail, 404: ErrorBody } } }, async (req) => {
    const w = await findWarning(req.ctx.db, req.ctx.actor.scope, await viewerRegion(req.ctx), req.params.id);
    if (!w) throw notFound('预警', 'Warning');
    return { ...presentWarning(w), recipientList: (await listRecipients(req.ctx.db, w.id)).map(presentRecipient) };
  });

  app.post('/api/monitoring/warnings', { config: write, schema: { tags, summary: '起草预警（颜色等级、区域、有效期、防御指南）', body: WarningCreate, response: { 200: Warning, 400: ErrorBody, 403: ErrorBody } } },
    async (req) => presentWarning(await createWarning(req.ctx, req.body)));
  app.patch('/api/monitoring/warnings/:id', { config: write, schema: { tags, summary: '修改预警草稿', params: IdParams, body: WarningUpdate, response: { 200: Warning, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => presentWarning(await editWarning(req.ctx, req.params.id, req.body)));
  app.post('/api/monitoring/warnings/:id/issue', { config: write, schema: { tags, summary: '发布预警并逐一叫应覆盖区域的责任人', params: IdParams, response: { 200: Warning, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => presentWarning(await issueWarning(req.ctx, req.params.id)));
  app.post('/api/monitoring/warnings/:id/cancel', { config: write, schema: { tags, summary: '解除预警', params: IdParams, response: { 200: Warning, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => presentWarning(await cancelWarning(req.ctx, req.params.id)));

  app.post('/api/monitoring/warnings/import', {
    config: write, schema: { tags, summary: '导入 CAP 1.2 预警（JSON {xml} 或 XML 正文；?issue=true 导入后立即发布）', consumes: ['application/json', ...XML_TYPES],
      querystring: Type.Object({ issue: Type.Optional(Type.Boolean()) }), body: CapImport, response: { 200: Warning, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => presentWarning(await importCap(req.ctx, req.body.xml, !!req.query.issue)));

  app.post('/api/monitoring/warnings/import/preview', {
    config: write, schema: { tags, summary: '预览 CAP 1.2 预警（解析并检查，不保存）', consumes: ['application/json', ...XML_TYPES], body: CapImport,
      response: { 200: CapPreview, 400: ErrorBody } },
  }, async (req) => previewCap(req.ctx, req.body.xml));
  app.post('/api/monitoring/warnings/:id/resend', { config: write, schema: { tags, summary: '再次叫应：立即向尚未确认的接收人重发预警（短信、站内信）', params: IdParams,
    response: { 200: ResendResult, 404: ErrorBody, 409: ErrorBody } } }, async (req) => resendWarning(req.ctx, req.params.id));
  app.get('/api/monitoring/warnings/:id/cap', { config: read, schema: { tags, summary: '导出 CAP 1.2 XML', params: IdParams, produces: ['application/cap+xml'], response: { 200: Type.String({ description: 'CAP 1.2 XML' }), 404: ErrorBody, 409: ErrorBody } } },
    async (req, reply) => reply.type('application/cap+xml; charset=utf-8').header('content-disposition', `attachment; filename="warning-${req.params.id}.xml"`)
      .send(await exportCap(req.ctx, req.params.id)));

  // Any logged-in recipient confirms, whatever their permissions (a village 灾害信息员 has no monitoring rights).
  app.post('/api/monitoring/warnings/:id/confirm', { schema: { tags, summary: '确认收到预警（叫应）', params: IdParams, response: { 200: Type.Object({ confirmedAt: Timestamp }), 404: ErrorBody } } },
    async (req) => confirmWarning(req.ctx, req.params.id));
};
