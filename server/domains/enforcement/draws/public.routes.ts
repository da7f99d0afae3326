// /api/public/draws: the 双随机一公开 public page (no login): published draws, their seed, pools, exclusions, results and
// outcomes, and a recomputation anyone can ask for.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery } from '../../../../contracts/common.js';
import { Draw, DrawDetail, DrawVerify } from '../../../../contracts/enforcement.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { ALGORITHM_TEXT, computeDraw, resultHash } from './algorithm.js';
import { presentDraw, presentPublicDraw } from './draws.present.js';
import { drawUnits, findDraw, listDraws } from './draws.store.js';

const tags = ['公开 public'];
const pub = { public: true } as const;
const PublicDraw = Type.Omit(DrawDetail, ['units']);

export const publicDrawsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/public/draws', { config: pub, schema: { tags, summary: '双随机抽查公示列表', querystring: PageQuery, response: { 200: Page(Draw) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDraws(req.ctx.db, 'public', page, pageSize);
    return { items: items.map(presentDraw), total, page, pageSize };
  });

  app.get('/api/public/draws/algorithm', { config: pub, schema: { tags, summary: '抽取算法说明', response: { 200: Type.Object({ algorithm: Type.String(), text: Type.String() }) } } },
    async () => ({ algorithm: 'yingji-draw-v1', text: ALGORITHM_TEXT }));

  app.get('/api/public/draws/:id', { config: pub, schema: { tags, summary: '抽查公示：种子、名录库、回避清单、抽取结果与检查结果', params: IdParams, response: { 200: PublicDraw, 404: ErrorBody } } }, async (req) => {
    const d = await findDraw(req.ctx.db, 'public', req.params.id);
    if (!d) throw notFound('公示的抽查', 'Published draw');
    return presentPublicDraw(d, await drawUnits(req.ctx.db, d.id));
  });

  app.get('/api/public/draws/:id/verify', { config: pub, schema: { tags, summary: '按公布的数据重新计算抽取结果并比对', params: IdParams, response: { 200: DrawVerify, 404: ErrorBody } } }, async (req) => {
    const d = await findDraw(req.ctx.db, 'public', req.params.id);
    if (!d) throw notFound('公示的抽查', 'Published draw');
    const c = d.criteria as Record<string, never>;
    const again = computeDraw({ seed: d.seed, pool: d.pool, officers: d.officer_pool, exclusions: d.exclusions,
      criteria: { mode: c.mode, ratio: c.ratio ?? undefined, count: c.count ?? undefined, riskRates: c.riskRates ?? undefined, riskWeights: c.riskWeights ?? undefined, officersPerUnit: c.officersPerUnit } });
    const recomputed = resultHash(again);
    return { matches: recomputed === d.result_hash, resultHash: d.result_hash, recomputedHash: recomputed };
  });
};
