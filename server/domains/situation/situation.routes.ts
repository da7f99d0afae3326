// /api/situation/…: 一张图 — the catalogue of layers the caller may see and each layer's compact features (dashboard:read
// for the route, the layer's own domain permission on top; see situation.service.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { FeatureCollection, LayerCatalogue, LayerParams, LayerQuery, SITUATION_LAYERS } from '../../../contracts/situation.js';
import type { Platform } from '../../platform/context.js';
import { catalogue, layerFeatures } from './situation.service.js';

const tags = ['综合态势 dashboard'];
const read = { permission: 'dashboard:read' } as const;

/** The situation-map routes (one line in app.ts). */
export function situationRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/situation/layers', { config: read, schema: { tags, summary: '一张图：本人可查看的图层目录（缺少业务查看权限的图层不列出）',
      response: { 200: LayerCatalogue } } }, async (req) => ({ layers: catalogue(req.ctx.actor) }));

    app.get('/api/situation/layers/:layer', { config: read, schema: { tags,
      summary: `一张图：一个图层的点位（${Object.values(SITUATION_LAYERS).join('、')}），按本人数据范围；超过上限时标记 truncated`,
      params: LayerParams, querystring: LayerQuery, response: { 200: FeatureCollection, 400: ErrorBody, 403: ErrorBody } } },
    async (req) => layerFeatures(req.ctx, req.params.layer, req.query));
  };
}
