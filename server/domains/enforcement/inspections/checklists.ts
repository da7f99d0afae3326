// 执法检查表: the enforcement domain's own checklists per sector (the hazard domain's self-check templates are theirs).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import { SECTORS } from '../../../../contracts/enterprises.js';
import { Checklist, ChecklistInput } from '../../../../contracts/enforcement.js';
import { ErrorBody, IdParams } from '../../../../contracts/common.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { citesAsOf, registerItemCitations, resolveItemCites, type Cite } from '../../law/directory.js';
import { today } from '../common/util.js';

export interface ChecklistRow { id: string; sector: string; name: string; items: { code: string; text: string; basis?: string; cites?: Cite[] }[] }

/** One checklist by id. */
export const findChecklist = (db: Queryable, id: string) => db.maybeOne<ChecklistRow>(sql`select id, sector, name, items from enforcement_checklists where id = ${id}`);

/** A list's sector is a known one and its item codes are unique. */
function check(body: Static<typeof ChecklistInput>) {
  if (!SECTORS.some((s) => s.code === body.sector)) throw badRequest(`未知行业：${body.sector}`, 'Unknown sector');
  const codes = body.items.map((i) => i.code);
  const dup = codes.find((c, k) => codes.indexOf(c) !== k);
  if (dup) throw badRequest(`检查条目编号「${dup}」重复，请改为不同的编号`, 'Item codes must be unique');
}

/** A list as returned: each item's cites as of `day` (number, version and text of the article then in force). */
async function present(db: Queryable, l: ChecklistRow, day: string) {
  const items = [];
  for (const { cites, ...i } of l.items) items.push({ ...i, ...(cites ? { cites: await citesAsOf(db, cites, day) } : {}) });
  return { id: l.id, sector: l.sector, name: l.name, items };
}

/** Save a list's items with their cites resolved to articles of the library, and register them for review (same transaction). */
async function saveItems(ctx: Ctx, tx: Queryable, id: string, body: Static<typeof ChecklistInput>) {
  const items = await resolveItemCites(tx, body.items.map((i) => ({ code: i.code, text: i.text, ...(i.basis ? { basis: i.basis } : {}), ...(i.cites ? { cites: i.cites } : {}) })), today(ctx));
  await registerItemCitations(tx, 'checklist_item', id, body.name, items);
  return items;
}

export const checklistsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['行政执法 enforcement'];
  app.get('/api/enforcement/checklists', { config: { permission: 'enforcement:read' }, schema: { tags, summary: '执法检查表',
    querystring: Type.Object({ sector: Type.Optional(Type.String({ maxLength: 30 })) }), response: { 200: Type.Array(Checklist) } } },
  async (req) => {
    const lists = await req.ctx.db.query<ChecklistRow>(sql`select id, sector, name, items from enforcement_checklists
      where ${req.query.sector ? sql`sector = ${req.query.sector}` : sql`true`} order by sector, name`);
    return Promise.all(lists.map((l) => present(req.ctx.db, l, today(req.ctx))));
  });

  app.post('/api/enforcement/checklists', { config: { permission: 'enforcement:write' }, schema: { tags, summary: '新建执法检查表', body: ChecklistInput, response: { 200: Checklist, 400: ErrorBody } } }, async (req) => {
    check(req.body);
    const id = uuidv7();
    const items = await req.ctx.db.tx(async (tx) => {
      const items = await saveItems(req.ctx, tx, id, req.body);
      await tx.execute(sql`insert into enforcement_checklists (id, sector, name, items, created_by) values (${id}, ${req.body.sector}, ${req.body.name},
        ${JSON.stringify(items)}::jsonb, ${req.ctx.actor.id})`);
      await audit(req.ctx, tx, { action: 'enforcement.checklist.create', entityType: 'enforcement_checklist', entityId: id, after: { ...req.body, items } });
      return items;
    });
    return present(req.ctx.db, { id, sector: req.body.sector, name: req.body.name, items }, today(req.ctx));
  });

  // Inspections keep the results they recorded (code, text, ok), so editing a list never rewrites a past inspection.
  app.put('/api/enforcement/checklists/:id', { config: { permission: 'enforcement:write' }, schema: { tags, summary: '修改执法检查表（条目及其依据）', params: IdParams, body: ChecklistInput,
    response: { 200: Checklist, 400: ErrorBody, 404: ErrorBody } } }, async (req) => {
    check(req.body);
    const items = await req.ctx.db.tx(async (tx) => {
      const before = await findChecklist(tx, req.params.id);
      if (!before) throw notFound('执法检查表', 'Checklist');
      const items = await saveItems(req.ctx, tx, req.params.id, req.body);
      await tx.execute(sql`update enforcement_checklists set sector = ${req.body.sector}, name = ${req.body.name}, items = ${JSON.stringify(items)}::jsonb
        where id = ${req.params.id}`);
      await audit(req.ctx, tx, { action: 'enforcement.checklist.update', entityType: 'enforcement_checklist', entityId: req.params.id, before, after: { ...req.body, items } });
      return items;
    });
    return present(req.ctx.db, { id: req.params.id, sector: req.body.sector, name: req.body.name, items }, today(req.ctx));
  });
};
