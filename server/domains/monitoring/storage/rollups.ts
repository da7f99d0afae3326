// The 1-minute and 1-hour rollups (sensor_readings_1m / _1h) and the readings not yet folded into them
// (sensor_rollup_pending, db/migrations/0107_rollup_pending.sql). The ingest statement records its new readings as
// pending; `foldRollups` adds pending rows to the rollups and deletes them in one transaction; `rollupRows` reads a
// sensor's buckets as rollups + pending, so what a reader sees never depends on whether the folder has run.
import type { Db, Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';

export type RollupUnit = 'minute' | 'hour';
const TABLE: Record<RollupUnit, string> = { minute: 'sensor_readings_1m', hour: 'sensor_readings_1h' };

/** Adds the rows of CTE `ins` (sensor_id, ts, value) to a rollup table, in key order (two writers lock alike). */
export const addToRollup = (unit: RollupUnit) => sql`insert into ${sql.id(TABLE[unit])} as r (sensor_id, bucket, n, sum, min, max)
    select sensor_id, date_trunc(${unit}, ts), count(*), sum(value), min(value), max(value) from ins group by 1, 2 order by 1, 2
    on conflict (sensor_id, bucket) do update set n = r.n + excluded.n, sum = r.sum + excluded.sum,
      min = least(r.min, excluded.min), max = greatest(r.max, excluded.max)`;

/** Records the rows of CTE `ins` as pending, one row of arrays per batch (none for an empty batch). */
export const recordPending = sql`insert into sensor_rollup_pending (ids, ts, vals)
    select array_agg(sensor_id), array_agg(ts), array_agg(value) from ins having count(*) > 0`;

/**
 * Folds up to `batches` pending rows (oldest first; rows another folder holds are skipped) into both rollups and
 * deletes them, in one transaction. Returns how many readings were folded; 0 when nothing was pending.
 */
export async function foldRollups(db: Db, batches = 200): Promise<number> {
  return db.tx(async (tx) => {
    const [r] = await tx.query<{ n: number }>(sql`with p as (
        delete from sensor_rollup_pending where id in (select id from sensor_rollup_pending order by id limit ${batches} for update skip locked)
        returning ids, ts, vals
      ), ins as (select r.sensor_id, r.ts, r.value from p, unnest(p.ids, p.ts, p.vals) as r(sensor_id, ts, value)),
      m as (${addToRollup('minute')}), h as (${addToRollup('hour')})
      select count(*)::int as n from ins`);
    return r.n;
  });
}

/** Folds until nothing is pending (rows another folder holds are left to it). Returns how many readings were folded. */
export async function foldAllRollups(db: Db): Promise<number> {
  let total = 0;
  for (let n; (n = await foldRollups(db)) > 0;) total += n;
  return total;
}

export interface RollupRow { bucket: Date; n: number; sum: number; min: number; max: number }

/** A sensor's buckets with `bucket` in [from, to) (or (from, to] with `closedEnd`): the rollup plus what is pending. */
export function rollupRows(db: Queryable, unit: RollupUnit, sensorId: string, from: string, to: string, closedEnd = false) {
  const range = (col: Sql) => closedEnd ? sql`${col} > ${from}::timestamptz and ${col} <= ${to}::timestamptz` : sql`${col} >= ${from}::timestamptz and ${col} < ${to}::timestamptz`;
  const pendingBucket = sql`date_trunc(${unit}, r.ts)`;
  return db.query<RollupRow>(sql`select bucket, sum(n)::int as n, sum(sum)::float8 as sum, min(min)::float8 as min, max(max)::float8 as max from (
      select bucket, n, sum, min, max from ${sql.id(TABLE[unit])} where sensor_id = ${sensorId} and ${range(sql`bucket`)}
      union all
      select ${pendingBucket}, count(*), sum(r.value), min(r.value), max(r.value)
      from sensor_rollup_pending p, unnest(p.ids, p.ts, p.vals) as r(sensor_id, ts, value)
      where r.sensor_id = ${sensorId} and ${range(pendingBucket)} group by 1
    ) x group by bucket order by bucket`);
}
