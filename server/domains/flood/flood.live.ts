// 实时水雨情 against the registry: a reservoir's live water level against its 汛限水位 and 设计洪水位, and a torrent
// point's rainfall over each duration against its 准备转移 / 立即转移 临界雨量 (DOMAIN.md §8: per village, per duration,
// no national numbers). Readings come from the monitoring site the facility links to, through monitoring's directory.
import type { Facility, FacilityLive } from '../../../contracts/flood.js';
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { siteHydrology } from '../monitoring/directory.js';
import { linkedFacilities } from './flood.store.js';

/** A reading older than this is shown as stale (the gauge may be offline). */
export const STALE_MINUTES = 120;
const hoursOf = (k: string) => Number(/^(\d{1,2})h$/.exec(k)?.[1] ?? NaN);
const m2 = (n: number) => Math.round(n * 100) / 100;

/** Water level against the characteristic levels: ≥ 设计洪水位 is the worst, above 汛限 next (DOMAIN.md §8, local practice [M]). */
export function waterStatus(levels: Facility['levels'], value: number | null): { status: FacilityLive['status']; text: string } {
  const limit = levels.floodLimitLevel; const design = levels.designFloodLevel;
  if (value == null) return { status: 'unknown', text: '暂无水位数据' };
  if (design != null && value >= design) return { status: 'danger', text: `达到设计洪水位（超 ${m2(value - design)} m）` };
  if (limit != null && value > limit) return { status: 'warning', text: `超汛限水位 ${m2(value - limit)} m` };
  if (limit != null) return { status: 'normal', text: `低于汛限水位 ${m2(limit - value)} m` };
  return { status: 'unknown', text: '未登记汛限水位，无法判断' };
}

/** Rainfall per duration against the thresholds: any duration at 立即转移 is the worst, then 准备转移. */
export function rainStatus(thresholds: Facility['thresholds'], totals: { hours: number; mm: number }[]) {
  const keys = [...new Set([...Object.keys(thresholds.prepare ?? {}), ...Object.keys(thresholds.evacuate ?? {})])].filter((k) => hoursOf(k) > 0).sort((a, b) => hoursOf(a) - hoursOf(b));
  const windows = keys.map((k) => {
    const mm = totals.find((t) => t.hours === hoursOf(k))?.mm ?? 0;
    const prepare = thresholds.prepare?.[k] ?? null; const evacuate = thresholds.evacuate?.[k] ?? null;
    const reached = evacuate != null && mm >= evacuate ? 'evacuate' : prepare != null && mm >= prepare ? 'prepare' : null;
    return { duration: k, hours: hoursOf(k), mm, prepare, evacuate, reached };
  });
  const worst = windows.find((w) => w.reached === 'evacuate') ?? windows.find((w) => w.reached === 'prepare');
  if (!keys.length) return { windows, status: 'unknown' as const, text: '未登记临界雨量，无法判断' };
  if (!worst) return { windows, status: 'normal' as const, text: '未达到临界雨量' };
  const word = worst.reached === 'evacuate' ? '立即转移' : '准备转移';
  return { windows, status: worst.reached === 'evacuate' ? 'danger' as const : 'warning' as const, text: `${worst.duration} 雨量 ${worst.mm} mm，达到${word}临界值 ${worst.reached === 'evacuate' ? worst.evacuate : worst.prepare} mm` };
}

const RANK = { danger: 3, warning: 2, normal: 1, unknown: 0 } as const;

/** The live picture of one facility (nothing to read when it is not linked to a monitoring site). */
export async function facilityLive(db: Queryable, f: Facility, now: Date): Promise<FacilityLive> {
  const base = { facilityId: f.id, name: f.name, kind: f.kind, townName: f.townName, regionName: f.regionName };
  if (!f.monitoringFacilityId) return { ...base, monitored: false, status: 'unknown', text: '未接入监测设备', water: null, rain: null };
  const durations = [...new Set([...Object.keys(f.thresholds.prepare ?? {}), ...Object.keys(f.thresholds.evacuate ?? {})].map(hoursOf).filter((h) => h > 0))];
  const h = await siteHydrology(db, f.monitoringFacilityId, durations.length ? durations : [1, 3, 6, 24], now);
  const stale = (at: string | null) => !at || now.getTime() - Date.parse(at) > STALE_MINUTES * 60_000;
  const water = h.water ? { ...h.water, stale: stale(h.water.at), floodLimitLevel: f.levels.floodLimitLevel ?? null, designFloodLevel: f.levels.designFloodLevel ?? null,
    ...waterStatus(f.levels, h.water.value) } : null;
  const rain = h.rain ? { name: h.rain.name, unit: h.rain.unit, at: h.rain.at, stale: stale(h.rain.at), ...rainStatus(f.thresholds, h.rain.totals) } : null;
  // A torrent point is judged on its rainfall thresholds, a reservoir (and any other kind) on its water level.
  const judged = f.kind === 'torrent_point' ? rain : water;
  if (!judged) return { ...base, monitored: true, status: 'unknown', text: f.kind === 'torrent_point' ? '监测站点没有雨量测点' : '监测站点没有水位测点', water, rain };
  return { ...base, monitored: true, status: judged.stale && judged.status === 'normal' ? 'unknown' : judged.status, text: judged.stale ? `${judged.text}（数据超过 ${STALE_MINUTES / 60} 小时未更新）` : judged.text, water, rain };
}

/** Every linked facility in the viewer's scope with its live status, worst first (the 实时水雨情 panel). */
export async function liveBoard(db: Queryable, viewer: DataScope, now: Date) {
  const out: FacilityLive[] = [];
  for (const f of await linkedFacilities(db, viewer)) out.push(await facilityLive(db, f, now));
  return out.sort((a, b) => RANK[b.status] - RANK[a.status] || a.name.localeCompare(b.name, 'zh'));
}
