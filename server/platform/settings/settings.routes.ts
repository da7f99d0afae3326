// /api/settings/rules: the rules the bureau can edit, their defaults and sources, and dated changes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ErrorBody } from '../../../contracts/common.js';
import { RuleInfo, RuleUpdate } from '../../../contracts/settings.js';
import { sql } from '../db/sql.js';
import { badRequest, notFound } from '../http/errors.js';
import { allRules, findRule, type RuleDef, ruleValue } from './rules.js';

const tags = ['系统管理 system'];

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const present = async (db: Parameters<typeof ruleValue>[0], r: RuleDef, now: Date) => {
    const current = await ruleValue(db, r, now);
    const history = await db.query<{ effective_from: string; value: unknown; source: string | null; note: string | null }>(
      sql`select effective_from::text, value, source, note from settings where key = ${r.key} order by effective_from desc`);
    return {
      key: r.key, label: r.label, mark: r.mark, note: r.note ?? null, defaultValue: r.defaultValue, defaultSource: r.source,
      value: current.value, version: current.version, schema: r.schema,
      history: history.map((h) => ({ effectiveFrom: h.effective_from, value: h.value, source: h.source, note: h.note })),
    };
  };

  app.get('/api/settings/map', { schema: { tags, summary: '地图设置（瓦片地址，未配置时地图只画区划边界）', response: { 200: Type.Object({
    tileUrl: Type.Union([Type.String(), Type.Null()]), attribution: Type.Union([Type.String(), Type.Null()]) }) } } },
  async (req) => ({ tileUrl: req.ctx.config.mapTileUrl ?? null, attribution: req.ctx.config.mapTileAttribution ?? null }));

  app.get('/api/settings/rules', { schema: { tags, summary: '业务规则（阈值、时限）及其依据', response: { 200: Type.Array(RuleInfo) } } },
    async (req) => Promise.all(allRules().map((r) => present(req.ctx.db, r, req.ctx.clock()))));

  app.put('/api/settings/rules/:key', {
    config: { permission: 'system:admin' },
    schema: { tags, summary: '设置规则自某日起的取值', params: Type.Object({ key: Type.String({ maxLength: 100 }) }), body: RuleUpdate, response: { 200: RuleInfo, 400: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    const rule = findRule(req.params.key);
    if (!rule) throw notFound('规则', 'Rule');
    if (!Value.Check(rule.schema, req.body.value)) {
      const first = [...Value.Errors(rule.schema, req.body.value)][0];
      throw badRequest(`取值不符合该规则的格式${first ? `（${first.path || '值'}：${first.message}）` : ''}`, 'Value does not match the rule');
    }
    await req.ctx.db.tx(async (tx) => {
      const before = await tx.maybeOne(sql`select value from settings where key = ${rule.key} and effective_from = ${req.body.effectiveFrom}::date`);
      await tx.execute(sql`insert into settings (key, effective_from, value, source, note) values (${rule.key}, ${req.body.effectiveFrom}::date,
        ${JSON.stringify(req.body.value)}::jsonb, ${req.body.source}, ${req.body.note ?? null})
        on conflict (key, effective_from) do update set value = excluded.value, source = excluded.source, note = excluded.note, updated_at = now()`);
      await req.ctx.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'setting.update', entityType: 'setting', entityId: rule.key,
        before: before ?? null, after: req.body });
    });
    return present(req.ctx.db, rule, req.ctx.clock());
  });
};
