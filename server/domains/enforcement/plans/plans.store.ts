// SQL of annual supervision plans (年度监督检查计划) and their progress, scoped by the caller.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../common/scope.js';

export interface PlanRow { id: string; year: number; org_id: string; org_name: string | null; region_code: string; name: string; status: string; note: string | null;
  approved_at: Date | null; created_at: Date; planned: number; done: number }
export interface PlanItemRow { sector: string; month: number; kind: string; planned: number; done: number }

const scope = (v: DataScope) => enforcementScope(v, 'p', { enterprise: false });

// Done = completed inspections under the plan in the plan's year; a 双随机 item counts inspections from draws.
const doneSql = sql`(select count(*)::int from enforcement_inspections i where i.plan_id = p.id and i.status = 'completed')`;
const select = sql`select p.id, p.year, p.org_id, o.name as org_name, p.region_code, p.name, p.status, p.note, p.approved_at, p.created_at,
  (select coalesce(sum(planned), 0)::int from enforcement_plan_items pi where pi.plan_id = p.id) as planned, ${doneSql} as done
  from enforcement_plans p left join organizations o on o.id = p.org_id`;

export async function listPlans(db: Queryable, viewer: DataScope, f: { year?: number; orgId?: string }, page: number, pageSize: number) {
  const where = sql.and([scope(viewer), f.year ? sql`p.year = ${f.year}` : undefined, f.orgId ? sql`p.org_id = ${f.orgId}` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_plans p where ${where}`);
  const items = await db.query<PlanRow>(sql`${select} where ${where} order by p.year desc, p.name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findPlan = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<PlanRow>(sql`${select} where p.id = ${id} and ${scope(viewer)}`);

/** Planned and done per item (sector × month × kind). */
export const planItems = (db: Queryable, planId: string) => db.query<PlanItemRow>(sql`select pi.sector, pi.month, pi.kind, pi.planned,
  (select count(*)::int from enforcement_inspections i where i.plan_id = pi.plan_id and i.status = 'completed' and i.sector = pi.sector
    and extract(month from coalesce(i.ended_at, i.started_at) at time zone 'Asia/Shanghai')::int = pi.month
    and ((pi.kind = 'random') = (i.origin = 'draw'))) as done
  from enforcement_plan_items pi where pi.plan_id = ${planId} order by pi.sector, pi.month, pi.kind`);

export async function insertPlan(db: Queryable, p: { id: string; year: number; org_id: string; region_code: string; name: string; note: string | null; created_by: string | null }) {
  await db.execute(sql`insert into enforcement_plans (id, year, org_id, region_code, name, note, created_by)
    values (${p.id}, ${p.year}, ${p.org_id}, ${p.region_code}, ${p.name}, ${p.note}, ${p.created_by})`);
}

export async function replaceItems(db: Queryable, planId: string, items: { id: string; sector: string; month: number; kind: string; planned: number }[]) {
  await db.execute(sql`delete from enforcement_plan_items where plan_id = ${planId}`);
  for (const i of items) {
    await db.execute(sql`insert into enforcement_plan_items (id, plan_id, sector, month, kind, planned) values (${i.id}, ${planId}, ${i.sector}, ${i.month}, ${i.kind}, ${i.planned})`);
  }
}

export const approvePlan = (db: Queryable, id: string, by: string | null, at: string) =>
  db.execute(sql`update enforcement_plans set status = 'approved', approved_by = ${by}, approved_at = ${at}, updated_at = now() where id = ${id} and status = 'draft'`);
