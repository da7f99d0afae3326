// Factories for the monitoring tests: a device with sensors and a key, readings over HTTP, a moved clock.
import { expect } from 'vitest';
import type { TestApp } from '../../testing/app.js';

let seq = 0;
/** A unique device code per call (tests share one database per file). */
export const uniqueCode = (prefix = 'T') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++seq}`;

/** POST as a logged-in account. */
export const post = (t: TestApp, cookie: string, url: string, payload: object = {}) => t.as(cookie, { method: 'POST', url, payload });
/** GET as a logged-in account. */
export const get = (t: TestApp, cookie: string, url: string) => t.as(cookie, { method: 'GET', url });

export interface SensorSpec { code?: string; type?: string; unit?: string; low?: number | null; high?: number | null; highHigh?: number | null; lowLow?: number | null;
  hysteresis?: number; alarmDelaySec?: number; rateLimit?: number | null; stuckAfterSec?: number | null; expectedIntervalSec?: number; rangeMin?: number; rangeMax?: number }

/** A device at a place (or an enterprise / facility), with sensors and a key. */
export async function makeDevice(t: TestApp, cookie: string, opts: { at?: object; sensors?: SensorSpec[] } = {}) {
  const d = await post(t, cookie, '/api/monitoring/devices', { code: uniqueCode('DEV'), name: '测试设备', ...(opts.at ?? { placeName: '测试点', regionCode: '430699101000' }) });
  expect(d.statusCode, d.body).toBe(200);
  const device = d.json();
  const sensors = [];
  for (const [i, s] of (opts.sensors ?? [{}]).entries()) {
    const r = await post(t, cookie, '/api/monitoring/sensors', { deviceId: device.id, code: s.code ?? `S${i + 1}`, name: `测点${i + 1}`, type: s.type ?? 'level', unit: s.unit ?? 'm',
      rangeMin: s.rangeMin ?? 0, rangeMax: s.rangeMax ?? 10, high: s.high ?? 8, highHigh: s.highHigh ?? 9, low: s.low ?? null, lowLow: s.lowLow ?? null,
      hysteresis: s.hysteresis ?? 0.2, alarmDelaySec: s.alarmDelaySec ?? 0, rateLimit: s.rateLimit ?? null, stuckAfterSec: s.stuckAfterSec ?? null,
      expectedIntervalSec: s.expectedIntervalSec ?? 60 });
    expect(r.statusCode, r.body).toBe(200);
    sensors.push(r.json());
  }
  const k = await post(t, cookie, `/api/monitoring/devices/${device.id}/key`);
  expect(k.statusCode, k.body).toBe(200);
  return { device, sensors, key: k.json().key as string };
}

/** POST readings with a device key. */
export const sendReadings = (t: TestApp, key: string, readings: unknown[]) =>
  t.app.inject({ method: 'POST', url: '/api/monitoring/readings', headers: { 'x-api-key': key }, payload: { readings } });

/** An ISO time `sec` seconds after `base`. */
export const at = (base: string, sec: number) => new Date(Date.parse(base) + sec * 1000).toISOString();

/** A bureau-staff account (monitoring read and write) limited to one region: logs in with the demo password. */
export const regionStaff = (t: TestApp, regionCode: string) => regionAccount(t, 'staff', regionCode).then((a) => t.login(a.username));

/** An account of a role scoped to a region (demo password); returns its id and username. */
export async function regionAccount(t: TestApp, role: string, regionCode: string): Promise<{ id: string; username: string }> {
  const { sql } = await import('../../platform/db/sql.js');
  const { uuidv7 } = await import('../../platform/ids.js');
  const username = `${role}_${regionCode}_${++seq}`;
  const id = uuidv7();
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, roles, scope_kind, scope_region_code, password_hash, must_change_password, is_demo)
    select ${id}, ${username}, ${`测试${role}${seq}`}, array[${role}], 'region', ${regionCode}, password_hash, false, true from accounts where username = 'staff'`);
  return { id, username };
}
