// The resources part's side of ports.ts: what the incident desk asks of 应急资源 — the nearest resources to a point and
// taking supplies out of a warehouse inside the incident's own transaction. Other parts import only this module.
import type { NearbyResource, NearestQuery, ResourcesDirectory, StockOut } from '../ports.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { can } from '../../../platform/auth/actor.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, forbidden } from '../../../platform/http/errors.js';
import { nearestResources } from './nearby.store.js';
import { outbound } from './stock.service.js';

async function stockOut(tx: Queryable, actor: Actor, m: StockOut, at: Date = new Date()): Promise<{ ledgerId: string; balance: number }> {
  if (!can(actor, 'command:write')) throw forbidden('出库需要“应急指挥处置”权限', 'command:write required');
  if (!(m.quantity > 0)) throw badRequest('出库数量须大于 0', 'Quantity must be positive');
  return outbound(tx, { actor, at }, { warehouseId: m.warehouseId, itemId: m.itemId, quantity: m.quantity, reason: m.reason, refType: m.refType, refId: m.refId });
}

/** ResourcesDirectory for the incident desk (incidents/, duty/). */
export const resourcesDirectory: ResourcesDirectory = {
  nearestResources: (q: Queryable, actor: Actor, query: NearestQuery): Promise<NearbyResource[]> => nearestResources(q, actor, query),
  stockOut: (tx, actor, m) => stockOut(tx, actor, m),
};

/**
 * stockOut with the audit record and the caller's clock: the incident desk should prefer this when it holds a Ctx,
 * so the movement is in the audit trail as well as the ledger (both in its transaction).
 */
export async function stockOutAudited(ctx: Ctx, tx: Queryable, m: StockOut): Promise<{ ledgerId: string; balance: number }> {
  const r = await stockOut(tx, ctx.actor, m, ctx.clock());
  await audit(ctx, tx, { action: 'command.resources.stock.outbound', entityType: 'resource_stock_ledger', entityId: r.ledgerId,
    after: { warehouseId: m.warehouseId, itemId: m.itemId, quantity: m.quantity, balanceAfter: r.balance, reason: m.reason, refType: m.refType, refId: m.refId } });
  return r;
}
