// What the flood registry reads of a monitoring site: its live water level and the rainfall of the last hours.
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { rollupRows } from './rollups.js';

/**
 * The live water level and rainfall of a monitoring site (the flood registry links its reservoirs and torrent points
 * here): the newest water-level reading, and rainfall summed over each window ending now (minute rollups, so a
 * redelivered reading never counts twice). Enabled sensors only; undefined parts when the site has no such sensor.
 */
export async function siteHydrology(db: Queryable, facilityId: string, windowsHours: readonly number[], now: Date) {
  const sensors = await db.query<{ id: string; name: string; type: string; unit: string; ts: Date | null; value: number | null }>(sql`select s.id, s.name, s.type, s.unit, l.ts, l.value
    from monitoring_sensors s join monitoring_devices d on d.id = s.device_id left join sensor_latest l on l.sensor_id = s.id
    where d.facility_id = ${facilityId} and s.enabled and s.type in ('water_level', 'rainfall') order by s.type, s.code`);
  const water = sensors.find((s) => s.type === 'water_level');
  const rain = sensors.find((s) => s.type === 'rainfall');
  const totals: { hours: number; mm: number }[] = [];
  if (rain) {
    const longest = Math.max(...windowsHours, 1);
    const rows = await rollupRows(db, 'minute', rain.id, new Date(now.getTime() - longest * 3600_000).toISOString(), now.toISOString(), true);
    for (const h of windowsHours) {
      const from = now.getTime() - h * 3600_000;
      totals.push({ hours: h, mm: Math.round(rows.filter((r) => new Date(r.bucket).getTime() > from).reduce((a, r) => a + Number(r.sum), 0) * 10) / 10 });
    }
  }
  const reading = (s: typeof water) => (s ? { sensorId: s.id, name: s.name, unit: s.unit, value: s.value == null ? null : Number(s.value), at: s.ts ? new Date(s.ts).toISOString() : null } : undefined);
  return { water: reading(water), rain: rain ? { ...reading(rain)!, totals } : undefined };
}
