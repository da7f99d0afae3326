// SQL of 双随机 draws, their units, declared avoidances and the previous inspectors of units.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import { regulatedBy } from '../../enterprises/directory.js';
import { enforcementScope } from '../common/scope.js';

export interface PublishedUnit { code: string; id: string; name: string; regionCode: string; sector: string; riskLevel: string | null }
export interface PublishedOfficer { certNo: string; id: string; name: string }
export interface DrawRow {
  id: string; number: string; plan_id: string | null; org_id: string | null; region_code: string; title: string; matter: string; status: 'drawn' | 'published' | 'superseded';
  criteria: Record<string, unknown>; seed: string; algorithm: string; pool: PublishedUnit[]; officer_pool: PublishedOfficer[];
  exclusions: { unit: string; officer: string; reason: string }[]; result: { unit: string; officers: string[] }[]; result_hash: string; rule_version: string;
  drawn_at: Date; drawn_by_name: string; publish_due: string; published_at: Date | null; redraw_of: string | null; redraw_reason: string | null; superseded_by: string | null;
}
export interface DrawUnitRow { enterprise_id: string; enterprise_name: string; officer_ids: string[]; inspection_id: string | null; inspection_status: string | null; findings: number }

const scope = (v: DataScope) => enforcementScope(v, 'd', { enterprise: false });
const select = sql`select d.*, d.publish_due::text as publish_due, (select n.id from enforcement_draws n where n.redraw_of = d.id) as superseded_by from enforcement_draws d`;

export async function listDraws(db: Queryable, viewer: DataScope | 'public', page: number, pageSize: number) {
  const where = viewer === 'public' ? sql`d.published_at is not null` : scope(viewer);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_draws d where ${where}`);
  const items = await db.query<DrawRow>(sql`${select} where ${where} order by d.drawn_at desc, d.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One draw in the viewer's scope ('public': only published ones). */
export const findDraw = (db: Queryable, viewer: DataScope | 'public', id: string) =>
  db.maybeOne<DrawRow>(sql`${select} where d.id = ${id} and ${viewer === 'public' ? sql`d.published_at is not null` : scope(viewer)}`);

/** The drawn units with the inspection that followed (the latest one not cancelled). */
export const drawUnits = (db: Queryable, drawId: string) => db.query<DrawUnitRow>(sql`select u.enterprise_id, u.enterprise_name, u.officer_ids,
  i.id as inspection_id, i.status as inspection_status, (select count(*)::int from enforcement_findings f where f.inspection_id = i.id) as findings
  from enforcement_draw_units u left join lateral (select id, status from enforcement_inspections x where x.draw_id = u.draw_id and x.enterprise_id = u.enterprise_id
    and x.status <> 'cancelled' order by x.created_at desc limit 1) i on true where u.draw_id = ${drawId} order by u.position`);

export async function insertDraw(db: Queryable, d: Omit<DrawRow, 'superseded_by' | 'published_at' | 'status' | 'drawn_at'> & { drawn_at: string; drawn_by: string | null }) {
  await db.execute(sql`insert into enforcement_draws (id, number, plan_id, org_id, region_code, title, matter, criteria, seed, algorithm, pool, officer_pool, exclusions,
    result, result_hash, rule_version, drawn_at, drawn_by, drawn_by_name, publish_due, redraw_of, redraw_reason) values (${d.id}, ${d.number}, ${d.plan_id}, ${d.org_id},
    ${d.region_code}, ${d.title}, ${d.matter}, ${JSON.stringify(d.criteria)}::jsonb, ${d.seed}, ${d.algorithm}, ${JSON.stringify(d.pool)}::jsonb,
    ${JSON.stringify(d.officer_pool)}::jsonb, ${JSON.stringify(d.exclusions)}::jsonb, ${JSON.stringify(d.result)}::jsonb, ${d.result_hash}, ${d.rule_version},
    ${d.drawn_at}, ${d.drawn_by}, ${d.drawn_by_name}, ${d.publish_due}::date, ${d.redraw_of}, ${d.redraw_reason})`);
}

export async function insertDrawUnit(db: Queryable, u: { draw_id: string; enterprise_id: string; position: number; enterprise_name: string; region_code: string; officer_ids: string[] }) {
  await db.execute(sql`insert into enforcement_draw_units (draw_id, enterprise_id, position, enterprise_name, region_code, officer_ids)
    values (${u.draw_id}, ${u.enterprise_id}, ${u.position}, ${u.enterprise_name}, ${u.region_code}, ${u.officer_ids}::uuid[])`);
}

export const setDrawStatus = (db: Queryable, id: string, from: string, to: string, publishedAt?: string) =>
  db.execute(sql`update enforcement_draws set status = ${to}, published_at = coalesce(${publishedAt ?? null}::timestamptz, published_at) where id = ${id} and status = ${from}`);

/** Declared 利害关系 between the given officers and enterprises. */
export const declaredAvoidances = (db: Queryable, officerIds: string[], enterpriseIds: string[]) =>
  db.query<{ officer_id: string; enterprise_id: string }>(sql`select officer_id, enterprise_id from enforcement_avoidances
    where officer_id = any(${officerIds}::uuid[]) and enterprise_id = any(${enterpriseIds}::uuid[])`);

/** Officers of each enterprise's last `n` inspections (not cancelled), and of any inspection since `sinceDay`. */
export const previousInspectors = (db: Queryable, enterpriseIds: string[], n: number, sinceDay: string | null) =>
  db.query<{ enterprise_id: string; officer_id: string }>(sql`select distinct x.enterprise_id, o.officer_id from (
      select i.id, i.enterprise_id, i.created_at, row_number() over (partition by i.enterprise_id order by coalesce(i.ended_at, i.started_at, i.created_at) desc, i.id desc) as rn
      from enforcement_inspections i where i.enterprise_id = any(${enterpriseIds}::uuid[]) and i.status <> 'cancelled') x
    join enforcement_inspection_officers o on o.inspection_id = x.id
    where x.rn <= ${n} or (${sinceDay}::date is not null and x.created_at >= ${sinceDay}::date)`);

export interface AvoidanceRow { id: string; officer_id: string; officer_name: string; enterprise_id: string; reason: string; created_at: Date }

// Avoidances are scoped by the enterprise's region, or by the enterprises a department regulates.
const avoidanceScope = (v: DataScope) => v.kind === 'all' ? sql`true` : v.kind === 'region' ? sql`v.region_code like ${regionPrefix(v.regionCode!) + '%'}`
  : v.kind === 'org' ? sql`v.enterprise_id in ${regulatedBy(v.orgId!)}` : sql`false`;

export async function listAvoidances(db: Queryable, viewer: DataScope) {
  return db.query<AvoidanceRow>(sql`select v.id, v.officer_id, a.display_name as officer_name, v.enterprise_id, v.reason, v.created_at
    from enforcement_avoidances v join accounts a on a.id = v.officer_id where ${avoidanceScope(viewer)} order by v.created_at desc limit 1000`);
}

export async function insertAvoidance(db: Queryable, v: { id: string; officer_id: string; enterprise_id: string; reason: string; region_code: string; created_by: string | null }) {
  await db.execute(sql`insert into enforcement_avoidances (id, officer_id, enterprise_id, reason, region_code, created_by)
    values (${v.id}, ${v.officer_id}, ${v.enterprise_id}, ${v.reason}, ${v.region_code}, ${v.created_by})`);
}
