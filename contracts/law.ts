// 法律法规标准库 and 行政处罚自由裁量基准: sources, versions, articles, violation items with benchmarks, penalty proposals.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, Uuid } from './common.js';
import { keysOf } from './hazards.js';
import { CitedArticle } from './cites.js';

export { CitedArticle, LawCite } from './cites.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const O = Type.Optional;
const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Day = Type.String({ format: 'date' });
const Money = Type.Number({ minimum: 0, maximum: 1e9 });

export const SOURCE_KINDS = { law: '法律', regulation: '行政法规', ministry_rule: '部门规章', local_regulation: '地方性法规', local_rule: '地方政府规章',
  national_standard: '国家标准', industry_standard: '行业标准', normative: '规范性文件' } as const;
export const SOURCE_STATUSES = { in_force: '现行有效', pending: '尚未施行', repealed: '已废止' } as const;
export const GRADES = { minor: '轻微', general: '一般', serious: '较重', severe: '严重' } as const;
export const CONSEQUENCES = { none: '无危害后果', minor: '危害后果轻微', danger: '存在导致事故的现实危险', accident: '导致生产安全事故' } as const;
export const PROPOSAL_STATUSES = { accepted: '在基准幅度内', pending: '偏离基准·待审批', approved: '偏离基准·已批准', rejected: '偏离基准·未批准' } as const;

const keys = keysOf;

export const ArticleItem = Type.Object({ label: Type.String(), number: Type.Integer(), text: Type.String() });
export const ArticleParagraph = Type.Object({ text: Type.String(), items: Type.Array(ArticleItem) });
export const ParsedArticle = Type.Object({ chapter: N(Type.String()), section: N(Type.String()), label: Type.String(), number: N(Type.Integer()),
  text: Type.String(), paragraphs: Type.Array(ArticleParagraph) });

export const Version = Type.Object({ id: Uuid, sourceId: Uuid, label: Type.String(), docNumber: N(Type.String()), issuedOn: N(Type.String()), effectiveFrom: Type.String(),
  effectiveTo: N(Type.String()), note: N(Type.String()), articleCount: Type.Integer(), inForce: Type.Boolean() });

export const Source = Type.Object({
  id: Uuid, kind: Type.String(), kindLabel: Type.String(), title: Type.String(), shortTitle: N(Type.String()), docNumber: N(Type.String()), issuer: N(Type.String()),
  issuedOn: N(Type.String()), effectiveFrom: N(Type.String()), repealedOn: N(Type.String()), replacedBy: N(Type.Object({ id: Uuid, title: Type.String(), docNumber: N(Type.String()) })),
  status: Type.String(), statusLabel: Type.String(), note: N(Type.String()), unconfirmed: Type.Boolean(), articleCount: Type.Integer(),
});
export const SourceDetail = Type.Composite([Source, Type.Object({ versions: Type.Array(Version), replaces: Type.Array(Type.Object({ id: Uuid, title: Type.String(), docNumber: N(Type.String()) })) })]);
export const SourceQuery = Type.Composite([PageQuery, Type.Object({ q: O(Str(100)), kind: O(Type.String()), status: O(Type.String()), on: O(Day) })]);
export const SourceInput = Type.Object({
  kind: keys(SOURCE_KINDS), title: Str(200), shortTitle: O(N(Str(100))), docNumber: O(N(Str(100))), issuer: O(N(Str(200))), note: O(N(Str(2000))), unconfirmed: O(Type.Boolean()),
});
export const SourcePatch = Type.Partial(Type.Composite([SourceInput, Type.Object({ repealedOn: N(Day) })]));

export const Article = Type.Object({
  id: Uuid, versionId: Uuid, sourceId: Uuid, position: Type.Integer(), chapter: N(Type.String()), section: N(Type.String()), label: Type.String(), number: N(Type.Integer()),
  text: Type.String(), paragraphs: Type.Array(ArticleParagraph), source: Type.String(), docNumber: N(Type.String()), version: Type.String(), effectiveFrom: Type.String(),
  effectiveTo: N(Type.String()),
  /** 条文已核对: checked word by word against an authoritative text, and against what (verificationNote). */
  verified: Type.Boolean(), verificationNote: N(Type.String()),
});
export const ArticleQuery = Type.Composite([PageQuery, Type.Object({
  q: O(Str(200)), sourceId: O(Uuid), versionId: O(Uuid), kind: O(Type.String()), on: O(Day), allVersions: O(Type.Boolean()),
})]);
export const ArticleInput = Type.Object({ chapter: O(N(Str(200))), section: O(N(Str(200))), label: Str(40), text: Str(20000) });
export const VersionInput = Type.Object({
  label: Str(100), docNumber: O(N(Str(100))), issuedOn: O(N(Day)), effectiveFrom: Day, note: O(N(Str(2000))),
  articles: Type.Array(ArticleInput, { maxItems: 2000 }),
});
export const ImportPreview = Type.Object({ title: N(Type.String()), preamble: Type.String(), articles: Type.Array(ParsedArticle), warnings: Type.Array(Type.String()) });
export const ImportText = Type.Object({ text: Str(2_000_000) });

export const CiteQuery = Type.Object({ source: Str(200), article: Str(40), on: O(Day) });
export const ReplaceInput = Type.Object({ bySourceId: Uuid, from: Day, note: O(Str(1000)) });
export const Citing = Type.Object({
  subjectType: Type.String(), subjectTypeLabel: Type.String(), subjectId: Type.String(), label: Type.String(), cited: N(Type.String()),
  citationId: N(Uuid), reviewedAt: N(Type.String()), reviewedBy: N(Type.String()), reviewNote: N(Type.String()),
});
export const ReviewInput = Type.Object({ note: Str(1000) });

// ---- citations held by other domains (checklist items, self-check template items …): schemas in cites.ts ----
export const CitesQuery = Type.Object({ on: O(Day) });
/** The violation items a failed checklist item or a finding of an inspection proposes (拟认定违法行为). */
export const ProposedViolation = Type.Object({
  itemCode: N(Type.String()), findingId: N(Uuid), hazardNumber: N(Type.String()), text: Type.String(), cites: Type.Array(CitedArticle),
  items: Type.Array(Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), score: Type.Number(), byArticle: Type.Boolean(), matched: Type.Array(Type.String()),
    violated: N(Type.String()), penalty: N(Type.String()),
    bands: Type.Array(Type.Object({ grade: Type.String(), gradeLabel: Type.String(), circumstances: Type.String(), range: Type.String(), unconfirmed: Type.Boolean() })) })),
});
/** The violation item a case was filed for (from an inspection's finding), offered first when proposing its penalty. */
export const CaseViolation = Type.Object({ caseId: Uuid, itemId: Uuid, code: Type.String(), name: Type.String(), inspectionId: N(Uuid), finding: N(Type.String()) });

export const Band = Type.Object({
  id: Uuid, grade: Type.String(), gradeLabel: Type.String(), circumstances: Type.String(), kinds: Type.Array(Type.String()), fineMin: N(Type.Number()), fineMax: N(Type.Number()),
  personFineMin: N(Type.Number()), personFineMax: N(Type.Number()), other: N(Type.String()), unconfirmed: Type.Boolean(),
});
export const BandInput = Type.Object({
  grade: keys(GRADES), circumstances: Str(500), kinds: Type.Array(Type.String(), { maxItems: 6 }), fineMin: O(N(Money)), fineMax: O(N(Money)),
  personFineMin: O(N(Money)), personFineMax: O(N(Money)), other: O(N(Str(500))), unconfirmed: O(Type.Boolean()),
});
const ArticleRef = Type.Object({ id: Uuid, label: Type.String(), source: Type.String(), version: Type.String(), text: Type.String(), part: N(Type.String()) });
export const ViolationItem = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), sector: N(Type.String()), keywords: Type.Array(Type.String()), source: Type.String(), unconfirmed: Type.Boolean(),
  note: N(Type.String()), violated: N(ArticleRef), penalty: N(ArticleRef), bandCount: Type.Integer(),
});
export const ViolationDetail = Type.Composite([ViolationItem, Type.Object({ bands: Type.Array(Band) })]);
export const ViolationQuery = Type.Composite([PageQuery, Type.Object({ q: O(Str(200)), sector: O(Type.String()), sourceId: O(Uuid) })]);
export const ViolationInput = Type.Object({
  code: Str(40), name: Str(300), sector: O(N(Str(40))), violatedArticleId: O(N(Uuid)), violatedPart: O(N(Str(40))), penaltyArticleId: O(N(Uuid)), penaltyPart: O(N(Str(40))),
  keywords: O(Type.Array(Str(40), { maxItems: 30 })), source: Str(1000), unconfirmed: O(Type.Boolean()), note: O(N(Str(2000))), bands: O(Type.Array(BandInput, { maxItems: 4 })),
});
export const MatchQuery = Type.Object({ text: Str(1000), limit: O(Type.Integer({ minimum: 1, maximum: 20 })) });
export const Match = Type.Object({ item: ViolationItem, score: Type.Number(), matched: Type.Array(Type.String()) });

export const Circumstances = Type.Object({
  firstOffence: Type.Boolean({ description: '初次违法' }),
  correctedInTime: Type.Boolean({ description: '在责令改正前或限期内及时改正' }),
  consequence: keys(CONSEQUENCES),
  overdueOrRefused: O(Type.Boolean({ description: '逾期未改正或拒不执行' })),
  note: O(Str(1000)),
});
export const ProposalQuery = Type.Object({ itemId: Uuid, circumstances: Circumstances, on: O(Day) });
export const ProposalArticle = Type.Object({ role: Type.String(), articleId: Uuid, versionId: Uuid, label: Type.String(), part: N(Type.String()), source: Type.String(),
  version: Type.String(), text: Type.String(), substituted: Type.Boolean() });
export const ProposalResult = Type.Object({
  itemId: Uuid, code: Type.String(), name: Type.String(), on: Type.String(), grade: Type.String(), gradeLabel: Type.String(), reasons: Type.Array(Type.String()),
  band: Band, articles: Type.Array(ProposalArticle), warnings: Type.Array(Type.String()),
});
export const ProposalInput = Type.Object({
  caseId: Uuid, itemId: Uuid, circumstances: Circumstances, on: O(Day), kinds: Type.Array(Type.String(), { maxItems: 6 }), fine: O(N(Money)), reason: O(N(Str(2000))),
});
export const Proposal = Type.Object({
  id: Uuid, caseId: Uuid, itemId: Uuid, code: Type.String(), name: Type.String(), on: Type.String(), circumstances: Circumstances, grade: Type.String(), gradeLabel: Type.String(),
  band: Band, articles: Type.Array(ProposalArticle), kinds: Type.Array(Type.String()), fine: N(Type.Number()), withinRange: Type.Boolean(), reason: N(Type.String()),
  status: Type.String(), statusLabel: Type.String(), proposedBy: N(Type.String()), proposedByName: Type.String(), decidedByName: N(Type.String()), decidedAt: N(Type.String()),
  decisionNote: N(Type.String()), createdAt: Type.String(),
});
export const ProposalDecision = Type.Object({ note: Str(1000) });
export const CaseProposalsQuery = Type.Object({ caseId: Uuid });

export type Circumstances = Static<typeof Circumstances>;
export type ParsedArticle = Static<typeof ParsedArticle>;
