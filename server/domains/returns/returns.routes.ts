// /api/returns: 报表填报 — forms (the bureau), filing (the units), review (the bureau), aggregation; and the scan.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import {
  Aggregate, AggregateQuery, CommentInput, Form, FormInput, FormQuery, IssueInput, Progress, ReasonInput, Return, ReturnDetail, ReturnQuery, ValuesInput,
} from '../../../contracts/returns.js';
import type { Platform } from '../../platform/context.js';
import { readUpload, sendXlsx } from '../../platform/excel/http.js';
import { exportXlsx } from '../../platform/excel/xlsx.js';
import { notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { aggregate, aggregateXlsx } from './aggregate.js';
import { archiveForm, createForm, editForm, issuePeriod, presentForm, publishForm } from './forms.service.js';
import { findForm, formVersion, listForms } from './forms.store.js';
import { scheduleReturnsScan } from './reminders.js';
import { formTemplate, valuesFromUpload } from './returns.excel.js';
import { EXPORT_COLUMNS, exportRow } from './returns.present.js';
import {
  acceptReturn, approveReturn, correctReturn, presentReturn, rejectReturn, returnDetail, saveReturn, sendBackReturn, submitReturn,
} from './returns.service.js';
import { findReturn, listReturns, periodsOf, progressOf, type ReturnFilter } from './returns.store.js';

const tags = ['报表填报 returns'];
const read = { permission: 'returns:read' } as const;
const file = { permission: 'returns:file' } as const;
const approve = { permission: 'returns:approve' } as const;
const manage = { permission: 'returns:manage' } as const;
const stamp = (d: Date) => shanghaiDate(d).replaceAll('-', '');

const filterOf = (q: Record<string, unknown>): ReturnFilter => ({ ...(q as ReturnFilter), ids: typeof q.ids === 'string' && q.ids ? q.ids.split(',').filter(Boolean) : undefined });

/** The returns domain as one plugin (with its hourly scan). */
export function returnsRoutes(p: Platform): FastifyPluginAsyncTypebox {
  scheduleReturnsScan(p);
  return async (app) => {
    // ——— forms ———
    app.get('/api/returns/forms', { config: read, schema: { tags, summary: '报表列表', querystring: FormQuery, response: { 200: Page(Form) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listForms(req.ctx.db, req.query, page, pageSize);
      return { items: items.map(presentForm), total, page, pageSize };
    });
    app.get('/api/returns/forms/:id', { config: read, schema: { tags, summary: '报表定义（当前版本的字段与校验规则）', params: IdParams, response: { 200: Form, 404: ErrorBody } } }, async (req) => {
      const f = await findForm(req.ctx.db, req.params.id);
      if (!f) throw notFound('报表', 'Form');
      return presentForm(f);
    });
    app.post('/api/returns/forms', { config: manage, schema: { tags, summary: '新建报表（草稿）', body: FormInput, response: { 200: Form, 400: ErrorBody, 409: ErrorBody } } },
      async (req) => createForm(req.ctx, req.body));
    app.put('/api/returns/forms/:id', { config: manage, schema: { tags, summary: '修改报表；已有填报时字段变更生成新版本', params: IdParams, body: FormInput, response: { 200: Form, 400: ErrorBody, 409: ErrorBody } } },
      async (req) => editForm(req.ctx, req.params.id, req.body));
    app.post('/api/returns/forms/:id/publish', { config: manage, schema: { tags, summary: '发布报表并下发本期填报任务', params: IdParams, response: { 200: Form, 409: ErrorBody } } },
      async (req) => publishForm(req.ctx, req.params.id));
    app.post('/api/returns/forms/:id/archive', { config: manage, schema: { tags, summary: '停用报表', params: IdParams, response: { 200: Form, 409: ErrorBody } } },
      async (req) => archiveForm(req.ctx, req.params.id));
    app.post('/api/returns/forms/:id/issue', { config: manage, schema: { tags, summary: '下发某一期（专项报表或补报往期）', params: IdParams, body: IssueInput,
      response: { 200: Type.Object({ period: Type.String(), label: Type.String(), opened: Type.Integer() }), 400: ErrorBody, 409: ErrorBody } } },
    async (req) => issuePeriod(req.ctx, req.params.id, req.body));
    app.get('/api/returns/forms/:id/template', { config: read, schema: { tags, summary: '下载报表的 Excel 模板', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
      const f = await findForm(req.ctx.db, req.params.id);
      if (!f) throw notFound('报表', 'Form');
      return sendXlsx(reply, await formTemplate(f, f.fields), `${f.name}-模板.xlsx`);
    });
    app.get('/api/returns/forms/:id/periods', { config: read, schema: { tags, summary: '报表已下发的期别', params: IdParams,
      response: { 200: Type.Array(Type.Object({ period: Type.String(), label: Type.String() })) } } },
    async (req) => (await periodsOf(req.ctx.db, req.params.id)).map((r) => ({ period: r.period, label: r.period_label })));
    app.get('/api/returns/forms/:id/progress', { config: read, schema: { tags, summary: '某期填报进度：已报、未报、逾期、退回', params: IdParams,
      querystring: Type.Object({ period: Type.String({ maxLength: 40 }) }), response: { 200: Progress } } },
    async (req) => ({ period: req.query.period, ...(await progressOf(req.ctx.db, req.ctx.actor.scope, req.params.id, req.query.period, shanghaiDate(req.ctx.clock()))) }));

    // ——— aggregation ———
    app.get('/api/returns/aggregate', { config: read, schema: { tags, summary: '报表汇总（按期别/区域/单位类型/单位，含环比、同比）', querystring: AggregateQuery, response: { 200: Aggregate, 400: ErrorBody, 404: ErrorBody } } }, async (req) => {
      const f = await findForm(req.ctx.db, req.query.formId);
      if (!f) throw notFound('报表', 'Form');
      return aggregate(req.ctx.db, req.ctx.actor.scope, f, req.query);
    });
    app.get('/api/returns/aggregate/export', { config: read, schema: { tags, summary: '导出报表汇总（Excel）', querystring: AggregateQuery, response: { 200: Type.Any(), 400: ErrorBody, 404: ErrorBody } } }, async (req, reply) => {
      const f = await findForm(req.ctx.db, req.query.formId);
      if (!f) throw notFound('报表', 'Form');
      const agg = await aggregate(req.ctx.db, req.ctx.actor.scope, f, req.query);
      return sendXlsx(reply, await aggregateXlsx(agg), `${f.name}汇总-${req.query.from}至${req.query.to}.xlsx`);
    });

    // ——— returns ———
    app.get('/api/returns', { config: read, schema: { tags, summary: '报表填报列表（我的报表 / 各单位报送情况）', querystring: ReturnQuery, response: { 200: Page(Return) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listReturns(req.ctx.db, req.ctx.actor.scope, filterOf(req.query), shanghaiDate(req.ctx.clock()), page, pageSize);
      return { items: items.map(presentReturn), total, page, pageSize };
    });
    app.get('/api/returns/export', { config: read, schema: { tags, summary: '导出报送情况（Excel，按当前筛选条件）', querystring: ReturnQuery, response: { 200: Type.Any() } } }, async (req, reply) => {
      const { items } = await listReturns(req.ctx.db, req.ctx.actor.scope, filterOf(req.query), shanghaiDate(req.ctx.clock()), 1, 50_000);
      return sendXlsx(reply, await exportXlsx(EXPORT_COLUMNS, items.map(exportRow), { sheet: '报送情况' }), `报表报送情况-${stamp(req.ctx.clock())}.xlsx`);
    });
    app.get('/api/returns/:id', { config: read, schema: { tags, summary: '一份报表：字段、数值、上期数、版本与办理记录', params: IdParams, response: { 200: ReturnDetail, 404: ErrorBody } } },
      async (req) => returnDetail(req.ctx, req.params.id));
    app.get('/api/returns/:id/template', { config: read, schema: { tags, summary: '下载本期报表的 Excel（含已填数值）', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
      const r = await findReturn(req.ctx.db, req.ctx.actor.scope, req.params.id, shanghaiDate(req.ctx.clock()));
      if (!r) throw notFound('报表', 'Return');
      const v = (await formVersion(req.ctx.db, r.form_id, r.form_version))!;
      return sendXlsx(reply, await formTemplate({ name: r.form_name }, v.fields, r.values, [`填报单位：${r.unit_name}；期别：${r.period_label}；截止：${r.due_on}`]),
        `${r.form_name}-${r.period_label}-${r.unit_name}.xlsx`);
    });
    app.post('/api/returns/:id/upload', { config: file, schema: { tags, summary: '上传填好的 Excel 模板（保存为草稿）', params: IdParams, response: { 200: ReturnDetail, 400: ErrorBody, 404: ErrorBody, 415: ErrorBody } } }, async (req) => {
      const r = await findReturn(req.ctx.db, req.ctx.actor.scope, req.params.id, shanghaiDate(req.ctx.clock()));
      if (!r) throw notFound('报表', 'Return');
      const { buffer } = await readUpload(req);
      const f = (await findForm(req.ctx.db, r.form_id))!;
      const v = (await formVersion(req.ctx.db, r.form_id, r.status === 'not_started' ? f.version : r.form_version))!;
      return saveReturn(req.ctx, req.params.id, await valuesFromUpload(buffer, v.fields));
    });
    const action = { params: IdParams, response: { 200: ReturnDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } };
    app.post('/api/returns/:id/save', { config: file, schema: { tags, summary: '保存草稿', body: ValuesInput, ...action } }, async (req) => saveReturn(req.ctx, req.params.id, req.body.values));
    app.post('/api/returns/:id/submit', { config: file, schema: { tags, summary: '提交本单位负责人审核', body: ValuesInput, ...action } }, async (req) => submitReturn(req.ctx, req.params.id, req.body.values));
    app.post('/api/returns/:id/approve', { config: approve, schema: { tags, summary: '负责人审核通过并报送应急局（审核人不能是填报人）', ...action } }, async (req) => approveReturn(req.ctx, req.params.id));
    app.post('/api/returns/:id/reject', { config: approve, schema: { tags, summary: '负责人退回填报人修改', body: CommentInput, ...action } }, async (req) => rejectReturn(req.ctx, req.params.id, req.body.comment));
    app.post('/api/returns/:id/accept', { config: manage, schema: { tags, summary: '应急局受理', body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 500 })) }), ...action } },
      async (req) => acceptReturn(req.ctx, req.params.id, req.body.comment));
    app.post('/api/returns/:id/send-back', { config: manage, schema: { tags, summary: '应急局退回并写明意见', body: CommentInput, ...action } }, async (req) => sendBackReturn(req.ctx, req.params.id, req.body.comment));
    app.post('/api/returns/:id/correct', { config: file, schema: { tags, summary: '更正已受理的报表（写明原因，生成新版本）', body: ReasonInput, ...action } }, async (req) => correctReturn(req.ctx, req.params.id, req.body.reason));
  };
}
