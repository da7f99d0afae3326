// 自查自纠自改: checklist templates per sector and frequency; an enterprise fills one on a phone and its failed
// items become general hazards (source 企业自查) in the same transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, Page, PageQuery, Uuid } from '../../../contracts/common.js';
import { CheckRecord, CheckRecordInput, CheckTemplate, CheckTemplateInput } from '../../../contracts/hazards.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { audit, type Ctx } from '../../platform/context.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, forbidden } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/db.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { citesAsOf, registerItemCitations, resolveItemCites, type Cite } from '../law/directory.js';
import { enterpriseRecordScope, findEnterpriseBrief } from '../enterprises/directory.js';
import { isEnterpriseUser, reportHazardIn } from './hazards.service.js';

interface TemplateRow { id: string; sector: string; name: string; frequency: 'daily' | 'weekly' | 'monthly' | 'seasonal'; items: { code: string; text: string; basis?: string; cites?: Cite[] }[] }

/** A template as returned: each item's cites as of `day` (the article then in force, with its text). */
async function presentTemplate(db: Queryable, t: TemplateRow, day: string) {
  const items = [];
  for (const { cites, ...i } of t.items) items.push({ ...i, ...(cites ? { cites: await citesAsOf(db, cites, day) } : {}) });
  return { ...t, items };
}
interface RecordRow { id: string; enterprise_id: string; template_id: string; template_name: string; checked_at: Date; checker_name: string; failed_count: number;
  results: { code: string; ok: boolean; note?: string; photos?: string[] }[]; hazard_ids: string[] }

const recordScope = (v: DataScope) => enterpriseRecordScope(v, { region: 'r.region_code', enterprise: 'r.enterprise_id' });

async function recordCheck(ctx: Ctx, input: Static<typeof CheckRecordInput>) {
  const enterpriseId = isEnterpriseUser(ctx.actor) ? ctx.actor.scope.enterpriseId! : input.enterpriseId;
  if (!enterpriseId) throw badRequest('请选择被检查的企业', 'Choose the enterprise');
  return ctx.db.tx(async (tx) => {
    const e = await findEnterpriseBrief(tx, ctx.actor.scope, enterpriseId);
    if (!e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not in scope');
    const tpl = await tx.maybeOne<TemplateRow>(sql`select * from check_templates where id = ${input.templateId}`);
    if (!tpl) throw badRequest('检查表不存在', 'Template not found');
    const known = new Map(tpl.items.map((i) => [i.code, i]));
    const unknown = input.results.filter((r) => !known.has(r.code)).map((r) => r.code);
    if (unknown.length) throw badRequest(`检查表中没有这些条目：${unknown.join('、')}`, 'Unknown items');
    const failed = input.results.filter((r) => !r.ok);
    const id = uuidv7();
    const hazardIds: string[] = [];
    if (input.createHazards) {
      for (const f of failed) {
        const item = known.get(f.code)!;
        const h = await reportHazardIn(ctx, tx, { enterpriseId, title: item.text, description: [f.note, item.basis ? `依据：${item.basis}` : ''].filter(Boolean).join('；') || undefined,
          source: 'self_check', level: 'general', sector: tpl.sector, photos: f.photos, foundAt: input.checkedAt });
        hazardIds.push(h.id);
      }
    }
    await tx.execute(sql`insert into check_records (id, enterprise_id, region_code, template_id, checked_at, checked_by, checker_name, results, failed_count)
      values (${id}, ${enterpriseId}, ${e.regionCode}, ${tpl.id}, ${input.checkedAt ?? ctx.clock().toISOString()}, ${ctx.actor.id}, ${ctx.actor.name},
      ${JSON.stringify(input.results.map((r) => ({ ...r, hazardId: hazardIds[failed.indexOf(r)] })))}::jsonb, ${failed.length})`);
    await audit(ctx, tx, { action: 'selfcheck.record', entityType: 'check_record', entityId: id, regionCode: e.regionCode,
      after: { template: tpl.name, failed: failed.length, hazards: hazardIds.length } });
    return { id, enterpriseId, templateId: tpl.id, templateName: tpl.name, checkedAt: input.checkedAt ?? ctx.clock().toISOString(), checkerName: ctx.actor.name,
      failedCount: failed.length, results: input.results, hazardIds };
  });
}

export const selfCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['隐患排查治理 hazards'];
  app.get('/api/check-templates', { config: { permission: 'hazard:read' }, schema: { tags, summary: '自查检查表', querystring: Type.Object({ sector: Type.Optional(Type.String({ maxLength: 30 })) }), response: { 200: Type.Array(CheckTemplate) } } },
    async (req) => {
      const rows = await req.ctx.db.query<TemplateRow>(sql`select id, sector, name, frequency, items from check_templates
        where ${req.query.sector ? sql`sector = ${req.query.sector}` : sql`true`} order by sector, frequency, name`);
      return Promise.all(rows.map((t) => presentTemplate(req.ctx.db, t, shanghaiDate(req.ctx.clock()))));
    });

  app.post('/api/check-templates', { config: { permission: 'hazard:write' }, schema: { tags, summary: '新建检查表', body: CheckTemplateInput, response: { 200: CheckTemplate, 403: ErrorBody } } }, async (req) => {
    if (isEnterpriseUser(req.ctx.actor)) throw forbidden('检查表由监管部门制定', 'Templates are set by the regulator');
    const codes = req.body.items.map((i) => i.code);
    if (new Set(codes).size !== codes.length) throw badRequest('检查条目编号不能重复', 'Item codes must be unique');
    const id = uuidv7();
    const day = shanghaiDate(req.ctx.clock());
    const items = await req.ctx.db.tx(async (tx) => {
      // Cited articles resolved to the library and registered for review when their source is replaced (issue #14).
      const items = await resolveItemCites(tx, req.body.items.map((i) => ({ code: i.code, text: i.text, ...(i.basis ? { basis: i.basis } : {}), ...(i.cites ? { cites: i.cites } : {}) })), day);
      await registerItemCitations(tx, 'check_template_item', id, req.body.name, items);
      await tx.execute(sql`insert into check_templates (id, sector, name, frequency, items) values (${id}, ${req.body.sector}, ${req.body.name}, ${req.body.frequency}, ${JSON.stringify(items)}::jsonb)`);
      await audit(req.ctx, tx, { action: 'check_template.create', entityType: 'check_template', entityId: id, after: { ...req.body, items } });
      return items;
    });
    return presentTemplate(req.ctx.db, { id, sector: req.body.sector, name: req.body.name, frequency: req.body.frequency, items }, day);
  });

  app.get('/api/check-records', { config: { permission: 'hazard:read' }, schema: { tags, summary: '自查记录', querystring: Type.Composite([PageQuery, Type.Object({ enterpriseId: Type.Optional(Uuid) })]), response: { 200: Page(CheckRecord) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const where = sql.and([recordScope(req.ctx.actor.scope), req.query.enterpriseId ? sql`r.enterprise_id = ${req.query.enterpriseId}` : undefined]);
    const [{ total }] = await req.ctx.db.query<{ total: number }>(sql`select count(*)::int as total from check_records r where ${where}`);
    const rows = await req.ctx.db.query<RecordRow>(sql`select r.*, t.name as template_name,
        coalesce((select array_agg((x->>'hazardId')::uuid) from jsonb_array_elements(r.results) x where x->>'hazardId' is not null), '{}') as hazard_ids
      from check_records r join check_templates t on t.id = r.template_id where ${where} order by r.checked_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
    return { items: rows.map((r) => ({ id: r.id, enterpriseId: r.enterprise_id, templateId: r.template_id, templateName: r.template_name,
      checkedAt: new Date(r.checked_at).toISOString(), checkerName: r.checker_name, failedCount: r.failed_count,
      results: r.results.map(({ code, ok, note, photos }) => ({ code, ok, note, photos })), hazardIds: r.hazard_ids })), total, page, pageSize };
  });

  app.post('/api/check-records', { config: { permission: 'hazard:write' }, schema: { tags, summary: '提交自查结果（不合格项可一键转为隐患）', body: CheckRecordInput, response: { 200: CheckRecord, 400: ErrorBody } } },
    async (req) => recordCheck(req.ctx, req.body));
};
