// Every SQL statement of 信息报送: reports and the deadlines they meet. Reports carry their incident's region, so a
// caller reaches them by region; which incidents a caller may see at all is the incident desk's answer (directory).
import type { Actor } from '../../../platform/auth/actor.js';
import { scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import type { ReportContent, ReportKind, ReportStatus } from '../../../../contracts/command-reports.js';

export interface ReportRow {
  id: string; incident_id: string; region_code: string; kind: ReportKind; seq: number; number: string; status: ReportStatus; title: string; content: ReportContent;
  drafted_by: string; drafted_by_name: string; drafted_at: Date; submitted_at: Date | null; approved_by: string | null; approved_by_name: string | null; approved_at: Date | null;
  approval_note: string | null; returned_note: string | null; sent_by: string | null; sent_by_name: string | null; sent_at: Date | null;
  recipients: { name: string; phone?: string | null; username?: string | null }[];
}

const COLS = sql`r.*, d.display_name as drafted_by_name, ap.display_name as approved_by_name, s.display_name as sent_by_name`;
const FROM = sql`incident_reports r join accounts d on d.id = r.drafted_by left join accounts ap on ap.id = r.approved_by left join accounts s on s.id = r.sent_by`;
const SELECT = sql`select ${COLS} from ${FROM}`;

/** The reports of one incident, in the order they were drafted. */
export const reportsOf = (db: Queryable, incidentId: string) => db.query<ReportRow>(sql`${SELECT} where r.incident_id = ${incidentId} order by r.drafted_at, r.id`);

/** One report of an incident (the caller has already been shown the incident). */
export const findReport = (db: Queryable, incidentId: string, id: string) =>
  db.maybeOne<ReportRow>(sql`${SELECT} where r.id = ${id} and r.incident_id = ${incidentId}`);

/** Serialise the drafting of one incident's reports (a transaction-scoped advisory lock, so the incident row is not touched). */
export const lockIncidentReports = (tx: Queryable, incidentId: string) =>
  tx.query(sql`select pg_advisory_xact_lock(hashtextextended(${'command.report:' + incidentId}, 0)) is not null as locked`);

/** Ids of the enabled accounts with these usernames (recipients inside the platform). */
export async function activeAccountIds(db: Queryable, usernames: string[]): Promise<string[]> {
  if (!usernames.length) return [];
  return (await db.query<{ id: string }>(sql`select id from accounts where username = any(${usernames}::text[]) and not disabled`)).map((a) => a.id);
}

/** Lock a report for a move. */
export const lockReport = (tx: Queryable, id: string) => tx.maybeOne<{ status: ReportStatus }>(sql`select status from incident_reports where id = ${id} for update`);

/** The next 续报 number of an incident (1 for the first). */
export async function nextSeq(tx: Queryable, incidentId: string, kind: ReportKind): Promise<number> {
  const r = await tx.one<{ n: number }>(sql`select coalesce(max(seq), 0)::int + 1 as n from incident_reports where incident_id = ${incidentId} and kind = ${kind}`);
  return r.n;
}

export async function insertReport(tx: Queryable, r: { id: string; incident_id: string; region_code: string; kind: ReportKind; seq: number; number: string; title: string;
  content: ReportContent; drafted_by: string; drafted_at: string }) {
  await tx.execute(sql`insert into incident_reports (id, incident_id, region_code, kind, seq, number, title, content, drafted_by, drafted_at)
    values (${r.id}, ${r.incident_id}, ${r.region_code}, ${r.kind}, ${r.seq}, ${r.number}, ${r.title}, ${JSON.stringify(r.content)}::jsonb, ${r.drafted_by}, ${r.drafted_at})`);
}

type ReportWrite = Partial<Record<'status' | 'title' | 'submitted_at' | 'approved_by' | 'approved_at' | 'approval_note' | 'returned_note' | 'sent_by' | 'sent_at', string | null>>
  & { content?: ReportContent; recipients?: unknown[] };

/** Set columns of a report that is still in `from`; 0 when it moved meanwhile. */
export async function updateReport(tx: Queryable, id: string, from: ReportStatus, w: ReportWrite): Promise<number> {
  const sets: Sql[] = Object.entries(w).filter(([, v]) => v !== undefined).map(([k, v]) =>
    k === 'content' || k === 'recipients' ? sql`${sql.id(k)} = ${JSON.stringify(v)}::jsonb` : sql`${sql.id(k)} = ${v}`);
  return tx.execute(sql`update incident_reports set ${sql.join([...sets, sql`updated_at = now()`])} where id = ${id} and status = ${from}`);
}

/** The last sent report of an incident (its 续报 covers the time since). */
export const lastSent = (db: Queryable, incidentId: string) =>
  db.maybeOne<{ sent_at: Date; kind: ReportKind }>(sql`select sent_at, kind from incident_reports where incident_id = ${incidentId} and sent_at is not null order by sent_at desc limit 1`);

export interface DueRow {
  id: string; incident_id: string; region_code: string; kind: ReportKind; due_at: Date; basis: string; met_report_id: string | null; met_at: Date | null;
  reminded_at: Date | null; overdue_at: Date | null;
}

/** The deadlines of some incidents, earliest first. */
export const duesOf = (db: Queryable, incidentIds: string[]) => incidentIds.length
  ? db.query<DueRow>(sql`select * from incident_report_dues where incident_id = any(${incidentIds}::uuid[]) order by due_at, id`)
  : Promise.resolve([] as DueRow[]);

/** Add a deadline unless the same one exists; true when added. */
export async function insertDue(tx: Queryable, d: { id: string; incident_id: string; region_code: string; kind: ReportKind; due_at: string; basis: string }): Promise<boolean> {
  return (await tx.execute(sql`insert into incident_report_dues (id, incident_id, region_code, kind, due_at, basis)
    values (${d.id}, ${d.incident_id}, ${d.region_code}, ${d.kind}, ${d.due_at}, ${d.basis}) on conflict (incident_id, kind, due_at) do nothing`)) > 0;
}

/** Mark the earliest unmet deadline of a kind met by a sent report; returns it, if there was one. */
export const meetDue = (tx: Queryable, incidentId: string, kind: ReportKind, reportId: string, at: string) =>
  tx.maybeOne<DueRow>(sql`update incident_report_dues set met_report_id = ${reportId}, met_at = ${at}
    where id = (select id from incident_report_dues where incident_id = ${incidentId} and kind = ${kind} and met_at is null order by due_at limit 1 for update)
    returning *`);

/** Unmet deadlines that are due for a reminder or are past due and not yet flagged (the scan). */
export const duesToWatch = (db: Queryable, now: Date, remindBeforeMinutes: number) =>
  db.query<DueRow>(sql`select * from incident_report_dues where met_at is null and (
      (reminded_at is null and due_at - make_interval(mins => ${remindBeforeMinutes}::int) <= ${now.toISOString()}::timestamptz)
      or (overdue_at is null and due_at <= ${now.toISOString()}::timestamptz)) order by due_at limit 500`);

/** Record that the scan reminded or flagged a deadline (only once each). */
export const markDue = (tx: Queryable, id: string, what: 'reminded_at' | 'overdue_at', at: string) =>
  tx.execute(sql`update incident_report_dues set ${sql.id(what)} = ${at} where id = ${id} and ${sql.id(what)} is null`);

export interface LedgerRow extends ReportRow { due_at: Date | null }

/** Reports in the caller's region scope (the ledger: the bureau's and the towns' own business), newest first. */
export async function listReports(db: Queryable, actor: Actor, f: { kind?: string; status?: string; q?: string; from?: string; to?: string },
  page: number, pageSize: number) {
  const where = sql.and([
    scopeWhere(actor, { region: 'r.region_code' }),
    f.kind ? sql`r.kind = ${f.kind}` : undefined,
    f.status ? sql`r.status = ${f.status}` : undefined,
    f.q ? sql`(r.title ilike ${'%' + f.q + '%'} or r.number ilike ${'%' + f.q + '%'})` : undefined,
    f.from ? sql`r.drafted_at >= ${f.from}::date - interval '8 hours'` : undefined,
    f.to ? sql`r.drafted_at < ${f.to}::date + interval '16 hours'` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from incident_reports r where ${where}`);
  const items = await db.query<LedgerRow>(sql`select ${COLS}, due.due_at from ${FROM}
    left join lateral (select u.due_at from incident_report_dues u where u.met_report_id = r.id limit 1) due on true
    where ${where} order by r.drafted_at desc, r.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One report by its id alone (the caller's right to its incident is checked by whoever asks). */
export const findReportById = (db: Queryable, id: string) => db.maybeOne<ReportRow>(sql`${SELECT} where r.id = ${id}`);
