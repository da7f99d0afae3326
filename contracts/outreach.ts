// 宣传教育培训与应急演练: activities with their material counts, trainings and certificates (三项岗位), the detail of
// drills (scenario, timeline, evaluation, problems → tasks or hazards), and the statistics the half-year report states.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Uuid } from './common.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NStr = Nullable(Type.String());
const Day = Type.String({ format: 'date' });

export const ACTIVITY_KINDS = [
  { code: 'safety_month', label: '安全生产月' }, { code: 'disaster_day', label: '5·12 防灾减灾日' }, { code: 'warning_education', label: '警示教育' },
  { code: 'study', label: '专题学习' }, { code: 'campus', label: '进校园' }, { code: 'enterprise', label: '进企业' }, { code: 'community', label: '进社区' },
  { code: 'contest', label: '知识竞赛' }, { code: 'consultation', label: '宣传咨询日' }, { code: 'other', label: '其他' },
] as const;
/** The material counts an activity records, with the report's words and units. */
export const MATERIALS = [
  { key: 'vans', label: '宣传车', unit: '次' }, { key: 'slogans', label: '标语', unit: '份' }, { key: 'sms', label: '短信', unit: '条' },
  { key: 'brochures', label: '宣传手册', unit: '本' }, { key: 'boards', label: '展板', unit: '块' }, { key: 'films', label: '警示教育片', unit: '场次' },
] as const;
export type MaterialKey = (typeof MATERIALS)[number]['key'];
export const POSTS = [
  { code: 'principal', label: '主要负责人' }, { code: 'safety_manager', label: '安全管理人员' }, { code: 'special_operator', label: '特种作业人员' },
] as const;
export const DRILL_KINDS = [{ code: 'tabletop', label: '桌面推演' }, { code: 'live', label: '实战演练' }, { code: 'combined', label: '综合演练' }] as const;

/** What, who organised it, where and when: shared by activities and training sessions. */
const Occasion = {
  title: Type.String({ minLength: 2, maxLength: 200 }),
  organiser: Type.String({ minLength: 2, maxLength: 100 }),
  regionCode: RegionCode,
  place: Type.String({ minLength: 2, maxLength: 200 }),
  heldOn: Day,
};
const count = Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 }));
export const ActivityInput = Type.Object({
  kind: Type.Union(ACTIVITY_KINDS.map((k) => Type.Literal(k.code))),
  ...Occasion,
  participants: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  rounds: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  vans: count, slogans: count, sms: count, brochures: count, boards: count, films: count,
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  photos: Type.Optional(Type.Array(Uuid, { maxItems: 30 })),
});
export type ActivityInput = Static<typeof ActivityInput>;

export const Activity = Type.Object({
  id: Uuid, kind: Type.String(), kindLabel: Type.String(), title: Type.String(), organiser: Type.String(), regionCode: Type.String(), regionName: Type.String(),
  place: Type.String(), heldOn: Type.String(), participants: Type.Integer(), rounds: Type.Union([Type.Integer(), Type.Null()]),
  vans: Type.Integer(), slogans: Type.Integer(), sms: Type.Integer(), brochures: Type.Integer(), boards: Type.Integer(), films: Type.Integer(),
  description: NStr, photos: Type.Array(Uuid),
});
export type Activity = Static<typeof Activity>;

/** The filters every list shares (a report figure links to exactly its records): inclusive dates, a region and everything under it,
 *  the organising unit. */
const Period = { from: Type.Optional(Day), to: Type.Optional(Day), regionCode: Type.Optional(RegionCode), orgId: Type.Optional(Uuid) };
export const ActivityQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), kind: Type.Optional(Type.String({ maxLength: 30 })), ...Period,
})]);
export type ActivityQuery = Static<typeof ActivityQuery>;

export const Trainee = Type.Object({
  enterpriseId: Uuid,
  personName: Type.String({ minLength: 2, maxLength: 30 }),
  post: Type.Union(POSTS.map((p) => Type.Literal(p.code))),
  operation: Type.Optional(Type.String({ maxLength: 50 })),
  certificateNo: Type.String({ minLength: 4, maxLength: 40 }),
  issuedOn: Day,
  expiresOn: Day,
});
export type Trainee = Static<typeof Trainee>;
export const TrainingInput = Type.Object({
  ...Occasion,
  hours: Type.Integer({ minimum: 0, maximum: 1000 }),
  trainees: Type.Array(Trainee, { maxItems: 500 }),
});
export type TrainingInput = Static<typeof TrainingInput>;
/** Correcting a session's own facts; its trainees are certificates, edited one by one or added later. */
export const TrainingEdit = Type.Object({ ...Occasion, hours: Type.Integer({ minimum: 0, maximum: 1000 }) });
export type TrainingEdit = Static<typeof TrainingEdit>;
export const TraineesInput = Type.Object({ trainees: Type.Array(Trainee, { minItems: 1, maxItems: 500 }) });
export const CertificateEdit = Type.Object({
  personName: Type.String({ minLength: 2, maxLength: 30 }), post: Type.Union(POSTS.map((p) => Type.Literal(p.code))), operation: Type.Optional(Type.String({ maxLength: 50 })),
  certificateNo: Type.String({ minLength: 4, maxLength: 40 }), issuedOn: Day, expiresOn: Day,
});
export type CertificateEdit = Static<typeof CertificateEdit>;

export const Training = Type.Object({
  id: Uuid, title: Type.String(), organiser: Type.String(), regionCode: Type.String(), place: Type.String(), heldOn: Type.String(), hours: Type.Integer(),
  trainees: Type.Integer(),
});
export const Certificate = Type.Object({
  id: Uuid, trainingId: NStr, trainingTitle: NStr, enterpriseId: Uuid, enterpriseName: Type.String(), regionCode: Type.String(), personName: Type.String(),
  post: Type.String(), postLabel: Type.String(), operation: NStr, certificateNo: Type.String(), issuedOn: Type.String(), expiresOn: Type.String(),
  /** expired, expiring (within the warning window) or valid */
  status: Type.Union([Type.Literal('expired'), Type.Literal('expiring'), Type.Literal('valid')]),
  daysLeft: Type.Integer(),
});
export const TrainingQuery = Type.Composite([PageQuery, Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), ...Period })]);
export const CertificateQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), post: Type.Optional(Type.String({ maxLength: 30 })), enterpriseId: Type.Optional(Uuid),
  trainingId: Type.Optional(Uuid), regionCode: Type.Optional(RegionCode),
  status: Type.Optional(Type.Union([Type.Literal('expired'), Type.Literal('expiring'), Type.Literal('valid')])),
})]);
export type CertificateQuery = Static<typeof CertificateQuery>;

const TimelineItem = Type.Object({ at: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }), text: Type.String({ minLength: 1, maxLength: 300 }) });
export const DrillDetailInput = Type.Object({
  /** The drill's own facts may be corrected here too (kind 桌面推演/实战/综合, name, date, participants). */
  kind: Type.Optional(Type.Union(DRILL_KINDS.map((k) => Type.Literal(k.code)))),
  title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  drilledOn: Type.Optional(Day),
  participants: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  participantUnits: Type.Optional(Type.String({ maxLength: 1000 })),
  scenario: Type.String({ minLength: 4, maxLength: 4000 }),
  timeline: Type.Array(TimelineItem, { maxItems: 100 }),
  score: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  evaluation: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type DrillDetailInput = Static<typeof DrillDetailInput>;
export const ProblemInput = Type.Object({
  description: Type.String({ minLength: 4, maxLength: 1000 }),
  followUp: Type.Union([Type.Literal('task'), Type.Literal('hazard')]),
  owner: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
  dueOn: Type.Optional(Day),
  hazardLevel: Type.Optional(Type.Union([Type.Literal('general'), Type.Literal('major')])),
  majorBasis: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
});
export type ProblemInput = Static<typeof ProblemInput>;
/** Correcting a problem: its wording, and for a task its owner and due date (a hazard is corrected in the hazards ledger). */
export const ProblemEdit = Type.Object({
  description: Type.String({ minLength: 4, maxLength: 1000 }), owner: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })), dueOn: Type.Optional(Day),
});
export type ProblemEdit = Static<typeof ProblemEdit>;
export const Problem = Type.Object({
  id: Uuid, description: Type.String(), followUp: Type.String(), owner: NStr, dueOn: NStr, doneAt: NStr, doneNote: NStr, overdue: Type.Boolean(),
  hazardId: NStr, hazardNumber: NStr, hazardStatus: NStr,
});
export const Drill = Type.Object({
  id: Uuid, planId: Uuid, planTitle: Type.String(), drilledOn: Type.String(), kind: Type.String(), kindLabel: Type.String(), title: Type.String(),
  participants: Type.Integer(), participantUnits: NStr, regionCode: Type.String(), regionName: Type.String(), enterpriseName: NStr,
  hasDetail: Type.Boolean(), score: Type.Union([Type.Integer(), Type.Null()]), problems: Type.Integer(), openProblems: Type.Integer(),
});
export const DrillDetail = Type.Composite([Drill, Type.Object({
  scenario: NStr, timeline: Type.Array(TimelineItem), evaluation: NStr, planProblems: NStr, items: Type.Array(Problem),
})]);
export const DrillQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), kind: Type.Optional(Type.String({ maxLength: 20 })), ...Period,
  withProblems: Type.Optional(Type.Boolean()),
})]);
export type DrillQuery = Static<typeof DrillQuery>;
export const TaskDone = Type.Object({ note: Type.String({ minLength: 2, maxLength: 1000 }) });

export const StatsQuery = Type.Object({ from: Day, to: Day, regionCode: Type.Optional(RegionCode) });
export type StatsQuery = Static<typeof StatsQuery>;
/** One figure with where it comes from: `link` opens the records behind it. */
export const Figure = Type.Object({ key: Type.String(), label: Type.String(), unit: Type.String(), value: Type.Number(), link: Type.String() });
export type Figure = Static<typeof Figure>;
export const OutreachStats = Type.Object({
  from: Type.String(), to: Type.String(),
  /** The units' filed returns (宣传教育情况半年报, 短信半年报): the figures the half-year report states. */
  returns: Type.Object({ periods: Type.Array(Type.String()), figures: Type.Array(Figure) }),
  /** Activities recorded here, by kind, and their materials: shown beside, not added to, the returns. */
  activities: Type.Object({ total: Figure, byKind: Type.Array(Figure), materials: Type.Array(Figure), participants: Type.Integer() }),
  training: Type.Object({ sessions: Figure, byPost: Type.Array(Figure), expiring: Figure, expired: Figure }),
  drills: Type.Object({ total: Figure, byKind: Type.Array(Figure), problems: Figure, openProblems: Figure }),
});
export type OutreachStats = Static<typeof OutreachStats>;
