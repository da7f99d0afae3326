// 行政执法: plans, 双随机 draws, inspections, 执法文书, cases, measures, 行刑衔接, 举报, statistics.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { keysOf } from './hazards.js';
import { CitedArticle, ItemCites } from './cites.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const O = Type.Optional;
const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Day = Type.String({ format: 'date' });
const Money = Type.Number({ minimum: 0, maximum: 1e10 });

/** Code tables (labels shown to people). */
export const PLAN_ITEM_KINDS = { routine: '日常检查', random: '双随机抽查', key: '重点检查' } as const;
export const INSPECTION_ORIGINS = { plan: '年度计划', draw: '双随机抽查', campaign: '专项行动', tipoff: '举报核查', adhoc: '日常（临时）检查' } as const;
export const INSPECTION_STATUSES = { planned: '待检查', on_site: '检查中', completed: '已完成', cancelled: '已取消' } as const;
export const CASE_STATUSES = { filing: '立案审批中', not_filed: '不予立案', investigating: '调查取证', notified: '已告知', hearing: '待听证', heard: '已听证',
  decided: '已决定', executing: '执行中', enforcing: '申请强制执行', closed: '已结案' } as const;
export const CASE_SOURCES = { inspection: '监督检查', tipoff: '投诉举报', transfer: '移送', other: '其他' } as const;
export const PENALTY_KINDS = { warning: '警告', fine: '罚款', confiscation: '没收违法所得', suspension: '责令停产停业', closure: '责令关闭', licence: '暂扣或吊销许可证' } as const;
export const MEASURE_KINDS = { power_cut: '停止供电', supply_cut: '停止供应民用爆炸物品', suspend_business: '责令停产停业（整顿）', stop_work: '责令停止施工',
  stop_use: '责令停止使用相关设施、设备', seal: '查封', seize: '扣押', closure: '关闭（取缔）' } as const;
export const TRANSFER_STATUSES = { reported: '待负责人决定', refused: '决定不移送', approved: '决定移送', transferred: '已移送公安机关', accepted: '公安机关已立案', declined: '公安机关不予立案' } as const;
export const TIPOFF_CATEGORIES = { violation: '安全生产违法行为', hazard: '重大事故隐患', concealment: '事故瞒报谎报', other: '其他' } as const;
export const TIPOFF_STATUSES = { received: '已受理', assigned: '核查中', verified: '已核查', replied: '已答复', rejected: '不予受理' } as const;
export const TIPOFF_CHANNELS = { web: '网上举报', phone: '电话（12350）', letter: '信件', visit: '来访' } as const;
export const SERVICE_METHODS = { direct: '直接送达', left: '留置送达', mail: '邮寄送达', electronic: '电子送达', entrusted: '委托送达', announcement: '公告送达' } as const;
export const EVIDENCE_KINDS = { inquiry: '询问笔录', photo: '现场照片、视频', sample: '抽样取证', document: '书证', expert: '鉴定意见', other: '其他证据' } as const;
export const RISK_STRATA = { red: '红（重大风险）', orange: '橙（较大风险）', yellow: '黄（一般风险）', blue: '蓝（低风险）', none: '未评定' } as const;
export const VERIFY_RESULTS = { substantiated: '属实', partly: '部分属实', unsubstantiated: '不属实' } as const;
export const CONCEALMENT_LEVELS = { general: '一般事故', larger: '较大事故', major: '重大事故', especially: '特别重大事故' } as const;

/** 执法文书: title and 文号 abbreviation (DOMAIN.md §3); null = a form without 文号. */
export const DOCUMENT_KINDS = {
  inspection_record: { title: '现场检查记录', abbr: null },
  rectify_order: { title: '责令限期整改指令书', abbr: '责改' },
  review_opinion: { title: '整改复查意见书', abbr: '复' },
  onsite_measure: { title: '现场处理措施决定书', abbr: '处' },
  seal_decision: { title: '查封决定书', abbr: '查' },
  seize_decision: { title: '扣押决定书', abbr: '扣' },
  cut_decision: { title: '停供电（停供民用爆炸物品）决定书', abbr: '停决' },
  seal_disposal: { title: '查封（扣押）处理决定书', abbr: '查处' },
  filing_approval: { title: '立案审批表', abbr: null },
  inquiry_record: { title: '调查询问笔录', abbr: null },
  penalty_notice: { title: '行政处罚告知书', abbr: '告' },
  statement_record: { title: '陈述申辩笔录', abbr: null },
  hearing_notice: { title: '听证通知书', abbr: '听' },
  hearing_record: { title: '听证笔录', abbr: null },
  penalty_decision: { title: '行政处罚决定书', abbr: '罚' },
  payment_reminder: { title: '罚款缴纳催告书', abbr: '催缴' },
  enforcement_reminder: { title: '行政强制执行事先催告书', abbr: '催告' },
  enforcement_application: { title: '强制执行申请书', abbr: '执' },
  crime_transfer: { title: '涉嫌犯罪案件移送书', abbr: '涉' },
  service_receipt: { title: '送达回执', abbr: '送' },
  closing_report: { title: '结案审批表', abbr: null },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const RiskStratum = keysOf(RISK_STRATA);
export const DocumentKindCode = keysOf(Object.fromEntries(Object.entries(DOCUMENT_KINDS).map(([k, v]) => [k, v.title])) as Record<DocumentKind, string>);
export const ServiceMethod = keysOf(SERVICE_METHODS);
export const PenaltyKind = keysOf(PENALTY_KINDS);
export const MeasureKind = keysOf(MEASURE_KINDS);
const Officer = Type.Object({ id: Uuid, name: Type.String(), certNo: Type.String() });
export type OfficerRef = Static<typeof Officer>;
const Files = Type.Array(Uuid, { maxItems: 30 });

// ---- 年度计划 ----
export const PlanInput = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }), name: Str(100, 2), orgId: O(Uuid), regionCode: O(RegionCode), note: O(Str(1000)),
  items: Type.Array(Type.Object({ sector: Str(30), month: Type.Integer({ minimum: 1, maximum: 12 }), kind: O(keysOf(PLAN_ITEM_KINDS)), planned: Type.Integer({ minimum: 1, maximum: 100000 }) }), { minItems: 1, maxItems: 600 }),
});
export const Plan = Type.Object({ id: Uuid, year: Type.Integer(), orgId: Uuid, orgName: N(Type.String()), regionCode: RegionCode, name: Type.String(), status: Type.String(),
  note: N(Type.String()), approvedAt: N(Timestamp), planned: Type.Integer(), done: Type.Integer(), createdAt: Timestamp });
const Progress = { planned: Type.Integer(), done: Type.Integer(), rate: Type.Number() };
export const PlanDetail = Type.Composite([Plan, Type.Object({
  items: Type.Array(Type.Object({ sector: Type.String(), sectorLabel: Type.String(), month: Type.Integer(), kind: Type.String(), ...Progress })),
  bySector: Type.Array(Type.Object({ sector: Type.String(), label: Type.String(), ...Progress })),
  byMonth: Type.Array(Type.Object({ month: Type.Integer(), ...Progress })),
})]);
export const PlanQuery = Type.Composite([PageQuery, Type.Object({ year: O(Type.Integer()), orgId: O(Uuid) })]);

// ---- 检查表、执法人员、回避 ----
// An item's legal basis: the words (basis) and the cited articles of the law library (cites, resolved as of today when returned).
const ChecklistBody = { sector: Str(30), name: Str(100, 2), items: Type.Array(Type.Object({ code: Str(20), text: Str(300, 2), basis: O(Str(200)), cites: ItemCites }), { minItems: 1, maxItems: 200 }) };
export const ChecklistInput = Type.Object(ChecklistBody);
export const Checklist = Type.Object({ id: Uuid, sector: Type.String(), name: Type.String(), items: Type.Array(Type.Object({ code: Type.String(), text: Type.String(), basis: O(Type.String()),
  cites: O(Type.Array(CitedArticle)) })) });
export const OfficerInfo = Type.Object({ id: Uuid, name: Type.String(), certNo: Type.String(), orgName: N(Type.String()) });
export const AvoidanceInput = Type.Object({ officerId: Uuid, enterpriseId: Uuid, reason: Str(200, 2) });
export const Avoidance = Type.Object({ id: Uuid, officerId: Uuid, officerName: Type.String(), enterpriseId: Uuid, enterpriseName: Type.String(), reason: Type.String(), createdAt: Timestamp });

// ---- 双随机 ----
const RiskMap = <T extends TSchema>(t: T) => Type.Object({ red: O(t), orange: O(t), yellow: O(t), blue: O(t), none: O(t) }, { additionalProperties: false });
export const PoolFilter = Type.Object({ sectors: O(Type.Array(Str(30), { maxItems: 20 })), regionCode: O(RegionCode), riskLevels: O(Type.Array(RiskStratum, { maxItems: 5 })) });
export const DrawCriteria = Type.Composite([PoolFilter, Type.Object({
  mode: Type.Union([Type.Literal('ratio'), Type.Literal('count')]),
  ratio: O(Type.Number({ exclusiveMinimum: 0, maximum: 100, multipleOf: 0.01, description: '抽取比例（%）' })),
  count: O(Type.Integer({ minimum: 1, maximum: 100000 })),
  riskRates: O(RiskMap(Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 }))),
  riskWeights: O(RiskMap(Type.Integer({ minimum: 1, maximum: 10 }))),
  officersPerUnit: O(Type.Integer({ minimum: 2, maximum: 6 })),
})]);
export type DrawCriteria = Static<typeof DrawCriteria>;
export const DrawInput = Type.Composite([DrawCriteria, Type.Object({
  title: Str(100, 2), matter: Str(300, 2), planId: O(Uuid), officerIds: O(Type.Array(Uuid, { maxItems: 500 })),
  seed: O(Type.String({ minLength: 8, maxLength: 128, description: '公开的随机种子；不填则由系统生成' })), seedSource: O(Str(200)),
})]);
export const Redraw = Type.Object({ reason: Str(500, 4), seed: O(Type.String({ minLength: 8, maxLength: 128 })), seedSource: O(Str(200)) });
export const PoolPreview = Type.Object({ total: Type.Integer(), byRisk: Type.Array(Type.Object({ level: Type.String(), label: Type.String(), count: Type.Integer() })), officers: Type.Integer() });
const PoolUnit = Type.Object({ code: Type.String(), name: Type.String(), regionCode: Type.String(), sector: Type.String(), riskLevel: N(Type.String()) });
const DrawnUnit = Type.Object({ unit: Type.String(), name: Type.String(), officers: Type.Array(Type.Object({ certNo: Type.String(), name: Type.String() })),
  inspectionStatus: N(Type.String()), outcome: N(Type.String()) });
export const Draw = Type.Object({ id: Uuid, number: Type.String(), title: Type.String(), matter: Type.String(), status: Type.String(), planId: N(Uuid), regionCode: RegionCode,
  criteria: Type.Unknown(), seed: Type.String(), algorithm: Type.String(), poolSize: Type.Integer(), selected: Type.Integer(), publishDue: Day, publishedAt: N(Timestamp),
  drawnAt: Timestamp, drawnByName: Type.String(), redrawOf: N(Uuid), redrawReason: N(Type.String()), supersededBy: N(Uuid) });
export const DrawDetail = Type.Composite([Draw, Type.Object({
  pool: Type.Array(PoolUnit), officerPool: Type.Array(Type.Object({ certNo: Type.String(), name: Type.String() })),
  exclusions: Type.Array(Type.Object({ unit: Type.String(), officer: Type.String(), reason: Type.String() })),
  result: Type.Array(DrawnUnit), resultHash: Type.String(), algorithmText: Type.String(),
  units: Type.Array(Type.Object({ enterpriseId: Uuid, name: Type.String(), officerIds: Type.Array(Uuid), inspectionId: N(Uuid) })),
})]);
export const DrawVerify = Type.Object({ matches: Type.Boolean(), resultHash: Type.String(), recomputedHash: Type.String() });

// ---- 检查 ----
export const InspectionCreate = Type.Object({
  origin: keysOf(INSPECTION_ORIGINS), planId: O(Uuid), drawId: O(Uuid), campaignId: O(Uuid), tipoffId: O(Uuid), enterpriseId: O(Uuid),
  unitName: O(Str(100, 2)), unitAddress: O(Str(200)), regionCode: O(RegionCode), plannedOn: O(Day), officerIds: O(Type.Array(Uuid, { maxItems: 10 })),
  checklistId: O(Uuid), startNow: O(Type.Boolean()),
});
export const InspectionRecord = Type.Object({
  results: O(Type.Array(Type.Object({ code: Str(20), ok: Type.Boolean(), note: O(Str(500)), photos: O(Files), toHazard: O(Type.Boolean()),
    level: O(keysOf({ general: '', major: '' })), majorBasis: O(Str(300, 2)) }), { maxItems: 200 })),
  findings: O(Type.Array(Type.Object({ title: Str(200, 2), level: keysOf({ general: '', major: '' }), majorBasis: O(Str(300, 2)), description: O(Str(2000)),
    basis: O(Str(200)), photos: O(Files) }), { maxItems: 100 })),
  summary: O(Str(4000)), photos: O(Files),
});
export const InspectionComplete = Type.Object({ summary: O(Str(4000)), signatureFileId: O(Uuid), signerName: O(Str(50)), refusalNote: O(Str(500, 4)) });
export const CancelBody = Type.Object({ reason: Str(500, 2) });
export const Inspection = Type.Object({
  id: Uuid, number: Type.String(), origin: Type.String(), status: Type.String(), planId: N(Uuid), drawId: N(Uuid), campaignId: N(Uuid), tipoffId: N(Uuid),
  enterpriseId: N(Uuid), unitName: Type.String(), unitAddress: N(Type.String()), unitCreditCode: N(Type.String()), regionCode: RegionCode, sector: N(Type.String()),
  plannedOn: N(Day), startedAt: N(Timestamp), endedAt: N(Timestamp), officers: Type.Array(Officer), checklistId: N(Uuid), summary: N(Type.String()),
  photos: Type.Array(Uuid), signatureFileId: N(Uuid), signerName: N(Type.String()), refusalNote: N(Type.String()), findingCount: Type.Integer(), allowedMoves: Type.Array(Type.String()),
});
export const InspectionQuery = Type.Composite([PageQuery, Type.Object({ status: O(Type.String({ maxLength: 20 })), origin: O(Type.String({ maxLength: 20 })), enterpriseId: O(Uuid),
  planId: O(Uuid), drawId: O(Uuid), campaignId: O(Uuid), regionCode: O(RegionCode), from: O(Day), to: O(Day), q: O(Str(50)),
  /** 行业 (enterprise sector code), for the work report's figures by sector. */
  sector: O(Type.String({ maxLength: 30 })) })]);

// ---- 文书 ----
export const DocumentIssue = Type.Object({
  kind: DocumentKindCode, inspectionId: O(Uuid), caseId: O(Uuid), measureId: O(Uuid), transferId: O(Uuid),
  items: O(Type.Array(Str(300, 2), { maxItems: 50, description: '问题/内容条目' })), deadline: O(Day), opinion: O(Str(2000, 2)), passed: O(Type.Boolean()),
  person: O(Str(50)), place: O(Str(100)), content: O(Str(8000, 2)), note: O(Str(1000)),
});
export const ServiceInput = Type.Object({ method: ServiceMethod, servedAt: O(Timestamp), recipient: Str(50), signatureFileId: O(Uuid), refusalNote: O(Str(500, 2)), witness: O(Str(100)), note: O(Str(500)) });
export const ServiceRecord = Type.Object({ id: Uuid, method: Type.String(), methodLabel: Type.String(), servedAt: Timestamp, recipient: Type.String(), signatureFileId: N(Uuid),
  refusalNote: N(Type.String()), witness: N(Type.String()), note: N(Type.String()), recordedByName: Type.String(), receiptDocumentId: N(Uuid) });
export const EnfDocument = Type.Object({ id: Uuid, kind: Type.String(), kindLabel: Type.String(), number: N(Type.String()), title: Type.String(), partyName: Type.String(),
  enterpriseId: N(Uuid), regionCode: RegionCode, inspectionId: N(Uuid), caseId: N(Uuid), measureId: N(Uuid), transferId: N(Uuid), issuedAt: Timestamp, issuedByName: Type.String(),
  services: Type.Array(ServiceRecord) });
export const EnfDocumentDetail = Type.Composite([EnfDocument, Type.Object({ fields: Type.Unknown(), text: Type.String() })]);
export const DocumentQuery = Type.Composite([PageQuery, Type.Object({ kind: O(Type.String({ maxLength: 40 })), caseId: O(Uuid), inspectionId: O(Uuid), enterpriseId: O(Uuid), year: O(Type.Integer()),
  /** Work report filters: 行业, 制发日期 from/to (inclusive days), only numbered documents (有文号，不含送达回证). */
  sector: O(Type.String({ maxLength: 30 })), from: O(Day), to: O(Day), numbered: O(Type.Boolean()), regionCode: O(RegionCode) })]);

// ---- 案件 ----
const Party = Type.Object({ kind: keysOf({ org: '单位', person: '个人' }), name: Str(100, 2), address: O(Str(200)), creditCode: O(Str(30)), legalRep: O(Str(50)), regionCode: RegionCode });
export const CaseCreate = Type.Object({ source: keysOf(CASE_SOURCES), inspectionId: O(Uuid), tipoffId: O(Uuid), enterpriseId: O(Uuid), party: O(Party),
  cause: Str(300, 4), facts: O(Str(4000)), officerIds: Type.Array(Uuid, { minItems: 2, maxItems: 10 }),
  /** 拟认定违法行为 of the finding the case is filed from: carried into the case's penalty proposal. */
  violationItemId: O(Uuid), finding: O(Str(300)) });
export const Opinion = Type.Object({ opinion: Str(1000, 2) });
export const EvidenceInput = Type.Object({ kind: keysOf(EVIDENCE_KINDS), description: Str(4000, 2), files: O(Files), person: O(Str(50)) });
const Penalty = { kinds: Type.Array(PenaltyKind, { maxItems: 6 }), fine: O(Money), confiscation: O(Money), suspensionDays: O(Type.Integer({ minimum: 1, maximum: 3650 })), basis: Str(1000, 2), facts: O(Str(4000)) };
export const NotifyInput = Type.Object({ ...Penalty });
export const StatementInput = Type.Object({ content: Str(8000, 2), files: O(Files) });
export const HearingRequest = Type.Object({ hearingOn: Day, requestedAt: O(Timestamp) });
export const HearingHeld = Type.Object({ summary: Str(8000, 2), files: O(Files) });
export const DecideInput = Type.Object({ ...Penalty, waived: O(Type.Boolean({ description: '当事人书面放弃陈述申辩和听证权利' })) });
export const PayInput = Type.Object({ amount: Type.Number({ exclusiveMinimum: 0, maximum: 1e10 }), paidAt: O(Timestamp) });
export const ApplyInput = Type.Object({ court: Str(100, 2), note: O(Str(1000)) });
export const CloseInput = Type.Object({ note: Str(1000, 2) });
export const Deadline = Type.Object({ id: Uuid, subjectType: Type.String(), subjectId: Uuid, kind: Type.String(), label: Type.String(), dueOn: Day, basis: Type.String(),
  status: Type.String(), overdue: Type.Boolean(), metAt: N(Timestamp) });
export const DeadlineQuery = Type.Composite([PageQuery, Type.Object({ status: O(keysOf({ open: '', met: '', cancelled: '' })), dueBefore: O(Day), subjectType: O(Type.String({ maxLength: 20 })) })]);
export const Case = Type.Object({
  id: Uuid, number: N(Type.String()), status: Type.String(), statusLabel: Type.String(), source: Type.String(), enterpriseId: N(Uuid), partyKind: Type.String(), partyName: Type.String(),
  regionCode: RegionCode, sector: N(Type.String()), cause: Type.String(), facts: N(Type.String()), requestedAt: Timestamp, filedAt: N(Timestamp), notifiedAt: N(Timestamp),
  hearingEligible: N(Type.Boolean()), hearingOn: N(Day), decidedAt: N(Timestamp), fine: Type.Number(), decision: Type.Unknown(), servedAt: N(Timestamp), paymentDue: N(Day),
  paidAt: N(Timestamp), paidAmount: N(Type.Number()), closedAt: N(Timestamp), officers: Type.Array(Officer), nextDeadline: N(Deadline), allowedMoves: Type.Array(Type.String()),
});
export const CaseQuery = Type.Composite([PageQuery, Type.Object({ status: O(Type.String({ maxLength: 20 })), enterpriseId: O(Uuid), regionCode: O(RegionCode), q: O(Str(50)), year: O(Type.Integer()),
  /** 立案申请日期 (requested_at) from/to, inclusive days in Asia/Shanghai. */
  from: O(Day), to: O(Day),
  /** 行业 (work report). */
  sector: O(Type.String({ maxLength: 30 })) })]);
const CaseEvent = Type.Object({ id: Uuid, at: Timestamp, actorName: Type.String(), action: Type.String(), fromStatus: N(Type.String()), toStatus: N(Type.String()),
  comment: N(Type.String()), files: Type.Array(Uuid), data: Type.Unknown() });

// ---- 强制措施、行刑衔接 ----
const Item = Type.Object({ name: Str(100), quantity: Type.Number({ minimum: 0 }), unit: Str(10) });
export const MeasureCreate = Type.Object({ kind: MeasureKind, caseId: O(Uuid), inspectionId: O(Uuid), enterpriseId: O(Uuid), partyName: O(Str(100, 2)), regionCode: O(RegionCode),
  reason: Str(1000, 2), basis: O(Str(500)), items: O(Type.Array(Item, { maxItems: 100 })), decidedAt: O(Timestamp) });
export const Measure = Type.Object({ id: Uuid, kind: Type.String(), kindLabel: Type.String(), caseId: N(Uuid), inspectionId: N(Uuid), enterpriseId: N(Uuid), partyName: Type.String(),
  regionCode: RegionCode, sector: N(Type.String()), subtype: N(Type.String()), reason: Type.String(), basis: N(Type.String()), items: Type.Array(Item), decidedAt: Timestamp,
  dueOn: N(Day), liftedAt: N(Timestamp), liftReason: N(Type.String()) });
export const MeasureQuery = Type.Composite([PageQuery, Type.Object({ kind: O(Type.String({ maxLength: 30 })), enterpriseId: O(Uuid), caseId: O(Uuid), inspectionId: O(Uuid), active: O(Type.Boolean()),
  q: O(Str(50)),
  /** Work report filters: 行业, 细分类型, 决定日期 from/to (inclusive days), 区域 (subtree). */
  sector: O(Type.String({ maxLength: 30 })), subtype: O(Type.String({ maxLength: 30 })), from: O(Day), to: O(Day), regionCode: O(RegionCode) })]);
export const LiftInput = Type.Object({ reason: Str(1000, 2) });
export const TransferCreate = Type.Object({ caseId: O(Uuid), enterpriseId: O(Uuid), partyName: O(Str(100, 2)), regionCode: O(RegionCode), suspectedOffence: Str(200, 2),
  facts: Str(4000, 4), teamOfficerIds: Type.Array(Uuid, { minItems: 2, maxItems: 10 }) });
export const TransferQuery = Type.Composite([PageQuery, Type.Object({ caseId: O(Uuid), status: O(Type.String({ maxLength: 20 })), q: O(Str(50)),
  /** Work report filters: 移送日期 from/to (inclusive days), 区域 (subtree). */
  from: O(Day), to: O(Day), regionCode: O(RegionCode) })]);
export const TransferDecide = Type.Object({ approve: Type.Boolean(), note: Str(1000, 2) });
export const TransferSend = Type.Object({ policeOrg: Str(100, 2) });
export const PoliceResult = Type.Object({ accepted: Type.Boolean(), note: Str(1000, 2), personsDetained: O(Type.Integer({ minimum: 0, maximum: 1000 })) });
export const Transfer = Type.Object({ id: Uuid, status: Type.String(), statusLabel: Type.String(), caseId: N(Uuid), enterpriseId: N(Uuid), partyName: Type.String(), regionCode: RegionCode,
  suspectedOffence: Type.String(), facts: Type.String(), team: Type.String(), reportedAt: Timestamp, decidedAt: N(Timestamp), decisionNote: N(Type.String()),
  transferredAt: N(Timestamp), policeOrg: N(Type.String()), policeDecidedAt: N(Timestamp), policeNote: N(Type.String()), personsDetained: Type.Integer(), deadlines: Type.Array(Deadline) });
export const CaseDetail = Type.Composite([Case, Type.Object({
  proposal: Type.Unknown(), events: Type.Array(CaseEvent), deadlines: Type.Array(Deadline), documents: Type.Array(EnfDocument), measures: Type.Array(Measure), transfers: Type.Array(Transfer),
  surchargeToday: Type.Number(), amountDueToday: Type.Number(),
})]);

// ---- 举报 ----
const TipoffBase = { anonymous: Type.Boolean(), reporterName: O(Str(50)), reporterPhone: O(Type.String({ pattern: '^[0-9+\\- ]{5,20}$' })), category: keysOf(TIPOFF_CATEGORIES),
  subjectName: Str(100, 2), subjectAddress: O(Str(200)), regionCode: RegionCode, content: Str(4000, 10) };
export const TipoffPublicInput = Type.Object({ ...TipoffBase, challengeId: Uuid, nonce: Type.String({ minLength: 1, maxLength: 40 }) });
export const TipoffIntake = Type.Object({ ...TipoffBase, channel: keysOf({ phone: '', letter: '', visit: '' }), enterpriseId: O(Uuid), receivedAt: O(Timestamp) });
export const Challenge = Type.Object({ id: Uuid, salt: Type.String(), bits: Type.Integer(), expiresAt: Timestamp, algorithm: Type.String() });
export const TipoffReceipt = Type.Object({ number: Type.String(), trackingCode: Type.String(), replyDue: Day });
export const TrackInput = Type.Object({ code: Type.String({ minLength: 6, maxLength: 40 }) });
export const TrackResult = Type.Object({ number: Type.String(), status: Type.String(), statusLabel: Type.String(), receivedAt: Timestamp, replyDue: Day, reply: N(Type.String()), repliedAt: N(Timestamp) });
export const Reward = Type.Object({ basis: Type.String(), fine: N(Type.Number()), amount: Type.Number(), status: Type.String(), approvedAt: Timestamp, paidAt: N(Timestamp) });
export const Tipoff = Type.Object({ id: Uuid, number: Type.String(), channel: Type.String(), anonymous: Type.Boolean(), reporterName: N(Type.String()), reporterPhone: N(Type.String()),
  category: Type.String(), subjectName: Type.String(), subjectAddress: N(Type.String()), enterpriseId: N(Uuid), regionCode: RegionCode, content: Type.String(), status: Type.String(),
  statusLabel: Type.String(), receivedAt: Timestamp, replyDue: Day, overdue: Type.Boolean(), assignedOrgId: N(Uuid), assigneeId: N(Uuid), verifyResult: N(Type.String()),
  verifyNote: N(Type.String()), reply: N(Type.String()), repliedAt: N(Timestamp), caseId: N(Uuid), reward: N(Reward) });
export const TipoffQuery = Type.Composite([PageQuery, Type.Object({ status: O(Type.String({ maxLength: 20 })), overdue: O(Type.Boolean()), q: O(Str(50)) })]);
export const TipoffAssign = Type.Object({ orgId: O(Uuid), assigneeId: O(Uuid) });
export const TipoffVerify = Type.Object({ result: keysOf(VERIFY_RESULTS), note: Str(2000, 2), caseId: O(Uuid) });
export const TipoffReply = Type.Object({ reply: Str(2000, 4), reject: O(Type.Boolean()) });
export const RewardInput = Type.Object({ concealmentLevel: O(keysOf(CONCEALMENT_LEVELS)) });

// ---- 统计 ----
export const StatsQuery = Type.Object({ from: O(Day), to: O(Day), regionCode: O(RegionCode), orgId: O(Uuid), sector: O(Str(30)), subtype: O(Str(30)), campaignId: O(Uuid),
  by: O(keysOf({ org: '', sector: '', region: '', month: '', subtype: '' })) });
const Count = Type.Object({ key: Type.String(), label: Type.String(), count: Type.Number() });
export const EnforcementStats = Type.Object({
  inspections: Type.Integer(), unitsInspected: Type.Integer(), findings: Type.Integer(), majorFindings: Type.Integer(),
  documents: Type.Integer({ description: '有文号的执法文书份数（不含送达回执；现场检查记录、笔录等见 documentsByKind）' }), documentsByKind: Type.Array(Count),
  casesFiled: Type.Integer(), casesClosed: Type.Integer(), fines: Type.Number(), finesPaid: Type.Number(), measures: Type.Integer(), measuresByKind: Type.Array(Count),
  transfers: Type.Integer(), personsDetained: Type.Integer(), tipoffs: Type.Integer(), tipoffsReplied: Type.Integer(),
  rewards: Type.Number({ description: '核定的举报奖励金额（元），按举报受理时间统计' }),
  seized: Type.Array(Type.Object({ name: Type.String(), unit: Type.String(), quantity: Type.Number() })), tallies: Type.Array(Type.Object({ item: Type.String(), unit: Type.String(), quantity: Type.Number() })),
  groups: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), inspections: Type.Integer(), findings: Type.Integer(), cases: Type.Integer(), fines: Type.Number(), measures: Type.Integer(), documents: Type.Integer() })),
});
export const TallyInput = Type.Object({ orgId: Uuid, periodFrom: Day, periodTo: Day, item: Str(50, 2), quantity: Type.Number({ minimum: 0 }), unit: Str(10), note: O(Str(500)) });
export const Tally = Type.Object({ id: Uuid, orgId: Uuid, orgName: N(Type.String()), periodFrom: Day, periodTo: Day, item: Type.String(), quantity: Type.Number(), unit: Type.String(), note: N(Type.String()) });
export const EnterpriseEnforcement = Type.Object({ inspections: Type.Array(Inspection), cases: Type.Array(Case), measures: Type.Array(Measure), transfers: Type.Array(Transfer),
  documents: Type.Array(EnfDocument) });
