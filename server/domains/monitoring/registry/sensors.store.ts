// Every SQL statement about sensors (测点): the registry, their live value and state, scoped through their device.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { deviceScope, inRegion } from '../scope.js';

export interface SensorConfigRow {
  id: string; device_id: string; code: string; name: string; type: string; unit: string;
  range_min: number | null; range_max: number | null; low_low: number | null; low: number | null; high: number | null; high_high: number | null;
  hysteresis: number; alarm_delay_s: number; rate_limit: number | null; stuck_after_s: number | null; expected_interval_s: number; enabled: boolean;
}

export interface SensorRow extends SensorConfigRow {
  device_code: string; device_name: string; enterprise_id: string | null; facility_id: string | null; facility_name: string | null;
  place_name: string | null; region_code: string; lng: number | null; lat: number | null; last_value: number | null; last_at: Date | null; state: string;
}

/**
 * Whether a sensor's last reading (l.ts) is `offlineFactor` reporting intervals or more before `now`. Compared as
 * times: `extract(epoch from now - l.ts)` is numeric since PostgreSQL 14, and comparing 100,000 numerics was a fifth of
 * the province dashboard's offline count (issue 12).
 */
const lateSql = (now: Date, offlineFactor: number) =>
  sql`l.ts <= ${now.toISOString()}::timestamptz - (${offlineFactor} * s.expected_interval_s) * interval '1 second'`;

/** The map state of a sensor (alias s, device d, latest l), judged at `now` with the offline factor. */
const stateSql = (now: Date, offlineFactor: number) => sql`case
  when not s.enabled or d.status <> 'active' then 'inactive'
  when l.ts is null then 'no_data'
  when ${lateSql(now, offlineFactor)} then 'offline'
  when al.level = 2 then 'alarm_2' when al.level = 1 then 'alarm_1' else 'normal' end`;

const select = (now: Date, offlineFactor: number) => sql`select s.*, d.code as device_code, d.name as device_name, d.enterprise_id, d.facility_id,
  f.name as facility_name, d.place_name, d.region_code, d.lng, d.lat, l.value as last_value, l.ts as last_at, ${stateSql(now, offlineFactor)} as state
  from monitoring_sensors s join monitoring_devices d on d.id = s.device_id
  left join monitoring_facilities f on f.id = d.facility_id
  left join sensor_latest l on l.sensor_id = s.id
  left join lateral (select max(a.level) as level from monitoring_alarms a where a.sensor_id = s.id and a.status <> 'closed' and a.cleared_at is null) al on true`;

/** The same states as stateSql, as a condition on one state: the counts need no per-sensor alarm lookup for the
 *  states decided before the alarms are (inactive, no data, offline), which is what the dashboard asks for. */
function stateWhere(state: string, now: Date, offlineFactor: number): Sql {
  const active = sql`(s.enabled and d.status = 'active')`;
  const late = lateSql(now, offlineFactor);
  const fresh = sql`${active} and l.ts is not null and not (${late})`;
  const open = (level?: number) => sql`exists (select 1 from monitoring_alarms a where a.sensor_id = s.id and a.status <> 'closed' and a.cleared_at is null
    ${level ? sql`and a.level = ${level}` : sql``})`;
  switch (state) {
    case 'inactive': return sql`not ${active}`;
    case 'no_data': return sql`${active} and l.ts is null`;
    case 'offline': return sql`${active} and l.ts is not null and ${late}`;
    case 'alarm_2': return sql`${fresh} and ${open(2)}`;
    case 'alarm_1': return sql`${fresh} and ${open(1)} and not ${open(2)}`;
    case 'normal': return sql`${fresh} and not ${open()}`;
    default: return sql`false`;
  }
}

export interface SensorFilter { enterpriseId?: string; facilityId?: string; deviceId?: string; regionCode?: string; type?: string; state?: string; q?: string }

function filterSql(viewer: DataScope, f: SensorFilter, now: Date, offlineFactor: number): Sql {
  return sql.and([
    deviceScope(viewer),
    f.enterpriseId ? sql`d.enterprise_id = ${f.enterpriseId}` : undefined,
    f.facilityId ? sql`d.facility_id = ${f.facilityId}` : undefined,
    f.deviceId ? sql`s.device_id = ${f.deviceId}` : undefined,
    inRegion('d.region_code', f.regionCode),
    f.type ? sql`s.type = ${f.type}` : undefined,
    f.state ? stateWhere(f.state, now, offlineFactor) : undefined,
    f.q ? sql`(s.name ilike ${'%' + f.q + '%'} or s.code ilike ${'%' + f.q + '%'} or d.name ilike ${'%' + f.q + '%'})` : undefined,
  ]);
}

const FROM = sql`from monitoring_sensors s join monitoring_devices d on d.id = s.device_id left join sensor_latest l on l.sensor_id = s.id
  left join lateral (select max(a.level) as level from monitoring_alarms a where a.sensor_id = s.id and a.status <> 'closed' and a.cleared_at is null) al on true`;

/** How many sensors the list shows (no alarm lookup unless the state filter needs one). */
export async function countSensors(db: Queryable, viewer: DataScope, f: SensorFilter, now: Date, offlineFactor: number) {
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from monitoring_sensors s join monitoring_devices d on d.id = s.device_id
    left join sensor_latest l on l.sensor_id = s.id where ${filterSql(viewer, f, now, offlineFactor)}`);
  return total;
}

/** A page of sensors in the viewer's scope, with live value and state. */
export async function listSensors(db: Queryable, viewer: DataScope, f: SensorFilter, now: Date, offlineFactor: number, page: number, pageSize: number) {
  const where = filterSql(viewer, f, now, offlineFactor);
  const total = await countSensors(db, viewer, f, now, offlineFactor);
  const items = await db.query<SensorRow>(sql`${select(now, offlineFactor)} where ${where} order by d.region_code, d.code, s.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One sensor in the viewer's scope, with live value and state. */
export const findSensor = (db: Queryable, viewer: DataScope, id: string, now: Date, offlineFactor: number) =>
  db.maybeOne<SensorRow>(sql`${select(now, offlineFactor)} where s.id = ${id} and ${deviceScope(viewer)}`);

/** Sensors counted by state (the monitoring screen's summary). */
export async function sensorStateCounts(db: Queryable, viewer: DataScope, f: SensorFilter, now: Date, offlineFactor: number) {
  return db.query<{ state: string; n: number }>(sql`select ${stateSql(now, offlineFactor)} as state, count(*)::int as n ${FROM}
    where ${filterSql(viewer, f, now, offlineFactor)} group by 1`);
}

/** The configuration of every sensor of a device (the ingester's cache). */
export const deviceSensors = (db: Queryable, deviceId: string) =>
  db.query<SensorConfigRow>(sql`select * from monitoring_sensors where device_id = ${deviceId} order by code`);

/** One sensor's configuration with its device's region, in scope; `lock` for a change. */
export const findSensorConfig = (db: Queryable, viewer: DataScope, id: string, lock = false) =>
  db.maybeOne<SensorConfigRow & { region_code: string }>(sql`select s.*, d.region_code from monitoring_sensors s join monitoring_devices d on d.id = s.device_id
    where s.id = ${id} and ${deviceScope(viewer)} ${lock ? sql`for update of s` : sql``}`);

export type SensorWrite = Partial<Omit<SensorConfigRow, 'id'>>;

/** Insert a sensor row. */
export async function insertSensor(db: Queryable, id: string, w: SensorWrite) {
  const cols = (Object.keys(w) as (keyof SensorWrite)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into monitoring_sensors (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

/** Set some columns of a sensor. */
export async function updateSensor(db: Queryable, id: string, w: SensorWrite) {
  const cols = (Object.keys(w) as (keyof SensorWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update monitoring_sensors set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

/** Whether a device already has a sensor with this code. */
export const sensorCodeTaken = async (db: Queryable, deviceId: string, code: string) =>
  !!(await db.maybeOne(sql`select 1 as one from monitoring_sensors where device_id = ${deviceId} and lower(code) = lower(${code})`));
