// SQL of 行政区划 (regions). A region-scoped account reads its own subtree.
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { scopeWhere } from '../../platform/auth/scope.js';

export interface RegionRow {
  code: string; parent_code: string | null; name: string; level: string; sort: number;
  center_lng: number | null; center_lat: number | null;
}

const COLS = sql`r.code, r.parent_code, r.name, r.level, r.sort, r.center_lng, r.center_lat`;

const visible = (viewer: DataScope) => (viewer.kind === 'region' ? scopeWhere(viewer, { region: 'r.code' }) : sql`true`);

export async function listRegions(db: Queryable, viewer: DataScope, f: { parent?: string; level?: string; q?: string }) {
  const conds: Sql[] = [visible(viewer)];
  if (f.parent) conds.push(sql`r.parent_code = ${f.parent}`);
  if (f.level) conds.push(sql`r.level = ${f.level}`);
  if (f.q) conds.push(sql`r.name like ${'%' + f.q + '%'}`);
  return db.query<RegionRow>(sql`select ${COLS} from regions r where ${sql.and(conds)} order by r.code limit 5000`);
}

export const findRegion = (db: Queryable, viewer: DataScope, code: string) =>
  db.maybeOne<RegionRow>(sql`select ${COLS} from regions r where r.code = ${code} and ${visible(viewer)}`);

export async function insertRegion(db: Queryable, r: Omit<RegionRow, 'center_lng' | 'center_lat'>) {
  await db.execute(sql`insert into regions (code, parent_code, name, level, sort) values (${r.code}, ${r.parent_code}, ${r.name}, ${r.level}, ${r.sort})`);
}

export async function updateRegion(db: Queryable, code: string, w: { name?: string; sort?: number }) {
  await db.execute(sql`update regions set name = coalesce(${w.name ?? null}, name), sort = coalesce(${w.sort ?? null}::int, sort) where code = ${code}`);
}

export interface BoundaryRow { code: string; name: string; level: string; center_lng: number | null; center_lat: number | null; boundary: unknown }

/** Regions with a drawn boundary among the county, towns and parks the viewer may see. */
export const listBoundaries = (db: Queryable, viewer: DataScope) => db.query<BoundaryRow>(sql`select r.code, r.name, r.level, r.center_lng, r.center_lat, r.boundary
  from regions r where r.boundary is not null and r.level in ('county', 'town', 'park') and ${visible(viewer)} order by r.code`);

/** The root of the region tree (the first, should there be several). */
export const topRegion = async (db: Queryable) => (await db.maybeOne<{ code: string }>(sql`select code from regions where parent_code is null order by code limit 1`))?.code;
/** Up to `limit` child codes of a region. */
export const childCodes = async (db: Queryable, code: string, limit: number) =>
  (await db.query<{ code: string }>(sql`select code from regions where parent_code = ${code} order by code limit ${limit}`)).map((r) => r.code);
