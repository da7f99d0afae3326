// The read model of 一张图: one SQL statement per layer, each filtered by the owning domain's own scope helper (the same
// deliberate exception as the command map's nearby query: a county-wide map cannot ask eleven services one record at a
// time, and the owning domains keep their scope rules in one place). Every statement only reads; each returns light
// rows (a point, a kind for the colour, the region, a time, one line of text), most serious first, so a capped layer
// keeps what matters.
import type { Actor } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { incidentScope } from '../command/incidents/incidents.scope.js';
import { readScope } from '../command/resources/scope.js';
import { hazardScope } from '../hazards/hazards.store.js';
import { alarmScope, deviceScope } from '../monitoring/scope.js';
import { warningScope } from '../monitoring/warnings/warnings.store.js';

/** A lng/lat box. */
export interface Box { minLng: number; minLat: number; maxLng: number; maxLat: number }

/** What a layer query is asked for; `from`/`to` only bind the timed layers. */
export interface LayerFilter {
  box?: Box;
  regionCode?: string;
  from?: Date;
  to?: Date;
  now: Date;
  /** Sensors: no reading for this many expected intervals → offline. */
  offlineFactor: number;
}

/** One light row of any layer; `phone`, when selected, is the stored number the note carries (masked before it leaves, issue #11). */
export interface Row { id: string; lng: number; lat: number; name: string; kind: string; region_code: string; at?: Date | string | null; note?: string | null; link?: string | null; phone?: string | null }

/** A layer's statement in parts: the runner adds the limit and, when capped, counts. */
export interface LayerSql { cols: Sql; from: Sql; order: Sql }

const inBox = (b: Box | undefined, lng: string, lat: string) =>
  b ? sql`${sql.id(lng)} between ${b.minLng}::float8 and ${b.maxLng}::float8 and ${sql.id(lat)} between ${b.minLat}::float8 and ${b.maxLat}::float8` : undefined;
const located = (lng: string, lat: string) => sql`${sql.id(lng)} is not null and ${sql.id(lat)} is not null`;
const under = (code: string | undefined, col: string) => (code ? sql`${sql.id(col)} like ${regionPrefix(code) + '%'}` : undefined);
const between = (f: LayerFilter, col: string) => sql.and([
  f.from ? sql`${sql.id(col)} >= ${f.from.toISOString()}::timestamptz` : undefined,
  f.to ? sql`${sql.id(col)} <= ${f.to.toISOString()}::timestamptz` : undefined,
]);
const timed = (f: LayerFilter) => !!(f.from || f.to);

const enterpriseScope = (actor: Actor) => scopeWhere(actor, { region: 'e.region_code', org: 'e.supervising_org_id', enterprise: 'e.id' });

/** Enterprises not closed, by risk colour (red first). */
export const enterprisesSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`e.id, e.lng, e.lat, e.name, coalesce(e.risk_level, 'none') as kind, e.region_code,
    concat_ws(' · ', e.sector_detail, case e.status when 'suspended' then '停产停业' end, e.principal_name || ' ' || coalesce(e.principal_phone, '')) as note,
    '/enterprises/' || e.id as link, e.principal_phone as phone`,
  from: sql`from enterprises e where ${sql.and([located('e.lng', 'e.lat'), sql`e.status <> 'closed'`, enterpriseScope(actor), inBox(f.box, 'e.lng', 'e.lat'), under(f.regionCode, 'e.region_code')])}`,
  order: sql`case e.risk_level when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 when 'blue' then 3 else 4 end, e.id`,
});

/** Identified major hazard sources, drawn at their enterprise; kind = grade 1–4. */
export const hazardSourcesSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`s.id, e.lng, e.lat, s.name || '（' || e.name || '）' as name, coalesce(s.grade::text, 'none') as kind, e.region_code,
    concat_ws(' · ', case when s.grade is not null then s.grade || ' 级重大危险源' else '重大危险源' end, s.record_no) as note, '/enterprises/' || e.id as link`,
  from: sql`from major_hazard_sources s join enterprises e on e.id = s.enterprise_id where ${sql.and([sql`s.identified`, located('e.lng', 'e.lat'),
    enterpriseScope(actor), inBox(f.box, 'e.lng', 'e.lat'), under(f.regionCode, 'e.region_code')])}`,
  order: sql`s.grade nulls last, s.id`,
});

/** Hidden hazards not yet closed, at their own point or their enterprise's; kind = general / major (major first). */
export const hazardsSql = (actor: Actor, f: LayerFilter): LayerSql => {
  const today = f.now.toISOString().slice(0, 10);
  return {
    cols: sql`h.id, p.lng, p.lat, h.title as name, h.level as kind, h.region_code, h.found_at as at,
      concat_ws(' · ', h.number, case h.level when 'major' then '重大隐患' else '一般隐患' end,
        case when h.status in ('pending', 'rectifying') and h.deadline < ${today}::date then '已逾期' end, coalesce(h.enterprise_name, h.place_name)) as note,
      '/hazards/' || h.id as link`,
    from: sql`from hazards h left join enterprises e on e.id = h.enterprise_id
      cross join lateral (select coalesce(h.lng, e.lng) as lng, coalesce(h.lat, e.lat) as lat) p
      where ${sql.and([sql`h.status <> 'closed'`, located('p.lng', 'p.lat'), hazardScope(actor.scope), inBox(f.box, 'p.lng', 'p.lat'), under(f.regionCode, 'h.region_code')])}`,
    order: sql`(h.level = 'major') desc, h.deadline nulls last, h.id`,
  };
};

/** Enabled sensors of active devices: online, or offline (no reading for `offlineFactor` intervals, or none yet). */
export const sensorsSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`s.id, d.lng, d.lat, d.name || ' ' || s.name as name,
    case when l.ts is null or extract(epoch from (${f.now.toISOString()}::timestamptz - l.ts)) >= ${f.offlineFactor} * s.expected_interval_s then 'offline' else 'online' end as kind,
    d.region_code, l.ts as at,
    case when l.ts is null then '暂无数据' else '最新值 ' || round(l.value::numeric, 2) || ' ' || s.unit end as note, '/monitoring/points' as link`,
  from: sql`from monitoring_sensors s join monitoring_devices d on d.id = s.device_id left join sensor_latest l on l.sensor_id = s.id
    where ${sql.and([sql`s.enabled and d.status = 'active'`, located('d.lng', 'd.lat'), deviceScope(actor.scope, 'd'), inBox(f.box, 'd.lng', 'd.lat'), under(f.regionCode, 'd.region_code')])}`,
  order: sql`kind desc, s.id`,
});

/** Alarms at their device: live (not closed) by default, or raised within from/to; kind = level 1/2 (二级 first). */
export const alarmsSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`a.id, d.lng, d.lat, d.name as name, a.level::text as kind, a.region_code, a.raised_at as at,
    concat_ws(' · ', case a.status when 'raised' then '待确认' when 'acknowledged' then '已确认' when 'disposed' then '已处置' when 'closed' then '已关闭' else a.status end, a.message) as note,
    '/monitoring/alarms/' || a.id as link`,
  from: sql`from monitoring_alarms a join monitoring_devices d on d.id = a.device_id
    where ${sql.and([located('d.lng', 'd.lat'), timed(f) ? between(f, 'a.raised_at') : sql`a.status <> 'closed'`, alarmScope(actor.scope, 'a'),
      inBox(f.box, 'd.lng', 'd.lat'), under(f.regionCode, 'a.region_code')])}`,
  order: sql`a.level desc, a.raised_at desc, a.id`,
});

/** Rescue teams, material stores and experts with a place; kind = team / warehouse / expert. */
export const resourcesSql = (actor: Actor, f: LayerFilter): LayerSql => {
  const part = (table: string, kind: string, cols: Sql, scope: Parameters<typeof readScope>[1], link: Sql, phone: Sql) => sql`select a.id, a.lng, a.lat, a.name, ${kind}::text as kind,
    a.region_code, null::timestamptz as at, ${cols} as note, ${link} as link, ${phone}::text as phone from ${sql.id(table)} a
    where ${sql.and([located('a.lng', 'a.lat'), readScope(actor, scope), inBox(f.box, 'a.lng', 'a.lat'), under(f.regionCode, 'a.region_code')])}`;
  return {
    cols: sql`r.*`,
    from: sql`from (${part('resource_teams', 'team', sql`concat_ws(' · ', a.leader || ' ' || coalesce(a.leader_phone, ''), case a.readiness when 'ready' then '随时可调' else '暂不可用' end)`,
      { region: 'a.region_code', org: 'a.owner_org_id', enterprise: 'a.enterprise_id' }, sql`'/command/resources/teams/' || a.id`, sql`a.leader_phone`)}
      union all ${part('resource_warehouses', 'warehouse', sql`concat_ws(' · ', '储备库', a.keeper || ' ' || coalesce(a.keeper_phone, ''))`,
      { region: 'a.region_code', org: 'a.owner_org_id' }, sql`'/command/resources?tab=warehouses'`, sql`a.keeper_phone`)}
      union all ${part('resource_experts', 'expert', sql`concat_ws(' · ', array_to_string(a.fields, '、'), a.title, a.unit)`,
      { region: 'a.region_code' }, sql`'/command/resources?tab=experts'`, sql`null`)}) r`,
    order: sql`r.kind desc, r.id`,
  };
};

/** 避难场所 with capacity; kind = indoor / outdoor / both. */
export const sheltersSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`a.id, a.lng, a.lat, a.name, a.kind, a.region_code, '可容纳 ' || a.capacity || ' 人，现有 ' || a.occupancy || ' 人' as note,
    '/command/resources?tab=shelters' as link`,
  from: sql`from resource_shelters a where ${sql.and([located('a.lng', 'a.lat'), readScope(actor, { region: 'a.region_code' }), inBox(f.box, 'a.lng', 'a.lat'),
    under(f.regionCode, 'a.region_code')])}`,
  order: sql`a.capacity desc, a.id`,
});

/** 防汛设施 of the flood register (reservoirs, sluices, dikes, polders, hydropower), or its mountain-torrent points. */
export const floodSql = (torrents: boolean) => (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`f.id, f.lng, f.lat, f.name, f.kind, f.region_code,
    concat_ws(' · ', f.scale, case when f.capacity_wan_m3 is not null then '库容 ' || f.capacity_wan_m3 || ' 万m³' end,
      case when f.people_at_risk is not null then '威胁 ' || f.people_at_risk || ' 人' end, '行政责任人 ' || f.admin_name) as note,
    '/disaster/flood?tab=facilities' as link`,
  from: sql`from flood_facilities f where ${sql.and([located('f.lng', 'f.lat'), torrents ? sql`f.kind = 'torrent_point'` : sql`f.kind <> 'torrent_point'`,
    scopeWhere(actor, { region: 'f.region_code' }), inBox(f.box, 'f.lng', 'f.lat'), under(f.regionCode, 'f.region_code')])}`,
  order: sql`coalesce(f.people_at_risk, 0) desc, f.capacity_wan_m3 desc nulls last, f.id`,
});

/** Incidents with a place: open ones by default, or those that occurred within from/to; kind = status. */
export const incidentsSql = (actor: Actor, f: LayerFilter): LayerSql => ({
  cols: sql`i.id, i.lng, i.lat, i.title as name, i.status as kind, i.region_code, i.occurred_at as at,
    concat_ws(' · ', i.number, i.address, case i.response_level when 1 then 'Ⅰ级响应' when 2 then 'Ⅱ级响应' when 3 then 'Ⅲ级响应' when 4 then 'Ⅳ级响应' end) as note, '/command/incidents/' || i.id as link`,
  from: sql`from incidents i where ${sql.and([located('i.lng', 'i.lat'), timed(f) ? between(f, 'i.occurred_at') : sql`i.status <> 'closed'`, incidentScope(actor, 'i'),
    inBox(f.box, 'i.lng', 'i.lat'), under(f.regionCode, 'i.region_code')])}`,
  order: sql`coalesce(i.response_level, 9), i.occurred_at desc, i.id`,
});

export interface WarningAreaRow { id: string; number: string | null; headline: string; colour: string; kind: string; status: string; effective_at: Date; expires_at: Date; region_codes: string[] }

/** Warnings in the viewer's scope: in force now by default, or in force at some moment within from/to. */
export const warningsIn = (db: Queryable, actor: Actor, f: LayerFilter) => db.query<WarningAreaRow>(sql`select w.id, w.number, w.headline, w.colour, w.kind, w.status,
  w.effective_at, w.expires_at, w.region_codes from early_warnings w where ${sql.and([
    warningScope(actor.scope),
    timed(f)
      ? sql.and([sql`w.status <> 'draft'`, f.to ? sql`w.effective_at <= ${f.to.toISOString()}::timestamptz` : undefined,
        f.from ? sql`coalesce(w.cancelled_at, w.expires_at) >= ${f.from.toISOString()}::timestamptz` : undefined])
      : sql`w.status = 'issued' and w.expires_at > ${f.now.toISOString()}::timestamptz`,
  ])} order by case w.colour when 'red' then 0 when 'orange' then 1 when 'yellow' then 2 else 3 end, w.effective_at desc, w.id limit 500`);

/** Names and centres of regions. */
export const regionCentres = (db: Queryable, codes: string[]) => db.query<{ code: string; name: string; lng: number | null; lat: number | null }>(
  sql`select code, name, center_lng as lng, center_lat as lat from regions where code = any(${codes}::text[])`);

/** The rows of a layer, at most `limit`, and how many match in all (counted only when capped). */
export async function runLayer(db: Queryable, q: LayerSql, limit: number): Promise<{ rows: Row[]; total: number; truncated: boolean }> {
  const rows = await db.query<Row>(sql`select ${q.cols} ${q.from} order by ${q.order} limit ${limit + 1}`);
  if (rows.length <= limit) return { rows, total: rows.length, truncated: false };
  const [{ n }] = await db.query<{ n: number }>(sql`select count(*)::int as n ${q.from}`);
  return { rows: rows.slice(0, limit), total: n, truncated: true };
}
