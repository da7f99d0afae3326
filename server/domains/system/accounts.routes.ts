// /api/accounts and /api/roles: account administration (系统管理 → 账号管理).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SessionInfo } from '../../../contracts/auth.js';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import { ROLES } from '../../../contracts/roles.js';
import { Account, AccountCreate, AccountQuery, AccountUpdate, InitialPassword, Role } from '../../../contracts/system.js';
import {
  accountSessions, createAccount, editAccount, presentAccount, resetPassword, revokeSessionsOf, setAccountState,
} from '../../platform/auth/accounts.service.js';
import { findAccountById, listAccounts } from '../../platform/auth/accounts.store.js';
import { notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';

const tags = ['系统管理 system'];
const admin = { permission: 'system:admin' } as const;

export const accountsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/roles', { schema: { tags, summary: '角色及其权限', response: { 200: Type.Array(Role) } } }, async () => ROLES);

  app.get('/api/accounts', { config: admin, schema: { tags, summary: '账号列表', querystring: AccountQuery, response: { 200: Page(Account) } } },
    async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listAccounts(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize, req.ctx.clock());
      return { items: items.map((a) => presentAccount(a, req.ctx.clock())), total, page, pageSize };
    });

  app.get('/api/accounts/:id', { config: admin, schema: { tags, summary: '账号详情', params: IdParams, response: { 200: Account, 404: ErrorBody } } },
    async (req) => {
      const a = await findAccountById(req.ctx.db, req.params.id, req.ctx.actor.scope);
      if (!a) throw notFound('账号', 'Account');
      return presentAccount(a, req.ctx.clock());
    });

  app.post('/api/accounts', { config: admin, schema: { tags, summary: '新建账号（返回一次性初始密码）', body: AccountCreate, response: { 200: InitialPassword, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => createAccount(req.ctx, req.body));

  app.patch('/api/accounts/:id', { config: admin, schema: { tags, summary: '修改账号', params: IdParams, body: AccountUpdate, response: { 200: Account } } },
    async (req) => editAccount(req.ctx, req.params.id, req.body));

  app.post('/api/accounts/:id/reset-password', { config: admin, schema: { tags, summary: '重置密码（返回一次性初始密码）', params: IdParams, response: { 200: InitialPassword } } },
    async (req) => resetPassword(req.ctx, req.params.id));

  for (const op of ['disable', 'enable', 'unlock'] as const) {
    const summary = { disable: '停用账号', enable: '启用账号', unlock: '解除锁定' }[op];
    app.post(`/api/accounts/:id/${op}`, { config: admin, schema: { tags, summary, params: IdParams, response: { 200: Account } } },
      async (req) => setAccountState(req.ctx, req.params.id, op));
  }

  app.get('/api/accounts/:id/sessions', { config: admin, schema: { tags, summary: '账号的登录会话', params: IdParams, response: { 200: Type.Array(SessionInfo) } } },
    async (req) => accountSessions(req.ctx, req.params.id));

  app.post('/api/accounts/:id/revoke-sessions', { config: admin, schema: { tags, summary: '注销账号的全部会话', params: IdParams, response: { 200: Type.Object({ revoked: Type.Integer() }) } } },
    async (req) => revokeSessionsOf(req.ctx, req.params.id));
};
