// /api/disaster/relief: allocations, household distributions (ID numbers masked; full number on request, audited) and the 专项督查.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery, Uuid } from '../../../../contracts/common.js';
import { Allocation, AllocationInput, PAY_METHODS, AllocationQuery, Audit, AuditDetail, AuditQuery, AuditInput, CheckInput, Distribution, DistributionInput, DistributionQuery } from '../../../../contracts/disaster.js';
import { attachmentHeader, sendXlsx } from '../../../platform/excel/http.js';
import { decimal, int, oneOf, text } from '../../../platform/excel/columns.js';
import { exportXlsx, type XlsxColumn } from '../../../platform/excel/xlsx.js';
import { badRequest } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { auditReportDocx } from './relief.docx.js';
import {
  allocationDetail, auditDetail, createAllocation, createAudit, createDistribution, presentAllocation, presentAudit, presentDistribution, recordAuditCheck, revealIdNumber,
} from './relief.service.js';
import { revealable } from '../../../platform/personal/personal.js';
import { findDistribution, listAllocations, listAudits, listDistributions } from './relief.store.js';

const tags = ['救灾资金 relief funds'];
const read = { permission: 'disaster:read' } as const;
const write = { permission: 'disaster:write' } as const;
const P = '/api/disaster/relief';
const MAX_EXPORT = 20_000;
// The household roster as towns publish it (ID numbers masked, as in the list).
const ROSTER: XlsxColumn[] = [
  { key: 'seq', header: '序号', type: int(), width: 6 }, { key: 'townName', header: '乡镇', type: text() }, { key: 'regionName', header: '村（社区）', type: text() },
  { key: 'name', header: '户主姓名', type: text() }, { key: 'idNumber', header: '身份证号码', type: text(), width: 22 }, { key: 'amount', header: '金额（元）', type: decimal(), width: 12 },
  { key: 'paidOn', header: '发放日期', type: text(), width: 12 }, { key: 'method', header: '发放方式', type: oneOf(PAY_METHODS) }, { key: 'recipient', header: '资金来源', type: text(), width: 16 },
];

// The roster export stays masked for every role: it is the list towns post publicly (公示). One household's full
// numbers are revealed through GET .../id-number or POST /api/personal/reveal, audited either way.
revealable({
  entity: 'relief_distribution', label: '救灾资金发放记录', read: ['disaster:read'], fields: { idNumber: 'idNumber', phone: 'phone' },
  async load(ctx, tx, id) {
    const d = await findDistribution(tx, ctx.actor.scope, id);
    return d && { regionCode: d.region_code, name: d.name, values: { idNumber: d.id_number, phone: d.phone } };
  },
});

export const reliefRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(`${P}/allocations`, { config: read, schema: { tags, summary: '救灾资金下拨与分配', querystring: AllocationQuery, response: { 200: Page(Allocation) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listAllocations(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentAllocation), total, page, pageSize };
  });
  app.get(`${P}/allocations/:id`, { config: read, schema: { tags, summary: '资金下拨记录', params: IdParams, response: { 200: Allocation, 404: ErrorBody } } },
    async (req) => allocationDetail(req.ctx, req.params.id));
  app.post(`${P}/allocations`, { config: write, schema: { tags, summary: '县级下拨或分配到乡镇、部门', body: AllocationInput, response: { 200: Allocation, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => createAllocation(req.ctx, req.body));
  app.get(`${P}/distributions`, { config: read, schema: { tags, summary: '发放到户记录（身份证号脱敏）', querystring: DistributionQuery, response: { 200: Page(Distribution) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDistributions(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map(presentDistribution), total, page, pageSize };
  });
  app.get(`${P}/distributions/export`, { config: read, schema: { tags, summary: '导出发放到户花名册（Excel，身份证号脱敏，与列表相同的筛选）', querystring: Type.Omit(DistributionQuery, ['page', 'pageSize']),
    response: { 200: Type.Any(), 400: ErrorBody } } }, async (req, reply) => {
    const { items, total } = await listDistributions(req.ctx.db, req.ctx.actor.scope, req.query, 1, MAX_EXPORT);
    if (total > MAX_EXPORT) throw badRequest(`符合条件的发放记录有 ${total} 条，超过单次导出上限 ${MAX_EXPORT} 条，请按资金或乡镇筛选后分批导出`, 'Too many rows');
    const rows = items.map(presentDistribution).map((d, i) => ({ ...d, seq: i + 1 }));
    return sendXlsx(reply, await exportXlsx(ROSTER, rows, { sheet: '发放花名册' }), `救灾资金发放花名册-${shanghaiDate(req.ctx.clock()).replaceAll('-', '')}.xlsx`);
  });
  app.post(`${P}/distributions`, { config: write, schema: { tags, summary: '登记发放到户', body: DistributionInput, response: { 200: Distribution, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
    async (req) => createDistribution(req.ctx, req.body));
  app.get(`${P}/distributions/:id/id-number`, { config: write, schema: { tags, summary: '查看完整身份证号和电话（留痕）', params: IdParams,
    response: { 200: Type.Object({ idNumber: Type.String(), phone: Type.String() }), 403: ErrorBody, 404: ErrorBody } } }, async (req) => revealIdNumber(req.ctx, req.params.id));
  app.get(`${P}/audits`, { config: read, schema: { tags, summary: '专项督查', querystring: AuditQuery, response: { 200: Page(Audit) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listAudits(req.ctx.db, req.ctx.actor.scope, page, pageSize, req.query);
    return { items: items.map(presentAudit), total, page, pageSize };
  });
  app.post(`${P}/audits`, { config: write, schema: { tags, summary: '按公布的种子和比例抽取督查对象', body: AuditInput, response: { 200: AuditDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } },
    async (req) => createAudit(req.ctx, req.body));
  app.get(`${P}/audits/:id`, { config: read, schema: { tags, summary: '督查抽查名单与按乡镇、部门的发现', params: IdParams, response: { 200: AuditDetail, 404: ErrorBody } } },
    async (req) => auditDetail(req.ctx, req.params.id));
  app.get(`${P}/audits/:id/report.docx`, { config: read, schema: { tags, summary: '专项督查情况报告（Word，按乡镇、部门的发现）', params: IdParams, response: { 200: Type.Any(), 404: ErrorBody } } },
    async (req, reply) => {
      const a = await auditDetail(req.ctx, req.params.id);
      const buf = await auditReportDocx(a, await allocationDetail(req.ctx, a.allocationId), req.ctx.clock());
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachmentHeader(`${a.name}情况报告.docx`)).send(buf);
    });
  app.post(`${P}/audits/:id/checks/:distributionId`, { config: write, schema: { tags, summary: '登记入户或电话核查结果', params: Type.Object({ id: Uuid, distributionId: Uuid }), body: CheckInput,
    response: { 200: AuditDetail, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => recordAuditCheck(req.ctx, req.params.id, req.params.distributionId, req.body));
};
