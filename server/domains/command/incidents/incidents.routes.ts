// /api/command/incidents: 突发事件 intake, grading, plans and response level, command post, tasks, dispatch,
// timeline and closing. Routes only: contract, permission, service, presenter.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Decide, DispatchCreate, DispatchMove, FactsUpdate, FeedbackInput, GradePreview, GradePreviewInput, Incident, IncidentIntake, IncidentQuery, IncidentSummary, LessonComplete,
  LessonCreate, MessageInput, MyTaskQuery, Nearby, NearestQueryIn, PlanMatches, PostAssign, ProposeLevel, Review, StartResponse, Task, TaskCreate, Terminate, TimelineItem,
} from '../../../../contracts/command-incidents.js';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import type { Ctx, Platform } from '../../../platform/context.js';
import { sendXlsx } from '../../../platform/excel/http.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { revealable } from '../../../platform/personal/personal.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { addLesson, closeIncident, completeLesson, review, terminate } from './closing.service.js';
import { addTask, assignPost, postMessage, readTask, reviewFeedback, submitFeedback } from './command.service.js';
import { dispatch, moveDispatch, nearest } from './dispatch.service.js';
import { exportIncidents } from './incidents.export.js';
import { presentIncident, presentSummary, presentTasks, presentTimeline } from './incidents.present.js';
import { intake, planMatches, previewGrade, updateFacts } from './incidents.service.js';
import { findIncident, findPostRole, listIncidents, listMyTasks, listTimeline } from './incidents.store.js';
import { decideLevel, proposeLevel, startResponse } from './response.service.js';

const tags = ['应急指挥 command'];
const read = { permission: 'command:read' } as const;
const write = { permission: 'command:write' } as const;
const approve = { permission: 'command:approve' } as const;
const feedback = { permission: 'command:feedback' } as const;
const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

// The reporter's and the command post holders' phones are masked in the detail; one is revealed (audited) here.
revealable({
  entity: 'incident', label: '突发事件', read: ['command:read'], fields: { reporterPhone: 'phone' },
  async load(ctx, tx, id) {
    const i = await findIncident(tx, ctx.actor, id);
    return i && { regionCode: i.region_code, name: i.title, values: { reporterPhone: i.reporter_phone } };
  },
});
revealable({
  entity: 'incident_post_role', label: '指挥部岗位', read: ['command:read'], fields: { holderPhone: 'phone' },
  async load(ctx, tx, id) {
    const r = await findPostRole(tx, id);
    const i = r && await findIncident(tx, ctx.actor, r.incident_id);
    return i && r && { regionCode: i.region_code, name: `${r.group_name}${r.holder_name ? ` ${r.holder_name}` : ''}`, values: { holderPhone: r.holder_phone } };
  },
});

async function detail(ctx: Ctx, id: string) {
  const i = await findIncident(ctx.db, ctx.actor, id);
  if (!i) throw notFound('突发事件', 'Incident');
  return presentIncident(ctx.db, ctx.actor, i, ctx.clock());
}

export function incidentsRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/command/incidents';

    app.get(base, { config: read, schema: { tags, summary: '突发事件台账', querystring: IncidentQuery, response: { 200: Page(IncidentSummary) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listIncidents(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      return { items: items.map(presentSummary), total, page, pageSize };
    });

    app.get(`${base}/export`, { config: read, schema: { tags, summary: '导出突发事件台账（Excel，按当前筛选条件）', querystring: IncidentQuery, response: { 200: Type.Any(), 400: ErrorBody } } },
      async (req, reply) => {
        const { page: _p, pageSize: _s, ...f } = req.query;
        const buffer = await exportIncidents(req.ctx.db, req.ctx.actor, f);
        return sendXlsx(reply, buffer, `突发事件台账-${shanghaiDate(req.ctx.clock()).replaceAll('-', '')}.xlsx`);
      });

    app.post(`${base}/grade`, { config: read, schema: { tags, summary: '按伤亡和损失试算事件等级（接报时预览）', body: GradePreviewInput, response: { 200: GradePreview } } },
      async (req) => previewGrade(req.ctx, req.body));

    app.post(base, { config: write, schema: { tags, summary: '接报：登记突发事件', body: IncidentIntake, response: { 200: Incident, ...errors } } },
      async (req) => detail(req.ctx, await intake(req.ctx, req.body)));

    app.get(`${base}/tasks`, { config: read, schema: { tags, summary: '我的应急任务（分配给本人或本单位）', querystring: MyTaskQuery, response: { 200: Page(Task) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { page: _p, pageSize: _s, ...f } = req.query;
      const { items, total } = await listMyTasks(req.ctx.db, req.ctx.actor, f, page, pageSize);
      return { items: await presentTasks(req.ctx.db, items, req.ctx.clock(), req.ctx.actor), total, page, pageSize };
    });

    app.post(`${base}/tasks/:id/read`, { config: feedback, schema: { tags, summary: '签收任务', params: IdParams, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await readTask(req.ctx, req.params.id); return { ok: true }; });

    app.post(`${base}/tasks/:id/feedback`, { config: feedback, schema: { tags, summary: '反馈任务进展（文字、位置、照片和附件）', params: IdParams, body: FeedbackInput, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await submitFeedback(req.ctx, req.params.id, req.body); return { ok: true }; });

    app.post(`${base}/feedback/:id/review`, { config: write, schema: { tags, summary: '采纳或退回任务反馈', params: IdParams, body: Decide, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await reviewFeedback(req.ctx, req.params.id, req.body); return { ok: true }; });

    app.post(`${base}/level-changes/:id/decide`, { config: approve, schema: { tags, summary: '审批响应级别调整', params: IdParams, body: Decide, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await decideLevel(req.ctx, req.params.id, req.body); return { ok: true }; });

    app.post(`${base}/post/:id`, { config: write, schema: { tags, summary: '指定指挥部岗位人员', params: IdParams, body: PostAssign, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await assignPost(req.ctx, req.params.id, req.body); return { ok: true }; });

    app.post(`${base}/dispatches/:id/move`, { config: write, schema: { tags, summary: '更新调度状态（出发、到场、撤离）', params: IdParams, body: DispatchMove, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await moveDispatch(req.ctx, req.params.id, req.body.to, req.body.note); return { ok: true }; });

    app.post(`${base}/lessons/:id/complete`, { config: write, schema: { tags, summary: '落实经验教训（转为隐患或提请修订预案）', params: IdParams, body: LessonComplete, response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors } } },
      async (req) => { await completeLesson(req.ctx, req.params.id, req.body); return { ok: true }; });

    app.get(`${base}/:id`, { config: read, schema: { tags, summary: '突发事件详情（指挥视图）', params: IdParams, response: { 200: Incident, 404: ErrorBody } } },
      async (req) => detail(req.ctx, req.params.id));

    app.get(`${base}/:id/timeline`, { config: read, schema: { tags, summary: '事件时间线（可回放）', params: IdParams, response: { 200: Type.Array(TimelineItem), 404: ErrorBody } } }, async (req) => {
      if (!(await findIncident(req.ctx.db, req.ctx.actor, req.params.id))) throw notFound('突发事件', 'Incident');
      return presentTimeline(await listTimeline(req.ctx.db, req.params.id));
    });

    app.get(`${base}/:id/plans`, { config: read, schema: { tags, summary: '匹配的预案（排序及理由）与建议响应级别', params: IdParams, response: { 200: PlanMatches, 404: ErrorBody } } },
      async (req) => planMatches(req.ctx, req.params.id));

    app.get(`${base}/:id/nearest`, { config: read, schema: { tags, summary: '事发地附近的救援队伍、专家、物资、避难场所、装备', params: IdParams, querystring: NearestQueryIn, response: { 200: Nearby, ...errors } } },
      async (req) => nearest(req.ctx, req.params.id, req.query));

    const change = <B>(path: string, summary: string, body: B, config: { permission: 'command:write' | 'command:approve' }, run: (ctx: Ctx, id: string, b: never) => Promise<unknown>) =>
      app.post(`${base}/:id/${path}`, { config, schema: { tags, summary, params: IdParams, body: body as never, response: { 200: Incident, ...errors } } },
        async (req) => { await run(req.ctx, req.params.id, req.body as never); return detail(req.ctx, req.params.id); });

    change('facts', '核报伤亡和损失（重新定级）', FactsUpdate, write, updateFacts);
    change('start', '领导决策：启动应急响应', StartResponse, approve, startResponse);
    change('level-changes', '提请调整响应级别', ProposeLevel, write, proposeLevel);
    change('tasks', '下达任务', TaskCreate, write, addTask);
    change('dispatches', '调度资源', DispatchCreate, write, dispatch);
    change('messages', '记录指挥调度消息', MessageInput, write, (ctx, id, b: { text: string }) => postMessage(ctx, id, b.text));
    change('terminate', '终止应急响应（最终伤亡和损失）', Terminate, approve, terminate);
    change('review', '登记事件调查与总结评估', Review, write, review);
    change('lessons', '登记经验教训', LessonCreate, write, addLesson);
    change('close', '结案（经验教训全部落实后）', Type.Object({}), write, (ctx, id) => closeIncident(ctx, id));
  };
}
