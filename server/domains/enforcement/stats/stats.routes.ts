// /api/enforcement/stats (执法统计), /tallies (部门执法统计上报), /deadlines (时限), /enterprises/:id (一企一档的执法页签).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../../contracts/common.js';
import { Deadline, DeadlineQuery, EnforcementStats, EnterpriseEnforcement, StatsQuery, Tally, TallyInput } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest, forbidden } from '../../../platform/http/errors.js';
import { paging } from '../../../platform/http/types.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import { casesFor, measuresFor, transfersFor } from '../cases/cases.directory.js';
import { listDeadlines, presentDeadline } from '../common/deadlines.js';
import { enterpriseFacts } from '../common/facts.js';
import { enforcementScope } from '../common/scope.js';
import { num, today } from '../common/util.js';
import { documentsFor } from '../documents/documents.directory.js';
import { inspectionsFor } from '../inspections/inspections.directory.js';
import { enforcementStats } from './stats.service.js';

const tags = ['行政执法 enforcement'];
const read = { permission: 'enforcement:read' } as const;
const write = { permission: 'enforcement:write' } as const;

interface TallyRow { id: string; org_id: string; org_name: string | null; period_from: string; period_to: string; item: string; quantity: number; unit: string; note: string | null }
const presentTally = (t: TallyRow) => ({ id: t.id, orgId: t.org_id, orgName: t.org_name, periodFrom: t.period_from, periodTo: t.period_to, item: t.item, quantity: num(t.quantity), unit: t.unit, note: t.note });

export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/enforcement/stats', { config: read, schema: { tags, summary: '执法统计（按部门、行业、细分类型、区域、月份）', querystring: StatsQuery, response: { 200: EnforcementStats } } },
    async (req) => enforcementStats(req.ctx.db, req.ctx.actor.scope, req.query, req.query.by));

  app.get('/api/enforcement/tallies', { config: read, schema: { tags, summary: '部门上报的执法统计', querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) }),
    response: { 200: Type.Array(Tally) } } }, async (req) => {
    const rows = await req.ctx.db.query<TallyRow>(sql`select t.id, t.org_id, o.name as org_name, t.period_from::text, t.period_to::text, t.item, t.quantity::float8 as quantity, t.unit, t.note
      from enforcement_tallies t left join organizations o on o.id = t.org_id where ${enforcementScope(req.ctx.actor.scope, 't', { enterprise: false })}
      and ${req.query.from ? sql`t.period_from >= ${req.query.from}::date` : sql`true`} and ${req.query.to ? sql`t.period_to <= ${req.query.to}::date` : sql`true`} order by t.period_from desc, t.item`);
    return rows.map(presentTally);
  });

  app.post('/api/enforcement/tallies', { config: write, schema: { tags, summary: '登记部门执法统计（如交警查处交通违法行为起数）', body: TallyInput, response: { 200: Tally, 400: ErrorBody } } }, async (req) => {
    const b = req.body;
    if (b.periodTo < b.periodFrom) throw badRequest('统计期结束日期不能早于开始日期', 'Period ends before it starts');
    return req.ctx.db.tx(async (tx) => {
      const org = await findOrgBrief(tx, b.orgId);
      if (!org) throw badRequest('部门不存在', 'Department not found');
      if (!inScope(req.ctx.actor, { regionCode: org.regionCode, orgId: org.id })) throw forbidden('不能登记管辖范围以外部门的统计', 'Outside your scope');
      const id = uuidv7();
      await tx.execute(sql`insert into enforcement_tallies (id, org_id, region_code, period_from, period_to, item, quantity, unit, note, created_by) values (${id}, ${org.id},
        ${org.regionCode}, ${b.periodFrom}::date, ${b.periodTo}::date, ${b.item}, ${b.quantity}, ${b.unit}, ${b.note ?? null}, ${req.ctx.actor.id})`);
      await audit(req.ctx, tx, { action: 'enforcement.tally.create', entityType: 'enforcement_tally', entityId: id, regionCode: org.regionCode, after: b });
      return { id, orgId: org.id, orgName: org.name, periodFrom: b.periodFrom, periodTo: b.periodTo, item: b.item, quantity: b.quantity, unit: b.unit, note: b.note ?? null };
    });
  });

  app.get('/api/enforcement/deadlines', { config: read, schema: { tags, summary: '执法时限（到期与逾期）', querystring: DeadlineQuery, response: { 200: Page(Deadline) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const { items, total } = await listDeadlines(req.ctx.db, req.ctx.actor.scope, req.query, page, pageSize);
    return { items: items.map((d) => presentDeadline(d, today(req.ctx))), total, page, pageSize };
  });

  app.get('/api/enforcement/enterprises/:id', { config: read, schema: { tags, summary: '企业的执法记录（一企一档执法页签）', params: IdParams, response: { 200: EnterpriseEnforcement, 400: ErrorBody } } }, async (req) => {
    const ctx = req.ctx;
    const e = await enterpriseFacts(ctx, ctx.db, req.params.id);
    const f = { enterpriseId: e.enterpriseId };
    const [inspections, cases, measures, transfers, documents] = await Promise.all([inspectionsFor(ctx.db, ctx.actor.scope, f), casesFor(ctx.db, ctx.actor.scope, f, today(ctx)),
      measuresFor(ctx.db, ctx.actor.scope, f), transfersFor(ctx.db, ctx.actor.scope, f, today(ctx)), documentsFor(ctx.db, ctx.actor.scope, f, 50)]);
    return { inspections, cases, measures, transfers, documents };
  });
};
