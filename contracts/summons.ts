// 约谈 (summons): the safety committee or the bureau summons a town, department or enterprise over accidents,
// overdue major hazards or poor inspection results; commitments and follow-up tasks with deadlines are tracked.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Uuid } from './common.js';

export const SUMMONS_TARGET_KINDS = [
  { code: 'town', label: '乡镇' }, { code: 'department', label: '部门' }, { code: 'enterprise', label: '企业' },
] as const;
export const SUMMONS_REASONS = [
  { code: 'accidents', label: '事故多发' }, { code: 'overdue_major_hazards', label: '重大隐患逾期未改' },
  { code: 'poor_inspection', label: '检查考核结果差' }, { code: 'other', label: '其他' },
] as const;

export const SummonsTaskInput = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  dueOn: Type.String({ format: 'date' }),
});

export const SummonsInput = Type.Object({
  targetKind: Type.Union(SUMMONS_TARGET_KINDS.map((k) => Type.Literal(k.code))),
  targetOrgId: Type.Optional(Uuid),
  targetEnterpriseId: Type.Optional(Uuid),
  reason: Type.Union(SUMMONS_REASONS.map((k) => Type.Literal(k.code))),
  reasonDetail: Type.String({ minLength: 4, maxLength: 1000 }),
  heldAt: Type.String({ format: 'date-time' }),
  place: Type.String({ minLength: 2, maxLength: 100 }),
  convenedBy: Type.String({ minLength: 2, maxLength: 60 }),
  hostName: Type.String({ minLength: 2, maxLength: 60 }),
  attendees: Type.String({ minLength: 2, maxLength: 1000 }),
  commitments: Type.Optional(Type.String({ maxLength: 2000 })),
  tasks: Type.Optional(Type.Array(SummonsTaskInput, { maxItems: 30 })),
});
export type SummonsInput = Static<typeof SummonsInput>;

export const SummonsTask = Type.Object({
  id: Uuid, position: Type.Integer(), title: Type.String(), dueOn: Type.String(), doneAt: Type.Union([Type.String(), Type.Null()]),
  doneNote: Type.Union([Type.String(), Type.Null()]), doneByName: Type.Union([Type.String(), Type.Null()]), overdue: Type.Boolean(),
});

export const Summons = Type.Object({
  id: Uuid, number: Type.String(), targetKind: Type.String(), targetOrgId: Type.Union([Uuid, Type.Null()]), targetEnterpriseId: Type.Union([Uuid, Type.Null()]),
  targetName: Type.String(), regionCode: Type.String(), reason: Type.String(), reasonDetail: Type.String(), heldAt: Type.String(), place: Type.String(),
  convenedBy: Type.String(), hostName: Type.String(), attendees: Type.String(), commitments: Type.Union([Type.String(), Type.Null()]),
  tasksTotal: Type.Integer(), tasksDone: Type.Integer(), tasksOverdue: Type.Integer(),
});
export type Summons = Static<typeof Summons>;
export const SummonsDetail = Type.Composite([Summons, Type.Object({ tasks: Type.Array(SummonsTask) })]);
export type SummonsDetail = Static<typeof SummonsDetail>;

export const SummonsQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), targetKind: Type.Optional(Type.String()), reason: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), regionCode: Type.Optional(RegionCode),
  open: Type.Optional(Type.Boolean({ description: '只看有未完成整改任务的' })),
})]);

export const TaskDoneInput = Type.Object({ note: Type.String({ minLength: 2, maxLength: 500 }) });

export const SummonsStats = Type.Object({
  total: Type.Integer(),
  byPeriod: Type.Array(Type.Object({ key: Type.String(), count: Type.Integer() })),
  byTargetKind: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() })),
  byReason: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), count: Type.Integer() })),
  tasks: Type.Object({ total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() }),
});
