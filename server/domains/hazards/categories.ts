// 隐患类别: a managed list (code, name, sector, parent, cited articles, active), edited by the law library's editors
// (law:write, audited) and read by everyone who reads hazards. A category's cites are resolved to the library when
// saved and registered (subject `hazard_category` / code), so a replaced source lists the category for review; a
// hazard shows them as of the day it was found.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { SECTORS } from '../../../contracts/enterprises.js';
import { HazardCategory, HazardCategoryInput, HazardCategoryPatch, HazardCategoryQuery } from '../../../contracts/hazards.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { citesAsOf, registerSubjectCites, resolveItemCites, type Cite } from '../law/directory.js';

export interface CategoryRow { code: string; name: string; sector: string | null; parent_code: string | null; cites: Cite[]; unconfirmed: boolean; note: string | null;
  active: boolean; position: number }

const COLS = sql`code, name, sector, parent_code, cites, unconfirmed, note, active, position`;
export const findCategory = (db: Queryable, code: string) => db.maybeOne<CategoryRow>(sql`select ${COLS} from hazard_categories where code = ${code}`);
const listRows = (db: Queryable, f: { all?: boolean; sector?: string }) => db.query<CategoryRow>(sql`select ${COLS} from hazard_categories where ${sql.and([
  f.all ? undefined : sql`active`, f.sector ? sql`(sector is null or sector = ${f.sector})` : undefined])} order by position, code`);
/** The category people mean by words (the old free-text field): an active category of that name. */
export const categoryNamed = (db: Queryable, name: string) => db.maybeOne<CategoryRow>(sql`select ${COLS} from hazard_categories where name = ${name.trim()} and active
  order by parent_code nulls first limit 1`);

/** Hazards of a category or any category under it (the ledger's filter). */
export const categoryFilterSql = (code: string): Sql => sql`h.category_code in (with recursive sub(code) as (select ${code}::text
  union all select c.code from hazard_categories c join sub on c.parent_code = sub.code) select code from sub)`;

const present = async (db: Queryable, c: CategoryRow, day: string): Promise<Static<typeof HazardCategory>> => ({
  code: c.code, name: c.name, sector: c.sector, parentCode: c.parent_code, cites: await citesAsOf(db, c.cites, day), unconfirmed: c.unconfirmed, note: c.note,
  active: c.active, position: c.position,
});

/** A category with its parents' names and its cites as of a day (a hazard's detail and notice: the day it was found). */
export async function categoryAsOf(db: Queryable, code: string, day: string) {
  const c = await findCategory(db, code);
  if (!c) return null;
  const path = [c.name];
  for (let p = c.parent_code, n = 0; p && n < 8; n++) {
    const up = await findCategory(db, p);
    if (!up) break;
    path.unshift(up.name);
    p = up.parent_code;
  }
  return { code: c.code, name: c.name, path, unconfirmed: c.unconfirmed, note: c.note, cites: await citesAsOf(db, c.cites, day) };
}

type Patch = Static<typeof HazardCategoryPatch>;

async function checkFields(db: Queryable, code: string, p: Patch) {
  if (p.sector && !SECTORS.some((s) => s.code === p.sector)) {
    throw badRequest(`未知行业：${p.sector}；可选：${SECTORS.map((s) => `${s.code}（${s.label}）`).join('、')}`, 'Unknown sector');
  }
  if (p.parentCode) {
    if (p.parentCode === code) throw badRequest('上级类别不能是它自己', 'A category cannot be its own parent');
    // Walk up from the parent: meeting this category again would make a loop.
    for (let at: string | null = p.parentCode, n = 0; at; n++) {
      const up = await findCategory(db, at);
      if (!up) throw badRequest(`上级类别 ${at} 不存在`, 'Parent category not found');
      if (up.code === code || n > 8) throw badRequest('上级类别不能是它自己的下级类别', 'Parent would make a loop');
      at = up.parent_code;
    }
  }
}

async function resolveCites(db: Queryable, cites: Cite[] | undefined, day: string) {
  const [item] = await resolveItemCites(db, [{ cites: cites ?? [] }], day);
  return item.cites ?? [];
}

async function nameTaken(db: Queryable, code: string, name: string, parent: string | null) {
  const other = await db.maybeOne<{ code: string }>(sql`select code from hazard_categories where name = ${name} and coalesce(parent_code, '') = ${parent ?? ''} and code <> ${code}`);
  if (other) throw new AppError(409, 'duplicate', `同一上级下已有名为“${name}”的类别（${other.code}）`, 'Name taken under this parent');
}

export async function createCategory(ctx: Ctx, input: Static<typeof HazardCategoryInput>) {
  const day = shanghaiDate(ctx.clock());
  return ctx.db.tx(async (tx) => {
    if (await findCategory(tx, input.code)) throw new AppError(409, 'duplicate', `类别编码 ${input.code} 已存在`, 'Category code taken');
    await checkFields(tx, input.code, input);
    await nameTaken(tx, input.code, input.name, input.parentCode ?? null);
    const cites = await resolveCites(tx, input.cites, day);
    const row: CategoryRow = { code: input.code, name: input.name, sector: input.sector ?? null, parent_code: input.parentCode ?? null, cites, unconfirmed: input.unconfirmed ?? false,
      note: input.note ?? null, active: input.active ?? true, position: input.position ?? 100 };
    await tx.execute(sql`insert into hazard_categories (code, name, sector, parent_code, cites, unconfirmed, note, active, position) values (${row.code}, ${row.name}, ${row.sector},
      ${row.parent_code}, ${JSON.stringify(cites)}::jsonb, ${row.unconfirmed}, ${row.note}, ${row.active}, ${row.position})`);
    await registerSubjectCites(tx, 'hazard_category', row.code, `隐患类别 ${row.name}`, cites);
    await audit(ctx, tx, { action: 'hazard_category.create', entityType: 'hazard_category', entityId: row.code, after: row });
    return row;
  });
}

export async function updateCategory(ctx: Ctx, code: string, p: Patch) {
  const day = shanghaiDate(ctx.clock());
  return ctx.db.tx(async (tx) => {
    const before = await tx.maybeOne<CategoryRow>(sql`select ${COLS} from hazard_categories where code = ${code} for update`);
    if (!before) throw notFound('隐患类别', 'Hazard category');
    await checkFields(tx, code, p);
    const cites = p.cites ? await resolveCites(tx, p.cites, day) : before.cites;
    const after: CategoryRow = { ...before, ...(p.name !== undefined ? { name: p.name } : {}), ...(p.sector !== undefined ? { sector: p.sector } : {}),
      ...(p.parentCode !== undefined ? { parent_code: p.parentCode } : {}), ...(p.unconfirmed !== undefined ? { unconfirmed: p.unconfirmed } : {}),
      ...(p.note !== undefined ? { note: p.note } : {}), ...(p.active !== undefined ? { active: p.active } : {}), ...(p.position !== undefined ? { position: p.position } : {}), cites };
    await nameTaken(tx, code, after.name, after.parent_code);
    await tx.execute(sql`update hazard_categories set name = ${after.name}, sector = ${after.sector}, parent_code = ${after.parent_code}, cites = ${JSON.stringify(cites)}::jsonb,
      unconfirmed = ${after.unconfirmed}, note = ${after.note}, active = ${after.active}, position = ${after.position}, updated_at = now() where code = ${code}`);
    await registerSubjectCites(tx, 'hazard_category', code, `隐患类别 ${after.name}`, cites);
    await audit(ctx, tx, { action: 'hazard_category.update', entityType: 'hazard_category', entityId: code, before, after });
    return after;
  });
}

export const categoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['隐患排查治理 hazards'];
  const edit = { permission: 'law:write' } as const;
  app.get('/api/hazard-categories', { config: { permission: 'hazard:read' }, schema: { tags, summary: '隐患类别（及其引用的条文，按指定日期施行的版本）', querystring: HazardCategoryQuery,
    response: { 200: Type.Array(HazardCategory) } } }, async (req) => {
    const day = req.query.on ?? shanghaiDate(req.ctx.clock());
    const rows = await listRows(req.ctx.db, req.query);
    const out = [];
    for (const r of rows) out.push(await present(req.ctx.db, r, day));
    return out;
  });
  app.post('/api/hazard-categories', { config: edit, schema: { tags, summary: '新增隐患类别', body: HazardCategoryInput, response: { 200: HazardCategory, 400: ErrorBody, 409: ErrorBody } } },
    async (req) => present(req.ctx.db, await createCategory(req.ctx, req.body), shanghaiDate(req.ctx.clock())));
  app.patch('/api/hazard-categories/:code', { config: edit, schema: { tags, summary: '修改隐患类别（名称、行业、上级、引用条文、停用）', params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
    body: HazardCategoryPatch, response: { 200: HazardCategory, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody } } },
  async (req) => present(req.ctx.db, await updateCategory(req.ctx, req.params.code, req.body), shanghaiDate(req.ctx.clock())));
};
