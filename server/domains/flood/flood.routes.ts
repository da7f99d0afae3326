// /api/flood: the flood registry and its responsible-person roster, 备汛检查 (teams, batches, findings → hazards,
// coverage), flood plans, responses with 叫应 tracking and re-sending, and transfers. Registered by one line in app.ts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, Uuid } from '../../../contracts/common.js';
import {
  AckInput, Batch, BatchDetail, BatchInput, BatchQuery, Coverage, CoverageQuery, Facility, FacilityImportResult, FacilityInput, FacilityLive, FacilityQuery, FindingInput, Plan, PlanInput,
  PlanQuery, ResendResult, Response, ResponseInput, ResponseQuery, Task, TaskParams, TaskQuery, Team, TeamInput, TeamListItem, TeamQuery, Transfer, TransferInput, TransferParams,
} from '../../../contracts/flood.js';
import type { Platform } from '../../platform/context.js';
import { attachmentHeader, readUpload, sendXlsx } from '../../platform/excel/http.js';
import { templateXlsx } from '../../platform/excel/xlsx.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { exportRoster } from './flood.export.js';
import { FACILITY_COLUMNS, importFacilities, MAX_IMPORT_ROWS, TEMPLATE_EXAMPLE, TEMPLATE_NOTES } from './flood.import.js';
import { facilityLive, liveBoard } from './flood.live.js';
import { noticeDocx } from './flood.notice.js';
import {
  ACK_MINUTES, ackTask, addFinding, createBatch, createFacility, createPlan, createTeam, deleteFacility, editFacility, endResponse, resendUnacked, startResponse, updateTransfer,
} from './flood.service.js';
import {
  batchFacilities, batchFindings, coverage, findBatch, findFacility, findResponse, listBatches, listFacilities, listPlans, listResponses, listTasks, listTeamPage, listTeams, noticeFindings,
  listTransfers,
} from './flood.store.js';
import { exportPersonal } from '../../platform/personal/personal.js';
import { maskFacility, maskTask } from './flood.personal.js';

const tags = ['防汛 flood'];
const read = { permission: 'disaster:read' } as const;
const write = { permission: 'disaster:write' } as const;
const E = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const P = '/api/flood';
const Created = Type.Object({ id: Type.String() });
const ImportQuery = Type.Object({ mode: Type.Optional(Type.Union([Type.Literal('all'), Type.Literal('valid-only')], { description: 'all：有错误时整份不导入（默认）；valid-only：只导入无误的行' })) });

/** The flood domain as one plugin. */
export function floodRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    // ── facilities and roster ──
    app.get(`${P}/facilities`, { config: read, schema: { tags, summary: '防汛设施列表（水库、水闸、堤防、万亩垸、山洪危险区、水电站）', querystring: FacilityQuery, response: { 200: Page(Facility) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listFacilities(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
      return { items: items.map(maskFacility), total, page, pageSize };
    });
    app.get(`${P}/facilities/roster.xlsx`, { config: read, schema: { tags, summary: '导出防汛责任人名单（Excel）', querystring: FacilityQuery, response: { 200: Type.Any(), 400: ErrorBody } } }, async (req, reply) =>
      sendXlsx(reply, await exportRoster(req.ctx, req.query), `防汛责任人名单-${shanghaiDate(req.ctx.clock()).replaceAll('-', '')}.xlsx`));
    app.get(`${P}/facilities/:id`, { config: read, schema: { tags, summary: '防汛设施详情', params: IdParams, response: { 200: Facility, 404: ErrorBody } } }, async (req) => {
      const f = await findFacility(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!f) throw notFound('防汛设施', 'Flood facility');
      return maskFacility(f);
    });
    app.post(`${P}/facilities`, { config: write, schema: { tags, summary: '登记防汛设施及三个责任人', body: FacilityInput, response: { 200: Facility, ...E } } },
      async (req) => maskFacility(await createFacility(req.ctx, req.body)));
    app.put(`${P}/facilities/:id`, { config: write, schema: { tags, summary: '修改防汛设施', params: IdParams, body: FacilityInput, response: { 200: Facility, ...E } } },
      async (req) => maskFacility(await editFacility(req.ctx, req.params.id, req.body)));

    app.delete(`${P}/facilities/:id`, { config: write, schema: { tags, summary: '删除误登记的防汛设施（已有检查、预案或响应记录的不能删除）', params: IdParams, response: { 204: Type.Null(), ...E } } },
      async (req, reply) => { await deleteFacility(req.ctx, req.params.id); return reply.status(204).send(null); });
    app.get(`${P}/facilities/import-template`, { config: write, schema: { tags, summary: '下载防汛设施导入模板（.xlsx）', response: { 200: Type.Any() } } },
      async (_req, reply) => sendXlsx(reply, await templateXlsx(FACILITY_COLUMNS, { sheet: '防汛设施', notes: TEMPLATE_NOTES, examples: TEMPLATE_EXAMPLE }), '防汛设施导入模板.xlsx'));
    app.post(`${P}/facilities/import`, { config: write, schema: { tags, summary: `导入防汛设施（multipart/form-data，类别+区划+名称相同的更新，否则新增；最多 ${MAX_IMPORT_ROWS} 行）`,
      consumes: ['multipart/form-data'], querystring: ImportQuery, response: { 200: FacilityImportResult, 400: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody } } }, async (req) => {
      const { buffer, filename, fields } = await readUpload(req);
      return importFacilities(req.ctx, buffer, filename || '防汛设施导入.xlsx', req.query.mode ?? (fields.mode === 'valid-only' ? 'valid-only' : 'all'));
    });
    app.get(`${P}/live`, { config: read, schema: { tags, summary: '实时水雨情：接入监测的水库水位对照汛限、设计洪水位，山洪危险区雨量对照临界雨量（最严重的在前）', response: { 200: Type.Array(FacilityLive) } } },
      async (req) => liveBoard(req.ctx.db, req.ctx.actor.scope, req.ctx.clock()));
    app.get(`${P}/facilities/:id/live`, { config: read, schema: { tags, summary: '设施的实时水位、雨量及状态', params: IdParams, response: { 200: FacilityLive, 404: ErrorBody } } }, async (req) => {
      const f = await findFacility(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!f) throw notFound('防汛设施', 'Flood facility');
      return facilityLive(req.ctx.db, f, req.ctx.clock());
    });

    // ── 备汛检查 ──
    app.get(`${P}/coverage`, { config: read, schema: { tags, summary: '备汛检查覆盖情况与隐患整改统计', querystring: CoverageQuery, response: { 200: Coverage } } },
      async (req) => coverage(req.ctx.db, req.ctx.actor.scope, req.query.season, req.query.asOf ?? shanghaiDate(req.ctx.clock())));
    app.get(`${P}/teams`, { config: read, schema: { tags, summary: '备汛检查组', response: { 200: Type.Array(Team) } } }, async (req) => listTeams(req.ctx.db, req.ctx.actor.scope));
    app.get(`${P}/team-list`, { config: read, schema: { tags, summary: '备汛检查组（分页；按层级、检查日期）', querystring: TeamQuery, response: { 200: Page(TeamListItem) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      return { ...(await listTeamPage(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize)), page, pageSize };
    });
    app.post(`${P}/teams`, { config: write, schema: { tags, summary: '建立备汛检查组', body: TeamInput, response: { 200: Team, ...E } } }, async (req) => createTeam(req.ctx, req.body));
    app.get(`${P}/batches`, { config: read, schema: { tags, summary: '备汛检查批次', querystring: BatchQuery, response: { 200: Page(Batch) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      return { ...(await listBatches(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize)), page, pageSize };
    });
    const batchDetail = async (db: Parameters<typeof findBatch>[0], scope: Parameters<typeof findBatch>[1], id: string) => {
      const b = await findBatch(db, scope, id);
      if (!b) throw notFound('检查批次', 'Inspection batch');
      return { ...b, facilityList: await batchFacilities(db, id), findingList: await batchFindings(db, id) };
    };
    app.post(`${P}/batches`, { config: write, schema: { tags, summary: '登记检查批次（检查组、日期、检查的设施）', body: BatchInput, response: { 200: BatchDetail, ...E } } },
      async (req) => batchDetail(req.ctx.db, req.ctx.actor.scope, await createBatch(req.ctx, req.body)));
    app.get(`${P}/batches/:id`, { config: read, schema: { tags, summary: '检查批次详情：设施与发现的问题（隐患）', params: IdParams, response: { 200: BatchDetail, 404: ErrorBody } } },
      async (req) => batchDetail(req.ctx.db, req.ctx.actor.scope, req.params.id));
    app.get(`${P}/batches/:id/notice.docx`, { config: read, schema: { tags, summary: '防汛隐患整改通知书（Word，一单四制：责任、措施、资金、时限、预案）', params: IdParams,
      querystring: Type.Object({ hazardId: Type.Optional(Uuid) }), response: { 200: Type.Any(), 400: ErrorBody, 404: ErrorBody } } }, async (req, reply) => {
      const b = await findBatch(req.ctx.db, req.ctx.actor.scope, req.params.id);
      if (!b) throw notFound('检查批次', 'Inspection batch');
      const findings = (await noticeFindings(req.ctx.db, b.id)).filter((f) => !req.query.hazardId || f.hazard_id === req.query.hazardId);
      if (!findings.length) throw badRequest(req.query.hazardId ? '该问题不属于本检查批次' : '本批次没有发现问题，无需下达整改通知书', 'No findings');
      // The notice is served on the responsible town, which must be able to call the person in charge: it carries the
      // phone in full for a role holding personal:phone (audited as personal.export), masked for anyone else (issue #11).
      const printed = await exportPersonal(req.ctx, findings, { responsible_phone: 'phone' }, { entityType: 'flood_batch', label: `防汛隐患整改通知书（${b.number}）` });
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`防汛隐患整改通知书-${b.number}${req.query.hazardId ? `-${findings[0].number}` : ''}.docx`))
        .send(await noticeDocx(b, printed, shanghaiDate(req.ctx.clock())));
    });
    app.post(`${P}/batches/:id/findings`, { config: write, schema: { tags, summary: '登记检查发现的问题（作为隐患按一单四制交办整改）', params: IdParams, body: FindingInput, response: { 200: Created, ...E } } },
      async (req) => ({ id: (await addFinding(req.ctx, req.params.id, req.body)).id }));

    // ── plans ──
    app.get(`${P}/plans`, { config: read, schema: { tags, summary: '防汛方案预案（工程、乡镇、村）', querystring: PlanQuery, response: { 200: Page(Plan) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      return { ...(await listPlans(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize)), page, pageSize };
    });
    app.post(`${P}/plans`, { config: write, schema: { tags, summary: '登记防汛方案预案', body: PlanInput, response: { 200: Created, ...E } } }, async (req) => ({ id: await createPlan(req.ctx, req.body) }));

    // ── responses ──
    app.get(`${P}/responses`, { config: read, schema: { tags, summary: '防汛应急响应', querystring: ResponseQuery, response: { 200: Page(Response) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      return { ...(await listResponses(req.ctx.db, req.ctx.actor.scope, req.query.open, req.ctx.clock(), ACK_MINUTES, page, pageSize)), page, pageSize };
    });
    app.post(`${P}/responses`, { config: write, schema: { tags, summary: '启动防汛应急响应（向所涉乡镇全部责任人下达任务）', body: ResponseInput, response: { 200: Type.Object({ id: Type.String(), number: Type.String() }), ...E } } },
      async (req) => startResponse(req.ctx, req.body));
    app.get(`${P}/responses/:id/tasks`, { config: read, schema: { tags, summary: '响应任务与叫应情况', params: IdParams, querystring: TaskQuery, response: { 200: Page(Task), 404: ErrorBody } } }, async (req) => {
      if (!(await findResponse(req.ctx.db, req.ctx.actor.scope, req.params.id))) throw notFound('防汛应急响应', 'Flood response');
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listTasks(req.ctx.db, req.ctx.actor.scope, req.params.id, req.query, req.ctx.clock(), ACK_MINUTES, page, pageSize);
      return { items: items.map(maskTask), total, page, pageSize };
    });
    app.post(`${P}/responses/:id/resend`, { config: write, schema: { tags, summary: '向未确认的责任人重发', params: IdParams, response: { 200: ResendResult, ...E } } },
      async (req) => resendUnacked(req.ctx, req.params.id));
    app.post(`${P}/responses/:id/tasks/:taskId/ack`, { config: write, schema: { tags, summary: '登记责任人确认（本人或电话确认）', params: TaskParams, body: AckInput, response: { 204: Type.Null(), ...E } } },
      async (req, reply) => { await ackTask(req.ctx, req.params.id, req.params.taskId, req.body.note); return reply.status(204).send(null); });
    app.post(`${P}/responses/:id/end`, { config: write, schema: { tags, summary: '终止防汛应急响应', params: IdParams, response: { 204: Type.Null(), ...E } } },
      async (req, reply) => { await endResponse(req.ctx, req.params.id); return reply.status(204).send(null); });
    app.get(`${P}/responses/:id/transfers`, { config: read, schema: { tags, summary: '危险区人员转移（应转移、已转移、已返回）', params: IdParams, response: { 200: Type.Array(Transfer), 404: ErrorBody } } }, async (req) => {
      if (!(await findResponse(req.ctx.db, req.ctx.actor.scope, req.params.id))) throw notFound('防汛应急响应', 'Flood response');
      return listTransfers(req.ctx.db, req.ctx.actor.scope, req.params.id);
    });
    app.put(`${P}/responses/:id/transfers/:facilityId`, { config: write, schema: { tags, summary: '更新危险区人员转移人数', params: TransferParams, body: TransferInput, response: { 204: Type.Null(), ...E } } },
      async (req, reply) => { await updateTransfer(req.ctx, req.params.id, req.params.facilityId, req.body); return reply.status(204).send(null); });
  };
}
