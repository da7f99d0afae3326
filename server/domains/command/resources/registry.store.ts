// Every SQL statement of the resource registers (teams, experts, warehouses, shelters, equipment), driven by one
// descriptor per register: its table, the select with its joined names, its filters and its scope columns.
import type { Actor, DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { readScope, type ResourceCols } from './scope.js';

export type RegisterKind = 'team' | 'expert' | 'warehouse' | 'shelter' | 'equipment';
export type Filters = Record<string, unknown>;

export interface Register {
  kind: RegisterKind;
  table: string;
  /** 中文 name of one record, for messages (救援队伍). */
  label: string;
  /** Columns a create or edit may set. */
  writable: readonly string[];
  scope: ResourceCols;
  /** `select … from <table> a …` (alias a), with joined names. */
  select: Sql;
  /** Columns searched by q. */
  search: readonly string[];
  filters(f: Filters): (Sql | undefined)[];
  order: Sql;
}

const regionName = sql`(select r.name from regions r where r.code = a.region_code) as region_name`;
const orgName = sql`(select o.name from organizations o where o.id = a.owner_org_id) as owner_org_name`;
const eq = (col: string, v: unknown) => (v === undefined || v === null || v === '' ? undefined : sql`${sql.id(col)} = ${v}`);
const inRegion = (v: unknown) => (typeof v === 'string' && v ? sql`a.region_code like ${regionPrefix(v) + '%'}` : undefined);

export const REGISTERS: Record<RegisterKind, Register> = {
  team: {
    kind: 'team', table: 'resource_teams', label: '救援队伍',
    writable: ['name', 'kind', 'owner_org_id', 'region_code', 'address', 'lng', 'lat', 'leader', 'leader_phone', 'planned_strength', 'specialities', 'equipment_note', 'readiness', 'note'],
    scope: { region: 'a.region_code', org: 'a.owner_org_id', enterprise: 'a.enterprise_id' },
    select: sql`select a.*, ${regionName}, ${orgName},
      (select count(*)::int from resource_team_members m where m.team_id = a.id) as member_count,
      (select coalesce(sum(e.quantity), 0)::int from resource_equipment e where e.owner_team_id = a.id) as equipment_count
      from resource_teams a`,
    search: ['a.name', 'a.leader', 'a.leader_phone'],
    filters: (f) => [eq('a.kind', f.kind), eq('a.readiness', f.readiness), inRegion(f.regionCode)],
    order: sql`a.region_code, a.kind, a.name, a.id`,
  },
  expert: {
    kind: 'expert', table: 'resource_experts', label: '专家',
    writable: ['name', 'fields', 'title', 'unit', 'phone', 'region_code', 'lng', 'lat', 'available', 'note'],
    scope: { region: 'a.region_code' },
    select: sql`select a.*, ${regionName} from resource_experts a`,
    search: ['a.name', 'a.unit', 'a.phone'],
    filters: (f) => [f.field ? sql`${f.field} = any(a.fields)` : undefined, inRegion(f.regionCode)],
    order: sql`a.name, a.id`,
  },
  warehouse: {
    kind: 'warehouse', table: 'resource_warehouses', label: '储备库',
    writable: ['name', 'level', 'owner_org_id', 'region_code', 'address', 'lng', 'lat', 'keeper', 'keeper_phone', 'area_m2', 'note'],
    scope: { region: 'a.region_code', org: 'a.owner_org_id' },
    select: sql`select a.*, ${regionName}, ${orgName},
      (select count(*)::int from resource_stock s where s.warehouse_id = a.id) as line_count,
      (select count(*)::int from resource_stock s where s.warehouse_id = a.id and s.quantity < s.min_level) as below_minimum
      from resource_warehouses a`,
    search: ['a.name', 'a.keeper', 'a.keeper_phone'],
    filters: (f) => [eq('a.level', f.level), inRegion(f.regionCode)],
    order: sql`a.level, a.region_code, a.name, a.id`,
  },
  shelter: {
    kind: 'shelter', table: 'resource_shelters', label: '避难场所',
    writable: ['name', 'kind', 'region_code', 'address', 'lng', 'lat', 'capacity', 'occupancy', 'area_m2', 'facilities', 'manager', 'manager_phone', 'note'],
    scope: { region: 'a.region_code' },
    select: sql`select a.*, ${regionName} from resource_shelters a`,
    search: ['a.name', 'a.manager', 'a.manager_phone', 'a.address'],
    filters: (f) => [eq('a.kind', f.kind), inRegion(f.regionCode), f.full === true ? sql`a.occupancy >= a.capacity` : f.full === false ? sql`a.occupancy < a.capacity` : undefined],
    order: sql`a.region_code, a.name, a.id`,
  },
  equipment: {
    kind: 'equipment', table: 'resource_equipment', label: '装备车辆',
    writable: ['name', 'kind', 'model', 'plate_no', 'quantity', 'status', 'owner_team_id', 'owner_org_id', 'region_code', 'address', 'lng', 'lat', 'keeper', 'keeper_phone', 'note'],
    scope: { region: 'a.region_code', org: 'a.owner_org_id' },
    select: sql`select a.*, ${regionName}, ${orgName}, (select t.name from resource_teams t where t.id = a.owner_team_id) as owner_team_name from resource_equipment a`,
    search: ['a.name', 'a.model', 'a.plate_no', 'a.keeper'],
    filters: (f) => [eq('a.kind', f.kind), eq('a.status', f.status), eq('a.owner_team_id', f.ownerTeamId), inRegion(f.regionCode)],
    order: sql`a.region_code, a.kind, a.name, a.id`,
  },
};

function where(reg: Register, viewer: Actor | DataScope, f: Filters): Sql {
  const q = typeof f.q === 'string' && f.q.trim() ? `%${f.q.trim()}%` : null;
  return sql.and([readScope(viewer, reg.scope), ...reg.filters(f), q ? sql`(${sql.join(reg.search.map((c) => sql`${sql.id(c)} ilike ${q}`), ' or ')})` : undefined]);
}

/** A page of a register in the viewer's scope (limit null: every row, for export). */
export async function listRegister<T = Record<string, unknown>>(db: Queryable, reg: Register, viewer: Actor | DataScope, f: Filters, page: number, pageSize: number | null) {
  const w = where(reg, viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from ${sql.id(reg.table)} a where ${w}`);
  const limit = pageSize === null ? sql`` : sql` limit ${pageSize} offset ${(page - 1) * pageSize}`;
  const items = await db.query<T>(sql`${reg.select} where ${w} order by ${reg.order}${limit}`);
  return { items, total };
}

/** One record in the viewer's scope, or undefined. */
export const findInRegister = <T = Record<string, unknown>>(db: Queryable, reg: Register, viewer: Actor | DataScope, id: string) =>
  db.maybeOne<T>(sql`${reg.select} where a.id = ${id} and ${readScope(viewer, reg.scope)}`);

/** Insert a record (columns already checked against `writable`). */
export async function insertRecord(db: Queryable, reg: Register, id: string, cols: Record<string, unknown>) {
  const keys = Object.keys(cols);
  await db.execute(sql`insert into ${sql.id(reg.table)} (id, ${sql.join(keys.map((c) => sql.id(c)))}) values (${id}, ${sql.join(keys.map((c) => sql`${cols[c]}`))})`);
}

/** Set some columns of a record. */
export async function updateRecord(db: Queryable, reg: Register, id: string, cols: Record<string, unknown>) {
  const keys = Object.keys(cols);
  if (keys.length) await db.execute(sql`update ${sql.id(reg.table)} set ${sql.join(keys.map((c) => sql`${sql.id(c)} = ${cols[c]}`))}, updated_at = now() where id = ${id}`);
}

/** Names already used in a register (for import duplicates): name + region code. */
export const existingNames = (db: Queryable, reg: Register) =>
  db.query<{ name: string; region_code: string }>(sql`select name, region_code from ${sql.id(reg.table)}`);
