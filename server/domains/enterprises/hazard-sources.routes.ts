// 重大危险源 of an enterprise (/api/enterprises/:id/major-hazard-sources, /api/major-hazard-sources/:id), the
// GB 18218 preview calculator, and the chemicals catalogue (/api/chemicals).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok } from '../../../contracts/common.js';
import { Chemical, ChemicalQuery, HazardEvaluateInput, HazardEvaluation, HazardSource, HazardSourceInput, HazardSourceUpdate } from '../../../contracts/enterprises.js';
import { addSource, editSource, evaluate, removeSource, sourcesOf } from './hazard-sources.service.js';
import { listChemicals } from './hazard-sources.store.js';

const tags = ['企业档案 enterprises'];
const read = { permission: 'enterprise:read' } as const;
const who = '企业用户可维护本企业；其他账号需 enterprise:write';

export const hazardSourcesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enterprises/:id/major-hazard-sources', { config: read, schema: { tags, summary: '企业的重大危险源（含辨识分级及计算过程）', params: IdParams, response: { 200: Type.Array(HazardSource), 404: ErrorBody } } },
    async (req) => sourcesOf(req.ctx, req.params.id));

  app.post('/api/enterprises/:id/major-hazard-sources', { config: read, schema: { tags, summary: `新增重大危险源（${who}）`, params: IdParams, body: HazardSourceInput, response: { 200: HazardSource, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => addSource(req.ctx, req.params.id, req.body));

  app.patch('/api/major-hazard-sources/:id', { config: read, schema: { tags, summary: `修改重大危险源（${who}）`, params: IdParams, body: HazardSourceUpdate, response: { 200: HazardSource, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => editSource(req.ctx, req.params.id, req.body));

  app.delete('/api/major-hazard-sources/:id', { config: read, schema: { tags, summary: `删除重大危险源（${who}）`, params: IdParams, response: { 200: Ok, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => removeSource(req.ctx, req.params.id));

  app.post('/api/major-hazard-sources/evaluate', { config: read, schema: { tags, summary: '重大危险源辨识与分级试算（GB 18218-2018，不保存）', body: HazardEvaluateInput, response: { 200: HazardEvaluation, 400: ErrorBody } } },
    async (req) => evaluate(req.ctx, req.body));

  app.get('/api/chemicals', { config: read, schema: { tags, summary: '危险化学品目录（临界量 Q、校正系数 β）', querystring: ChemicalQuery, response: { 200: Type.Array(Chemical) } } },
    async (req) => (await listChemicals(req.ctx.db, req.query)).map((c) => ({ code: c.code, name: c.name, cas: c.cas, kind: c.kind,
      criticalQuantity: c.critical_quantity_t, beta: c.beta, category: c.category, source: c.source })));
};
