// The nearest resources to a point: per kind, a latitude/longitude bounding box on the indexed (lat, lng) columns
// narrows the rows, then the great-circle (haversine) distance in SQL orders them, nearest first. No PostGIS.
import type { NearbyResource, NearestQuery, ResourceKind } from '../ports.js';
import type { Actor, DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { EQUIPMENT_KINDS, EQUIPMENT_STATUSES, TEAM_KINDS, TEAM_READINESS } from '../../../../contracts/command-resources.js';
import { REGISTERS } from './registry.store.js';
import { readScope } from './scope.js';

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6371008.8;
export const DEFAULT_RADIUS_M = 50_000;
/** The first search ring (metres); it grows fourfold until it holds enough rows. */
const FIRST_RING_M = 2_000;
export const ALL_KINDS: ResourceKind[] = ['team', 'expert', 'warehouse', 'shelter', 'equipment'];

/** Great-circle distance in metres between two [lng, lat] points (the same formula as the SQL). */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The box of latitudes and longitudes that holds every point within radius of the centre. */
export function boundingBox(lng: number, lat: number, radiusM: number) {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.cos((lat * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : Math.min(180, dLat / cos);
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}

const distanceSql = (lng: number, lat: number) => sql`(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1, sqrt(
  power(sin(radians(a.lat - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${lng}::float8) / 2), 2)))))`;

interface Near { id: string; name: string; lng: number; lat: number; region_code: string; distance_m: number; [k: string]: unknown }

/** Per-kind columns, filters and the one-line summary. */
interface KindSpec {
  cols: Sql;
  filter(q: NearestQuery): Sql | undefined;
  shape(r: Near): Pick<NearbyResource, 'contact' | 'phone' | 'summary' | 'detail' | 'available'>;
}

const SPECS: Record<ResourceKind, KindSpec> = {
  team: {
    cols: sql`a.kind as team_kind, a.readiness, a.leader, a.leader_phone, a.specialities, a.planned_strength,
      (select count(*)::int from resource_team_members m where m.team_id = a.id) as member_count,
      (select coalesce(json_agg(e.name || '×' || e.quantity order by e.name), '[]'::json) from resource_equipment e where e.owner_team_id = a.id and e.status = 'ready') as equipment`,
    filter: (q) => (q.teamKind ? sql`a.kind = ${q.teamKind}` : undefined),
    shape: (r) => ({
      contact: r.leader as string | null, phone: r.leader_phone as string | null, available: r.readiness === 'ready',
      summary: [`${TEAM_KINDS[r.team_kind as keyof typeof TEAM_KINDS] ?? r.team_kind}`, `队员 ${r.member_count} 人`, (r.specialities as string[]).length ? `专业：${(r.specialities as string[]).join('、')}` : '',
        TEAM_READINESS[r.readiness as keyof typeof TEAM_READINESS]].filter(Boolean).join(' · '),
      detail: { teamKind: r.team_kind, readiness: r.readiness, memberCount: r.member_count, plannedStrength: r.planned_strength, specialities: r.specialities, equipment: r.equipment },
    }),
  },
  expert: {
    cols: sql`a.fields, a.title, a.unit, a.phone, a.available`,
    filter: (q) => (q.expertField ? sql`exists (select 1 from unnest(a.fields) f where f ilike ${'%' + q.expertField + '%'})` : undefined),
    shape: (r) => ({
      contact: r.name, phone: r.phone as string | null, available: r.available as boolean,
      summary: [(r.fields as string[]).join('、'), r.title, r.unit].filter(Boolean).join(' · '),
      detail: { fields: r.fields, title: r.title, unit: r.unit },
    }),
  },
  warehouse: {
    cols: sql`a.level, a.keeper, a.keeper_phone`,
    filter: (q) => (q.item ? sql`exists (select 1 from resource_stock s join resource_items i on i.id = s.item_id where s.warehouse_id = a.id and s.quantity > 0 and i.name ilike ${'%' + q.item + '%'})` : undefined),
    shape: (r) => {
      const lines = (r.stock as { name: string; unit: string; quantity: number }[]) ?? [];
      return {
        contact: r.keeper as string | null, phone: r.keeper_phone as string | null, available: lines.length > 0,
        summary: lines.length ? lines.slice(0, 4).map((l) => `${l.name} ${l.quantity} ${l.unit}`).join('、') + (lines.length > 4 ? ` 等 ${lines.length} 种` : '') : '暂无库存',
        detail: { level: r.level, stock: lines },
      };
    },
  },
  shelter: {
    cols: sql`a.kind as shelter_kind, a.capacity, a.occupancy, a.manager, a.manager_phone, a.facilities`,
    filter: () => undefined,
    shape: (r) => ({
      contact: r.manager as string | null, phone: r.manager_phone as string | null, available: (r.occupancy as number) < (r.capacity as number),
      summary: `可容纳 ${r.capacity} 人，现有 ${r.occupancy} 人`,
      detail: { shelterKind: r.shelter_kind, capacity: r.capacity, occupancy: r.occupancy, facilities: r.facilities },
    }),
  },
  equipment: {
    cols: sql`a.kind as equipment_kind, a.model, a.quantity, a.status, a.keeper, a.keeper_phone, a.owner_team_id`,
    filter: () => undefined,
    shape: (r) => ({
      contact: r.keeper as string | null, phone: r.keeper_phone as string | null, available: r.status === 'ready',
      summary: [`${EQUIPMENT_KINDS[r.equipment_kind as keyof typeof EQUIPMENT_KINDS] ?? r.equipment_kind} ×${r.quantity}`, r.model, EQUIPMENT_STATUSES[r.status as keyof typeof EQUIPMENT_STATUSES]].filter(Boolean).join(' · '),
      detail: { equipmentKind: r.equipment_kind, model: r.model, quantity: r.quantity, status: r.status, ownerTeamId: r.owner_team_id },
    }),
  },
};

/** Stock lines (with something in them) of the given warehouses, largest first; optionally one item's name. */
async function stockOf(db: Queryable, ids: string[], item?: string) {
  if (!ids.length) return new Map<string, unknown[]>();
  const rows = await db.query<{ warehouse_id: string; item_id: string; name: string; unit: string; quantity: number }>(sql`select s.warehouse_id, s.item_id, i.name, i.unit,
    s.quantity::float8 as quantity from resource_stock s join resource_items i on i.id = s.item_id where s.warehouse_id = any(${ids}::uuid[]) and s.quantity > 0
    ${item ? sql`and i.name ilike ${'%' + item + '%'}` : sql``} order by s.warehouse_id, s.quantity desc, i.name`);
  const map = new Map<string, unknown[]>();
  for (const r of rows) map.set(r.warehouse_id, [...(map.get(r.warehouse_id) ?? []), { itemId: r.item_id, name: r.name, unit: r.unit, quantity: r.quantity }]);
  return map;
}

/** Nearest first within each kind, inside the viewer's scope; see the file comment. */
export async function nearestResources(db: Queryable, viewer: Actor | DataScope, q: NearestQuery): Promise<NearbyResource[]> {
  const radius = q.radiusM ?? DEFAULT_RADIUS_M;
  const limit = q.limit ?? 10;
  const out: NearbyResource[] = [];
  for (const kind of q.kinds?.length ? ALL_KINDS.filter((k) => q.kinds!.includes(k)) : ALL_KINDS) {
    const reg = REGISTERS[kind];
    const spec = SPECS[kind];
    // Grow the search ring until it holds `limit` rows or reaches the radius: every row within r lies in r's box,
    // so once r holds `limit` rows they are the nearest; dense areas stay cheap and sparse ones widen.
    let rows: Near[] = [];
    // A scoped viewer (a town) sees few rows: its region index is the better filter, so one pass at the full radius.
    const scope = 'scope' in viewer ? viewer.scope : viewer;
    for (let r = scope.kind === 'all' ? Math.min(radius, FIRST_RING_M) : radius; ; r = Math.min(radius, r * 4)) {
      const box = boundingBox(q.lng, q.lat, r);
      const where = sql.and([sql`a.lat between ${box.minLat} and ${box.maxLat}`, sql`a.lng between ${box.minLng} and ${box.maxLng}`, readScope(viewer, reg.scope), spec.filter(q)]);
      // Distances first (cheap columns only), then the kind's columns and subqueries for the few nearest rows.
      rows = await db.query<Near>(sql`select a.id, a.name, a.lng, a.lat, a.region_code, ${spec.cols}, n.distance_m
        from (select * from (select a.id, ${distanceSql(q.lng, q.lat)} as distance_m from ${sql.id(reg.table)} a where ${where}) d
              where d.distance_m <= ${r} order by d.distance_m, d.id limit ${limit}) n
        join ${sql.id(reg.table)} a on a.id = n.id order by n.distance_m, n.id`);
      if (rows.length >= limit || r >= radius) break;
    }
    if (kind === 'warehouse') {
      const stock = await stockOf(db, rows.map((r) => r.id), q.item);
      for (const r of rows) r.stock = stock.get(r.id) ?? [];
    }
    for (const r of rows) {
      out.push({ kind, id: r.id, name: r.name, distanceM: Math.round(r.distance_m * 10) / 10, lng: r.lng, lat: r.lat, regionCode: r.region_code, ...spec.shape(r) });
    }
  }
  return out;
}

/** Every located resource in the viewer's scope, for the resource map (one light row each). */
export async function mapPoints(db: Queryable, viewer: Actor | DataScope, kinds: ResourceKind[], regionCode?: string) {
  const out: NearbyResource[] = [];
  for (const kind of kinds) {
    const reg = REGISTERS[kind];
    const spec = SPECS[kind];
    const rows = await db.query<Near>(sql`select a.id, a.name, a.lng, a.lat, a.region_code, ${spec.cols}, 0::float8 as distance_m from ${sql.id(reg.table)} a
      where a.lat is not null and ${readScope(viewer, reg.scope)} ${regionCode ? sql`and a.region_code like ${regionCode.replace(/0+$/, '') + '%'}` : sql``} order by a.name limit 20000`);
    if (kind === 'warehouse') {
      const stock = await stockOf(db, rows.map((r) => r.id));
      for (const r of rows) r.stock = stock.get(r.id) ?? [];
    }
    for (const r of rows) out.push({ kind, id: r.id, name: r.name, distanceM: 0, lng: r.lng, lat: r.lat, regionCode: r.region_code, ...spec.shape(r) });
  }
  return out;
}
