// Every SQL statement about early warnings (预警信息) and their recipients, scoped by the caller in SQL: a region
// account sees warnings that cover part of its area or the place it is in; departments see what was issued (public
// information) and their own drafts; an enterprise sees what covers its place.
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';

export interface WarningRow {
  id: string; number: string | null; kind: string; event: string; colour: 'blue' | 'yellow' | 'orange' | 'red'; headline: string; description: string;
  guidance: string; region_codes: string[]; region_names: string[]; region_code: string; effective_at: Date; expires_at: Date; sender: string; sender_name: string;
  sender_org_id: string | null; source: 'issued' | 'imported'; status: 'draft' | 'issued' | 'cancelled'; audience: 'responsible' | 'everyone'; cap_identifier: string | null; issued_at: Date | null;
  cancelled_at: Date | null; created_at: Date; recipients: number; confirmed: number;
}

/** Covers part of `code`'s subtree, or covers the place `code` is in. */
const overlaps = (code: string) => sql`(exists (select 1 from unnest(w.region_codes) rc where rc like ${regionPrefix(code) + '%'})
  or exists (select 1 from unnest(w.region_codes) rc where ${code} like region_prefix(rc) || '%'))`;

/** The viewer's warnings; an enterprise viewer is judged by its enterprise's region. */
export function warningScope(viewer: DataScope, enterpriseRegion?: string): Sql {
  switch (viewer.kind) {
    case 'all': return sql`true`;
    case 'region': return overlaps(viewer.regionCode!);
    case 'org': return sql`(w.status <> 'draft' or w.sender_org_id = ${viewer.orgId!})`;
    case 'enterprise': return enterpriseRegion ? sql`(w.status <> 'draft' and exists (select 1 from unnest(w.region_codes) rc where ${enterpriseRegion} like region_prefix(rc) || '%'))` : sql`false`;
  }
}

const SELECT = sql`select w.*, coalesce((select array_agg(r.name order by r.code) from regions r where r.code = any(w.region_codes)), '{}') as region_names,
  (select count(*)::int from warning_recipients wr where wr.warning_id = w.id) as recipients,
  (select count(*)::int from warning_recipients wr where wr.warning_id = w.id and wr.confirmed_at is not null) as confirmed
  from early_warnings w`;

export interface WarningFilter { status?: string; kind?: string; colour?: string; active?: boolean; regionCode?: string }

/** A page of warnings in the viewer's scope, drafts first. */
export async function listWarnings(db: Queryable, viewer: DataScope, enterpriseRegion: string | undefined, f: WarningFilter, now: Date, page: number, pageSize: number) {
  const where = sql.and([
    warningScope(viewer, enterpriseRegion),
    f.status ? sql`w.status = ${f.status}` : undefined,
    f.kind ? sql`w.kind = ${f.kind}` : undefined,
    f.colour ? sql`w.colour = ${f.colour}` : undefined,
    f.active === true ? sql`(w.status = 'issued' and w.expires_at > ${now.toISOString()})` : undefined,
    f.regionCode ? overlaps(f.regionCode) : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from early_warnings w where ${where}`);
  const items = await db.query<WarningRow>(sql`${SELECT} where ${where} order by (w.status = 'draft') desc, w.effective_at desc, w.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One warning in the viewer's scope, or undefined. */
export const findWarning = (db: Queryable, viewer: DataScope, enterpriseRegion: string | undefined, id: string) =>
  db.maybeOne<WarningRow>(sql`${SELECT} where w.id = ${id} and ${warningScope(viewer, enterpriseRegion)}`);

/** Lock a warning row for a change. */
export const lockWarning = (db: Queryable, id: string) => db.maybeOne(sql`select id from early_warnings where id = ${id} for update`);

/** The warning a CAP sender and identifier name. */
export const findByCapIdentifier = (db: Queryable, sender: string, identifier: string) =>
  db.maybeOne<{ id: string; status: string; headline: string }>(sql`select id, status, headline from early_warnings where sender = ${sender} and cap_identifier = ${identifier}`);

export type WarningWrite = Partial<Record<'number' | 'kind' | 'event' | 'colour' | 'headline' | 'description' | 'guidance' | 'region_code' | 'effective_at' | 'expires_at'
  | 'sender' | 'sender_name' | 'sender_org_id' | 'source' | 'status' | 'audience' | 'cap_identifier' | 'cap_xml' | 'issued_at' | 'issued_by' | 'cancelled_at' | 'created_by', string | null>>
  & { region_codes?: string[] };

/** Insert a warning row. */
export async function insertWarning(db: Queryable, id: string, w: WarningWrite) {
  const cols = (Object.keys(w) as (keyof WarningWrite)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into early_warnings (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

/** Set some columns of a warning. */
export async function updateWarning(db: Queryable, id: string, w: WarningWrite) {
  const cols = (Object.keys(w) as (keyof WarningWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update early_warnings set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

/** Known region codes among `codes`, with their names. */
export const knownRegions = (db: Queryable, codes: string[]) =>
  db.query<{ code: string; name: string }>(sql`select code, name from regions where code = any(${codes}::bpchar[]) order by code`);

