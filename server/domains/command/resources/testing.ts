// Factories for the resources tests: a warehouse and an item made through the API, a ledger reader, and a Ctx for a
// hand-made actor (a town account that may write, which no demo account is).
import type { Permission } from '../../../../contracts/roles.js';
import type { Ctx } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import type { TestApp } from '../../../testing/app.js';

let n = 0;
export const BAITANG = '430699101000';
export const LUOJIANG = '430699102000';

/** POST as `cookie` and return the JSON, failing loudly on anything but 200. */
export async function post<T = Record<string, unknown>>(t: TestApp, cookie: string, url: string, payload: object): Promise<T> {
  const r = await t.as(cookie, { method: 'POST', url, payload });
  if (r.statusCode !== 200) throw new Error(`POST ${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/** A fresh warehouse and item, with `quantity` taken in (one batch, optional expiry). */
export async function stockedLine(t: TestApp, cookie: string, quantity: number, o: { regionCode?: string; expiresOn?: string } = {}) {
  n++;
  const w = await post<{ id: string }>(t, cookie, '/api/command/resources/warehouses', { name: `测试储备库${n}-${Date.now()}`, level: 'town', regionCode: o.regionCode ?? BAITANG, lng: 113.1, lat: 28.8 });
  const item = await post<{ id: string }>(t, cookie, '/api/command/resources/items', { name: `测试物资${n}-${Date.now()}`, unit: '件', category: 'flood' });
  if (quantity > 0) await post(t, cookie, '/api/command/resources/stock/inbound', { warehouseId: w.id, itemId: item.id, quantity, reason: '测试入库', expiresOn: o.expiresOn });
  return { warehouseId: w.id, itemId: item.id };
}

export interface LedgerLine { kind: string; quantity: number; balance_after: number; transfer_id: string | null; reason: string; ref_type: string | null; ref_id: string | null }

/** The ledger of one warehouse and item, in order. */
export const ledgerOf = (t: TestApp, warehouseId: string, itemId: string) => t.p.db.query<LedgerLine>(sql`select kind, quantity::float8 as quantity,
  balance_after::float8 as balance_after, transfer_id, reason, ref_type, ref_id from resource_stock_ledger where warehouse_id = ${warehouseId} and item_id = ${itemId} order by seq`);

/** The line's quantity and the sum of its batches. */
export const balanceOf = async (t: TestApp, warehouseId: string, itemId: string) => t.p.db.one<{ quantity: number; batches: number }>(sql`select s.quantity::float8 as quantity,
  (select coalesce(sum(b.quantity), 0)::float8 from resource_stock_batches b where b.stock_id = s.id) as batches from resource_stock s
  where s.warehouse_id = ${warehouseId} and s.item_id = ${itemId}`);

/** A Ctx for an account with the given scope and permissions (services called directly). */
export function ctxFor(t: TestApp, scope: Ctx['actor']['scope'], permissions: Permission[] = ['command:read', 'command:write']): Ctx {
  return { ...t.p, actor: { kind: 'account', id: null, name: '测试账号', roles: ['staff'], permissions: new Set(permissions), scope }, meta: {} };
}
