// /api/regions: 行政区划 list, tree and maintenance.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, RegionCode } from '../../../contracts/common.js';
import { Region, RegionCreate, RegionQuery, RegionUpdate } from '../../../contracts/system.js';
import { listBoundaries, listRegions } from './regions.store.js';
import { createRegion, editRegion, presentRegion, regionTree } from './regions.service.js';

const tags = ['系统管理 system'];
// A node of the tree refers to itself; OpenAPI gets a plain array of regions with children.
const RegionNode = Type.Recursive((self) => Type.Composite([Region, Type.Object({ children: Type.Array(self) })]), { $id: 'RegionNode' });

export const regionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/regions', { schema: { tags, summary: '行政区划列表', querystring: RegionQuery, response: { 200: Type.Array(Region) } } },
    async (req) => (await listRegions(req.ctx.db, req.ctx.actor.scope, req.query)).map(presentRegion));

  app.get('/api/regions/tree', { schema: { tags, summary: '行政区划树', response: { 200: Type.Array(RegionNode) } } },
    async (req) => regionTree(req.ctx));

  app.get('/api/regions/boundaries', { schema: { tags, summary: '区划边界（GeoJSON，县、乡镇、园区）', response: { 200: Type.Object({ type: Type.Literal('FeatureCollection'), features: Type.Array(Type.Object({
    type: Type.Literal('Feature'), properties: Type.Object({ code: Type.String(), name: Type.String(), level: Type.String(), centerLng: Type.Union([Type.Number(), Type.Null()]), centerLat: Type.Union([Type.Number(), Type.Null()]) }),
    geometry: Type.Unknown() })) }) } } },
  async (req) => ({
    type: 'FeatureCollection' as const,
    features: (await listBoundaries(req.ctx.db, req.ctx.actor.scope)).map((r) => ({ type: 'Feature' as const,
      properties: { code: r.code, name: r.name, level: r.level, centerLng: r.center_lng, centerLat: r.center_lat }, geometry: r.boundary })),
  }));

  // The public tip-off form (网上举报) lets a reporter without an account pick the county, a 乡镇（街道） or a park.
  // Names only, no boundaries; browsers and proxies may keep it for ten minutes.
  app.get('/api/public/regions', { config: { public: true }, schema: { tags: ['公开 public'], summary: '公开的区划列表：本县（市）及其乡镇（街道）、园区（供网上举报选择所在区域）',
    response: { 200: Type.Array(Type.Object({ code: RegionCode, name: Type.String(), level: Type.String() })) } } }, async (req, reply) => {
    const all = { kind: 'all' } as const;
    const rows = (await Promise.all(['county', 'town', 'park'].map((level) => listRegions(req.ctx.db, all, { level })))).flat();
    reply.header('cache-control', 'public, max-age=600');
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level }));
  });

  app.post('/api/regions', { config: { permission: 'system:admin' }, schema: { tags, summary: '新增区划', body: RegionCreate, response: { 200: Region, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => createRegion(req.ctx, req.body));

  app.patch('/api/regions/:code', { config: { permission: 'system:admin' }, schema: { tags, summary: '修改区划', params: Type.Object({ code: RegionCode }), body: RegionUpdate, response: { 200: Region, 404: ErrorBody } } },
    async (req) => editRegion(req.ctx, req.params.code, req.body));
};
