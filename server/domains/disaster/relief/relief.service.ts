// 救灾资金: the county allocates to towns and departments, they pay households (ID number checked with its GB 11643
// check digit; never more than allocated), and the county's 专项督查 draws a reproducible sample for home and phone checks.
import type { Static } from '@sinclair/typebox';
import type { AllocationInput, AuditInput, CheckInput, DistributionInput } from '../../../../contracts/disaster.js';
import { regionWithin } from '../../../platform/auth/scope.js';
import { checkRic } from '../../../platform/codes/ric.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { maskIdNumber, maskPhone, maySee } from '../../../platform/personal/personal.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { actorLevel, iso, takeNumber } from '../common.js';
import { regionBrief } from '../reports/reports.store.js';
import { drawSample, SAMPLE_ALGORITHM } from './sample.js';
import {
  auditPool, checksOf, findAllocation, findAudit, findCheck, findDistribution, idNumberUsed, insertAllocation, insertAudit, insertChecks, insertDistribution, lockAllocation,
  orgBrief, recordCheck, unitPopulations, type AllocationRow, type AuditRow, type CheckRow, type DistributionRow,
} from './relief.store.js';

const COUNTY = '430699000000';
const money = (s: string | number) => Math.round(Number(s) * 100) / 100;
/** 430699********1234: the address code and the last four stay, the birth date and sequence are hidden (the platform's rule, issue #11). */
export const maskId = (id: string) => maskIdNumber(id);

export const presentAllocation = (a: AllocationRow) => ({
  id: a.id, number: a.number, parentId: a.parent_id, eventName: a.event_name, regionCode: a.region_code, recipient: a.recipient, purpose: a.purpose, amount: money(a.amount),
  allocatedOn: a.allocated_on, note: a.note, allocatedDown: money(a.allocated_down), distributed: money(a.distributed), households: a.households,
});
export const presentDistribution = (d: DistributionRow) => ({
  id: d.id, allocationId: d.allocation_id, recipient: d.recipient, regionCode: d.region_code, regionName: d.region_name, townName: d.town_name ?? '', name: d.name,
  idNumber: maskId(d.id_number), phone: maskPhone(d.phone), amount: money(d.amount), paidOn: d.paid_on, method: d.method, bankRef: d.bank_ref,
});

const countyOnly = (ctx: Ctx, what: string) => { if (actorLevel(ctx.actor.scope) !== 'county') throw forbidden(`${what}由县级应急管理局办理`, 'County only'); };

export async function allocationDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const a = await findAllocation(db, ctx.actor.scope, id);
  if (!a) throw notFound('资金下拨记录', 'Allocation');
  return presentAllocation(a);
}

/** The county's allocation (no parent), or a town's or department's share of one: shares never exceed it. */
export async function createAllocation(ctx: Ctx, input: AllocationInput) {
  countyOnly(ctx, '救灾资金下拨');
  return ctx.db.tx(async (tx) => {
    let target: { region_code: string; org_id: string | null; recipient: string } = { region_code: COUNTY, org_id: null, recipient: '汨水市' };
    if (input.parentId) {
      await lockAllocation(tx, input.parentId);
      const parent = await findAllocation(tx, ctx.actor.scope, input.parentId);
      if (!parent) throw notFound('上级资金下拨记录', 'Parent allocation');
      if (parent.parent_id) throw badRequest('只能从县级下拨资金中分配到乡镇或部门', 'Shares come from a county allocation');
      const left = money(Number(parent.amount) - Number(parent.allocated_down));
      if (input.amount > left + 1e-9) throw badRequest(`分配金额 ${input.amount} 元超过该笔资金尚未分配的 ${left} 元`, 'Exceeds what is left');
      if (input.orgId) {
        const o = await orgBrief(tx, input.orgId);
        if (!o || o.kind !== 'department') throw badRequest('所选单位不是行业部门', 'Not a department');
        target = { region_code: COUNTY, org_id: input.orgId, recipient: o.name };
      } else {
        const r = input.regionCode ? await regionBrief(tx, input.regionCode) : undefined;
        if (!r || r.level !== 'town') throw badRequest('请选择接收资金的乡镇或部门', 'Choose a town or a department');
        target = { region_code: r.code, org_id: null, recipient: r.name };
      }
    } else if (input.regionCode || input.orgId) {
      throw badRequest('县级下拨不需要选择乡镇；分配到乡镇请先选择县级下拨资金', 'Top-level allocations have no recipient');
    }
    const id = uuidv7();
    const year = Number(input.allocatedOn.slice(0, 4));
    const number = await takeNumber(tx, 'relief_allocations', 'relief_allocation', year, (n) => `救资〔${year}〕${n}号`);
    await insertAllocation(tx, id, number, { ...target, parent_id: input.parentId ?? null, event_id: input.eventId ?? null, purpose: input.purpose, amount: input.amount,
      allocated_on: input.allocatedOn, note: input.note?.trim() ?? '' }, ctx.actor.id);
    await audit(ctx, tx, { action: 'relief.allocate', entityType: 'relief_allocation', entityId: id, regionCode: target.region_code, after: { number, ...input, recipient: target.recipient } });
    return allocationDetail(ctx, id, tx);
  });
}

/** Pay one household from a town's or department's share. */
export async function createDistribution(ctx: Ctx, input: DistributionInput) {
  const idNumber = input.idNumber.trim().toUpperCase();
  const problem = checkRic(idNumber, ctx.clock());
  if (problem) throw badRequest(problem.message, problem.messageEn, { field: 'idNumber', position: problem.position });
  if (input.method === 'bank' && !input.bankRef?.trim()) throw badRequest('一卡通转账请填写转账流水号或账号尾号', 'Bank transfers need a reference');
  return ctx.db.tx(async (tx) => {
    await lockAllocation(tx, input.allocationId);
    const a = await findAllocation(tx, ctx.actor.scope, input.allocationId);
    if (!a) throw notFound('资金分配记录', 'Allocation');
    if (!a.parent_id) throw badRequest('请在乡镇或部门分得的资金下登记发放（县级资金先分配到乡镇）', 'Pay from a share');
    const region = await regionBrief(tx, input.regionCode);
    if (!region || region.level !== 'village') throw badRequest('请选择受助家庭所在的村（社区）', 'Choose the household village');
    if (!a.org_id && !regionWithin(region.code, a.region_code)) throw badRequest(`${region.name}不属于${a.recipient}，不能从该笔资金发放`, 'Village outside the share');
    const dup = await idNumberUsed(tx, a.id, idNumber);
    if (dup) throw conflict(`身份证号 ${maskId(idNumber)} 已在该笔资金中登记发放（${dup.name}），不能重复发放`, 'Already paid');
    const left = money(Number(a.amount) - Number(a.distributed));
    if (input.amount > left + 1e-9) throw badRequest(`发放金额 ${input.amount} 元超过该笔资金余额 ${left} 元`, 'Exceeds the balance');
    const id = uuidv7();
    await insertDistribution(tx, id, { allocation_id: a.id, region_code: region.code, name: input.name.trim(), id_number: idNumber, phone: input.phone ?? '', amount: input.amount,
      paid_on: input.paidOn, method: input.method, bank_ref: input.bankRef?.trim() || null }, ctx.actor.id);
    await audit(ctx, tx, { action: 'relief.distribute', entityType: 'relief_distribution', entityId: id, regionCode: region.code,
      after: { allocation: a.number, name: input.name, idNumber: maskId(idNumber), amount: input.amount, paidOn: input.paidOn, method: input.method } });
    return presentDistribution((await findDistribution(tx, ctx.actor.scope, id))!);
  });
}

/** The full ID number, for the town and the county only; each view is audited. */
export async function revealIdNumber(ctx: Ctx, id: string) {
  // 'personal:id' (contracts/roles.ts): the relief case workers of the towns and the county.
  if (!maySee(ctx.actor, 'idNumber')) throw forbidden('只有乡镇和县级经办人可以查看完整身份证号', 'personal:id required');
  return ctx.db.tx(async (tx) => {
    const d = await findDistribution(tx, ctx.actor.scope, id);
    if (!d) throw notFound('发放记录', 'Distribution');
    await audit(ctx, tx, { action: 'relief.id.reveal', entityType: 'relief_distribution', entityId: id, regionCode: d.region_code,
      after: { what: `查看敏感信息：发放记录「${d.name}」的身份证号和电话`, name: d.name, idNumber: maskId(d.id_number) } });
    return { idNumber: d.id_number, phone: d.phone };
  });
}

const presentAudit = (u: AuditRow) => ({
  id: u.id, number: u.number, allocationId: u.allocation_id, name: u.name, seed: u.seed, ratePercent: Number(u.rate_percent), population: u.population, sampleSize: u.sample_size,
  algorithm: u.algorithm, drawnAt: iso(u.drawn_at)!, checked: u.checked, discrepancies: u.discrepancies,
});
const presentCheck = (c: CheckRow) => ({
  distributionId: c.distribution_id, position: c.position, method: c.method, outcome: c.outcome, finding: c.finding, checkedAt: iso(c.checked_at), checkedBy: c.checked_by,
  recipient: c.recipient, townName: c.town_name ?? '', regionName: c.region_name, name: c.name, idNumber: maskId(c.id_number), phone: maskPhone(c.phone), amount: money(c.amount),
});
export { presentAudit };

/** An audit with its checks and the findings by town or department. */
export async function auditDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const u = await findAudit(db, ctx.actor.scope, id);
  if (!u) throw notFound('专项督查', 'Audit');
  const checks = await checksOf(db, id);
  const pops = await unitPopulations(db, u.allocation_id);
  const byRecipient = pops.sort((a, b) => a.recipient.localeCompare(b.recipient, 'zh')).map((p) => {
    const mine = checks.filter((c) => c.recipient === p.recipient);
    const n = (o: string) => mine.filter((c) => c.outcome === o).length;
    return { recipient: p.recipient, population: p.n, sampled: mine.length, checked: mine.length - n('pending'), confirmed: n('confirmed'), discrepancies: n('discrepancy'),
      unreachable: n('unreachable'), findings: mine.filter((c) => c.outcome === 'discrepancy').map((c) => `${c.region_name}${c.name}：${c.finding ?? ''}`) };
  });
  return { ...presentAudit(u), checks: checks.map(presentCheck), byRecipient };
}

/** Draw the sample of a county allocation's households at the rate, from the published seed. */
export async function createAudit(ctx: Ctx, input: Static<typeof AuditInput>) {
  countyOnly(ctx, '专项督查');
  return ctx.db.tx(async (tx) => {
    const a = await findAllocation(tx, ctx.actor.scope, input.allocationId);
    if (!a) throw notFound('资金下拨记录', 'Allocation');
    if (a.parent_id) throw badRequest('专项督查针对县级下拨资金，覆盖其分配到的全部乡镇和部门', 'Audit a county allocation');
    const pool = await auditPool(tx, a.id);
    if (!pool.length) throw badRequest('该笔资金还没有发放到户的记录，无法抽查', 'Nothing paid yet');
    const drawn = drawSample(input.seed, input.ratePercent, pool);
    const id = uuidv7();
    const now = ctx.clock();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const number = await takeNumber(tx, 'relief_audits', 'relief_audit', year, (n) => `督查〔${year}〕${n}号`);
    await insertAudit(tx, { id, number, allocation_id: a.id, name: input.name.trim(), seed: input.seed, rate_percent: input.ratePercent, population: pool.length, algorithm: SAMPLE_ALGORITHM,
      drawn_at: now.toISOString(), by: ctx.actor.id });
    await insertChecks(tx, id, drawn);
    await audit(ctx, tx, { action: 'relief.audit.draw', entityType: 'relief_audit', entityId: id, after: { number, ...input, population: pool.length, sample: drawn.length } });
    return auditDetail(ctx, id, tx);
  });
}

/** Record the outcome of one home visit or phone check. */
export async function recordAuditCheck(ctx: Ctx, auditId: string, distributionId: string, input: Static<typeof CheckInput>) {
  countyOnly(ctx, '督查核查结果');
  if (input.outcome === 'discrepancy' && !input.finding?.trim()) throw badRequest('发现问题时请写明问题（如：实际领取金额不符、冒领、未发放到户）', 'Describe the finding');
  return ctx.db.tx(async (tx) => {
    const u = await findAudit(tx, ctx.actor.scope, auditId);
    if (!u) throw notFound('专项督查', 'Audit');
    const before = await findCheck(tx, auditId, distributionId);
    if (!before) throw notFound('抽查对象', 'Sampled household');
    await recordCheck(tx, auditId, distributionId, { outcome: input.outcome, finding: input.finding?.trim() || null, at: ctx.clock().toISOString(), by: ctx.actor.name });
    await audit(ctx, tx, { action: 'relief.audit.check', entityType: 'relief_audit', entityId: auditId, before, after: { distributionId, ...input } });
    return auditDetail(ctx, auditId, tx);
  });
}
