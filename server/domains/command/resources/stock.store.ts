// Every SQL statement about supplies: the catalogue, stock lines (one per warehouse and item), batches by expiry,
// and the ledger. Reads are scoped through the warehouse; movements run inside the caller's transaction.
import type { Actor, DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { readScope } from './scope.js';

export const warehouseScope = (viewer: Actor | DataScope) => readScope(viewer, { region: 'w.region_code', org: 'w.owner_org_id' });

export interface ItemRow { id: string; name: string; spec: string; unit: string; category: string }
export interface StockRow {
  id: string; warehouse_id: string; warehouse_name: string; region_code: string; owner_org_id: string | null; item_id: string; item_name: string; spec: string;
  unit: string; category: string; quantity: number; min_level: number; below_minimum: boolean; next_expiry: string | null; updated_at: Date;
}
export interface BatchRow { id: string; batch_no: string | null; quantity: number; expires_on: string | null; received_on: string }
export interface LedgerRow {
  id: string; seq: number; stock_id: string; warehouse_id: string; warehouse_name: string; item_id: string; item_name: string; unit: string; kind: string;
  quantity: number; balance_after: number; reason: string; ref_type: string | null; ref_id: string | null; transfer_id: string | null; actor_name: string; at: Date;
}

/** A page of the supplies catalogue. */
export async function listItems(db: Queryable, f: { category?: string; q?: string }, page: number, pageSize: number) {
  const w = sql.and([f.category ? sql`category = ${f.category}` : undefined, f.q ? sql`(name ilike ${'%' + f.q + '%'} or spec ilike ${'%' + f.q + '%'})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from resource_items where ${w}`);
  const items = await db.query<ItemRow>(sql`select id, name, spec, unit, category from resource_items where ${w} order by category, name, spec limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findItem = (db: Queryable, id: string) => db.maybeOne<ItemRow>(sql`select id, name, spec, unit, category from resource_items where id = ${id}`);
export const allItems = (db: Queryable) => db.query<ItemRow>(sql`select id, name, spec, unit, category from resource_items`);

export async function insertItem(db: Queryable, i: Omit<ItemRow, 'id'>): Promise<ItemRow> {
  const id = uuidv7();
  await db.execute(sql`insert into resource_items (id, name, spec, unit, category) values (${id}, ${i.name}, ${i.spec}, ${i.unit}, ${i.category})`);
  return { id, ...i };
}

const STOCK = sql`select s.id, s.warehouse_id, w.name as warehouse_name, w.region_code, w.owner_org_id, s.item_id, i.name as item_name, i.spec, i.unit, i.category,
  s.quantity::float8 as quantity, s.min_level::float8 as min_level, s.quantity < s.min_level as below_minimum, s.updated_at,
  (select min(b.expires_on)::text from resource_stock_batches b where b.stock_id = s.id and b.quantity > 0) as next_expiry
  from resource_stock s join resource_warehouses w on w.id = s.warehouse_id join resource_items i on i.id = s.item_id`;

export interface StockFilter { warehouseId?: string; itemId?: string; category?: string; regionCode?: string; belowMinimum?: boolean; q?: string }

function stockWhere(viewer: Actor | DataScope, f: StockFilter): Sql {
  return sql.and([warehouseScope(viewer), f.warehouseId ? sql`s.warehouse_id = ${f.warehouseId}` : undefined, f.itemId ? sql`s.item_id = ${f.itemId}` : undefined,
    f.category ? sql`i.category = ${f.category}` : undefined, f.regionCode ? sql`w.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.belowMinimum === true ? sql`s.quantity < s.min_level` : f.belowMinimum === false ? sql`s.quantity >= s.min_level` : undefined,
    f.q ? sql`(i.name ilike ${'%' + f.q + '%'} or w.name ilike ${'%' + f.q + '%'})` : undefined]);
}

/** A page of stock lines in the viewer's scope (pageSize null: all, for export). */
export async function listStock(db: Queryable, viewer: Actor | DataScope, f: StockFilter, page: number, pageSize: number | null) {
  const w = stockWhere(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from resource_stock s join resource_warehouses w on w.id = s.warehouse_id
    join resource_items i on i.id = s.item_id where ${w}`);
  const limit = pageSize === null ? sql`` : sql` limit ${pageSize} offset ${(page - 1) * pageSize}`;
  const items = await db.query<StockRow>(sql`${STOCK} where ${w} order by w.level, w.name, i.category, i.name, s.id${limit}`);
  return { items, total };
}

export const findStock = (db: Queryable, viewer: Actor | DataScope, id: string) => db.maybeOne<StockRow>(sql`${STOCK} where s.id = ${id} and ${warehouseScope(viewer)}`);

export const batchesOf = (db: Queryable, stockId: string) => db.query<BatchRow>(sql`select id, batch_no, quantity::float8 as quantity, expires_on::text as expires_on,
  received_on::text as received_on from resource_stock_batches where stock_id = ${stockId} and quantity > 0 order by expires_on nulls last, received_on, id`);

/** The line of a warehouse and item, made (empty) when it does not exist yet. */
export async function ensureStockLine(db: Queryable, warehouseId: string, itemId: string): Promise<string> {
  await db.execute(sql`insert into resource_stock (id, warehouse_id, item_id) values (${uuidv7()}, ${warehouseId}, ${itemId}) on conflict (warehouse_id, item_id) do nothing`);
  return (await db.one<{ id: string }>(sql`select id from resource_stock where warehouse_id = ${warehouseId} and item_id = ${itemId}`)).id;
}

export const setMinLevel = (db: Queryable, stockId: string, minLevel: number) =>
  db.execute(sql`update resource_stock set min_level = ${minLevel}, updated_at = now() where id = ${stockId}`);

/** Add to a line; returns the balance after. */
export async function addToLine(db: Queryable, stockId: string, quantity: number): Promise<number> {
  return (await db.one<{ q: number }>(sql`update resource_stock set quantity = quantity + ${quantity}, updated_at = now() where id = ${stockId} returning quantity::float8 as q`)).q;
}

/** Take from a line only if enough is there (the row lock serialises concurrent takers); undefined when not. */
export async function takeFromLine(db: Queryable, stockId: string, quantity: number): Promise<number | undefined> {
  return (await db.maybeOne<{ q: number }>(sql`update resource_stock set quantity = quantity - ${quantity}, updated_at = now()
    where id = ${stockId} and quantity >= ${quantity} returning quantity::float8 as q`))?.q;
}

/** The line's quantity, locked until the transaction ends. */
export const lockLine = async (db: Queryable, stockId: string) =>
  (await db.one<{ q: number }>(sql`select quantity::float8 as q from resource_stock where id = ${stockId} for update`)).q;

export async function insertBatch(db: Queryable, stockId: string, b: { batchNo?: string | null; quantity: number; expiresOn?: string | null; receivedOn: string }) {
  await db.execute(sql`insert into resource_stock_batches (id, stock_id, batch_no, quantity, expires_on, received_on)
    values (${uuidv7()}, ${stockId}, ${b.batchNo ?? null}, ${b.quantity}, ${b.expiresOn ?? null}, ${b.receivedOn})`);
}

/** Take `quantity` from the line's batches, earliest expiry first; returns what was taken from which batch. */
export async function consumeBatches(db: Queryable, stockId: string, quantity: number): Promise<{ batchNo: string | null; quantity: number; expiresOn: string | null }[]> {
  const batches = await db.query<BatchRow>(sql`select id, batch_no, quantity::float8 as quantity, expires_on::text as expires_on, received_on::text as received_on
    from resource_stock_batches where stock_id = ${stockId} and quantity > 0 order by expires_on nulls last, received_on, id for update`);
  const taken: { batchNo: string | null; quantity: number; expiresOn: string | null }[] = [];
  let left = quantity;
  for (const b of batches) {
    if (left <= 0) break;
    const q = Math.min(b.quantity, left);
    await db.execute(sql`update resource_stock_batches set quantity = quantity - ${q} where id = ${b.id}`);
    taken.push({ batchNo: b.batch_no, quantity: q, expiresOn: b.expires_on });
    left = Math.round((left - q) * 100) / 100;
  }
  return taken;
}

export interface LedgerWrite {
  stockId: string; warehouseId: string; itemId: string; kind: string; quantity: number; balanceAfter: number; reason: string;
  refType?: string | null; refId?: string | null; transferId?: string | null; actorId: string | null; actorName: string; at: Date;
}

/** Append one ledger line; returns its id. */
export async function insertLedger(db: Queryable, l: LedgerWrite): Promise<string> {
  const id = uuidv7();
  await db.execute(sql`insert into resource_stock_ledger (id, stock_id, warehouse_id, item_id, kind, quantity, balance_after, reason, ref_type, ref_id, transfer_id, actor_id, actor_name, at)
    values (${id}, ${l.stockId}, ${l.warehouseId}, ${l.itemId}, ${l.kind}, ${l.quantity}, ${l.balanceAfter}, ${l.reason}, ${l.refType ?? null}, ${l.refId ?? null},
    ${l.transferId ?? null}, ${l.actorId}, ${l.actorName}, ${l.at.toISOString()})`);
  return id;
}

const LEDGER = sql`select l.id, l.seq::int as seq, l.stock_id, l.warehouse_id, w.name as warehouse_name, l.item_id, i.name as item_name, i.unit, l.kind,
  l.quantity::float8 as quantity, l.balance_after::float8 as balance_after, l.reason, l.ref_type, l.ref_id, l.transfer_id, l.actor_name, l.at
  from resource_stock_ledger l join resource_warehouses w on w.id = l.warehouse_id join resource_items i on i.id = l.item_id`;

export interface LedgerFilter { warehouseId?: string; itemId?: string; kind?: string; from?: string; to?: string; q?: string }

/** A page of the ledger in the viewer's scope, newest first (pageSize null: all, for export). */
export async function listLedger(db: Queryable, viewer: Actor | DataScope, f: LedgerFilter, page: number, pageSize: number | null) {
  const w = sql.and([warehouseScope(viewer), f.warehouseId ? sql`l.warehouse_id = ${f.warehouseId}` : undefined, f.itemId ? sql`l.item_id = ${f.itemId}` : undefined,
    f.kind ? sql`l.kind = ${f.kind}` : undefined, f.from ? sql`l.at >= (${f.from}::date)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    f.to ? sql`l.at < (${f.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : undefined,
    f.q ? sql`(i.name ilike ${'%' + f.q + '%'} or l.reason ilike ${'%' + f.q + '%'} or l.actor_name ilike ${'%' + f.q + '%'})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from resource_stock_ledger l join resource_warehouses w on w.id = l.warehouse_id
    join resource_items i on i.id = l.item_id where ${w}`);
  const limit = pageSize === null ? sql`` : sql` limit ${pageSize} offset ${(page - 1) * pageSize}`;
  const items = await db.query<LedgerRow>(sql`${LEDGER} where ${w} order by l.seq desc${limit}`);
  return { items, total };
}

export const ledgerByIds = (db: Queryable, ids: string[]) => db.query<LedgerRow>(sql`${LEDGER} where l.id = any(${ids}::uuid[]) order by l.seq`);

/** The warehouse a movement names, with its scope fields, when the viewer can see it. */
export const visibleWarehouse = (db: Queryable, viewer: Actor | DataScope, id: string) =>
  db.maybeOne<{ id: string; name: string; region_code: string; owner_org_id: string | null }>(sql`select w.id, w.name, w.region_code, w.owner_org_id
    from resource_warehouses w where w.id = ${id} and ${warehouseScope(viewer)}`);
