// 信息报送: reports upward on an incident (初报, 续报, 终报), drafted from its record, approved by someone other than the
// drafter, sent to the upper-level recipients, with deadlines watched; and the command map's nearby query.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const O = Type.Optional;
const Str = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });

export const REPORT_KINDS = { initial: '初报', follow_up: '续报', final: '终报' } as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const REPORT_STATUSES = { draft: '起草中', submitted: '待审核', approved: '已审核待报送', sent: '已报送' } as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;

export const ReportKindCode = Type.Union(Object.keys(REPORT_KINDS).map((k) => Type.Literal(k as ReportKind)));

/** What a report says: drafted from the incident's record, then edited by people. */
export const ReportContent = Type.Object({
  /** 事件概况: what, where, when. */
  summary: Str(4000, 1),
  occurredAt: Timestamp,
  address: Str(300),
  kindLabel: Str(50),
  gradeLabel: Str(300),
  /** 响应级别 in words (「Ⅲ级响应」), or 「未启动响应」. */
  responseLabel: Str(100),
  dead: Count, injured: Count, missing: Count, trapped: Count, relocated: Count,
  /** 直接经济损失（万元）, as estimated now. */
  lossWan: Type.Number({ minimum: 0, maximum: 1e9 }),
  /** 已采取的措施. */
  measures: Str(8000),
  /** 事件进展 since the last report (the incident's timeline), oldest first. */
  timeline: Type.Array(Type.Object({ at: Timestamp, text: Str(500, 1) }), { maxItems: 200 }),
  /** 下一步工作. */
  nextSteps: Str(4000),
  /** 报送单位, 联系人, 电话. */
  reporterUnit: Str(100, 1),
  contact: Str(50),
  phone: Str(30),
});
export type ReportContent = Static<typeof ReportContent>;

export const Person = Type.Object({ id: Uuid, name: Type.String() });

export const Recipient = Type.Object({ name: Type.String(), phone: O(N(Type.String())), username: O(N(Type.String())) });
export type Recipient = Static<typeof Recipient>;

export const IncidentReport = Type.Object({
  id: Uuid,
  incidentId: Uuid,
  kind: ReportKindCode,
  kindLabel: Type.String(),
  seq: Type.Integer(),
  number: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  title: Type.String(),
  content: ReportContent,
  draftedBy: Person,
  draftedAt: Timestamp,
  submittedAt: N(Timestamp),
  approvedBy: N(Person),
  approvedAt: N(Timestamp),
  approvalNote: N(Type.String()),
  returnedNote: N(Type.String()),
  sentBy: N(Person),
  sentAt: N(Timestamp),
  recipients: Type.Array(Recipient),
  /** The moves the caller may make now (submit, approve, return, send, edit). */
  actions: Type.Array(Type.String()),
});
export type IncidentReport = Static<typeof IncidentReport>;

export const ReportDue = Type.Object({
  id: Uuid,
  kind: ReportKindCode,
  kindLabel: Type.String(),
  dueAt: Timestamp,
  /** The rule and its version that set it. */
  basis: Type.String(),
  metAt: N(Timestamp),
  metReportId: N(Uuid),
  /** Not met and past due now. */
  overdue: Type.Boolean(),
  /** Met, but after the due time (逾期报送). */
  late: Type.Boolean(),
  remindedAt: N(Timestamp),
});
export type ReportDue = Static<typeof ReportDue>;

export const IncidentReports = Type.Object({
  incident: Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), status: Type.String() }),
  reports: Type.Array(IncidentReport),
  dues: Type.Array(ReportDue),
  /** The kind the next report should be (初报 first, 终报 once the response has ended), and whether one may be drafted now. */
  nextKind: N(ReportKindCode),
});
export type IncidentReports = Static<typeof IncidentReports>;

export const ReportParams = Type.Object({ id: Uuid, reportId: Uuid });
export const ReportCreate = Type.Object({ kind: ReportKindCode });
export const ReportEdit = Type.Object({ title: O(Str(200, 1)), content: O(ReportContent) });
export const ReportDecision = Type.Object({ note: O(Str(1000)) });
export const ReportReturn = Type.Object({ note: Str(1000, 1) });

/** The reports ledger (信息报送台账) across incidents. */
export const ReportListItem = Type.Object({
  id: Uuid, incidentId: Uuid, incidentNumber: Type.String(), incidentTitle: Type.String(), kind: ReportKindCode, kindLabel: Type.String(), seq: Type.Integer(),
  number: Type.String(), status: Type.String(), statusLabel: Type.String(), title: Type.String(), draftedBy: Type.String(), draftedAt: Timestamp, sentAt: N(Timestamp),
  dueAt: N(Timestamp), late: Type.Boolean(),
});
export type ReportListItem = Static<typeof ReportListItem>;
export const ReportListQuery = Type.Composite([PageQuery, Type.Object({
  kind: O(ReportKindCode), status: O(Type.String({ maxLength: 20 })), q: O(Type.String({ maxLength: 50 })),
  from: O(Type.String({ format: 'date' })), to: O(Type.String({ format: 'date' })),
})]);
export type ReportListQuery = Static<typeof ReportListQuery>;

/** Reports owed across incidents: the overdue ones and the next due, for the duty desk. */
export const DueListItem = Type.Composite([ReportDue, Type.Object({ incidentId: Uuid, incidentNumber: Type.String(), incidentTitle: Type.String() })]);
export type DueListItem = Static<typeof DueListItem>;

// —— the command map (指挥一张图) ——

export const MAP_LAYERS = {
  enterprises: '企业', hazardSources: '重大危险源', sensors: '监测点', alarms: '报警', hazards: '隐患', resources: '救援力量与物资',
  shelters: '避难场所', facilities: '水库与山洪点', villages: '村（社区）人口',
} as const;
export type MapLayer = keyof typeof MAP_LAYERS;

export const NearbyQuery = Type.Object({
  radius: O(Type.Integer({ minimum: 100, maximum: 50_000, default: 5000, description: '半径（米），100–50000，默认 5000' })),
  layers: O(Type.String({ maxLength: 200, description: '逗号分隔的图层，默认全部：' + Object.keys(MAP_LAYERS).join(',') })),
});
export type NearbyQuery = Static<typeof NearbyQuery>;

const Point = { id: Uuid, name: Type.String(), lng: Type.Number(), lat: Type.Number(), distanceM: Type.Number() };

export const Nearby = Type.Object({
  incident: Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), lng: Type.Number(), lat: Type.Number(), address: Type.String() }),
  radiusM: Type.Integer(),
  layers: Type.Array(Type.String()),
  enterprises: Type.Array(Type.Object({ ...Point, riskLevel: N(Type.String()), sector: N(Type.String()), status: N(Type.String()),
    principal: N(Type.String()), phone: N(Type.String()), majorHazardSources: Type.Integer() })),
  hazardSources: Type.Array(Type.Object({ ...Point, enterpriseId: Uuid, enterpriseName: Type.String(), grade: N(Type.Integer()), unitKind: Type.String() })),
  sensors: Type.Array(Type.Object({ ...Point, code: Type.String(), type: Type.String(), unit: Type.String(), deviceName: Type.String(), latest: N(Type.Number()), latestAt: N(Timestamp) })),
  alarms: Type.Array(Type.Object({ ...Point, level: Type.Integer(), status: Type.String(), message: Type.String(), raisedAt: Timestamp })),
  hazards: Type.Array(Type.Object({ ...Point, number: Type.String(), level: Type.String(), status: Type.String(), deadline: N(Type.String()) })),
  resources: Type.Array(Type.Object({ ...Point, kind: Type.String(), summary: Type.String(), contact: N(Type.String()), phone: N(Type.String()), available: Type.Boolean() })),
  shelters: Type.Array(Type.Object({ ...Point, summary: Type.String(), contact: N(Type.String()), phone: N(Type.String()), available: Type.Boolean() })),
  facilities: Type.Array(Type.Object({ ...Point, kind: Type.String(), openAlarms: Type.Integer() })),
  villages: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), lng: Type.Number(), lat: Type.Number(), distanceM: Type.Number(), population: N(Type.Integer()),
    households: N(Type.Integer()) })),
  /** People living in the villages within the radius (where known). */
  populationWithin: Type.Integer(),
  /** Layers that could not be read (e.g. the resources directory failed), with why. */
  notes: Type.Array(Type.String()),
});
export type Nearby = Static<typeof Nearby>;
