// 自查自纠自改: checklist templates per sector and frequency; an enterprise fills one on a phone and its failed
// items become general hazards (source 企业自查) in the same transaction.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page, PageQuery, Uuid } from '../../../contracts/common.js';
import { CheckRecord, CheckRecordInput, CheckTemplate, CheckTemplateInput } from '../../../contracts/hazards.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { audit, type Ctx } from '../../platform/context.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { paging } from '../../platform/http/types.js';
import { uuidv7 } from '../../platform/ids.js';
import type { Queryable } from '../../platform/db/db.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { citesAsOf, registerItemCitations, resolveItemCites, type Cite } from '../law/directory.js';
import { enterpriseRecordScope, findEnterpriseBrief } from '../enterprises/directory.js';
import { isEnterpriseUser, reportHazardIn } from './hazards.service.js';

type Item = { code: string; text: string; basis?: string; cites?: Cite[] };
interface TemplateRow { id: string; sector: string; name: string; frequency: 'daily' | 'weekly' | 'monthly' | 'seasonal'; items: Item[]; version: number; active?: boolean }

/** A template as returned: each item's cites as of `day` (the article then in force, with its text). */
async function presentTemplate(db: Queryable, t: TemplateRow, day: string) {
  const items = [];
  for (const { cites, ...i } of t.items) items.push({ ...i, ...(cites ? { cites: await citesAsOf(db, cites, day) } : {}) });
  return { ...t, items };
}
interface RecordRow { id: string; enterprise_id: string; template_id: string; template_name: string; checked_at: Date; checker_name: string; failed_count: number;
  results: { code: string; ok: boolean; note?: string; photos?: string[] }[]; hazard_ids: string[] }

const itemOf = (i: Item): Item => ({ code: i.code, text: i.text, ...(i.basis ? { basis: i.basis } : {}), ...(i.cites ? { cites: i.cites } : {}) });
function regulatorOnly(ctx: Ctx) {
  if (isEnterpriseUser(ctx.actor)) throw forbidden('检查表由监管部门制定', 'Templates are set by the regulator');
}
/** Item codes identify results across versions: one code, one item. */
function uniqueCodes(items: { code: string }[]) {
  const seen = new Set<string>();
  const dup = [...new Set(items.map((i) => i.code.trim()).filter((c) => (seen.has(c) ? true : (seen.add(c), false))))];
  if (dup.length) throw badRequest(`检查条目编号不能重复：${dup.join('、')}`, 'Item codes must be unique');
  if (items.some((i) => !i.code.trim())) throw badRequest('检查条目须填写编号', 'Item code missing');
}

const recordScope = (v: DataScope) => enterpriseRecordScope(v, { region: 'r.region_code', enterprise: 'r.enterprise_id' });

async function recordCheck(ctx: Ctx, input: Static<typeof CheckRecordInput>) {
  const enterpriseId = isEnterpriseUser(ctx.actor) ? ctx.actor.scope.enterpriseId! : input.enterpriseId;
  if (!enterpriseId) throw badRequest('请选择被检查的企业', 'Choose the enterprise');
  return ctx.db.tx(async (tx) => {
    const e = await findEnterpriseBrief(tx, ctx.actor.scope, enterpriseId);
    if (!e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not in scope');
    // Locked (shared) so that an edit of the template waits: the check is judged by one version, the one recorded.
    const tpl = await tx.maybeOne<TemplateRow>(sql`select * from check_templates where id = ${input.templateId} for share`);
    if (!tpl) throw badRequest('检查表不存在', 'Template not found');
    if (!tpl.active) throw badRequest('该检查表已停用，请选择其他检查表', 'Template is switched off');
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
          source: 'self_check', level: 'general', sector: tpl.sector, photos: f.photos, foundAt: input.checkedAt }, { cites: item.cites });
        hazardIds.push(h.id);
      }
    }
    // Each result keeps the item's words and cites as judged, whatever later versions of the template say.
    const results = input.results.map((r) => {
      const { text, basis, cites } = known.get(r.code)!;
      return { ...r, text, ...(basis ? { basis } : {}), ...(cites ? { cites } : {}), hazardId: hazardIds[failed.indexOf(r)] };
    });
    await tx.execute(sql`insert into check_records (id, enterprise_id, region_code, template_id, template_version, checked_at, checked_by, checker_name, results, failed_count)
      values (${id}, ${enterpriseId}, ${e.regionCode}, ${tpl.id}, ${tpl.version}, ${input.checkedAt ?? ctx.clock().toISOString()}, ${ctx.actor.id}, ${ctx.actor.name},
      ${JSON.stringify(results)}::jsonb, ${failed.length})`);
    await audit(ctx, tx, { action: 'selfcheck.record', entityType: 'check_record', entityId: id, regionCode: e.regionCode,
      after: { template: tpl.name, version: tpl.version, failed: failed.length, hazards: hazardIds.length } });
    return { id, enterpriseId, templateId: tpl.id, templateName: tpl.name, templateVersion: tpl.version, checkedAt: input.checkedAt ?? ctx.clock().toISOString(), checkerName: ctx.actor.name,
      failedCount: failed.length, results: input.results, hazardIds };
  });
}

export const selfCheckRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['隐患排查治理 hazards'];
  app.get('/api/check-templates', { config: { permission: 'hazard:read' }, schema: { tags, summary: '自查检查表', querystring: Type.Object({ sector: Type.Optional(Type.String({ maxLength: 30 })),
    all: Type.Optional(Type.Boolean({ description: '含已停用的' })) }), response: { 200: Type.Array(CheckTemplate) } } },
  async (req) => {
    const rows = await req.ctx.db.query<TemplateRow>(sql`select id, sector, name, frequency, items, version from check_templates
        where ${sql.and([req.query.sector ? sql`sector = ${req.query.sector}` : undefined, req.query.all ? undefined : sql`active`])} order by sector, frequency, name`);
    return Promise.all(rows.map((t) => presentTemplate(req.ctx.db, t, shanghaiDate(req.ctx.clock()))));
  });

  app.get('/api/check-templates/:id', { config: { permission: 'hazard:read' }, schema: { tags, summary: '一张检查表（可指定历史版本：自查记录据以判定的版本）', params: IdParams,
    querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) }), response: { 200: CheckTemplate, 404: ErrorBody } } }, async (req) => {
    const t = await req.ctx.db.maybeOne<TemplateRow>(sql`select id, sector, name, frequency, items, version from check_templates where id = ${req.params.id}`);
    if (!t) throw notFound('检查表', 'Template');
    if (!req.query.version || req.query.version === t.version) return presentTemplate(req.ctx.db, t, shanghaiDate(req.ctx.clock()));
    const old = await req.ctx.db.maybeOne<{ name: string; items: Item[]; replaced_at: Date }>(sql`select name, items, replaced_at from check_template_versions
      where template_id = ${t.id} and version = ${req.query.version}`);
    if (!old) throw notFound(`检查表第 ${req.query.version} 版`, 'Template version');
    // An old version's cites as of the last day it was in use.
    return presentTemplate(req.ctx.db, { ...t, name: old.name, items: old.items, version: req.query.version }, shanghaiDate(new Date(old.replaced_at)));
  });

  app.post('/api/check-templates', { config: { permission: 'hazard:write' }, schema: { tags, summary: '新建检查表', body: CheckTemplateInput, response: { 200: CheckTemplate, 400: ErrorBody, 403: ErrorBody } } }, async (req) => {
    regulatorOnly(req.ctx);
    uniqueCodes(req.body.items);
    const id = uuidv7();
    const day = shanghaiDate(req.ctx.clock());
    const items = await req.ctx.db.tx(async (tx) => {
      // Cited articles resolved to the library and registered for review when their source is replaced (issue #14).
      const items = await resolveItemCites(tx, req.body.items.map(itemOf), day);
      await registerItemCitations(tx, 'check_template_item', id, req.body.name, items);
      await tx.execute(sql`insert into check_templates (id, sector, name, frequency, items) values (${id}, ${req.body.sector}, ${req.body.name}, ${req.body.frequency}, ${JSON.stringify(items)}::jsonb)`);
      await audit(req.ctx, tx, { action: 'check_template.create', entityType: 'check_template', entityId: id, after: { ...req.body, items } });
      return items;
    });
    return presentTemplate(req.ctx.db, { id, sector: req.body.sector, name: req.body.name, frequency: req.body.frequency, items, version: 1 }, day);
  });

  app.put('/api/check-templates/:id', { config: { permission: 'hazard:write' }, schema: { tags, summary: '修改检查表（增删改检查项及其引用条文；旧版本保留，已有自查记录按其判定时的版本）',
    params: IdParams, body: CheckTemplateInput, response: { 200: CheckTemplate, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } } }, async (req) => {
    regulatorOnly(req.ctx);
    uniqueCodes(req.body.items);
    const day = shanghaiDate(req.ctx.clock());
    const t = await req.ctx.db.tx(async (tx) => {
      const before = await tx.maybeOne<TemplateRow>(sql`select id, sector, name, frequency, items, version from check_templates where id = ${req.params.id} for update`);
      if (!before) throw notFound('检查表', 'Template');
      const items = await resolveItemCites(tx, req.body.items.map(itemOf), day);
      await tx.execute(sql`insert into check_template_versions (template_id, version, name, items, replaced_at, replaced_by)
        values (${before.id}, ${before.version}, ${before.name}, ${JSON.stringify(before.items)}::jsonb, ${req.ctx.clock().toISOString()}, ${req.ctx.actor.id})`);
      const version = before.version + 1;
      await tx.execute(sql`update check_templates set sector = ${req.body.sector}, name = ${req.body.name}, frequency = ${req.body.frequency}, items = ${JSON.stringify(items)}::jsonb,
        version = ${version}, updated_at = now() where id = ${before.id}`);
      await registerItemCitations(tx, 'check_template_item', before.id, req.body.name, items);
      const codes = new Set(items.map((i) => i.code));
      await audit(req.ctx, tx, { action: 'check_template.update', entityType: 'check_template', entityId: before.id,
        before: { name: before.name, version: before.version, items: before.items },
        after: { ...req.body, version, items, removed: before.items.filter((i) => !codes.has(i.code)).map((i) => i.code) } });
      return { id: before.id, sector: req.body.sector, name: req.body.name, frequency: req.body.frequency, items, version };
    });
    return presentTemplate(req.ctx.db, t, day);
  });

  app.delete('/api/check-templates/:id', { config: { permission: 'hazard:write' }, schema: { tags, summary: '停用检查表（已有自查记录保留）', params: IdParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      await req.ctx.db.tx(async (tx) => {
        const t = await tx.maybeOne<{ id: string; name: string; active: boolean }>(sql`select id, name, active from check_templates where id = ${req.params.id} for update`);
        if (!t) throw notFound('检查表', 'Template');
        regulatorOnly(req.ctx);
        await tx.execute(sql`update check_templates set active = false, updated_at = now() where id = ${t.id}`);
        // Nothing to review once it is no longer used.
        await registerItemCitations(tx, 'check_template_item', t.id, t.name, []);
        await audit(req.ctx, tx, { action: 'check_template.deactivate', entityType: 'check_template', entityId: t.id, before: { active: t.active }, after: { active: false } });
      });
      return reply.code(204).send(null);
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
