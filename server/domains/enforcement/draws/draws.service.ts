// 双随机一公开: draw units from a filtered pool and ≥2 certified officers per unit, honouring avoidance; keep the seed,
// the ordered pools and the exclusions so that anyone can recompute it; a redraw is a new draw with its reason.
import { randomBytes } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { SECTORS } from '../../../../contracts/enterprises.js';
import type { DrawInput, Redraw } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { addDays, addWorkingDays } from '../../../platform/calendar/calendar.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import { cancelDeadlines, meetDeadlines, setDeadline } from '../common/deadlines.js';
import { listPoolUnits } from '../common/facts.js';
import { officerPool } from '../common/officers.js';
import { DRAW_RULES } from '../common/rules.js';
import { serial, today } from '../common/util.js';
import { planOf } from '../plans/plans.directory.js';
import { computeDraw, DRAW_ALGORITHM, DrawError, resultHash } from './algorithm.js';
import { declaredAvoidances, type DrawRow, drawUnits, findDraw, insertDraw, insertDrawUnit, previousInspectors, setDrawStatus } from './draws.store.js';

type Input = Static<typeof DrawInput>;

function checkCriteria(c: Input) {
  const bad = (c.sectors ?? []).filter((s) => !SECTORS.some((x) => x.code === s));
  if (bad.length) throw badRequest(`未知行业：${bad.join('、')}`, 'Unknown sector');
  if (c.mode === 'count' && !c.count) throw badRequest('按数量抽取须填写抽取数量', 'count is required');
  if (c.mode === 'ratio' && c.ratio === undefined && !c.riskRates) throw badRequest('按比例抽取须填写抽取比例（%）', 'ratio is required');
}

/** The region a draw belongs to: the filter's region, else the caller's region or department's region. */
async function drawRegion(ctx: Ctx, tx: Tx, c: Input): Promise<string> {
  if (c.regionCode) {
    if (!inScope(ctx.actor, { regionCode: c.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能在管辖范围以外抽取检查对象', 'Outside your scope');
    return c.regionCode;
  }
  if (ctx.actor.scope.kind === 'region') return ctx.actor.scope.regionCode!;
  const org = ctx.actor.orgId ? await findOrgBrief(tx, ctx.actor.orgId) : undefined;
  if (!org) throw badRequest('请选择抽取范围（区划）', 'Choose a region');
  return org.regionCode;
}

/** Compute and store one draw (also used for a redraw). */
async function drawIn(ctx: Ctx, tx: Tx, c: Input, redraw?: { of: DrawRow; reason: string }): Promise<string> {
  checkCriteria(c);
  const now = ctx.clock();
  const regionCode = await drawRegion(ctx, tx, c);
  if (c.planId && !(await planOf(tx, ctx.actor.scope, c.planId))) throw badRequest('所选执法计划不存在或无权使用', 'Plan not found');
  const units = await listPoolUnits(tx, ctx.actor.scope, { sectors: c.sectors, regionCode: c.regionCode, riskLevels: c.riskLevels });
  if (!units.length) throw badRequest('筛选条件下检查对象名录库为空，请放宽行业、区域或风险等级条件', 'The pool is empty');
  let officers = await officerPool(tx, ctx.actor.scope, now);
  if (c.officerIds?.length) {
    const missing = c.officerIds.filter((id) => !officers.some((o) => o.id === id));
    if (missing.length) throw badRequest(`有 ${missing.length} 名所选人员不在执法人员名录库中（须为持执法证的执法人员）`, 'Officer not in pool');
    officers = officers.filter((o) => c.officerIds!.includes(o.id));
  }
  const rules = await ruleValue(tx, DRAW_RULES, now);
  const codeOf = new Map(units.map((u) => [u.id, u.credit_code ?? u.id]));
  const certOf = new Map(officers.map((o) => [o.id, o.certNo]));
  const exclusions = new Map<string, { unit: string; officer: string; reason: string }>();
  const exclude = (eid: string, oid: string, reason: string) => {
    const unit = codeOf.get(eid); const officer = certOf.get(oid);
    if (unit && officer && !exclusions.has(`${unit}|${officer}`)) exclusions.set(`${unit}|${officer}`, { unit, officer, reason });
  };
  const ids = units.map((u) => u.id);
  for (const a of await declaredAvoidances(tx, officers.map((o) => o.id), ids)) exclude(a.enterprise_id, a.officer_id, '利害关系回避');
  const since = rules.value.avoidWithinDays ? addDays(today(ctx), -rules.value.avoidWithinDays) : null;
  if (rules.value.avoidLastInspections || since) {
    for (const p of await previousInspectors(tx, ids, rules.value.avoidLastInspections, since)) exclude(p.enterprise_id, p.officer_id, '曾检查该单位回避');
  }
  const seed = c.seed ?? randomBytes(16).toString('hex');
  const criteria = { sectors: c.sectors ?? [], regionCode: c.regionCode ?? null, riskLevels: c.riskLevels ?? [], mode: c.mode, ratio: c.ratio ?? null, count: c.count ?? null,
    riskRates: c.riskRates ?? null, riskWeights: c.riskWeights ?? null, officersPerUnit: c.officersPerUnit ?? 2, officerIds: c.officerIds ?? null, seedSource: c.seedSource ?? (c.seed ? '用户提供' : '系统随机生成（128 位）') };
  const pool = units.map((u) => ({ code: codeOf.get(u.id)!, id: u.id, name: u.name, regionCode: u.region_code, sector: u.sector, riskLevel: u.risk_level }));
  const officerList = officers.map((o) => ({ certNo: o.certNo, id: o.id, name: o.name }));
  let result;
  try {
    result = computeDraw({ seed, pool, officers: officerList, exclusions: [...exclusions.values()], criteria: { ...criteria, ratio: c.ratio, count: c.count, riskRates: c.riskRates, riskWeights: c.riskWeights } });
  } catch (err) {
    if (err instanceof DrawError) throw badRequest(`${err.message}；请增加执法人员名录库中的人员或调整每个对象的人数`, 'Not enough officers');
    throw err;
  }
  if (!result.length) throw badRequest('按所填比例或数量没有抽中任何对象，请调整比例或数量', 'Nothing drawn');
  const id = uuidv7();
  const year = Number(today(ctx).slice(0, 4));
  const number = await serial(tx, 'SJ', year, 4);
  const publishDue = await addWorkingDays(tx, today(ctx), rules.value.publishWorkdays);
  await insertDraw(tx, { id, number, plan_id: c.planId ?? null, org_id: ctx.actor.orgId ?? null, region_code: regionCode, title: c.title, matter: c.matter, criteria, seed,
    algorithm: DRAW_ALGORITHM, pool, officer_pool: officerList, exclusions: [...exclusions.values()], result, result_hash: resultHash(result), rule_version: rules.version,
    drawn_at: now.toISOString(), drawn_by: ctx.actor.id, drawn_by_name: ctx.actor.name, publish_due: publishDue, redraw_of: redraw?.of.id ?? null, redraw_reason: redraw?.reason ?? null });
  const byCode = new Map(pool.map((u) => [u.code, u]));
  const idOfCert = new Map(officerList.map((o) => [o.certNo, o.id]));
  for (const [i, r] of result.entries()) {
    const u = byCode.get(r.unit)!;
    await insertDrawUnit(tx, { draw_id: id, enterprise_id: u.id, position: i + 1, enterprise_name: u.name, region_code: u.regionCode, officer_ids: r.officers.map((c2) => idOfCert.get(c2)!) });
  }
  await setDeadline(tx, { subjectType: 'draw', subjectId: id, kind: 'publish', label: `抽查结果公示（${number}）`, dueOn: publishDue, basis: `${rules.version}：${DRAW_RULES.source}`,
    regionCode, orgId: ctx.actor.orgId });
  await audit(ctx, tx, { action: redraw ? 'enforcement.draw.redraw' : 'enforcement.draw.create', entityType: 'enforcement_draw', entityId: id, regionCode,
    before: redraw ? { draw: redraw.of.id, number: redraw.of.number, resultHash: redraw.of.result_hash } : undefined,
    after: { number, seed, poolSize: pool.length, selected: result.length, resultHash: resultHash(result), reason: redraw?.reason } });
  return id;
}

/** Make a new draw. */
export async function createDraw(ctx: Ctx, input: Input): Promise<string> {
  return ctx.db.tx((tx) => drawIn(ctx, tx, input));
}

/** Redraw with a recorded reason: the old draw is kept and marked superseded; never silent. */
export async function redrawDraw(ctx: Ctx, id: string, input: Static<typeof Redraw>): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const old = await findDraw(tx, ctx.actor.scope, id);
    if (!old) throw notFound('抽查', 'Draw');
    if (old.status === 'superseded') throw new AppError(409, 'superseded', `该次抽取已被重新抽取（见 ${old.superseded_by}），请在最新一次上操作`, 'Already redrawn');
    if ((await drawUnits(tx, id)).some((u) => u.inspection_status === 'completed')) {
      throw new AppError(409, 'inspected', '已有对象按本次抽取完成检查，不能重新抽取', 'Inspections already completed');
    }
    const c = old.criteria as Record<string, unknown>;
    const newId = await drawIn(ctx, tx, { title: old.title, matter: old.matter, planId: old.plan_id ?? undefined, mode: c.mode as 'ratio' | 'count',
      sectors: (c.sectors as string[]) ?? undefined, regionCode: (c.regionCode as string) ?? undefined, riskLevels: (c.riskLevels as Input['riskLevels']) ?? undefined,
      ratio: (c.ratio as number) ?? undefined, count: (c.count as number) ?? undefined, riskRates: (c.riskRates as Input['riskRates']) ?? undefined,
      riskWeights: (c.riskWeights as Input['riskWeights']) ?? undefined, officersPerUnit: (c.officersPerUnit as number) ?? undefined,
      officerIds: (c.officerIds as string[]) ?? undefined, seed: input.seed, seedSource: input.seedSource }, { of: old, reason: input.reason });
    await setDrawStatus(tx, id, old.status, 'superseded');
    await cancelDeadlines(tx, 'draw', id);
    return newId;
  });
}

/** Publish a draw on the public page (抽查名单、种子、名录库、结果). */
export async function publishDraw(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const d = await findDraw(tx, ctx.actor.scope, id);
    if (!d) throw notFound('抽查', 'Draw');
    if (!(await setDrawStatus(tx, id, 'drawn', 'published', ctx.clock().toISOString()))) {
      throw new AppError(409, 'not_drawn', d.status === 'published' ? '该次抽查已经公示' : '该次抽取已被重新抽取，不能公示', 'Cannot publish');
    }
    await meetDeadlines(tx, 'draw', id, ctx.clock());
    await audit(ctx, tx, { action: 'enforcement.draw.publish', entityType: 'enforcement_draw', entityId: id, regionCode: d.region_code, after: { number: d.number } });
  });
}
