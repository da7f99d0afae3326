// /api/hazards: the hazard ledger (隐患台账), its workflow moves, extensions, statistics.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { countCap, ErrorBody, IdParams, Page, Uuid } from '../../../contracts/common.js';
import {
  AssignBody, EvidenceBody, ExtensionDecision, ExtensionRequest, Hazard, HazardCreate, HazardDetail, HazardQuery, HazardStats,
  RejectBody, StatsQuery, SuperviseBody,
} from '../../../contracts/hazards.js';
import { notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { decideExtensionRequest, requestExtension } from './extensions.service.js';
import { presentEvent, presentExtension, presentHazard } from './hazards.present.js';
import { isEnterpriseUser, moveHazard, reportHazard, superviseHazard, today } from './hazards.service.js';
import { can } from '../../platform/auth/actor.js';
import { hazardStats } from './hazards.stats.js';
import { exportHazards } from './hazards.export.js';
import { sendXlsx } from '../../platform/excel/http.js';
import { findHazard, listEvents, listExtensions, listHazards } from './hazards.store.js';
import { categoryRoutes } from './categories.js';
import { hazardCitations, noticeRoutes } from './notice.js';
import './hazards.personal.js';

const tags = ['隐患排查治理 hazards'];
const read = { permission: 'hazard:read' } as const;
/** What the ledger's answer is read from (its tallies are kept from hazards by triggers): kept in memory until one changes. */
const LEDGER_TABLES = ['hazards', 'regions', 'organizations', 'enterprises', 'hazard_categories'];
const write = { permission: 'hazard:write' } as const;

export const hazardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(categoryRoutes);
  await app.register(noticeRoutes);
  app.get('/api/hazards', { config: { ...read, cache: LEDGER_TABLES }, schema: { tags, summary: '隐患台账', querystring: HazardQuery, response: { 200: Page(Hazard) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { todo, exactTotal, page: _p, pageSize: _s, ...filter } = req.query;
    const a = req.ctx.actor;
    // Without write permission nothing waits on the caller: an empty to-do list, not everything.
    if (todo && !can(a, 'hazard:write')) return { items: [], total: 0, page, pageSize };
    const todoFor = todo ? { accountId: a.id!, enterprise: isEnterpriseUser(a) } : undefined;
    const { items, total, totalCapped } = await listHazards(req.ctx.db, a.scope, { ...filter, todoFor }, today(req.ctx), page, pageSize,
      countCap({ q: filter.q, exactTotal }));
    return { items: items.map((h) => presentHazard(h, req.ctx.actor)), total, ...(totalCapped ? { totalCapped } : {}), page, pageSize };
  });

  app.get('/api/hazards/export', { config: read, schema: { tags, summary: '导出隐患台账（Excel，按当前筛选条件）', querystring: HazardQuery, response: { 200: Type.Any(), 400: ErrorBody } } }, async (req, reply) => {
    const { todo: _todo, exactTotal: _e, page: _p, pageSize: _s, ...filter } = req.query;
    const { buffer } = await exportHazards(req.ctx.db, req.ctx.actor.scope, filter, today(req.ctx));
    return sendXlsx(reply, buffer, `隐患台账-${today(req.ctx).replaceAll('-', '')}.xlsx`);
  });

  app.get('/api/hazards/stats', { config: read, schema: { tags, summary: '隐患统计', querystring: StatsQuery, response: { 200: HazardStats } } },
    async (req) => hazardStats(req.ctx.db, req.ctx.actor.scope, req.query, req.query.by ?? 'region', today(req.ctx)));

  app.get('/api/hazards/:id', { config: read, schema: { tags, summary: '隐患详情及处理过程', params: IdParams, response: { 200: HazardDetail, 404: ErrorBody } } }, async (req) => {
    const h = await findHazard(req.ctx.db, req.ctx.actor.scope, req.params.id, today(req.ctx));
    if (!h) throw notFound('隐患', 'Hazard');
    const [events, extensions] = await Promise.all([listEvents(req.ctx.db, h.id), listExtensions(req.ctx.db, h.id)]);
    const { categoryInfo, cites } = await hazardCitations(req.ctx.db, h);
    return { ...presentHazard(h, req.ctx.actor), events: events.map(presentEvent), extensions: extensions.map((x) => presentExtension(x, req.ctx.actor)), categoryInfo, cites };
  });

  app.post('/api/hazards', { config: write, schema: { tags, summary: '上报隐患', body: HazardCreate, response: { 200: Hazard, 400: ErrorBody } } },
    async (req) => presentHazard(await reportHazard(req.ctx, req.body), req.ctx.actor));

  app.post('/api/hazards/:id/assign', { config: write, schema: { tags, summary: '交办整改（责任人、措施、资金、期限）', params: IdParams, body: AssignBody, response: { 200: Hazard, 409: ErrorBody } } },
    async (req) => presentHazard(await moveHazard(req.ctx, req.params.id, 'assign', req.body), req.ctx.actor));

  app.post('/api/hazards/:id/submit', { config: write, schema: { tags, summary: '整改完成，提交复查（须附整改后照片）', params: IdParams, body: EvidenceBody, response: { 200: Hazard, 409: ErrorBody } } },
    async (req) => presentHazard(await moveHazard(req.ctx, req.params.id, 'submit', req.body), req.ctx.actor));

  app.post('/api/hazards/:id/accept', { config: write, schema: { tags, summary: '复查通过，销号', params: IdParams, body: EvidenceBody, response: { 200: Hazard, 403: ErrorBody, 409: ErrorBody } } },
    async (req) => presentHazard(await moveHazard(req.ctx, req.params.id, 'accept', req.body), req.ctx.actor));

  app.post('/api/hazards/:id/reject', { config: write, schema: { tags, summary: '复查不通过，退回整改', params: IdParams, body: RejectBody, response: { 200: Hazard, 409: ErrorBody } } },
    async (req) => presentHazard(await moveHazard(req.ctx, req.params.id, 'reject', req.body), req.ctx.actor));

  app.post('/api/hazards/:id/supervise', { config: write, schema: { tags, summary: '重大隐患挂牌督办', params: IdParams, body: SuperviseBody, response: { 200: Hazard, 409: ErrorBody } } },
    async (req) => presentHazard(await superviseHazard(req.ctx, req.params.id, req.body), req.ctx.actor));

  app.post('/api/hazards/:id/extensions', { config: write, schema: { tags, summary: '申请延期', params: IdParams, body: ExtensionRequest, response: { 200: Type.Object({ id: Uuid }), 409: ErrorBody } } },
    async (req) => ({ id: await requestExtension(req.ctx, req.params.id, req.body) }));

  app.post('/api/hazards/:id/extensions/:extensionId/decision', {
    config: write, schema: { tags, summary: '审批延期', params: Type.Object({ id: Uuid, extensionId: Uuid }), body: ExtensionDecision, response: { 200: Hazard, 403: ErrorBody, 409: ErrorBody } },
  }, async (req) => presentHazard(await decideExtensionRequest(req.ctx, req.params.id, req.params.extensionId, req.body), req.ctx.actor));
};
