// /api/enterprises: the enterprise registry (一企一档) — list, map, detail, create, edit, contacts, status
// and its history, change history. enterprisesRoutes(p) also wires the domain's other routes and jobs.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { countCap, ErrorBody, IdParams, Page, PageQuery } from '../../../contracts/common.js';
import {
  ChangeEntry, ContactsUpdate, Enterprise, EnterpriseCreate, EnterpriseFilter, EnterpriseListItem, EnterpriseQuery, EnterpriseUpdate,
  MAP_POINT_LIMIT, MapPoints, StatusChange, StatusChangeInput,
} from '../../../contracts/enterprises.js';
import type { Platform } from '../../platform/context.js';
import { paging } from '../../platform/http/types.js';
import { revealable } from '../../platform/personal/personal.js';
import { ENTERPRISE_PHONES, maskEnterprise, presentChange, presentEnterprise, presentListItem, presentStatusChange } from './enterprises.present.js';
import { changeStatus, createEnterprise, editContacts, editEnterprise, loadEnterprise, today } from './enterprises.service.js';
import { findEnterprise, listChanges, listEnterprises, listStatusChanges, mapPoints, orderBy } from './enterprises.store.js';
import { hazardSourcesRoutes } from './hazard-sources.routes.js';
import { scheduleLicenceReminders } from './licence-reminders.js';
import { licencesRoutes } from './licences.routes.js';
import { transferRoutes } from './transfer.routes.js';

const tags = ['企业档案 enterprises'];
const read = { permission: 'enterprise:read' } as const;
/** What the list's answer is read from: kept in memory until one of them changes. */
const LIST_TABLES = ['enterprises', 'regions', 'organizations', 'major_hazard_sources', 'enterprise_licences', 'enterprise_status_changes'];
const write = { permission: 'enterprise:write' } as const;

// Contacts' phones are masked in lists and details; one is revealed (audited) through POST /api/personal/reveal.
revealable({
  entity: 'enterprise', label: '企业', read: ['enterprise:read'], fields: ENTERPRISE_PHONES,
  async load(ctx, tx, id) {
    const e = await findEnterprise(tx, ctx.actor.scope, id, today(ctx));
    return e && { regionCode: e.region_code, name: e.name,
      values: { legalRepresentativePhone: e.legal_representative_phone, principalPhone: e.principal_phone, safetyManagerPhone: e.safety_manager_phone } };
  },
});

const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enterprises', { config: { ...read, cache: LIST_TABLES }, schema: { tags, summary: '企业列表（筛选、搜索、排序、分页）', querystring: EnterpriseQuery, response: { 200: Page(EnterpriseListItem) } } },
    async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total, totalCapped } = await listEnterprises(req.ctx.db, req.ctx.actor.scope, req.query, orderBy(req.query.sort, req.query.order),
        today(req.ctx), page, pageSize, countCap(req.query));
      return { items: items.map((e) => maskEnterprise(presentListItem(e))), total, ...(totalCapped ? { totalCapped } : {}), page, pageSize };
    });

  app.get('/api/enterprises/map', { config: read, schema: { tags, summary: `企业地图点位（与列表相同的筛选；最多 ${MAP_POINT_LIMIT} 个，风险高的优先）`, querystring: EnterpriseFilter, response: { 200: MapPoints } } },
    async (req) => {
      const r = await mapPoints(req.ctx.db, req.ctx.actor.scope, req.query, today(req.ctx), MAP_POINT_LIMIT);
      return { items: r.items.map((p) => ({ id: p.id, name: p.name, lng: p.lng, lat: p.lat, riskLevel: p.risk_level, sector: p.sector, status: p.status })), total: r.total, truncated: r.truncated };
    });

  app.get('/api/enterprises/:id', { config: read, schema: { tags, summary: '企业档案详情', params: IdParams, response: { 200: Enterprise, 404: ErrorBody } } },
    async (req) => maskEnterprise(presentEnterprise(await loadEnterprise(req.ctx, req.ctx.db, req.params.id))));

  app.post('/api/enterprises', { config: write, schema: { tags, summary: '新建企业档案', body: EnterpriseCreate, response: { 200: Enterprise, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
    async (req) => maskEnterprise(await createEnterprise(req.ctx, req.body)));

  app.patch('/api/enterprises/:id', { config: write, schema: { tags, summary: '修改企业档案（经营状态另行变更）', params: IdParams, body: EnterpriseUpdate, response: { 200: Enterprise, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => maskEnterprise(await editEnterprise(req.ctx, req.params.id, req.body)));

  app.patch('/api/enterprises/:id/contacts', { config: read, schema: { tags, summary: '修改联系人（企业用户可改本企业；其他账号需 enterprise:write）', params: IdParams, body: ContactsUpdate, response: { 200: Enterprise, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => maskEnterprise(await editContacts(req.ctx, req.params.id, req.body)));

  app.post('/api/enterprises/:id/status', { config: write, schema: { tags, summary: '变更经营状态（须填原因，记入状态变更记录）', params: IdParams, body: StatusChangeInput, response: { 200: Enterprise, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => maskEnterprise(await changeStatus(req.ctx, req.params.id, req.body)));

  app.get('/api/enterprises/:id/status-history', { config: read, schema: { tags, summary: '经营状态变更记录', params: IdParams, response: { 200: Type.Array(StatusChange), 404: ErrorBody } } },
    async (req) => {
      await loadEnterprise(req.ctx, req.ctx.db, req.params.id);
      return (await listStatusChanges(req.ctx.db, req.params.id)).map(presentStatusChange);
    });

  app.get('/api/enterprises/:id/changes', { config: read, schema: { tags, summary: '档案变更历史（含证照、重大危险源、状态）', params: IdParams, querystring: PageQuery, response: { 200: Page(ChangeEntry), 404: ErrorBody } } },
    async (req) => {
      await loadEnterprise(req.ctx, req.ctx.db, req.params.id);
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listChanges(req.ctx.db, req.params.id, page, pageSize);
      return { items: items.map(presentChange), total, page, pageSize };
    });
};

/** Every route of the enterprises domain, and its scheduled licence reminders. */
export const enterprisesRoutes = (p: Platform): FastifyPluginAsyncTypebox => async (app) => {
  scheduleLicenceReminders(p);
  await app.register(transferRoutes);
  await app.register(registryRoutes);
  await app.register(licencesRoutes);
  await app.register(hazardSourcesRoutes);
};
