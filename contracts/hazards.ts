// 双重预防: risk points and hidden hazards (隐患) — code tables, records, workflow moves, statistics.
import { Type, type Static, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';
import { ExactTotalQuery, PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { CitedArticle, ItemCites } from './cites.js';
import { MASKED_PATTERN } from './personal.js';

/** 隐患来源 */
export const HAZARD_SOURCES = {
  self_check: '企业自查', inspection: '执法检查', supervision: '督查检查', campaign: '专项行动', report: '举报',
  expert: '专家会诊', transfer: '部门移交',
} as const;
/** 隐患等级 */
export const HAZARD_LEVELS = { general: '一般隐患', major: '重大隐患' } as const;
/** 隐患状态 (一单四制 workflow) */
export const HAZARD_STATUSES = { pending: '待整改', rectifying: '整改中', review: '待复查', closed: '已销号' } as const;
/** 风险等级 (四色) */
export const RISK_LEVELS = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' } as const;
/** 挂牌督办级别 */
export const SUPERVISE_LEVELS = { county: '市级督办', town: '乡镇督办', department: '部门督办' } as const;

/** A union of a code table's keys. */
export const keysOf = <T extends Record<string, string>>(o: T) =>
  Type.Union(Object.keys(o).map((k) => Type.Literal(k))) as unknown as TUnion<TLiteral<Extract<keyof T, string>>[]>;
const keys = keysOf;
export const HazardSource = keys(HAZARD_SOURCES);
export const HazardLevel = keys(HAZARD_LEVELS);
export const HazardStatus = keys(HAZARD_STATUSES);
export const RiskLevel = keys(RISK_LEVELS);
export const SuperviseLevel = keys(SUPERVISE_LEVELS);

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Hazard = Type.Object({
  id: Uuid,
  number: Type.String(),
  enterpriseId: Type.Union([Uuid, Type.Null()]),
  enterpriseName: Nullable(Type.String()),
  regionCode: RegionCode,
  regionName: Nullable(Type.String()),
  placeName: Nullable(Type.String()),
  lng: Nullable(Type.Number()), lat: Nullable(Type.Number()),
  title: Type.String(),
  description: Nullable(Type.String()),
  foundAt: Timestamp,
  foundBy: Type.String(),
  source: HazardSource,
  sector: Nullable(Type.String()),
  category: Nullable(Type.String()),
  /** The managed 隐患类别 it was filed under (category is then its name; older records may have only the words). */
  categoryCode: Type.Optional(Nullable(Type.String())),
  level: HazardLevel,
  majorBasis: Nullable(Type.String()),
  campaignId: Type.Union([Uuid, Type.Null()]),
  status: HazardStatus,
  overdue: Type.Boolean(),
  responsiblePerson: Nullable(Type.String()),
  responsiblePhone: Nullable(Type.String()),
  measures: Nullable(Type.String()),
  funds: Nullable(Type.Number()),
  deadline: Nullable(Type.String({ format: 'date' })),
  rectifiedBy: Type.Union([Uuid, Type.Null()]),
  rectifiedAt: Nullable(Timestamp),
  closedAt: Nullable(Timestamp),
  superviseLevel: Nullable(SuperviseLevel),
  supervisingOrgId: Type.Union([Uuid, Type.Null()]),
  supervisingOrgName: Nullable(Type.String()),
  superviseDeadline: Nullable(Type.String({ format: 'date' })),
  /** Moves the caller may make now (for the action bar). */
  allowedMoves: Type.Array(Type.String()),
});
export type Hazard = Static<typeof Hazard>;

export const HazardEvent = Type.Object({
  id: Uuid, at: Timestamp, actorName: Type.String(), action: Type.String(), actionLabel: Type.String(),
  fromStatus: Nullable(Type.String()), toStatus: Nullable(Type.String()), comment: Nullable(Type.String()),
  photos: Type.Array(Uuid), data: Type.Unknown(),
});
export type HazardEvent = Static<typeof HazardEvent>;

export const HazardDetail = Type.Composite([Hazard, Type.Object({
  events: Type.Array(HazardEvent),
  extensions: Type.Array(Type.Object({
    id: Uuid, oldDeadline: Type.String(), newDeadline: Type.String(), reason: Type.String(), requestedAt: Timestamp,
    requestedByName: Nullable(Type.String()),
    decision: Nullable(Type.String()), decidedAt: Nullable(Timestamp), decisionNote: Nullable(Type.String()),
    /** Whether the caller may approve or reject it now. */
    mayDecide: Type.Boolean(),
  })),
  /** The category with its cited articles as of the day the hazard was found. */
  categoryInfo: Type.Optional(Nullable(Type.Object({
    code: Type.String(), name: Type.String(), path: Type.Array(Type.String()), unconfirmed: Type.Boolean(), note: Nullable(Type.String()), cites: Type.Array(CitedArticle),
  }))),
  /** Articles the hazard itself cites (a failed self-check item's), as of the day it was found. */
  cites: Type.Optional(Type.Array(CitedArticle)),
})]);
export type HazardDetail = Static<typeof HazardDetail>;

export const HazardCreate = Type.Object({
  enterpriseId: Type.Optional(Uuid),
  regionCode: Type.Optional(RegionCode),
  placeName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  lng: Type.Optional(Type.Number({ minimum: 73, maximum: 136 })),
  lat: Type.Optional(Type.Number({ minimum: 3, maximum: 54 })),
  title: Type.String({ minLength: 2, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  foundAt: Type.Optional(Timestamp),
  foundBy: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  source: HazardSource,
  sector: Type.Optional(Type.String({ maxLength: 30 })),
  category: Type.Optional(Type.String({ maxLength: 50 })),
  /** A 隐患类别 of the managed list (GET /api/hazard-categories); takes precedence over the words in `category`. */
  categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  level: HazardLevel,
  majorBasis: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
  campaignId: Type.Optional(Uuid),
  photos: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export type HazardCreate = Static<typeof HazardCreate>;

export const HazardQuery = Type.Composite([PageQuery, ExactTotalQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  regionCode: Type.Optional(RegionCode),
  enterpriseId: Type.Optional(Uuid),
  sector: Type.Optional(Type.String({ maxLength: 30 })),
  level: Type.Optional(HazardLevel),
  status: Type.Optional(HazardStatus),
  source: Type.Optional(HazardSource),
  campaignId: Type.Optional(Uuid),
  /** A 隐患类别 and the categories under it. */
  categoryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  overdue: Type.Optional(Type.Boolean()),
  supervised: Type.Optional(Type.Boolean()),
  /** Not yet closed (待整改, 整改中, 待复查). */
  open: Type.Optional(Type.Boolean()),
  /** Waiting on the caller: what their role moves next (交办, 整改, 复查). */
  todo: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  /** Closed (整改完成并复查) on or before this day: "rectified by the end of the period" (统计分析). */
  closedTo: Type.Optional(Type.String({ format: 'date' })),
})]);
export type HazardQuery = Static<typeof HazardQuery>;

/** Body of each workflow move. */
export const AssignBody = Type.Object({
  responsiblePerson: Type.String({ minLength: 1, maxLength: 30 }),
  responsiblePhone: Type.Optional(Type.String({ pattern: `^([0-9-]{7,20}|${MASKED_PATTERN})$`, description: '电话（原样提交显示的脱敏值表示不修改）' })),
  measures: Type.String({ minLength: 2, maxLength: 2000 }),
  funds: Type.Optional(Type.Number({ minimum: 0 })),
  deadline: Type.String({ format: 'date' }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const EvidenceBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
  photos: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export const RejectBody = Type.Object({
  comment: Type.String({ minLength: 2, maxLength: 1000 }),
  photos: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export const ExtensionRequest = Type.Object({
  newDeadline: Type.String({ format: 'date' }),
  reason: Type.String({ minLength: 4, maxLength: 1000 }),
});
export const ExtensionDecision = Type.Object({
  approve: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export const SuperviseBody = Type.Object({
  level: SuperviseLevel,
  supervisingOrgId: Uuid,
  deadline: Type.String({ format: 'date' }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const HazardStats = Type.Object({
  found: Type.Integer(),
  closed: Type.Integer(),
  rectificationRate: Type.Number(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  majorOpen: Type.Integer(),
  groups: Type.Array(Type.Object({
    key: Type.String(), label: Type.String(), found: Type.Integer(), closed: Type.Integer(), overdue: Type.Integer(), majorOpen: Type.Integer(),
  })),
});
export type HazardStats = Static<typeof HazardStats>;
export const StatsQuery = Type.Object({
  by: Type.Optional(keysOf({ region: '按区域', sector: '按行业', source: '按来源', level: '按等级', month: '按月份' })),
  regionCode: Type.Optional(RegionCode),
  campaignId: Type.Optional(Uuid),
  sector: Type.Optional(Type.String({ maxLength: 30 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});

export const RiskPoint = Type.Object({
  id: Uuid,
  enterpriseId: Type.Union([Uuid, Type.Null()]),
  enterpriseName: Nullable(Type.String()),
  regionCode: RegionCode,
  placeName: Nullable(Type.String()),
  name: Type.String(),
  hazardDesc: Type.String(),
  method: Type.Union([Type.Literal('LEC'), Type.Literal('LS')]),
  inputs: Type.Record(Type.String(), Type.Number()),
  score: Type.Number(),
  level: RiskLevel,
  working: Type.String(),
  ruleVersion: Type.String(),
  controlMeasures: Nullable(Type.String()),
  responsible: Type.Array(Type.Object({ level: Type.String(), person: Type.String() })),
  lng: Nullable(Type.Number()), lat: Nullable(Type.Number()),
  updatedAt: Timestamp,
});
export type RiskPoint = Static<typeof RiskPoint>;

export const RiskPointInput = Type.Object({
  enterpriseId: Type.Optional(Uuid),
  regionCode: Type.Optional(RegionCode),
  placeName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  hazardDesc: Type.String({ minLength: 2, maxLength: 1000 }),
  method: Type.Union([Type.Literal('LEC'), Type.Literal('LS')]),
  inputs: Type.Union([
    Type.Object({ L: Type.Number(), E: Type.Number(), C: Type.Number() }, { additionalProperties: false }),
    Type.Object({ L: Type.Integer(), S: Type.Integer() }, { additionalProperties: false }),
  ]),
  controlMeasures: Type.Optional(Type.String({ maxLength: 2000 })),
  responsible: Type.Optional(Type.Array(Type.Object({ level: Type.String({ maxLength: 20 }), person: Type.String({ maxLength: 30 }) }), { maxItems: 10 })),
  lng: Type.Optional(Type.Number({ minimum: 73, maximum: 136 })),
  lat: Type.Optional(Type.Number({ minimum: 3, maximum: 54 })),
});
export type RiskPointInput = Static<typeof RiskPointInput>;

export const RiskPointQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  regionCode: Type.Optional(RegionCode),
  enterpriseId: Type.Optional(Uuid),
  level: Type.Optional(RiskLevel),
})]);

/** 四色图: per town/park, how many risk points of each colour and the highest. */
export const RiskMapRegion = Type.Object({
  regionCode: RegionCode, regionName: Type.String(), red: Type.Integer(), orange: Type.Integer(), yellow: Type.Integer(), blue: Type.Integer(),
  top: Nullable(RiskLevel),
});

export const Campaign = Type.Object({
  id: Uuid, name: Type.String(), kind: Type.String(), periodFrom: Type.String(), periodTo: Type.String(), regionCode: RegionCode,
  regionName: Nullable(Type.String()), description: Nullable(Type.String()),
  found: Type.Integer(), closed: Type.Integer(), major: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;
/** 专项行动的类型 */
export const CAMPAIGN_KINDS = { special: '专项行动', big_check: '大排查', seasonal: '季节性检查', holiday: '节假日检查', other: '其他' } as const;
export const CampaignInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  kind: Type.Optional(keysOf(CAMPAIGN_KINDS)),
  periodFrom: Type.String({ format: 'date' }),
  periodTo: Type.String({ format: 'date' }),
  regionCode: RegionCode,
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** 自查: checklist templates and filled checks. */
export const CHECK_FREQUENCIES = { daily: '每日', weekly: '每周', monthly: '每月', seasonal: '季节性' } as const;
// An item's legal basis: the words (basis) and the cited articles of the law library (cites; returned as of today).
const checkItemFields = { code: Type.String({ maxLength: 20 }), text: Type.String({ maxLength: 300 }), basis: Type.Optional(Type.String({ maxLength: 200 })) };
export const CheckItem = Type.Object({ ...checkItemFields, cites: ItemCites });
export const CheckTemplate = Type.Object({
  id: Uuid, sector: Type.String(), name: Type.String(), frequency: keysOf(CHECK_FREQUENCIES),
  /** Raised by each save; filled checks keep the version they were judged by. */
  version: Type.Optional(Type.Integer()),
  items: Type.Array(Type.Object({ ...checkItemFields, cites: Type.Optional(Type.Array(CitedArticle)) })),
});
export type CheckTemplate = Static<typeof CheckTemplate>;
export const CheckTemplateInput = Type.Object({
  sector: Type.String({ minLength: 1, maxLength: 30 }), name: Type.String({ minLength: 2, maxLength: 100 }), frequency: keysOf(CHECK_FREQUENCIES),
  items: Type.Array(CheckItem, { minItems: 1, maxItems: 200 }),
});
export const CheckResult = Type.Object({
  code: Type.String({ maxLength: 20 }), ok: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })), photos: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
});
export const CheckRecordInput = Type.Object({
  templateId: Uuid,
  enterpriseId: Type.Optional(Uuid),
  checkedAt: Type.Optional(Timestamp),
  results: Type.Array(CheckResult, { minItems: 1, maxItems: 200 }),
  /** Turn each failed item into a general hazard (source 企业自查) in the same step. */
  createHazards: Type.Optional(Type.Boolean()),
});
export const CheckRecord = Type.Object({
  id: Uuid, enterpriseId: Uuid, templateId: Uuid, templateName: Type.String(), templateVersion: Type.Optional(Type.Integer()), checkedAt: Timestamp, checkerName: Type.String(),
  failedCount: Type.Integer(), results: Type.Array(CheckResult), hazardIds: Type.Array(Uuid),
});
export type CheckRecord = Static<typeof CheckRecord>;

/** 隐患类别: a managed list, each category citing the articles it rests on (returned as of a day). */
export const HazardCategory = Type.Object({
  code: Type.String(), name: Type.String(), sector: Nullable(Type.String()), parentCode: Nullable(Type.String()),
  cites: Type.Array(CitedArticle), unconfirmed: Type.Boolean(), note: Nullable(Type.String()), active: Type.Boolean(), position: Type.Integer(),
});
export type HazardCategory = Static<typeof HazardCategory>;
const categoryFields = {
  name: Type.String({ minLength: 2, maxLength: 50 }),
  sector: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  parentCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  cites: ItemCites,
  unconfirmed: Type.Optional(Type.Boolean()),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  active: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
};
export const HazardCategoryInput = Type.Object({ code: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,39}$' }), ...categoryFields });
export const HazardCategoryPatch = Type.Partial(Type.Object(categoryFields));
export const HazardCategoryQuery = Type.Object({
  /** Also the categories switched off (editors). */
  all: Type.Optional(Type.Boolean()),
  sector: Type.Optional(Type.String({ maxLength: 30 })),
  /** Cites as of this day (default today). */
  on: Type.Optional(Type.String({ format: 'date' })),
});
