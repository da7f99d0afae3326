// HTTP ingestion end to end: stored after commit, duplicates ignored (rollups count once), bad readings and oversize
// batches rejected and counted, keys checked, series at the right resolution, an alarm on the bus at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import type { DomainEvent } from '../../../platform/events/bus.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { foldRollups } from '../storage/rollups.js';
import { applyRetention } from '../storage/retention.js';
import { ingesterFor } from './accept.js';
import { Ingester } from './ingester.js';
import { insertReadings } from './readings.store.js';
import { at, get, makeDevice, post, sendReadings } from '../testing.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  staff = await t.login('staff');
});
afterAll(async () => { await t.close(); });

const stats = async () => (await get(t, staff, '/api/monitoring/ingest/stats')).json();
const count = async (table: string, sensorId: string) =>
  (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.id(table)} where sensor_id = ${sensorId}`)).n;

describe('HTTP batch ingestion', () => {
  it('stores a batch and answers after the commit; a resent batch is ignored as duplicates', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    const readings = Array.from({ length: 120 }, (_, i) => ({ sensor: 'S1', ts: at(T0, -600 + i * 5), value: 5 + (i % 7) / 10 }));
    const r = await sendReadings(t, key, readings);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ accepted: 120, duplicates: 0, rejected: [] });
    expect(await count('sensor_readings', sensors[0].id)).toBe(120);
    const s0 = await stats();
    const again = await sendReadings(t, key, readings);
    expect(again.json()).toEqual({ accepted: 0, duplicates: 120, rejected: [] });
    expect((await stats()).retried - s0.retried).toBe(1); // written as new, failed on the first stored one, redone
    await ingesterFor(t.p).foldNow();
    const m = await t.p.db.one<{ n: number }>(sql`select sum(n)::int as n from sensor_readings_1m where sensor_id = ${sensors[0].id}`);
    const h = await t.p.db.one<{ n: number }>(sql`select sum(n)::int as n from sensor_readings_1h where sensor_id = ${sensors[0].id}`);
    expect([m.n, h.n]).toEqual([120, 120]);
    const latest = await t.p.db.one<{ value: number }>(sql`select value from sensor_latest where sensor_id = ${sensors[0].id}`);
    expect(latest.value).toBeCloseTo(readings[119].value);
  });

  it('stores the good readings of a batch and lists the bad ones with a reason', async () => {
    const { key } = await makeDevice(t, staff);
    const before = await stats();
    const r = await sendReadings(t, key, [
      { sensor: 'S1', ts: at(T0, -10), value: 1 },
      { sensor: 'S1', ts: 'yesterday', value: 2 },
      { sensor: 'NOPE', ts: at(T0, -9), value: 3 },
      { sensor: 'S1', ts: at(T0, 3600), value: 4 },
      { sensor: 'S1', ts: at(T0, -8), value: 'x' },
    ]);
    expect(r.statusCode).toBe(200);
    expect(r.json().accepted).toBe(1);
    expect(r.json().rejected.map((x: { index: number; reason: string }) => [x.index, x.reason])).toEqual([[1, 'invalid_reading'], [2, 'unknown_sensor'], [3, 'future_time'], [4, 'invalid_reading']]);
    expect(r.json().rejected[1].message).toMatch(/NOPE/);
    const after = await stats();
    expect(after.rejected.invalid_reading - (before.rejected.invalid_reading ?? 0)).toBe(2);
    expect(after.rejected.unknown_sensor - (before.rejected.unknown_sensor ?? 0)).toBe(1);
  });

  it('refuses an oversize batch with 413 and counts it, storing nothing', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    const before = (await stats()).rejected.too_large ?? 0;
    const r = await sendReadings(t, key, Array.from({ length: 5001 }, (_, i) => ({ sensor: 'S1', ts: at(T0, -6000 + i), value: 1 })));
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toMatch(/最多提交 5000 条/);
    expect((await stats()).rejected.too_large).toBe(before + 1);
    expect(await count('sensor_readings', sensors[0].id)).toBe(0);
  });

  it('refuses a missing, wrong or revoked key with 401 and counts it', async () => {
    const { device, key } = await makeDevice(t, staff);
    const before = (await stats()).rejected.unauthorized ?? 0;
    expect((await sendReadings(t, 'yj_wrong', [])).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/monitoring/readings', payload: { readings: [] } })).statusCode).toBe(401);
    expect((await post(t, staff, `/api/monitoring/devices/${device.id}/key/revoke`)).statusCode).toBe(200);
    const r = await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -1), value: 1 }]);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toMatch(/密钥无效或已吊销/);
    expect((await stats()).rejected.unauthorized).toBe(before + 3);
  });

  it('counts a body that is not JSON as malformed', async () => {
    const { key } = await makeDevice(t, staff);
    const before = (await stats()).rejected.malformed ?? 0;
    const r = await t.app.inject({ method: 'POST', url: '/api/monitoring/readings', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: '{"readings": [' });
    expect(r.statusCode).toBe(400);
    expect((await stats()).rejected.malformed).toBe(before + 1);
  });
});

describe('alarms from readings', () => {
  it('raises an alarm on the event bus as the batch commits, once, and notifies people', async () => {
    const { device, sensors, key } = await makeDevice(t, staff);
    const seen: DomainEvent[] = [];
    const off = t.p.events.subscribe((e) => { if (e.type.startsWith('monitoring.alarm')) seen.push(e); });
    const started = Date.now();
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -30), value: 9.5 }]);
    const raised = seen.find((e) => e.type === 'monitoring.alarm.raised');
    expect(raised, 'alarm event').toBeTruthy();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(raised!.regionCode).toBe(device.regionCode);
    expect(raised!.data).toMatchObject({ level: 2, condition: 'high_high', sensorId: sensors[0].id, sound: true });
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -20), value: 9.6 }, { sensor: 'S1', ts: at(T0, -10), value: 9.7 }]);
    off();
    const list = (await get(t, staff, `/api/monitoring/alarms?sensorId=${sensors[0].id}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ status: 'raised', level: 2, value: 9.5, threshold: 9, levelLabel: '二级报警' });
    expect(list.items[0].message).toMatch(/高高限报警：当前 9.5 m，限值 9 m/);
    const queued = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link = ${`/monitoring/alarms/${list.items[0].id}`}`);
    expect(queued.n).toBeGreaterThan(0);
  });
});

describe('series', () => {
  it('answers raw points for short ranges and rollups for long ones', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, Array.from({ length: 60 }, (_, i) => ({ sensor: 'S1', ts: at(T0, -3600 + i * 60), value: i })));
    const base = `/api/monitoring/sensors/${sensors[0].id}/series`;
    const raw = (await get(t, staff, `${base}?from=${at(T0, -3600)}&to=${T0}`)).json();
    expect(raw.resolution).toBe('raw');
    expect(raw.points).toHaveLength(60);
    const day = (await get(t, staff, `${base}?from=${at(T0, -86400)}&to=${T0}`)).json();
    expect(day.resolution).toBe('1m');
    expect(day.points).toHaveLength(60);
    const month = (await get(t, staff, `${base}?from=${at(T0, -30 * 86400)}&to=${T0}`)).json();
    expect(month.resolution).toBe('1h');
    expect(month.points.reduce((n: number, p: { n: number }) => n + p.n, 0)).toBe(60);
    expect(month.points[0]).toMatchObject({ min: expect.any(Number), max: expect.any(Number) });
  });
});

describe('rollups folded beside the ingest path', () => {
  const pending = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from sensor_rollup_pending`)).n;
  const rollupN = async (table: string, sensorId: string) =>
    (await t.p.db.one<{ n: number }>(sql`select coalesce(sum(n), 0)::int as n from ${sql.id(table)} where sensor_id = ${sensorId}`)).n;

  it('charts readings not yet folded, folds them exactly once with two folders at once, and folds what a killed process left', async () => {
    await ingesterFor(t.p).foldNow();
    const { sensors } = await makeDevice(t, staff);
    const id = sensors[0].id;
    // Three batches committed by the ingest statement itself, as a process killed before its fold leaves them.
    const t0 = new Date(at(T0, -7200)).getTime();
    for (let k = 0; k < 3; k++) {
      await t.p.db.tx((tx) => insertReadings(tx, Array.from({ length: 20 }, (_, i) => ({ sensorId: id, ts: t0 + (k * 20 + i) * 60_000, value: k * 20 + i }))));
    }
    expect(await pending()).toBe(3);
    expect(await rollupN('sensor_readings_1m', id)).toBe(0);
    const series = async (from: number) => (await get(t, staff, `/api/monitoring/sensors/${id}/series?from=${at(T0, from)}&to=${T0}`)).json();
    const total = (s: { points: { n: number }[] }) => s.points.reduce((n, p) => n + p.n, 0);
    const day = await series(-86400);
    expect(day.resolution).toBe('1m');
    expect(day.points).toHaveLength(60);
    const month = await series(-30 * 86400);
    expect(month.resolution).toBe('1h');
    expect(month.points.map((p: { n: number }) => p.n)).toEqual([60]);
    expect(month.points[0]).toMatchObject({ v: 29.5, min: 0, max: 59 });

    // Two folders at once (two processes): each pending row is taken by exactly one.
    const [a, b] = await Promise.all([foldRollups(t.p.db, 1), foldRollups(t.p.db, 1)]);
    expect(a + b).toBe(40);
    expect(await pending()).toBe(1);
    // The charts read the same whether a reading is folded or pending.
    expect(await series(-86400)).toEqual(day);
    expect(await series(-30 * 86400)).toEqual(month);
    // A new ingester (the process restarted) folds what was left.
    const restarted = new Ingester(t.p, { foldDelayMs: 0 });
    await restarted.stop();
    expect(await pending()).toBe(0);
    expect([await rollupN('sensor_readings_1m', id), await rollupN('sensor_readings_1h', id), total(await series(-86400))]).toEqual([60, 60, 60]);
    expect(await series(-30 * 86400)).toEqual(month);
  });
});

describe('retention', () => {
  it('deletes raw readings past RAW_RETENTION_DAYS, keeps the rollups, and refuses readings older than that', async () => {
    t.now.value = new Date(T0);
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, Array.from({ length: 10 }, (_, i) => ({ sensor: 'S1', ts: at(T0, -600 + i * 60), value: i })));
    t.now.value = new Date(at(T0, 91 * 86400));
    const gone = await applyRetention(t.p, 90);
    expect(gone.raw).toBeGreaterThanOrEqual(10);
    expect(await count('sensor_readings', sensors[0].id)).toBe(0);
    expect(await count('sensor_readings_1m', sensors[0].id)).toBe(10);
    const series = (await get(t, await t.login('staff'), `/api/monitoring/sensors/${sensors[0].id}/series?from=${at(T0, -3600)}&to=${T0}`)).json();
    expect(series).toMatchObject({ resolution: '1m' });
    expect(series.points).toHaveLength(10);
    const old = await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, 0), value: 1 }]);
    expect(old.json().rejected[0].reason).toBe('too_old');
    t.now.value = new Date(T0);
  });
});
