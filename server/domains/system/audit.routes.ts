// /api/audit: the trail (filtered, paged) and chain verification.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Page } from '../../../contracts/common.js';
import { AuditQuery, AuditRecord, AuditVerify } from '../../../contracts/system.js';
import { paging } from '../../platform/http/types.js';
import { listAudit, presentAudit } from './audit.store.js';

const tags = ['系统管理 system'];

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/audit', { config: { permission: 'audit:read' }, schema: { tags, summary: '审计日志', querystring: AuditQuery, response: { 200: Page(AuditRecord) } } },
    async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listAudit(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
      return { items: items.map(presentAudit), total, page, pageSize };
    });

  app.get('/api/audit/verify', { config: { permission: 'audit:read' }, schema: { tags, summary: '校验审计哈希链', response: { 200: AuditVerify } } },
    async (req) => req.ctx.audit.verify(req.ctx.db));
};
