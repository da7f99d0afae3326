// 防汛 (flood control): the registry of flood facilities with their three responsible people, 备汛检查 teams,
// batches and findings (hazards), flood plans, flood responses with acknowledgement tracking, and transfers.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { keysOf as keys } from './hazards.js';
import { MASKED_PATTERN } from './personal.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Phone = Type.String({ pattern: `^([0-9-]{7,20}|${MASKED_PATTERN})$`, description: '电话（原样提交列表中的脱敏值表示不修改）' });
const Name = Type.String({ minLength: 1, maxLength: 30 });

/** 设施类别 */
export const FACILITY_KINDS = { reservoir: '水库', sluice: '水闸', dike: '堤防', polder: '万亩垸', torrent_point: '山洪危险区', hydropower: '水电站' } as const;
/** 水库规模 */
export const RESERVOIR_SCALES = { large: '大型', medium: '中型', small1: '小(一)型', small2: '小(二)型' } as const;
/** 三个责任人 */
export const RESPONSIBLE_ROLES = { admin: '行政责任人', tech: '技术责任人', patrol: '巡查责任人' } as const;
/** 检查层级: 县级检查 / 镇级自查 */
export const CHECK_LEVELS = { county: '县级检查', town: '镇级自查' } as const;
/** 预案层级 */
export const PLAN_LEVELS = { facility: '工程（设施）', town: '乡镇', village: '村（社区）' } as const;
/** 响应级别 (4 = Ⅳ级 … 1 = Ⅰ级) */
export const RESPONSE_LEVELS = { 4: 'Ⅳ级', 3: 'Ⅲ级', 2: 'Ⅱ级', 1: 'Ⅰ级' } as const;

export const FacilityKind = keys(FACILITY_KINDS);
export const ReservoirScale = keys(RESERVOIR_SCALES);
export const CheckLevel = keys(CHECK_LEVELS);
export const PlanLevel = keys(PLAN_LEVELS);

/** 特征水位 (m). */
export const Levels = Type.Object({
  deadLevel: Type.Optional(Type.Number()), floodLimitLevel: Type.Optional(Type.Number()), normalLevel: Type.Optional(Type.Number()),
  designFloodLevel: Type.Optional(Type.Number()), checkFloodLevel: Type.Optional(Type.Number()),
});
/** 山洪 thresholds (临界雨量 mm) per duration: 准备转移 / 立即转移. */
export const Thresholds = Type.Object({
  prepare: Type.Optional(Type.Record(Type.String(), Type.Number())), evacuate: Type.Optional(Type.Record(Type.String(), Type.Number())),
});

export const FacilityInput = Type.Object({
  kind: FacilityKind,
  name: Type.String({ minLength: 2, maxLength: 60 }),
  regionCode: RegionCode,
  lng: Type.Optional(Type.Number({ minimum: 73, maximum: 136 })),
  lat: Type.Optional(Type.Number({ minimum: 3, maximum: 54 })),
  scale: Type.Optional(ReservoirScale),
  levels: Type.Optional(Levels),
  capacityWanM3: Type.Optional(Type.Number({ minimum: 0 })),
  householdsAtRisk: Type.Optional(Type.Integer({ minimum: 0 })),
  peopleAtRisk: Type.Optional(Type.Integer({ minimum: 0 })),
  transferRoute: Type.Optional(Type.String({ maxLength: 300 })),
  shelter: Type.Optional(Type.String({ maxLength: 100 })),
  thresholds: Type.Optional(Thresholds),
  monitoringFacilityId: Type.Optional(Uuid),
  adminName: Name, adminPhone: Phone,
  techName: Type.Optional(Name), techPhone: Type.Optional(Phone),
  patrolName: Name, patrolPhone: Phone,
});
export type FacilityInput = Static<typeof FacilityInput>;

export const Facility = Type.Object({
  id: Uuid, kind: Type.String(), name: Type.String(), regionCode: Type.String(), regionName: Nullable(Type.String()), townName: Nullable(Type.String()),
  lng: Nullable(Type.Number()), lat: Nullable(Type.Number()), scale: Nullable(Type.String()), levels: Levels, capacityWanM3: Nullable(Type.Number()),
  householdsAtRisk: Nullable(Type.Integer()), peopleAtRisk: Nullable(Type.Integer()), transferRoute: Nullable(Type.String()), shelter: Nullable(Type.String()),
  thresholds: Thresholds, monitoringFacilityId: Nullable(Type.String()),
  adminName: Type.String(), adminPhone: Type.String(), techName: Nullable(Type.String()), techPhone: Nullable(Type.String()),
  patrolName: Type.String(), patrolPhone: Type.String(),
  lastInspectedOn: Nullable(Type.String()),
});
export type Facility = Static<typeof Facility>;

export const FacilityQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(FacilityKind),
  regionCode: Type.Optional(RegionCode),
  /** Only facilities with no inspection batch in this season (year). */
  uninspectedIn: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  /** Only facilities covered by an inspection batch between these days (inclusive; the work report's 现场检查). */
  inspectedFrom: Type.Optional(Type.String({ format: 'date' })),
  inspectedTo: Type.Optional(Type.String({ format: 'date' })),
})]);
export type FacilityQuery = Static<typeof FacilityQuery>;

const LiveStatus = Type.Union([Type.Literal('normal'), Type.Literal('warning'), Type.Literal('danger'), Type.Literal('unknown')]);
/** 实时水雨情 of a facility linked to a monitoring site: status normal / warning (超汛限, 准备转移) / danger (≥设计洪水位, 立即转移) / unknown. */
export const FacilityLive = Type.Object({
  facilityId: Uuid, name: Type.String(), kind: Type.String(), townName: Nullable(Type.String()), regionName: Nullable(Type.String()),
  monitored: Type.Boolean(), status: LiveStatus, text: Type.String(),
  water: Nullable(Type.Object({ sensorId: Type.String(), name: Type.String(), unit: Type.String(), value: Nullable(Type.Number()), at: Nullable(Type.String()), stale: Type.Boolean(),
    floodLimitLevel: Nullable(Type.Number()), designFloodLevel: Nullable(Type.Number()), status: LiveStatus, text: Type.String() })),
  rain: Nullable(Type.Object({ name: Type.String(), unit: Type.String(), at: Nullable(Type.String()), stale: Type.Boolean(), status: LiveStatus, text: Type.String(),
    windows: Type.Array(Type.Object({ duration: Type.String(), hours: Type.Integer(), mm: Type.Number(), prepare: Nullable(Type.Number()), evacuate: Nullable(Type.Number()),
      reached: Nullable(Type.String()) })) })),
});
export type FacilityLive = Static<typeof FacilityLive>;

/** Result of an Excel import of facilities: the house import shape (nothing written from a file with errors unless valid-only). */
export { ImportResult as FacilityImportResult } from './enterprises.js';

/** Coverage of a season: per kind, how many facilities and how many inspected. */
export const Coverage = Type.Object({
  season: Type.Integer(),
  kinds: Type.Array(Type.Object({ kind: Type.String(), total: Type.Integer(), inspected: Type.Integer() })),
  batches: Type.Object({ county: Type.Integer(), town: Type.Integer() }),
  teams: Type.Integer(), inspectors: Type.Integer(),
  hazardsFound: Type.Integer(), hazardsRectified: Type.Integer(),
});
export type Coverage = Static<typeof Coverage>;
export const CoverageQuery = Type.Object({
  season: Type.Integer({ minimum: 2000, maximum: 2100 }),
  /** Count rectification up to this day (default: today). */
  asOf: Type.Optional(Type.String({ format: 'date' })),
});

export const TeamInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 60 }), level: CheckLevel, regionCode: RegionCode,
  leader: Name, members: Type.Array(Name, { maxItems: 50 }),
});
export type TeamInput = Static<typeof TeamInput>;
export const Team = Type.Object({ id: Uuid, name: Type.String(), level: Type.String(), regionCode: Type.String(), leader: Type.String(), members: Type.Array(Type.String()) });
export type Team = Static<typeof Team>;
/** 备汛检查组 as a paged list (the work report counts teams and people): teams of a level that inspected between two days. */
export const TeamQuery = Type.Composite([PageQuery, Type.Object({
  level: Type.Optional(CheckLevel),
  inspectedFrom: Type.Optional(Type.String({ format: 'date' })), inspectedTo: Type.Optional(Type.String({ format: 'date' })),
})]);
export type TeamQuery = Static<typeof TeamQuery>;
export const TeamListItem = Type.Composite([Team, Type.Object({ people: Type.Integer({ description: '组长和组员人数' }) })]);

export const BatchInput = Type.Object({
  teamId: Uuid, level: CheckLevel, regionCode: RegionCode, inspectedOn: Type.String({ format: 'date' }),
  facilityIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }), note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type BatchInput = Static<typeof BatchInput>;
export const Batch = Type.Object({
  id: Uuid, number: Type.String(), season: Type.Integer(), level: Type.String(), teamId: Uuid, teamName: Type.String(), regionCode: Type.String(),
  regionName: Nullable(Type.String()), inspectedOn: Type.String(), note: Nullable(Type.String()), facilities: Type.Integer(), findings: Type.Integer(), rectified: Type.Integer(),
});
export type Batch = Static<typeof Batch>;
export const BatchQuery = Type.Composite([PageQuery, Type.Object({
  season: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), level: Type.Optional(CheckLevel), regionCode: Type.Optional(RegionCode),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  /** 检查日期 from/to, inclusive (the work report). */
  from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })),
})]);
export type BatchQuery = Static<typeof BatchQuery>;
export const BatchDetail = Type.Composite([Batch, Type.Object({
  facilityList: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), name: Type.String() })),
  findingList: Type.Array(Type.Object({ hazardId: Uuid, number: Type.String(), title: Type.String(), status: Type.String(), facilityId: Nullable(Type.String()),
    responsiblePerson: Nullable(Type.String()), measures: Nullable(Type.String()), funds: Nullable(Type.Number()), deadline: Nullable(Type.String()) })),
})]);
export type BatchDetail = Static<typeof BatchDetail>;
/** A finding: recorded as a hazard (隐患) at the facility's place. */
export const FindingInput = Type.Object({
  facilityId: Uuid, title: Type.String({ minLength: 2, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 4000 })),
  photos: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export type FindingInput = Static<typeof FindingInput>;

export const PlanInput = Type.Object({
  level: PlanLevel, title: Type.String({ minLength: 2, maxLength: 100 }), regionCode: RegionCode,
  facilityId: Type.Optional(Uuid), revisedOn: Type.String({ format: 'date' }),
});
export type PlanInput = Static<typeof PlanInput>;
export const Plan = Type.Object({
  id: Uuid, level: Type.String(), title: Type.String(), regionCode: Type.String(), regionName: Nullable(Type.String()), facilityId: Nullable(Type.String()),
  facilityName: Nullable(Type.String()), commandPlanId: Nullable(Type.String()), commandPlanTitle: Nullable(Type.String()), revisedOn: Type.String(),
});
export type Plan = Static<typeof Plan>;
export const PlanQuery = Type.Composite([PageQuery, Type.Object({
  level: Type.Optional(PlanLevel), regionCode: Type.Optional(RegionCode), q: Type.Optional(Type.String({ maxLength: 50 })),
  /** Plans last revised before this day. */
  revisedBefore: Type.Optional(Type.String({ format: 'date' })),
  /** 修订日期 from/to, inclusive (the work report's 完善修订方案预案). */
  revisedFrom: Type.Optional(Type.String({ format: 'date' })), revisedTo: Type.Optional(Type.String({ format: 'date' })),
})]);
export type PlanQuery = Static<typeof PlanQuery>;

export const ResponseInput = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 4 }),
  townCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50 }),
  reason: Type.String({ minLength: 2, maxLength: 1000 }),
  incidentId: Type.Optional(Uuid),
});
export type ResponseInput = Static<typeof ResponseInput>;
export const Response = Type.Object({
  id: Uuid, number: Type.String(), level: Type.Integer(), townCodes: Type.Array(Type.String()), reason: Type.String(), incidentId: Nullable(Type.String()),
  startedAt: Timestamp, endedAt: Nullable(Timestamp), tasks: Type.Integer(), acked: Type.Integer(), overdue: Type.Integer(),
  planned: Type.Integer(), transferred: Type.Integer(), returned: Type.Integer(),
});
export type Response = Static<typeof Response>;
export const ResponseQuery = Type.Composite([PageQuery, Type.Object({ open: Type.Optional(Type.Boolean()) })]);
export const Task = Type.Object({
  id: Uuid, facilityId: Uuid, facilityName: Type.String(), facilityKind: Type.String(), regionCode: Type.String(), townName: Nullable(Type.String()),
  role: Type.String(), personName: Type.String(), phone: Type.String(), task: Type.String(), sentCount: Type.Integer(), lastSentAt: Timestamp,
  ackedAt: Nullable(Timestamp), ackNote: Nullable(Type.String()), overdue: Type.Boolean(),
});
export type Task = Static<typeof Task>;
export const TaskQuery = Type.Composite([PageQuery, Type.Object({
  acked: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 50 })), regionCode: Type.Optional(RegionCode),
})]);
export type TaskQuery = Static<typeof TaskQuery>;
export const AckInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 300 })) });
export const ResendResult = Type.Object({ resent: Type.Integer() });
export const Transfer = Type.Object({
  facilityId: Uuid, facilityName: Type.String(), regionCode: Type.String(), townName: Nullable(Type.String()), peopleAtRisk: Nullable(Type.Integer()),
  planned: Type.Integer(), transferred: Type.Integer(), returned: Type.Integer(), updatedAt: Timestamp,
});
export type Transfer = Static<typeof Transfer>;
export const TransferInput = Type.Object({
  planned: Type.Integer({ minimum: 0 }), transferred: Type.Integer({ minimum: 0 }), returned: Type.Integer({ minimum: 0 }),
});
export type TransferInput = Static<typeof TransferInput>;
export const TransferParams = Type.Object({ id: Uuid, facilityId: Uuid });
export const TaskParams = Type.Object({ id: Uuid, taskId: Uuid });
