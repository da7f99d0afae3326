// Every /api request: who is calling, may they call this route, and the Ctx services receive.
// Runs on onRequest, before the body is parsed or validated: a caller without access learns nothing else.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Platform } from '../context.js';
import { SYSTEM_ACTOR, can } from '../auth/actor.js';
import { authenticate, passwordExpired } from '../auth/auth.service.js';
import { AppError, forbidden } from './errors.js';
import { SESSION_COOKIE } from './types.js';

/** Methods that change something: cross-site checked here, audit-walked in tests (audit/audit-walk.ts). */
export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cross-site requests are refused: a browser sends Origin on unsafe methods, and it must be ours. */
function checkOrigin(req: FastifyRequest) {
  if (!UNSAFE.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  let host: string;
  try { host = new URL(origin).host; } catch { throw forbidden('请求来源无效', 'Invalid Origin'); }
  if (host !== req.headers.host) throw forbidden('拒绝跨站请求', 'Cross-site request refused');
}

export function installAuthHook(app: FastifyInstance, p: Platform) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('account', undefined);
  app.addHook('onRequest', async (req) => {
    const meta = { requestId: req.id, ip: req.ip };
    const cfg = req.routeOptions.config;
    // Unknown routes (no matched url, or only the static files' catch-all) fall through to the 404 handler.
    if (!req.url.startsWith('/api/') || cfg.public || !req.routeOptions.url || req.routeOptions.url === '/*') {
      req.ctx = { ...p, actor: SYSTEM_ACTOR, meta };
      return;
    }
    checkOrigin(req);
    const { actor, account } = await authenticate(p, req.cookies[SESSION_COOKIE]);
    req.ctx = { ...p, actor, meta };
    req.account = account;
    if ((account.must_change_password || passwordExpired(p, account, p.clock())) && !cfg.allowPendingPasswordChange) {
      throw new AppError(403, 'password_change_required', account.must_change_password
        ? '请先修改初始密码后再使用系统' : '密码已超过 90 天未更换，请先修改密码', 'Change your password first');
    }
    if (cfg.permission && !can(actor, cfg.permission)) {
      await p.audit.recordAlone(p.db, actor, meta, {
        action: 'auth.forbidden', entityType: 'route', entityId: `${req.method} ${req.routeOptions.url}`, after: { permission: cfg.permission },
      });
      throw forbidden();
    }
  });
}
