// /api/risk-points: 风险分级管控 — risk points graded by LEC/LS, and the four-colour map by town.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import { RiskMapRegion, RiskPoint, RiskPointInput, RiskPointQuery } from '../../../contracts/hazards.js';
import type { Queryable } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { enterpriseNames } from '../enterprises/directory.js';
import { removeRiskPoint, saveRiskPoint, workingOf } from './risk.service.js';
import { findRiskPoint, listRiskPoints, type RiskRow, riskMap } from './risk.store.js';

const tags = ['风险分级管控 risk'];
const LEVEL_ORDER = ['red', 'orange', 'yellow', 'blue'] as const;

async function present(db: Queryable, rows: RiskRow[]) {
  const names = await enterpriseNames(db, rows.map((r) => r.enterprise_id));
  return rows.map((r) => ({
    id: r.id, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_id ? names.get(r.enterprise_id) ?? null : null, regionCode: r.region_code,
    placeName: r.place_name, name: r.name, hazardDesc: r.hazard_desc, method: r.method, inputs: r.inputs, score: Number(r.score),
    level: r.level as (typeof LEVEL_ORDER)[number], working: workingOf(r), ruleVersion: r.rule_version, controlMeasures: r.control_measures,
    responsible: r.responsible, lng: r.lng, lat: r.lat, updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export const riskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/risk-points', { config: { permission: 'hazard:read' }, schema: { tags, summary: '风险点清单', querystring: RiskPointQuery, response: { 200: Page(RiskPoint) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listRiskPoints(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: await present(req.ctx.db, items), total, page, pageSize };
  });

  app.get('/api/risk-points/map', { config: { permission: 'hazard:read' }, schema: { tags, summary: '风险四色图（按乡镇/园区）', response: { 200: Type.Array(RiskMapRegion) } } },
    async (req) => (await riskMap(req.ctx.db, req.ctx.actor.scope)).map((r) => ({
      regionCode: r.region_code, regionName: r.region_name, red: r.red, orange: r.orange, yellow: r.yellow, blue: r.blue,
      top: LEVEL_ORDER.find((l) => r[l] > 0) ?? null,
    })));

  app.get('/api/risk-points/:id', { config: { permission: 'hazard:read' }, schema: { tags, summary: '风险点详情', params: IdParams, response: { 200: RiskPoint, 404: ErrorBody } } }, async (req) => {
    const r = await findRiskPoint(req.ctx.db, req.ctx.actor.scope, req.params.id);
    if (!r) throw notFound('风险点', 'Risk point');
    return (await present(req.ctx.db, [r]))[0];
  });

  app.post('/api/risk-points', { config: { permission: 'hazard:write' }, schema: { tags, summary: '登记风险点（自动分级）', body: RiskPointInput, response: { 200: RiskPoint, 400: ErrorBody } } },
    async (req) => (await present(req.ctx.db, [await saveRiskPoint(req.ctx, undefined, req.body)]))[0]);

  app.put('/api/risk-points/:id', { config: { permission: 'hazard:write' }, schema: { tags, summary: '修改风险点（重新分级）', params: IdParams, body: RiskPointInput, response: { 200: RiskPoint, 404: ErrorBody } } },
    async (req) => (await present(req.ctx.db, [await saveRiskPoint(req.ctx, req.params.id, req.body)]))[0]);

  app.delete('/api/risk-points/:id', { config: { permission: 'hazard:write' }, schema: { tags, summary: '删除风险点', params: IdParams, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    await removeRiskPoint(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
};
