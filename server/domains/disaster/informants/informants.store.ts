// SQL of disaster information officers (灾害信息员), their training and post coverage; scoped by region.
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { townName } from '../common.js';

export interface InformantRow {
  id: string; name: string; phone: string; level: string; region_code: string; region_name: string; town_name: string; role: string; unit: string;
  position: string; active: boolean; trainings: number; last_trained_on: string | null;
}
export interface InformantFilter { q?: string; level?: string; role?: string; regionCode?: string; untrained?: boolean }

const scope = (v: DataScope) => scopeWhere(v, { region: 'i.region_code' });
const select = sql`select i.id, i.name, i.phone, i.level, i.region_code, r.name as region_name, ${townName('i.region_code')} as town_name, i.role, i.unit, i.position, i.active,
  (select count(*)::int from disaster_informant_trainings x where x.informant_id = i.id) as trainings,
  (select max(trained_on)::text from disaster_informant_trainings x where x.informant_id = i.id) as last_trained_on
  from disaster_informants i join regions r on r.code = i.region_code`;

function where(v: DataScope, f: InformantFilter) {
  return sql.and([
    scope(v), sql`i.active`,
    f.q ? sql`(i.name like ${'%' + f.q + '%'} or i.phone like ${'%' + f.q + '%'} or r.name like ${'%' + f.q + '%'})` : undefined,
    f.level ? sql`i.level = ${f.level}` : undefined,
    f.role ? sql`i.role = ${f.role}` : undefined,
    f.regionCode ? sql`i.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.untrained ? sql`not exists (select 1 from disaster_informant_trainings x where x.informant_id = i.id)` : undefined,
  ]);
}

export async function listInformants(db: Queryable, v: DataScope, f: InformantFilter, page: number, pageSize: number) {
  const w = where(v, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from disaster_informants i join regions r on r.code = i.region_code where ${w}`);
  const items = await db.query<InformantRow>(sql`${select} where ${w} order by case i.level when 'county' then 0 when 'town' then 1 else 2 end, i.region_code, i.role
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findInformant = (db: Queryable, v: DataScope, id: string) => db.maybeOne<InformantRow>(sql`${select} where i.id = ${id} and ${scope(v)}`);

export const trainingsOf = (db: Queryable, id: string) => db.query<{ id: string; trained_on: string; topic: string; hours: string }>(
  sql`select id, trained_on::text, topic, hours from disaster_informant_trainings where informant_id = ${id} order by trained_on desc`);

/** The active holder of a post's role, if any. */
export const postHolder = (db: Queryable, regionCode: string, role: string) =>
  db.maybeOne<{ id: string; name: string }>(sql`select id, name from disaster_informants where region_code = ${regionCode} and role = ${role} and active`);

export interface InformantWrite { name: string; phone: string; level: string; region_code: string; role: string; unit: string; position: string }
export const insertInformant = (db: Queryable, id: string, w: InformantWrite) => db.execute(sql`insert into disaster_informants (id, name, phone, level, region_code, role, unit, position)
  values (${id}, ${w.name}, ${w.phone}, ${w.level}, ${w.region_code}, ${w.role}, ${w.unit}, ${w.position})`);
export const updateInformant = (db: Queryable, id: string, w: InformantWrite) => db.execute(sql`update disaster_informants set name = ${w.name}, phone = ${w.phone},
  level = ${w.level}, region_code = ${w.region_code}, role = ${w.role}, unit = ${w.unit}, position = ${w.position}, updated_at = now() where id = ${id}`);
export const deactivateInformant = (db: Queryable, id: string) => db.execute(sql`update disaster_informants set active = false, updated_at = now() where id = ${id} and active`);
export const insertTraining = (db: Queryable, id: string, informantId: string, t: { trainedOn: string; topic: string; hours: number }) =>
  db.execute(sql`insert into disaster_informant_trainings (id, informant_id, trained_on, topic, hours) values (${id}, ${informantId}, ${t.trainedOn}::date, ${t.topic}, ${t.hours})`);

export interface PostRow { region_code: string; region_name: string; town_name: string; level: string; has_a: boolean; has_b: boolean; people: number }

/** Every officer post in scope (the county, each town, each village/社区; parks have none) with whether its A and B are held. */
export function posts(db: Queryable, v: DataScope, f: { level?: string; regionCode?: string }) {
  return db.query<PostRow>(sql`select r.code as region_code, r.name as region_name, ${townName('r.code')} as town_name, r.level,
    bool_or(i.role = 'A') is true as has_a, bool_or(i.role = 'B') is true as has_b, count(i.id)::int as people
    from regions r left join disaster_informants i on i.region_code = r.code and i.active
    where r.level in ('county', 'town', 'village') and ${scopeWhere(v, { region: 'r.code' })}
      ${f.level ? sql`and r.level = ${f.level}` : sql``} ${f.regionCode ? sql`and r.code like ${regionPrefix(f.regionCode) + '%'}` : sql``}
    group by r.code, r.name, r.level order by r.code`);
}

export const regionLevel = (db: Queryable, code: string) => db.maybeOne<{ level: string; name: string }>(sql`select level, name from regions where code = ${code}`);
