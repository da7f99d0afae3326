// /api/command/incidents/:id/reports…: 信息报送 of one incident (draft, edit, submit, approve, return, send, Word and
// EDXL-SitRep export, deadlines), and /api/command/reports: the reports ledger across incidents.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  IncidentReport, IncidentReports, REPORT_KINDS, REPORT_STATUSES, ReportCreate, ReportDecision, ReportEdit, ReportListItem, ReportListQuery, ReportParams,
  ReportReturn, type ReportDue,
} from '../../../../contracts/command-reports.js';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import type { Permission } from '../../../../contracts/roles.js';
import type { Ctx, Platform } from '../../../platform/context.js';
import { renderDocx } from '../../../platform/docx/docx.js';
import { attachmentHeader } from '../../../platform/excel/http.js';
import { notFound } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { findIncidentBrief } from '../incidents/directory.js';
import { reportDocModel, reportSitRep } from './reports.document.js';
import { maskRecipients } from './reports.personal.js';
import { scheduleReportScan } from './reports.scan.js';
import { actionsOf, draftReport, editReport, ensureDues, moveReport, nextKindOf, visibleIncident } from './reports.service.js';
import { type DueRow, duesOf, listReports, reportsOf, type ReportRow } from './reports.store.js';

const tags = ['应急指挥 command'];
const read = { permission: 'command:read' } as const;
const write = { permission: 'command:write' } as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** A report row as the API shows it, with the moves the caller may make. */
export function presentReport(ctx: Ctx, r: ReportRow) {
  return {
    id: r.id, incidentId: r.incident_id, kind: r.kind, kindLabel: r.kind === 'follow_up' ? `续报（第${r.seq}次）` : REPORT_KINDS[r.kind], seq: r.seq, number: r.number,
    status: r.status, statusLabel: REPORT_STATUSES[r.status], title: r.title, content: r.content, draftedBy: { id: r.drafted_by, name: r.drafted_by_name },
    draftedAt: iso(r.drafted_at)!, submittedAt: iso(r.submitted_at), approvedBy: r.approved_by ? { id: r.approved_by, name: r.approved_by_name ?? '' } : null,
    approvedAt: iso(r.approved_at), approvalNote: r.approval_note, returnedNote: r.returned_note, sentBy: r.sent_by ? { id: r.sent_by, name: r.sent_by_name ?? '' } : null,
    sentAt: iso(r.sent_at), recipients: maskRecipients(r.recipients), actions: actionsOf(ctx, r),
  };
}

/** A deadline as the API shows it, judged at `now`. */
export function presentDue(d: DueRow, now: Date): ReportDue {
  const due = new Date(d.due_at).getTime();
  return {
    id: d.id, kind: d.kind, kindLabel: REPORT_KINDS[d.kind], dueAt: iso(d.due_at)!, basis: d.basis, metAt: iso(d.met_at), metReportId: d.met_report_id,
    overdue: !d.met_at && due <= now.getTime(), late: !!d.met_at && new Date(d.met_at).getTime() > due, remindedAt: iso(d.reminded_at),
  };
}

async function incidentReports(ctx: Ctx, incidentId: string) {
  const b = await visibleIncident(ctx, incidentId);
  // Deadlines appear as soon as someone looks, not only when the scan next runs.
  await ctx.db.tx((tx) => ensureDues(tx, b, ctx.clock()));
  const reports = await reportsOf(ctx.db, incidentId);
  const dues = await duesOf(ctx.db, [incidentId]);
  return {
    incident: { id: b.id, number: b.number, title: b.title, status: b.status },
    reports: reports.map((r) => presentReport(ctx, r)), dues: dues.map((d) => presentDue(d, ctx.clock())), nextKind: nextKindOf(b, reports),
  };
}

async function oneReport(ctx: Ctx, incidentId: string, id: string) {
  await visibleIncident(ctx, incidentId);
  const reports = await reportsOf(ctx.db, incidentId);
  const i = reports.findIndex((r) => r.id === id);
  if (i < 0) throw notFound('报告', 'Report');
  return { r: reports[i], ordinal: i + 1, previousId: i > 0 ? reports[i - 1].id : null };
}

/** The reports routes and the deadline scan (one line in app.ts). */
export function reportsRoutes(p: Platform): FastifyPluginAsyncTypebox {
  return async (app) => {
    scheduleReportScan(p);
    app.get('/api/command/incidents/:id/reports', { config: read, schema: { tags, summary: '事件的信息报送：初报、续报、终报及报送期限', params: IdParams,
      response: { 200: IncidentReports, 404: ErrorBody } } }, async (req) => incidentReports(req.ctx, req.params.id));

    app.post('/api/command/incidents/:id/reports', { config: write, schema: { tags, summary: '从事件记录起草报告（初报、续报、终报）', params: IdParams, body: ReportCreate,
      response: { 200: IncidentReport, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
      const id = await draftReport(req.ctx, req.params.id, req.body.kind);
      return presentReport(req.ctx, (await oneReport(req.ctx, req.params.id, id)).r);
    });

    app.get('/api/command/incidents/:id/reports/:reportId', { config: read, schema: { tags, summary: '报告详情', params: ReportParams,
      response: { 200: IncidentReport, 404: ErrorBody } } }, async (req) => presentReport(req.ctx, (await oneReport(req.ctx, req.params.id, req.params.reportId)).r));

    app.patch('/api/command/incidents/:id/reports/:reportId', { config: write, schema: { tags, summary: '修改报告草稿（起草人）', params: ReportParams, body: ReportEdit,
      response: { 200: IncidentReport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
      await editReport(req.ctx, req.params.id, req.params.reportId, req.body);
      return presentReport(req.ctx, (await oneReport(req.ctx, req.params.id, req.params.reportId)).r);
    });

    const approve: { permission: Permission } = { permission: 'command:approve' };
    const move = (m: 'submit' | 'approve' | 'return' | 'send', summary: string, body: typeof ReportDecision | typeof ReportReturn) =>
      app.post(`/api/command/incidents/:id/reports/:reportId/${m}`, { config: m === 'approve' || m === 'return' ? approve : { permission: 'command:write' as Permission }, schema: { tags, summary, params: ReportParams, body,
        response: { 200: IncidentReport, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } } }, async (req) => {
        const { id, reportId } = req.params as { id: string; reportId: string };
        await moveReport(req.ctx, id, reportId, m, (req.body as { note?: string }).note);
        return presentReport(req.ctx, (await oneReport(req.ctx, id, reportId)).r);
      });
    move('submit', '提交审核（起草人）', ReportDecision);
    move('approve', '审核通过（局领导等有审批权限者，不能是起草人）', ReportDecision);
    move('return', '退回修改（须说明原因）', ReportReturn);
    move('send', '报送上级（按规则中的接收方发送短信和站内信，并记入事件时间线）', ReportDecision);

    app.get('/api/command/incidents/:id/reports/:reportId/docx', { config: read, schema: { tags, summary: '下载报告 Word 文件（.docx）', params: ReportParams,
      response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
      const { r } = await oneReport(req.ctx, req.params.id, req.params.reportId);
      const b = (await findIncidentBrief(req.ctx.db, req.params.id, req.ctx.actor))!;
      const buf = await renderDocx(reportDocModel(r, b.number));
      return reply.header('content-type', DOCX).header('content-disposition', attachmentHeader(`${r.number}${r.title}.docx`)).send(buf);
    });

    app.get('/api/command/incidents/:id/reports/:reportId/sitrep.xml', { config: read, schema: { tags, summary: '导出 EDXL-SitRep 1.0 XML（态势报告，供系统间交换）',
      params: ReportParams, response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
      const { r, ordinal, previousId } = await oneReport(req.ctx, req.params.id, req.params.reportId);
      const b = (await findIncidentBrief(req.ctx.db, req.params.id, req.ctx.actor))!;
      return reply.header('content-type', 'application/xml; charset=utf-8').header('content-disposition', attachmentHeader(`${r.number}.xml`))
        .send(reportSitRep(r, b, { ordinal, previousId }));
    });

    app.get('/api/command/reports', { config: read, schema: { tags, summary: '信息报送台账（本辖区各事件的报告）', querystring: ReportListQuery,
      response: { 200: Page(ReportListItem) } } }, async (req) => {
      const { page, pageSize } = paging(req.query);
      const { items, total } = await listReports(req.ctx.db, req.ctx.actor, req.query, page, pageSize);
      const briefs = new Map<string, { number: string; title: string }>();
      for (const id of new Set(items.map((r) => r.incident_id))) {
        const b = await findIncidentBrief(req.ctx.db, id);
        if (b) briefs.set(id, b);
      }
      return {
        items: items.map((r) => ({
          id: r.id, incidentId: r.incident_id, incidentNumber: briefs.get(r.incident_id)?.number ?? '', incidentTitle: briefs.get(r.incident_id)?.title ?? '',
          kind: r.kind, kindLabel: presentReport(req.ctx, r).kindLabel, seq: r.seq, number: r.number, status: r.status, statusLabel: REPORT_STATUSES[r.status], title: r.title,
          draftedBy: r.drafted_by_name, draftedAt: iso(r.drafted_at)!, sentAt: iso(r.sent_at), dueAt: iso(r.due_at),
          late: !!(r.due_at && r.sent_at && new Date(r.sent_at).getTime() > new Date(r.due_at).getTime()),
        })),
        total, page, pageSize,
      };
    });
  };
}
