// Every SQL statement about alarms and their trail, scoped by the caller in SQL.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { alarmScope, inRegion } from '../scope.js';

export interface AlarmRow {
  id: string; device_id: string; device_name: string; sensor_id: string | null; sensor_name: string | null; sensor_code: string | null; unit: string | null;
  rule: 'threshold' | 'rate' | 'stuck' | 'offline'; condition: string; level: 1 | 2; value: number | null; threshold: number | null; peak_value: number | null;
  message: string; raised_at: Date; status: 'raised' | 'acknowledged' | 'disposed' | 'closed'; cleared_at: Date | null; acknowledged_at: Date | null;
  acknowledged_by: string | null; disposed_at: Date | null; disposed_by: string | null; cause: string | null; measures: string | null; false_alarm: boolean | null;
  closed_at: Date | null; escalation_step: number; escalated_at: Date | null; region_code: string; enterprise_id: string | null; regulator_org_id: string | null;
  facility_id: string | null; facility_name: string | null; created_at: Date;
}

const SELECT = sql`select a.*, d.name as device_name, s.name as sensor_name, s.code as sensor_code, s.unit, f.name as facility_name
  from monitoring_alarms a join monitoring_devices d on d.id = a.device_id
  left join monitoring_sensors s on s.id = a.sensor_id left join monitoring_facilities f on f.id = a.facility_id`;

export interface AlarmFilter {
  status?: string; open?: boolean; level?: number; rule?: string; enterpriseId?: string; facilityId?: string; deviceId?: string; sensorId?: string;
  regionCode?: string; from?: string; to?: string; falseAlarm?: boolean;
}

function filterSql(viewer: DataScope, f: AlarmFilter): Sql {
  return sql.and([
    alarmScope(viewer),
    f.status ? sql`a.status = ${f.status}` : undefined,
    f.open === true ? sql`a.status <> 'closed'` : f.open === false ? sql`a.status = 'closed'` : undefined,
    f.level ? sql`a.level = ${f.level}` : undefined,
    f.rule ? sql`a.rule = ${f.rule}` : undefined,
    f.enterpriseId ? sql`a.enterprise_id = ${f.enterpriseId}` : undefined,
    f.facilityId ? sql`a.facility_id = ${f.facilityId}` : undefined,
    f.deviceId ? sql`a.device_id = ${f.deviceId}` : undefined,
    f.sensorId ? sql`a.sensor_id = ${f.sensorId}` : undefined,
    inRegion('a.region_code', f.regionCode),
    f.from ? sql`a.raised_at >= ${f.from}::date` : undefined,
    f.to ? sql`a.raised_at < ${f.to}::date + 1` : undefined,
    f.falseAlarm === true ? sql`a.false_alarm` : f.falseAlarm === false ? sql`not a.false_alarm` : undefined,
  ]);
}

/** A page of alarms in the viewer's scope: unacknowledged and serious first. */
export async function listAlarms(db: Queryable, viewer: DataScope, f: AlarmFilter, page: number, pageSize: number) {
  const where = filterSql(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from monitoring_alarms a where ${where}`);
  const items = await db.query<AlarmRow>(sql`${SELECT} where ${where}
    order by (a.status = 'closed'), (a.status = 'raised') desc, a.level desc, a.raised_at desc, a.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** One alarm in the viewer's scope, or undefined. */
export const findAlarm = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<AlarmRow>(sql`${SELECT} where a.id = ${id} and ${alarmScope(viewer)}`);

/** Lock an alarm row for a workflow move. */
export const lockAlarm = (db: Queryable, id: string) => db.maybeOne(sql`select id from monitoring_alarms where id = ${id} for update`);

/** The open alarm of a sensor (or, with sensorId null, a device) and rule. */
export const findOpenAlarm = (db: Queryable, deviceId: string, sensorId: string | null, rule: string) =>
  db.maybeOne<AlarmRow>(sql`${SELECT} where a.device_id = ${deviceId} and a.sensor_id is not distinct from ${sensorId} and a.rule = ${rule}
    and a.status <> 'closed' for update of a`);

export interface AlarmInsert {
  id: string; device_id: string; sensor_id: string | null; rule: string; condition: string; level: number; value: number | null; threshold: number | null;
  peak_value: number | null; message: string; raised_at: string; region_code: string; enterprise_id: string | null; regulator_org_id: string | null;
  facility_id: string | null; rule_version: string | null; created_at: string;
}

/** Insert unless the sensor already has an open alarm for the rule (the unique index decides); true when inserted. */
export async function insertAlarm(db: Queryable, a: AlarmInsert): Promise<boolean> {
  const cols = Object.keys(a) as (keyof AlarmInsert)[];
  const n = await db.execute(sql`insert into monitoring_alarms (${sql.join(cols.map((c) => sql.id(c)))}) values (${sql.join(cols.map((c) => sql`${a[c]}`))})
    on conflict (device_id, coalesce(sensor_id, '00000000-0000-0000-0000-000000000000'::uuid), rule) where status <> 'closed' do nothing`);
  return n > 0;
}

export type AlarmWrite = Partial<Record<'status' | 'condition' | 'message' | 'acknowledged_at' | 'acknowledged_by' | 'disposed_at' | 'disposed_by' | 'cause' | 'measures'
  | 'closed_at' | 'closed_by' | 'escalated_at' | 'cleared_at', string | null>> & { level?: number; value?: number; threshold?: number; peak_value?: number | null; false_alarm?: boolean; escalation_step?: number };

/** Set some columns of an alarm. */
export async function updateAlarm(db: Queryable, id: string, w: AlarmWrite) {
  const cols = (Object.keys(w) as (keyof AlarmWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update monitoring_alarms set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))} where id = ${id}`);
}

export interface AlarmEventRow { id: string; at: Date; actor_name: string; action: string; from_status: string | null; to_status: string | null; comment: string | null; data: unknown }

/** Append one step to an alarm's trail. */
export async function insertAlarmEvent(db: Queryable, e: { id: string; alarm_id: string; at: string; actor_id: string | null; actor_name: string; action: string;
  from_status?: string | null; to_status?: string | null; comment?: string | null; data?: unknown }) {
  await db.execute(sql`insert into monitoring_alarm_events (id, alarm_id, at, actor_id, actor_name, action, from_status, to_status, comment, data)
    values (${e.id}, ${e.alarm_id}, ${e.at}, ${e.actor_id}, ${e.actor_name}, ${e.action}, ${e.from_status ?? null}, ${e.to_status ?? null}, ${e.comment ?? null},
    ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb)`);
}

/** An alarm's trail in time order. */
export const listAlarmEvents = (db: Queryable, alarmId: string) =>
  db.query<AlarmEventRow>(sql`select * from monitoring_alarm_events where alarm_id = ${alarmId} order by at, id`);

/** Open alarms by level, and how many wait for acknowledgement. */
export async function alarmCounts(db: Queryable, viewer: DataScope, f: AlarmFilter) {
  return db.query<{ level: number; n: number; unacked: number }>(sql`select a.level, count(*)::int as n, count(*) filter (where a.status = 'raised')::int as unacked
    from monitoring_alarms a where ${filterSql(viewer, { ...f, open: true })} group by a.level`);
}

/** Unacknowledged alarms whose time limit for this step has passed (the escalation job). */
export const dueForEscalation = (db: Queryable, now: Date, level1Minutes: number, level2Minutes: number, maxSteps: number) =>
  db.query<AlarmRow>(sql`${SELECT} where a.status = 'raised' and a.escalation_step < ${maxSteps}
    and coalesce(a.escalated_at, a.created_at) + make_interval(mins => case when a.level = 2 then ${level2Minutes}::int else ${level1Minutes}::int end) <= ${now.toISOString()}::timestamptz
    order by a.created_at limit 500`);
