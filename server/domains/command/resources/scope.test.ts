// Data scope on every route of the resources part: a town reads its own region's resources and the county-level ones,
// and nothing of another town (lists, details, stock, ledger, map, readiness, export); a rescue brigade account reads
// what its organisation owns and the county-level ones; reading needs command:read and writing command:write; a
// writer is kept to its own region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { readSheet } from '../../enterprises/test-helpers.js';
import { createRecord, editRecord } from './registry.service.js';
import { REGISTERS } from './registry.store.js';
import { ancestorCodes } from './scope.js';
import { move, outbound } from './stock.service.js';
import { BAITANG, ctxFor, LUOJIANG } from './testing.js';

let t: TestApp;
let staff: string;
let baitang: string;
let rescuer: string;
let ent: string;
let brigadeId: string;
beforeAll(async () => {
  t = await buildTestApp();
  [staff, baitang, rescuer, ent] = await Promise.all(['staff', 'town_baitang', 'rescuer_demo', 'ent_demo'].map((u) => t.login(u)));
  brigadeId = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市综合应急救援大队'`)).id;
});
afterAll(async () => { await t.close(); });

const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
const COUNTY_UP = new Set(ancestorCodes(BAITANG));
const townOk = (code: string) => code.startsWith('430699101') || COUNTY_UP.has(code);
const LISTS = ['teams', 'experts', 'warehouses', 'shelters', 'equipment'];

describe('a town account (白塘镇)', () => {
  it('lists its own and the county-level resources of every register, and exports the same', async () => {
    for (const path of LISTS) {
      const r = await get(baitang, `/api/command/resources/${path}?pageSize=200`);
      expect(r.statusCode).toBe(200);
      const { items, total } = r.json();
      expect(items.length, path).toBeGreaterThan(0);
      expect(items.every((x: { regionCode: string }) => townOk(x.regionCode)), path).toBe(true);
      const exp = await get(baitang, `/api/command/resources/${path}/export`);
      expect(exp.statusCode).toBe(200);
      expect((await readSheet(exp.rawPayload)).length - 1).toBe(total);
    }
    const staffTotal = (await get(staff, '/api/command/resources/shelters?pageSize=1')).json().total;
    expect((await get(baitang, '/api/command/resources/shelters?pageSize=1')).json().total).toBeLessThan(staffTotal);
  });

  it('cannot open another town\'s records, stock or ledger', async () => {
    const other = await t.p.db.one<{ id: string }>(sql`select id from resource_shelters where region_code like '430699102%' limit 1`);
    expect((await get(baitang, `/api/command/resources/shelters/${other.id}`)).statusCode).toBe(404);
    expect((await get(staff, `/api/command/resources/shelters/${other.id}`)).statusCode).toBe(200);
    const store = await t.p.db.one<{ id: string }>(sql`select s.id from resource_stock s join resource_warehouses w on w.id = s.warehouse_id where w.region_code like '430699102%' limit 1`);
    expect((await get(baitang, `/api/command/resources/stock/${store.id}`)).statusCode).toBe(404);
    const stock = (await get(baitang, '/api/command/resources/stock?pageSize=200')).json();
    expect(stock.items.every((l: { regionCode: string }) => townOk(l.regionCode))).toBe(true);
    const ledger = (await get(baitang, '/api/command/resources/ledger?pageSize=200')).json();
    const visible = new Set((await get(baitang, '/api/command/resources/warehouses?pageSize=200')).json().items.map((w: { id: string }) => w.id));
    expect(ledger.items.every((l: { warehouseId: string }) => visible.has(l.warehouseId))).toBe(true);
    const map = (await get(baitang, '/api/command/resources/map')).json();
    expect(map.length).toBeGreaterThan(0);
    const mapIds = new Set(map.map((m: { id: string }) => m.id));
    expect(mapIds.has(other.id)).toBe(false);
  });

  it('sees the readiness overview of its reach only', async () => {
    const mine = (await get(baitang, '/api/command/resources/readiness')).json();
    const all = (await get(staff, '/api/command/resources/readiness')).json();
    expect(mine.counts.shelters).toBeLessThan(all.counts.shelters);
    expect(mine.counts.teams).toBe((await get(baitang, '/api/command/resources/teams?pageSize=1')).json().total);
  });

  it('may not write (no command:write)', async () => {
    const r = await t.as(baitang, { method: 'POST', url: '/api/command/resources/experts', payload: { name: '某专家', fields: ['消防'], regionCode: BAITANG } });
    expect(r.statusCode).toBe(403);
    const w = await t.p.db.one<{ id: string }>(sql`select id from resource_warehouses where region_code like '430699101%' limit 1`);
    const s = await t.as(baitang, { method: 'POST', url: '/api/command/resources/stock/outbound', payload: { warehouseId: w.id, itemId: w.id, quantity: 1, reason: 'x' } });
    expect(s.statusCode).toBe(403);
  });
});

describe('a writer scoped to a town', () => {
  const town = () => ctxFor(t, { kind: 'region', regionCode: BAITANG });
  it('registers and edits only inside its region, and cannot touch county-level records it can read', async () => {
    const made = await createRecord(town(), REGISTERS.expert, { name: '属地专家', fields: ['防汛抗旱'], regionCode: '430699101201' });
    expect(made.region_code).toBe('430699101201');
    await expect(createRecord(town(), REGISTERS.expert, { name: '越界专家', fields: ['消防'], regionCode: LUOJIANG })).rejects.toMatchObject({ status: 403 });
    await expect(editRecord(town(), REGISTERS.expert, made.id, { regionCode: LUOJIANG })).rejects.toMatchObject({ status: 403 });
    await expect(editRecord(town(), REGISTERS.expert, made.id, { lng: 113.2 })).rejects.toMatchObject({ status: 400, message: '经度和纬度须同时填写（或同时清空）' });
    await editRecord(town(), REGISTERS.expert, made.id, { lng: 113.2, lat: 28.8 });
    expect(await editRecord(town(), REGISTERS.expert, made.id, { lng: 113.25 })).toMatchObject({ lng: 113.25, lat: 28.8 });
    const county = await t.p.db.one<{ id: string }>(sql`select id from resource_teams where region_code = '430699000000' limit 1`);
    await expect(editRecord(town(), REGISTERS.team, county.id, { readiness: 'off_duty' })).rejects.toMatchObject({ status: 403 });
    const far = await t.p.db.one<{ id: string }>(sql`select id from resource_teams where region_code like '430699102%' limit 1`);
    await expect(editRecord(town(), REGISTERS.team, far.id, { readiness: 'off_duty' })).rejects.toMatchObject({ status: 404 });
  });

  it('moves stock of its own warehouses only', async () => {
    const line = await t.p.db.one<{ warehouse_id: string; item_id: string }>(sql`select s.warehouse_id, s.item_id from resource_stock s join resource_warehouses w on w.id = s.warehouse_id
      where w.region_code = '430699000000' and s.quantity > 1 limit 1`);
    await expect(move(town(), 'outbound', (tx, m) => outbound(tx, m, { warehouseId: line.warehouse_id, itemId: line.item_id, quantity: 1, reason: 'x' }))).rejects.toMatchObject({ status: 403 });
  });
});

describe('a rescue brigade account', () => {
  it('reads what its organisation owns and the county-level resources', async () => {
    const teams = (await get(rescuer, '/api/command/resources/teams?pageSize=200')).json().items;
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((x: { ownerOrgId: string | null; regionCode: string }) => x.ownerOrgId === brigadeId || x.regionCode.endsWith('000000'))).toBe(true);
    const towns = (await get(rescuer, '/api/command/resources/shelters?pageSize=200')).json().items;
    expect(towns.every((x: { regionCode: string }) => x.regionCode.endsWith('000000'))).toBe(true);
    expect((await t.as(rescuer, { method: 'PATCH', url: `/api/command/resources/teams/${teams[0].id}`, payload: { readiness: 'ready' } })).statusCode).toBe(403);
  });
});

describe('an enterprise account', () => {
  it('has no command:read and gets 403 on the resource lists', async () => {
    for (const path of [...LISTS, 'stock', 'ledger', 'map', 'readiness', 'items']) expect((await get(ent, `/api/command/resources/${path}`)).statusCode, path).toBe(403);
    expect((await get(ent, '/api/command/resources/nearby?lng=113&lat=28.8')).statusCode).toBe(403);
  });
});
