// Every SQL statement about monitoring devices, scoped by the caller in SQL.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { deviceScope, inRegion } from '../scope.js';

export interface DeviceRow {
  id: string; code: string; name: string; model: string | null; enterprise_id: string | null; hazard_source_id: string | null;
  facility_id: string | null; facility_name: string | null; place_name: string | null; region_code: string; region_name: string | null;
  lng: number | null; lat: number | null; status: 'active' | 'maintenance' | 'disabled'; api_key_id: string | null; key_prefix: string | null;
  last_seen_at: Date | null; sensor_count: number; open_alarms: number; created_at: Date;
}

const SELECT = sql`select d.*, f.name as facility_name, r.name as region_name, k.prefix as key_prefix,
  (select max(l.ts) from monitoring_sensors s join sensor_latest l on l.sensor_id = s.id where s.device_id = d.id) as last_seen_at,
  (select count(*)::int from monitoring_sensors s where s.device_id = d.id) as sensor_count,
  (select count(*)::int from monitoring_alarms a where a.device_id = d.id and a.status <> 'closed') as open_alarms
  from monitoring_devices d
  left join monitoring_facilities f on f.id = d.facility_id
  left join regions r on r.code = d.region_code
  left join api_keys k on k.id = d.api_key_id and k.revoked_at is null`;

export interface DeviceFilter { enterpriseId?: string; facilityId?: string; regionCode?: string; status?: string; q?: string }

/** A page of devices in the viewer's scope. */
export async function listDevices(db: Queryable, viewer: DataScope, f: DeviceFilter, page: number, pageSize: number) {
  const where = sql.and([
    deviceScope(viewer),
    f.enterpriseId ? sql`d.enterprise_id = ${f.enterpriseId}` : undefined,
    f.facilityId ? sql`d.facility_id = ${f.facilityId}` : undefined,
    inRegion('d.region_code', f.regionCode),
    f.status ? sql`d.status = ${f.status}` : undefined,
    f.q ? sql`(d.name ilike ${'%' + f.q + '%'} or d.code ilike ${'%' + f.q + '%'})` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from monitoring_devices d where ${where}`);
  const items = await db.query<DeviceRow>(sql`${SELECT} where ${where} order by d.region_code, d.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One device in the viewer's scope, or undefined. */
export const findDevice = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<DeviceRow>(sql`${SELECT} where d.id = ${id} and ${deviceScope(viewer)}`);

/** Lock the row for a change, so two people cannot change it at once. */
export const lockDevice = (db: Queryable, id: string) => db.maybeOne(sql`select id from monitoring_devices where id = ${id} for update`);

export interface DeviceWrite {
  code?: string; name?: string; model?: string | null; enterprise_id?: string | null; hazard_source_id?: string | null; facility_id?: string | null;
  place_name?: string | null; region_code?: string; lng?: number | null; lat?: number | null; status?: string; api_key_id?: string | null;
}

/** Insert a device row. */
export async function insertDevice(db: Queryable, id: string, w: DeviceWrite) {
  const cols = (Object.keys(w) as (keyof DeviceWrite)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into monitoring_devices (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

/** Set some columns of a device. */
export async function updateDevice(db: Queryable, id: string, w: DeviceWrite) {
  const cols = (Object.keys(w) as (keyof DeviceWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update monitoring_devices set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

/** Whether a device code is taken (codes are unique county-wide, whoever can see the other device). */
export const deviceCodeTaken = async (db: Queryable, code: string) =>
  !!(await db.maybeOne(sql`select 1 as one from monitoring_devices where lower(code) = lower(${code})`));

export interface IngestDeviceRow {
  id: string; code: string; name: string; status: string; api_key_id: string | null; region_code: string; enterprise_id: string | null;
  facility_id: string | null; facility_name: string | null; place_name: string | null; responsible: { phone?: string }[] | null;
}

/** A device as the ingester needs it (no scope: the device itself is the caller). */
export const loadIngestDevice = (db: Queryable, id: string) =>
  db.maybeOne<IngestDeviceRow>(sql`select d.id, d.code, d.name, d.status, d.api_key_id, d.region_code, d.enterprise_id, d.facility_id, f.name as facility_name,
    d.place_name, f.responsible from monitoring_devices d left join monitoring_facilities f on f.id = d.facility_id where d.id::text = ${id}`);

/** The device whose live key has this hash. */
export const deviceIdByKeyHash = async (db: Queryable, keyHash: string) =>
  (await db.maybeOne<{ id: string }>(sql`select d.id from monitoring_devices d join api_keys k on k.id = d.api_key_id
    where k.key_hash = ${keyHash} and k.revoked_at is null and d.status <> 'disabled'`))?.id;
