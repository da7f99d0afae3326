// /api/enforcement/inspections: 现场检查 — open, record on site (findings → hazards), complete with signature, cancel.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { CancelBody, EnfDocument, Inspection, InspectionComplete, InspectionCreate, InspectionQuery, InspectionRecord } from '../../../../contracts/enforcement.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { documentsFor } from '../documents/documents.directory.js';
import { presentInspection } from './inspections.present.js';
import { createInspection, moveInspection, recordOnSite } from './inspections.service.js';
import { findingsOf, findInspection, listInspections } from './inspections.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

const Detail = Type.Composite([Inspection, Type.Object({
  results: Type.Array(Type.Object({ code: Type.String(), text: Type.String(), ok: Type.Boolean(), note: Type.Optional(Type.String()), photos: Type.Optional(Type.Array(Type.String())) })),
  findings: Type.Array(Type.Object({ id: Type.String(), hazardId: Type.String(), hazardNumber: Type.String(), itemCode: Type.Union([Type.String(), Type.Null()]), title: Type.String(), level: Type.String() })),
  documents: Type.Array(EnfDocument),
})]);

async function detail(ctx: Ctx, id: string) {
  const i = await findInspection(ctx.db, ctx.actor.scope, id);
  if (!i) throw notFound('检查记录', 'Inspection');
  const findings = await findingsOf(ctx.db, id);
  return { ...presentInspection(i), results: i.results, documents: await documentsFor(ctx.db, ctx.actor.scope, { inspectionId: id }),
    findings: findings.map((f) => ({ id: f.id, hazardId: f.hazard_id, hazardNumber: f.hazard_number, itemCode: f.item_code, title: f.title, level: f.level })) };
}

export const inspectionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enforcement/inspections', { config: read, schema: { tags, summary: '执法检查记录', querystring: InspectionQuery, response: { 200: Page(Inspection) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listInspections(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentInspection), total, page, pageSize };
  });

  app.get('/api/enforcement/inspections/:id', { config: read, schema: { tags, summary: '检查详情（检查表结果、发现的隐患、文书）', params: IdParams, response: { 200: Detail, 404: ErrorBody } } },
    async (req) => detail(req.ctx, req.params.id));

  app.post('/api/enforcement/inspections', { config: write, schema: { tags, summary: '新建执法检查（至少两名持证执法人员）', body: InspectionCreate, response: { 200: Detail, 400: ErrorBody } } },
    async (req) => detail(req.ctx, await createInspection(req.ctx, req.body)));

  app.post('/api/enforcement/inspections/:id/start', { config: write, schema: { tags, summary: '开始现场检查', params: IdParams, response: { 200: Detail, 409: ErrorBody } } }, async (req) => {
    await moveInspection(req.ctx, req.params.id, 'start', {});
    return detail(req.ctx, req.params.id);
  });

  app.post('/api/enforcement/inspections/:id/record', { config: write, schema: { tags, summary: '现场记录：检查表结果、发现的问题（一步转为隐患）、照片', params: IdParams, body: InspectionRecord, response: { 200: Detail, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => { await recordOnSite(req.ctx, req.params.id, req.body); return detail(req.ctx, req.params.id); });

  app.post('/api/enforcement/inspections/:id/complete', { config: write, schema: { tags, summary: '完成检查（被检查单位签名或拒签说明），生成现场检查记录', params: IdParams, body: InspectionComplete, response: { 200: Detail, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => { await moveInspection(req.ctx, req.params.id, 'complete', req.body); return detail(req.ctx, req.params.id); });

  app.post('/api/enforcement/inspections/:id/cancel', { config: write, schema: { tags, summary: '取消检查（须说明理由）', params: IdParams, body: CancelBody, response: { 200: Detail, 409: ErrorBody } } },
    async (req) => { await moveInspection(req.ctx, req.params.id, 'cancel', { reason: req.body.reason }); return detail(req.ctx, req.params.id); });
};
