// POST /api/personal/reveal: one full phone or identity number, for a caller who may read the record and see the kind.
// The permission is checked inside (it depends on the field: personal:phone or personal:id, plus the record's read permission).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { RevealInput, RevealResult } from '../../../contracts/personal.js';
import { AppError } from '../http/errors.js';
import { reveal } from './personal.js';

const tags = ['个人信息 personal data'];

export const personalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/personal/reveal', {
    schema: { tags, summary: '查看完整电话号码或身份证号（逐条，留痕；每个账号每分钟有上限）', body: RevealInput,
      response: { 200: RevealResult, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 429: ErrorBody } },
    config: { rateLimit: {
      // Counted per account, after the caller is known: one person clicking 查看 down a list is fine, a script is not.
      hook: 'preHandler',
      keyGenerator: (req) => `reveal:${req.ctx.actor.id}`,
      max: (req) => req.ctx.config.revealRateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (req, c) => new AppError(429, 'reveal_limited',
        `查看完整号码过于频繁：每个账号每分钟最多 ${c.max} 次，请 ${Math.ceil(c.ttl / 1000)} 秒后再试`,
        `Too many reveals: at most ${c.max} a minute per account, retry in ${Math.ceil(c.ttl / 1000)} s`),
      // Reaching the bound is itself worth a record: the security officer reviews who tried to harvest numbers.
      onExceeded: (req) => {
        void req.ctx.audit.recordAlone(req.ctx.db, req.ctx.actor, req.ctx.meta, {
          action: 'personal.reveal_limited', entityType: 'account', entityId: req.ctx.actor.id,
          after: { limitPerMinute: req.ctx.config.revealRateLimitPerMinute },
        }).catch((err: unknown) => req.log.error({ err }, 'personal.reveal_limited not audited'));
      },
    } },
  }, async (req) => reveal(req.ctx, req.body));
};
