// /api/orgs: 组织机构 directory and maintenance.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import { Org, OrgCreate, OrgQuery, OrgUpdate } from '../../../contracts/system.js';
import { notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { findOrg, listOrgs } from './orgs.store.js';
import { createOrg, editOrg, presentOrg } from './orgs.service.js';

const tags = ['系统管理 system'];

export const orgsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/orgs', { schema: { tags, summary: '组织机构列表', querystring: OrgQuery, response: { 200: Page(Org) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listOrgs(req.ctx.db, req.query, page, pageSize);
    return { items: items.map(presentOrg), total, page, pageSize };
  });

  app.get('/api/orgs/:id', { schema: { tags, summary: '组织机构详情', params: IdParams, response: { 200: Org, 404: ErrorBody } } }, async (req) => {
    const o = await findOrg(req.ctx.db, req.params.id);
    if (!o) throw notFound('单位', 'Organisation');
    return presentOrg(o);
  });

  app.post('/api/orgs', { config: { permission: 'system:admin' }, schema: { tags, summary: '新增单位', body: OrgCreate, response: { 200: Org, 400: ErrorBody } } },
    async (req) => createOrg(req.ctx, req.body));

  app.patch('/api/orgs/:id', { config: { permission: 'system:admin' }, schema: { tags, summary: '修改单位', params: IdParams, body: OrgUpdate, response: { 200: Org, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => editOrg(req.ctx, req.params.id, req.body));
};
