// Route-level declarations: which permission a route needs, or that it is public.
import { AppError } from './errors.js';
import type { Permission } from '../../../contracts/roles.js';
import type { Ctx } from '../context.js';
import type { AccountRow } from '../auth/accounts.store.js';

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
    /** The signed-in account as authenticated for this request (session routes; undefined for public ones). */
    account?: AccountRow;
  }
}

export const SESSION_COOKIE = 'yj_session';

/** Offset/limit of the one pagination shape. */
export function paging(q: { page?: number; pageSize?: number }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  // Query coercion turns "1e999" into Infinity, which the schema's bounds let through on some routes.
  if (!Number.isSafeInteger(page) || !Number.isSafeInteger(pageSize)) {
    throw new AppError(400, 'validation', '页码和每页条数须为正整数', 'page and pageSize must be positive integers');
  }
  return { page, pageSize };
}
