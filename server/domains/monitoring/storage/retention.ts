// Raw readings older than RAW_RETENTION_DAYS are deleted (the rollups stay: 1-minute for 400 days, 1-hour for good),
// by a daily job, sensor by sensor through the primary key (sensor, time), so the hot table needs no second index.
import type { Platform } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { foldAllRollups } from './rollups.js';

export const ROLLUP_1M_DAYS = 400;

/** Delete what is past its keeping period; returns rows deleted from the raw and 1-minute tables. */
export async function applyRetention(p: Platform, rawDays: number): Promise<{ raw: number; minute: number }> {
  const now = p.clock().getTime();
  const rawCutoff = new Date(now - rawDays * 86400_000).toISOString();
  const minuteCutoff = new Date(now - ROLLUP_1M_DAYS * 86400_000).toISOString();
  const out = { raw: 0, minute: 0 };
  await foldAllRollups(p.db); // the rollups first hold every reading about to be deleted
  const sensors = await p.db.query<{ id: string }>(sql`select id from monitoring_sensors order by id`);
  for (const { id } of sensors) {
    out.raw += await p.db.execute(sql`delete from sensor_readings where sensor_id = ${id} and ts < ${rawCutoff}`);
    out.minute += await p.db.execute(sql`delete from sensor_readings_1m where sensor_id = ${id} and bucket < ${minuteCutoff}`);
  }
  return out;
}
