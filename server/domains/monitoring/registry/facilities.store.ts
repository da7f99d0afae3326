// Every SQL statement about monitoring facilities (水库、水闸、山洪点、雨量站), scoped by region.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { facilityScope, inRegion } from '../scope.js';

export interface FacilityRow {
  id: string; name: string; kind: string; region_code: string; region_name: string | null; lng: number | null; lat: number | null;
  characteristics: Record<string, number>; responsible: { role: string; name: string; phone?: string }[]; note: string | null;
  device_count: number; open_alarms: number;
}

const SELECT = sql`select f.*, r.name as region_name,
  (select count(*)::int from monitoring_devices d where d.facility_id = f.id) as device_count,
  (select count(*)::int from monitoring_alarms a where a.facility_id = f.id and a.status <> 'closed') as open_alarms
  from monitoring_facilities f left join regions r on r.code = f.region_code`;

/** A page of facilities in the viewer's scope. */
export async function listFacilities(db: Queryable, viewer: DataScope, q: { kind?: string; regionCode?: string; q?: string }, page: number, pageSize: number) {
  const where = sql.and([facilityScope(viewer), q.kind ? sql`f.kind = ${q.kind}` : undefined, inRegion('f.region_code', q.regionCode),
    q.q ? sql`f.name ilike ${'%' + q.q + '%'}` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from monitoring_facilities f where ${where}`);
  const items = await db.query<FacilityRow>(sql`${SELECT} where ${where} order by f.region_code, f.name, f.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One facility in the viewer's scope, or undefined. */
export const findFacility = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<FacilityRow>(sql`${SELECT} where f.id = ${id} and ${facilityScope(viewer)}`);

export interface FacilityWrite {
  name?: string; kind?: string; region_code?: string; lng?: number | null; lat?: number | null; characteristics?: string; responsible?: string; note?: string | null;
}

/** Insert a facility row. */
export async function insertFacility(db: Queryable, id: string, w: FacilityWrite) {
  const cols = (Object.keys(w) as (keyof FacilityWrite)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into monitoring_facilities (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

/** Set some columns of a facility. */
export async function updateFacility(db: Queryable, id: string, w: FacilityWrite) {
  const cols = (Object.keys(w) as (keyof FacilityWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update monitoring_facilities set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}
