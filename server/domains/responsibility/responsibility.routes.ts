// /api/responsibility: the 安委会 and its committees, meetings and decisions, 责任状, 责任清单, 督查督办 campaigns and
// the tracked tasks they hand to units (with the daily reminder and escalation scan).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Ok, Page, Uuid } from '../../../contracts/common.js';
import { PeriodQuery } from '../../../contracts/figures.js';
import {
  CampaignDetail, CampaignInput, CampaignQuery, Committee, CommitteeDetail, CommitteeQuery, Duty, DutyEdit, DutyInput, DutyQuery, FeedbackInput, FigureGroups, MeetingDetail,
  MeetingEdit, MeetingInput, MemberInput, Pledge, PledgeEdit, PledgeInput, PledgeQuery, PledgeStatus, RespTask, SignInput, SupervisionCampaign, TaskInput, TaskQuery,
} from '../../../contracts/responsibility.js';
import type { Platform } from '../../platform/context.js';
import { renderDocx } from '../../platform/docx/docx.js';
import { attachmentHeader } from '../../platform/excel/http.js';
import { paging } from '../../platform/http/types.js';
import { assignTasks, campaignDetail, campaignReport, createCampaign, editCampaign, presentCampaign, removeCampaign } from './campaigns.service.js';
import { listCampaigns } from './campaigns.store.js';
import { committeeDetail, committees, createMeeting, editMeeting, meetingDetail, removeMeeting, removeMember, saveMember } from './committees.service.js';
import { createDuty, editDuty, listDuties, removeDuty } from './duties.js';
import { reportFigures } from './figures.js';
import { createPledge, editPledge, pledgeStatus, pledgeYear, presentPledge, removePledge, sign } from './pledges.service.js';
import { listPledges } from './pledges.store.js';
import { answer, decide, editTask, presentTask, scheduleTaskScan, taskDetail, today, withdrawTask } from './tasks.service.js';
import { listTasks } from './tasks.store.js';

const tags = ['责任体系与督查督办 responsibility'];
const read = { permission: 'responsibility:read' } as const;
const write = { permission: 'responsibility:write' } as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const R = '/api/responsibility';

/** The responsibility domain as one plugin (with its hourly task scan). */
export function responsibilityRoutes(p: Platform): FastifyPluginAsyncTypebox {
  scheduleTaskScan(p);
  return async (app) => {
    // ——— committees ———
    app.get(`${R}/committees`, { config: read, schema: { tags, summary: '安委会及专业委员会', querystring: CommitteeQuery, response: { 200: Page(Committee) } } },
      async (req) => { const { page, pageSize } = paging(req.query); return committees(req.ctx, req.query, page, pageSize); });
    app.get(`${R}/committees/:id`, { config: read, schema: { tags, summary: '委员会成员单位与会议', params: IdParams, response: { 200: CommitteeDetail, 404: ErrorBody } } },
      async (req) => committeeDetail(req.ctx, req.params.id));
    app.post(`${R}/committees/:id/members`, { config: write, schema: { tags, summary: '增加或修改成员单位', params: IdParams, body: MemberInput,
      response: { 200: CommitteeDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => saveMember(req.ctx, req.params.id, req.body));
    app.delete(`${R}/committees/:id/members/:memberId`, { config: write, schema: { tags, summary: '移除成员单位', params: Type.Object({ id: Uuid, memberId: Uuid }),
      response: { 200: CommitteeDetail, 403: ErrorBody, 404: ErrorBody } } }, async (req) => removeMember(req.ctx, req.params.id, req.params.memberId));
    app.post(`${R}/committees/:id/meetings`, { config: write, schema: { tags, summary: '登记会议（纪要与议定事项，议定事项成为督办任务）', params: IdParams, body: MeetingInput,
      response: { 200: MeetingDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => createMeeting(req.ctx, req.params.id, req.body));
    app.put(`${R}/meetings/:id`, { config: write, schema: { tags, summary: '修改会议（日期、名称、纪要）', params: IdParams, body: MeetingEdit,
      response: { 200: MeetingDetail, 403: ErrorBody, 404: ErrorBody } } }, async (req) => editMeeting(req.ctx, req.params.id, req.body));
    app.delete(`${R}/meetings/:id`, { config: write, schema: { tags, summary: '删除误登记的会议（议定事项尚无反馈时）', params: IdParams,
      response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => removeMeeting(req.ctx, req.params.id));
    app.get(`${R}/meetings/:id`, { config: read, schema: { tags, summary: '会议详情与议定事项', params: IdParams, response: { 200: MeetingDetail, 404: ErrorBody } } },
      async (req) => meetingDetail(req.ctx, req.params.id));

    // ——— tasks ———
    app.get(`${R}/tasks`, { config: read, schema: { tags, summary: '督办任务（本单位/辖区）', querystring: TaskQuery, response: { 200: Page(RespTask) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listTasks(req.ctx.db, req.ctx.actor.scope, req.query, today(req.ctx), page, pageSize);
      return { items: items.map(presentTask), total, page, pageSize };
    });
    app.get(`${R}/tasks/:id`, { config: read, schema: { tags, summary: '督办任务详情', params: IdParams, response: { 200: RespTask, 404: ErrorBody } } },
      async (req) => taskDetail(req.ctx, req.params.id));
    app.put(`${R}/tasks/:id`, { config: write, schema: { tags, summary: '修改督办事项（事项、承办单位、期限）', params: IdParams, body: TaskInput,
      response: { 200: RespTask, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => editTask(req.ctx, req.params.id, req.body));
    app.delete(`${R}/tasks/:id`, { config: write, schema: { tags, summary: '撤回尚未反馈的督办事项', params: IdParams,
      response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => withdrawTask(req.ctx, req.params.id));
    app.post(`${R}/tasks/:id/feedback`, { config: write, schema: { tags, summary: '承办单位反馈办理情况（可附材料）', params: IdParams, body: FeedbackInput,
      response: { 200: RespTask, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => answer(req.ctx, req.params.id, req.body));
    app.post(`${R}/tasks/:id/close`, { config: write, schema: { tags, summary: '督办单位确认办结', params: IdParams,
      response: { 200: RespTask, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => decide(req.ctx, req.params.id, 'done'));
    app.post(`${R}/tasks/:id/return`, { config: write, schema: { tags, summary: '督办单位退回反馈（重新办理）', params: IdParams,
      response: { 200: RespTask, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => decide(req.ctx, req.params.id, 'open'));

    // ——— pledges ———
    app.get(`${R}/pledges`, { config: read, schema: { tags, summary: '安全生产责任状', querystring: PledgeQuery, response: { 200: Page(Pledge) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listPledges(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
      return { items: items.map(presentPledge), total, page, pageSize };
    });
    app.get(`${R}/pledges/status`, { config: read, schema: { tags, summary: '年度责任状签订情况（按类型；未签订名单）；不指定年度时为今年，今年还没有登记则为最近有登记的年度',
      querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }), response: { 200: PledgeStatus } } },
      async (req) => pledgeStatus(req.ctx, req.query.year ?? await pledgeYear(req.ctx, Number(today(req.ctx).slice(0, 4)))));
    app.post(`${R}/pledges`, { config: write, schema: { tags, summary: '登记责任状', body: PledgeInput, response: { 200: Pledge, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } },
      async (req) => createPledge(req.ctx, req.body));
    app.post(`${R}/pledges/:id/sign`, { config: write, schema: { tags, summary: '登记签订（日期与签订文本）', params: IdParams, body: SignInput,
      response: { 200: Pledge, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => sign(req.ctx, req.params.id, req.body));

    app.put(`${R}/pledges/:id`, { config: write, schema: { tags, summary: '修改责任状（类型、目标、签订日期，更换签订文本）', params: IdParams, body: PledgeEdit,
      response: { 200: Pledge, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => editPledge(req.ctx, req.params.id, req.body));
    app.delete(`${R}/pledges/:id`, { config: write, schema: { tags, summary: '删除误登记的责任状', params: IdParams, response: { 200: Ok, 403: ErrorBody, 404: ErrorBody } } },
      async (req) => removePledge(req.ctx, req.params.id));

    // ——— duty lists ———
    app.get(`${R}/duties`, { config: read, schema: { tags, summary: '责任清单', querystring: DutyQuery, response: { 200: Page(Duty) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listDuties(req.ctx, req.query, page, pageSize);
      return { items, total, page, pageSize };
    });
    app.post(`${R}/duties`, { config: write, schema: { tags, summary: '增加责任清单条目', body: DutyInput, response: { 200: Duty, 400: ErrorBody, 404: ErrorBody } } },
      async (req) => createDuty(req.ctx, req.body));
    app.put(`${R}/duties/:id`, { config: write, schema: { tags, summary: '修改责任清单条目', params: IdParams, body: DutyEdit, response: { 200: Duty, 400: ErrorBody, 404: ErrorBody } } },
      async (req) => editDuty(req.ctx, req.params.id, req.body));
    app.delete(`${R}/duties/:id`, { config: write, schema: { tags, summary: '删除误录的责任清单条目', params: IdParams, response: { 200: Ok, 404: ErrorBody } } },
      async (req) => removeDuty(req.ctx, req.params.id));

    // ——— supervision campaigns ———
    app.get(`${R}/campaigns`, { config: read, schema: { tags, summary: '督查督办活动', querystring: CampaignQuery, response: { 200: Page(SupervisionCampaign) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listCampaigns(req.ctx.db, req.ctx.actor.scope, req.query, today(req.ctx), page, pageSize);
      return { items: items.map(presentCampaign), total, page, pageSize };
    });
    app.get(`${R}/campaigns/:id`, { config: read, schema: { tags, summary: '督查活动详情（督办事项、发现隐患）', params: IdParams, response: { 200: CampaignDetail, 404: ErrorBody } } },
      async (req) => campaignDetail(req.ctx, req.params.id));
    app.post(`${R}/campaigns`, { config: write, schema: { tags, summary: '发起督查', body: CampaignInput, response: { 200: CampaignDetail, 400: ErrorBody, 403: ErrorBody } } },
      async (req) => createCampaign(req.ctx, req.body));
    app.put(`${R}/campaigns/:id`, { config: write, schema: { tags, summary: '修改督查', params: IdParams, body: CampaignInput,
      response: { 200: CampaignDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => editCampaign(req.ctx, req.params.id, req.body));
    app.delete(`${R}/campaigns/:id`, { config: write, schema: { tags, summary: '删除误发起的督查（尚未交办事项时）', params: IdParams,
      response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => removeCampaign(req.ctx, req.params.id));
    app.post(`${R}/campaigns/:id/tasks`, { config: write, schema: { tags, summary: '交办督办事项', params: IdParams, body: Type.Object({ tasks: Type.Array(TaskInput, { minItems: 1, maxItems: 100 }) }),
      response: { 200: CampaignDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => assignTasks(req.ctx, req.params.id, req.body.tasks));
    // ——— the report's figures ———
    app.get(`${R}/figures`, { config: read, schema: { tags, summary: '工作总结第一、二部分的数字（任意期间、区划、单位；每个数字附其明细列表）', querystring: PeriodQuery,
      response: { 200: FigureGroups, 400: ErrorBody } } }, async (req) => reportFigures(req.ctx, req.query));
    app.get(`${R}/campaigns/:id/report.docx`, { config: read, schema: { tags, summary: '督查情况通报（Word）', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } },
      async (req, reply) => {
        const m = await campaignReport(req.ctx, req.params.id);
        return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`${m.number}${m.title}.docx`)).send(await renderDocx(m));
      });
  };
}
