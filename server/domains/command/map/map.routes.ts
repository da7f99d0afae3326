// /api/command/incidents/:id/nearby: the incident command map — everything within a radius of the incident's point, by
// layer, each scoped to the caller; resources and shelters come from the resources part's directory.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAP_LAYERS, type MapLayer, Nearby, NearbyQuery } from '../../../../contracts/command-reports.js';
import { ErrorBody, IdParams } from '../../../../contracts/common.js';
import type { Platform } from '../../../platform/context.js';
import { badRequest, conflict } from '../../../platform/http/errors.js';
import { resourcesDirectory } from '../resources/directory.js';
import { visibleIncident } from '../reports/reports.service.js';
import { nearbyLayers } from './nearby.js';

const tags = ['应急指挥 command'];

/** The command-map routes (one line in app.ts). */
export function mapRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/command/incidents/:id/nearby', { config: { permission: 'command:read' }, schema: { tags,
      summary: '指挥一张图：事件周边（半径内）的企业与重大危险源、监测点与报警、隐患、救援力量与物资、避难场所、水库与山洪点、村（社区）人口',
      params: IdParams, querystring: NearbyQuery, response: { 200: Nearby, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
      const b = await visibleIncident(req.ctx, req.params.id);
      if (b.lng === null || b.lat === null) throw conflict('该事件还没有标注位置，请先在事件详情中标注地图位置', 'Incident has no location');
      const wanted = req.query.layers ? req.query.layers.split(',').map((s) => s.trim()).filter(Boolean) : Object.keys(MAP_LAYERS);
      const unknown = wanted.filter((l) => !(l in MAP_LAYERS));
      if (unknown.length) throw badRequest(`未知图层：${unknown.join('、')}；可选：${Object.entries(MAP_LAYERS).map(([k, v]) => `${k}（${v}）`).join('、')}`, 'Unknown layer');
      return nearbyLayers(req.ctx.db, req.ctx.actor, resourcesDirectory, { id: b.id, number: b.number, title: b.title, address: b.address, lng: b.lng, lat: b.lat },
        req.query.radius ?? 5000, wanted as MapLayer[]);
    });
  };
}
