// 年度监督检查计划: a department's planned inspections by sector and month; progress is what was done under it.
import type { Static } from '@sinclair/typebox';
import { sectorLabel, SECTORS } from '../../../../contracts/enterprises.js';
import type { PlanInput } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import { iso } from '../common/util.js';
import { approvePlan, findPlan, insertPlan, type PlanItemRow, type PlanRow, planItems, replaceItems } from './plans.store.js';

const rate = (done: number, planned: number) => (planned ? Math.round((done / planned) * 1000) / 10 : 0);

/** Row → API shape. */
export const presentPlan = (p: PlanRow) => ({ id: p.id, year: p.year, orgId: p.org_id, orgName: p.org_name, regionCode: p.region_code, name: p.name, status: p.status,
  note: p.note, approvedAt: iso(p.approved_at), planned: p.planned, done: p.done, createdAt: iso(p.created_at)! });

/** A plan with its items and its progress by sector and by month. */
export function presentPlanDetail(p: PlanRow, items: PlanItemRow[]) {
  const group = <K extends string | number>(key: (i: PlanItemRow) => K) => {
    const m = new Map<K, { planned: number; done: number }>();
    for (const i of items) { const g = m.get(key(i)) ?? { planned: 0, done: 0 }; g.planned += i.planned; g.done += i.done; m.set(key(i), g); }
    return [...m].map(([k, g]) => ({ k, ...g, rate: rate(g.done, g.planned) }));
  };
  return { ...presentPlan(p),
    items: items.map((i) => ({ sector: i.sector, sectorLabel: sectorLabel(i.sector) || i.sector, month: i.month, kind: i.kind, planned: i.planned, done: i.done, rate: rate(i.done, i.planned) })),
    bySector: group((i) => i.sector).map(({ k, ...g }) => ({ sector: k, label: sectorLabel(k) || k, ...g })),
    byMonth: group((i) => i.month).sort((a, b) => a.k - b.k).map(({ k, ...g }) => ({ month: k, ...g })) };
}

function checkItems(items: Static<typeof PlanInput>['items']) {
  const bad = items.filter((i) => !SECTORS.some((s) => s.code === i.sector)).map((i) => i.sector);
  if (bad.length) throw badRequest(`未知行业：${[...new Set(bad)].join('、')}；可选：${SECTORS.map((s) => `${s.code}（${s.label}）`).join('、')}`, 'Unknown sector');
  const keys = items.map((i) => `${i.sector}/${i.month}/${i.kind ?? 'routine'}`);
  const dup = keys.find((k, n) => keys.indexOf(k) !== n);
  if (dup) throw badRequest(`计划条目重复：${dup}（同一行业、月份、类型只能有一条）`, 'Duplicate plan item');
  return items.map((i) => ({ id: uuidv7(), sector: i.sector, month: i.month, kind: i.kind ?? 'routine', planned: i.planned }));
}

/** Create a draft plan for a department (the caller's own by default). */
export async function createPlan(ctx: Ctx, input: Static<typeof PlanInput>) {
  const orgId = input.orgId ?? ctx.actor.orgId;
  if (!orgId) throw badRequest('请选择制定计划的执法部门', 'Choose the department');
  return ctx.db.tx(async (tx) => {
    const org = await findOrgBrief(tx, orgId);
    if (!org) throw badRequest('执法部门不存在', 'Department not found');
    const regionCode = input.regionCode ?? org.regionCode;
    if (!inScope(ctx.actor, { regionCode, orgId })) throw forbidden('不能为管辖范围以外的部门或区域制定计划', 'Outside your scope');
    const id = uuidv7();
    await insertPlan(tx, { id, year: input.year, org_id: orgId, region_code: regionCode, name: input.name, note: input.note ?? null, created_by: ctx.actor.id });
    await replaceItems(tx, id, checkItems(input.items));
    await audit(ctx, tx, { action: 'enforcement.plan.create', entityType: 'enforcement_plan', entityId: id, regionCode, after: input });
    return presentPlanDetail((await findPlan(tx, { kind: 'all' }, id))!, await planItems(tx, id));
  });
}

/** Replace a draft plan's items. */
export async function editPlanItems(ctx: Ctx, id: string, items: Static<typeof PlanInput>['items']) {
  return ctx.db.tx(async (tx) => {
    const p = await findPlan(tx, ctx.actor.scope, id);
    if (!p) throw notFound('执法计划', 'Plan');
    if (p.status !== 'draft') throw new AppError(409, 'plan_approved', '计划已批准，不能再修改条目', 'Plan is approved');
    const before = await planItems(tx, id);
    await replaceItems(tx, id, checkItems(items));
    await audit(ctx, tx, { action: 'enforcement.plan.items', entityType: 'enforcement_plan', entityId: id, regionCode: p.region_code, before, after: items });
    return presentPlanDetail((await findPlan(tx, { kind: 'all' }, id))!, await planItems(tx, id));
  });
}

/** Approve a draft plan. */
export async function approve(ctx: Ctx, id: string) {
  return ctx.db.tx(async (tx) => {
    const p = await findPlan(tx, ctx.actor.scope, id);
    if (!p) throw notFound('执法计划', 'Plan');
    if (!(await approvePlan(tx, id, ctx.actor.id, ctx.clock().toISOString()))) throw new AppError(409, 'plan_approved', '计划已批准', 'Plan already approved');
    await audit(ctx, tx, { action: 'enforcement.plan.approve', entityType: 'enforcement_plan', entityId: id, regionCode: p.region_code, before: { status: 'draft' }, after: { status: 'approved' } });
    return presentPlanDetail((await findPlan(tx, { kind: 'all' }, id))!, await planItems(tx, id));
  });
}
