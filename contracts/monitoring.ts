// 监测预警: facilities, devices, sensors, readings, alarms and early warnings (预警信息).
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { keysOf } from './hazards.js';

/** 设施类型 */
export const FACILITY_KINDS = { reservoir: '水库', sluice: '水闸', torrent_point: '山洪监测点', rain_gauge: '雨量站', river_station: '河道水文站', other: '其他' } as const;
/** 测点类型, with the unit usually reported. */
export const SENSOR_TYPES = {
  level: '液位', temperature: '温度', pressure: '压力', flow: '流量', combustible_gas: '可燃气体', toxic_gas: '有毒气体',
  water_level: '水位', rainfall: '雨量', other: '其他',
} as const;
export const DEVICE_STATUSES = { active: '运行', maintenance: '维护', disabled: '停用' } as const;
/** 测点状态 on the map */
export const SENSOR_STATES = { normal: '正常', alarm_1: '一级报警', alarm_2: '二级报警', offline: '离线', inactive: '停用或维护', no_data: '无数据' } as const;
export const ALARM_RULES = { threshold: '超限', rate: '变化率', stuck: '数值卡死', offline: '设备离线' } as const;
export const ALARM_CONDITIONS = {
  high: '高限报警', high_high: '高高限报警', low: '低限报警', low_low: '低低限报警', rate: '变化率超限', stuck: '数值长时间不变', offline: '设备离线',
} as const;
export const ALARM_LEVELS = { 1: '一级报警', 2: '二级报警' } as const;
/** 报警处置流程 */
export const ALARM_STATUSES = { raised: '待确认', acknowledged: '已确认', disposed: '已处置', closed: '已关闭' } as const;
export const WARNING_KINDS = { weather: '气象预警', hydrological: '水文预警', geological: '地质灾害预警', forest_fire: '森林火险预警', other: '其他预警' } as const;
export const WARNING_COLOURS = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' } as const;
export const WARNING_STATUSES = { draft: '草稿', issued: '已发布', cancelled: '已解除' } as const;
/** 预警对象: who a warning is sent to, each asked to confirm (叫应). */
export const WARNING_AUDIENCES = { responsible: '责任人（乡镇应急站、村灾害信息员）', everyone: '区域内全部账号（含乡镇、村和企业）' } as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/** A number or null in a request body: one schema of type [number, null]. (With anyOf, Fastify's type coercion
 *  turns null into 0 in the number branch, so clearing a threshold would set it to 0.) */
const NumOrNull = (opts: { minimum?: number; maximum?: number; exclusiveMinimum?: number; description?: string; integer?: boolean } = {}) => {
  const { integer, ...rest } = opts;
  return Type.Unsafe<number | null>({ ...rest, type: [integer ? 'integer' : 'number', 'null'] });
};
const Num = Type.Number();

export const FacilityKind = keysOf(FACILITY_KINDS);
export const SensorType = keysOf(SENSOR_TYPES);
export const DeviceStatus = keysOf(DEVICE_STATUSES);
export const SensorState = keysOf(SENSOR_STATES);
export const AlarmRule = keysOf(ALARM_RULES);
export const AlarmCondition = keysOf(ALARM_CONDITIONS);
export const AlarmStatus = keysOf(ALARM_STATUSES);
export const WarningKind = keysOf(WARNING_KINDS);
export const WarningColour = keysOf(WARNING_COLOURS);
export const WarningStatus = keysOf(WARNING_STATUSES);
export const WarningAudience = keysOf(WARNING_AUDIENCES);

const Lng = Type.Number({ minimum: 73, maximum: 136, description: '经度' });
const Lat = Type.Number({ minimum: 3, maximum: 54, description: '纬度' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const Responsible = Type.Object({ role: Type.String({ maxLength: 30 }), name: Type.String({ minLength: 1, maxLength: 30 }), phone: Type.Optional(Type.String({ maxLength: 20 })) });

export const Facility = Type.Object({
  id: Uuid, name: Type.String(), kind: FacilityKind, regionCode: RegionCode, regionName: Nullable(Type.String()),
  lng: Nullable(Num), lat: Nullable(Num), characteristics: Type.Record(Type.String(), Num), responsible: Type.Array(Responsible),
  note: Nullable(Type.String()), deviceCount: Type.Integer(), openAlarms: Type.Integer(),
});
export const FacilityCreate = Type.Object({
  name: Name, kind: FacilityKind, regionCode: RegionCode, lng: Type.Optional(Lng), lat: Type.Optional(Lat),
  characteristics: Type.Optional(Type.Record(Type.String({ maxLength: 30 }), Num, { description: '特征水位等，单位米，如 { "汛限水位": 52.5 }' })),
  responsible: Type.Optional(Type.Array(Responsible, { maxItems: 10 })), note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const FacilityUpdate = Type.Partial(FacilityCreate, { additionalProperties: false });
export const FacilityQuery = Type.Composite([PageQuery, Type.Object({ kind: Type.Optional(FacilityKind), regionCode: Type.Optional(RegionCode), q: Type.Optional(Type.String({ maxLength: 50 })) })]);

export const Device = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), model: Nullable(Type.String()),
  enterpriseId: Nullable(Uuid), enterpriseName: Nullable(Type.String()), hazardSourceId: Nullable(Uuid),
  facilityId: Nullable(Uuid), facilityName: Nullable(Type.String()), placeName: Nullable(Type.String()),
  regionCode: RegionCode, regionName: Nullable(Type.String()), lng: Nullable(Num), lat: Nullable(Num), status: DeviceStatus,
  hasKey: Type.Boolean(), keyPrefix: Nullable(Type.String()), lastSeenAt: Nullable(Timestamp), sensorCount: Type.Integer(), openAlarms: Type.Integer(),
});
export const DeviceCreate = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$', description: '设备编号（字母、数字、_ . -）' }),
  name: Name, model: Type.Optional(Type.String({ maxLength: 100 })),
  enterpriseId: Type.Optional(Uuid), hazardSourceId: Type.Optional(Uuid), facilityId: Type.Optional(Uuid),
  placeName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), regionCode: Type.Optional(RegionCode),
  lng: Type.Optional(Lng), lat: Type.Optional(Lat),
}, { additionalProperties: false });
export const DeviceUpdate = Type.Object({
  name: Type.Optional(Name), model: Type.Optional(Type.String({ maxLength: 100 })), hazardSourceId: Type.Optional(Nullable(Uuid)),
  lng: Type.Optional(Lng), lat: Type.Optional(Lat), status: Type.Optional(DeviceStatus),
}, { additionalProperties: false });
export const DeviceQuery = Type.Composite([PageQuery, Type.Object({
  enterpriseId: Type.Optional(Uuid), facilityId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode), status: Type.Optional(DeviceStatus),
  q: Type.Optional(Type.String({ maxLength: 50 })),
})]);
export const DeviceKey = Type.Object({ deviceId: Uuid, key: Type.String({ description: '设备密钥，只显示这一次' }), prefix: Type.String(),
  mqtt: Type.Object({ topic: Type.String(), username: Type.String() }) });

const Thresholds = {
  rangeMin: Type.Optional(NumOrNull()), rangeMax: Type.Optional(NumOrNull()),
  lowLow: Type.Optional(NumOrNull()), low: Type.Optional(NumOrNull()), high: Type.Optional(NumOrNull()), highHigh: Type.Optional(NumOrNull()),
  hysteresis: Type.Optional(Type.Number({ minimum: 0 })), alarmDelaySec: Type.Optional(Type.Integer({ minimum: 0, maximum: 86400 })),
  rateLimit: Type.Optional(NumOrNull({ exclusiveMinimum: 0, description: '每分钟变化量上限' })),
  stuckAfterSec: Type.Optional(NumOrNull({ minimum: 1, maximum: 30 * 86400, integer: true })),
  expectedIntervalSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 86400 })), enabled: Type.Optional(Type.Boolean()),
};
export const Sensor = Type.Object({
  id: Uuid, deviceId: Uuid, deviceCode: Type.String(), deviceName: Type.String(), code: Type.String(), name: Type.String(), type: SensorType, unit: Type.String(),
  rangeMin: Nullable(Num), rangeMax: Nullable(Num), lowLow: Nullable(Num), low: Nullable(Num), high: Nullable(Num), highHigh: Nullable(Num),
  hysteresis: Num, alarmDelaySec: Type.Integer(), rateLimit: Nullable(Num), stuckAfterSec: Nullable(Type.Integer()), expectedIntervalSec: Type.Integer(),
  enabled: Type.Boolean(), enterpriseId: Nullable(Uuid), enterpriseName: Nullable(Type.String()), facilityId: Nullable(Uuid), facilityName: Nullable(Type.String()),
  placeName: Nullable(Type.String()), regionCode: RegionCode, lng: Nullable(Num), lat: Nullable(Num),
  lastValue: Nullable(Num), lastAt: Nullable(Timestamp), state: SensorState,
});
export const SensorCreate = Type.Object({
  deviceId: Uuid, code: Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$', description: '位号（设备上报时使用）' }),
  name: Name, type: SensorType, unit: Type.String({ minLength: 1, maxLength: 20 }), ...Thresholds,
  expectedIntervalSec: Type.Integer({ minimum: 1, maximum: 86400, description: '上报周期（秒）' }),
}, { additionalProperties: false });
export const SensorUpdate = Type.Object({ name: Type.Optional(Name), unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })), ...Thresholds }, { additionalProperties: false });
export const SensorQuery = Type.Composite([PageQuery, Type.Object({
  enterpriseId: Type.Optional(Uuid), facilityId: Type.Optional(Uuid), deviceId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode),
  type: Type.Optional(SensorType), state: Type.Optional(SensorState), q: Type.Optional(Type.String({ maxLength: 50 })),
})]);

export const SeriesQuery = Type.Object({ from: Timestamp, to: Timestamp, resolution: Type.Optional(Type.Union([Type.Literal('auto'), Type.Literal('raw'), Type.Literal('1m'), Type.Literal('1h')])) });
export const SeriesPoint = Type.Object({ t: Timestamp, v: Num, min: Type.Optional(Num), max: Type.Optional(Num), n: Type.Optional(Type.Integer()) });
export const Series = Type.Object({ sensorId: Uuid, unit: Type.String(), resolution: Type.Union([Type.Literal('raw'), Type.Literal('1m'), Type.Literal('1h')]), points: Type.Array(SeriesPoint) });

/** One reading as a device sends it (MQTT payload item, HTTP batch item). */
export const ReadingIn = Type.Object({
  sensor: Type.String({ description: '测点位号' }), ts: Type.Union([Type.String({ format: 'date-time' }), Type.Integer({ description: '毫秒时间戳' })]), value: Num,
});
export const ReadingBatch = Type.Object({ readings: Type.Array(Type.Unknown(), { description: '每项 { sensor, ts, value }' }) });
export const IngestResult = Type.Object({
  accepted: Type.Integer({ description: '新写入的读数' }), duplicates: Type.Integer({ description: '重复（已存在）而忽略的读数' }),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String(), message: Type.String() })),
});
export const IngestStats = Type.Object({ since: Timestamp, accepted: Type.Integer(), duplicates: Type.Integer(), batches: Type.Integer(),
  retried: Type.Integer({ description: '含已存在读数、跳过已存读数重写的批次' }), rejected: Type.Record(Type.String(), Type.Integer()) });

export const Alarm = Type.Object({
  id: Uuid, deviceId: Uuid, deviceName: Type.String(), sensorId: Nullable(Uuid), sensorName: Nullable(Type.String()), sensorCode: Nullable(Type.String()), unit: Nullable(Type.String()),
  rule: AlarmRule, condition: AlarmCondition, level: Type.Integer(), levelLabel: Type.String(), value: Nullable(Num), threshold: Nullable(Num), peakValue: Nullable(Num),
  message: Type.String(), raisedAt: Timestamp, status: AlarmStatus, clearedAt: Nullable(Timestamp), acknowledgedAt: Nullable(Timestamp), disposedAt: Nullable(Timestamp),
  cause: Nullable(Type.String()), measures: Nullable(Type.String()), falseAlarm: Nullable(Type.Boolean()), closedAt: Nullable(Timestamp),
  escalationStep: Type.Integer(), regionCode: RegionCode, enterpriseId: Nullable(Uuid), enterpriseName: Nullable(Type.String()), facilityId: Nullable(Uuid),
  facilityName: Nullable(Type.String()), allowedMoves: Type.Array(Type.String()),
});
export const AlarmEvent = Type.Object({ id: Uuid, at: Timestamp, actorName: Type.String(), action: Type.String(), actionLabel: Type.String(),
  fromStatus: Nullable(Type.String()), toStatus: Nullable(Type.String()), comment: Nullable(Type.String()), data: Type.Unknown() });
export const AlarmDetail = Type.Composite([Alarm, Type.Object({ events: Type.Array(AlarmEvent) })]);
export const AlarmQuery = Type.Composite([PageQuery, Type.Object({
  status: Type.Optional(AlarmStatus), open: Type.Optional(Type.Boolean()), level: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })), rule: Type.Optional(AlarmRule),
  enterpriseId: Type.Optional(Uuid), facilityId: Type.Optional(Uuid), deviceId: Type.Optional(Uuid), sensorId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode),
  from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })),
  falseAlarm: Type.Optional(Type.Boolean({ description: '处置时认定为误报（true）或非误报（false）' })),
})]);
export const AlarmAck = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });
export const AlarmDispose = Type.Object({
  cause: Type.String({ minLength: 1, maxLength: 1000, description: '报警原因' }), measures: Type.String({ minLength: 1, maxLength: 1000, description: '处置措施' }),
  falseAlarm: Type.Boolean({ description: '是否误报' }), comment: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export const AlarmClose = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false });

export const OverviewQuery = Type.Object({ enterpriseId: Type.Optional(Uuid), facilityId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode) });
export const Overview = Type.Object({
  devices: Type.Integer(), sensors: Type.Integer(), sensorsByState: Type.Record(Type.String(), Type.Integer()),
  openAlarms: Type.Integer(), openAlarmsByLevel: Type.Record(Type.String(), Type.Integer()), unacknowledged: Type.Integer(), activeWarnings: Type.Integer(),
});

export const Warning = Type.Object({
  id: Uuid, number: Nullable(Type.String()), kind: WarningKind, event: Type.String(), colour: WarningColour, headline: Type.String(), description: Type.String(),
  guidance: Type.String(), regionCodes: Type.Array(RegionCode), regionNames: Type.Array(Type.String()), effectiveAt: Timestamp, expiresAt: Timestamp,
  senderName: Type.String(), source: Type.Union([Type.Literal('issued'), Type.Literal('imported')]), status: WarningStatus, audience: WarningAudience, issuedAt: Nullable(Timestamp),
  cancelledAt: Nullable(Timestamp), capIdentifier: Nullable(Type.String()), recipients: Type.Integer(), confirmed: Type.Integer(),
});
export const WarningRecipient = Type.Object({
  accountId: Uuid, name: Type.String(), roles: Type.Array(Type.String()), regionCode: RegionCode, regionName: Nullable(Type.String()), sends: Type.Integer(),
  firstSentAt: Timestamp, lastSentAt: Timestamp, confirmedAt: Nullable(Timestamp), escalatedAt: Nullable(Timestamp),
});
export const WarningDetail = Type.Composite([Warning, Type.Object({ recipientList: Type.Array(WarningRecipient) })]);
export const WarningCreate = Type.Object({
  kind: WarningKind, event: Type.String({ minLength: 1, maxLength: 50 }), colour: WarningColour, headline: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ minLength: 1, maxLength: 4000 }), guidance: Type.String({ minLength: 1, maxLength: 4000 }),
  regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 200 }), effectiveAt: Timestamp, expiresAt: Timestamp,
  audience: Type.Optional(WarningAudience),
}, { additionalProperties: false });
export const WarningUpdate = Type.Partial(WarningCreate, { additionalProperties: false });
export const WarningQuery = Type.Composite([PageQuery, Type.Object({
  status: Type.Optional(WarningStatus), kind: Type.Optional(WarningKind), colour: Type.Optional(WarningColour), active: Type.Optional(Type.Boolean()),
  regionCode: Type.Optional(RegionCode),
})]);
export const CapImport = Type.Object({ xml: Type.String({ minLength: 1, maxLength: 200_000, description: 'CAP 1.2 XML 文本' }) });
/** What a CAP file would become, before it is saved. */
export const CapPreview = Type.Object({
  capIdentifier: Type.String(), sender: Type.String(), senderName: Type.String(), msgType: Type.String(), sentAt: Timestamp,
  warning: Type.Omit(WarningCreate, ['audience']), regionNames: Type.Array(Type.String()), unknownRegions: Type.Array(Type.String({ description: '本平台没有的区划代码（导入时略去）' })),
  alreadyImported: Type.Boolean(), cancels: Nullable(Type.Object({ id: Uuid, headline: Type.String() }, { description: '解除消息所指的预警' })),
});
export const ResendResult = Type.Object({ recipients: Type.Integer({ description: '再次叫应的未确认人数' }), notifications: Type.Integer({ description: '发出的短信和站内信条数' }) });

export type Facility = Static<typeof Facility>;
export type Device = Static<typeof Device>;
export type Sensor = Static<typeof Sensor>;
export type Alarm = Static<typeof Alarm>;
export type Warning = Static<typeof Warning>;
export type SensorCreate = Static<typeof SensorCreate>;
export type SensorUpdate = Static<typeof SensorUpdate>;
export type DeviceCreate = Static<typeof DeviceCreate>;
export type FacilityCreate = Static<typeof FacilityCreate>;
export type WarningCreate = Static<typeof WarningCreate>;
export type CapPreview = Static<typeof CapPreview>;
