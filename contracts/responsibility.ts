// 责任体系 (responsibility system) and 督查督办 (supervision): the 安委会 and its 专业委员会, meetings whose decisions
// become tracked tasks, 安全生产责任状 (responsibility letters), 责任清单 (duty lists) and supervision campaigns.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Uuid } from './common.js';
import { Figure } from './figures.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const literals = (table: readonly { code: string }[]) => Type.Union(table.map((k) => Type.Literal(k.code)));

export const SIGNER_KINDS = [
  { code: 'park_unit', label: '园区及市直单位' }, { code: 'town', label: '乡镇' }, { code: 'key_enterprise', label: '重点企业' }, { code: 'other', label: '其他' },
] as const;
export const CAMPAIGN_KINDS = [
  { code: 'comprehensive', label: '综合督查' }, { code: 'special', label: '专项督查' }, { code: 'unannounced', label: '明察暗访/敲门行动' }, { code: 'illegal', label: '打非治违' },
] as const;
/** 三个必须 and 党政同责: which principle a duty derives from. */
export const DUTY_PRINCIPLES = [
  { code: 'industry', label: '管行业必须管安全' }, { code: 'business', label: '管业务必须管安全' },
  { code: 'production', label: '管生产经营必须管安全' }, { code: 'party', label: '党政同责、一岗双责' },
] as const;
export const TASK_STATUSES = [{ code: 'open', label: '待反馈' }, { code: 'answered', label: '已反馈' }, { code: 'done', label: '已办结' }] as const;

/** The filters every list shares so that a report figure can link to exactly its records: inclusive dates, a region
 *  (the region and everything under it) and a unit (organisation). */
const Day = Type.String({ format: 'date' });
const Period = {
  from: Type.Optional(Day), to: Type.Optional(Day), regionCode: Type.Optional(RegionCode),
  orgId: Type.Optional(Uuid),
};

// ---- tasks (督办事项) ----
export const TaskInput = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  detail: Type.Optional(Type.String({ maxLength: 2000 })),
  assigneeOrgId: Uuid,
  dueOn: Type.String({ format: 'date' }),
});
export type TaskInput = Static<typeof TaskInput>;
export const RespTask = Type.Object({
  id: Uuid, source: Type.String(), meetingId: Nullable(Uuid), campaignId: Nullable(Uuid), sourceTitle: Type.String(), title: Type.String(), detail: Nullable(Type.String()),
  assigneeOrgId: Uuid, assigneeName: Type.String(), regionCode: Type.String(), dueOn: Type.String(), status: Type.String(), overdue: Type.Boolean(),
  feedback: Nullable(Type.String()), feedbackFiles: Type.Array(Uuid), feedbackAt: Nullable(Type.String()), feedbackByName: Nullable(Type.String()),
  doneAt: Nullable(Type.String()), escalatedAt: Nullable(Type.String()),
});
export type RespTask = Static<typeof RespTask>;
export const TaskQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), source: Type.Optional(Type.String()), status: Type.Optional(Type.String()),
  campaignId: Type.Optional(Uuid), meetingId: Type.Optional(Uuid), overdue: Type.Optional(Type.Boolean()), ...Period,
})]);
export const FeedbackInput = Type.Object({ feedback: Type.String({ minLength: 2, maxLength: 2000 }), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) });

// ---- committees ----
export const Committee = Type.Object({
  id: Uuid, name: Type.String(), shortName: Type.String(), kind: Type.String(), leadName: Nullable(Type.String()),
  members: Type.Integer(), meetings: Type.Integer(), openTasks: Type.Integer(), overdueTasks: Type.Integer(),
});
export const CommitteeMember = Type.Object({
  id: Uuid, orgId: Uuid, orgName: Type.String(), role: Type.String(), contactName: Nullable(Type.String()), contactPhone: Nullable(Type.String()), duties: Nullable(Type.String()),
});
export const MemberInput = Type.Object({
  orgId: Uuid, role: Type.Union([Type.Literal('lead'), Type.Literal('member')]),
  contactName: Type.Optional(Type.String({ maxLength: 30 })), contactPhone: Type.Optional(Type.String({ maxLength: 20 })), duties: Type.Optional(Type.String({ maxLength: 500 })),
});
export const Meeting = Type.Object({
  id: Uuid, committeeId: Uuid, committeeName: Type.String(), heldOn: Type.String(), title: Type.String(), place: Nullable(Type.String()),
  attendees: Nullable(Type.String()), minutes: Type.String(), tasksTotal: Type.Integer(), tasksDone: Type.Integer(), tasksOverdue: Type.Integer(),
});
export const CommitteeQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(Type.Union([Type.Literal('committee'), Type.Literal('professional_committee')])),
  /** committees this unit is a member of */
  orgId: Type.Optional(Uuid),
})]);
export const CommitteeDetail = Type.Composite([Committee, Type.Object({ memberList: Type.Array(CommitteeMember), meetingList: Type.Array(Meeting) })]);
export const MeetingInput = Type.Object({
  heldOn: Type.String({ format: 'date' }), title: Type.String({ minLength: 2, maxLength: 200 }), place: Type.Optional(Type.String({ maxLength: 100 })),
  attendees: Type.Optional(Type.String({ maxLength: 1000 })), minutes: Type.String({ minLength: 4, maxLength: 20000 }),
  decisions: Type.Optional(Type.Array(TaskInput, { maxItems: 50 })),
});
export type MeetingInput = Static<typeof MeetingInput>;
/** Correcting a meeting after it was recorded (its decisions are edited as tasks). */
export const MeetingEdit = Type.Omit(MeetingInput, ['decisions']);
export type MeetingEdit = Static<typeof MeetingEdit>;
export const MeetingDetail = Type.Composite([Meeting, Type.Object({ tasks: Type.Array(RespTask) })]);

// ---- pledges (责任状) ----
export const PledgeInput = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }), signerKind: literals(SIGNER_KINDS),
  signerOrgId: Type.Optional(Uuid), signerEnterpriseId: Type.Optional(Uuid),
  signerName: Type.Optional(Type.String({ minLength: 2, maxLength: 60, description: '未建档的市直单位：只填名称' })),
  issuerName: Type.String({ minLength: 2, maxLength: 60 }), targets: Type.String({ minLength: 4, maxLength: 4000 }),
  signedOn: Type.Optional(Type.String({ format: 'date' })), fileId: Type.Optional(Uuid),
});
export type PledgeInput = Static<typeof PledgeInput>;
/** Correcting a letter: the signer and year stay (register a new letter for another signer); signedOn null = not yet signed,
 *  fileId replaces the signed scan (null removes it). */
export const PledgeEdit = Type.Object({
  signerKind: Type.Optional(literals(SIGNER_KINDS)), issuerName: Type.String({ minLength: 2, maxLength: 60 }), targets: Type.String({ minLength: 4, maxLength: 4000 }),
  signedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]), fileId: Type.Union([Uuid, Type.Null()]),
});
export type PledgeEdit = Static<typeof PledgeEdit>;
export const SignInput = Type.Object({ signedOn: Type.String({ format: 'date' }), fileId: Type.Optional(Uuid) });
export const Pledge = Type.Object({
  id: Uuid, year: Type.Integer(), signerKind: Type.String(), signerOrgId: Nullable(Uuid), signerEnterpriseId: Nullable(Uuid), signerName: Type.String(),
  issuerName: Type.String(), regionCode: Type.String(), targets: Type.String(), signedOn: Nullable(Type.String()), fileId: Nullable(Uuid),
});
export const PledgeQuery = Type.Composite([PageQuery, Type.Object({
  year: Type.Optional(Type.Integer()), signerKind: Type.Optional(Type.String()), signed: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 50 })),
  /** the same as signerKind (the filter name every list uses) */
  kind: Type.Optional(Type.String()),
  /** from/to: signed between these dates (inclusive) */
  ...Period,
})]);
export const PledgeStatus = Type.Object({
  year: Type.Integer(), total: Type.Integer(), signed: Type.Integer(),
  byKind: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), total: Type.Integer(), signed: Type.Integer() })),
  unsigned: Type.Array(Type.Object({ id: Uuid, signerName: Type.String(), signerKind: Type.String() })),
});

// ---- duty lists (责任清单) ----
export const DutyEdit = Type.Object({
  post: Type.Optional(Type.String({ maxLength: 40 })), principle: literals(DUTY_PRINCIPLES), duty: Type.String({ minLength: 4, maxLength: 1000 }),
  legalBasis: Type.String({ minLength: 2, maxLength: 500 }), enforcementPlanId: Type.Optional(Uuid),
});
export type DutyEdit = Static<typeof DutyEdit>;
export const DutyInput = Type.Object({
  orgId: Uuid, year: Type.Integer({ minimum: 2000, maximum: 2100 }), post: Type.Optional(Type.String({ maxLength: 40 })),
  principle: literals(DUTY_PRINCIPLES), duty: Type.String({ minLength: 4, maxLength: 1000 }), legalBasis: Type.String({ minLength: 2, maxLength: 500 }),
  enforcementPlanId: Type.Optional(Uuid),
});
export type DutyInput = Static<typeof DutyInput>;
export const Duty = Type.Object({
  id: Uuid, orgId: Uuid, orgName: Type.String(), year: Type.Integer(), post: Nullable(Type.String()), principle: Type.String(), duty: Type.String(),
  legalBasis: Type.String(), enforcementPlanId: Nullable(Uuid), enforcementPlanName: Nullable(Type.String()),
});
export const DutyQuery = Type.Composite([PageQuery, Type.Object({
  orgId: Type.Optional(Uuid), year: Type.Optional(Type.Integer()), principle: Type.Optional(Type.String()), post: Type.Optional(Type.String()), q: Type.Optional(Type.String({ maxLength: 50 })),
  regionCode: Type.Optional(RegionCode),
})]);

// ---- supervision campaigns (督查督办) ----
export const CampaignInput = Type.Object({
  kind: literals(CAMPAIGN_KINDS), title: Type.String({ minLength: 2, maxLength: 200 }),
  periodFrom: Type.String({ format: 'date' }), periodTo: Type.String({ format: 'date' }),
  scopeText: Type.String({ minLength: 2, maxLength: 500 }), teams: Type.String({ minLength: 2, maxLength: 1000 }),
  hazardCampaignId: Type.Optional(Uuid), summary: Type.Optional(Type.String({ maxLength: 4000 })),
});
export type CampaignInput = Static<typeof CampaignInput>;
export const SupervisionCampaign = Type.Object({
  id: Uuid, number: Type.String(), kind: Type.String(), title: Type.String(), periodFrom: Type.String(), periodTo: Type.String(), scopeText: Type.String(),
  teams: Type.String(), hazardCampaignId: Nullable(Uuid), summary: Nullable(Type.String()),
  tasksTotal: Type.Integer(), tasksAnswered: Type.Integer(), tasksDone: Type.Integer(), tasksOverdue: Type.Integer(),
});
export const Findings = Type.Object({ name: Type.String(), found: Type.Integer(), closed: Type.Integer(), major: Type.Integer() });
export const CampaignDetail = Type.Composite([SupervisionCampaign, Type.Object({ tasks: Type.Array(RespTask), findings: Nullable(Findings) })]);
export const CampaignQuery = Type.Composite([PageQuery, Type.Object({
  /** one kind, or several separated by commas (安全生产督查 = comprehensive,unannounced,illegal) */
  kind: Type.Optional(Type.String({ maxLength: 80 })), q: Type.Optional(Type.String({ maxLength: 50 })), year: Type.Optional(Type.Integer()),
  /** from/to: campaigns that started in these dates; regionCode/orgId: campaigns that gave a task to a unit there / to this unit */
  ...Period,
})]);

// ---- the report's figures (sections 一 and 二) ----
export const FigureGroups = Type.Object({
  from: Type.String(), to: Type.String(), label: Type.String(), regionCode: Nullable(Type.String()), orgId: Nullable(Type.String()),
  groups: Type.Array(Type.Object({ key: Type.String(), title: Type.String(), figures: Type.Array(Figure) })),
});
