// Turn rule actions into alarms, inside the ingest (or offline-check) transaction: one open alarm per sensor and
// rule; a recurrence or a worse level updates it. New alarms go to the enterprise, its regulator and the town
// (and a facility's 责任人 by SMS); the events to publish are returned for after the commit.
import { ALARM_CONDITIONS, ALARM_LEVELS } from '../../../../contracts/monitoring.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import type { Platform } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { DomainEvent } from '../../../platform/events/bus.js';
import { uuidv7 } from '../../../platform/ids.js';
import type { Action } from '../rules/evaluate.js';
import { type AlarmRow, findOpenAlarm, insertAlarm, insertAlarmEvent, updateAlarm } from './alarms.store.js';

export const RULE_ACTOR = { ...SYSTEM_ACTOR, name: '监测报警规则' };

/** Where an alarm happens: the device and what it belongs to (from the ingester's cache). */
export interface AlarmPlace {
  deviceId: string; deviceName: string; regionCode: string; enterpriseId: string | null; enterpriseName: string | null; regulatorOrgId: string | null;
  facilityId: string | null; facilityName: string | null; placeName: string | null; phones: string[];
}
export interface AlarmSensor { id: string; name: string; code: string; unit: string }

export type RaiseAction = Extract<Action, { kind: 'raise' | 'upgrade' }> | { kind: 'raise'; rule: 'offline'; condition: 'offline'; level: 1; value: null; threshold: number; ts: number };
export type AnyAction = RaiseAction | Extract<Action, { kind: 'clear' }> | { kind: 'clear'; rule: 'offline'; value: number; peak: null; ts: number };

const fmt = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? '' : `${Math.round(v * 1000) / 1000}${unit === '%' ? '' : ' '}${unit}`);
const where = (p: AlarmPlace) => [p.enterpriseName ?? p.facilityName ?? p.placeName, p.deviceName].filter(Boolean).join(' ');

/** The message a person reads, e.g. 恒达化工 1号罐液位计 液位LT-101 高高限报警：当前 9.62 m，限值 9.5 m. */
export function alarmMessage(place: AlarmPlace, sensor: AlarmSensor | null, a: RaiseAction): string {
  const label = ALARM_CONDITIONS[a.condition];
  if (a.rule === 'offline') return `${where(place)} ${label}：超过 ${Math.round(a.threshold / 60)} 分钟未收到数据，请检查设备供电和通信`;
  const s = sensor!;
  const head = `${where(place)} ${s.name}（${s.code}）${label}`;
  if (a.rule === 'rate') return `${head}：当前 ${fmt(a.value, s.unit)}，变化率 ${a.rate}/分钟，限值 ${a.threshold}/分钟`;
  if (a.rule === 'stuck') return `${head}：数值 ${fmt(a.value, s.unit)} 已 ${Math.round((a.ts - a.since) / 60000)} 分钟未变化，请检查传感器`;
  return `${head}：当前 ${fmt(a.value, s.unit)}，限值 ${fmt(a.threshold, s.unit)}`;
}

async function trail(tx: Queryable, alarmId: string, at: Date, action: string, data?: unknown, status?: { from?: string; to?: string }) {
  await insertAlarmEvent(tx, { id: uuidv7(), alarm_id: alarmId, at: at.toISOString(), actor_id: null, actor_name: RULE_ACTOR.name, action,
    from_status: status?.from, to_status: status?.to, data });
}

/** Notify the people of an alarm (in-app and SMS). */
export async function notifyAlarm(p: Platform, tx: Queryable, place: AlarmPlace, alarmId: string, level: number, message: string, title?: string) {
  const accountIds = await recipientIds(tx, { enterpriseId: place.enterpriseId, orgIds: [place.regulatorOrgId], regionCode: place.regionCode, regionRoles: ['town'],
    countyRoles: place.regulatorOrgId ? [] : ['staff'] });
  await p.notify.send(tx, { accountIds, phones: place.phones, title: title ?? `${ALARM_LEVELS[level as 1 | 2]}`, body: message,
    link: `/monitoring/alarms/${alarmId}`, regionCode: place.regionCode, channels: ['inapp', 'sms'] });
}

const event = (type: string, place: AlarmPlace, data: Record<string, unknown>): DomainEvent =>
  ({ type, regionCode: place.regionCode, enterpriseId: place.enterpriseId, orgId: place.regulatorOrgId, data });

/** Apply one sensor's (or a device's) actions; returns the events to publish after commit. */
export async function applyActions(p: Platform, tx: Queryable, place: AlarmPlace, sensor: AlarmSensor | null, actions: AnyAction[], ruleVersion?: string): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  const now = p.clock();
  for (const a of actions) {
    const open = await findOpenAlarm(tx, place.deviceId, sensor?.id ?? null, a.rule);
    if (a.kind === 'clear') {
      if (!open || open.cleared_at) continue;
      await updateAlarm(tx, open.id, { cleared_at: new Date(a.ts).toISOString(), peak_value: a.peak ?? open.peak_value });
      await trail(tx, open.id, now, 'clear', { value: a.value, peak: a.peak });
      await p.audit.record(tx, RULE_ACTOR, {}, { action: 'monitoring.alarm.clear', entityType: 'monitoring_alarm', entityId: open.id, regionCode: place.regionCode, after: { value: a.value } });
      events.push(event('monitoring.alarm.updated', place, { id: open.id, status: open.status, cleared: true, level: open.level }));
      continue;
    }
    const message = alarmMessage(place, sensor, a);
    if (!open) {
      const id = uuidv7();
      const inserted = await insertAlarm(tx, { id, device_id: place.deviceId, sensor_id: sensor?.id ?? null, rule: a.rule, condition: a.condition, level: a.level,
        value: a.value, threshold: a.threshold, peak_value: a.value, message, raised_at: new Date(a.ts).toISOString(), region_code: place.regionCode,
        enterprise_id: place.enterpriseId, regulator_org_id: place.regulatorOrgId, facility_id: place.facilityId, rule_version: ruleVersion ?? null, created_at: now.toISOString() });
      if (!inserted) continue; // another process raised it a moment ago
      await trail(tx, id, now, 'raise', { value: a.value, threshold: a.threshold, condition: a.condition }, { to: 'raised' });
      await p.audit.record(tx, RULE_ACTOR, {}, { action: 'monitoring.alarm.raise', entityType: 'monitoring_alarm', entityId: id, regionCode: place.regionCode,
        after: { rule: a.rule, condition: a.condition, level: a.level, value: a.value, threshold: a.threshold } });
      await notifyAlarm(p, tx, place, id, a.level, message);
      events.push(event('monitoring.alarm.raised', place, { id, level: a.level, rule: a.rule, condition: a.condition, message, sensorId: sensor?.id ?? null,
        deviceId: place.deviceId, value: a.value, raisedAt: new Date(a.ts).toISOString(), sound: true }));
      continue;
    }
    events.push(...(await worsen(p, tx, place, open, a, message, now)));
  }
  return events;
}

/** An open alarm meets its condition again (after clearing) or a worse level: update it rather than add one. */
async function worsen(p: Platform, tx: Queryable, place: AlarmPlace, open: AlarmRow, a: RaiseAction, message: string, now: Date): Promise<DomainEvent[]> {
  const worse = a.level > open.level;
  if (!worse && !open.cleared_at) return [];
  await updateAlarm(tx, open.id, { cleared_at: null, ...(worse ? { level: a.level, condition: a.condition, value: a.value ?? undefined, threshold: a.threshold, message } : {}) });
  await trail(tx, open.id, now, worse ? 'upgrade' : 'recur', { value: a.value, condition: a.condition, level: a.level });
  await p.audit.record(tx, RULE_ACTOR, {}, { action: worse ? 'monitoring.alarm.upgrade' : 'monitoring.alarm.recur', entityType: 'monitoring_alarm', entityId: open.id,
    regionCode: place.regionCode, before: { level: open.level, cleared: !!open.cleared_at }, after: { level: Math.max(a.level, open.level), value: a.value } });
  if (worse) await notifyAlarm(p, tx, place, open.id, a.level, message, `报警升级为${ALARM_LEVELS[a.level as 1 | 2]}`);
  return [event(worse ? 'monitoring.alarm.raised' : 'monitoring.alarm.updated', place, { id: open.id, level: Math.max(a.level, open.level), rule: a.rule,
    condition: worse ? a.condition : open.condition, message: worse ? message : open.message, sensorId: open.sensor_id, deviceId: place.deviceId, status: open.status,
    upgraded: worse, sound: worse })];
}
