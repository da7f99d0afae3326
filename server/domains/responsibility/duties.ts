// 责任清单: each department's (and each post's) safety duties under 三个必须 and 党政同责、一岗双责, with the legal
// basis; a department's list for a year may name its annual enforcement plan (执法计划), read through the
// enforcement plans directory. Scoped: a department sees its own list, a town its town's units, the bureau all.
import { DUTY_PRINCIPLES, type DutyEdit, type DutyInput } from '../../../contracts/responsibility.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { inScope, regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { planOf } from '../enforcement/plans/plans.directory.js';
import { findOrgBrief } from '../system/orgs.service.js';

interface DutyRow { id: string; org_id: string; org_name: string; region_code: string; year: number; post: string | null; principle: string; duty: string;
  legal_basis: string; enforcement_plan_id: string | null }
export interface DutyFilter { orgId?: string; year?: number; principle?: string; post?: string; q?: string; regionCode?: string }

const scope = (v: DataScope) => scopeWhere(v, { region: 'd.region_code', org: 'd.org_id' });
const select = sql`select d.id, d.org_id, o.name as org_name, d.region_code, d.year, d.post, d.principle, d.duty, d.legal_basis, d.enforcement_plan_id
  from duty_items d join organizations o on o.id = d.org_id`;
const where = (v: DataScope, f: DutyFilter) => sql.and([
  scope(v),
  f.orgId ? sql`d.org_id = ${f.orgId}` : undefined,
  f.year ? sql`d.year = ${f.year}` : undefined,
  f.principle ? sql`d.principle = ${f.principle}` : undefined,
  f.post === '' ? sql`d.post is null` : f.post ? sql`d.post = ${f.post}` : undefined,
  f.regionCode ? sql`d.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
  f.q ? sql`(d.duty like ${'%' + f.q + '%'} or d.legal_basis like ${'%' + f.q + '%'} or o.name like ${'%' + f.q + '%'})` : undefined,
]);

/** Rows with their plan's name, looked up through the enforcement directory (the viewer's scope applies). */
async function present(db: Queryable, v: DataScope, rows: DutyRow[]) {
  const names = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.enforcement_plan_id).filter((x): x is string => !!x))) names.set(id, (await planOf(db, v, id))?.name ?? null);
  return rows.map((d) => ({ id: d.id, orgId: d.org_id, orgName: d.org_name, year: d.year, post: d.post, principle: d.principle, duty: d.duty, legalBasis: d.legal_basis,
    enforcementPlanId: d.enforcement_plan_id, enforcementPlanName: d.enforcement_plan_id ? names.get(d.enforcement_plan_id) ?? null : null }));
}

/** A page of duties. */
export async function listDuties(ctx: Ctx, f: DutyFilter, page: number, pageSize: number) {
  const w = where(ctx.actor.scope, f);
  const [{ total }] = await ctx.db.query<{ total: number }>(sql`select count(*)::int as total from duty_items d join organizations o on o.id = d.org_id where ${w}`);
  const rows = await ctx.db.query<DutyRow>(sql`${select} where ${w} order by o.sort, o.name, d.year desc, d.post nulls first, d.sort, d.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items: await present(ctx.db, ctx.actor.scope, rows), total };
}

/** Add a duty to a unit's list; the unit itself (or the bureau) maintains it. */
export async function createDuty(ctx: Ctx, input: DutyInput) {
  return ctx.db.tx(async (tx) => {
    const o = await findOrgBrief(tx, input.orgId);
    if (!o) throw badRequest('所选单位不存在', 'Unit not found');
    if (!inScope(ctx.actor, { regionCode: o.regionCode, orgId: o.id })) throw notFound('单位', 'Unit');
    if (input.enforcementPlanId) {
      const plan = await planOf(tx, ctx.actor.scope, input.enforcementPlanId);
      if (!plan) throw badRequest('所选执法计划不存在或无权查看', 'Plan not found');
    }
    const id = uuidv7();
    await tx.execute(sql`insert into duty_items (id, org_id, region_code, year, post, principle, duty, legal_basis, enforcement_plan_id, sort, created_by)
      values (${id}, ${o.id}, ${o.regionCode}, ${input.year}, ${input.post?.trim() || null}, ${input.principle}, ${input.duty.trim()}, ${input.legalBasis.trim()},
      ${input.enforcementPlanId ?? null}, (select coalesce(max(sort), 0) + 1 from duty_items where org_id = ${o.id} and year = ${input.year}), ${ctx.actor.id})`);
    await audit(ctx, tx, { action: 'responsibility.duty.create', entityType: 'duty_item', entityId: id, regionCode: o.regionCode, after: input });
    return (await present(tx, ctx.actor.scope, await tx.query<DutyRow>(sql`${select} where d.id = ${id}`)))[0];
  });
}

/** Correct a duty: post, principle, wording, legal basis, the enforcement plan it is carried out through. */
export async function editDuty(ctx: Ctx, id: string, input: DutyEdit) {
  return ctx.db.tx(async (tx) => {
    const d = await tx.maybeOne<DutyRow>(sql`${select} where d.id = ${id} and ${scope(ctx.actor.scope)}`);
    if (!d) throw notFound('责任清单条目', 'Duty');
    if (input.enforcementPlanId && input.enforcementPlanId !== d.enforcement_plan_id && !(await planOf(tx, ctx.actor.scope, input.enforcementPlanId))) {
      throw badRequest('所选执法计划不存在或无权查看', 'Plan not found');
    }
    await tx.execute(sql`update duty_items set post = ${input.post?.trim() || null}, principle = ${input.principle}, duty = ${input.duty.trim()},
      legal_basis = ${input.legalBasis.trim()}, enforcement_plan_id = ${input.enforcementPlanId ?? null} where id = ${id}`);
    await audit(ctx, tx, { action: 'responsibility.duty.update', entityType: 'duty_item', entityId: id, regionCode: d.region_code, before: d, after: input });
    return (await present(tx, ctx.actor.scope, await tx.query<DutyRow>(sql`${select} where d.id = ${id}`)))[0];
  });
}

/** Remove a duty entered by mistake. */
export async function removeDuty(ctx: Ctx, id: string) {
  return ctx.db.tx(async (tx) => {
    const d = await tx.maybeOne<DutyRow>(sql`${select} where d.id = ${id} and ${scope(ctx.actor.scope)}`);
    if (!d) throw notFound('责任清单条目', 'Duty');
    await tx.execute(sql`delete from duty_items where id = ${id}`);
    await audit(ctx, tx, { action: 'responsibility.duty.delete', entityType: 'duty_item', entityId: id, regionCode: d.region_code, before: d });
    return { ok: true };
  });
}

export const principleLabel = (code: string) => DUTY_PRINCIPLES.find((p) => p.code === code)?.label ?? code;
