// 一张图: which layers a caller may see (each needs its domain's read permission on top of dashboard:read), the query's
// checks (bbox, time range, region), and each layer's features. Warnings' areas are the regions a warning covers, cut
// to the caller's own area: a town sees the part of a county-wide warning that lies over the town.
import { INCIDENT_STATUSES } from '../../../contracts/command-incidents.js';
import { SHELTER_KINDS } from '../../../contracts/command-resources.js';
import { RISK_LEVELS } from '../../../contracts/enterprises.js';
import { FACILITY_KINDS } from '../../../contracts/flood.js';
import { PERMISSIONS, type Permission } from '../../../contracts/roles.js';
import {
  type FeatureCollection, LAYER_CAP, type LayerInfo, type LayerKind, type LayerQuery, SITUATION_LAYERS, type SituationLayer, TIMED_LAYERS,
} from '../../../contracts/situation.js';
import { type Actor, can } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest, forbidden } from '../../platform/http/errors.js';
import { maskPhone } from '../../platform/personal/personal.js';
import { ruleValue } from '../../platform/settings/rules.js';
import { OFFLINE } from '../monitoring/monitoring.rules.js';
import {
  alarmsSql, type Box, enterprisesSql, floodSql, hazardSourcesSql, hazardsSql, incidentsSql, type LayerFilter, type LayerSql, regionCentres, resourcesSql,
  type Row, runLayer, sensorsSql, sheltersSql, warningsIn,
} from './layers.store.js';

const k = (code: string, label: string, colour: string): LayerKind => ({ code, label, colour });

interface LayerDef {
  permission: Permission;
  kinds: LayerKind[];
  /** The layer's SQL (all layers but warnings, which are cut to areas in code). */
  sql?: (actor: Actor, f: LayerFilter) => LayerSql;
}

const FLOOD_COLOURS: Record<string, string> = { reservoir: '#0958d9', sluice: '#08979c', dike: '#7c4a1e', polder: '#389e0d', hydropower: '#531dab', torrent_point: '#d46b08' };

/** The catalogue: permission, kinds with their legend colours, and SQL of each layer. */
export const LAYERS: Record<SituationLayer, LayerDef> = {
  enterprises: { permission: 'enterprise:read', sql: enterprisesSql,
    kinds: [...RISK_LEVELS.map((r) => k(r.code, `${r.colour}·${r.label}`, r.hex)), k('none', '未评定', '#8c8c8c')] },
  hazardSources: { permission: 'enterprise:read', sql: hazardSourcesSql,
    kinds: [k('1', '一级', '#820014'), k('2', '二级', '#cf1322'), k('3', '三级', '#fa541c'), k('4', '四级', '#faad14'), k('none', '未分级', '#8c8c8c')] },
  hazards: { permission: 'hazard:read', sql: hazardsSql, kinds: [k('major', '重大隐患', '#a8071a'), k('general', '一般隐患', '#fa8c16')] },
  sensors: { permission: 'monitoring:read', sql: sensorsSql, kinds: [k('online', '在线', '#13c2c2'), k('offline', '离线', '#8c8c8c')] },
  alarms: { permission: 'monitoring:read', sql: alarmsSql, kinds: [k('2', '二级报警', '#f5222d'), k('1', '一级报警', '#fa8c16')] },
  resources: { permission: 'command:read', sql: resourcesSql,
    kinds: [k('team', '救援队伍', '#389e0d'), k('warehouse', '物资储备库', '#7cb305'), k('expert', '专家', '#13a8a8')] },
  shelters: { permission: 'command:read', sql: sheltersSql, kinds: Object.entries(SHELTER_KINDS).map(([c, l]) => k(c, `${l}避难场所`, c === 'outdoor' ? '#597ef7' : '#2f54eb')) },
  flood: { permission: 'disaster:read', sql: floodSql(false),
    kinds: Object.entries(FACILITY_KINDS).filter(([c]) => c !== 'torrent_point').map(([c, l]) => k(c, l, FLOOD_COLOURS[c]!)) },
  torrents: { permission: 'disaster:read', sql: floodSql(true), kinds: [k('torrent_point', FACILITY_KINDS.torrent_point, FLOOD_COLOURS.torrent_point!)] },
  incidents: { permission: 'command:read', sql: incidentsSql,
    kinds: Object.entries(INCIDENT_STATUSES).map(([c, l]) => k(c, l, { reported: '#cf1322', responding: '#eb2f96', terminated: '#722ed1', closed: '#595959' }[c]!)) },
  warnings: { permission: 'monitoring:read',
    kinds: [k('red', '红色预警', '#f5222d'), k('orange', '橙色预警', '#fa8c16'), k('yellow', '黄色预警', '#fadb14'), k('blue', '蓝色预警', '#1677ff')] },
};

const isLayer = (s: string): s is SituationLayer => Object.hasOwn(SITUATION_LAYERS, s);

/** The layers the actor may see. */
export function catalogue(actor: Actor): LayerInfo[] {
  return (Object.keys(SITUATION_LAYERS) as SituationLayer[]).filter((l) => can(actor, LAYERS[l].permission)).map((l) => ({
    key: l, label: SITUATION_LAYERS[l], permission: LAYERS[l].permission, timed: TIMED_LAYERS.includes(l), kinds: LAYERS[l].kinds,
  }));
}

const BBOX_HELP = '范围参数 bbox 应为“最小经度,最小纬度,最大经度,最大纬度”四个数，如 112.8,28.6,113.3,29.0';

/** `minLng,minLat,maxLng,maxLat` → a box, or 400 in words a person can act on. */
export function parseBbox(s: string): Box {
  const parts = s.split(',').map((x) => x.trim());
  if (parts.length !== 4 || parts.some((x) => !/^-?\d+(\.\d+)?$/.test(x))) throw badRequest(BBOX_HELP, 'bbox must be minLng,minLat,maxLng,maxLat');
  const [minLng, minLat, maxLng, maxLat] = parts.map(Number) as [number, number, number, number];
  if ([minLng, maxLng].some((x) => x < -180 || x > 180) || [minLat, maxLat].some((x) => x < -90 || x > 90)) {
    throw badRequest(`${BBOX_HELP}；经度应在 -180 至 180 之间，纬度应在 -90 至 90 之间`, 'bbox out of range');
  }
  if (minLng >= maxLng || minLat >= maxLat) throw badRequest(`${BBOX_HELP}；最小值须小于最大值`, 'bbox min must be below max');
  return { minLng, minLat, maxLng, maxLat };
}

/** A date (YYYY-MM-DD, a whole day in Asia/Shanghai) or an ISO time → the instant it starts (or, for `to`, ends). */
export function parseTime(s: string, end: boolean, what: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const d = new Date(`${s}T00:00:00+08:00`);
    // A day that does not exist (2022-02-30) does not come back as itself.
    if (!Number.isNaN(d.getTime()) && new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) === s) return end ? new Date(d.getTime() + 86400_000 - 1) : d;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw badRequest(`${what}“${s}”无法识别，请写成 2022-06-30 或 2022-06-30T08:00:00+08:00`, `Bad ${end ? 'to' : 'from'} time`);
}

/** One layer's features for the actor; 403 for a layer whose domain it may not read, 400 for one that does not exist. */
export async function layerFeatures(ctx: Ctx, layer: string, q: LayerQuery): Promise<FeatureCollection> {
  if (!isLayer(layer)) throw badRequest(`未知图层“${layer}”；可选：${Object.entries(SITUATION_LAYERS).map(([key, l]) => `${key}（${l}）`).join('、')}`, 'Unknown layer');
  const def = LAYERS[layer];
  if (!can(ctx.actor, def.permission)) {
    throw forbidden(`您没有查看“${SITUATION_LAYERS[layer]}”图层的权限（需要“${PERMISSIONS[def.permission]}”）`, `${def.permission} required for this layer`);
  }
  const from = q.from ? parseTime(q.from, false, '起始时间') : undefined;
  const to = q.to ? parseTime(q.to, true, '截止时间') : undefined;
  if (from && to && from > to) throw badRequest('起始时间不能晚于截止时间', 'from is after to');
  const now = ctx.clock();
  const f: LayerFilter = {
    box: q.bbox ? parseBbox(q.bbox) : undefined, regionCode: q.regionCode, from, to, now,
    offlineFactor: layer === 'sensors' ? (await ruleValue(ctx.db, OFFLINE, now)).value.intervals : 1,
  };
  const limit = q.limit ?? LAYER_CAP;
  const { rows, total, truncated } = def.sql ? await runLayer(ctx.db, def.sql(ctx.actor, f), limit) : await warningAreas(ctx, f, limit);
  return {
    type: 'FeatureCollection', layer, label: SITUATION_LAYERS[layer], total, truncated,
    features: rows.map((r) => ({
      id: r.id, lng: Number(r.lng), lat: Number(r.lat), name: r.name, kind: r.kind, regionCode: r.region_code.trim(),
      ...(r.at ? { at: new Date(r.at).toISOString() } : {}), ...(r.note ? { note: r.phone ? r.note.replace(r.phone, maskPhone(r.phone)) : r.note } : {}), ...(r.link ? { link: r.link } : {}),
    })),
  };
}

/** A covered region cut to the areas the caller asks about (its scope, the region filter): the region itself when it lies
 *  inside them, the narrower area when the region covers it, nothing when they are apart. */
function cut(code: string, areas: string[]): string | undefined {
  let c = code;
  for (const a of areas) {
    if (c.startsWith(regionPrefix(a))) continue;
    if (a.startsWith(regionPrefix(c))) { c = a; continue; }
    return undefined;
  }
  return c;
}

/** Warnings' areas: one feature per (warning, region covered), at the region's centre; id = `warningId:regionCode`. */
async function warningAreas(ctx: Ctx, f: LayerFilter, limit: number): Promise<{ rows: Row[]; total: number; truncated: boolean }> {
  const ws = await warningsIn(ctx.db, ctx.actor, f);
  const areas = [ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionCode! : undefined, f.regionCode].filter((x): x is string => !!x);
  const pairs = ws.flatMap((w) => [...new Set(w.region_codes.map((c) => cut(c, areas)).filter((c): c is string => !!c))].map((code) => ({ w, code })));
  const centres = new Map((await regionCentres(ctx.db, [...new Set(pairs.map((p) => p.code))])).map((r) => [r.code.trim(), r]));
  const inBox = (lng: number, lat: number) => !f.box || (lng >= f.box.minLng && lng <= f.box.maxLng && lat >= f.box.minLat && lat <= f.box.maxLat);
  const rows: Row[] = [];
  for (const { w, code } of pairs) {
    const c = centres.get(code);
    if (!c || c.lng === null || c.lat === null || !inBox(c.lng, c.lat)) continue;
    rows.push({ id: `${w.id}:${code}`, lng: c.lng, lat: c.lat, name: `${c.name}：${w.headline}`, kind: w.colour, region_code: code, at: w.effective_at,
      note: `${w.number ?? ''} ${w.status === 'cancelled' ? '已解除' : '生效中'} · 至 ${new Date(w.expires_at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`.trim(),
      link: `/monitoring/warnings/${w.id}` });
  }
  return { rows: rows.slice(0, limit), total: rows.length, truncated: rows.length > limit };
}
