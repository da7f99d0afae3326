// /api/auth: login, logout, the current account, password change, own sessions.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ChangePasswordBody, LoginBody, Me, PasswordPolicy, SessionInfo } from '../../../contracts/auth.js';
import { ErrorBody, IdParams } from '../../../contracts/common.js';
import type { Platform } from '../context.js';
import { notFound } from '../http/errors.js';
import { SESSION_COOKIE } from '../http/types.js';
import { findAccountById } from './accounts.store.js';
import { presentSession } from './accounts.service.js';
import { changePassword, login, logout, presentMe } from './auth.service.js';
import { policyInfo } from './passwords.js';
import { listAccountSessions, revokeSession } from './sessions.store.js';

const tags = ['认证 auth'];
const self = { allowPendingPasswordChange: true } as const;

export function authRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/api/auth/login', {
      config: { public: true, rateLimit: { max: p.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags, summary: '登录', body: LoginBody, response: { 200: Me, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody } },
    }, async (req, reply) => {
      const { session, account } = await login(p, { requestId: req.id, ip: req.ip, userAgent: req.headers['user-agent'] }, req.body.username, req.body.password);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/', httpOnly: true, sameSite: 'strict', secure: p.config.cookieSecure, expires: session.expiresAt,
      });
      return presentMe(p, account);
    });

    app.post('/api/auth/logout', { config: self, schema: { tags, summary: '退出登录', response: { 204: Type.Null() } } }, async (req, reply) => {
      await logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/api/auth/me', { config: self, schema: { tags, summary: '当前账号', response: { 200: Me } } }, async (req) => {
      // The account this request was authenticated as (read with its session, or from the session cache).
      const a = req.account ?? await findAccountById(p.db, req.ctx.actor.id!);
      if (!a) throw notFound('账号', 'Account');
      return presentMe(p, a);
    });

    app.get('/api/auth/password-policy', { config: { public: true }, schema: { tags, summary: '密码策略', response: { 200: PasswordPolicy } } },
      async () => policyInfo(p.config.passwordProfile));

    app.post('/api/auth/change-password', { config: self, schema: { tags, summary: '修改本人密码', body: ChangePasswordBody, response: { 204: Type.Null(), 400: ErrorBody } } },
      async (req, reply) => {
        await changePassword(req.ctx, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      });

    app.get('/api/auth/sessions', { config: self, schema: { tags, summary: '本人的登录会话', response: { 200: Type.Array(SessionInfo) } } },
      async (req) => (await listAccountSessions(p.db, req.ctx.actor.id!)).map((s) => presentSession(s, p.clock(), req.ctx.actor.sessionId)));

    app.delete('/api/auth/sessions/:id', { config: self, schema: { tags, summary: '注销本人的一个会话', params: IdParams, response: { 204: Type.Null() } } },
      async (req, reply) => {
        const n = await p.db.tx(async (tx) => {
          const n = await revokeSession(tx, req.params.id, 'revoked_by_owner', p.clock(), req.ctx.actor.id!);
          if (n) await p.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'session.revoke', entityType: 'session', entityId: req.params.id });
          return n;
        });
        if (!n) throw notFound('会话', 'Session');
        return reply.status(204).send(null);
      });
  };
}
