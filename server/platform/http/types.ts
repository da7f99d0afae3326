// Route-level declarations: which permission a route needs, or that it is public.
import type { Permission } from '../../../contracts/roles.js';
import type { Ctx } from '../context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the caller needs; routes without one need only a login. */
    permission?: Permission;
    /** No login needed (login page, health, API docs). */
    public?: boolean;
    /** Reachable while the account must still change its initial password. */
    allowPendingPasswordChange?: boolean;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
}

export const SESSION_COOKIE = 'yj_session';

/** Offset/limit of the one pagination shape. */
export function paging(q: { page?: number; pageSize?: number }) {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
}
