// Stage deadlines of cases, measures, transfers, draws and tip-offs: set when a stage starts (with the rule and
// article they were computed by), met when the stage ends, warned about by the scan before they pass.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { enforcementScope } from './scope.js';
import { iso } from './util.js';

export type SubjectType = 'case' | 'measure' | 'transfer' | 'draw' | 'tipoff';

export interface DeadlineRow {
  id: string; subject_type: SubjectType; subject_id: string; kind: string; label: string; due_on: string; basis: string; region_code: string;
  org_id: string | null; status: 'open' | 'met' | 'cancelled'; met_at: Date | null; warned_at: Date | null; overdue_notified_at: Date | null;
}

export interface DeadlineSet { subjectType: SubjectType; subjectId: string; kind: string; label: string; dueOn: string; basis: string; regionCode: string; orgId?: string | null }

/** Open (or re-open with a new date) the deadline `kind` of a subject. */
export async function setDeadline(tx: Queryable, d: DeadlineSet) {
  await tx.execute(sql`insert into enforcement_deadlines (id, subject_type, subject_id, kind, label, due_on, basis, region_code, org_id)
    values (${uuidv7()}, ${d.subjectType}, ${d.subjectId}, ${d.kind}, ${d.label}, ${d.dueOn}::date, ${d.basis}, ${d.regionCode}, ${d.orgId ?? null})
    on conflict (subject_type, subject_id, kind) do update set label = excluded.label, due_on = excluded.due_on, basis = excluded.basis,
      status = 'open', met_at = null, warned_at = null, overdue_notified_at = null`);
}

/** Mark deadlines of a subject met (all open ones when no kinds are named). */
export async function meetDeadlines(tx: Queryable, subjectType: SubjectType, subjectId: string, at: Date, kinds?: string[]) {
  await tx.execute(sql`update enforcement_deadlines set status = 'met', met_at = ${at.toISOString()} where subject_type = ${subjectType}
    and subject_id = ${subjectId} and status = 'open' and ${kinds ? sql`kind = any(${kinds}::text[])` : sql`true`}`);
}

/** Cancel a subject's open deadlines (the stage no longer applies). */
export async function cancelDeadlines(tx: Queryable, subjectType: SubjectType, subjectId: string, kinds?: string[]) {
  await tx.execute(sql`update enforcement_deadlines set status = 'cancelled' where subject_type = ${subjectType} and subject_id = ${subjectId}
    and status = 'open' and ${kinds ? sql`kind = any(${kinds}::text[])` : sql`true`}`);
}

const cols = sql`id, subject_type, subject_id, kind, label, due_on::text as due_on, basis, region_code, org_id, status, met_at, warned_at, overdue_notified_at`;

/** The deadlines of one subject, earliest first. */
export const deadlinesOf = (db: Queryable, subjectType: SubjectType, subjectIds: string[]) =>
  db.query<DeadlineRow>(sql`select ${cols} from enforcement_deadlines where subject_type = ${subjectType} and subject_id = any(${subjectIds}::uuid[]) order by due_on, kind`);

/** Deadlines in the viewer's scope, open first and soonest first. */
export async function listDeadlines(db: Queryable, viewer: DataScope, f: { status?: string; dueBefore?: string; subjectType?: string }, page: number, pageSize: number) {
  const where = sql.and([enforcementScope(viewer, 'd', { enterprise: false }), f.status ? sql`d.status = ${f.status}` : undefined,
    f.dueBefore ? sql`d.due_on <= ${f.dueBefore}::date` : undefined, f.subjectType ? sql`d.subject_type = ${f.subjectType}` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_deadlines d where ${where}`);
  const items = await db.query<DeadlineRow>(sql`select ${cols} from enforcement_deadlines d where ${where}
    order by (d.status <> 'open'), d.due_on, d.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** Row → API shape; overdue means open with its day passed (Asia/Shanghai). */
export const presentDeadline = (d: DeadlineRow, today: string) => ({
  id: d.id, subjectType: d.subject_type, subjectId: d.subject_id, kind: d.kind, label: d.label, dueOn: d.due_on, basis: d.basis, status: d.status,
  overdue: d.status === 'open' && d.due_on < today, metAt: iso(d.met_at),
});
