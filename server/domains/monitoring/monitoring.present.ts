// Rows → API shapes of the monitoring domain; enterprise names come from the enterprises directory.
import type { Alarm, Device, Facility, Sensor, Warning } from '../../../contracts/monitoring.js';
import { ALARM_LEVELS } from '../../../contracts/monitoring.js';
import type { Queryable } from '../../platform/db/db.js';
import { enterpriseNames } from '../enterprises/directory.js';
import type { AlarmEventRow, AlarmRow } from './alarms/alarms.store.js';
import { movesOf } from './alarms/alarms.service.js';
import type { DeviceRow } from './registry/devices.store.js';
import { maskResponsible } from './registry/facilities.personal.js';
import type { FacilityRow } from './registry/facilities.store.js';
import type { SensorConfigRow, SensorRow } from './registry/sensors.store.js';
import type { RecipientRow } from './warnings/recipients.store.js';
import type { WarningRow } from './warnings/warnings.store.js';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Names of the enterprises of some rows, in one query. */
export const namesOf = (db: Queryable, rows: { enterprise_id: string | null }[]) => enterpriseNames(db, rows.map((r) => r.enterprise_id));

/** A facility row as the API shows it (the responsible people's phones masked, issue #11). */
export const presentFacility = (f: FacilityRow): Facility => ({
  id: f.id, name: f.name, kind: f.kind as Facility['kind'], regionCode: f.region_code, regionName: f.region_name, lng: f.lng, lat: f.lat,
  characteristics: f.characteristics, responsible: maskResponsible(f.responsible), note: f.note, deviceCount: f.device_count, openAlarms: f.open_alarms,
});

/** A device row as the API shows it (never its key). */
export const presentDevice = (d: DeviceRow, names: Map<string, string>): Device => ({
  id: d.id, code: d.code, name: d.name, model: d.model, enterpriseId: d.enterprise_id, enterpriseName: d.enterprise_id ? names.get(d.enterprise_id) ?? null : null,
  hazardSourceId: d.hazard_source_id, facilityId: d.facility_id, facilityName: d.facility_name, placeName: d.place_name, regionCode: d.region_code,
  regionName: d.region_name, lng: d.lng, lat: d.lat, status: d.status, hasKey: !!d.key_prefix, keyPrefix: d.key_prefix, lastSeenAt: iso(d.last_seen_at),
  sensorCount: d.sensor_count, openAlarms: d.open_alarms,
});

const config = (s: SensorConfigRow) => ({
  rangeMin: num(s.range_min), rangeMax: num(s.range_max), lowLow: num(s.low_low), low: num(s.low), high: num(s.high), highHigh: num(s.high_high),
  hysteresis: Number(s.hysteresis), alarmDelaySec: s.alarm_delay_s, rateLimit: num(s.rate_limit), stuckAfterSec: s.stuck_after_s, expectedIntervalSec: s.expected_interval_s,
  enabled: s.enabled,
});

/** A sensor row, with its live value and state, as the API shows it. */
export const presentSensor = (s: SensorRow, names: Map<string, string>): Sensor => ({
  id: s.id, deviceId: s.device_id, deviceCode: s.device_code, deviceName: s.device_name, code: s.code, name: s.name, type: s.type as Sensor['type'], unit: s.unit,
  ...config(s), enterpriseId: s.enterprise_id, enterpriseName: s.enterprise_id ? names.get(s.enterprise_id) ?? null : null, facilityId: s.facility_id,
  facilityName: s.facility_name, placeName: s.place_name, regionCode: s.region_code, lng: s.lng, lat: s.lat, lastValue: num(s.last_value), lastAt: iso(s.last_at),
  state: s.state as Sensor['state'],
});

/** An alarm row as the API shows it, with the moves allowed now. */
export const presentAlarm = (a: AlarmRow, names: Map<string, string>): Alarm => ({
  id: a.id, deviceId: a.device_id, deviceName: a.device_name, sensorId: a.sensor_id, sensorName: a.sensor_name, sensorCode: a.sensor_code, unit: a.unit,
  rule: a.rule, condition: a.condition as Alarm['condition'], level: a.level, levelLabel: ALARM_LEVELS[a.level], value: num(a.value), threshold: num(a.threshold),
  peakValue: num(a.peak_value), message: a.message, raisedAt: iso(a.raised_at)!, status: a.status, clearedAt: iso(a.cleared_at), acknowledgedAt: iso(a.acknowledged_at),
  disposedAt: iso(a.disposed_at), cause: a.cause, measures: a.measures, falseAlarm: a.false_alarm, closedAt: iso(a.closed_at), escalationStep: a.escalation_step,
  regionCode: a.region_code, enterpriseId: a.enterprise_id, enterpriseName: a.enterprise_id ? names.get(a.enterprise_id) ?? null : null, facilityId: a.facility_id,
  facilityName: a.facility_name, allowedMoves: movesOf(a),
});

const EVENT_LABELS: Record<string, string> = {
  raise: '报警', upgrade: '报警升级', recur: '再次超限', clear: '恢复正常', acknowledge: '确认报警', dispose: '处置报警', close: '关闭报警', escalate: '超时升级',
};
/** One step of an alarm's trail. */
export const presentAlarmEvent = (e: AlarmEventRow) => ({
  id: e.id, at: iso(e.at)!, actorName: e.actor_name, action: e.action, actionLabel: EVENT_LABELS[e.action] ?? e.action, fromStatus: e.from_status,
  toStatus: e.to_status, comment: e.comment, data: e.data,
});

/** A warning row as the API shows it. */
export const presentWarning = (w: WarningRow): Warning => ({
  id: w.id, number: w.number, kind: w.kind as Warning['kind'], event: w.event, colour: w.colour, headline: w.headline, description: w.description, guidance: w.guidance,
  regionCodes: w.region_codes, regionNames: w.region_names, effectiveAt: iso(w.effective_at)!, expiresAt: iso(w.expires_at)!, senderName: w.sender_name,
  source: w.source, status: w.status, audience: w.audience, issuedAt: iso(w.issued_at), cancelledAt: iso(w.cancelled_at), capIdentifier: w.cap_identifier, recipients: w.recipients,
  confirmed: w.confirmed,
});

/** One recipient of a warning and their 叫应 state. */
export const presentRecipient = (r: RecipientRow) => ({
  accountId: r.account_id, name: r.display_name, roles: r.roles, regionCode: r.region_code, regionName: r.region_name, sends: r.sends,
  firstSentAt: iso(r.first_sent_at)!, lastSentAt: iso(r.last_sent_at)!, confirmedAt: iso(r.confirmed_at), escalatedAt: iso(r.escalated_at),
});
