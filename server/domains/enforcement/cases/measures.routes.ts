// /api/enforcement/measures (强制措施) and /api/enforcement/transfers (行刑衔接).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { LiftInput, Measure, MeasureCreate, MeasureQuery, PoliceResult, Transfer, TransferCreate, TransferDecide, TransferQuery, TransferSend } from '../../../../contracts/enforcement.js';
import type { Ctx } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { deadlinesOf } from '../common/deadlines.js';
import { today } from '../common/util.js';
import { presentMeasure, presentTransfer } from './cases.present.js';
import { createMeasure, liftMeasureNow, moveTransfer, reportTransfer } from './measures.service.js';
import { findMeasure, findTransfer, listMeasures, listTransfers } from './measures.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

async function measure(ctx: Ctx, id: string) {
  const m = await findMeasure(ctx.db, ctx.actor.scope, id);
  if (!m) throw notFound('强制措施', 'Measure');
  return presentMeasure(m);
}
async function transfer(ctx: Ctx, id: string) {
  const t = await findTransfer(ctx.db, ctx.actor.scope, id);
  if (!t) throw notFound('移送记录', 'Transfer');
  return presentTransfer(t, await deadlinesOf(ctx.db, 'transfer', [id]), today(ctx));
}

export const measuresRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enforcement/measures', { config: read, schema: { tags, summary: '强制措施台账', querystring: MeasureQuery, response: { 200: Page(Measure) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listMeasures(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentMeasure), total, page, pageSize };
  });
  app.get('/api/enforcement/measures/:id', { config: read, schema: { tags, summary: '强制措施详情', params: IdParams, response: { 200: Measure, 404: ErrorBody } } },
    async (req) => measure(req.ctx, req.params.id));
  app.post('/api/enforcement/measures', { config: write, schema: { tags, summary: '采取强制措施（停电、停供、停产停业、停工、停用、查封、扣押、关闭）', body: MeasureCreate, response: { 200: Measure, 400: ErrorBody } } },
    async (req) => measure(req.ctx, await createMeasure(req.ctx, req.body)));
  app.post('/api/enforcement/measures/:id/lift', { config: write, schema: { tags, summary: '解除强制措施', params: IdParams, body: LiftInput, response: { 200: Measure, 409: ErrorBody } } },
    async (req) => { await liftMeasureNow(req.ctx, req.params.id, req.body.reason); return measure(req.ctx, req.params.id); });

  app.get('/api/enforcement/transfers', { config: read, schema: { tags, summary: '行刑衔接移送台账', querystring: TransferQuery, response: { 200: Page(Transfer) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listTransfers(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    const deadlines = await deadlinesOf(req.ctx.db, 'transfer', items.map((t) => t.id));
    return { items: items.map((t) => presentTransfer(t, deadlines, today(req.ctx))), total, page, pageSize };
  });
  app.get('/api/enforcement/transfers/:id', { config: read, schema: { tags, summary: '移送详情', params: IdParams, response: { 200: Transfer, 404: ErrorBody } } },
    async (req) => transfer(req.ctx, req.params.id));
  app.post('/api/enforcement/transfers', { config: write, schema: { tags, summary: '专案组报告涉嫌犯罪案件（行刑衔接）', body: TransferCreate, response: { 200: Transfer, 400: ErrorBody } } },
    async (req) => transfer(req.ctx, await reportTransfer(req.ctx, req.body)));
  app.post('/api/enforcement/transfers/:id/decide', { config: write, schema: { tags, summary: '负责人决定是否移送（3日内）', params: IdParams, body: TransferDecide, response: { 200: Transfer, 409: ErrorBody } } },
    async (req) => { await moveTransfer(req.ctx, req.params.id, 'decide', req.body); return transfer(req.ctx, req.params.id); });
  app.post('/api/enforcement/transfers/:id/send', { config: write, schema: { tags, summary: '移送公安机关（批准后24小时内）', params: IdParams, body: TransferSend, response: { 200: Transfer, 409: ErrorBody } } },
    async (req) => { await moveTransfer(req.ctx, req.params.id, 'send', req.body); return transfer(req.ctx, req.params.id); });
  app.post('/api/enforcement/transfers/:id/police-result', { config: write, schema: { tags, summary: '登记公安机关立案或不予立案决定', params: IdParams, body: PoliceResult, response: { 200: Transfer, 409: ErrorBody } } },
    async (req) => { await moveTransfer(req.ctx, req.params.id, 'police', req.body); return transfer(req.ctx, req.params.id); });
};
