// 举报: public intake (anonymous allowed, proof of work, rate limited) and phone/letter/visit intake; a tracking code
// that shows the outcome and nothing else; assignment, verification, a reply within the time limit, reward records.
import { createHash, randomInt } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { TIPOFF_STATUSES, type RewardInput, type TipoffAssign, type TipoffIntake, type TipoffPublicInput, type TipoffReply, type TipoffVerify } from '../../../../contracts/enforcement.js';
import { findAccountById, recipientIds } from '../../../platform/auth/accounts.store.js';
import { inScope } from '../../../platform/auth/scope.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import { caseOf } from '../cases/cases.directory.js';
import { meetDeadlines, setDeadline } from '../common/deadlines.js';
import { enterpriseFacts } from '../common/facts.js';
import { TIPOFF_RULES } from '../common/rules.js';
import { money, serial, today } from '../common/util.js';
import { useChallenge } from './pow.js';
import { findTipoff, insertReward, insertTipoff, lockTipoff, payReward, trackTipoff, updateTipoff } from './tipoffs.store.js';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A tracking code: 16 characters (80 bits) in groups of four. */
export const newTrackingCode = () => Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-');
/** The stored hash of a tracking code (case and dashes ignored). */
export const trackingHash = (code: string) => createHash('sha256').update(code.toUpperCase().replace(/[^A-Z0-9]/g, ''), 'utf8').digest('hex');

type Base = Omit<Static<typeof TipoffIntake>, 'channel' | 'receivedAt'>;

async function receive(ctx: Ctx, tx: Tx, input: Base, channel: string, receivedAt: Date) {
  if (!input.anonymous && !input.reporterName) throw badRequest('实名举报请填写姓名；不愿留名可选择匿名举报', 'Name required unless anonymous');
  if (!(await tx.maybeOne(sql`select 1 from regions where code = ${input.regionCode}`))) throw badRequest('所选区域不存在，请重新选择', 'Unknown region');
  const rules = await ruleValue(tx, TIPOFF_RULES, ctx.clock());
  const enterpriseId = input.enterpriseId ? (await enterpriseFacts(ctx, tx, input.enterpriseId)).enterpriseId : null;
  const day = today(ctx);
  const code = newTrackingCode();
  const id = uuidv7();
  const number = await serial(tx, 'JB', Number(day.slice(0, 4)));
  const replyDue = addDays(day, rules.value.replyDays);
  await insertTipoff(tx, { id, number, tracking_hash: trackingHash(code), channel, anonymous: input.anonymous, reporter_name: input.anonymous ? null : input.reporterName ?? null,
    reporter_phone: input.anonymous ? null : input.reporterPhone ?? null, category: input.category, subject_name: input.subjectName, subject_address: input.subjectAddress ?? null,
    enterprise_id: enterpriseId, region_code: input.regionCode, content: input.content, received_at: receivedAt.toISOString(), reply_due: replyDue, rule_version: rules.version,
    created_by: ctx.actor.id });
  await setDeadline(tx, { subjectType: 'tipoff', subjectId: id, kind: 'reply', label: `举报答复（${number}）`, dueOn: replyDue, basis: `${rules.version}（答复期限 ${rules.value.replyDays} 日）`, regionCode: input.regionCode });
  const to = await recipientIds(tx, { regionCode: input.regionCode, regionRoles: ['officer'], countyRoles: ['officer', 'staff'] });
  await ctx.notify.send(tx, { accountIds: to, title: '收到新的举报', body: `${number}：举报「${input.subjectName}」，请及时交办核查（答复期限 ${replyDue}）`, link: `/enforcement/tipoffs/${id}`, regionCode: input.regionCode });
  await audit(ctx, tx, { action: 'enforcement.tipoff.receive', entityType: 'enforcement_tipoff', entityId: id, regionCode: input.regionCode,
    after: { number, channel, anonymous: input.anonymous, category: input.category } });
  return { id, number, trackingCode: code, replyDue };
}

/** Public intake: the challenge is used up first, so a replay cannot file twice. */
export async function submitPublic(ctx: Ctx, input: Static<typeof TipoffPublicInput>) {
  const { challengeId, nonce, ...rest } = input;
  return ctx.db.tx(async (tx) => {
    await useChallenge(tx, challengeId, nonce, ctx.clock());
    const r = await receive(ctx, tx, { ...rest, enterpriseId: undefined }, 'web', ctx.clock());
    return { number: r.number, trackingCode: r.trackingCode, replyDue: r.replyDue };
  });
}

/** Intake by staff from a phone call (12350), a letter or a visit. */
export async function intake(ctx: Ctx, input: Static<typeof TipoffIntake>) {
  if (!inScope(ctx.actor, { regionCode: input.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能登记管辖范围以外的举报', 'Outside your scope');
  const at = input.receivedAt ? new Date(input.receivedAt) : ctx.clock();
  if (at.getTime() > ctx.clock().getTime() + 5 * 60_000) throw badRequest('受理时间不能晚于现在', 'Received in the future');
  return ctx.db.tx((tx) => receive(ctx, tx, input, input.channel, at));
}

/** What a tracking code shows: number, status, dates and the reply. 404 for an unknown code, whatever it is. */
export async function track(ctx: Ctx, code: string) {
  const t = await trackTipoff(ctx.db, trackingHash(code));
  if (!t) throw notFound('举报（查询码）', 'Tip-off');
  return { number: t.number, status: t.status, statusLabel: TIPOFF_STATUSES[t.status as keyof typeof TIPOFF_STATUSES] ?? t.status,
    receivedAt: new Date(t.received_at).toISOString(), replyDue: t.reply_due, reply: t.reply, repliedAt: t.replied_at ? new Date(t.replied_at).toISOString() : null };
}

async function load(ctx: Ctx, tx: Tx, id: string) {
  await lockTipoff(tx, id);
  const t = await findTipoff(tx, ctx.actor.scope, id);
  if (!t) throw notFound('举报', 'Tip-off');
  return t;
}

const refuse = (t: { status: string }, what: string) =>
  new AppError(409, 'illegal_move', `举报当前状态「${TIPOFF_STATUSES[t.status as keyof typeof TIPOFF_STATUSES] ?? t.status}」不能${what}`, `Cannot ${what}`);

/** Hand a tip-off to a department and/or an officer for verification. */
export async function assign(ctx: Ctx, id: string, input: Static<typeof TipoffAssign>) {
  if (!input.orgId && !input.assigneeId) throw badRequest('请选择承办部门或承办人', 'Choose a department or a person');
  await ctx.db.tx(async (tx) => {
    const t = await load(ctx, tx, id);
    if (!['received', 'assigned'].includes(t.status)) throw refuse(t, '交办');
    if (input.orgId && !(await findOrgBrief(tx, input.orgId))) throw badRequest('承办部门不存在', 'Department not found');
    const person = input.assigneeId ? await findAccountById(tx, input.assigneeId) : undefined;
    if (input.assigneeId && (!person || person.disabled)) throw badRequest('承办人不存在或已停用', 'Assignee not found');
    await updateTipoff(tx, id, { status: 'assigned', assigned_org_id: input.orgId ?? person?.org_id ?? t.assigned_org_id, assignee_id: input.assigneeId ?? null, assigned_at: ctx.clock().toISOString() });
    if (person) await ctx.notify.send(tx, { accountIds: [person.id], title: '举报交办核查', body: `${t.number}：请核查「${t.subject_name}」并于 ${t.reply_due} 前答复`, link: `/enforcement/tipoffs/${id}`, regionCode: t.region_code });
    await audit(ctx, tx, { action: 'enforcement.tipoff.assign', entityType: 'enforcement_tipoff', entityId: id, regionCode: t.region_code, before: { status: t.status }, after: input });
  });
}

/** Record the verification result (and the case it led to). */
export async function verify(ctx: Ctx, id: string, input: Static<typeof TipoffVerify>) {
  await ctx.db.tx(async (tx) => {
    const t = await load(ctx, tx, id);
    if (t.status !== 'assigned') throw refuse(t, '登记核查结果');
    if (input.caseId) {
      const c = await caseOf(tx, ctx.actor.scope, input.caseId);
      if (!c) throw badRequest('关联的案件不存在或无权访问', 'Case not found');
      await tx.execute(sql`update enforcement_cases set tipoff_id = ${id} where id = ${c.id} and tipoff_id is null`);
    }
    await updateTipoff(tx, id, { status: 'verified', verify_result: input.result, verify_note: input.note, verified_at: ctx.clock().toISOString(), case_id: input.caseId ?? null });
    await audit(ctx, tx, { action: 'enforcement.tipoff.verify', entityType: 'enforcement_tipoff', entityId: id, regionCode: t.region_code, after: input });
  });
}

/** Reply to the reporter (shown with the tracking code); reject = 不予受理 with the reason as reply. */
export async function reply(ctx: Ctx, id: string, input: Static<typeof TipoffReply>) {
  await ctx.db.tx(async (tx) => {
    const t = await load(ctx, tx, id);
    const ok = input.reject ? ['received', 'assigned'].includes(t.status) : t.status === 'verified';
    if (!ok) throw refuse(t, input.reject ? '不予受理' : '答复（须先登记核查结果）');
    await updateTipoff(tx, id, { status: input.reject ? 'rejected' : 'replied', reply: input.reply, replied_at: ctx.clock().toISOString() });
    await meetDeadlines(tx, 'tipoff', id, ctx.clock());
    await audit(ctx, tx, { action: input.reject ? 'enforcement.tipoff.reject' : 'enforcement.tipoff.reply', entityType: 'enforcement_tipoff', entityId: id, regionCode: t.region_code, after: input });
  });
}

/** Grant the reward: 15% of the fine (min 3000, max 30万), or the fixed amount for reporting a concealed accident. */
export async function grantReward(ctx: Ctx, id: string, input: Static<typeof RewardInput>) {
  await ctx.db.tx(async (tx) => {
    const t = await load(ctx, tx, id);
    if (!['verified', 'replied'].includes(t.status) || !['substantiated', 'partly'].includes(t.verify_result ?? '')) {
      throw new AppError(409, 'not_rewardable', '只有经核查属实（或部分属实）的举报才能给予奖励', 'Only substantiated tip-offs are rewarded');
    }
    if (t.reward) throw new AppError(409, 'rewarded', '该举报已登记奖励', 'Already rewarded');
    const rules = await ruleValue(tx, TIPOFF_RULES, ctx.clock());
    const r = rules.value;
    let amount: number; let basis: string; let fine: number | null = null;
    if (t.category === 'concealment') {
      if (!input.concealmentLevel) throw badRequest('瞒报谎报事故的举报奖励须选择事故等级', 'Choose the accident level');
      amount = Math.min(r.concealment[input.concealmentLevel], r.rewardMax);
      basis = `举报瞒报谎报${{ general: '一般', larger: '较大', major: '重大', especially: '特别重大' }[input.concealmentLevel]}事故，按每人 ${amount} 元`;
    } else {
      const c = t.case_id ? await caseOf(tx, { kind: 'all' }, t.case_id) : undefined;
      if (!c?.decided_at || !(c.fine > 0)) throw badRequest('举报奖励按行政处罚罚款计算：请先关联已作出罚款决定的案件', 'Needs a decided fine');
      fine = c.fine;
      amount = Math.min(r.rewardMax, Math.max(r.rewardMin, money(c.fine * r.rewardRate)));
      basis = `罚款 ${c.fine} 元 × ${r.rewardRate * 100}%，最低 ${r.rewardMin} 元、最高 ${r.rewardMax} 元`;
    }
    await insertReward(tx, { id: uuidv7(), tipoff_id: id, basis, fine, amount, rule_version: rules.version, approved_by: ctx.actor.id, approved_at: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'enforcement.tipoff.reward', entityType: 'enforcement_tipoff', entityId: id, regionCode: t.region_code, after: { amount, basis } });
  });
}

/** Record that the reward was paid. */
export async function markRewardPaid(ctx: Ctx, id: string, note: string) {
  await ctx.db.tx(async (tx) => {
    const t = await load(ctx, tx, id);
    if (!(await payReward(tx, id, ctx.clock().toISOString(), note))) throw new AppError(409, 'not_approved', '该举报没有待发放的奖励', 'No reward to pay');
    await audit(ctx, tx, { action: 'enforcement.tipoff.reward_paid', entityType: 'enforcement_tipoff', entityId: id, regionCode: t.region_code, after: { note } });
  });
}
