// A sensor's readings over a range for charts: raw rows for short ranges, 1-minute rollups up to a week, 1-hour
// rollups beyond, so any range answers with at most a few thousand points from an index range scan.
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { rollupRows } from './rollups.js';

export type Resolution = 'raw' | '1m' | '1h';
const RAW_MAX_MS = 6 * 3600_000;
const MINUTE_MAX_MS = 7 * 86400_000;
const RAW_MAX_POINTS = 20_000;

/** The resolution `auto` picks for a range: raw only inside the raw retention period, 1-minute only inside theirs
 *  (an old day, e.g. the demo county's 2022, is drawn from the hourly rollups that are kept for good). */
export function pickResolution(from: Date, to: Date, rawSince: Date, minuteSince?: Date): Resolution {
  const span = to.getTime() - from.getTime();
  if (span <= RAW_MAX_MS && from >= rawSince) return 'raw';
  return span <= MINUTE_MAX_MS && (!minuteSince || from >= minuteSince) ? '1m' : '1h';
}

export interface Point { t: string; v: number; min?: number; max?: number; n?: number }

/** Points of a sensor in [from, to). */
export async function sensorSeries(db: Queryable, sensorId: string, from: Date, to: Date, resolution: Resolution): Promise<{ resolution: Resolution; points: Point[] }> {
  const f = from.toISOString(); const t = to.toISOString();
  if (resolution === 'raw') {
    const rows = await db.query<{ ts: Date; value: number }>(sql`select ts, value from sensor_readings where sensor_id = ${sensorId} and ts >= ${f} and ts < ${t}
      order by ts limit ${RAW_MAX_POINTS + 1}`);
    if (rows.length <= RAW_MAX_POINTS) return { resolution, points: rows.map((r) => ({ t: new Date(r.ts).toISOString(), v: Number(r.value) })) };
    resolution = '1m'; // too dense to draw: fall back to minutes
  }
  const rows = await rollupRows(db, resolution === '1m' ? 'minute' : 'hour', sensorId, f, t);
  return { resolution, points: rows.map((r) => ({ t: new Date(r.bucket).toISOString(), v: Number(r.sum) / Number(r.n), min: Number(r.min), max: Number(r.max), n: Number(r.n) })) };
}
