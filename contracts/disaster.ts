// 防灾减灾救灾: disaster information officers (灾害信息员) with their A/B posts and training, disaster events and
// their reports (初报/续报/核报) with the national indicators (《自然灾害情况统计调查制度》, 应急〔2020〕19号).
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Uuid } from './common.js';
import { MASKED_PATTERN } from './personal.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const INFORMANT_LEVELS = [{ code: 'county', label: '县级' }, { code: 'town', label: '乡镇级' }, { code: 'village', label: '村（社区）级' }] as const;
export const INFORMANT_ROLES = [{ code: 'A', label: 'A角' }, { code: 'B', label: 'B角' }] as const;

export const Training = Type.Object({ id: Uuid, trainedOn: Type.String(), topic: Type.String(), hours: Type.Number() });
export const Informant = Type.Object({
  id: Uuid, name: Type.String(), phone: Type.String(), level: Type.String(), regionCode: Type.String(), regionName: Type.String(), townName: Type.String(),
  role: Type.String(), unit: Type.String(), position: Type.String(), active: Type.Boolean(),
  trainings: Type.Integer(), lastTrainedOn: Nullable(Type.String()),
});
export type Informant = Static<typeof Informant>;
export const InformantDetail = Type.Composite([Informant, Type.Object({ trainingRecords: Type.Array(Training) })]);
export type InformantDetail = Static<typeof InformantDetail>;

export const InformantInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 30 }),
  phone: Type.String({ pattern: `^(1[3-9][0-9]{9}|${MASKED_PATTERN})$`, description: '11 位手机号（原样提交列表中的脱敏值表示不修改）' }),
  regionCode: RegionCode,
  role: Type.Union([Type.Literal('A'), Type.Literal('B')]),
  unit: Type.Optional(Type.String({ maxLength: 60 })),
  position: Type.Optional(Type.String({ maxLength: 60 })),
});
export type InformantInput = Static<typeof InformantInput>;
export const TrainingInput = Type.Object({
  trainedOn: Type.String({ format: 'date' }), topic: Type.String({ minLength: 2, maxLength: 100 }), hours: Type.Number({ minimum: 0.5, maximum: 200 }),
});

export const InformantQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), level: Type.Optional(Type.String()), role: Type.Optional(Type.String()),
  regionCode: Type.Optional(RegionCode), untrained: Type.Optional(Type.Boolean({ description: '只看没有培训记录的' })),
})]);

/** A post lacking its A or its B person. `required`: the rule demands it (town and county need both; a village at least one, its A). */
export const CoverageGap = Type.Object({
  regionCode: Type.String(), regionName: Type.String(), townName: Type.String(), level: Type.String(),
  hasA: Type.Boolean(), hasB: Type.Boolean(), missing: Type.Array(Type.String()), required: Type.Boolean(),
});
export type CoverageGap = Static<typeof CoverageGap>;
export const CoverageQuery = Type.Composite([PageQuery, Type.Object({
  level: Type.Optional(Type.String()), regionCode: Type.Optional(RegionCode),
  all: Type.Optional(Type.Boolean({ description: '也列出缺 B 角的村（社区）（规则只要求村至少 1 名）' })),
})]);
export const CoverageSummary = Type.Object({
  posts: Type.Integer(), people: Type.Integer(), requiredGaps: Type.Integer(), villagesWithoutB: Type.Integer(),
  byLevel: Type.Array(Type.Object({ level: Type.String(), posts: Type.Integer(), people: Type.Integer(), gaps: Type.Integer() })),
});

// ——— disaster events and reports ———

export const DISASTER_KINDS = [
  { code: 'flood', label: '洪涝' }, { code: 'waterlogging', label: '内涝' }, { code: 'drought', label: '干旱' }, { code: 'hail', label: '风雹' },
  { code: 'typhoon', label: '台风' }, { code: 'freeze', label: '低温冷冻和雪灾' }, { code: 'earthquake', label: '地震' },
  { code: 'geological', label: '地质灾害' }, { code: 'forest_fire', label: '森林火灾' }, { code: 'other', label: '其他' },
] as const;
export const REPORT_STAGES = [{ code: 'initial', label: '初报' }, { code: 'update', label: '续报' }, { code: 'final', label: '核报' }] as const;
export const REPORT_STATUSES = [
  { code: 'submitted', label: '待乡镇审核' }, { code: 'town_approved', label: '乡镇已审核' }, { code: 'approved', label: '县级已审核' }, { code: 'returned', label: '已退回' },
] as const;

/** The national indicators (DOMAIN.md §4, [M]: check the current form). Integers are people/households/rooms; areas in 公顷, losses in 万元. */
export const INDICATORS = [
  { key: 'affectedPeople', label: '受灾人口', unit: '人' },
  { key: 'deaths', label: '因灾死亡人口', unit: '人' },
  { key: 'missing', label: '因灾失踪人口', unit: '人' },
  { key: 'relocated', label: '紧急转移安置人口', unit: '人' },
  { key: 'needRelief', label: '需紧急生活救助人口', unit: '人' },
  { key: 'drinkingWater', label: '饮水困难需救助人口', unit: '人' },
  { key: 'cropAffectedHa', label: '农作物受灾面积', unit: '公顷', decimal: true },
  { key: 'cropDamagedHa', label: '农作物成灾面积', unit: '公顷', decimal: true },
  { key: 'cropLostHa', label: '农作物绝收面积', unit: '公顷', decimal: true },
  { key: 'collapsedHouseholds', label: '倒塌房屋户数', unit: '户' },
  { key: 'collapsedRooms', label: '倒塌房屋间数', unit: '间' },
  { key: 'severeHouseholds', label: '严重损坏房屋户数', unit: '户' },
  { key: 'severeRooms', label: '严重损坏房屋间数', unit: '间' },
  { key: 'minorHouseholds', label: '一般损坏房屋户数', unit: '户' },
  { key: 'minorRooms', label: '一般损坏房屋间数', unit: '间' },
  { key: 'lossAgriculture', label: '直接经济损失：农业', unit: '万元', decimal: true },
  { key: 'lossIndustry', label: '直接经济损失：工业', unit: '万元', decimal: true },
  { key: 'lossInfrastructure', label: '直接经济损失：基础设施', unit: '万元', decimal: true },
  { key: 'lossPublicService', label: '直接经济损失：公共服务设施', unit: '万元', decimal: true },
  { key: 'lossHousing', label: '直接经济损失：居民住房及家庭财产', unit: '万元', decimal: true },
] as const;
export type IndicatorKey = (typeof INDICATORS)[number]['key'];

export const Figures = Type.Object(Object.fromEntries(INDICATORS.map((i) => [i.key, Type.Optional(Type.Number({ minimum: 0, maximum: 1e8, description: `${i.label}（${i.unit}）` }))])),
  { additionalProperties: false });
export type Figures = Partial<Record<IndicatorKey, number>>;

export const DisasterEventInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  kind: Type.Union(DISASTER_KINDS.map((k) => Type.Literal(k.code))),
  startedAt: Type.String({ format: 'date-time' }),
  areas: Type.Array(RegionCode, { minItems: 1, maxItems: 400, description: '受灾乡镇或村（社区）' }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type DisasterEventInput = Static<typeof DisasterEventInput>;
export const EventAreasInput = Type.Object({ areas: Type.Array(RegionCode, { minItems: 1, maxItems: 400, description: '补充的受灾乡镇或村（社区）' }) });

export const Deadline = Type.Object({
  regionCode: Type.String(), regionName: Type.String(), stage: Type.String(), dueAt: Type.String(), overdue: Type.Boolean(), met: Type.Boolean(),
});
export const DisasterEvent = Type.Object({
  id: Uuid, number: Type.String(), name: Type.String(), kind: Type.String(), startedAt: Type.String(), regionCode: Type.String(), regionName: Type.String(),
  description: Type.String(), stableAt: Nullable(Type.String()), areas: Type.Array(Type.Object({ regionCode: Type.String(), regionName: Type.String() })),
  reports: Type.Integer(), pending: Type.Integer(),
  /** 报送时限 of the towns the viewer (and the region filter) covers: past their time and not reported, and still to come. */
  overdue: Type.Integer({ description: '逾期未报的报送时限数' }), due: Type.Integer({ description: '尚未到期、待报送的报送时限数' }),
});
export type DisasterEvent = Static<typeof DisasterEvent>;
export const DisasterEventQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), kind: Type.Optional(Type.String()), from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })),
  regionCode: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: '受灾区域在该区划内（或包含该区划）的事件；报送时限只计该区划内的乡镇' })),
  watched: Type.Optional(Type.Boolean({ description: '只看报送时限在办的事件：灾情未稳定，或稳定后仍在核报期内' })),
})]);

export const ReportInput = Type.Object({
  eventId: Uuid, regionCode: RegionCode,
  stage: Type.Union(REPORT_STAGES.map((s) => Type.Literal(s.code))),
  asOf: Type.String({ format: 'date-time' }), figures: Figures, description: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type ReportInput = Static<typeof ReportInput>;
export const ReviewInput = Type.Object({ note: Type.Optional(Type.String({ maxLength: 500 })) });
export const ReturnInput = Type.Object({ note: Type.String({ minLength: 2, maxLength: 500 }) });

export const DisasterReport = Type.Object({
  id: Uuid, eventId: Uuid, eventName: Type.String(), regionCode: Type.String(), regionName: Type.String(), townName: Type.String(), level: Type.String(),
  stage: Type.String(), status: Type.String(), asOf: Type.String(), figures: Type.Record(Type.String(), Type.Number()), description: Type.String(),
  reporterName: Type.String(), submittedAt: Type.String(), approvedAt: Nullable(Type.String()),
  /** 县级未审核: the figures are not yet confirmed by the county. */
  unconfirmed: Type.Boolean(),
});
export type DisasterReport = Static<typeof DisasterReport>;
export const ReportTrail = Type.Object({ action: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), note: Nullable(Type.String()), actorName: Type.String(), at: Type.String() });
export const DisasterReportDetail = Type.Composite([DisasterReport, Type.Object({ trail: Type.Array(ReportTrail), canApprove: Type.Boolean(), canReturn: Type.Boolean(), canEdit: Type.Boolean() })]);
export type DisasterReportDetail = Static<typeof DisasterReportDetail>;
export const ReportQuery = Type.Composite([PageQuery, Type.Object({
  eventId: Type.Optional(Uuid), stage: Type.Optional(Type.String()), status: Type.Optional(Type.String()), regionCode: Type.Optional(RegionCode),
  q: Type.Optional(Type.String({ maxLength: 50 })), todo: Type.Optional(Type.Boolean({ description: '只看等我审核的' })),
  from: Type.Optional(Type.String({ format: 'date', description: '报送日期起（含）' })), to: Type.Optional(Type.String({ format: 'date', description: '报送日期止（含）' })),
})]);

/** One row of an event's summary: a town (or the county total) with its figures and where they came from. */
export const SummaryRow = Type.Object({
  regionCode: Type.String(), regionName: Type.String(), source: Type.String(), villages: Type.Integer(),
  figures: Type.Record(Type.String(), Type.Number()), unconfirmed: Type.Boolean(),
});
export const EventSummary = Type.Object({
  event: DisasterEvent, asOf: Type.String(), towns: Type.Array(SummaryRow), total: SummaryRow, deadlines: Type.Array(Deadline),
});
export type EventSummary = Static<typeof EventSummary>;

// ——— 救灾资金 relief funds and their 专项督查 audit ———

export const RELIEF_PURPOSES = [
  { code: 'emergency_living', label: '应急生活救助' }, { code: 'transition', label: '过渡期生活救助' },
  { code: 'winter_spring', label: '冬春临时生活困难救助' }, { code: 'housing', label: '倒损住房恢复重建' }, { code: 'other', label: '其他' },
] as const;
export const PAY_METHODS = [{ code: 'signature', label: '现金签领' }, { code: 'bank', label: '一卡通转账' }] as const;
export const CHECK_METHODS = [{ code: 'home', label: '入户核查' }, { code: 'phone', label: '电话回访' }] as const;
export const CHECK_OUTCOMES = [
  { code: 'pending', label: '待核查' }, { code: 'confirmed', label: '属实' }, { code: 'discrepancy', label: '发现问题' }, { code: 'unreachable', label: '无法联系' },
] as const;

export const AllocationInput = Type.Object({
  parentId: Type.Optional(Uuid),
  eventId: Type.Optional(Uuid),
  regionCode: Type.Optional(RegionCode),
  orgId: Type.Optional(Uuid),
  purpose: Type.Union(RELIEF_PURPOSES.map((p) => Type.Literal(p.code))),
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e10, description: '元' }),
  allocatedOn: Type.String({ format: 'date' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type AllocationInput = Static<typeof AllocationInput>;
export const Allocation = Type.Object({
  id: Uuid, number: Type.String(), parentId: Nullable(Type.String()), eventName: Nullable(Type.String()), regionCode: Type.String(), recipient: Type.String(),
  purpose: Type.String(), amount: Type.Number(), allocatedOn: Type.String(), note: Type.String(),
  allocatedDown: Type.Number(), distributed: Type.Number(), households: Type.Integer(),
});
export type Allocation = Static<typeof Allocation>;
export const AllocationQuery = Type.Composite([PageQuery, Type.Object({
  parentId: Type.Optional(Uuid), top: Type.Optional(Type.Boolean({ description: '只看县级下拨' })), q: Type.Optional(Type.String({ maxLength: 50 })), purpose: Type.Optional(Type.String()),
  recipientKind: Type.Optional(Type.Union([Type.Literal('town'), Type.Literal('department')], { description: '分配对象：乡镇或部门' })),
})]);
/** 专项督查 list: drawn between two days (inclusive). */
export const AuditQuery = Type.Composite([PageQuery, Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })),
})]);

export const DistributionInput = Type.Object({
  allocationId: Uuid, regionCode: RegionCode,
  name: Type.String({ minLength: 2, maxLength: 30 }), idNumber: Type.String({ minLength: 1, maxLength: 20 }), phone: Type.Optional(Type.String({ pattern: '^(1[3-9][0-9]{9})?$' })),
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e7 }), paidOn: Type.String({ format: 'date' }),
  method: Type.Union(PAY_METHODS.map((m) => Type.Literal(m.code))), bankRef: Type.Optional(Type.String({ maxLength: 60 })),
});
export type DistributionInput = Static<typeof DistributionInput>;
export const Distribution = Type.Object({
  id: Uuid, allocationId: Uuid, recipient: Type.String(), regionCode: Type.String(), regionName: Type.String(), townName: Type.String(), name: Type.String(),
  idNumber: Type.String({ description: '脱敏显示，如 430699********1234' }), phone: Type.String(), amount: Type.Number(), paidOn: Type.String(), method: Type.String(), bankRef: Nullable(Type.String()),
});
export type Distribution = Static<typeof Distribution>;
export const DistributionQuery = Type.Composite([PageQuery, Type.Object({
  allocationId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode), q: Type.Optional(Type.String({ maxLength: 50 })), method: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ format: 'date', description: '发放日期起（含）' })), to: Type.Optional(Type.String({ format: 'date', description: '发放日期止（含）' })),
})]);

export const AuditInput = Type.Object({
  allocationId: Uuid, name: Type.String({ minLength: 2, maxLength: 100 }),
  seed: Type.String({ minLength: 8, maxLength: 100, description: '抽样前公布的随机种子（如当日开奖号码、公证的随机数）' }),
  ratePercent: Type.Number({ minimum: 1, maximum: 100, multipleOf: 0.01 }),
});
export const Audit = Type.Object({
  id: Uuid, number: Type.String(), allocationId: Uuid, name: Type.String(), seed: Type.String(), ratePercent: Type.Number(), population: Type.Integer(), sampleSize: Type.Integer(),
  algorithm: Type.String(), drawnAt: Type.String(), checked: Type.Integer(), discrepancies: Type.Integer(),
});
export type Audit = Static<typeof Audit>;
export const AuditCheck = Type.Object({
  distributionId: Uuid, position: Type.Integer(), method: Type.String(), outcome: Type.String(), finding: Nullable(Type.String()), checkedAt: Nullable(Type.String()),
  checkedBy: Nullable(Type.String()), recipient: Type.String(), townName: Type.String(), regionName: Type.String(), name: Type.String(), idNumber: Type.String(), phone: Type.String(), amount: Type.Number(),
});
export type AuditCheck = Static<typeof AuditCheck>;
export const AuditFinding = Type.Object({
  recipient: Type.String(), population: Type.Integer(), sampled: Type.Integer(), checked: Type.Integer(), confirmed: Type.Integer(), discrepancies: Type.Integer(), unreachable: Type.Integer(),
  findings: Type.Array(Type.String()),
});
export const AuditDetail = Type.Composite([Audit, Type.Object({ checks: Type.Array(AuditCheck), byRecipient: Type.Array(AuditFinding) })]);
export type AuditDetail = Static<typeof AuditDetail>;
export const CheckInput = Type.Object({
  outcome: Type.Union([Type.Literal('confirmed'), Type.Literal('discrepancy'), Type.Literal('unreachable')]), finding: Type.Optional(Type.String({ maxLength: 500 })),
});
