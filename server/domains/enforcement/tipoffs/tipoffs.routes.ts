// /api/enforcement/tipoffs (举报办理) and /api/public/tipoffs (网上举报、查询码查询, no login).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import {
  Challenge, RewardInput, Tipoff, TipoffAssign, TipoffIntake, TipoffPublicInput, TipoffQuery, TipoffReceipt, TipoffReply, TipoffVerify, TIPOFF_STATUSES, TrackInput, TrackResult,
} from '../../../../contracts/enforcement.js';
import type { Ctx, Platform } from '../../../platform/context.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { maskPhone } from '../../../platform/personal/personal.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { TIPOFF_RULES } from '../common/rules.js';
import { iso, today } from '../common/util.js';
import { newChallenge } from './pow.js';
import { assign, grantReward, intake, markRewardPaid, reply, submitPublic, track, verify } from './tipoffs.service.js';
import { findTipoff, listTipoffs, type TipoffRow } from './tipoffs.store.js';
import './tipoffs.personal.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

/** Row → API shape (reporter details stay inside the bureau; the phone masked, revealed through tipoffs.personal.ts). */
export const presentTipoff = (t: TipoffRow, day: string) => ({
  id: t.id, number: t.number, channel: t.channel, anonymous: t.anonymous, reporterName: t.reporter_name, reporterPhone: maskPhone(t.reporter_phone), category: t.category,
  subjectName: t.subject_name, subjectAddress: t.subject_address, enterpriseId: t.enterprise_id, regionCode: t.region_code, content: t.content, status: t.status,
  statusLabel: TIPOFF_STATUSES[t.status as keyof typeof TIPOFF_STATUSES] ?? t.status, receivedAt: iso(t.received_at)!, replyDue: t.reply_due,
  overdue: ['received', 'assigned', 'verified'].includes(t.status) && t.reply_due < day, assignedOrgId: t.assigned_org_id, assigneeId: t.assignee_id,
  verifyResult: t.verify_result, verifyNote: t.verify_note, reply: t.reply, repliedAt: iso(t.replied_at), caseId: t.case_id,
  reward: t.reward && { basis: t.reward.basis, fine: t.reward.fine, amount: t.reward.amount, status: t.reward.status, approvedAt: iso(t.reward.approved_at)!, paidAt: iso(t.reward.paid_at) },
});

async function detail(ctx: Ctx, id: string) {
  const t = await findTipoff(ctx.db, ctx.actor.scope, id);
  if (!t) throw notFound('举报', 'Tip-off');
  return presentTipoff(t, today(ctx));
}

export function tipoffsRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    const pub = ['公开 public'];
    // The bureau sets how many reports one address may file per hour; the proof of work slows scripted floods.
    const perHour = async () => (await ruleValue(p.db, TIPOFF_RULES, p.clock())).value.perHour;

    app.get('/api/public/tipoffs/challenge', { config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags: pub, summary: '网上举报验证题（计算验证，无需第三方验证码）', response: { 200: Challenge } } },
    async (req) => newChallenge(req.ctx.db, (await ruleValue(req.ctx.db, TIPOFF_RULES, req.ctx.clock())).value.powBits, req.ctx.clock()));

    app.post('/api/public/tipoffs', { config: { public: true, rateLimit: { max: perHour, timeWindow: '1 hour' } },
      schema: { tags: pub, summary: '网上举报（可匿名；返回查询码，请妥善保存）', body: TipoffPublicInput, response: { 200: TipoffReceipt, 400: ErrorBody, 429: ErrorBody } } },
    async (req) => submitPublic(req.ctx, req.body));

    app.post('/api/public/tipoffs/track', { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: { tags: pub, summary: '凭查询码查询举报办理结果', body: TrackInput, response: { 200: TrackResult, 404: ErrorBody, 429: ErrorBody } } },
    async (req) => track(req.ctx, req.body.code));

    app.get('/api/enforcement/tipoffs', { config: read, schema: { tags, summary: '举报台账', querystring: TipoffQuery, response: { 200: Page(Tipoff) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const day = today(req.ctx);
      const { items, total } = await listTipoffs(req.ctx.db, req.ctx.actor.scope, req.query, day, page, pageSize);
      return { items: items.map((t) => presentTipoff(t, day)), total, page, pageSize };
    });

    app.get('/api/enforcement/tipoffs/:id', { config: read, schema: { tags, summary: '举报详情', params: IdParams, response: { 200: Tipoff, 404: ErrorBody } } },
      async (req) => detail(req.ctx, req.params.id));

    app.post('/api/enforcement/tipoffs', { config: write, schema: { tags, summary: '登记电话（12350）、信件、来访举报', body: TipoffIntake,
      response: { 200: Type.Composite([Tipoff, Type.Object({ trackingCode: Type.String() })]), 400: ErrorBody } } }, async (req) => {
      const r = await intake(req.ctx, req.body);
      return { ...(await detail(req.ctx, r.id)), trackingCode: r.trackingCode };
    });

    app.post('/api/enforcement/tipoffs/:id/assign', { config: write, schema: { tags, summary: '交办核查', params: IdParams, body: TipoffAssign, response: { 200: Tipoff, 409: ErrorBody } } },
      async (req) => { await assign(req.ctx, req.params.id, req.body); return detail(req.ctx, req.params.id); });

    app.post('/api/enforcement/tipoffs/:id/verify', { config: write, schema: { tags, summary: '登记核查结果', params: IdParams, body: TipoffVerify, response: { 200: Tipoff, 409: ErrorBody } } },
      async (req) => { await verify(req.ctx, req.params.id, req.body); return detail(req.ctx, req.params.id); });

    app.post('/api/enforcement/tipoffs/:id/reply', { config: write, schema: { tags, summary: '答复举报人（或不予受理）', params: IdParams, body: TipoffReply, response: { 200: Tipoff, 409: ErrorBody } } },
      async (req) => { await reply(req.ctx, req.params.id, req.body); return detail(req.ctx, req.params.id); });

    app.post('/api/enforcement/tipoffs/:id/reward', { config: write, schema: { tags, summary: '核定举报奖励', params: IdParams, body: RewardInput, response: { 200: Tipoff, 400: ErrorBody, 409: ErrorBody } } },
      async (req) => { await grantReward(req.ctx, req.params.id, req.body); return detail(req.ctx, req.params.id); });

    app.post('/api/enforcement/tipoffs/:id/reward/pay', { config: write, schema: { tags, summary: '登记奖励已发放', params: IdParams, body: Type.Object({ note: Type.String({ minLength: 2, maxLength: 500 }) }),
      response: { 200: Tipoff, 409: ErrorBody } } },
    async (req) => { await markRewardPaid(req.ctx, req.params.id, req.body.note); return detail(req.ctx, req.params.id); });
  };
}
