// SQL of disaster events (灾害事件), their areas and reports (初报/续报/核报), scoped by region: an event is seen by
// whoever's region it struck; a report by its village, its town and the county.
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { townName } from '../common.js';

export interface EventRow {
  id: string; number: string; name: string; kind: string; started_at: Date; region_code: string; region_name: string; description: string; stable_at: Date | null;
  areas: { regionCode: string; regionName: string }[]; reports: number; pending: number;
}
export interface ReportRow {
  id: string; event_id: string; event_name: string; region_code: string; region_name: string; town_name: string; level: string; stage: string; status: string;
  as_of: Date; figures: Record<string, number>; description: string; reporter_id: string | null; reporter_name: string; submitted_at: Date; approved_at: Date | null;
}

/** An event is in scope when one of its areas lies in the caller's region or contains it (a village officer sees the town-wide event). */
const eventScope = (v: DataScope) => (v.kind === 'all' ? sql.raw('true') : v.kind !== 'region' ? sql.raw('false')
  : sql`exists (select 1 from disaster_event_areas a where a.event_id = e.id and (a.region_code like ${regionPrefix(v.regionCode!) + '%'}
      or ${v.regionCode!} like rtrim(a.region_code, '0') || '%'))`);
const reportScope = (v: DataScope) => scopeWhere(v, { region: 'd.region_code' });

/** An event with its areas; its report counts are those the viewer may see (a village counts only its own reports). */
const eventSelect = (v: DataScope) => sql`select e.id, e.number, e.name, e.kind, e.started_at, e.region_code, r.name as region_name, e.description, e.stable_at,
  coalesce((select json_agg(json_build_object('regionCode', a.region_code, 'regionName', ar.name) order by a.region_code) from disaster_event_areas a
    join regions ar on ar.code = a.region_code where a.event_id = e.id), '[]') as areas,
  (select count(*)::int from disaster_reports d where d.event_id = e.id and ${reportScope(v)}) as reports,
  (select count(*)::int from disaster_reports d where d.event_id = e.id and d.status in ('submitted', 'town_approved') and ${reportScope(v)}) as pending
  from disaster_events e join regions r on r.code = e.region_code`;

export interface EventFilter { q?: string; kind?: string; from?: string; to?: string; regionCode?: string; stableSince?: Date }
export async function listEvents(db: Queryable, v: DataScope, f: EventFilter, page: number, pageSize: number) {
  const w = sql.and([eventScope(v), f.regionCode ? eventScope({ kind: 'region', regionCode: f.regionCode }) : undefined,
    f.stableSince ? sql`(e.stable_at is null or e.stable_at >= ${f.stableSince.toISOString()})` : undefined, f.q ? sql`(e.name like ${'%' + f.q + '%'} or e.number like ${'%' + f.q + '%'})` : undefined, f.kind ? sql`e.kind = ${f.kind}` : undefined,
    f.from ? sql`(e.started_at at time zone 'Asia/Shanghai')::date >= ${f.from}::date` : undefined, f.to ? sql`(e.started_at at time zone 'Asia/Shanghai')::date <= ${f.to}::date` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from disaster_events e where ${w}`);
  const items = await db.query<EventRow>(sql`${eventSelect(v)} where ${w} order by e.started_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findEvent = (db: Queryable, v: DataScope, id: string) => db.maybeOne<EventRow>(sql`${eventSelect(v)} where e.id = ${id} and ${eventScope(v)}`);
/** Events not yet stable or stabilised recently: the ones whose time limits are watched. */
export const watchedEvents = (db: Queryable, since: Date) => db.query<EventRow>(sql`${eventSelect({ kind: 'all' })} where e.stable_at is null or e.stable_at >= ${since.toISOString()}`);

export async function insertEvent(db: Queryable, e: { id: string; number: string; name: string; kind: string; started_at: string; region_code: string; description: string; by: string | null }, areas: string[]) {
  await db.execute(sql`insert into disaster_events (id, number, name, kind, started_at, region_code, description, created_by)
    values (${e.id}, ${e.number}, ${e.name}, ${e.kind}, ${e.started_at}, ${e.region_code}, ${e.description}, ${e.by})`);
  await db.execute(sql`insert into disaster_event_areas (event_id, region_code) select ${e.id}, unnest(${areas}::text[])`);
}
/** Add struck areas to an event (those it already has are kept once). */
export const addAreas = (db: Queryable, id: string, areas: string[]) =>
  db.execute(sql`insert into disaster_event_areas (event_id, region_code) select ${id}, unnest(${areas}::text[]) on conflict do nothing`);
export const setEventRegion = (db: Queryable, id: string, code: string) => db.execute(sql`update disaster_events set region_code = ${code} where id = ${id}`);
export const markStable = (db: Queryable, id: string, at: string) => db.execute(sql`update disaster_events set stable_at = ${at} where id = ${id} and stable_at is null`);

const reportSelect = sql`select d.id, d.event_id, e.name as event_name, d.region_code, r.name as region_name, ${townName('d.region_code')} as town_name, d.level, d.stage,
  d.status, d.as_of, d.figures, d.description, d.reporter_id, d.reporter_name, d.submitted_at, d.approved_at
  from disaster_reports d join disaster_events e on e.id = d.event_id join regions r on r.code = d.region_code`;

export interface ReportFilter { eventId?: string; stage?: string; status?: string; regionCode?: string; q?: string; statuses?: string[]; levels?: string[]; from?: string; to?: string }
export async function listReports(db: Queryable, v: DataScope, f: ReportFilter, page: number, pageSize: number) {
  const w = sql.and([reportScope(v), f.eventId ? sql`d.event_id = ${f.eventId}` : undefined, f.stage ? sql`d.stage = ${f.stage}` : undefined,
    f.status ? sql`d.status = ${f.status}` : undefined, f.regionCode ? sql`d.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.q ? sql`(r.name like ${'%' + f.q + '%'} or e.name like ${'%' + f.q + '%'} or d.reporter_name like ${'%' + f.q + '%'})` : undefined,
    f.statuses ? sql`d.status = any(${f.statuses}::text[])` : undefined, f.levels ? sql`d.level = any(${f.levels}::text[])` : undefined,
    f.from ? sql`d.submitted_at >= ${f.from}::date` : undefined, f.to ? sql`d.submitted_at < ${f.to}::date + 1` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from disaster_reports d join disaster_events e on e.id = d.event_id
    join regions r on r.code = d.region_code where ${w}`);
  const items = await db.query<ReportRow>(sql`${reportSelect} where ${w} order by d.submitted_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findReport = (db: Queryable, v: DataScope, id: string) => db.maybeOne<ReportRow>(sql`${reportSelect} where d.id = ${id} and ${reportScope(v)}`);
/** Every report of an event (the summary and the deadlines read them all, whatever the caller's scope within it). */
export const reportsOf = (db: Queryable, eventId: string) => db.query<ReportRow>(sql`${reportSelect} where d.event_id = ${eventId} order by d.as_of, d.submitted_at`);

export interface ReportWrite { event_id: string; region_code: string; level: string; stage: string; status: string; as_of: string; figures: Record<string, number>; description: string }
export const insertReport = (db: Queryable, id: string, w: ReportWrite, by: { id: string | null; name: string }, at: string) => db.execute(sql`insert into disaster_reports
  (id, event_id, region_code, level, stage, status, as_of, figures, description, reporter_id, reporter_name, submitted_at)
  values (${id}, ${w.event_id}, ${w.region_code}, ${w.level}, ${w.stage}, ${w.status}, ${w.as_of}, ${JSON.stringify(w.figures)}::jsonb, ${w.description}, ${by.id}, ${by.name}, ${at})`);
export const updateReport = (db: Queryable, id: string, w: Pick<ReportWrite, 'stage' | 'status' | 'as_of' | 'figures' | 'description'>, at: string) => db.execute(sql`update disaster_reports
  set stage = ${w.stage}, status = ${w.status}, as_of = ${w.as_of}, figures = ${JSON.stringify(w.figures)}::jsonb, description = ${w.description}, submitted_at = ${at} where id = ${id}`);
export const setStatus = (db: Queryable, id: string, from: string, to: string, at: string | null) =>
  db.execute(sql`update disaster_reports set status = ${to}, approved_at = coalesce(${at}::timestamptz, approved_at) where id = ${id} and status = ${from}`);
export const addTrail = (db: Queryable, e: { id: string; report_id: string; action: string; from_status: string | null; to_status: string; note: string | null; actor_id: string | null; actor_name: string; at: string }) =>
  db.execute(sql`insert into disaster_report_events (id, report_id, action, from_status, to_status, note, actor_id, actor_name, at)
    values (${e.id}, ${e.report_id}, ${e.action}, ${e.from_status}, ${e.to_status}, ${e.note}, ${e.actor_id}, ${e.actor_name}, ${e.at})`);
export const trailOf = (db: Queryable, id: string) => db.query<{ action: string; from_status: string | null; to_status: string; note: string | null; actor_name: string; at: Date }>(
  sql`select action, from_status, to_status, note, actor_name, at from disaster_report_events where report_id = ${id} order by at, id`);

export const regionBrief = (db: Queryable, code: string) => db.maybeOne<{ code: string; name: string; level: string }>(sql`select code, name, level from regions where code = ${code}`);
export const regionNames = (db: Queryable, codes: string[]) => db.query<{ code: string; name: string }>(sql`select code, name from regions where code = any(${codes}::text[])`);

/** Flag an overdue time limit once; true when it is new. */
export const flagOverdue = async (db: Queryable, f: { event_id: string; region_code: string; stage: string; due_at: string }, at: string) =>
  (await db.execute(sql`insert into disaster_overdue_flags (event_id, region_code, stage, due_at, flagged_at) values (${f.event_id}, ${f.region_code}, ${f.stage}, ${f.due_at}, ${at})
    on conflict do nothing`)) > 0;
export const overdueFlags = (db: Queryable, eventId: string) => db.query<{ region_code: string; stage: string; due_at: Date }>(
  sql`select region_code, stage, due_at from disaster_overdue_flags where event_id = ${eventId}`);
