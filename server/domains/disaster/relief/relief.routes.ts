// /api/disaster/relief: allocations, household distributions (ID numbers masked; full number on request, audited) and the 专项督查.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery, Uuid } from '../../../../contracts/common.js';
import { Allocation, AllocationInput, AllocationQuery, Audit, AuditDetail, AuditQuery, AuditInput, CheckInput, Distribution, DistributionInput, DistributionQuery } from '../../../../contracts/disaster.js';
import { attachmentHeader } from '../../../platform/excel/http.js';
import { paging } from '../../../platform/http/types.js';
import { auditReportDocx } from './relief.docx.js';
import {
  allocationDetail, auditDetail, createAllocation, createAudit, createDistribution, presentAllocation, presentAudit, presentDistribution, recordAuditCheck, revealIdNumber,
} from './relief.service.js';
import { listAllocations, listAudits, listDistributions } from './relief.store.js';

const tags = ['救灾资金 relief funds'];
const read = { permission: 'disaster:read' } as const;
const write = { permission: 'disaster:write' } as const;
const P = '/api/disaster/relief';

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
