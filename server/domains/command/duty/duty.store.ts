// Every SQL statement of the duty desk: roster cells, handovers, duty log. A roster, handover or log entry belongs to
// a unit by its region code (the bureau: the county; a town station: its town), and reads are scoped by it.
import { ROLES } from '../../../../contracts/roles.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';

/** Rows of a duty table (alias) the actor may see: its region subtree; department and enterprise accounts see none. */
export const dutyScope = (actor: Actor, alias: string) => scopeWhere(actor, { region: `${alias}.region_code` });

/** Roles whose holders may stand duty (they can read the command desk). */
export const DUTY_ROLE_CODES = ROLES.filter((r) => r.permissions.includes('command:read')).map((r) => r.code);

export interface PersonRow { id: string; display_name: string; phone: string | null; org_name: string | null; disabled: boolean; roles: string[] }

const PERSON = sql`select a.id, a.display_name, a.phone, o.name as org_name, a.disabled, a.roles from accounts a left join organizations o on o.id = a.org_id`;

/** Accounts by id (any state: the caller checks who may stand duty). */
export const peopleByIds = (db: Queryable, ids: string[]) =>
  ids.length ? db.query<PersonRow>(sql`${PERSON} where a.id = any(${ids}::uuid[])`) : Promise.resolve([] as PersonRow[]);

/** Accounts that may stand duty, matching a search, for the roster editor and the import. */
export const dutyCandidates = (db: Queryable, q: string | undefined, limit: number) =>
  db.query<PersonRow>(sql`${PERSON} where not a.disabled and a.roles && ${DUTY_ROLE_CODES}::text[]
    ${q ? sql`and (a.display_name ilike ${'%' + q + '%'} or a.username ilike ${'%' + q + '%'})` : sql``}
    order by a.display_name, a.id limit ${limit}`);

/** Active duty-capable accounts with their usernames (to resolve the names written in an imported roster). */
export const dutyAccountsByName = (db: Queryable) =>
  db.query<{ id: string; username: string; display_name: string }>(sql`select id, username, display_name from accounts
    where not disabled and roles && ${DUTY_ROLE_CODES}::text[]`);

export interface RegionRow { code: string; name: string; level: string }

/** A region by code. */
export const findRegion = (db: Queryable, code: string) => db.maybeOne<RegionRow>(sql`select code, name, level from regions where code = ${code}`);

/** The county (the bureau's own unit). */
export const countyRegion = (db: Queryable) =>
  db.maybeOne<RegionRow>(sql`select code, name, level from regions where level = 'county' order by code limit 1`);

export interface AssignmentRow extends PersonRow { duty_date: string; shift: string; role: 'leader' | 'officer'; account_id: string }

/** The roster cells of a unit between two days (inclusive), with the people. */
export const assignmentsBetween = (db: Queryable, regionCode: string, from: string, to: string) =>
  db.query<AssignmentRow>(sql`select d.duty_date::text as duty_date, d.shift, d.role, d.account_id, a.id, a.display_name, a.phone, o.name as org_name,
    a.disabled, a.roles from duty_assignments d join accounts a on a.id = d.account_id left join organizations o on o.id = a.org_id
    where d.region_code = ${regionCode} and d.duty_date between ${from}::date and ${to}::date order by d.duty_date, d.shift, d.role, d.created_at, a.display_name`);

/** Replace one roster cell (date × shift) with these people; returns the cell's previous account ids by role. */
export async function replaceSlot(tx: Queryable, s: { regionCode: string; date: string; shift: string; leaderIds: string[]; officerIds: string[]; by: string | null }) {
  const before = await tx.query<{ role: string; account_id: string }>(sql`delete from duty_assignments
    where region_code = ${s.regionCode} and duty_date = ${s.date}::date and shift = ${s.shift} returning role, account_id`);
  const rows = [...s.leaderIds.map((id) => ['leader', id]), ...s.officerIds.map((id) => ['officer', id])];
  for (const [role, accountId] of rows) {
    await tx.execute(sql`insert into duty_assignments (id, region_code, duty_date, shift, role, account_id, created_by)
      values (${uuidv7()}, ${s.regionCode}, ${s.date}::date, ${s.shift}, ${role}, ${accountId}, ${s.by}) on conflict do nothing`);
  }
  return {
    leaderIds: before.filter((b) => b.role === 'leader').map((b) => b.account_id),
    officerIds: before.filter((b) => b.role === 'officer').map((b) => b.account_id),
  };
}

/** Whether an account is on a shift of a unit's roster. */
export async function isOnShift(db: Queryable, regionCode: string, date: string, shift: string, accountId: string): Promise<boolean> {
  return !!(await db.maybeOne(sql`select 1 as one from duty_assignments where region_code = ${regionCode} and duty_date = ${date}::date
    and shift = ${shift} and account_id = ${accountId}`));
}

/** Every roster unit an account is on for a shift (the units it may hand over or log for). */
export const unitsOnShift = (db: Queryable, date: string, shift: string, accountId: string) =>
  db.query<{ region_code: string }>(sql`select distinct region_code from duty_assignments where duty_date = ${date}::date and shift = ${shift} and account_id = ${accountId}`);

export interface HandoverRow {
  id: string; region_code: string; from_date: string; from_shift: string; to_date: string; to_shift: string; notes: string;
  open_items: { text: string; incidentId?: string | null }[]; handed_by: string; handed_at: Date; received_by: string | null; received_at: Date | null; receive_note: string | null;
}

const HANDOVER = sql`select h.id, h.region_code, h.from_date::text as from_date, h.from_shift, h.to_date::text as to_date, h.to_shift, h.notes, h.open_items,
  h.handed_by, h.handed_at, h.received_by, h.received_at, h.receive_note from duty_handovers h`;

export interface HandoverFilter { regionCode?: string; from?: string; to?: string; pending?: boolean }

function handoverWhere(actor: Actor, f: HandoverFilter): Sql {
  return sql.and([
    dutyScope(actor, 'h'),
    f.regionCode ? sql`h.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.from ? sql`h.from_date >= ${f.from}::date` : undefined,
    f.to ? sql`h.from_date <= ${f.to}::date` : undefined,
    f.pending === true ? sql`h.received_at is null` : f.pending === false ? sql`h.received_at is not null` : undefined,
  ]);
}

/** One page of a query (its select, the table for the count, a filter and an order) with the total. */
async function pageOf<T>(db: Queryable, q: { select: Sql; table: Sql; where: Sql; order: Sql }, page: number, pageSize: number) {
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from ${q.table} where ${q.where}`);
  const items = await db.query<T>(sql`${q.select} where ${q.where} order by ${q.order} limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** A page of handovers, newest first. */
export const listHandovers = (db: Queryable, actor: Actor, f: HandoverFilter, page: number, pageSize: number) =>
  pageOf<HandoverRow>(db, { select: HANDOVER, table: sql`duty_handovers h`, where: handoverWhere(actor, f), order: sql`h.handed_at desc, h.id` }, page, pageSize);

export const findHandover = (db: Queryable, actor: Actor, id: string) => db.maybeOne<HandoverRow>(sql`${HANDOVER} where h.id = ${id} and ${dutyScope(actor, 'h')}`);

/** The handover a shift of a unit made, if any. */
export const handoverFrom = (db: Queryable, regionCode: string, date: string, shift: string) =>
  db.maybeOne<HandoverRow>(sql`${HANDOVER} where h.region_code = ${regionCode} and h.from_date = ${date}::date and h.from_shift = ${shift}`);

/** The handover waiting for a shift of a unit to receive it. */
export const handoverTo = (db: Queryable, regionCode: string, date: string, shift: string) =>
  db.maybeOne<HandoverRow>(sql`${HANDOVER} where h.region_code = ${regionCode} and h.to_date = ${date}::date and h.to_shift = ${shift}`);

export async function insertHandover(tx: Queryable, h: Omit<HandoverRow, 'received_by' | 'received_at' | 'receive_note' | 'handed_at'> & { handed_at: string }) {
  await tx.execute(sql`insert into duty_handovers (id, region_code, from_date, from_shift, to_date, to_shift, notes, open_items, handed_by, handed_at)
    values (${h.id}, ${h.region_code}, ${h.from_date}::date, ${h.from_shift}, ${h.to_date}::date, ${h.to_shift}, ${h.notes}, ${JSON.stringify(h.open_items)}::jsonb,
    ${h.handed_by}, ${h.handed_at})`);
}

/** Mark received; 0 when someone already did. */
export const receiveHandover = (tx: Queryable, id: string, by: string, at: string, note: string | null) =>
  tx.execute(sql`update duty_handovers set received_by = ${by}, received_at = ${at}, receive_note = ${note} where id = ${id} and received_at is null`);

export interface DutyLogRow {
  id: string; region_code: string; duty_date: string; shift: string; at: Date; kind: string; party: string | null; phone: string | null; content: string;
  action_taken: string | null; incident_id: string | null; incident_title: string | null; recorded_by: string;
}

export interface DutyLogFilter { regionCode?: string; kind?: string; from?: string; to?: string; q?: string; incidentId?: string }

function logWhere(actor: Actor, f: DutyLogFilter): Sql {
  return sql.and([
    dutyScope(actor, 'l'),
    f.regionCode ? sql`l.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.kind ? sql`l.kind = ${f.kind}` : undefined,
    f.from ? sql`l.duty_date >= ${f.from}::date` : undefined,
    f.to ? sql`l.duty_date <= ${f.to}::date` : undefined,
    f.incidentId ? sql`l.incident_id = ${f.incidentId}` : undefined,
    f.q ? sql`(l.content ilike ${'%' + f.q + '%'} or l.party ilike ${'%' + f.q + '%'} or l.action_taken ilike ${'%' + f.q + '%'})` : undefined,
  ]);
}

// The incident's title is shown beside the entry; incidents outside the caller's view show none (titles come from the
// incident desk's directory in the service, so this reads only the duty tables).
const LOG = sql`select l.id, l.region_code, l.duty_date::text as duty_date, l.shift, l.at, l.kind, l.party, l.phone, l.content, l.action_taken,
  l.incident_id, null::text as incident_title, l.recorded_by from duty_logs l`;

/** A page of the duty log, newest first. */
export const listDutyLogs = (db: Queryable, actor: Actor, f: DutyLogFilter, page: number, pageSize: number) =>
  pageOf<DutyLogRow>(db, { select: LOG, table: sql`duty_logs l`, where: logWhere(actor, f), order: sql`l.at desc, l.id` }, page, pageSize);

export const findDutyLog = (db: Queryable, actor: Actor, id: string) => db.maybeOne<DutyLogRow>(sql`${LOG} where l.id = ${id} and ${dutyScope(actor, 'l')}`);

export async function insertDutyLog(tx: Queryable, l: Omit<DutyLogRow, 'at' | 'incident_title'> & { at: string }) {
  await tx.execute(sql`insert into duty_logs (id, region_code, duty_date, shift, at, kind, party, phone, content, action_taken, incident_id, recorded_by)
    values (${l.id}, ${l.region_code}, ${l.duty_date}::date, ${l.shift}, ${l.at}, ${l.kind}, ${l.party}, ${l.phone}, ${l.content}, ${l.action_taken},
    ${l.incident_id}, ${l.recorded_by})`);
}
