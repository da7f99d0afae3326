// Every SQL statement of the flood domain (防汛), filtered by the caller's data scope on region_code.
import type { Batch, BatchDetail, BatchQuery, Facility, FacilityInput, FacilityQuery, Plan, PlanQuery, Response, Task, TaskQuery, Transfer } from '../../../contracts/flood.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';

const like = (q: string) => '%' + q + '%';
const under = (col: string, code?: string) => (code ? sql`${sql.id(col)} like ${regionPrefix(code) + '%'}` : undefined);
const pageOf = (page: number, pageSize: number) => sql`limit ${pageSize} offset ${(page - 1) * pageSize}`;
const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

// ── facilities ────────────────────────────────────────────────────────────────────────────────────────────
const FACILITY_COLUMNS = sql`f.id, f.kind, f.name, f.region_code as "regionCode", r.name as "regionName", t.name as "townName", f.lng, f.lat, f.scale,
  f.levels, f.capacity_wan_m3::float8 as "capacityWanM3", f.households_at_risk as "householdsAtRisk", f.people_at_risk as "peopleAtRisk",
  f.transfer_route as "transferRoute", f.shelter, f.thresholds, f.monitoring_facility_id as "monitoringFacilityId",
  f.admin_name as "adminName", f.admin_phone as "adminPhone", f.tech_name as "techName", f.tech_phone as "techPhone",
  f.patrol_name as "patrolName", f.patrol_phone as "patrolPhone",
  (select max(b.inspected_on)::text from flood_batch_facilities bf join flood_inspection_batches b on b.id = bf.batch_id where bf.facility_id = f.id) as "lastInspectedOn"`;
const FACILITY_FROM = sql`from flood_facilities f left join regions r on r.code = f.region_code left join regions t on t.code = (substr(f.region_code, 1, 9) || '000')::bpchar`;

function facilityFilter(viewer: DataScope, f: Omit<FacilityQuery, 'page' | 'pageSize'>): Sql {
  return sql.and([
    scopeWhere(viewer, { region: 'f.region_code' }),
    f.q ? sql`(f.name ilike ${like(f.q)} or f.admin_name ilike ${like(f.q)} or f.tech_name ilike ${like(f.q)} or f.patrol_name ilike ${like(f.q)} or r.name ilike ${like(f.q)})` : undefined,
    f.kind ? sql`f.kind = ${f.kind}` : undefined,
    under('f.region_code', f.regionCode),
    f.uninspectedIn ? sql`not exists (select 1 from flood_batch_facilities bf join flood_inspection_batches b on b.id = bf.batch_id where bf.facility_id = f.id and b.season = ${f.uninspectedIn})` : undefined,
    f.inspectedFrom || f.inspectedTo ? sql`exists (select 1 from flood_batch_facilities bf join flood_inspection_batches b on b.id = bf.batch_id where bf.facility_id = f.id
      and ${f.inspectedFrom ? sql`b.inspected_on >= ${f.inspectedFrom}::date` : sql`true`} and ${f.inspectedTo ? sql`b.inspected_on <= ${f.inspectedTo}::date` : sql`true`})` : undefined,
  ]);
}

/** One page of facilities in the viewer's scope. */
export async function listFacilities(db: Queryable, viewer: DataScope, f: Omit<FacilityQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const where = facilityFilter(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total ${FACILITY_FROM} where ${where}`);
  const items = await db.query<Facility>(sql`select ${FACILITY_COLUMNS} ${FACILITY_FROM} where ${where} order by f.region_code, f.kind, f.name ${pageOf(page, pageSize)}`);
  return { items, total };
}

/** One facility in scope. */
export const findFacility = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<Facility>(sql`select ${FACILITY_COLUMNS} ${FACILITY_FROM} where f.id = ${id} and ${scopeWhere(viewer, { region: 'f.region_code' })}`);

/** The row's columns from the API input. */
export function facilityColumns(i: FacilityInput) {
  return {
    kind: i.kind, name: i.name, region_code: i.regionCode, lng: i.lng ?? null, lat: i.lat ?? null, scale: i.kind === 'reservoir' ? i.scale ?? null : null,
    levels: JSON.stringify(i.levels ?? {}), capacity_wan_m3: i.capacityWanM3 ?? null, households_at_risk: i.householdsAtRisk ?? null, people_at_risk: i.peopleAtRisk ?? null,
    transfer_route: i.transferRoute ?? null, shelter: i.shelter ?? null, thresholds: JSON.stringify(i.thresholds ?? {}), monitoring_facility_id: i.monitoringFacilityId ?? null,
    admin_name: i.adminName, admin_phone: i.adminPhone, tech_name: i.techName ?? null, tech_phone: i.techPhone ?? null, patrol_name: i.patrolName, patrol_phone: i.patrolPhone,
  };
}
export type FacilityColumns = ReturnType<typeof facilityColumns>;

export async function insertFacility(tx: Queryable, id: string, c: FacilityColumns, at: Date) {
  const cols = Object.keys(c);
  await tx.execute(sql`insert into flood_facilities (id, ${sql.join(cols.map((k) => sql.id(k)))}, created_at, updated_at)
    values (${id}, ${sql.join(cols.map((k) => sql`${(c as Record<string, unknown>)[k]}`))}, ${at.toISOString()}, ${at.toISOString()})`);
}

export async function updateFacility(tx: Queryable, id: string, c: FacilityColumns, at: Date) {
  await tx.execute(sql`update flood_facilities set ${sql.join(Object.entries(c).map(([k, v]) => sql`${sql.id(k)} = ${v}`))}, updated_at = ${at.toISOString()} where id = ${id}`);
}

/** What still points at a facility: inspections, findings, plans, response tasks and transfers (a referenced facility is kept). */
export const facilityReferences = (db: Queryable, id: string) => db.one<{ batches: number; findings: number; plans: number; tasks: number; transfers: number }>(sql`select
  (select count(*)::int from flood_batch_facilities where facility_id = ${id}) as batches, (select count(*)::int from flood_batch_findings where facility_id = ${id}) as findings,
  (select count(*)::int from flood_plans where facility_id = ${id}) as plans, (select count(*)::int from flood_response_tasks where facility_id = ${id}) as tasks,
  (select count(*)::int from flood_transfers where facility_id = ${id}) as transfers`);
export const deleteFacilityRow = (db: Queryable, id: string) => db.execute(sql`delete from flood_facilities where id = ${id}`);

/** Existing facilities by (kind, region, name), for the import's update-or-create. */
export const facilitiesByKey = (db: Queryable, keys: { kind: string; region_code: string; name: string }[]) => keys.length
  ? db.query<{ id: string; kind: string; region_code: string; name: string; monitoring_facility_id: string | null }>(sql`select f.id, f.kind, f.region_code, f.name, f.monitoring_facility_id
    from flood_facilities f join unnest(${keys.map((k) => k.kind)}::text[], ${keys.map((k) => k.region_code)}::text[], ${keys.map((k) => k.name)}::text[]) as x(kind, region_code, name)
      on f.kind = x.kind and f.region_code = x.region_code and f.name = x.name`)
  : Promise.resolve([]);
/** Towns and villages with their town's name, for reading a region cell by code or name. */
export const placeRegions = (db: Queryable) => db.query<{ code: string; name: string; level: string; town_name: string | null }>(sql`select r.code, r.name, r.level, t.name as town_name
  from regions r left join regions t on t.code = (substr(r.code, 1, 9) || '000')::bpchar and r.level = 'village' where r.level in ('town', 'village')`);

/** Facilities in scope linked to a monitoring site (live water level / rainfall), optionally of one kind. */
export const linkedFacilities = (db: Queryable, viewer: DataScope) =>
  db.query<Facility>(sql`select ${FACILITY_COLUMNS} ${FACILITY_FROM} where f.monitoring_facility_id is not null and ${scopeWhere(viewer, { region: 'f.region_code' })} order by f.region_code, f.name`);

/** Facilities of given ids inside a region subtree and the viewer's scope (batches, responses). */
export const facilitiesIn = (db: Queryable, viewer: DataScope, ids: string[], regionCode: string) =>
  db.query<{ id: string }>(sql`select f.id from flood_facilities f where f.id = any(${ids}::uuid[]) and ${under('f.region_code', regionCode)!} and ${scopeWhere(viewer, { region: 'f.region_code' })}`);

// ── inspections ───────────────────────────────────────────────────────────────────────────────────────────
export const listTeams = (db: Queryable, viewer: DataScope) =>
  db.query<{ id: string; name: string; level: string; regionCode: string; leader: string; members: string[] }>(sql`select id, name, level, region_code as "regionCode", leader, members
    from flood_inspection_teams tm where ${scopeWhere(viewer, { region: 'tm.region_code' })} or tm.level = 'county' order by level, name`);

/** One page of teams (a level; those that inspected between two days), each with its number of people (leader + members). */
export async function listTeamPage(db: Queryable, viewer: DataScope, f: { level?: string; inspectedFrom?: string; inspectedTo?: string }, page: number, pageSize: number) {
  const where = sql.and([
    sql`(${scopeWhere(viewer, { region: 'tm.region_code' })} or tm.level = 'county')`,
    f.level ? sql`tm.level = ${f.level}` : undefined,
    f.inspectedFrom || f.inspectedTo ? sql`exists (select 1 from flood_inspection_batches b where b.team_id = tm.id
      and ${f.inspectedFrom ? sql`b.inspected_on >= ${f.inspectedFrom}::date` : sql`true`} and ${f.inspectedTo ? sql`b.inspected_on <= ${f.inspectedTo}::date` : sql`true`})` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from flood_inspection_teams tm where ${where}`);
  const items = await db.query<{ id: string; name: string; level: string; regionCode: string; leader: string; members: string[]; people: number }>(sql`select id, name, level,
    region_code as "regionCode", leader, members, 1 + jsonb_array_length(members) as people from flood_inspection_teams tm where ${where} order by level, name ${pageOf(page, pageSize)}`);
  return { items, total };
}

export const findTeam = (db: Queryable, id: string) =>
  db.maybeOne<{ id: string; name: string; level: string; region_code: string }>(sql`select id, name, level, region_code from flood_inspection_teams where id = ${id}`);

const BATCH_COLUMNS = sql`b.id, b.number, b.season, b.level, b.team_id as "teamId", tm.name as "teamName", b.region_code as "regionCode", r.name as "regionName",
  b.inspected_on::text as "inspectedOn", b.note,
  (select count(*)::int from flood_batch_facilities bf where bf.batch_id = b.id) as facilities,
  (select count(*)::int from flood_batch_findings fd where fd.batch_id = b.id) as findings,
  (select count(*)::int from flood_batch_findings fd join hazards h on h.id = fd.hazard_id where fd.batch_id = b.id and h.status = 'closed') as rectified`;
const BATCH_FROM = sql`from flood_inspection_batches b join flood_inspection_teams tm on tm.id = b.team_id left join regions r on r.code = b.region_code`;

export async function listBatches(db: Queryable, viewer: DataScope, f: Omit<BatchQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const where = sql.and([
    scopeWhere(viewer, { region: 'b.region_code' }),
    f.season ? sql`b.season = ${f.season}` : undefined,
    f.level ? sql`b.level = ${f.level}` : undefined,
    under('b.region_code', f.regionCode),
    f.q ? sql`(b.number ilike ${like(f.q)} or tm.name ilike ${like(f.q)} or r.name ilike ${like(f.q)})` : undefined,
    f.from ? sql`b.inspected_on >= ${f.from}::date` : undefined,
    f.to ? sql`b.inspected_on <= ${f.to}::date` : undefined,
  ]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total ${BATCH_FROM} where ${where}`);
  const items = await db.query<Batch>(sql`select ${BATCH_COLUMNS} ${BATCH_FROM} where ${where} order by b.inspected_on desc, b.number desc ${pageOf(page, pageSize)}`);
  return { items, total };
}

export const findBatch = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<Batch>(sql`select ${BATCH_COLUMNS} ${BATCH_FROM} where b.id = ${id} and ${scopeWhere(viewer, { region: 'b.region_code' })}`);

export const batchFacilities = (db: Queryable, batchId: string) =>
  db.query<{ id: string; kind: string; name: string }>(sql`select f.id, f.kind, f.name from flood_batch_facilities bf join flood_facilities f on f.id = bf.facility_id where bf.batch_id = ${batchId} order by f.kind, f.name`);

/** The batch's findings with the hazard's 一单四制 fields (责任人, 措施, 资金, 期限). */
export const batchFindings = (db: Queryable, batchId: string) =>
  db.query<BatchDetail['findingList'][number]>(sql`select h.id as "hazardId", h.number, h.title, h.status, fd.facility_id as "facilityId", h.responsible_person as "responsiblePerson",
      h.measures, h.funds::float8 as funds, h.deadline::text as deadline
    from flood_batch_findings fd join hazards h on h.id = fd.hazard_id where fd.batch_id = ${batchId} order by h.number`);

/** A batch's findings as the rectification notice lists them: the hazard's 一单四制 fields and the plan that applies (设施预案, else the village's, else the town's). */
export const noticeFindings = (db: Queryable, batchId: string) => db.query<{ hazard_id: string; number: string; title: string; description: string | null; status: string;
  responsible_person: string | null; responsible_phone: string | null; measures: string | null; funds: number | null; deadline: string | null; facility_name: string | null;
  facility_kind: string | null; region_name: string | null; plan: string | null }>(sql`select h.id as hazard_id, h.number, h.title, h.description, h.status, h.responsible_person,
    h.responsible_phone, h.measures, h.funds::float8 as funds, h.deadline::text as deadline, f.name as facility_name, f.kind as facility_kind, r.name as region_name,
    (select p.title || '（' || to_char(p.revised_on, 'YYYY-MM-DD') || ' 修订）' from flood_plans p
      where p.facility_id = f.id or (p.facility_id is null and p.region_code = f.region_code) or (p.level = 'town' and p.region_code = (substr(f.region_code, 1, 9) || '000')::bpchar)
      order by coalesce(p.facility_id = f.id, false) desc, (p.region_code = f.region_code) desc, p.revised_on desc limit 1) as plan
  from flood_batch_findings fd join hazards h on h.id = fd.hazard_id left join flood_facilities f on f.id = fd.facility_id left join regions r on r.code = f.region_code
  where fd.batch_id = ${batchId} order by h.number`);

export async function insertBatch(tx: Queryable, b: { id: string; number: string; season: number; level: string; team_id: string; region_code: string; inspected_on: string; note: string | null; created_by: string | null }, facilityIds: string[]) {
  await tx.execute(sql`insert into flood_inspection_batches (id, number, season, level, team_id, region_code, inspected_on, note, created_by)
    values (${b.id}, ${b.number}, ${b.season}, ${b.level}, ${b.team_id}, ${b.region_code}, ${b.inspected_on}, ${b.note}, ${b.created_by})`);
  await tx.execute(sql`insert into flood_batch_facilities (batch_id, facility_id) select ${b.id}, unnest(${facilityIds}::uuid[])`);
}

/** Season coverage: facilities by kind and how many were in a batch; batches, teams, hazards found and rectified by `asOf`. */
export async function coverage(db: Queryable, viewer: DataScope, season: number, asOf: string) {
  const fs = scopeWhere(viewer, { region: 'f.region_code' });
  const bs = scopeWhere(viewer, { region: 'b.region_code' });
  const kinds = await db.query<{ kind: string; total: number; inspected: number }>(sql`select f.kind, count(*)::int as total,
      count(*) filter (where exists (select 1 from flood_batch_facilities bf join flood_inspection_batches b on b.id = bf.batch_id where bf.facility_id = f.id and b.season = ${season}))::int as inspected
    from flood_facilities f where ${fs} group by f.kind order by f.kind`);
  const s = await db.one<{ county: number; town: number; teams: number; inspectors: number; found: number; rectified: number }>(sql`select
      (select count(*)::int from flood_inspection_batches b where b.season = ${season} and b.level = 'county' and ${bs}) as county,
      (select count(*)::int from flood_inspection_batches b where b.season = ${season} and b.level = 'town' and ${bs}) as town,
      (select count(distinct b.team_id)::int from flood_inspection_batches b where b.season = ${season} and b.level = 'county' and ${bs}) as teams,
      (select coalesce(sum(1 + jsonb_array_length(tm.members)), 0)::int from flood_inspection_teams tm
        where tm.id in (select b.team_id from flood_inspection_batches b where b.season = ${season} and b.level = 'county' and ${bs})) as inspectors,
      (select count(*)::int from flood_batch_findings fd join flood_inspection_batches b on b.id = fd.batch_id where b.season = ${season} and ${bs}) as found,
      (select count(*)::int from flood_batch_findings fd join flood_inspection_batches b on b.id = fd.batch_id join hazards h on h.id = fd.hazard_id
        where b.season = ${season} and ${bs} and h.status = 'closed' and (h.closed_at at time zone 'Asia/Shanghai')::date <= ${asOf}::date) as rectified`);
  return { season, kinds, batches: { county: s.county, town: s.town }, teams: s.teams, inspectors: s.inspectors, hazardsFound: s.found, hazardsRectified: s.rectified };
}

// ── plans ─────────────────────────────────────────────────────────────────────────────────────────────────
export async function listPlans(db: Queryable, viewer: DataScope, f: Omit<PlanQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const where = sql.and([
    scopeWhere(viewer, { region: 'p.region_code' }),
    f.level ? sql`p.level = ${f.level}` : undefined,
    under('p.region_code', f.regionCode),
    f.q ? sql`(p.title ilike ${like(f.q)} or r.name ilike ${like(f.q)})` : undefined,
    f.revisedBefore ? sql`p.revised_on < ${f.revisedBefore}::date` : undefined,
    f.revisedFrom ? sql`p.revised_on >= ${f.revisedFrom}::date` : undefined,
    f.revisedTo ? sql`p.revised_on <= ${f.revisedTo}::date` : undefined,
  ]);
  const from = sql`from flood_plans p left join regions r on r.code = p.region_code left join flood_facilities f on f.id = p.facility_id left join command_plans cp on cp.id = p.command_plan_id`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total ${from} where ${where}`);
  const items = await db.query<Plan>(sql`select p.id, p.level, p.title, p.region_code as "regionCode", r.name as "regionName", p.facility_id as "facilityId",
      f.name as "facilityName", p.command_plan_id as "commandPlanId", cp.title as "commandPlanTitle", p.revised_on::text as "revisedOn"
    ${from} where ${where} order by p.region_code, p.level, p.title ${pageOf(page, pageSize)}`);
  return { items, total };
}

/** The county's published 防汛抗旱 special plan (command domain) that flood plans hang under. */
export const countyFloodPlan = (db: Queryable) =>
  db.maybeOne<{ id: string }>(sql`select id from command_plans where kind = 'special' and 'flood' = any(scope_kinds) order by (title like '%防汛%') desc, published_version_id is null, title limit 1`);

// ── responses ─────────────────────────────────────────────────────────────────────────────────────────────
/** A response is visible to a region account when it covers a town inside the account's region. */
export function responseScope(viewer: DataScope): Sql {
  if (viewer.kind === 'all') return sql.raw('true');
  if (viewer.kind !== 'region') return sql.raw('false');
  const prefix = regionPrefix(viewer.regionCode!);
  return sql`(exists (select 1 from unnest(fr.town_codes) tc where tc like ${prefix + '%'}) or ${viewer.regionCode!} like any (select regexp_replace(tc, '0+$', '') || '%' from unnest(fr.town_codes) tc))`;
}

/** Tasks overdue: no acknowledgement within ackMinutes of the last sending. */
// The confirmation recorded on the task, else the person's own 叫应 on one of its messages (primary-key lookups per id).
const ACKED = sql`coalesce(k.acked_at, (select min((select n.acked_at from notifications n where n.id = x.id)) from unnest(k.notification_ids) as x(id)))`;
const overdue = (now: Date, ackMinutes: number) => sql`(${ACKED} is null and k.last_sent_at < ${new Date(now.getTime() - ackMinutes * 60_000).toISOString()}::timestamptz)`;

export async function listResponses(db: Queryable, viewer: DataScope, open: boolean | undefined, now: Date, ackMinutes: number, page: number, pageSize: number) {
  const ts = scopeWhere(viewer, { region: 'k.region_code' });
  const where = sql.and([responseScope(viewer), open ? sql`fr.ended_at is null` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from flood_responses fr where ${where}`);
  const rows = await db.query<Omit<Response, 'startedAt' | 'endedAt'> & { startedAt: Date; endedAt: Date | null }>(sql`select fr.id, fr.number, fr.level, fr.town_codes as "townCodes", fr.reason,
      fr.incident_id as "incidentId", fr.started_at as "startedAt", fr.ended_at as "endedAt",
      (select count(*)::int from flood_response_tasks k where k.response_id = fr.id and ${ts}) as tasks,
      (select count(*)::int from flood_response_tasks k where k.response_id = fr.id and ${ts} and ${ACKED} is not null) as acked,
      (select count(*)::int from flood_response_tasks k where k.response_id = fr.id and ${ts} and fr.ended_at is null and ${overdue(now, ackMinutes)}) as overdue,
      (select coalesce(sum(planned), 0)::int from flood_transfers k where k.response_id = fr.id and ${ts}) as planned,
      (select coalesce(sum(transferred), 0)::int from flood_transfers k where k.response_id = fr.id and ${ts}) as transferred,
      (select coalesce(sum(returned), 0)::int from flood_transfers k where k.response_id = fr.id and ${ts}) as returned
    from flood_responses fr where ${where} order by fr.started_at desc ${pageOf(page, pageSize)}`);
  return { items: rows.map((r) => ({ ...r, startedAt: iso(r.startedAt)!, endedAt: iso(r.endedAt) })), total };
}

export const findResponse = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<{ id: string; number: string; level: number; town_codes: string[]; ended_at: Date | null; region_code: string }>(
    sql`select fr.id, fr.number, fr.level, fr.town_codes, fr.ended_at, fr.region_code from flood_responses fr where fr.id = ${id} and ${responseScope(viewer)}`);

export async function listTasks(db: Queryable, viewer: DataScope, responseId: string, f: Omit<TaskQuery, 'page' | 'pageSize'>, now: Date, ackMinutes: number, page: number, pageSize: number) {
  // The response's tasks with their confirmation worked out once (materialised), so filters and joins never repeat it.
  const tasks = sql`with k as materialized (select k.*, ${ACKED} as acked from flood_response_tasks k
    where k.response_id = ${responseId} and ${scopeWhere(viewer, { region: 'k.region_code' })})`;
  const where = sql.and([
    f.acked === true ? sql`k.acked is not null` : f.acked === false ? sql`k.acked is null` : undefined,
    under('k.region_code', f.regionCode),
    f.q ? sql`(k.person_name ilike ${like(f.q)} or f.name ilike ${like(f.q)} or k.phone ilike ${like(f.q)})` : undefined,
  ]);
  const from = sql`from k join flood_facilities f on f.id = k.facility_id left join regions t on t.code = (substr(k.region_code, 1, 9) || '000')::bpchar`;
  const late = sql`(k.acked is null and k.last_sent_at < ${new Date(now.getTime() - ackMinutes * 60_000).toISOString()}::timestamptz)`;
  const [{ total }] = await db.query<{ total: number }>(sql`${tasks} select count(*)::int as total ${from} where ${where}`);
  const rows = await db.query<Omit<Task, 'lastSentAt' | 'ackedAt'> & { lastSentAt: Date; ackedAt: Date | null }>(sql`${tasks} select k.id, k.facility_id as "facilityId", f.name as "facilityName",
      f.kind as "facilityKind", k.region_code as "regionCode", t.name as "townName", k.role, k.person_name as "personName", k.phone, k.task,
      k.sent_count as "sentCount", k.last_sent_at as "lastSentAt", k.acked as "ackedAt", k.ack_note as "ackNote", ${late} as overdue
    ${from} where ${where} order by (k.acked is not null), k.region_code, f.name, k.role ${pageOf(page, pageSize)}`);
  return { items: rows.map((r) => ({ ...r, lastSentAt: iso(r.lastSentAt)!, ackedAt: iso(r.ackedAt) })), total };
}

/** Unacknowledged tasks of a response in the viewer's scope (for re-sending). */
export const unackedTasks = (db: Queryable, viewer: DataScope, responseId: string) =>
  db.query<{ id: string; role: string; phone: string; task: string; account_id: string | null; region_code: string }>(sql`select k.id, k.role, k.phone, k.task,
      k.account_id, k.region_code from flood_response_tasks k where k.response_id = ${responseId} and ${scopeWhere(viewer, { region: 'k.region_code' })} and ${ACKED} is null`);

/** A response task by id alone (the caller checks its region against the scope). */
export const findTaskById = (db: Queryable, id: string) =>
  db.maybeOne<{ person_name: string; phone: string; region_code: string }>(sql`select person_name, phone, region_code from flood_response_tasks where id = ${id}`);
export const findTask = (db: Queryable, viewer: DataScope, responseId: string, taskId: string) =>
  db.maybeOne<{ id: string; account_id: string | null; acked_at: Date | null; region_code: string }>(sql`select k.id, k.account_id, ${ACKED} as acked_at, k.region_code
    from flood_response_tasks k where k.id = ${taskId} and k.response_id = ${responseId} and ${scopeWhere(viewer, { region: 'k.region_code' })}`);

export async function listTransfers(db: Queryable, viewer: DataScope, responseId: string) {
  const rows = await db.query<Omit<Transfer, 'updatedAt'> & { updatedAt: Date }>(sql`select k.facility_id as "facilityId", f.name as "facilityName", k.region_code as "regionCode", t.name as "townName",
      f.people_at_risk as "peopleAtRisk", k.planned, k.transferred, k.returned, k.updated_at as "updatedAt"
    from flood_transfers k join flood_facilities f on f.id = k.facility_id left join regions t on t.code = (substr(k.region_code, 1, 9) || '000')::bpchar
    where k.response_id = ${responseId} and ${scopeWhere(viewer, { region: 'k.region_code' })} order by k.region_code, f.name`);
  return rows.map((r) => ({ ...r, updatedAt: iso(r.updatedAt)! }));
}
