// 执法检查表: the enforcement domain's own checklists per sector (the hazard domain's self-check templates are theirs).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { SECTORS } from '../../../../contracts/enterprises.js';
import { Checklist, ChecklistInput } from '../../../../contracts/enforcement.js';
import { ErrorBody } from '../../../../contracts/common.js';
import { audit } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';

export interface ChecklistRow { id: string; sector: string; name: string; items: { code: string; text: string; basis?: string }[] }

/** One checklist by id. */
export const findChecklist = (db: Queryable, id: string) => db.maybeOne<ChecklistRow>(sql`select id, sector, name, items from enforcement_checklists where id = ${id}`);

export const checklistsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['行政执法 enforcement'];
  app.get('/api/enforcement/checklists', { config: { permission: 'enforcement:read' }, schema: { tags, summary: '执法检查表',
    querystring: Type.Object({ sector: Type.Optional(Type.String({ maxLength: 30 })) }), response: { 200: Type.Array(Checklist) } } },
  async (req) => req.ctx.db.query<ChecklistRow>(sql`select id, sector, name, items from enforcement_checklists
    where ${req.query.sector ? sql`sector = ${req.query.sector}` : sql`true`} order by sector, name`));

  app.post('/api/enforcement/checklists', { config: { permission: 'enforcement:write' }, schema: { tags, summary: '新建执法检查表', body: ChecklistInput, response: { 200: Checklist, 400: ErrorBody } } }, async (req) => {
    if (!SECTORS.some((s) => s.code === req.body.sector)) throw badRequest(`未知行业：${req.body.sector}`, 'Unknown sector');
    const codes = req.body.items.map((i) => i.code);
    if (new Set(codes).size !== codes.length) throw badRequest('检查条目编号不能重复', 'Item codes must be unique');
    const id = uuidv7();
    await req.ctx.db.tx(async (tx) => {
      await tx.execute(sql`insert into enforcement_checklists (id, sector, name, items, created_by) values (${id}, ${req.body.sector}, ${req.body.name},
        ${JSON.stringify(req.body.items)}::jsonb, ${req.ctx.actor.id})`);
      await audit(req.ctx, tx, { action: 'enforcement.checklist.create', entityType: 'enforcement_checklist', entityId: id, after: req.body });
    });
    return { id, ...req.body };
  });
};
