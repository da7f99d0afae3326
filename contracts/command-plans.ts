// 数字化应急预案: the plan system, structured versions (levels, triggers, organisation, actions), 会签 and approval,
// diffs, enterprise filing (备案) and drills (演练). Shared with the web by `import type`.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { keysOf } from './hazards.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const O = Type.Optional;
const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Day = Type.String({ format: 'date' });

/** Code tables (labels shown to people). */
export const PLAN_KINDS = { overall: '总体应急预案', special: '专项应急预案', department: '部门应急预案', town: '乡镇（街道）应急预案', enterprise: '企业应急预案' } as const;
export const INCIDENT_KINDS = {
  hazchem: '危险化学品事故', mine: '矿山事故', fireworks: '烟花爆竹事故', industrial: '工贸企业事故', fire: '火灾', forest_fire: '森林火灾',
  flood: '洪涝灾害', geological: '地质灾害', weather: '气象灾害', earthquake: '地震', traffic: '道路交通事故', other: '其他突发事件',
} as const;
export const INCIDENT_GRADES = { especially_major: '特别重大', major: '重大', larger: '较大', ordinary: '一般' } as const;
export const VERSION_STATUSES = { drafting: '起草中', countersign: '会签中', approval: '待审批', published: '已发布', superseded: '已废止（被新版本替代）' } as const;
export const FILING_STATUSES = { submitted: '已报备待审查', filed: '已备案', returned: '备案退回' } as const;
export const DRILL_KINDS = { tabletop: '桌面推演', live: '实战演练', combined: '综合演练' } as const;
export const LEVEL_NAMES = { 1: 'Ⅰ级', 2: 'Ⅱ级', 3: 'Ⅲ级', 4: 'Ⅳ级' } as const;
/** The thresholds a trigger condition can test; each is met at or above its value (“以上”含本数). */
export const TRIGGER_METRICS = {
  deadMissing: '死亡（含失踪）', dead: '死亡', missing: '失踪', injured: '重伤（含急性工业中毒）', trapped: '被困（危及生命安全）',
  lossWan: '直接经济损失', relocated: '需紧急转移安置',
} as const;
export const TRIGGER_UNITS: Record<keyof typeof TRIGGER_METRICS, string> = { deadMissing: '人', dead: '人', missing: '人', injured: '人', trapped: '人', lossWan: '万元', relocated: '人' };

export const PlanKind = keysOf(PLAN_KINDS);
export const IncidentKind = keysOf(INCIDENT_KINDS);
export type IncidentKind = Static<typeof IncidentKind>;
export const IncidentGrade = keysOf(INCIDENT_GRADES);
export const VersionStatus = keysOf(VERSION_STATUSES);
export const TriggerMetric = keysOf(TRIGGER_METRICS);
const Level = Type.Integer({ minimum: 1, maximum: 4, description: '响应级别：1=Ⅰ级（最高）…4=Ⅳ级' });

/** The trigger conditions of one response level: met when any threshold, grade or capacity flag is met (and the kind fits). */
export const LevelTriggers = Type.Object({
  thresholds: Type.Array(Type.Object({ metric: TriggerMetric, min: Type.Number({ minimum: 0, maximum: 1e9 }) }), { maxItems: 20 }),
  grades: Type.Array(IncidentGrade, { maxItems: 4, description: '事件等级达到其中之一即启动' }),
  beyondTownCapacity: Type.Boolean({ description: '超出乡镇处置能力' }),
  beyondCountyCapacity: Type.Boolean({ description: '超出县级处置能力' }),
  kinds: Type.Array(IncidentKind, { maxItems: 12, description: '仅适用于这些事件类别；空 = 预案适用范围内的全部' }),
  text: Str(2000, 0),
});
export type LevelTriggers = Static<typeof LevelTriggers>;

export const PlanLevelDef = Type.Object({ level: Level, name: Str(60), triggers: LevelTriggers, note: O(Str(2000, 0)) });
export const PlanGroupDef = Type.Object({
  id: Str(40), name: Str(60), leadUnit: N(Str(100)), leadOrgId: N(Uuid), members: Type.Array(Str(100), { maxItems: 60 }), duties: N(Str(2000, 0)),
});
export const PlanActionDef = Type.Object({
  id: Str(40), level: Level, role: Str(60), action: Str(1000), dueMinutes: N(Type.Integer({ minimum: 0, maximum: 60 * 24 * 30 })),
});
/** The structured plan a version holds. */
export const PlanContent = Type.Object({
  summary: Str(4000, 0),
  command: Type.Object({ commander: Str(100, 0), deputies: Type.Array(Str(100), { maxItems: 20 }), office: Str(200, 0) }),
  groups: Type.Array(PlanGroupDef, { maxItems: 40 }),
  levels: Type.Array(PlanLevelDef, { maxItems: 4 }),
  actions: Type.Array(PlanActionDef, { maxItems: 400 }),
});
export type PlanContent = Static<typeof PlanContent>;
export type PlanLevelDef = Static<typeof PlanLevelDef>;
export type PlanGroupDef = Static<typeof PlanGroupDef>;
export type PlanActionDef = Static<typeof PlanActionDef>;

export const PlanQuery = Type.Intersect([PageQuery, Type.Object({
  q: O(Str(100)), kind: O(PlanKind), scopeKind: O(IncidentKind), ownerOrgId: O(Uuid), enterpriseId: O(Uuid), regionCode: O(RegionCode),
  status: O(Type.Union([Type.Literal('published'), Type.Literal('in_progress'), Type.Literal('unpublished')], { description: 'published 已发布；in_progress 有修订中的版本；unpublished 尚无发布版本' })),
  filing: O(keysOf(FILING_STATUSES)), revisionDueBefore: O(Day), drillOverdue: O(Type.Boolean()),
})]);
export type PlanQuery = Static<typeof PlanQuery>;

export const DrillBrief = Type.Object({ id: Uuid, drilledOn: Day, kind: Type.String(), title: Type.String(), participants: Type.Integer() });

export const Plan = Type.Object({
  id: Uuid, kind: Type.String(), title: Type.String(), ownerOrgId: N(Uuid), ownerName: N(Type.String()), enterpriseId: N(Uuid), enterpriseName: N(Type.String()),
  regionCode: Type.String(), regionName: N(Type.String()), scopeKinds: Type.Array(Type.String()),
  publishedVersionId: N(Uuid), publishedLabel: N(Type.String()), publishedAt: N(Timestamp),
  openVersionId: N(Uuid), openVersionStatus: N(Type.String()),
  filingStatus: N(Type.String()), filingNumber: N(Type.String()), filedOn: N(Day), filingReview: N(Type.String()), revisionDue: N(Day),
  revisionDaysLeft: N(Type.Integer()),
  lastDrill: N(DrillBrief), drillDue: N(Day), drillOverdue: Type.Boolean(), drillIntervalMonths: Type.Integer(),
  updatedAt: Timestamp,
});
export type Plan = Static<typeof Plan>;

export const VersionBrief = Type.Object({
  id: Uuid, versionNo: Type.Integer(), label: Type.String(), status: Type.String(), changeNote: N(Type.String()), publishedAt: N(Timestamp), createdAt: Timestamp,
});
export const Countersign = Type.Object({
  id: Uuid, orgId: Uuid, orgName: Type.String(), round: Type.Integer(), opinion: N(Type.String()), comment: N(Type.String()), signedByName: N(Type.String()),
  signedAt: N(Timestamp), invitedAt: Timestamp,
});
export const PlanDetail = Type.Intersect([Plan, Type.Object({
  versions: Type.Array(VersionBrief), drills: Type.Array(Type.Object({ ...DrillBrief.properties, level: N(Type.Integer()), participantUnits: N(Type.String()),
    evaluation: N(Type.String()), problems: N(Type.String()) })),
  canWrite: Type.Boolean(), canApprove: Type.Boolean(), canReviewFiling: Type.Boolean(),
})]);
export type PlanDetail = Static<typeof PlanDetail>;

export const PlanVersion = Type.Object({
  ...VersionBrief.properties, planId: Uuid, planTitle: Type.String(), planKind: Type.String(), content: PlanContent,
  attachment: N(Type.Object({ id: Uuid, name: Type.String(), mime: Type.String(), size: Type.Integer(), previewable: Type.Boolean() })),
  submittedAt: N(Timestamp), decidedByName: N(Type.String()), decidedAt: N(Timestamp), decisionComment: N(Type.String()),
  countersigns: Type.Array(Countersign), moves: Type.Array(Type.String()),
});
export type PlanVersion = Static<typeof PlanVersion>;

export const PlanInput = Type.Object({
  kind: PlanKind, title: Str(200, 2), ownerOrgId: O(N(Uuid)), enterpriseId: O(N(Uuid)), regionCode: O(RegionCode),
  scopeKinds: Type.Array(IncidentKind, { minItems: 1, maxItems: 12 }), content: O(PlanContent), label: O(Str(60)),
});
export const PlanEdit = Type.Object({ title: O(Str(200, 2)), scopeKinds: O(Type.Array(IncidentKind, { minItems: 1, maxItems: 12 })) });
export const NewVersionInput = Type.Object({ label: Str(60), changeNote: O(Str(2000, 0)) });
export const VersionContentInput = Type.Object({ content: PlanContent, label: O(Str(60)), changeNote: O(N(Str(2000, 0))) });
export const AttachmentInput = Type.Object({ fileId: N(Uuid) });
export const CountersignStart = Type.Object({ orgIds: Type.Array(Uuid, { minItems: 1, maxItems: 40 }) });
export const CountersignOpinion = Type.Object({ orgId: O(Uuid), opinion: Type.Union([Type.Literal('agree'), Type.Literal('disagree')]), comment: O(Str(2000, 0)) });
export const DecisionInput = Type.Object({ comment: O(Str(2000, 0)) });
export const FilingReviewInput = Type.Object({ result: Type.Union([Type.Literal('filed'), Type.Literal('returned')]), comment: O(Str(2000, 0)) });
export const DrillInput = Type.Object({
  drilledOn: Day, kind: keysOf(DRILL_KINDS), title: Str(200, 2), level: O(N(Level)), participants: Type.Integer({ minimum: 0, maximum: 100000 }),
  participantUnits: O(Str(1000, 0)), evaluation: O(Str(4000, 0)), problems: O(Str(4000, 0)),
});
export const DiffQuery = Type.Object({ from: Uuid, to: Uuid });

/** One piece of a text diff: kept, added or removed text. */
export const TextPart = Type.Object({ op: Type.Union([Type.Literal('same'), Type.Literal('add'), Type.Literal('del')]), text: Type.String() });
export const DiffChange = Type.Object({
  section: Type.Union([Type.Literal('summary'), Type.Literal('command'), Type.Literal('level'), Type.Literal('group'), Type.Literal('action')]),
  change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  key: Type.String(), title: Type.String(),
  /** Field-level differences of a changed item, each with its old and new value in words and, for text, the parts. */
  fields: Type.Array(Type.Object({ field: Type.String(), label: Type.String(), before: N(Type.String()), after: N(Type.String()), parts: O(Type.Array(TextPart)) })),
});
export type DiffChange = Static<typeof DiffChange>;
export const PlanDiff = Type.Object({
  from: VersionBrief, to: VersionBrief, planId: Uuid, planTitle: Type.String(), changes: Type.Array(DiffChange),
  counts: Type.Object({ added: Type.Integer(), removed: Type.Integer(), changed: Type.Integer() }),
});
export type PlanDiff = Static<typeof PlanDiff>;

export const MatchInput = Type.Object({
  kind: IncidentKind, grade: IncidentGrade, regionCode: RegionCode, enterpriseId: O(N(Uuid)),
  dead: Type.Integer({ minimum: 0 }), injured: Type.Integer({ minimum: 0 }), missing: Type.Integer({ minimum: 0 }), trapped: Type.Integer({ minimum: 0 }),
  lossWan: Type.Number({ minimum: 0 }), relocated: Type.Integer({ minimum: 0 }), beyondTownCapacity: O(Type.Boolean()), beyondCountyCapacity: O(Type.Boolean()),
});
export const PlanMatch = Type.Object({
  planId: Uuid, versionId: Uuid, title: Type.String(), planKind: Type.String(), rank: Type.Integer(), score: Type.Number(),
  reasons: Type.Array(Type.String()), proposedLevel: N(Type.Integer()), levelReason: N(Type.String()),
});
