// Regions of the demo county 汨水市 (fictional county-level city under 岳阳市, 湖南省):
// 15 towns, their villages and 社区, and three parks, with centres and map boundaries.
import { blobRing, centroid, hexagon, inside, randomPointIn, relaxedCells, round5, toPolygon, type Point, type Ring } from './geo.js';
import { CLAN_NAMES, COMMUNITY_NAMES, VILLAGE_FIRST, VILLAGE_SECOND } from './names.js';
import type { DemoContext } from './random.js';
import type { DemoData, RegionRow } from './types.js';

export const PROVINCE_CODE = '430000000000';
export const CITY_CODE = '430600000000';
export const COUNTY_CODE = '430699000000';
export const COUNTY_NAME = '汨水市';
/** 6-digit GB/T 2260 code of the county (used inside 统一社会信用代码). */
export const COUNTY_CODE6 = COUNTY_CODE.slice(0, 6);
export const COUNTY_CENTRE: Point = [113.08, 28.8];

/** The 15 towns in code order (101..115); the first four are named in the half-year report. */
export const TOWN_NAMES = [
  '白塘镇', '罗江镇', '归义镇', '新市镇', '长湖镇', '青山镇', '龙泉镇', '石桥镇',
  '桃源镇', '梅溪镇', '荷塘镇', '云峰镇', '凤凰镇', '清水镇', '金盆镇',
] as const;
/** The town that holds the city's seat (城区): central on the map, most 社区. */
export const SEAT_TOWN = '归义镇';

/** Parks (政企合一, codes 401..403) and the town each lies in. */
export const PARKS = [
  { name: '高新区', code: '430699401000', host: '归义镇' },
  { name: '循环园', code: '430699402000', host: '新市镇' },
  { name: '飞地园', code: '430699403000', host: '罗江镇' },
] as const;

/** The 12-digit code of a town by its name. */
export function townCode(name: (typeof TOWN_NAMES)[number]): string {
  return `${COUNTY_CODE6}${101 + TOWN_NAMES.indexOf(name)}000`;
}

/** Significant prefix of a region code at its level (43 / 4306 / 430699 / 430699101 / full). */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** The towns of a generated data set, in code order. */
export function towns(base: Pick<DemoData, 'regions'>): RegionRow[] {
  return base.regions.filter((r) => r.level === 'town');
}

/** The parks of a generated data set. */
export function parks(base: Pick<DemoData, 'regions'>): RegionRow[] {
  return base.regions.filter((r) => r.level === 'park');
}

/** The villages and 社区 of one town. */
export function villagesOf(base: Pick<DemoData, 'regions'>, townCode: string): RegionRow[] {
  return base.regions.filter((r) => r.level === 'village' && r.parent_code === townCode);
}

/** The region with this name (throws when absent, so a typo fails loudly in generation). */
export function regionByName(base: Pick<DemoData, 'regions'>, name: string): RegionRow {
  const r = base.regions.find((x) => x.name === name);
  if (!r) throw new Error(`demo: no region named ${name}`);
  return r;
}

/** Generates every region row: province, city, county, towns, villages, parks. */
export function generate(ctx: DemoContext): { regions: RegionRow[] } {
  const { rng } = ctx;
  const outline = blobRing(rng, COUNTY_CENTRE, 0.26, 0.19, 28, 0.14);
  const { cells } = relaxedCells(rng, outline, TOWN_NAMES.length);
  // The seat gets the cell nearest the centre; the others take the remaining cells in order.
  const dist = (r: Ring) => Math.hypot(centroid(r)[0] - COUNTY_CENTRE[0], centroid(r)[1] - COUNTY_CENTRE[1]);
  const seatCell = cells.reduce((best, c) => (dist(c) < dist(best) ? c : best));
  const others = cells.filter((c) => c !== seatCell);
  const cellOf = new Map(TOWN_NAMES.map((t) => [t, t === SEAT_TOWN ? seatCell : others.shift()!]));

  const rows: RegionRow[] = [
    region(PROVINCE_CODE, null, '湖南省', 'province', 0, null, [111.72, 27.7]),
    region(CITY_CODE, PROVINCE_CODE, '岳阳市', 'city', 1, null, [113.13, 29.37]),
    region(COUNTY_CODE, CITY_CODE, COUNTY_NAME, 'county', 1, outline, COUNTY_CENTRE),
  ];

  const parkRings = new Map<string, Ring>();
  for (const p of PARKS) parkRings.set(p.name, parkRing(ctx, cellOf.get(p.host)!));

  const usedNames = new Set<string>();
  TOWN_NAMES.forEach((name, i) => {
    const cell = cellOf.get(name)!;
    const code = townCode(name);
    rows.push(region(code, COUNTY_CODE, name, 'town', i + 1, cell, centroid(cell)));
    const hostedParks = PARKS.filter((p) => p.host === name).map((p) => parkRings.get(p.name)!);
    rows.push(...villages(ctx, name, code, cell, hostedParks, usedNames));
  });

  PARKS.forEach((p, i) => {
    const ring = parkRings.get(p.name)!;
    rows.push(region(p.code, COUNTY_CODE, p.name, 'park', TOWN_NAMES.length + i + 1, ring, centroid(ring)));
  });
  return { regions: rows };
}

function region(
  code: string, parent: string | null, name: string, level: RegionRow['level'], sort: number,
  ring: Ring | null, centre: Point,
): RegionRow {
  return {
    code, parent_code: parent, name, level, sort,
    boundary: ring ? toPolygon(ring) : null,
    center_lng: round5(centre[0]), center_lat: round5(centre[1]),
  };
}

// A park: a small hexagon (~1.5 km) near its host town's centre, wholly inside the town's cell.
function parkRing(ctx: DemoContext, cell: Ring): Ring {
  const c = centroid(cell);
  for (let offset = 0.025; ; offset -= 0.005) {
    const a = ctx.rng.float(0, 2 * Math.PI);
    const centre: Point = [c[0] + offset * Math.cos(a), c[1] + offset * Math.sin(a)];
    const ring = hexagon(ctx.rng, centre, 0.014);
    if (offset <= 0 || ring.every((p) => inside(p, cell))) return ring;
  }
}

// A town's 社区 (居委会, codes 001+) then 村 (村委会, codes 201+); names unique in the county.
function villages(
  ctx: DemoContext, townName: string, townCode: string, cell: Ring, avoid: Ring[], used: Set<string>,
): RegionRow[] {
  const { rng } = ctx;
  const total = rng.int(12, 25);
  const communities = townName === SEAT_TOWN ? 6 : rng.int(1, 3);
  const rows: RegionRow[] = [];
  const stem = townName.replace(/镇$/, '');
  for (let i = 0; i < total; i++) {
    const isCommunity = i < communities;
    const name = isCommunity
      ? uniqueName(used, () => (i === 0 ? stem : rng.pick(COMMUNITY_NAMES)) + '社区', () => villageStem(ctx) + '社区')
      : uniqueName(used, () => villageStem(ctx) + '村', () => villageStem(ctx) + '村');
    const seq = isCommunity ? i + 1 : 201 + (i - communities);
    const code = townCode.slice(0, 9) + String(seq).padStart(3, '0');
    let p = randomPointIn(rng, cell);
    for (let k = 0; k < 20 && avoid.some((r) => inside(p, r)); k++) p = randomPointIn(rng, cell);
    rows.push(region(code, townCode, name, 'village', i + 1, null, p));
  }
  return rows;
}

function villageStem(ctx: DemoContext): string {
  const { rng } = ctx;
  if (rng.chance(0.2)) return rng.pick(CLAN_NAMES) + '家' + rng.pick(VILLAGE_SECOND);
  return rng.pick(VILLAGE_FIRST) + rng.pick(VILLAGE_SECOND);
}

function uniqueName(used: Set<string>, first: () => string, fallback: () => string): string {
  let name = first();
  for (let k = 0; used.has(name); k++) name = k < 30 ? first() : fallback();
  used.add(name);
  return name;
}
