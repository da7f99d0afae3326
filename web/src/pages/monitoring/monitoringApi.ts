// The monitoring API as the pages use it: paths (also the query keys), code tables with their colours.
import type { Static } from '@sinclair/typebox';
import {
  ALARM_CONDITIONS, ALARM_RULES, ALARM_STATUSES, DEVICE_STATUSES, FACILITY_KINDS, SENSOR_STATES, SENSOR_TYPES,
  WARNING_AUDIENCES, WARNING_COLOURS, WARNING_KINDS, WARNING_STATUSES,
} from '../../../../contracts/monitoring';
import type {
  DeviceKey as DeviceKeySchema, ResendResult as ResendResultSchema,
  AlarmDetail as AlarmDetailSchema, Overview as OverviewSchema, Series as SeriesSchema, WarningDetail as WarningDetailSchema,
  WarningRecipient as WarningRecipientSchema,
} from '../../../../contracts/monitoring';

export type { Alarm, CapPreview, Device, DeviceCreate, Facility, FacilityCreate, Sensor, SensorCreate, Warning, WarningCreate } from '../../../../contracts/monitoring';
export type DeviceKey = Static<typeof DeviceKeySchema>;
export type ResendResult = Static<typeof ResendResultSchema>;
export type AlarmDetail = Static<typeof AlarmDetailSchema>;
export type Overview = Static<typeof OverviewSchema>;
export type Series = Static<typeof SeriesSchema>;
export type WarningDetail = Static<typeof WarningDetailSchema>;
export type WarningRecipient = Static<typeof WarningRecipientSchema>;

export {
  ALARM_CONDITIONS, ALARM_RULES, ALARM_STATUSES, DEVICE_STATUSES, FACILITY_KINDS, SENSOR_STATES, SENSOR_TYPES,
  WARNING_AUDIENCES, WARNING_COLOURS, WARNING_KINDS, WARNING_STATUSES,
};

export const MONITORING = '/api/monitoring';
export const SENSORS = '/api/monitoring/sensors';
export const DEVICES = '/api/monitoring/devices';
export const FACILITIES = '/api/monitoring/facilities';
export const ALARMS = '/api/monitoring/alarms';
export const WARNINGS = '/api/monitoring/warnings';
export const OVERVIEW = '/api/monitoring/overview';

export type SensorState = keyof typeof SENSOR_STATES;
export type AlarmStatus = keyof typeof ALARM_STATUSES;
export type WarningColour = keyof typeof WARNING_COLOURS;

/** Map and tag colour of each sensor state; `rank` orders a cluster's colour (the worst wins). */
export const STATE_STYLE: Record<SensorState, { colour: string; tag: string; rank: number }> = {
  alarm_2: { colour: '#cf1322', tag: 'error', rank: 6 },
  alarm_1: { colour: '#fa8c16', tag: 'warning', rank: 5 },
  offline: { colour: '#595959', tag: 'default', rank: 4 },
  no_data: { colour: '#bfbfbf', tag: 'default', rank: 2 },
  inactive: { colour: '#d9d9d9', tag: 'default', rank: 1 },
  normal: { colour: '#389e0d', tag: 'success', rank: 3 },
};

export const ALARM_STATUS_COLOURS: Record<AlarmStatus, string> = { raised: 'error', acknowledged: 'warning', disposed: 'processing', closed: 'default' };
export const LEVEL_COLOURS: Record<number, string> = { 1: 'orange', 2: 'red' };
/** The colours of 预警 levels as the public knows them (蓝黄橙红). */
export const WARNING_COLOUR_CSS: Record<WarningColour, string> = { blue: '#1677ff', yellow: '#fadb14', orange: '#fa8c16', red: '#f5222d' };

/** `{ label, value }` options of a code table, in its order. */
export const optionsOf = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

/** A reading with its unit, or — when there is none. */
export function valueText(v: number | null | undefined, unit?: string | null): string {
  if (v === null || v === undefined) return '—';
  const n = Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return `${Number(n)}${unit ? ` ${unit}` : ''}`;
}

/** Where a sensor, device or alarm is: enterprise, facility or place. */
export const whereOf = (x: { enterpriseName: string | null; facilityName: string | null; placeName?: string | null }) =>
  x.enterpriseName ?? x.facilityName ?? x.placeName ?? '—';
