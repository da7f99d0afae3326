// /api/command/duty/…: the roster (month grid, Excel export and import), the current shift, handovers, the duty log and the
// duty desk; /api/command/mode: the peacetime/emergency switch.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CommandMode, CurrentQuery, CurrentShift, DUTY_LOG_KINDS, DutyDesk, DutyLog, DutyLogCreate, DutyLogQuery, DutyPerson, Handover, HandoverCreate, HandoverQuery,
  HandoverReceive, Roster, RosterImportResult, RosterQuery, RosterUpdate,
} from '../../../../contracts/command-duty.js';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import type { Ctx, Platform } from '../../../platform/context.js';
import { exportXlsx } from '../../../platform/excel/xlsx.js';
import { date, text } from '../../../platform/excel/columns.js';
import { readUpload, sendXlsx } from '../../../platform/excel/http.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { maySee, revealable } from '../../../platform/personal/personal.js';
import { commandMode, dutyDesk, presentHandover, presentLogs } from './desk.js';
import { DUTY_ROLE_CODES, dutyCandidates, findDutyLog, findHandover, listDutyLogs, listHandovers, peopleByIds } from './duty.store.js';
import { createDutyLog, createHandover, currentShift, getRoster, personOf, receiveHandover, setRoster } from './duty.service.js';
import { exportRoster, importRoster } from './roster.excel.js';

const tags = ['应急指挥 command'];
const read = { permission: 'command:read' } as const;
const write = { permission: 'command:write' } as const;

async function handover(ctx: Ctx, id: string) {
  const h = await findHandover(ctx.db, ctx.actor, id);
  if (!h) throw notFound('交接班记录', 'Handover');
  return presentHandover(ctx, h);
}

const LOG_COLUMNS = [
  { key: 'dutyDate', header: '值班日期', type: date() }, { key: 'shiftLabel', header: '班次', type: text() }, { key: 'time', header: '时间', type: text() },
  { key: 'kindLabel', header: '类别', type: text() }, { key: 'party', header: '来电人/单位', type: text() }, { key: 'phone', header: '电话', type: text() },
  { key: 'content', header: '内容', type: text({ max: 4000 }), width: 50 }, { key: 'actionTaken', header: '处理情况', type: text({ max: 4000 }), width: 40 },
  { key: 'incidentTitle', header: '关联事件', type: text() }, { key: 'recordedBy', header: '记录人', type: text() },
];

// Personal data: callers' phones in the duty log and the on-duty people's phones are shown masked; one is revealed
// (audited) through POST /api/personal/reveal.
revealable({
  entity: 'duty_log', label: '值班日志', read: ['command:read'], fields: { phone: 'phone' },
  async load(ctx, tx, id) {
    const l = await findDutyLog(tx, ctx.actor, id);
    return l && { regionCode: l.region_code, name: l.party, values: { phone: l.phone } };
  },
});
revealable({
  entity: 'duty_person', label: '值班人员', read: ['command:read'], fields: { phone: 'phone' },
  async load(_ctx, tx, id) {
    // Only people who can be put on a duty roster (accounts with a command role), not any account.
    const [p] = (await peopleByIds(tx, [id])).filter((r) => r.roles.some((c) => DUTY_ROLE_CODES.includes(c)));
    return p && { name: p.display_name, values: { phone: p.phone } };
  },
});

/** The duty routes (one line in app.ts). */
export function dutyRoutes(_p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/api/command/duty/roster', { config: read, schema: { tags, summary: '月度值班表（每天每个班次的带班领导和值班员）', querystring: RosterQuery,
      response: { 200: Roster, 404: ErrorBody } } }, async (req) => getRoster(req.ctx, req.query.month, req.query.regionCode));

    app.put('/api/command/duty/roster', { config: write, schema: { tags, summary: '保存值班表单元格（整格替换；空名单即清空）', body: RosterUpdate,
      response: { 200: Type.Object({ regionCode: Type.String(), written: Type.Integer() }), 400: ErrorBody, 404: ErrorBody } } }, async (req) => setRoster(req.ctx, req.body));

    app.get('/api/command/duty/roster.xlsx', { config: read, schema: { tags, summary: '导出月度值班表（Excel）', querystring: RosterQuery,
      response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
      const { buffer, filename } = await exportRoster(req.ctx, req.query.month, req.query.regionCode);
      return sendXlsx(reply, buffer, filename);
    });

    app.post('/api/command/duty/roster/import', { config: write, schema: { tags, summary: '导入值班表（Excel，与导出格式相同；有错误时不写入）',
      querystring: Type.Object({ regionCode: Type.Optional(RosterQuery.properties.regionCode) }), response: { 200: RosterImportResult, 400: ErrorBody, 415: ErrorBody } } }, async (req) => {
      const { buffer } = await readUpload(req);
      return importRoster(req.ctx, buffer, req.query.regionCode);
    });

    app.get('/api/command/duty/people', { config: read, schema: { tags, summary: '可排班人员（有应急指挥权限的账号）',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 30 })) }), response: { 200: Type.Array(DutyPerson) } } },
    async (req) => (await dutyCandidates(req.ctx.db, req.query.q, 100)).map(personOf));

    app.get('/api/command/duty/current', { config: read, schema: { tags, summary: '当前班次及值班人员、下一班次', querystring: CurrentQuery,
      response: { 200: Type.Union([CurrentShift, Type.Null()]), 404: ErrorBody } } }, async (req) => currentShift(req.ctx, req.query.regionCode, req.query.at));

    app.get('/api/command/duty/handovers', { config: read, schema: { tags, summary: '交接班记录', querystring: HandoverQuery, response: { 200: Page(Handover) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listHandovers(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      return { items: await Promise.all(items.map((h) => presentHandover(req.ctx, h))), total, page, pageSize };
    });
    app.post('/api/command/duty/handovers', { config: write, schema: { tags, summary: '交班（本班次值班人员办理，交给下一班次）', body: HandoverCreate,
      response: { 200: Handover, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody } } }, async (req) => handover(req.ctx, await createHandover(req.ctx, req.body)));
    app.post('/api/command/duty/handovers/:id/receive', { config: write, schema: { tags, summary: '接班确认（下一班次值班人员，不能是交班人）', params: IdParams, body: HandoverReceive,
      response: { 200: Handover, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
      await receiveHandover(req.ctx, req.params.id, req.body.note);
      return handover(req.ctx, req.params.id);
    });

    app.get('/api/command/duty/logs', { config: read, schema: { tags, summary: '值班日志', querystring: DutyLogQuery, response: { 200: Page(DutyLog) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listDutyLogs(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      return { items: await presentLogs(req.ctx, items), total, page, pageSize };
    });
    app.get('/api/command/duty/logs.xlsx', { config: read, schema: { tags, summary: '导出值班日志（Excel，最多 5000 条）', querystring: DutyLogQuery,
      response: { 200: Type.Any() } } }, async (req, reply) => {
      const { items } = await listDutyLogs(req.ctx.db, req.ctx.actor, req.query, 1, 5000);
      // Callers' phones in full only for a role holding personal:phone, and then audited (one record per export).
      const full = maySee(req.ctx.actor, 'phone') && items.some((l) => l.phone);
      if (full) await req.ctx.audit.recordAlone(req.ctx.db, req.ctx.actor, req.ctx.meta, { action: 'personal.export', entityType: 'duty_log', after: { what: '导出值班日志（含完整电话号码）', fields: ['phone'], records: items.length } });
      const rows = (await presentLogs(req.ctx, items, full)).map((l) => ({ ...l, time: new Date(Date.parse(l.at) + 8 * 3600_000).toISOString().slice(11, 16),
        kindLabel: DUTY_LOG_KINDS[l.kind as keyof typeof DUTY_LOG_KINDS] ?? l.kind, recordedBy: l.recordedBy.name }));
      return sendXlsx(reply, await exportXlsx(LOG_COLUMNS, rows, { sheet: '值班日志' }), `值班日志-${new Date().toISOString().slice(0, 10)}.xlsx`);
    });
    app.post('/api/command/duty/logs', { config: write, schema: { tags, summary: '记录值班日志（来电、通知、处置）', body: DutyLogCreate,
      response: { 200: DutyLog, 400: ErrorBody } } }, async (req) => {
      const row = await findDutyLog(req.ctx.db, req.ctx.actor, await createDutyLog(req.ctx, req.body));
      if (!row) throw notFound('值班日志', 'Duty log');
      return (await presentLogs(req.ctx, [row]))[0];
    });

    app.get('/api/command/duty/desk', { config: read, schema: { tags, summary: '值班台：当前班次、新接报、在办事件、待接班、最近日志',
      querystring: Type.Object({ regionCode: Type.Optional(RosterQuery.properties.regionCode) }), response: { 200: DutyDesk } } },
    async (req) => dutyDesk(req.ctx, req.query.regionCode));

    app.get('/api/command/mode', { config: read, schema: { tags, summary: '平战转换：是否有达到设定响应级别的在办事件（战时指挥视图）',
      response: { 200: CommandMode } } }, async (req) => commandMode(req.ctx));
  };
}
