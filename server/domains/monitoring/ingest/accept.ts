// The one path of a device's readings into the ingester, shared by MQTT and HTTP: resolve 位号 to sensors of that
// device, submit the valid ones, count everything (accepted, duplicates, rejections by reason).
import type { Platform } from '../../../platform/context.js';
import type { Db } from '../../../platform/db/db.js';
import type { CachedDevice } from './device-cache.js';
import { Ingester } from './ingester.js';
import { REJECT_MESSAGES, type RawReading, type Rejection } from './payload.js';
import type { ReadingRow } from './readings.store.js';

const ingesters = new WeakMap<Db, Ingester>();

/** The ingester of a platform (one per database, made on first use, listening for registry changes). */
export function ingesterFor(p: Platform): Ingester {
  let ing = ingesters.get(p.db);
  if (!ing) {
    const made = new Ingester(p);
    ingesters.set(p.db, made);
    p.events.subscribe((e) => {
      if (e.type === 'monitoring.device.changed') made.invalidate(String((e.data as { deviceId: string }).deviceId));
    });
    ing = made;
  }
  return ing;
}

/** The oldest reading time still taken (the raw retention period). */
export const oldestAccepted = (p: Platform) => p.clock().getTime() - p.config.monitoring.rawRetentionDays * 86400_000;

export interface AcceptResult { accepted: number; duplicates: number; rejected: Rejection[] }

/** Submit a device's checked readings; resolves after the commit. Rejections already found are counted here too. */
export async function acceptReadings(ing: Ingester, device: CachedDevice, readings: RawReading[], rejected: Rejection[]): Promise<AcceptResult> {
  const rows: ReadingRow[] = [];
  const all = [...rejected];
  readings.forEach((r) => {
    const s = device.sensorsByCode.get(r.sensor);
    if (!s || !s.enabled) all.push({ index: r.index, reason: 'unknown_sensor', message: `${REJECT_MESSAGES.unknown_sensor}（${r.sensor}）` });
    else rows.push({ sensorId: s.id, ts: r.ts, value: r.value });
  });
  for (const r of all) ing.stats.reject(r.reason);
  const inserted = await ing.submit(rows, device.id);
  return { accepted: inserted, duplicates: rows.length - inserted, rejected: all.sort((a, b) => a.index - b.index) };
}
