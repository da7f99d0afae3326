// POST /api/personal/reveal: one full phone or identity number, for a caller who may read the record and see the kind.
// The permission is checked inside (it depends on the field: personal:phone or personal:id, plus the record's read permission).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { RevealInput, RevealResult } from '../../../contracts/personal.js';
import { reveal } from './personal.js';

const tags = ['个人信息 personal data'];

export const personalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/api/personal/reveal', { schema: { tags, summary: '查看完整电话号码或身份证号（逐条，留痕）', body: RevealInput,
    response: { 200: RevealResult, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => reveal(req.ctx, req.body));
};
