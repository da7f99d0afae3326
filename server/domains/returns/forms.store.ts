// SQL of return forms (报表) and their versioned field definitions. Forms are county-wide: every account that
// may read returns sees the list of forms; the returns themselves are scoped (returns.store.ts).
import type { CheckDef, FieldDef, Obliged } from '../../../contracts/returns.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface FormRow {
  id: string; code: string; name: string; description: string | null; period_kind: string; obliged: Obliged; due_days: number;
  remind_before: number[]; remind_after: number[]; jump_percent: string | number | null; status: string; version: number;
  fields: FieldDef[]; checks: CheckDef[]; created_at: Date; updated_at: Date; returns_count: number;
}

const select = sql`select f.*, v.fields, v.checks, (select count(*)::int from returns r where r.form_id = f.id and r.status <> 'not_started') as returns_count
  from return_forms f join return_form_versions v on v.form_id = f.id and v.version = f.version`;

export async function listForms(db: Queryable, f: { q?: string; status?: string; periodKind?: string }, page: number, pageSize: number) {
  const where = sql.and([
    f.q ? sql`(f.name like ${'%' + f.q + '%'} or f.code ilike ${'%' + f.q + '%'})` : undefined,
    f.status ? sql`f.status = ${f.status}` : undefined,
    f.periodKind ? sql`f.period_kind = ${f.periodKind}` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from return_forms f where ${where}`);
  const items = await db.query<FormRow>(sql`${select} where ${where} order by f.status = 'archived', f.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findForm = (db: Queryable, id: string) => db.maybeOne<FormRow>(sql`${select} where f.id = ${id}`);
export const findFormByCode = (db: Queryable, code: string) => db.maybeOne<FormRow>(sql`${select} where f.code = ${code}`);
export const activeForms = (db: Queryable) => db.query<FormRow>(sql`${select} where f.status = 'active' order by f.code`);

/** The field definition a return was filed against. */
export const formVersion = (db: Queryable, formId: string, version: number) =>
  db.maybeOne<{ fields: FieldDef[]; checks: CheckDef[] }>(sql`select fields, checks from return_form_versions where form_id = ${formId} and version = ${version}`);

export interface FormWrite {
  code: string; name: string; description: string | null; period_kind: string; obliged: Obliged; due_days: number;
  remind_before: number[]; remind_after: number[]; jump_percent: number | null;
}

export async function insertForm(db: Queryable, id: string, w: FormWrite, by: string | null) {
  await db.execute(sql`insert into return_forms (id, code, name, description, period_kind, obliged, due_days, remind_before, remind_after, jump_percent, created_by)
    values (${id}, ${w.code}, ${w.name}, ${w.description}, ${w.period_kind}, ${JSON.stringify(w.obliged)}::jsonb, ${w.due_days}, ${w.remind_before}::int[],
      ${w.remind_after}::int[], ${w.jump_percent}, ${by})`);
}

export async function updateForm(db: Queryable, id: string, w: FormWrite, version: number) {
  await db.execute(sql`update return_forms set code = ${w.code}, name = ${w.name}, description = ${w.description}, period_kind = ${w.period_kind},
    obliged = ${JSON.stringify(w.obliged)}::jsonb, due_days = ${w.due_days}, remind_before = ${w.remind_before}::int[], remind_after = ${w.remind_after}::int[],
    jump_percent = ${w.jump_percent}, version = ${version}, updated_at = now() where id = ${id}`);
}

/** Write a version's fields (replacing it when it is still unused). */
export async function putVersion(db: Queryable, formId: string, version: number, fields: FieldDef[], checks: CheckDef[], by: string | null) {
  await db.execute(sql`insert into return_form_versions (form_id, version, fields, checks, created_by)
    values (${formId}, ${version}, ${JSON.stringify(fields)}::jsonb, ${JSON.stringify(checks)}::jsonb, ${by})
    on conflict (form_id, version) do update set fields = excluded.fields, checks = excluded.checks, created_at = now()`);
}

/** Whether any return was saved against this version (then a change makes a new version). */
export const versionUsed = async (db: Queryable, formId: string, version: number) =>
  !!(await db.maybeOne(sql`select 1 as one from returns where form_id = ${formId} and form_version = ${version} and status <> 'not_started' limit 1`));

export const setFormStatus = (db: Queryable, id: string, status: string) =>
  db.execute(sql`update return_forms set status = ${status}, updated_at = now() where id = ${id}`);
