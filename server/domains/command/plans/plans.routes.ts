// /api/command/plans: the plan system (应急预案), versions and their workflow, diff, original document preview,
// enterprise filing (备案), drills, and a trial match of plans against incident facts. Registered by one line in app.ts.
import fs from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import {
  AttachmentInput, CountersignOpinion, CountersignStart, DecisionInput, DiffQuery, DrillInput, FilingReviewInput, MatchInput, NewVersionInput, Plan, PlanDetail,
  PlanDiff, PlanEdit, PlanInput, PlanMatch, PlanQuery, PlanVersion, VersionContentInput,
} from '../../../../contracts/command-plans.js';
import type { Platform } from '../../../platform/context.js';
import { attachmentHeader, sendXlsx } from '../../../platform/excel/http.js';
import { findFile } from '../../../platform/files/files.store.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { matchPlans } from './directory.js';
import { addDrill, reviewFiling, scheduleRevisionReminders, submitFiling } from './filing.service.js';
import { exportPlans } from './plans.export.js';
import { presentPlan } from './plans.present.js';
import {
  approveVersion, attachDocument, countersignOpinion, createPlan, diffVersions, editPlan, getVersion, newVersion, planClock, planDetail, returnVersion,
  saveVersion, startCountersign, submitVersion,
} from './plans.service.js';
import { findVersion, listPlans } from './plans.store.js';
import { previewPdf } from './preview.js';

const tags = ['应急预案 command/plans'];
const read = { permission: 'plan:read' } as const;
const write = { permission: 'plan:write' } as const;
const E = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const P = '/api/command/plans';

/** The plans part of the command domain as one plugin (routes and the revision-reminder job). */
export function plansRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(P, { config: read, schema: { tags, summary: '应急预案列表（按类别、编制单位、适用范围、状态筛选）', querystring: PlanQuery, response: { 200: Page(Plan) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listPlans(req.ctx.db, req.ctx.actor.scope, await planClock(req.ctx.db, req.ctx.clock()), req.query, page, pageSize);
      return { items: items.map(presentPlan), total, page, pageSize };
    });

    app.get(`${P}/export`, { config: read, schema: { tags, summary: '导出应急预案台账（Excel）', querystring: PlanQuery, response: { 200: Type.Any(), 400: ErrorBody } } }, async (req, reply) => {
      const buffer = await exportPlans(req.ctx.db, req.ctx.actor.scope, await planClock(req.ctx.db, req.ctx.clock()), req.query);
      return sendXlsx(reply, buffer, `应急预案台账-${shanghaiDate(req.ctx.clock()).replaceAll('-', '')}.xlsx`);
    });

    app.post(P, { config: write, schema: { tags, summary: '新建应急预案（同时建立初稿版本）', body: PlanInput, response: { 200: PlanDetail, ...E } } },
      async (req) => createPlan(req.ctx, req.body));

    app.post(`${P}/match`, { config: { permission: 'command:read' }, schema: { tags, summary: '按事件情况匹配预案并给出建议响应级别（试算）', body: MatchInput, response: { 200: Type.Array(PlanMatch) } } },
      async (req) => matchPlans(req.ctx.db, { ...req.body, enterpriseId: req.body.enterpriseId ?? null }));

    app.get(`${P}/diff`, { config: read, schema: { tags, summary: '对比同一预案的两个版本', querystring: DiffQuery, response: { 200: PlanDiff, ...E } } },
      async (req) => diffVersions(req.ctx, req.query.from, req.query.to));

    app.get(`${P}/:id`, { config: read, schema: { tags, summary: '预案详情：版本、演练、备案', params: IdParams, response: { 200: PlanDetail, 404: ErrorBody } } },
      async (req) => planDetail(req.ctx, req.params.id));

    app.patch(`${P}/:id`, { config: write, schema: { tags, summary: '修改预案名称或适用范围', params: IdParams, body: PlanEdit, response: { 200: PlanDetail, ...E } } },
      async (req) => editPlan(req.ctx, req.params.id, req.body));

    app.post(`${P}/:id/versions`, { config: write, schema: { tags, summary: '新建修订版本（复制现行版本）', params: IdParams, body: NewVersionInput, response: { 200: PlanVersion, ...E } } },
      async (req) => newVersion(req.ctx, req.params.id, req.body));

    app.post(`${P}/:id/filing`, { config: write, schema: { tags, summary: '企业预案报备', params: IdParams, response: { 200: PlanDetail, ...E } } },
      async (req) => submitFiling(req.ctx, req.params.id));

    app.post(`${P}/:id/filing/review`, { config: { permission: 'command:write' }, schema: { tags, summary: '备案审查：予以备案或退回', params: IdParams, body: FilingReviewInput, response: { 200: PlanDetail, ...E } } },
      async (req) => reviewFiling(req.ctx, req.params.id, req.body));

    app.post(`${P}/:id/drills`, { config: write, schema: { tags, summary: '登记预案演练', params: IdParams, body: DrillInput, response: { 200: PlanDetail, ...E } } },
      async (req) => addDrill(req.ctx, req.params.id, req.body));

    app.get(`${P}/versions/:id`, { config: read, schema: { tags, summary: '预案版本：结构化内容、会签、可执行的操作', params: IdParams, response: { 200: PlanVersion, 404: ErrorBody } } },
      async (req) => getVersion(req.ctx, req.params.id));

    app.put(`${P}/versions/:id/content`, { config: write, schema: { tags, summary: '保存版本内容（仅起草中）', params: IdParams, body: VersionContentInput, response: { 200: PlanVersion, ...E } } },
      async (req) => saveVersion(req.ctx, req.params.id, req.body));

    app.put(`${P}/versions/:id/attachment`, { config: write, schema: { tags, summary: '上传或更换预案原件（先通过 /api/files 上传）', params: IdParams, body: AttachmentInput, response: { 200: PlanVersion, ...E } } },
      async (req) => attachDocument(req.ctx, req.params.id, req.body.fileId));

    app.get(`${P}/versions/:id/preview`, { config: read, schema: { tags, summary: '预览预案原件（PDF 直接显示，Word 转换为 PDF）', params: IdParams, response: { 200: Type.Any(), ...E, 415: ErrorBody, 501: ErrorBody } } },
      async (req, reply) => {
        const v = await findVersion(req.ctx.db, req.ctx.actor.scope, req.params.id);
        const f = v?.attachment_file_id ? await findFile(req.ctx.db, { kind: 'all' }, v.attachment_file_id) : undefined;
        if (!f || !req.ctx.files.has(f.sha256)) throw notFound('预案原件', 'Plan document');
        const pdf = await previewPdf(req.ctx.files, f);
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', attachmentHeader(f.name.replace(/\.[^.]+$/, '') + '.pdf').replace(/^attachment/, 'inline'));
        reply.header('x-content-type-options', 'nosniff');
        // Shown in a frame of the plan page (same origin); the site-wide policy forbids framing.
        reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'self'");
        reply.header('x-frame-options', 'SAMEORIGIN');
        return reply.send(fs.createReadStream(pdf));
      });

    app.post(`${P}/versions/:id/countersign`, { config: write, schema: { tags, summary: '发起会签', params: IdParams, body: CountersignStart, response: { 200: PlanVersion, ...E } } },
      async (req) => startCountersign(req.ctx, req.params.id, req.body.orgIds));

    app.post(`${P}/versions/:id/opinion`, { config: write, schema: { tags, summary: '提出会签意见（同意/不同意）', params: IdParams, body: CountersignOpinion, response: { 200: PlanVersion, ...E } } },
      async (req) => countersignOpinion(req.ctx, req.params.id, req.body));

    app.post(`${P}/versions/:id/submit`, { config: write, schema: { tags, summary: '提交审批', params: IdParams, response: { 200: PlanVersion, ...E } } },
      async (req) => submitVersion(req.ctx, req.params.id));

    app.post(`${P}/versions/:id/approve`, { config: write, schema: { tags, summary: '审批发布（原发布版本自动废止）', params: IdParams, body: DecisionInput, response: { 200: PlanVersion, ...E } } },
      async (req) => approveVersion(req.ctx, req.params.id, req.body.comment));

    app.post(`${P}/versions/:id/return`, { config: write, schema: { tags, summary: '退回修改', params: IdParams, body: DecisionInput, response: { 200: PlanVersion, ...E } } },
      async (req) => returnVersion(req.ctx, req.params.id, req.body.comment));

    scheduleRevisionReminders(p);
  };
}
