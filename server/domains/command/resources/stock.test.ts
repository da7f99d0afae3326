// The stock ledger's rules: a line never goes below zero (refused with the balance, also under concurrent outbounds,
// and held by the database constraint), every movement is a ledger line with the balance after it and an audit record,
// a transfer is two lines in one transaction, outbounds take the earliest expiry first, and the incident desk's
// stockOut runs inside its caller's transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { resourcesDirectory } from './directory.js';
import { balanceOf, ledgerOf, post, stockedLine } from './testing.js';

let t: TestApp;
let staff: string;
beforeAll(async () => { t = await buildTestApp(); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

const out = (payload: object) => t.as(staff, { method: 'POST', url: '/api/command/resources/stock/outbound', payload });

describe('outbound', () => {
  it('refuses to take more than the balance, says how much there is, and writes nothing', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 10);
    const r = await out({ warehouseId, itemId, quantity: 11, reason: '抢险' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/库存只有 10 件，不足 11 件，不能出库/);
    expect(await balanceOf(t, warehouseId, itemId)).toEqual({ quantity: 10, batches: 10 });
    expect((await ledgerOf(t, warehouseId, itemId)).map((l) => l.kind)).toEqual(['inbound']);
  });

  it('lets exactly as many concurrent outbounds through as the balance covers', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 10);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => out({ warehouseId, itemId, quantity: 3, reason: `并发出库 ${i}` })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
    expect(await balanceOf(t, warehouseId, itemId)).toEqual({ quantity: 1, batches: 1 });
    const ledger = await ledgerOf(t, warehouseId, itemId);
    expect(ledger.map((l) => [l.kind, l.quantity, l.balance_after])).toEqual([['inbound', 10, 10], ['outbound', -3, 7], ['outbound', -3, 4], ['outbound', -3, 1]]);
  });

  it('is held by the database even when a statement skips the service', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 2);
    await expect(t.p.db.execute(sql`update resource_stock set quantity = quantity - 3 where warehouse_id = ${warehouseId} and item_id = ${itemId}`)).rejects.toThrow(/check/i);
  });

  it('takes the batch that expires first', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 5, { expiresOn: '2030-01-01' });
    await post(t, staff, '/api/command/resources/stock/inbound', { warehouseId, itemId, quantity: 5, reason: '第二批', expiresOn: '2027-01-01' });
    await post(t, staff, '/api/command/resources/stock/outbound', { warehouseId, itemId, quantity: 6, reason: '出库' });
    const line = (await t.as(staff, { method: 'GET', url: `/api/command/resources/stock?warehouseId=${warehouseId}` })).json().items[0];
    const detail = (await t.as(staff, { method: 'GET', url: `/api/command/resources/stock/${line.id}` })).json();
    expect(detail.batches.map((b: { quantity: number; expiresOn: string }) => [b.quantity, b.expiresOn])).toEqual([[4, '2030-01-01']]);
  });
});

describe('the ledger', () => {
  it('records every movement with the balance after it, who and why, and audits each', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 100);
    await post(t, staff, '/api/command/resources/stock/outbound', { warehouseId, itemId, quantity: 30, reason: '防汛调用', refType: 'incident', refId: 'INC-1' });
    await post(t, staff, '/api/command/resources/stock/adjust', { warehouseId, itemId, counted: 68, reason: '月度盘点' });
    await post(t, staff, '/api/command/resources/stock/adjust', { warehouseId, itemId, counted: 75, reason: '补盘' });
    const ledger = await ledgerOf(t, warehouseId, itemId);
    expect(ledger.map((l) => [l.kind, l.quantity, l.balance_after])).toEqual([['inbound', 100, 100], ['outbound', -30, 70], ['adjust', -2, 68], ['adjust', 7, 75]]);
    expect(ledger[1]).toMatchObject({ reason: '防汛调用', ref_type: 'incident', ref_id: 'INC-1' });
    expect(await balanceOf(t, warehouseId, itemId)).toEqual({ quantity: 75, batches: 75 });
    const api = (await t.as(staff, { method: 'GET', url: `/api/command/resources/ledger?warehouseId=${warehouseId}` })).json();
    expect(api.total).toBe(4);
    expect(api.items[0]).toMatchObject({ kind: 'adjust', balanceAfter: 75, actorName: expect.any(String) });
    const stockId = (await t.p.db.one<{ id: string }>(sql`select id from resource_stock where warehouse_id = ${warehouseId} and item_id = ${itemId}`)).id;
    const audits = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${stockId} order by seq`);
    expect(audits.map((a) => a.action)).toEqual(['command.resources.stock.inbound', 'command.resources.stock.outbound', 'command.resources.stock.adjust', 'command.resources.stock.adjust']);
  });

  it('writes a transfer as two lines sharing one transfer id, and nothing when the source is short', async () => {
    const a = await stockedLine(t, staff, 50, { expiresOn: '2028-05-01' });
    const b = await post<{ id: string }>(t, staff, '/api/command/resources/warehouses', { name: `调入库-${Date.now()}`, level: 'town', regionCode: '430699102000' });
    const moved = await post<{ entries: { kind: string; transferId: string; balanceAfter: number }[] }>(t, staff, '/api/command/resources/stock/transfer',
      { fromWarehouseId: a.warehouseId, toWarehouseId: b.id, itemId: a.itemId, quantity: 20, reason: '支援罗江' });
    expect(moved.entries.map((e) => [e.kind, e.balanceAfter])).toEqual([['transfer_out', 30], ['transfer_in', 20]]);
    expect(moved.entries[0].transferId).toBe(moved.entries[1].transferId);
    expect(await balanceOf(t, b.id, a.itemId)).toEqual({ quantity: 20, batches: 20 });
    const batch = await t.p.db.one<{ e: string }>(sql`select b.expires_on::text as e from resource_stock_batches b join resource_stock s on s.id = b.stock_id where s.warehouse_id = ${b.id}`);
    expect(batch.e).toBe('2028-05-01');

    const short = await t.as(staff, { method: 'POST', url: '/api/command/resources/stock/transfer', payload: { fromWarehouseId: a.warehouseId, toWarehouseId: b.id, itemId: a.itemId, quantity: 31, reason: '再调' } });
    expect(short.statusCode).toBe(409);
    expect((await ledgerOf(t, b.id, a.itemId)).length).toBe(1);
    expect((await ledgerOf(t, a.warehouseId, a.itemId)).length).toBe(2);
  });

  it('refuses a transfer into the same warehouse and an unknown item with Chinese messages', async () => {
    const a = await stockedLine(t, staff, 5);
    const same = await t.as(staff, { method: 'POST', url: '/api/command/resources/stock/transfer', payload: { fromWarehouseId: a.warehouseId, toWarehouseId: a.warehouseId, itemId: a.itemId, quantity: 1, reason: 'x' } });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.message).toBe('调出和调入的储备库不能相同');
    const unknown = await out({ warehouseId: a.warehouseId, itemId: '01890000-0000-7000-8000-000000000000', quantity: 1, reason: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/物资不存在/);
    const zero = await out({ warehouseId: a.warehouseId, itemId: a.itemId, quantity: 0, reason: 'x' });
    expect(zero.statusCode).toBe(400);
  });
});

describe('stockOut for the incident desk', () => {
  it('runs in the caller\'s transaction: rolled back with it, kept when it commits', async () => {
    const { warehouseId, itemId } = await stockedLine(t, staff, 20);
    const actor = { kind: 'account' as const, id: null, name: '值班员', roles: ['staff'], permissions: new Set(['command:write' as const]), scope: { kind: 'all' as const } };
    const move = { warehouseId, itemId, quantity: 5, reason: '事件调拨', refType: 'incident', refId: 'test-incident' };
    await expect(t.p.db.tx(async (tx) => { await resourcesDirectory.stockOut(tx, actor, move); throw new Error('dispatch failed'); })).rejects.toThrow('dispatch failed');
    expect(await balanceOf(t, warehouseId, itemId)).toEqual({ quantity: 20, batches: 20 });
    const r = await t.p.db.tx((tx) => resourcesDirectory.stockOut(tx, actor, move));
    expect(r.balance).toBe(15);
    const ledger = await ledgerOf(t, warehouseId, itemId);
    expect(ledger.at(-1)).toMatchObject({ kind: 'outbound', quantity: -5, balance_after: 15, ref_type: 'incident', ref_id: 'test-incident' });
    await expect(t.p.db.tx((tx) => resourcesDirectory.stockOut(tx, actor, { ...move, quantity: 16 }))).rejects.toMatchObject({ status: 409 });
  });
});
