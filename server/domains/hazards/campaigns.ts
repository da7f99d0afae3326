// 专项行动 / 大排查: a campaign groups hazards found in a period and area, so its count is one query.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery } from '../../../contracts/common.js';
import { Campaign, CampaignInput } from '../../../contracts/hazards.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { inScope, regionPrefix } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { uuidv7 } from '../../platform/ids.js';
import { hazardScope } from './hazards.store.js';

interface CampaignRow { id: string; name: string; kind: string; period_from: string; period_to: string; region_code: string; region_name: string | null;
  description: string | null; found: number; closed: number; major: number }

// A campaign is visible to a region account when it covers (contains or lies within) the account's region.
const campaignScope = (v: DataScope) => v.kind === 'region'
  ? sql`(c.region_code like ${regionPrefix(v.regionCode!) + '%'} or ${v.regionCode!} like region_prefix(c.region_code) || '%')` : sql`true`;

// Counts are of the hazards the viewer may see.
const select = (viewer: DataScope) => sql`select c.id, c.name, c.kind, c.period_from::text, c.period_to::text, c.region_code, r.name as region_name, c.description,
  (select count(*)::int from hazards h where h.campaign_id = c.id and ${hazardScope(viewer)}) as found,
  (select count(*)::int from hazards h where h.campaign_id = c.id and h.status = 'closed' and ${hazardScope(viewer)}) as closed,
  (select count(*)::int from hazards h where h.campaign_id = c.id and h.level = 'major' and ${hazardScope(viewer)}) as major
  from campaigns c left join regions r on r.code = c.region_code`;

const present = (c: CampaignRow) => ({ id: c.id, name: c.name, kind: c.kind, periodFrom: c.period_from, periodTo: c.period_to, regionCode: c.region_code,
  regionName: c.region_name, description: c.description, found: c.found, closed: c.closed, major: c.major });

async function createCampaign(ctx: Ctx, input: Static<typeof CampaignInput>) {
  if (input.periodTo < input.periodFrom) throw badRequest('结束日期不能早于开始日期', 'Period ends before it starts');
  if (!inScope(ctx.actor, { regionCode: input.regionCode })) throw forbidden('不能在管辖范围以外组织专项行动', 'Outside your scope');
  return ctx.db.tx(async (tx) => {
    const id = uuidv7();
    await tx.execute(sql`insert into campaigns (id, name, kind, period_from, period_to, region_code, organizer_org_id, description, created_by)
      values (${id}, ${input.name}, ${input.kind ?? 'special'}, ${input.periodFrom}, ${input.periodTo}, ${input.regionCode}, ${ctx.actor.orgId ?? null},
      ${input.description ?? null}, ${ctx.actor.id})`);
    await audit(ctx, tx, { action: 'campaign.create', entityType: 'campaign', entityId: id, regionCode: input.regionCode, after: input });
    return (await tx.one<CampaignRow>(sql`${select(ctx.actor.scope)} where c.id = ${id}`));
  });
}

export async function findCampaign(db: Queryable, viewer: DataScope, id: string) {
  return db.maybeOne<CampaignRow>(sql`${select(viewer)} where c.id = ${id} and ${campaignScope(viewer)}`);
}

export const campaignsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['隐患排查治理 hazards'];
  app.get('/api/campaigns', { config: { permission: 'hazard:read' }, schema: { tags, summary: '专项行动列表', querystring: PageQuery, response: { 200: Page(Campaign) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const where = campaignScope(req.ctx.actor.scope);
    const [{ total }] = await req.ctx.db.query<{ total: number }>(sql`select count(*)::int as total from campaigns c where ${where}`);
    const rows = await req.ctx.db.query<CampaignRow>(sql`${select(req.ctx.actor.scope)} where ${where} order by c.period_from desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
    return { items: rows.map(present), total, page, pageSize };
  });

  app.get('/api/campaigns/:id', { config: { permission: 'hazard:read' }, schema: { tags, summary: '专项行动详情', params: IdParams, response: { 200: Campaign, 404: ErrorBody } } }, async (req) => {
    const c = await findCampaign(req.ctx.db, req.ctx.actor.scope, req.params.id);
    if (!c) throw notFound('专项行动', 'Campaign');
    return present(c);
  });

  app.post('/api/campaigns', { config: { permission: 'hazard:write' }, schema: { tags, summary: '新建专项行动', body: CampaignInput, response: { 200: Campaign, 400: ErrorBody } } },
    async (req) => present(await createCampaign(req.ctx, req.body)));
};
