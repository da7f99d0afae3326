// 突发事件 (incidents) of 应急指挥: intake, grading, plans and response level, command post, tasks and feedback,
// dispatch, timeline, after-action lessons. Shared by the server (validation, OpenAPI) and the web (types).
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { keysOf as keys } from './hazards.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);

/** 突发事件类别 (IncidentKind in server/domains/command/ports.ts). */
export const INCIDENT_KINDS = {
  hazchem: '危险化学品事故', mine: '矿山事故', fireworks: '烟花爆竹事故', industrial: '工贸企业事故', fire: '火灾', forest_fire: '森林火灾',
  flood: '洪涝、山洪', geological: '地质灾害', weather: '气象灾害', earthquake: '地震', traffic: '道路交通事故', other: '其他',
} as const;
/** 接报来源 */
export const INCIDENT_SOURCES = { phone: '电话', alarm: '监测报警', tipoff: '举报', department: '部门报送', other: '其他' } as const;
/** 事件等级 */
export const INCIDENT_GRADES = { especially_major: '特别重大', major: '重大', larger: '较大', ordinary: '一般' } as const;
/** 事件状态 */
export const INCIDENT_STATUSES = { reported: '已接报', responding: '响应中', terminated: '响应已终止', closed: '已结案' } as const;
export const LEVEL_LABELS = { 1: 'Ⅰ级', 2: 'Ⅱ级', 3: 'Ⅲ级', 4: 'Ⅳ级' } as const;
export const TASK_STATUSES = { assigned: '待签收', read: '已签收', submitted: '已反馈', accepted: '已采纳', returned: '已退回' } as const;
export const DISPATCH_STATUSES = { dispatched: '已调派', en_route: '在途', on_scene: '到场', released: '已撤离' } as const;
export const RESOURCE_KINDS = { team: '救援队伍', expert: '专家', warehouse: '物资', shelter: '避难场所', equipment: '装备' } as const;
export const LESSON_ACTIONS = { hazard: '转为隐患', plan_revision: '预案修订' } as const;

const Level = Type.Integer({ minimum: 1, maximum: 4, description: '响应级别 1=Ⅰ级（最高）…4=Ⅳ级' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Lng = Type.Number({ minimum: 73, maximum: 136 });
const Lat = Type.Number({ minimum: 3, maximum: 54 });

export const Casualties = Type.Object({
  dead: Count, injured: Count, missing: Count, trapped: Count,
  lossWan: Type.Number({ minimum: 0, maximum: 100_000_000, description: '直接经济损失（万元）' }),
  relocated: Count,
});

export const IncidentIntake = Type.Composite([Type.Object({
  source: keys(INCIDENT_SOURCES),
  sourceRefId: Type.Optional(Uuid),
  reporterName: Type.Optional(Type.String({ maxLength: 50 })),
  reporterPhone: Type.Optional(Type.String({ maxLength: 30 })),
  reporterOrg: Type.Optional(Type.String({ maxLength: 100 })),
  occurredAt: Timestamp,
  reportedAt: Type.Optional(Timestamp),
  title: Type.Optional(Type.String({ maxLength: 100 })),
  address: Type.String({ minLength: 2, maxLength: 200 }),
  lng: Type.Optional(Lng),
  lat: Type.Optional(Lat),
  regionCode: Type.Optional(RegionCode),
  kind: keys(INCIDENT_KINDS),
  enterpriseId: Type.Optional(Uuid),
  description: Type.String({ minLength: 2, maxLength: 4000 }),
}), Type.Partial(Casualties)]);
export type IncidentIntake = Static<typeof IncidentIntake>;

export const GradePreviewInput = Type.Composite([Type.Object({ kind: keys(INCIDENT_KINDS) }), Type.Partial(Casualties)]);
export const GradePreview = Type.Object({ grade: Type.String(), gradeLabel: Type.String(), rule: Type.String(), version: Type.String(), suggestedLevel: Level });

export const FactsUpdate = Type.Composite([Casualties, Type.Object({ note: Type.String({ minLength: 2, maxLength: 500 }) })]);

export const IncidentQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  status: Type.Optional(keys(INCIDENT_STATUSES)),
  kind: Type.Optional(keys(INCIDENT_KINDS)),
  grade: Type.Optional(keys(INCIDENT_GRADES)),
  regionCode: Type.Optional(RegionCode),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  open: Type.Optional(Type.Boolean()),
})]);
export type IncidentQuery = Static<typeof IncidentQuery>;

export const IncidentSummary = Type.Object({
  id: Uuid, number: Type.String(), title: Type.String(), kind: Type.String(), kindLabel: Type.String(), source: Type.String(),
  grade: Type.String(), gradeLabel: Type.String(), status: Type.String(), statusLabel: Type.String(), responseLevel: Nullable(Level),
  regionCode: Type.String(), regionName: Nullable(Type.String()), address: Type.String(), enterpriseId: Nullable(Uuid), enterpriseName: Nullable(Type.String()),
  occurredAt: Timestamp, reportedAt: Timestamp, dead: Type.Integer(), injured: Type.Integer(), missing: Type.Integer(), trapped: Type.Integer(),
  lossWan: Type.Number(), relocated: Type.Integer(), lng: Nullable(Type.Number()), lat: Nullable(Type.Number()),
});
export type IncidentSummary = Static<typeof IncidentSummary>;

export const LevelChange = Type.Object({
  id: Uuid, kind: Type.String(), fromLevel: Nullable(Type.Integer()), toLevel: Type.Integer(), reason: Type.String(), status: Type.String(),
  proposedBy: Nullable(Type.String()), proposedById: Nullable(Uuid), proposedAt: Timestamp, decidedBy: Nullable(Type.String()), decidedAt: Nullable(Timestamp), decisionNote: Nullable(Type.String()),
});
export const PostRole = Type.Object({
  id: Uuid, groupName: Type.String(), leadUnit: Nullable(Type.String()), duties: Nullable(Type.String()),
  holderAccountId: Nullable(Uuid), holderName: Nullable(Type.String()), holderPhone: Nullable(Type.String()),
});
export const Feedback = Type.Object({
  id: Uuid, text: Type.String(), lng: Nullable(Type.Number()), lat: Nullable(Type.Number()), fileIds: Type.Array(Uuid), status: Type.String(),
  reviewNote: Nullable(Type.String()), createdBy: Nullable(Type.String()), createdAt: Timestamp, reviewedAt: Nullable(Timestamp),
});
export const Task = Type.Object({
  id: Uuid, incidentId: Uuid, incidentNumber: Type.String(), incidentTitle: Type.String(), incidentStatus: Type.String(), seq: Type.Integer(), level: Nullable(Type.Integer()),
  groupName: Nullable(Type.String()), title: Type.String(), assigneeOrgId: Nullable(Uuid), assigneeAccountId: Nullable(Uuid), assigneeLabel: Nullable(Type.String()),
  dueAt: Nullable(Timestamp), overdue: Type.Boolean(), status: Type.String(), statusLabel: Type.String(), readAt: Nullable(Timestamp), feedback: Type.Array(Feedback),
  /** Assigned to the caller or the caller's unit: they sign for it and answer it. */
  mine: Type.Boolean(),
});
export type Task = Static<typeof Task>;
export const Dispatch = Type.Object({
  id: Uuid, resourceKind: Type.String(), resourceId: Uuid, resourceName: Type.String(), summary: Nullable(Type.String()), distanceM: Nullable(Type.Number()),
  itemId: Nullable(Uuid), itemName: Nullable(Type.String()), quantity: Nullable(Type.Number()), status: Type.String(), statusLabel: Type.String(),
  dispatchedAt: Timestamp, enRouteAt: Nullable(Timestamp), onSceneAt: Nullable(Timestamp), releasedAt: Nullable(Timestamp), note: Nullable(Type.String()),
});
export const Lesson = Type.Object({
  id: Uuid, text: Type.String(), action: Type.String(), status: Type.String(), hazardId: Nullable(Uuid), hazardNumber: Nullable(Type.String()),
  planId: Nullable(Uuid), revisionNote: Nullable(Type.String()), doneAt: Nullable(Timestamp),
});
export const Incident = Type.Composite([IncidentSummary, Type.Object({
  sourceRefId: Nullable(Uuid), reporterName: Nullable(Type.String()), reporterPhone: Nullable(Type.String()), reporterOrg: Nullable(Type.String()),
  description: Type.String(), gradeRule: Type.String(), gradeVersion: Type.String(), planId: Nullable(Uuid), planVersionId: Nullable(Uuid), planTitle: Nullable(Type.String()),
  responseStartedAt: Nullable(Timestamp), terminatedAt: Nullable(Timestamp), terminationNote: Nullable(Type.String()), investigation: Nullable(Type.String()),
  assessment: Nullable(Type.String()), closedAt: Nullable(Timestamp),
  levelChanges: Type.Array(LevelChange), post: Type.Array(PostRole), tasks: Type.Array(Task), dispatches: Type.Array(Dispatch), lessons: Type.Array(Lesson),
  /** What the caller may do now: start, propose, decide, tasks, dispatch, terminate, review, lessons, close, feedback. */
  actions: Type.Array(Type.String()),
})]);
export type Incident = Static<typeof Incident>;

export const TimelineItem = Type.Object({
  id: Uuid, at: Timestamp, kind: Type.String(), text: Type.String(), refType: Nullable(Type.String()), refId: Nullable(Uuid), actorName: Nullable(Type.String()),
});
export type TimelineItem = Static<typeof TimelineItem>;

export const PlanMatchOut = Type.Object({
  planId: Type.String(), versionId: Type.String(), title: Type.String(), planKind: Type.String(), rank: Type.Integer(), score: Type.Number(),
  reasons: Type.Array(Type.String()), proposedLevel: Nullable(Level), levelReason: Nullable(Type.String()),
});
export const PlanMatches = Type.Object({
  /** False when the plans part is not installed (no directory). */
  available: Type.Boolean(),
  matches: Type.Array(PlanMatchOut),
  proposedLevel: Level,
  proposedReason: Type.String(),
});
export type PlanMatches = Static<typeof PlanMatches>;

export const StartResponse = Type.Object({
  level: Level,
  planId: Type.Optional(Uuid),
  versionId: Type.Optional(Uuid),
  reason: Type.String({ minLength: 2, maxLength: 500 }),
});
export const ProposeLevel = Type.Object({ toLevel: Level, reason: Type.String({ minLength: 2, maxLength: 500 }) });
export const Decide = Type.Object({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) });
export const PostAssign = Type.Object({
  holderAccountId: Type.Optional(Uuid), holderName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), holderPhone: Type.Optional(Type.String({ maxLength: 30 })),
});
export const TaskCreate = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 300 }), groupName: Type.Optional(Type.String({ maxLength: 50 })),
  assigneeOrgId: Type.Optional(Uuid), assigneeAccountId: Type.Optional(Uuid), dueAt: Type.Optional(Timestamp),
});
export const FeedbackInput = Type.Object({
  text: Type.String({ minLength: 2, maxLength: 2000 }), lng: Type.Optional(Lng), lat: Type.Optional(Lat), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
});
export const MyTaskQuery = Type.Composite([PageQuery, Type.Object({
  /** Only tasks still to do: not yet accepted, of an incident still responding. */
  open: Type.Optional(Type.Boolean()),
  status: Type.Optional(keys(TASK_STATUSES)),
  /** Words of the task, or the incident's number or name. */
  q: Type.Optional(Type.String({ maxLength: 50 })),
})]);
export type MyTaskQuery = Static<typeof MyTaskQuery>;

export const NearestQueryIn = Type.Object({
  kinds: Type.Optional(Type.String({ maxLength: 60, description: '逗号分隔：team,expert,warehouse,shelter,equipment' })),
  radiusKm: Type.Optional(Type.Number({ minimum: 1, maximum: 500 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  teamKind: Type.Optional(Type.String({ maxLength: 30 })),
  item: Type.Optional(Type.String({ maxLength: 50 })),
});
export const NearbyOut = Type.Object({
  kind: Type.String(), id: Type.String(), name: Type.String(), distanceM: Type.Number(), lng: Type.Number(), lat: Type.Number(), regionCode: Nullable(Type.String()),
  contact: Nullable(Type.String()), phone: Nullable(Type.String()), summary: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()), available: Type.Boolean(),
});
export const Nearby = Type.Object({ available: Type.Boolean(), items: Type.Array(NearbyOut) });
export type NearbyResourceOut = Static<typeof NearbyOut>;

export const DispatchCreate = Type.Object({
  resourceKind: keys(RESOURCE_KINDS),
  resourceId: Uuid,
  /** Supplies: the stock item and quantity that leave the warehouse. */
  itemId: Type.Optional(Uuid),
  itemName: Type.Optional(Type.String({ maxLength: 100 })),
  quantity: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000 })),
  note: Type.Optional(Type.String({ maxLength: 300 })),
});
export const DispatchMove = Type.Object({ to: Type.Union([Type.Literal('en_route'), Type.Literal('on_scene'), Type.Literal('released')]), note: Type.Optional(Type.String({ maxLength: 300 })) });

export const Terminate = Type.Composite([Casualties, Type.Object({ note: Type.String({ minLength: 2, maxLength: 1000 }) })]);
export const Review = Type.Object({ investigation: Type.Optional(Type.String({ maxLength: 8000 })), assessment: Type.Optional(Type.String({ maxLength: 8000 })) });
export const LessonCreate = Type.Object({
  text: Type.String({ minLength: 2, maxLength: 1000 }), action: keys(LESSON_ACTIONS), planId: Type.Optional(Uuid),
});
export const LessonComplete = Type.Object({
  /** action=hazard: the hazard to create (hazards domain). */
  hazard: Type.Optional(Type.Object({
    title: Type.String({ minLength: 2, maxLength: 200 }), level: Type.Union([Type.Literal('general'), Type.Literal('major')]),
    majorBasis: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })), description: Type.Optional(Type.String({ maxLength: 4000 })),
  })),
  /** action=plan_revision: what to revise. */
  revisionNote: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
});
export const MessageInput = Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) });
