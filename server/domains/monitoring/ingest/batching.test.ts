// Group commit and lanes (issue 12): many devices sending at once share batches, each device's readings are judged
// in time order in its own lane, every crossing raises exactly one alarm (audited), and a reading sent twice — in
// one batch or again later — is stored and counted once. Runs on both databases (two lanes on PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, makeDevice, sendReadings } from '../testing.js';
import { ingesterFor } from './accept.js';
import { Ingester } from './ingester.js';
import { insertReadings, isDuplicateReading } from './readings.store.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  staff = await t.login('staff');
});
afterAll(async () => { await t.close(); });

describe('ingest batches', () => {
  it('takes concurrent devices in shared batches, one alarm per crossing, each audited', async () => {
    const devices = await Promise.all(Array.from({ length: 6 }, () => makeDevice(t, staff, { sensors: [{ code: 'A' }, { code: 'B' }] })));
    const ing = ingesterFor(t.p);
    const before = { batches: ing.stats.batches, accepted: ing.stats.accepted };
    // Each device: 3 requests sent at once of 40 readings (20 per sensor); the value crosses 高限 (8) at second 10,
    // back below the 回差 at 15, and over 高限 again at 18 — two raises per sensor, whatever the batches.
    const value = (s: number) => (s >= 18 ? 8.5 : s >= 15 ? 5 : s >= 10 ? 8.4 : 5);
    const sends = devices.flatMap((d) => [0, 1, 2].map((part) => sendReadings(t, d.key,
      Array.from({ length: 20 }, (_, i) => i + part * 20).flatMap((i) => ['A', 'B'].map((sensor) => ({ sensor, ts: at(T0, -300 + i), value: value(i) }))))));
    const answers = await Promise.all(sends);
    for (const a of answers) expect(a.json(), a.body).toEqual({ accepted: 40, duplicates: 0, rejected: [] });
    expect(ing.stats.accepted - before.accepted).toBe(6 * 3 * 40);
    expect(ing.stats.batches - before.batches).toBeLessThan(18); // requests shared batches

    const sensorIds = devices.flatMap((d) => d.sensors.map((s: { id: string }) => s.id));
    const alarms = await t.p.db.query<{ sensor_id: string; id: string; cleared_at: string | null }>(sql`select sensor_id, id, cleared_at from monitoring_alarms
      where sensor_id = any(${sensorIds}::uuid[]) and rule = 'threshold'`);
    expect(alarms).toHaveLength(sensorIds.length); // one alarm per sensor: raised, cleared, recurred
    const trail = await t.p.db.query<{ alarm_id: string; action: string }>(sql`select alarm_id, action from monitoring_alarm_events
      where alarm_id = any(${alarms.map((a) => a.id)}::uuid[]) order by at, id`);
    for (const a of alarms) expect(trail.filter((e) => e.alarm_id === a.id).map((e) => e.action)).toEqual(['raise', 'clear', 'recur']);
    const audited = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = any(${alarms.map((a) => a.id)}) and action like 'monitoring.alarm.%'`);
    expect(audited.n).toBe(alarms.length * 3);
  });

  it('stores and counts a reading sent twice in one request once, and a resent one as a duplicate', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    const r = await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -50), value: 1 }, { sensor: 'S1', ts: at(T0, -50), value: 1 }, { sensor: 'S1', ts: at(T0, -49), value: 2 }]);
    expect(r.json()).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    const again = await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -49), value: 2 }, { sensor: 'S1', ts: at(T0, -48), value: 3 }]);
    expect(again.json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    await ingesterFor(t.p).foldNow();
    const rollup = await t.p.db.one<{ n: number; sum: number }>(sql`select sum(n)::int as n, sum(sum)::float8 as sum from sensor_readings_1m where sensor_id = ${sensors[0].id}`);
    expect(rollup).toEqual({ n: 3, sum: 6 });
    const latest = await t.p.db.one<{ value: number }>(sql`select value from sensor_latest where sensor_id = ${sensors[0].id}`);
    expect(Number(latest.value)).toBe(3);
  });

  it('keeps nothing of a batch written as all-new when one reading is stored already', async () => {
    const { sensors } = await makeDevice(t, staff);
    const row = { sensorId: sensors[0].id, ts: Date.parse(at(T0, -40)), value: 4 };
    await t.p.db.tx((tx) => insertReadings(tx, [row]));
    const err = await t.p.db.tx((tx) => insertReadings(tx, [{ ...row, ts: row.ts + 1000 }, row])).catch((e: unknown) => e);
    expect(isDuplicateReading(err)).toBe(true);
    expect(await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from sensor_readings where sensor_id = ${row.sensorId}`)).toEqual({ n: 1 });
    expect(await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from sensor_rollup_pending p, unnest(p.ids) as i where i = ${row.sensorId}`)).toEqual({ n: 1 });
  });

  it('a batch where one device resends and another sends new readings: the new ones stored, judged and rolled up once', async () => {
    const resender = await makeDevice(t, staff);
    const fresh = await makeDevice(t, staff);
    const ing = new Ingester(t.p, { lanes: 1, windowMs: 30 }); // one lane, a window both submissions fall in
    await ing.cache.device(resender.device.id);
    await ing.cache.device(fresh.device.id);
    const old = Array.from({ length: 5 }, (_, i) => ({ sensorId: resender.sensors[0].id, ts: Date.parse(at(T0, -200 + i)), value: 5 }));
    expect(await ing.submit(old, resender.device.id)).toBe(5);
    const before = { ...ing.stats };
    // The fresh device crosses 高限 (8) once; the resender sends its five again with one new reading.
    const crossing = Array.from({ length: 6 }, (_, i) => ({ sensorId: fresh.sensors[0].id, ts: Date.parse(at(T0, -100 + i)), value: i < 3 ? 5 : 8.6 }));
    const [a, b] = await Promise.all([
      ing.submit([...old, { sensorId: resender.sensors[0].id, ts: Date.parse(at(T0, -150)), value: 6 }], resender.device.id),
      ing.submit(crossing, fresh.device.id),
    ]);
    expect([a, b]).toEqual([1, 6]);
    expect([ing.stats.batches - before.batches, ing.stats.retried - before.retried]).toEqual([1, 1]);
    const alarms = await t.p.db.query(sql`select id from monitoring_alarms where sensor_id = ${fresh.sensors[0].id}`);
    expect(alarms).toHaveLength(1);
    // The next batch, in the half minute after, skips stored readings without failing first.
    expect(await ing.submit(old.slice(0, 2), resender.device.id)).toBe(0);
    expect(ing.stats.retried - before.retried).toBe(1);
    await ing.stop();
    const counted = await t.p.db.query<{ sensor_id: string; n: number }>(sql`select sensor_id, sum(n)::int as n from sensor_readings_1m
      where sensor_id in (${resender.sensors[0].id}, ${fresh.sensors[0].id}) group by 1`);
    expect(Object.fromEntries(counted.map((r) => [r.sensor_id, r.n]))).toEqual({ [resender.sensors[0].id]: 6, [fresh.sensors[0].id]: 6 });
    const latest = await t.p.db.one<{ value: number }>(sql`select value from sensor_latest where sensor_id = ${resender.sensors[0].id}`);
    expect(Number(latest.value)).toBe(6); // the newest reading stored, even if it came in a careful batch
  });
});
