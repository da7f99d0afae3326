// SQL of filed returns, always scoped by the caller: a town sees the returns of units in its region, a department
// its own, an enterprise its own, the bureau all.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';

export interface ReturnRow {
  id: string; form_id: string; form_code: string; form_name: string; form_version: number; period: string; period_label: string;
  period_start: string; period_end: string; due_on: string; unit_id: string; org_id: string | null; enterprise_id: string | null;
  unit_name: string; unit_type: string; region_code: string; status: string; values: Record<string, unknown>;
  warnings: { field: string; message: string }[]; accepted_values: Record<string, unknown> | null; version: number;
  correction_reason: string | null; filled_by: string | null; filled_by_name: string | null; approved_by_name: string | null;
  submitted_at: Date | null; first_submitted_at: Date | null; reviewed_at: Date | null; review_comment: string | null; updated_at: Date;
  late_days: number; overdue: boolean;
}

export const scope = (v: DataScope) => scopeWhere(v, { region: 'r.region_code', org: 'r.org_id', enterprise: 'r.enterprise_id' });

/** Statuses in which the unit still owes the bureau its figures. */
export const OWING = ['not_started', 'draft', 'pending_approval'];

const select = (today: string) => sql`select r.id, r.form_id, f.code as form_code, f.name as form_name, r.form_version, r.period, r.period_label,
  r.period_start::text, r.period_end::text, r.due_on::text, r.unit_id, r.org_id, r.enterprise_id, r.unit_name, r.unit_type, r.region_code, r.status,
  r.data as "values", r.warnings, r.accepted_values, r.version, r.correction_reason, r.filled_by, r.filled_by_name, r.approved_by_name, r.submitted_at,
  r.first_submitted_at, r.reviewed_at, r.review_comment, r.updated_at,
  greatest(0, coalesce((r.first_submitted_at at time zone 'Asia/Shanghai')::date, ${today}::date) - r.due_on)::int as late_days,
  (r.first_submitted_at is null and r.due_on < ${today}::date) as overdue
  from returns r join return_forms f on f.id = r.form_id`;

export interface ReturnFilter { formId?: string; period?: string; status?: string; overdue?: boolean; q?: string; regionCode?: string; unitType?: string; ids?: string[] }

function where(viewer: DataScope, f: ReturnFilter, today: string) {
  return sql.and([
    scope(viewer),
    f.formId ? sql`r.form_id = ${f.formId}` : undefined,
    f.period ? sql`r.period = ${f.period}` : undefined,
    f.status ? sql`r.status = ${f.status}` : undefined,
    f.overdue === true ? sql`(r.first_submitted_at is null and r.due_on < ${today}::date)` : undefined,
    f.overdue === false ? sql`not (r.first_submitted_at is null and r.due_on < ${today}::date)` : undefined,
    f.q ? sql`(r.unit_name like ${'%' + f.q + '%'} or f.name like ${'%' + f.q + '%'})` : undefined,
    f.regionCode ? sql`r.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.unitType ? sql`r.unit_type = ${f.unitType}` : undefined,
    f.ids ? sql`r.id = any(${f.ids}::uuid[])` : undefined,
  ]);
}

/** A page of returns: what is owed first (nearest due day), then the rest newest period first. */
export async function listReturns(db: Queryable, viewer: DataScope, f: ReturnFilter, today: string, page: number, pageSize: number) {
  const w = where(viewer, f, today);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from returns r join return_forms f on f.id = r.form_id where ${w}`);
  const items = await db.query<ReturnRow>(sql`${select(today)} where ${w}
    order by (r.status = any(${[...OWING, 'returned']}::text[])) desc, r.due_on desc, f.code, r.unit_name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findReturn = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<ReturnRow>(sql`${select(today)} where r.id = ${id} and ${scope(viewer)}`);

/** Lock a return for a change (inside a transaction), scoped. */
export const lockReturn = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<ReturnRow>(sql`${select(today)} where r.id = ${id} and ${scope(viewer)} for update of r`);

/** The figures last accepted for the same unit in another period (the previous period, or the same one last year). */
export const acceptedValuesOf = (db: Queryable, formId: string, unitId: string, period: string) =>
  db.maybeOne<{ id: string; accepted_values: Record<string, unknown> }>(sql`select id, accepted_values from returns
    where form_id = ${formId} and unit_id = ${unitId} and period = ${period} and accepted_values is not null`);

export async function updateReturn(db: Queryable, id: string, set: Record<string, unknown>) {
  const parts = Object.entries(set).map(([k, v]) =>
    sql`${sql.id(k === 'values' ? 'data' : k)} = ${v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v}${
      ['values', 'warnings', 'accepted_values'].includes(k) ? sql.raw('::jsonb') : sql.raw('')}`);
  await db.execute(sql`update returns set ${sql.join(parts)}, updated_at = now() where id = ${id}`);
}

export async function insertEvent(db: Queryable, e: { returnId: string; at: Date; actorId: string | null; actorName: string; action: string; from: string | null; to: string | null;
  comment?: string | null; version?: number | null; formVersion?: number | null; values?: Record<string, unknown> | null }) {
  await db.execute(sql`insert into return_events (id, return_id, at, actor_id, actor_name, action, from_status, to_status, comment, version, form_version, data)
    values (${uuidv7()}, ${e.returnId}, ${e.at.toISOString()}, ${e.actorId}, ${e.actorName}, ${e.action}, ${e.from}, ${e.to}, ${e.comment ?? null},
      ${e.version ?? null}, ${e.formVersion ?? null}, ${e.values ? JSON.stringify(e.values) : null}::jsonb)`);
}

export interface EventRow { at: Date; actor_name: string; action: string; from_status: string | null; to_status: string | null; comment: string | null;
  version: number | null; form_version: number | null; values: Record<string, unknown> | null }
export const returnEvents = (db: Queryable, id: string) => db.query<EventRow>(sql`select at, actor_name, action, from_status, to_status, comment, version,
  form_version, data as "values" from return_events where return_id = ${id} order by at, id`);

/** Counts per status of a form's period in the caller's scope, and how many are overdue. */
export async function progressOf(db: Queryable, viewer: DataScope, formId: string, period: string, today: string) {
  const rows = await db.query<{ status: string; n: number; overdue: number }>(sql`select r.status, count(*)::int as n,
    count(*) filter (where r.first_submitted_at is null and r.due_on < ${today}::date)::int as overdue
    from returns r where r.form_id = ${formId} and r.period = ${period} and ${scope(viewer)} group by r.status`);
  return { byStatus: Object.fromEntries(rows.map((r) => [r.status, r.n])), total: rows.reduce((a, r) => a + r.n, 0), overdue: rows.reduce((a, r) => a + r.overdue, 0) };
}

/** The periods a form has returns for (newest first). */
export const periodsOf = (db: Queryable, formId: string) =>
  db.query<{ period: string; period_label: string }>(sql`select period, min(period_label) as period_label from returns where form_id = ${formId}
    group by period order by min(period_start) desc limit 120`);
