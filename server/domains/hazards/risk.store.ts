// SQL of risk points (风险点) and the regional four-colour map.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { enterpriseRecordScope } from '../enterprises/directory.js';

export interface RiskRow {
  id: string; enterprise_id: string | null; region_code: string; place_name: string | null; name: string;
  hazard_desc: string; method: 'LEC' | 'LS'; inputs: Record<string, number>; score: number; level: string; rule_version: string;
  control_measures: string | null; responsible: { level: string; person: string }[]; lng: number | null; lat: number | null; updated_at: Date;
}

export const riskScope = (viewer: DataScope) => enterpriseRecordScope(viewer, { region: 'p.region_code', enterprise: 'p.enterprise_id' });

const SELECT = sql`select p.*, p.score::float8 as score from risk_points p`;

export async function listRiskPoints(db: Queryable, viewer: DataScope, f: { q?: string; regionCode?: string; enterpriseId?: string; level?: string }, page: number, pageSize: number) {
  const where = sql.and([
    riskScope(viewer),
    f.q ? sql`(p.name ilike ${'%' + f.q + '%'} or p.place_name ilike ${'%' + f.q + '%'})` : undefined,
    f.regionCode ? sql`p.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.enterpriseId ? sql`p.enterprise_id = ${f.enterpriseId}` : undefined,
    f.level ? sql`p.level = ${f.level}` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from risk_points p where ${where}`);
  const items = await db.query<RiskRow>(sql`${SELECT} where ${where}
    order by array_position(array['red','orange','yellow','blue'], p.level), p.score desc, p.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findRiskPoint = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<RiskRow>(sql`${SELECT} where p.id = ${id} and ${riskScope(viewer)}`);

export type RiskWrite = Omit<RiskRow, 'updated_at' | 'inputs' | 'responsible'> & { inputs: string; responsible: string; created_by?: string | null };

export async function upsertRiskPoint(db: Queryable, w: RiskWrite) {
  await db.execute(sql`insert into risk_points (id, enterprise_id, region_code, place_name, name, hazard_desc, method, inputs, score, level, rule_version,
      control_measures, responsible, lng, lat, created_by)
    values (${w.id}, ${w.enterprise_id}, ${w.region_code}, ${w.place_name}, ${w.name}, ${w.hazard_desc}, ${w.method}, ${w.inputs}::jsonb, ${w.score},
      ${w.level}, ${w.rule_version}, ${w.control_measures}, ${w.responsible}::jsonb, ${w.lng}, ${w.lat}, ${w.created_by ?? null})
    on conflict (id) do update set name = excluded.name, hazard_desc = excluded.hazard_desc, method = excluded.method, inputs = excluded.inputs,
      score = excluded.score, level = excluded.level, rule_version = excluded.rule_version, control_measures = excluded.control_measures,
      responsible = excluded.responsible, place_name = excluded.place_name, region_code = excluded.region_code, lng = excluded.lng, lat = excluded.lat, updated_at = now()`);
}

export const deleteRiskPoint = (db: Queryable, id: string) => db.execute(sql`delete from risk_points where id = ${id}`);

/** The highest colour among an enterprise's risk points, or null when it has none. */
export async function topLevelOf(db: Queryable, enterpriseId: string): Promise<string | null> {
  const r = await db.maybeOne<{ level: string }>(sql`select level from risk_points where enterprise_id = ${enterpriseId}
    order by array_position(array['red','orange','yellow','blue'], level) limit 1`);
  return r?.level ?? null;
}

/** 四色图: risk points per town/park by colour. */
export async function riskMap(db: Queryable, viewer: DataScope) {
  return db.query<{ region_code: string; region_name: string; red: number; orange: number; yellow: number; blue: number }>(sql`
    select g.code as region_code, g.name as region_name,
      count(*) filter (where p.level = 'red')::int as red, count(*) filter (where p.level = 'orange')::int as orange,
      count(*) filter (where p.level = 'yellow')::int as yellow, count(*) filter (where p.level = 'blue')::int as blue
    from risk_points p join regions g on g.code = rpad(substr(p.region_code, 1, 9), 12, '0')::bpchar
    where ${riskScope(viewer)} group by g.code, g.name order by g.code`);
}
