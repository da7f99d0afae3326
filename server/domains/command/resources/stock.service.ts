// Stock movements (入库、出库、调拨、盘点调整): each one changes a stock line and its batches, writes a ledger line with
// the balance after it and who/why/ref, and is audited, all in one transaction. A line never goes below zero: the
// service refuses first (409 with the balance), and the guarded UPDATE and the CHECK constraint hold under concurrency.
import type { Static } from '@sinclair/typebox';
import type { AdjustInput, InboundInput, OutboundInput, TransferInput } from '../../../../contracts/command-resources.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { uuidv7 } from '../../../platform/ids.js';
import { requireWritable } from './scope.js';
import {
  addToLine, consumeBatches, ensureStockLine, findItem, insertBatch, insertLedger, ledgerByIds, lockLine, takeFromLine, visibleWarehouse, type LedgerRow,
} from './stock.store.js';

/** Who moves stock and when: the ledger records both. */
export interface Mover { actor: Actor; at: Date }

const fmt = (n: number) => String(Math.round(n * 100) / 100);

async function warehouseFor(q: Queryable, actor: Actor, id: string, write: boolean, role = '储备库') {
  const w = await visibleWarehouse(q, actor, id);
  if (!w) throw notFound(role, 'Warehouse');
  if (write) requireWritable(actor, { regionCode: w.region_code, orgId: w.owner_org_id }, `${role}「${w.name}」`);
  return w;
}

async function itemFor(q: Queryable, id: string) {
  const item = await findItem(q, id);
  if (!item) throw badRequest('物资不存在，请从物资目录中选择', 'Unknown item');
  return item;
}

/** 入库: adds a batch (with its expiry) to the line. */
export async function inbound(tx: Queryable, m: Mover, input: Static<typeof InboundInput>) {
  const w = await warehouseFor(tx, m.actor, input.warehouseId, true);
  await itemFor(tx, input.itemId);
  const stockId = await ensureStockLine(tx, w.id, input.itemId);
  const balance = await addToLine(tx, stockId, input.quantity);
  await insertBatch(tx, stockId, { batchNo: input.batchNo, quantity: input.quantity, expiresOn: input.expiresOn, receivedOn: input.receivedOn ?? shanghaiDate(m.at) });
  return insertLedger(tx, { stockId, warehouseId: w.id, itemId: input.itemId, kind: 'inbound', quantity: input.quantity, balanceAfter: balance, reason: input.reason,
    refType: input.refType, refId: input.refId, actorId: m.actor.id, actorName: m.actor.name, at: m.at });
}

/** Takes stock out of a line, earliest expiry first; refuses with the balance when there is not enough. */
async function take(tx: Queryable, m: Mover, w: { id: string; name: string }, itemId: string, quantity: number) {
  const item = await itemFor(tx, itemId);
  const stockId = await ensureStockLine(tx, w.id, itemId);
  const balance = await takeFromLine(tx, stockId, quantity);
  if (balance === undefined) {
    const have = await lockLine(tx, stockId);
    throw conflict(`「${w.name}」的${item.name}库存只有 ${fmt(have)} ${item.unit}，不足 ${fmt(quantity)} ${item.unit}，不能出库`, 'Not enough stock');
  }
  const batches = await consumeBatches(tx, stockId, quantity);
  return { stockId, balance, batches };
}

/** 出库 */
export async function outbound(tx: Queryable, m: Mover, input: Static<typeof OutboundInput>) {
  const w = await warehouseFor(tx, m.actor, input.warehouseId, true);
  const { stockId, balance } = await take(tx, m, w, input.itemId, input.quantity);
  const ledgerId = await insertLedger(tx, { stockId, warehouseId: w.id, itemId: input.itemId, kind: 'outbound', quantity: -input.quantity, balanceAfter: balance,
    reason: input.reason, refType: input.refType, refId: input.refId, actorId: m.actor.id, actorName: m.actor.name, at: m.at });
  return { ledgerId, balance };
}

/** 调拨: out of one warehouse and into another, two ledger lines sharing a transfer id; batches keep their expiry. */
export async function transfer(tx: Queryable, m: Mover, input: Static<typeof TransferInput>) {
  if (input.fromWarehouseId === input.toWarehouseId) throw badRequest('调出和调入的储备库不能相同', 'Same warehouse');
  const from = await warehouseFor(tx, m.actor, input.fromWarehouseId, true, '调出储备库');
  const to = await warehouseFor(tx, m.actor, input.toWarehouseId, false, '调入储备库');
  const transferId = uuidv7();
  const out = await take(tx, m, from, input.itemId, input.quantity);
  const reason = `${input.reason}（${from.name} → ${to.name}）`;
  const base = { itemId: input.itemId, reason, refType: 'transfer', refId: transferId, transferId, actorId: m.actor.id, actorName: m.actor.name, at: m.at };
  const outId = await insertLedger(tx, { ...base, stockId: out.stockId, warehouseId: from.id, kind: 'transfer_out', quantity: -input.quantity, balanceAfter: out.balance });
  const inStock = await ensureStockLine(tx, to.id, input.itemId);
  const inBalance = await addToLine(tx, inStock, input.quantity);
  for (const b of out.batches) await insertBatch(tx, inStock, { batchNo: b.batchNo, quantity: b.quantity, expiresOn: b.expiresOn, receivedOn: shanghaiDate(m.at) });
  const inId = await insertLedger(tx, { ...base, stockId: inStock, warehouseId: to.id, kind: 'transfer_in', quantity: input.quantity, balanceAfter: inBalance });
  return [outId, inId];
}

/** 盘点调整: sets the line to the counted quantity; a surplus becomes a batch, a shortage is taken earliest expiry first. */
export async function adjust(tx: Queryable, m: Mover, input: Static<typeof AdjustInput>) {
  const w = await warehouseFor(tx, m.actor, input.warehouseId, true);
  await itemFor(tx, input.itemId);
  const stockId = await ensureStockLine(tx, w.id, input.itemId);
  const have = await lockLine(tx, stockId);
  const delta = Math.round((input.counted - have) * 100) / 100;
  let balance = have;
  if (delta > 0) {
    balance = await addToLine(tx, stockId, delta);
    await insertBatch(tx, stockId, { batchNo: '盘盈', quantity: delta, expiresOn: input.expiresOn, receivedOn: shanghaiDate(m.at) });
  } else if (delta < 0) {
    balance = (await takeFromLine(tx, stockId, -delta))!;
    await consumeBatches(tx, stockId, -delta);
  }
  return insertLedger(tx, { stockId, warehouseId: w.id, itemId: input.itemId, kind: 'adjust', quantity: delta, balanceAfter: balance, reason: `盘点：实有 ${fmt(input.counted)}，${input.reason}`,
    actorId: m.actor.id, actorName: m.actor.name, at: m.at });
}

/** Run a movement for a request: one transaction, the ledger lines audited, and returned. */
export async function move(ctx: Ctx, kind: 'inbound' | 'outbound' | 'transfer' | 'adjust', run: (tx: Queryable, m: Mover) => Promise<string | string[] | { ledgerId: string }>): Promise<LedgerRow[]> {
  return ctx.db.tx(async (tx) => {
    const r = await run(tx, { actor: ctx.actor, at: ctx.clock() });
    const ids = typeof r === 'string' ? [r] : Array.isArray(r) ? r : [r.ledgerId];
    const entries = await ledgerByIds(tx, ids);
    for (const e of entries) {
      await audit(ctx, tx, { action: `command.resources.stock.${kind}`, entityType: 'resource_stock', entityId: e.stock_id,
        after: { ledgerId: e.id, warehouse: e.warehouse_name, item: e.item_name, kind: e.kind, quantity: e.quantity, balanceAfter: e.balance_after, reason: e.reason, refType: e.ref_type, refId: e.ref_id } });
    }
    return entries;
  });
}
