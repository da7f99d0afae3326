// The command map's read model: what lies within a radius of an incident, each layer scoped by its owning domain's own
// scope helper. It only reads; it reads other domains' tables because a map that asks eight services one point at a
// time cannot answer in the time a commander waits, and the owning domains keep their rules (scope) in one place.
// Distances: a bounding box on (lat, lng) first (indexed for enterprises), then the great-circle distance in SQL.
import type { Actor } from '../../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { hazardScope } from '../../hazards/hazards.store.js';
import { alarmScope, deviceScope, facilityScope } from '../../monitoring/scope.js';

export interface Centre { lng: number; lat: number; radiusM: number }

const EARTH_M = 6_371_008.8;

/** The box around a circle (degrees), for the index. */
export function boxOf(c: Centre) {
  const dLat = (c.radiusM / EARTH_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(0.01, Math.cos((c.lat * Math.PI) / 180));
  return { minLat: c.lat - dLat, maxLat: c.lat + dLat, minLng: c.lng - dLng, maxLng: c.lng + dLng };
}

/** Great-circle distance in metres from the centre to columns (lng, lat), in SQL (haversine). */
function distance(c: Centre, lng: string, lat: string): Sql {
  return sql`(2 * ${EARTH_M}::float8 * asin(least(1, sqrt(power(sin(radians(${sql.id(lat)} - ${c.lat}::float8) / 2), 2)
    + cos(radians(${c.lat}::float8)) * cos(radians(${sql.id(lat)})) * power(sin(radians(${sql.id(lng)} - ${c.lng}::float8) / 2), 2)))))`;
}

/** Rows of a table within the circle: the box (the form the enterprises' GiST index on point(lng, lat) matches), then the distance. */
function within(c: Centre, lng: string, lat: string): Sql {
  const b = boxOf(c);
  return sql`${sql.id(lat)} is not null and ${sql.id(lng)} is not null
    and point(${sql.id(lng)}, ${sql.id(lat)}) <@ box(point(${b.minLng}::float8, ${b.minLat}::float8), point(${b.maxLng}::float8, ${b.maxLat}::float8))
    and ${distance(c, lng, lat)} <= ${c.radiusM}::float8`;
}

const enterpriseScope = (actor: Actor) => scopeWhere(actor, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' });

/** Enterprises within the circle (risk colour, contact, how many major hazard sources), nearest first; the sources are
 *  counted for the kept rows only. */
export const enterprisesNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; lng: number; lat: number; distance_m: number; risk_level: string | null; sector: string | null; status: string | null;
    principal_name: string | null; principal_phone: string | null; sources: number }>(sql`select n.*,
    (select count(*)::int from major_hazard_sources s where s.enterprise_id = n.id and s.identified) as sources
    from (select e.id, e.name, e.lng, e.lat, ${distance(c, 'e.lng', 'e.lat')} as distance_m, e.risk_level, e.sector, e.status, e.principal_name, e.principal_phone
      from enterprises e where ${within(c, 'e.lng', 'e.lat')} and e.status <> 'closed' and ${enterpriseScope(actor)} order by distance_m limit ${limit}) n
    order by n.distance_m`);

/** Identified major hazard sources of the enterprises within the circle (drawn at their enterprise). */
export const hazardSourcesNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; enterprise_id: string; enterprise_name: string; lng: number; lat: number; distance_m: number; grade: number | null; unit_kind: string }>(
    sql`select s.id, s.name, e.id as enterprise_id, e.name as enterprise_name, e.lng, e.lat, ${distance(c, 'e.lng', 'e.lat')} as distance_m, s.grade, s.unit_kind
    from major_hazard_sources s join enterprises e on e.id = s.enterprise_id where s.identified and ${within(c, 'e.lng', 'e.lat')} and ${enterpriseScope(actor)}
    order by s.grade nulls last, distance_m limit ${limit}`);

/** Enabled sensors of active devices within the circle, with their latest value. */
export const sensorsNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; code: string; type: string; unit: string; device_name: string; lng: number; lat: number; distance_m: number; value: number | null; at: Date | null }>(
    sql`select s.id, s.name, s.code, s.type, s.unit, d.name as device_name, d.lng, d.lat, ${distance(c, 'd.lng', 'd.lat')} as distance_m, l.value, l.ts as at
    from monitoring_sensors s join monitoring_devices d on d.id = s.device_id left join sensor_latest l on l.sensor_id = s.id
    where s.enabled and d.status = 'active' and ${within(c, 'd.lng', 'd.lat')} and ${deviceScope(actor.scope, 'd')} order by distance_m limit ${limit}`);

/** Open alarms raised by devices within the circle. */
export const alarmsNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; lng: number; lat: number; distance_m: number; level: number; status: string; message: string; raised_at: Date }>(
    sql`select a.id, d.name, d.lng, d.lat, ${distance(c, 'd.lng', 'd.lat')} as distance_m, a.level, a.status, a.message, a.raised_at
    from monitoring_alarms a join monitoring_devices d on d.id = a.device_id
    where a.status <> 'closed' and ${within(c, 'd.lng', 'd.lat')} and ${alarmScope(actor.scope, 'a')} order by a.level desc, distance_m limit ${limit}`);

/** Open hidden hazards within the circle (their own point, else their enterprise's). */
export const hazardsNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; number: string; lng: number; lat: number; distance_m: number; level: string; status: string; deadline: string | null }>(
    sql`select h.id, h.title as name, h.number, p.lng, p.lat, ${distance(c, 'p.lng', 'p.lat')} as distance_m, h.level, h.status, h.deadline::text as deadline
    from hazards h left join enterprises e on e.id = h.enterprise_id
    cross join lateral (select coalesce(h.lng, e.lng) as lng, coalesce(h.lat, e.lat) as lat) p
    where h.status <> 'closed' and ${within(c, 'p.lng', 'p.lat')} and ${hazardScope(actor.scope)} order by (h.level = 'major') desc, distance_m limit ${limit}`);

/** Monitoring facilities (reservoirs, torrent points …) within the circle, with their open alarms. */
export const facilitiesNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ id: string; name: string; kind: string; lng: number; lat: number; distance_m: number; open_alarms: number }>(
    sql`select f.id, f.name, f.kind, f.lng, f.lat, ${distance(c, 'f.lng', 'f.lat')} as distance_m,
    (select count(*)::int from monitoring_alarms a where a.facility_id = f.id and a.status <> 'closed') as open_alarms
    from monitoring_facilities f where ${within(c, 'f.lng', 'f.lat')} and ${facilityScope(actor.scope, 'f')} order by distance_m limit ${limit}`);

/** Villages and communities whose centre lies within the circle, with their population where known. Regions are
 *  reference data: a town account sees those of its own subtree, others the whole county. */
export const villagesNear = (db: Queryable, actor: Actor, c: Centre, limit: number) =>
  db.query<{ code: string; name: string; lng: number; lat: number; distance_m: number; population: number | null; households: number | null }>(
    sql`select r.code, r.name, r.center_lng as lng, r.center_lat as lat, ${distance(c, 'r.center_lng', 'r.center_lat')} as distance_m, p.population, p.households
    from regions r left join region_populations p on p.region_code = r.code
    where r.level = 'village' and ${within(c, 'r.center_lng', 'r.center_lat')}
    ${actor.scope.kind === 'region' ? sql`and r.code like ${regionPrefix(actor.scope.regionCode!) + '%'}` : sql``} order by distance_m limit ${limit}`);
