// The ingest statement: one round trip inserts a batch of readings, records them for the rollups (folded beside the
// ingest path, storage/rollups.ts) and moves each sensor's latest value. Rows are sorted so concurrent writers lock
// in one order.
//
// Two forms (issue 12). The usual one assumes every reading is new — a device resends only what was not
// acknowledged — and inserts plainly: a reading already stored makes it fail with a unique violation
// (`isDuplicateReading`), and nothing of the batch is kept. The careful one skips readings already stored (`on conflict
// do nothing`) and says which they were, so only new ones go to rule evaluation; it costs a third more, the
// speculative insertion of every row. The ingester runs the usual form and, when it fails on a duplicate, the careful
// one in a new transaction (ingester.ts).
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { recordPending } from '../storage/rollups.js';

export interface ReadingRow { sensorId: string; ts: number; value: number }

/**
 * A batch as array literals: each sensor's uuid once, and per reading the sensor's position, its time as milliseconds
 * after the batch's earliest, and its value. Written here rather than by the driver: the driver's element-by-element
 * quoting, PostgreSQL's parsing of a uuid and an ISO time per reading, and the bytes through the socket were a
 * large part of the ingest path (a batch of 600 readings of 60 sensors: 12 KB instead of 42 KB). Ids are our sensors'
 * uuids, times integers and values finite numbers, so nothing needs quoting; to_timestamp(ms / 1000) is exact to the ms.
 */
function input(rows: ReadingRow[]): Sql {
  const position = new Map<string, number>();
  const at: number[] = [];
  let t0 = Infinity;
  for (const r of rows) {
    let i = position.get(r.sensorId);
    if (i === undefined) position.set(r.sensorId, (i = position.size + 1));
    at.push(i);
    if (r.ts < t0) t0 = r.ts;
  }
  const ids = `{${[...position.keys()].join(',')}}`;
  const offsets = `{${rows.map((r) => r.ts - t0).join(',')}}`;
  const values = `{${rows.map((r) => r.value).join(',')}}`;
  return sql`select (${ids}::uuid[])[at] as sensor_id, to_timestamp((${t0}::int8 + dt) / 1000.0) as ts, value, i
      from unnest(${`{${at.join(',')}}`}::int4[], ${offsets}::int8[], ${values}::float8[]) with ordinality as t(at, dt, value, i)`;
}

const latestFrom = (cte: string) => sql`insert into sensor_latest as l (sensor_id, ts, value)
      select distinct on (sensor_id) sensor_id, ts, value from ${sql.id(cte)} order by sensor_id, ts desc
      on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value where excluded.ts > l.ts`;

/** A set of (sensor, time) pairs, without making a string per reading (a batch holds thousands). */
export class ReadingKeys {
  private readonly bySensor = new Map<string, Set<number>>();
  /** Adds a reading's key; false when it was there already. */
  add(r: ReadingRow): boolean {
    let times = this.bySensor.get(r.sensorId);
    if (!times) this.bySensor.set(r.sensorId, (times = new Set()));
    if (times.has(r.ts)) return false;
    times.add(r.ts);
    return true;
  }
  /** Removes a reading's key; false when it was not there. */
  delete(r: ReadingRow): boolean { return this.bySensor.get(r.sensorId)?.delete(r.ts) ?? false; }
}

/** The readings of a batch, each (sensor, time) once: a reading given twice in the batch counts once. */
export function uniqueReadings(rows: ReadingRow[]): ReadingRow[] {
  const keys = new ReadingKeys();
  const list = rows.filter((r) => keys.add(r));
  return list.length === rows.length ? rows : list;
}

/**
 * Insert a batch none of whose readings is stored yet, each (sensor, time) once (`uniqueReadings`). Fails with a
 * unique violation (`isDuplicateReading`) when one is stored, and nothing of it is kept (in a transaction, the
 * transaction is lost): then run `insertNewReadings`, in a new one.
 */
export async function insertReadings(q: Queryable, list: ReadingRow[]): Promise<void> {
  if (!list.length) return;
  await q.execute(sql`with ins as (${input(list)}
    ), readings as (
      insert into sensor_readings (sensor_id, ts, value) select sensor_id, ts, value from ins order by sensor_id, ts
    ), pending as (${recordPending}
    ), latest as (${latestFrom('ins')}
    ) select 1`);
}

/** Insert the readings of a batch not stored yet; returns those (each once). The database answers only which rows
 *  it already had rather than echoing every new one. */
export async function insertNewReadings(tx: Queryable, rows: ReadingRow[]): Promise<ReadingRow[]> {
  if (!rows.length) return [];
  const list = uniqueReadings(rows);
  const known = await tx.query<{ i: number }>(sql`with input as (${input(list)}
    ), ins as (
      insert into sensor_readings (sensor_id, ts, value) select sensor_id, ts, value from input order by sensor_id, ts
      on conflict do nothing returning sensor_id, ts, value
    ), pending as (${recordPending}
    ), latest as (${latestFrom('ins')}
    ) select i::int as i from input where not exists (select 1 from ins where ins.sensor_id = input.sensor_id and ins.ts = input.ts)`);
  if (!known.length) return list;
  const old = new Set(known.map((r) => Number(r.i) - 1));
  return list.filter((_, i) => !old.has(i));
}

/** Whether an error is the usual form's failure on a reading already stored. */
export const isDuplicateReading = (err: unknown) => {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === 'sensor_readings_pkey' || !!e.message?.includes('sensor_readings_pkey'));
};
