// SQL of 组织机构 (organisations): a directory every logged-in account may read.
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';

export interface OrgRow {
  id: string; parent_id: string | null; name: string; short_name: string | null; kind: string; region_code: string;
  region_name: string | null; contact: string | null; phone: string | null; sort: number; disabled: boolean;
}

const SELECT = sql`select o.id, o.parent_id, o.name, o.short_name, o.kind, o.region_code, r.name as region_name, o.contact, o.phone, o.sort, o.disabled
  from organizations o left join regions r on r.code = o.region_code`;

export interface OrgFilter { kind?: string; parentId?: string; regionCode?: string; q?: string }

export async function listOrgs(db: Queryable, f: OrgFilter, page: number, pageSize: number) {
  const conds: Sql[] = [];
  if (f.kind) conds.push(sql`o.kind = ${f.kind}`);
  if (f.parentId) conds.push(sql`o.parent_id = ${f.parentId}`);
  if (f.regionCode) conds.push(sql`o.region_code = ${f.regionCode}`);
  if (f.q) conds.push(sql`(o.name like ${'%' + f.q + '%'} or o.short_name like ${'%' + f.q + '%'})`);
  const where = sql.and(conds);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from organizations o where ${where}`);
  const items = await db.query<OrgRow>(sql`${SELECT} where ${where} order by o.sort, o.name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findOrg = (db: Queryable, id: string) => db.maybeOne<OrgRow>(sql`${SELECT} where o.id = ${id}`);

export interface OrgWrite { parent_id?: string | null; name?: string; short_name?: string | null; kind?: string; region_code?: string;
  contact?: string | null; phone?: string | null; sort?: number; disabled?: boolean }

export async function insertOrg(db: Queryable, id: string, w: OrgWrite) {
  const cols = (Object.keys(w) as (keyof OrgWrite)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into organizations (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

export async function updateOrg(db: Queryable, id: string, w: OrgWrite) {
  const cols = (Object.keys(w) as (keyof OrgWrite)[]).filter((c) => w[c] !== undefined);
  if (!cols.length) return;
  await db.execute(sql`update organizations set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

/** Whether `ancestor` is `id` or above it (a parent chain must not loop). */
export async function isAncestorOrSelf(db: Queryable, ancestor: string, id: string) {
  const r = await db.maybeOne(sql`with recursive up(id, parent_id) as (
      select id, parent_id from organizations where id = ${id}
      union all select o.id, o.parent_id from organizations o join up on o.id = up.parent_id)
    select 1 from up where id = ${ancestor} limit 1`);
  return !!r;
}
