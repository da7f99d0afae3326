// /api/enforcement/documents: 执法文书 — list, issue, Word and printable downloads, 送达.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { DOCUMENT_KINDS, DocumentIssue, DocumentQuery, EnfDocument, EnfDocumentDetail, ServiceInput, ServiceRecord } from '../../../../contracts/enforcement.js';
import type { Ctx } from '../../../platform/context.js';
import { renderDocx } from '../../../platform/docx/docx.js';
import { renderHtml } from '../../../platform/docx/html.js';
import { plainText } from '../../../platform/docx/model.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { presentDocuments, presentService } from './documents.present.js';
import { issueDocument, MANUAL_KINDS, modelOf, serveDocument } from './documents.service.js';
import { findDocument, listDocuments, servicesOf } from './documents.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const documentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (req: { ctx: Ctx }, id: string) => {
    const d = await findDocument(req.ctx.db, req.ctx.actor.scope, id);
    if (!d) throw notFound('执法文书', 'Document');
    return d;
  };
  const fileName = (d: { title: string; number: string | null }) => encodeURIComponent(`${d.title}${d.number ?? ''}`.replace(/[\\/:*?"<>|]/g, '_'));

  app.get('/api/enforcement/document-kinds', { config: read, schema: { tags, summary: '执法文书种类及文号代字',
    response: { 200: Type.Array(Type.Object({ kind: Type.String(), title: Type.String(), abbr: Type.Union([Type.String(), Type.Null()]), manual: Type.Boolean() })) } } },
  async () => Object.entries(DOCUMENT_KINDS).map(([kind, d]) => ({ kind, title: d.title, abbr: d.abbr, manual: MANUAL_KINDS.includes(kind as never) })));

  app.get('/api/enforcement/documents', { config: read, schema: { tags, summary: '执法文书台账', querystring: DocumentQuery, response: { 200: Page(EnfDocument) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDocuments(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: await presentDocuments(req.ctx.db, items), total, page, pageSize };
  });

  app.get('/api/enforcement/documents/:id', { config: read, schema: { tags, summary: '文书详情（填写内容、送达记录）', params: IdParams, response: { 200: EnfDocumentDetail, 404: ErrorBody } } }, async (req) => {
    const d = await load(req, req.params.id);
    const [p] = await presentDocuments(req.ctx.db, [d]);
    return { ...p, fields: d.fields, text: plainText(modelOf(d)) };
  });

  app.post('/api/enforcement/documents', { config: write, schema: { tags, summary: '开具文书（责令限期整改指令书、整改复查意见书、调查询问笔录、听证笔录、罚款缴纳催告书）', body: DocumentIssue, response: { 200: EnfDocument, 400: ErrorBody } } },
    async (req) => {
      const { kind, inspectionId, caseId, measureId, transferId, ...extra } = req.body;
      const d = await issueDocument(req.ctx, { kind, inspectionId, caseId, measureId, transferId, extra });
      return (await presentDocuments(req.ctx.db, [d]))[0];
    });

  app.get('/api/enforcement/documents/:id/docx', { config: read, schema: { tags, summary: '下载 Word 文书（.docx）', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
    const d = await load(req, req.params.id);
    const buf = await renderDocx(modelOf(d));
    reply.header('content-type', DOCX).header('content-disposition', `attachment; filename*=UTF-8''${fileName(d)}.docx`);
    return reply.send(buf);
  });

  app.get('/api/enforcement/documents/:id/html', { config: read, schema: { tags, summary: '可打印的文书页面', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
    const d = await load(req, req.params.id);
    return reply.type('text/html; charset=utf-8').send(renderHtml(modelOf(d)));
  });

  app.post('/api/enforcement/documents/:id/service', { config: write, schema: { tags, summary: '登记送达（自动制作送达回执）', params: IdParams, body: ServiceInput, response: { 200: ServiceRecord, 400: ErrorBody } } },
    async (req) => {
      const r = await serveDocument(req.ctx, req.params.id, req.body);
      const [s] = (await servicesOf(req.ctx.db, [req.params.id])).filter((x) => x.id === r.id);
      return presentService(s);
    });
};
