// The demo county's monitoring data (demo/monitoring.ts) loads into the schema and reads back through the API:
// sensors on 重大危险源 and facilities, a day of history with rollups, a few open alarms, warnings with 叫应.
// Until demo/index.ts runs the module, this test inserts its rows itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../demo/index.js';
import { insertRows } from '../../../demo/insert.js';
import { generate, type DemoRows } from '../../../demo/monitoring.js';
import { createContext } from '../../../demo/random.js';
import { sql } from '../../platform/db/sql.js';
import { ruleValue } from '../../platform/settings/rules.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { OFFLINE } from './monitoring.rules.js';
import { get } from './testing.js';

const TABLES: [string, keyof DemoRows][] = [
  ['monitoring_facilities', 'monitoringFacilities'], ['monitoring_devices', 'monitoringDevices'], ['monitoring_sensors', 'monitoringSensors'],
  ['sensor_readings', 'sensorReadings'], ['sensor_readings_1m', 'sensorReadings1m'], ['sensor_readings_1h', 'sensorReadings1h'], ['sensor_latest', 'sensorLatest'],
  ['monitoring_alarms', 'monitoringAlarms'], ['monitoring_alarm_events', 'monitoringAlarmEvents'], ['early_warnings', 'earlyWarnings'], ['warning_recipients', 'warningRecipients'],
];

let t: TestApp;
let staff: string;
let rows: DemoRows;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2022-07-01T02:00:00Z');
  staff = await t.login('staff');
  const base = generateDemo();
  rows = generate(createContext(base.seed, 'monitoring'), base);
  const loaded = await t.p.db.maybeOne(sql`select 1 as one from monitoring_devices where code = 'MS-0001'`);
  if (!loaded) await t.p.db.tx(async (tx) => { for (const [table, key] of TABLES) await insertRows(tx, table, rows[key]); });
});
afterAll(async () => { await t.close(); });

describe('demo monitoring data', () => {
  it('is deterministic', () => {
    const base = generateDemo();
    expect(JSON.stringify(generate(createContext(base.seed, 'monitoring'), base))).toBe(JSON.stringify(rows));
  });

  it('puts sensors on the demo enterprise\'s 重大危险源 and on reservoirs, rivers, torrent points and rain gauges', async () => {
    const ent = await t.login('ent_demo');
    const own = (await get(t, ent, '/api/monitoring/sensors?pageSize=200')).json();
    expect(own.items.map((s: { type: string }) => s.type)).toEqual(expect.arrayContaining(['level', 'temperature', 'pressure', 'combustible_gas']));
    const kinds = (await get(t, staff, '/api/monitoring/facilities?pageSize=200')).json().items.map((f: { kind: string }) => f.kind);
    expect(new Set(kinds)).toEqual(new Set(['reservoir', 'river_station', 'torrent_point', 'rain_gauge']));
    expect(rows.monitoringSensors.length).toBeGreaterThan(40);
  });

  it('has keys for the devices in service (hashed, scoped like an issued key) and two new devices waiting for theirs', async () => {
    const devices = (await get(t, staff, '/api/monitoring/devices?pageSize=200')).json().items as { hasKey: boolean; keyPrefix: string | null }[];
    expect(devices.filter((d) => !d.hasKey)).toHaveLength(2);
    expect(devices.filter((d) => d.hasKey).every((d) => d.keyPrefix?.startsWith('yj_'))).toBe(true);
    const keys = rows.monitoringApiKeys as { key_hash: string; scope_kind: string }[];
    expect(new Set(keys.map((k) => k.key_hash)).size).toBe(keys.length);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key_hash) && ['enterprise', 'region'].includes(k.scope_kind))).toBe(true);
  });

  it('has a day of history with rollups, and a few open alarms', async () => {
    const { items } = (await get(t, staff, '/api/monitoring/sensors?type=level&pageSize=5')).json();
    const series = (await get(t, staff, `/api/monitoring/sensors/${items[0].id}/series?from=2022-06-29T16:00:00Z&to=2022-06-30T16:00:00Z`)).json();
    expect(series.resolution).toBe('1m');
    expect(series.points).toHaveLength(144); // every 10 minutes for 24 hours
    // Years later the 1-minute rollups are past their 400 days: the same day is drawn from the hourly ones.
    const later = t.now.value;
    t.now.value = new Date('2026-06-10T02:00:00Z');
    const old = (await get(t, await t.login('staff'), `/api/monitoring/sensors/${items[0].id}/series?from=2022-06-29T16:00:00Z&to=2022-06-30T16:00:00Z`)).json();
    t.now.value = later;
    expect(old.resolution).toBe('1h');
    expect(old.points).toHaveLength(24);
    const open = (await get(t, staff, '/api/monitoring/alarms?open=true&pageSize=50')).json();
    expect(open.total).toBeGreaterThanOrEqual(3);
    expect(open.items.some((a: { status: string }) => a.status === 'raised')).toBe(true);
    const closed = (await get(t, staff, '/api/monitoring/alarms?status=closed')).json().items[0];
    expect((await get(t, staff, `/api/monitoring/alarms/${closed.id}`)).json().events.map((e: { action: string }) => e.action)).toEqual(['raise', 'acknowledge', 'clear', 'dispose', 'close']);
  });

  it('has warnings whose recipients confirmed', async () => {
    const w = (await get(t, staff, '/api/monitoring/warnings')).json().items;
    expect(w.length).toBe(2);
    expect(w.every((x: { recipients: number; confirmed: number }) => x.recipients > 0 && x.confirmed === x.recipients)).toBe(true);
  });
  it('filters sensors by state exactly as the overview counts them, in every state, at two moments', async () => {
    const check = async () => {
      const overview = (await get(t, staff, '/api/monitoring/overview')).json() as { sensors: number; sensorsByState: Record<string, number> };
      expect(overview.sensors).toBeGreaterThan(0);
      for (const state of ['inactive', 'no_data', 'offline', 'alarm_2', 'alarm_1', 'normal']) {
        const listed = (await get(t, staff, `/api/monitoring/sensors?state=${state}&pageSize=1`)).json().total;
        expect(listed, state).toBe(overview.sensorsByState[state] ?? 0);
      }
      return overview.sensorsByState;
    };
    const before = t.now.value;
    t.now.value = new Date('2022-06-30T15:55:00Z'); // just after the demo day's last readings: most sensors fresh
    staff = await t.login('staff');
    const fresh = await check();
    expect(fresh.normal ?? 0).toBeGreaterThan(0);
    expect((fresh.alarm_1 ?? 0) + (fresh.alarm_2 ?? 0)).toBeGreaterThan(0); // the demo's open alarms
    t.now.value = new Date('2022-07-03T02:00:00Z'); // two days on, without readings: offline
    staff = await t.login('staff');
    expect((await check()).offline ?? 0).toBeGreaterThan(0);
    t.now.value = before;
    staff = await t.login('staff');
  });
  it('turns a sensor offline exactly when its last reading is the offline factor × its interval old', async () => {
    const s = await t.p.db.one<{ id: string; ms: number; interval_s: number }>(sql`select s.id, (extract(epoch from l.ts) * 1000)::float8 as ms,
        s.expected_interval_s as interval_s from monitoring_sensors s join monitoring_devices d on d.id = s.device_id join sensor_latest l on l.sensor_id = s.id
      where s.enabled and d.status = 'active' and not exists (select 1 from monitoring_alarms a where a.sensor_id = s.id and a.status <> 'closed')
      order by s.id limit 1`);
    const { intervals } = (await ruleValue(t.p.db, OFFLINE, t.now.value)).value;
    const before = t.now.value;
    const stateAt = async (ms: number) => {
      t.now.value = new Date(ms);
      staff = await t.login('staff');
      return (await get(t, staff, `/api/monitoring/sensors/${s.id}`)).json().state;
    };
    const due = Number(s.ms) + intervals * s.interval_s * 1000;
    expect(await stateAt(due - 1)).toBe('normal');
    expect(await stateAt(due)).toBe('offline');
    t.now.value = before;
    staff = await t.login('staff');
  });
});
