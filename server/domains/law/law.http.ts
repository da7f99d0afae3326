// What the law routes share: OpenAPI tag, the write permission, today's date, and who may read the library.
import { can } from '../../platform/auth/actor.js';
import type { Ctx } from '../../platform/context.js';
import { shanghaiDate } from '../../platform/settings/rules.js';

export const tags = ['法规标准库 law'];
export const write = { permission: 'law:write' } as const;
/** Today in Asia/Shanghai by the platform clock. */
export const today = (ctx: Ctx) => shanghaiDate(ctx.clock());

/** Everyone who works with enforcement or hazards reads the library (and its editors). */
export const mayReadLibrary = (ctx: Ctx) => can(ctx.actor, 'enforcement:read') || can(ctx.actor, 'hazard:read') || can(ctx.actor, 'law:write');
