// /api/summons: 约谈 records, their follow-up tasks, counts and export.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page } from '../../../contracts/common.js';
import { Summons, SummonsDetail, SummonsInput, SummonsQuery, SummonsStats, SummonsTaskInput, SUMMONS_REASONS, SUMMONS_TARGET_KINDS, TaskDoneInput } from '../../../contracts/summons.js';
import { int, oneOf, text } from '../../platform/excel/columns.js';
import { sendXlsx } from '../../platform/excel/http.js';
import { exportXlsx, type XlsxColumn } from '../../platform/excel/xlsx.js';
import { paging } from '../../platform/http/types.js';
import { addSummonsTask, completeSummonsTask, createSummons, editSummons, presentSummons, removeSummons, summonsDetail, summonsStats, today } from './summons.service.js';
import { listSummons } from './summons.store.js';

const tags = ['约谈 summons'];
const read = { permission: 'responsibility:read' } as const;
const write = { permission: 'summons:write' } as const;
// The summoned unit reports its follow-up done under its ordinary responsibility permission.
const follow = { permission: 'responsibility:write' } as const;

const COLUMNS: XlsxColumn[] = [
  { key: 'number', header: '编号', type: text(), width: 18 }, { key: 'heldAt', header: '约谈时间', type: text(), width: 18 },
  { key: 'targetKind', header: '对象类型', type: oneOf(SUMMONS_TARGET_KINDS) }, { key: 'targetName', header: '被约谈单位', type: text(), width: 28 },
  { key: 'reason', header: '约谈原因', type: oneOf(SUMMONS_REASONS) }, { key: 'reasonDetail', header: '具体情况', type: text(), width: 40 },
  { key: 'convenedBy', header: '约谈单位', type: text() }, { key: 'hostName', header: '主持人', type: text() }, { key: 'place', header: '地点', type: text() },
  { key: 'attendees', header: '参加人员', type: text(), width: 30 }, { key: 'commitments', header: '整改承诺', type: text(), width: 40 },
  { key: 'tasksTotal', header: '整改任务', type: int() }, { key: 'tasksDone', header: '已完成', type: int() }, { key: 'tasksOverdue', header: '逾期未完成', type: int() },
];

const Query = Type.Omit(SummonsQuery, ['page', 'pageSize']);

export const summonsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/summons', { config: read, schema: { tags, summary: '约谈记录', querystring: SummonsQuery, response: { 200: Page(Summons) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listSummons(req.ctx.db, req.ctx.actor.scope, req.query, today(req.ctx), page, pageSize);
    return { items: items.map(presentSummons), total, page, pageSize };
  });
  app.get('/api/summons/export', { config: read, schema: { tags, summary: '导出约谈记录（Excel）', querystring: Query, response: { 200: Type.Any() } } }, async (req, reply) => {
    const { items } = await listSummons(req.ctx.db, req.ctx.actor.scope, req.query, today(req.ctx), 1, 50_000);
    const rows = items.map((s) => ({ ...presentSummons(s), heldAt: new Date(new Date(s.held_at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') }));
    return sendXlsx(reply, await exportXlsx(COLUMNS, rows, { sheet: '约谈记录' }), `约谈记录-${today(req.ctx).replaceAll('-', '')}.xlsx`);
  });
  app.get('/api/summons/stats', { config: read, schema: { tags, summary: '约谈统计：按期间、对象类型、原因', querystring: Type.Composite([Query,
    Type.Object({ by: Type.Optional(Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')])) })]), response: { 200: SummonsStats } } },
  async (req) => summonsStats(req.ctx, req.query, req.query.by ?? 'month'));
  app.get('/api/summons/:id', { config: read, schema: { tags, summary: '约谈详情与整改任务', params: IdParams, response: { 200: SummonsDetail, 404: ErrorBody } } },
    async (req) => summonsDetail(req.ctx, req.params.id));
  app.post('/api/summons', { config: write, schema: { tags, summary: '登记约谈', body: SummonsInput, response: { 200: SummonsDetail, 400: ErrorBody } } },
    async (req) => createSummons(req.ctx, req.body));
  app.put('/api/summons/:id', { config: write, schema: { tags, summary: '修改约谈记录', params: IdParams, body: SummonsInput, response: { 200: SummonsDetail, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => editSummons(req.ctx, req.params.id, req.body));
  app.delete('/api/summons/:id', { config: write, schema: { tags, summary: '删除误登记的约谈', params: IdParams, response: { 200: Ok, 404: ErrorBody } } },
    async (req) => removeSummons(req.ctx, req.params.id));
  app.post('/api/summons/:id/tasks', { config: write, schema: { tags, summary: '增加整改任务', params: IdParams, body: SummonsTaskInput, response: { 200: SummonsDetail, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => addSummonsTask(req.ctx, req.params.id, req.body));
  app.post('/api/summons/tasks/:id/done', { config: follow, schema: { tags, summary: '报告整改任务完成', params: IdParams, body: TaskDoneInput, response: { 200: SummonsDetail, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => completeSummonsTask(req.ctx, req.params.id, req.body.note));
};
