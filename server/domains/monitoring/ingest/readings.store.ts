// The ingest statement: one round trip inserts a batch of readings (duplicates of (sensor, time) ignored by the
// primary key), records the rows actually inserted for the rollups (folded beside the ingest path, storage/rollups.ts),
// moves each sensor's latest value, and says which rows were duplicates, so the new ones go to rule evaluation.
// Rows are sorted so concurrent writers lock in one order.
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { recordPending } from '../storage/rollups.js';

export interface ReadingRow { sensorId: string; ts: number; value: number }

/** Insert a batch; returns the rows that were new (not duplicates). A reading given twice in the batch counts once.
 *  The database answers only which rows it already had (usually none) rather than echoing every new row. */
export async function insertReadings(tx: Queryable, rows: ReadingRow[]): Promise<ReadingRow[]> {
  if (!rows.length) return [];
  const unique = new Map<string, ReadingRow>();
  for (const r of rows) { const k = `${r.sensorId}|${r.ts}`; if (!unique.has(k)) unique.set(k, r); }
  const list = [...unique.values()];
  // Array literals written here, times as epoch milliseconds: the driver's element-by-element quoting of 2,000 uuids,
  // times and values and PostgreSQL's parsing of ISO times were a tenth of the ingest path (issue 12). Ids are our
  // sensors' uuids and values finite numbers, so nothing needs quoting; to_timestamp(ms / 1000) is exact to the ms.
  const ids = `{${list.map((r) => r.sensorId).join(',')}}`;
  const ms = `{${list.map((r) => r.ts).join(',')}}`;
  const values = `{${list.map((r) => r.value).join(',')}}`;
  const known = await tx.query<{ i: number }>(sql`with input as (
      select sensor_id, to_timestamp(ms / 1000) as ts, value, i
      from unnest(${ids}::uuid[], ${ms}::float8[], ${values}::float8[]) with ordinality as t(sensor_id, ms, value, i)
    ), ins as (
      insert into sensor_readings (sensor_id, ts, value) select sensor_id, ts, value from input order by sensor_id, ts
      on conflict do nothing returning sensor_id, ts, value
    ), pending as (${recordPending}
    ), latest as (
      insert into sensor_latest as l (sensor_id, ts, value) select distinct on (sensor_id) sensor_id, ts, value from ins order by sensor_id, ts desc
      on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value where excluded.ts > l.ts
    ) select i::int as i from input where not exists (select 1 from ins where ins.sensor_id = input.sensor_id and ins.ts = input.ts)`);
  if (!known.length) return list;
  const old = new Set(known.map((r) => Number(r.i) - 1));
  return list.filter((_, i) => !old.has(i));
}
