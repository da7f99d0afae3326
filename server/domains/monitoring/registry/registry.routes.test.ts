// The registry's rules (where a device belongs, threshold order, unique codes, keys shown once) and the caller's
// scope on every monitoring route: a town sees its own devices, sensors, series and alarms; an enterprise its own;
// a region-limited writer cannot reach outside its region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, get, makeDevice, post, regionStaff, sendReadings, uniqueCode } from '../testing.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';
const BAITANG = '430699101000';
const LUOJIANG = '430699102000';
type Made = Awaited<ReturnType<typeof makeDevice>>;
let inBaitang: Made; let inLuojiang: Made; let atEnterprise: Made; let enterpriseId: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  staff = await t.login('staff');
  enterpriseId = (await get(t, await t.login('ent_demo'), '/api/auth/me')).json().scope.enterpriseId;
  inBaitang = await makeDevice(t, staff, { at: { placeName: '白塘镇山塘', regionCode: BAITANG } });
  inLuojiang = await makeDevice(t, staff, { at: { placeName: '罗江水位站', regionCode: LUOJIANG } });
  atEnterprise = await makeDevice(t, staff, { at: { enterpriseId } });
  for (const d of [inBaitang, inLuojiang, atEnterprise]) await sendReadings(t, d.key, [{ sensor: 'S1', ts: at(T0, -10), value: 9.5 }]);
});
afterAll(async () => { await t.close(); });

describe('registry rules', () => {
  it('takes an enterprise device\'s region and place from the enterprise registry, and audits the creation', async () => {
    expect(atEnterprise.device).toMatchObject({ enterpriseId, enterpriseName: '汨水市恒达化工有限公司', facilityId: null, hasKey: false });
    const audit = await t.p.db.one<{ action: string }>(sql`select action from audit_log where entity_id = ${atEnterprise.device.id} order by seq limit 1`);
    expect(audit.action).toBe('monitoring.device.create');
  });

  it('puts a device at exactly one of enterprise, facility or place', async () => {
    const r = await post(t, staff, '/api/monitoring/devices', { code: uniqueCode(), name: 'x', enterpriseId, placeName: '两处', regionCode: BAITANG });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/须且只能属于一个对象/);
    const noSource = await post(t, staff, '/api/monitoring/devices', { code: uniqueCode(), name: 'x', enterpriseId, hazardSourceId: '01900000-0000-7000-8000-00000000abcd' });
    expect(noSource.json().error.message).toMatch(/所选重大危险源不存在/);
  });

  it('places a device at a facility, which counts its devices', async () => {
    const f = await post(t, staff, '/api/monitoring/facilities', { name: '上峰水库', kind: 'reservoir', regionCode: '430699101203', lng: 113.1, lat: 28.8,
      characteristics: { 汛限水位: 52.5, 设计洪水位: 55.2 }, responsible: [{ role: '行政责任人', name: '李建华', phone: '13800000001' }] });
    expect(f.statusCode, f.body).toBe(200);
    const d = await makeDevice(t, staff, { at: { facilityId: f.json().id } });
    expect(d.device).toMatchObject({ facilityName: '上峰水库', regionCode: '430699101203', lng: 113.1 });
    expect((await get(t, staff, `/api/monitoring/facilities/${f.json().id}`)).json()).toMatchObject({ deviceCount: 1, characteristics: { 汛限水位: 52.5 } });
  });

  it('refuses thresholds out of order or outside the range, naming them', async () => {
    const r = await post(t, staff, '/api/monitoring/sensors', { deviceId: inBaitang.device.id, code: 'BAD', name: 'x', type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10,
      high: 8, highHigh: 7, expectedIntervalSec: 60 });
    expect(r.json().error.message).toMatch(/低低限 ≤ 低限 < 高限 ≤ 高高限.*高限 8 与 高高限 7/);
    const out = await t.as(staff, { method: 'PATCH', url: `/api/monitoring/sensors/${inBaitang.sensors[0].id}`, payload: { highHigh: 12 } });
    expect(out.json().error.message).toMatch(/高高限 12 超出量程 0～10/);
  });

  it('refuses a device code or a sensor code used twice', async () => {
    expect((await post(t, staff, '/api/monitoring/devices', { code: inBaitang.device.code, name: 'x', placeName: 'y', regionCode: BAITANG })).statusCode).toBe(409);
    const dup = await post(t, staff, '/api/monitoring/sensors', { deviceId: inBaitang.device.id, code: 'S1', name: 'x', type: 'level', unit: 'm', expectedIntervalSec: 60 });
    expect(dup.statusCode).toBe(409);
  });

  it('shows a key once, keeps only its prefix, and a new key replaces the old one', async () => {
    const d = (await get(t, staff, `/api/monitoring/devices/${inBaitang.device.id}`)).json();
    expect(d).toMatchObject({ hasKey: true, keyPrefix: inBaitang.key.slice(0, 10) });
    expect(JSON.stringify(d)).not.toContain(inBaitang.key);
    const stored = await t.p.db.one<{ key_hash: string }>(sql`select key_hash from api_keys where prefix = ${d.keyPrefix}`);
    expect(stored.key_hash).toMatch(/^[0-9a-f]{64}$/);
    const fresh = (await post(t, staff, `/api/monitoring/devices/${inBaitang.device.id}/key`)).json();
    expect((await sendReadings(t, inBaitang.key, [])).statusCode).toBe(401);
    expect((await sendReadings(t, fresh.key, [{ sensor: 'S1', ts: at(T0, -5), value: 9.6 }])).statusCode).toBe(200);
    inBaitang.key = fresh.key;
  });
});

describe('scope on every route', () => {
  it('lets a town see its own devices, sensors, series, alarms and facilities only', async () => {
    const town = await t.login('town_baitang');
    const ids = (url: string) => get(t, town, url).then((r) => r.json().items.map((x: { id: string }) => x.id));
    expect(await ids('/api/monitoring/devices?pageSize=200')).toContain(inBaitang.device.id);
    expect(await ids('/api/monitoring/devices?pageSize=200')).not.toContain(inLuojiang.device.id);
    expect(await ids('/api/monitoring/sensors?pageSize=200')).not.toContain(inLuojiang.sensors[0].id);
    const alarms = (await get(t, town, '/api/monitoring/alarms?pageSize=200')).json().items.map((a: { deviceId: string }) => a.deviceId);
    expect(alarms).toContain(inBaitang.device.id);
    expect(alarms).not.toContain(inLuojiang.device.id);
    expect((await get(t, town, `/api/monitoring/devices/${inLuojiang.device.id}`)).statusCode).toBe(404);
    expect((await get(t, town, `/api/monitoring/sensors/${inLuojiang.sensors[0].id}`)).statusCode).toBe(404);
    expect((await get(t, town, `/api/monitoring/sensors/${inLuojiang.sensors[0].id}/series?from=${at(T0, -60)}&to=${T0}`)).statusCode).toBe(404);
    const other = (await get(t, staff, `/api/monitoring/alarms?deviceId=${inLuojiang.device.id}`)).json().items[0];
    expect((await get(t, town, `/api/monitoring/alarms/${other.id}`)).statusCode).toBe(404);
    const overview = (await get(t, town, '/api/monitoring/overview')).json();
    expect(overview.devices).toBeLessThan((await get(t, staff, '/api/monitoring/overview')).json().devices);
  });

  it('lets an enterprise see its own devices and alarms only', async () => {
    const ent = await t.login('ent_demo');
    const devices = (await get(t, ent, '/api/monitoring/devices?pageSize=200')).json().items;
    expect(devices.map((d: { enterpriseId: string }) => d.enterpriseId).every((id: string) => id === enterpriseId)).toBe(true);
    expect(devices.map((d: { id: string }) => d.id)).toContain(atEnterprise.device.id);
    const alarms = (await get(t, ent, '/api/monitoring/alarms?pageSize=200')).json().items;
    expect(alarms.length).toBeGreaterThan(0);
    expect(alarms.every((a: { enterpriseId: string }) => a.enterpriseId === enterpriseId)).toBe(true);
    expect((await get(t, ent, `/api/monitoring/sensors/${inBaitang.sensors[0].id}`)).statusCode).toBe(404);
  });

  it('keeps a region-limited writer inside its region on every write', async () => {
    const writer = await regionStaff(t, BAITANG);
    expect((await post(t, writer, '/api/monitoring/devices', { code: uniqueCode(), name: 'x', placeName: 'y', regionCode: LUOJIANG })).statusCode).toBe(403);
    expect((await post(t, writer, '/api/monitoring/devices', { code: uniqueCode(), name: 'x', placeName: 'y', regionCode: BAITANG })).statusCode).toBe(200);
    expect((await t.as(writer, { method: 'PATCH', url: `/api/monitoring/devices/${inLuojiang.device.id}`, payload: { name: 'x' } })).statusCode).toBe(404);
    expect((await post(t, writer, `/api/monitoring/devices/${inLuojiang.device.id}/key`)).statusCode).toBe(404);
    expect((await post(t, writer, `/api/monitoring/devices/${inLuojiang.device.id}/key/revoke`)).statusCode).toBe(404);
    expect((await post(t, writer, '/api/monitoring/sensors', { deviceId: inLuojiang.device.id, code: 'X', name: 'x', type: 'level', unit: 'm', expectedIntervalSec: 60 })).statusCode).toBe(400);
    expect((await t.as(writer, { method: 'PATCH', url: `/api/monitoring/sensors/${inLuojiang.sensors[0].id}`, payload: { high: 7 } })).statusCode).toBe(404);
    const far = (await get(t, staff, `/api/monitoring/alarms?deviceId=${inLuojiang.device.id}`)).json().items[0];
    const near = (await get(t, staff, `/api/monitoring/alarms?deviceId=${inBaitang.device.id}`)).json().items[0];
    expect((await post(t, writer, `/api/monitoring/alarms/${far.id}/acknowledge`)).statusCode).toBe(404);
    expect((await post(t, writer, `/api/monitoring/alarms/${near.id}/acknowledge`)).statusCode).toBe(200);
    expect((await post(t, writer, '/api/monitoring/facilities', { name: 'x', kind: 'rain_gauge', regionCode: LUOJIANG })).statusCode).toBe(403);
    expect((await post(t, writer, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'red', headline: 'x', description: 'x', guidance: 'x',
      regionCodes: [LUOJIANG], effectiveAt: T0, expiresAt: at(T0, 3600) })).statusCode).toBe(403);
  });
});

describe('thresholds that are not set', () => {
  it('keeps null as "not set" and 0 as 0, on create and when a threshold is cleared', async () => {
    const r = await post(t, staff, '/api/monitoring/sensors', { deviceId: inBaitang.device.id, code: 'NULLS', name: '空阈值', type: 'temperature', unit: '℃',
      rangeMin: -20, rangeMax: 80, lowLow: null, low: 0, high: 40, highHigh: null, rateLimit: null, stuckAfterSec: null, expectedIntervalSec: 60 });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ lowLow: null, low: 0, high: 40, highHigh: null, rateLimit: null, stuckAfterSec: null });
    const cleared = await t.as(staff, { method: 'PATCH', url: `/api/monitoring/sensors/${r.json().id}`, payload: { low: null, highHigh: 50 } });
    expect(cleared.json()).toMatchObject({ lowLow: null, low: null, high: 40, highHigh: 50 });
  });
});

describe('personal data (issue #11): the responsible people\'s phones', () => {
  it('are masked in the list and the detail, revealed one at a time (audited) with personal:phone in scope, and kept when sent back masked', async () => {
    const created = await post(t, staff, '/api/monitoring/facilities', { name: '下湾山塘', kind: 'reservoir', regionCode: '430699101203',
      responsible: [{ role: '行政责任人', name: '王立新', phone: '13800005555' }, { role: '巡查责任人', name: '赵小河', phone: '0730-5216666' }] });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const masked = [{ role: '行政责任人', name: '王立新', phone: '138****5555' }, { role: '巡查责任人', name: '赵小河', phone: '073*-***6666' }];
    expect(created.json().responsible).toEqual(masked);
    expect((await get(t, staff, `/api/monitoring/facilities/${id}`)).json().responsible).toEqual(masked);
    const listed = (await get(t, staff, `/api/monitoring/facilities?q=${encodeURIComponent('下湾山塘')}`)).json().items;
    expect(listed.map((f: { responsible: unknown }) => f.responsible)).toEqual([masked]);

    const reveals = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${id}`)).n;
    const reveal = async (user: string, field: string) => t.as(await t.login(user), { method: 'POST', url: '/api/personal/reveal', payload: { entity: 'monitoring_facility', id, field } });
    const r = await reveal('town_baitang', 'responsiblePhone1');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().value).toBe('0730-5216666');
    const [rec] = await t.p.db.query<{ after: { what: string; field: string; masked: string } }>(sql`select after from audit_log
      where action = 'personal.reveal' and entity_id = ${id} order by seq desc limit 1`);
    expect(rec.after).toMatchObject({ field: 'responsiblePhone1', masked: '073*-***6666' });
    expect(rec.after.what).toContain('监测设施「下湾山塘」的电话号码');
    expect((await reveal('officer', 'responsiblePhone0')).statusCode).toBe(403);
    expect((await reveal('town_luojiang', 'responsiblePhone0')).statusCode).toBe(404);
    expect((await reveal('staff', 'responsibleName0')).statusCode).toBe(400);
    expect(await reveals()).toBe(1);

    // The form sends the masked list back, reordered and with one person added: stored numbers are kept.
    const edited = await t.as(staff, { method: 'PATCH', url: `/api/monitoring/facilities/${id}`,
      payload: { responsible: [masked[1], masked[0], { role: '技术责任人', name: '陈工', phone: '13900007777' }] } });
    expect(edited.statusCode, edited.body).toBe(200);
    const stored = await t.p.db.one<{ responsible: { phone: string }[] }>(sql`select responsible from monitoring_facilities where id = ${id}`);
    expect(stored.responsible.map((x) => x.phone)).toEqual(['0730-5216666', '13800005555', '13900007777']);
    const typed = await t.as(staff, { method: 'PATCH', url: `/api/monitoring/facilities/${id}`,
      payload: { responsible: [{ role: '行政责任人', name: '王立新', phone: '138****0000' }] } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toMatch(/电话不完整/);
    expect((await t.p.db.one<{ n: number }>(sql`select jsonb_array_length(responsible)::int as n from monitoring_facilities where id = ${id}`)).n).toBe(3);
  });
});
