// /api/outreach: 宣传教育活动, 培训 and certificates, drills' detail and problems, and the statistics of all three.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page } from '../../../contracts/common.js';
import {
  Activity, ActivityInput, ActivityQuery, Certificate, CertificateEdit, CertificateQuery, Drill, DrillDetail, DrillDetailInput, DrillQuery, OutreachStats, ProblemEdit,
  ProblemInput, StatsQuery, TaskDone, TraineesInput, Training, TrainingEdit, TrainingInput, TrainingQuery,
} from '../../../contracts/outreach.js';
import { sendXlsx } from '../../platform/excel/http.js';
import { exportXlsx } from '../../platform/excel/xlsx.js';
import { paging } from '../../platform/http/types.js';
import { addProblem, drillDetail, drills, editProblem, finishProblem, removeProblem, saveDrillDetail } from './drills.service.js';
import { ACTIVITY_COLUMNS, CERTIFICATE_COLUMNS, STATUS_LABELS } from './outreach.export.js';
import {
  activityDetail, addTrainees, certificates, createActivity, createTraining, editActivity, editCertificate, editTraining, presentActivity, presentTraining, removeActivity,
  removeCertificate, removeTraining, today,
} from './outreach.service.js';
import { outreachStats } from './outreach.stats.js';
import { listActivities, listTrainings } from './outreach.store.js';

const tags = ['宣传培训演练 outreach'];
const read = { permission: 'responsibility:read' } as const;
const write = { permission: 'responsibility:write' } as const;
const A = '/api/outreach';
const E = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export const outreachRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(`${A}/activities`, { config: read, schema: { tags, summary: '宣传教育活动', querystring: ActivityQuery, response: { 200: Page(Activity) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listActivities(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentActivity), total, page, pageSize };
  });
  app.get(`${A}/activities/export`, { config: read, schema: { tags, summary: '导出宣传教育活动台账（Excel）', querystring: Type.Omit(ActivityQuery, ['page', 'pageSize']),
    response: { 200: Type.Any() } } }, async (req, reply) => {
    const { items } = await listActivities(req.ctx.db, req.ctx.actor.scope, req.query, 1, 50_000);
    const rows = items.map((a) => ({ ...presentActivity(a), photoCount: a.photos.length }));
    return sendXlsx(reply, await exportXlsx(ACTIVITY_COLUMNS, rows, { sheet: '宣传教育活动' }), `宣传教育活动-${today(req.ctx).replaceAll('-', '')}.xlsx`);
  });
  app.get(`${A}/activities/:id`, { config: read, schema: { tags, summary: '活动详情', params: IdParams, response: { 200: Activity, 404: ErrorBody } } },
    async (req) => activityDetail(req.ctx, req.params.id));
  app.post(`${A}/activities`, { config: write, schema: { tags, summary: '登记宣传教育活动', body: ActivityInput, response: { 200: Activity, ...E } } },
    async (req) => createActivity(req.ctx, req.body));
  app.put(`${A}/activities/:id`, { config: write, schema: { tags, summary: '修改活动（物料数量、照片等）', params: IdParams, body: ActivityInput, response: { 200: Activity, ...E } } },
    async (req) => editActivity(req.ctx, req.params.id, req.body));
  app.delete(`${A}/activities/:id`, { config: write, schema: { tags, summary: '删除误登记的活动', params: IdParams, response: { 200: Ok, 404: ErrorBody } } },
    async (req) => removeActivity(req.ctx, req.params.id));

  app.get(`${A}/trainings`, { config: read, schema: { tags, summary: '培训班', querystring: TrainingQuery, response: { 200: Page(Training) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listTrainings(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentTraining), total, page, pageSize };
  });
  app.post(`${A}/trainings`, { config: write, schema: { tags, summary: '登记培训班及学员证书', body: TrainingInput,
    response: { 200: Type.Composite([Type.Object({ id: Type.String() }), Page(Certificate)]), ...E } } }, async (req) => createTraining(req.ctx, req.body));
  app.put(`${A}/trainings/:id`, { config: write, schema: { tags, summary: '修改培训班', params: IdParams, body: TrainingEdit, response: { 200: Training, ...E } } },
    async (req) => editTraining(req.ctx, req.params.id, req.body));
  app.post(`${A}/trainings/:id/trainees`, { config: write, schema: { tags, summary: '为培训班补录学员及证书', params: IdParams, body: TraineesInput,
    response: { 200: Type.Composite([Type.Object({ id: Type.String() }), Page(Certificate)]), ...E } } }, async (req) => addTrainees(req.ctx, req.params.id, req.body.trainees));
  app.delete(`${A}/trainings/:id`, { config: write, schema: { tags, summary: '删除误登记的培训班（连同通过它登记的证书）', params: IdParams, response: { 200: Ok, 404: ErrorBody } } },
    async (req) => removeTraining(req.ctx, req.params.id));
  app.put(`${A}/certificates/:id`, { config: write, schema: { tags, summary: '修改培训证书', params: IdParams, body: CertificateEdit, response: { 200: Certificate, ...E } } },
    async (req) => editCertificate(req.ctx, req.params.id, req.body));
  app.delete(`${A}/certificates/:id`, { config: write, schema: { tags, summary: '删除误登记的证书', params: IdParams, response: { 200: Ok, 404: ErrorBody } } },
    async (req) => removeCertificate(req.ctx, req.params.id));
  app.get(`${A}/certificates`, { config: read, schema: { tags, summary: '培训合格证书（含到期提醒）', querystring: CertificateQuery, response: { 200: Page(Certificate) } } },
    async (req) => { const { page, pageSize } = paging(req.query); return certificates(req.ctx, req.query, page, pageSize); });

  app.get(`${A}/certificates/export`, { config: read, schema: { tags, summary: '导出培训证书台账（Excel）', querystring: Type.Omit(CertificateQuery, ['page', 'pageSize']),
    response: { 200: Type.Any() } } }, async (req, reply) => {
    const { items } = await certificates(req.ctx, req.query, 1, 50_000);
    const rows = items.map((c) => ({ ...c, statusLabel: STATUS_LABELS[c.status] }));
    return sendXlsx(reply, await exportXlsx(CERTIFICATE_COLUMNS, rows, { sheet: '培训证书' }), `培训证书-${today(req.ctx).replaceAll('-', '')}.xlsx`);
  });

  app.get(`${A}/drills`, { config: read, schema: { tags, summary: '应急演练', querystring: DrillQuery, response: { 200: Page(Drill) } } },
    async (req) => { const { page, pageSize } = paging(req.query); return drills(req.ctx, req.query, page, pageSize); });
  app.get(`${A}/drills/:id`, { config: read, schema: { tags, summary: '演练详情：情景、过程、评估、发现问题', params: IdParams, response: { 200: DrillDetail, 404: ErrorBody } } },
    async (req) => drillDetail(req.ctx, req.params.id));
  app.put(`${A}/drills/:id/detail`, { config: write, schema: { tags, summary: '填写演练情景、过程与评估', params: IdParams, body: DrillDetailInput, response: { 200: DrillDetail, ...E } } },
    async (req) => saveDrillDetail(req.ctx, req.params.id, req.body));
  app.post(`${A}/drills/:id/problems`, { config: write, schema: { tags, summary: '登记演练发现的问题（转整改任务或隐患）', params: IdParams, body: ProblemInput,
    response: { 200: DrillDetail, ...E } } }, async (req) => addProblem(req.ctx, req.params.id, req.body));
  app.put(`${A}/problems/:id`, { config: write, schema: { tags, summary: '修改演练发现的问题', params: IdParams, body: ProblemEdit, response: { 200: DrillDetail, ...E } } },
    async (req) => editProblem(req.ctx, req.params.id, req.body));
  app.delete(`${A}/problems/:id`, { config: write, schema: { tags, summary: '删除误登记的演练问题（已转隐患的除外）', params: IdParams, response: { 200: DrillDetail, ...E, 409: ErrorBody } } },
    async (req) => removeProblem(req.ctx, req.params.id));
  app.post(`${A}/problems/:id/done`, { config: write, schema: { tags, summary: '报告演练问题整改完成', params: IdParams, body: TaskDone,
    response: { 200: DrillDetail, ...E, 409: ErrorBody } } }, async (req) => finishProblem(req.ctx, req.params.id, req.body.note));

  app.get(`${A}/stats`, { config: read, schema: { tags, summary: '宣传、培训、演练统计（按期间、区划；每个数字可查看明细）', querystring: StatsQuery,
    response: { 200: OutreachStats, 400: ErrorBody } } }, async (req) => outreachStats(req.ctx, req.query));
};
