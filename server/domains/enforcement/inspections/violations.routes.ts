// 拟认定违法行为: what each failed checklist item and finding of an inspection proposes from the law library — the violation
// items breaking the articles the item cites (then by its words), with their benchmark bands, as of the inspection's day.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams } from '../../../../contracts/common.js';
import { ProposedViolation } from '../../../../contracts/law.js';
import { notFound } from '../../../platform/http/errors.js';
import { proposedViolations } from '../../law/directory.js';
import { actDay, failedEntries } from './cited.js';
import { findInspection } from './inspections.store.js';

export const inspectionViolationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enforcement/inspections/:id/violations', { config: { permission: 'enforcement:read' }, schema: { tags: ['行政执法 enforcement'],
    summary: '拟认定违法行为：检查中不符合的条目和发现的问题对应的违法行为及其裁量基准（按检查当日施行的条文）', params: IdParams,
    response: { 200: Type.Object({ on: Type.String(), items: Type.Array(ProposedViolation) }), 404: ErrorBody } } }, async (req) => {
    const i = await findInspection(req.ctx.db, req.ctx.actor.scope, req.params.id);
    if (!i) throw notFound('检查记录', 'Inspection');
    const on = actDay(req.ctx, i);
    return { on, items: await proposedViolations(req.ctx.db, await failedEntries(req.ctx.db, i), on) };
  });
};
