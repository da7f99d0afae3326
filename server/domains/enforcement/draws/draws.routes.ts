// /api/enforcement/draws (双随机), /api/enforcement/officers (执法人员名录库), /api/enforcement/avoidances (回避).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery } from '../../../../contracts/common.js';
import { Avoidance, AvoidanceInput, Draw, DrawDetail, DrawInput, OfficerInfo, PoolFilter, PoolPreview, RISK_STRATA, Redraw } from '../../../../contracts/enforcement.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { uuidv7 } from '../../../platform/ids.js';
import { enterpriseNames } from '../../enterprises/directory.js';
import { enterpriseFacts, listPoolUnits } from '../common/facts.js';
import { officerPool, requireOfficers } from '../common/officers.js';
import { iso } from '../common/util.js';
import { presentDraw, presentDrawDetail } from './draws.present.js';
import { createDraw, publishDraw, redrawDraw } from './draws.service.js';
import { drawUnits, findDraw, insertAvoidance, listAvoidances, listDraws } from './draws.store.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

export const drawsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const detail = async (db: Queryable, scope: DataScope, id: string) => {
    const d = await findDraw(db, scope, id);
    if (!d) throw notFound('抽查', 'Draw');
    return presentDrawDetail(d, await drawUnits(db, id));
  };

  app.get('/api/enforcement/officers', { config: read, schema: { tags, summary: '执法检查人员名录库（持执法证）', response: { 200: Type.Array(OfficerInfo) } } },
    async (req) => officerPool(req.ctx.db, req.ctx.actor.scope, req.ctx.clock()));

  app.get('/api/enforcement/avoidances', { config: read, schema: { tags, summary: '回避登记（利害关系）', response: { 200: Type.Array(Avoidance) } } }, async (req) => {
    const rows = await listAvoidances(req.ctx.db, req.ctx.actor.scope);
    const names = await enterpriseNames(req.ctx.db, rows.map((r) => r.enterprise_id));
    return rows.map((r) => ({ id: r.id, officerId: r.officer_id, officerName: r.officer_name, enterpriseId: r.enterprise_id, enterpriseName: names.get(r.enterprise_id) ?? '',
      reason: r.reason, createdAt: iso(r.created_at)! }));
  });

  app.post('/api/enforcement/avoidances', { config: write, schema: { tags, summary: '登记执法人员与企业的利害关系（抽取时回避）', body: AvoidanceInput, response: { 200: Avoidance, 400: ErrorBody } } }, async (req) => {
    const ctx = req.ctx;
    return ctx.db.tx(async (tx) => {
      const [officer] = await requireOfficers(tx, [req.body.officerId], 1);
      const e = await enterpriseFacts(ctx, tx, req.body.enterpriseId);
      const id = uuidv7();
      await insertAvoidance(tx, { id, officer_id: officer.id, enterprise_id: e.enterpriseId, reason: req.body.reason, region_code: e.regionCode, created_by: ctx.actor.id });
      await audit(ctx, tx, { action: 'enforcement.avoidance.create', entityType: 'enforcement_avoidance', entityId: id, regionCode: e.regionCode, after: req.body });
      return { id, officerId: officer.id, officerName: officer.name, enterpriseId: e.enterpriseId, enterpriseName: e.name, reason: req.body.reason, createdAt: ctx.clock().toISOString() };
    });
  });

  app.get('/api/enforcement/draws/pool', { config: read, schema: { tags, summary: '检查对象名录库预览（按筛选条件）', querystring: PoolFilter, response: { 200: PoolPreview } } }, async (req) => {
    const units = await listPoolUnits(req.ctx.db, req.ctx.actor.scope, req.query);
    const officers = await officerPool(req.ctx.db, req.ctx.actor.scope, req.ctx.clock());
    const byRisk = (Object.keys(RISK_STRATA) as (keyof typeof RISK_STRATA)[]).map((level) => ({ level, label: RISK_STRATA[level],
      count: units.filter((u) => (u.risk_level ?? 'none') === level).length }));
    return { total: units.length, byRisk, officers: officers.length };
  });

  app.get('/api/enforcement/draws', { config: read, schema: { tags, summary: '双随机抽查记录', querystring: PageQuery, response: { 200: Page(Draw) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDraws(req.ctx.db, req.ctx.actor.scope, page, pageSize);
    return { items: items.map(presentDraw), total, page, pageSize };
  });

  app.get('/api/enforcement/draws/:id', { config: read, schema: { tags, summary: '抽查详情：种子、名录库、回避清单、结果', params: IdParams, response: { 200: DrawDetail, 404: ErrorBody } } },
    async (req) => detail(req.ctx.db, req.ctx.actor.scope, req.params.id));

  app.post('/api/enforcement/draws', { config: write, schema: { tags, summary: '随机抽取检查对象和执法人员', body: DrawInput, response: { 200: DrawDetail, 400: ErrorBody } } }, async (req) => {
    if (req.body.mode === 'ratio' && req.body.count) throw badRequest('按比例抽取时不填抽取数量', 'count is for count mode');
    const id = await createDraw(req.ctx, req.body);
    return detail(req.ctx.db, { kind: 'all' }, id);
  });

  app.post('/api/enforcement/draws/:id/redraw', { config: write, schema: { tags, summary: '重新抽取（须说明理由，原抽取保留可查）', params: IdParams, body: Redraw, response: { 200: DrawDetail, 409: ErrorBody } } },
    async (req) => detail(req.ctx.db, { kind: 'all' }, await redrawDraw(req.ctx, req.params.id, req.body)));

  app.post('/api/enforcement/draws/:id/publish', { config: write, schema: { tags, summary: '公示抽查结果', params: IdParams, response: { 200: DrawDetail, 409: ErrorBody } } }, async (req) => {
    await publishDraw(req.ctx, req.params.id);
    return detail(req.ctx.db, { kind: 'all' }, req.params.id);
  });
};
