// 一企一档 enterprise registry: code tables (runtime constants with Chinese labels, shared with web/)
// and the request/response schemas of /api/enterprises, licences, major hazard sources and chemicals.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { ExactTotalQuery, PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { MASKED_PATTERN } from './personal.js';

interface Code { readonly code: string; readonly label: string }
/** A schema accepting the codes of a table. */
const literals = <T extends readonly Code[]>(list: T) => Type.Union(list.map((c) => Type.Literal(c.code as T[number]['code'])));
/** Label of a code in one of the tables below ('' when unknown). */
export const labelOf = (list: readonly Code[], code: string | null | undefined) => list.find((c) => c.code === code)?.label ?? '';

/** 经营状态. Changes are recorded in the status history with who ordered them and why. */
export const ENTERPRISE_STATUSES = [
  { code: 'operating', label: '在营', color: 'success' },
  { code: 'suspended', label: '停产整顿', color: 'warning' },
  { code: 'closed_business', label: '停业', color: 'default' },
  { code: 'closed', label: '关闭', color: 'default' },
  { code: 'banned', label: '取缔', color: 'error' },
] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number]['code'];

/** 企业规模 (统计上大中小微型企业划分). */
export const ENTERPRISE_SCALES = [
  { code: 'large', label: '大型' }, { code: 'medium', label: '中型' }, { code: 'small', label: '小型' }, { code: 'micro', label: '微型' },
] as const;

/** 安全生产标准化等级; no grade = 未评定. */
export const STANDARD_GRADES = [
  { code: 'level1', label: '一级' }, { code: 'level2', label: '二级' }, { code: 'level3', label: '三级' }, { code: 'small_micro', label: '小微企业' },
] as const;

/** 风险等级 (four colours), fed later by risk points; the source note says where it came from. */
export const RISK_LEVELS = [
  { code: 'red', label: '重大风险', colour: '红', hex: '#e53935' },
  { code: 'orange', label: '较大风险', colour: '橙', hex: '#fb8c00' },
  { code: 'yellow', label: '一般风险', colour: '黄', hex: '#fdd835' },
  { code: 'blue', label: '低风险', colour: '蓝', hex: '#1e88e5' },
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number]['code'];

/** 监管行业 (supervision sector) and its 细分 (sector detail); the bureau works by these. */
export const SECTORS = [
  { code: 'hazchem', label: '危险化学品', details: [
    { code: 'production', label: '生产' }, { code: 'trading', label: '经营' }, { code: 'use', label: '使用' }, { code: 'storage', label: '储存' }] },
  { code: 'non_coal_mine', label: '非煤矿山', details: [] },
  { code: 'fireworks', label: '烟花爆竹', details: [
    { code: 'production', label: '生产' }, { code: 'wholesale', label: '批发' }, { code: 'retail', label: '零售' }] },
  { code: 'industry_trade', label: '工贸', details: [
    { code: 'metallurgy', label: '冶金' }, { code: 'nonferrous', label: '有色' }, { code: 'building_materials', label: '建材' },
    { code: 'machinery', label: '机械' }, { code: 'light', label: '轻工' }, { code: 'textile', label: '纺织' },
    { code: 'tobacco', label: '烟草' }, { code: 'commerce', label: '商贸' }] },
  { code: 'gas', label: '燃气', details: [] },
  { code: 'fire_key', label: '消防重点单位', details: [] },
  { code: 'construction', label: '建筑施工', details: [] },
  { code: 'transport', label: '交通运输', details: [] },
  { code: 'special_equipment', label: '特种设备', details: [] },
  { code: 'other', label: '其他', details: [] },
] as const;
export type SectorCode = (typeof SECTORS)[number]['code'];
type SectorDetail = (typeof SECTORS)[number]['details'][number];
/** Every sector detail once (生产 is shared by 危险化学品 and 烟花爆竹). */
export const SECTOR_DETAILS: readonly SectorDetail[] = [
  ...new Map(SECTORS.flatMap((s): readonly SectorDetail[] => s.details).map((d) => [d.code, d])).values()];
/** "危险化学品/经营" style label of a sector and its detail. */
export function sectorLabel(sector: string, detail?: string | null): string {
  const s = SECTORS.find((x) => x.code === sector);
  const d = (s?.details as readonly Code[] | undefined)?.find((x) => x.code === detail);
  return s ? (d ? `${s.label}/${d.label}` : s.label) : '';
}

/** 细分类型 the report names (free text in the record; these are the suggestions). */
export const SUBTYPES = ['钢纤维', '鞋楦', '特种制泵', '林木加工', '液化气站', '松香', '加油站', '金属冶炼', '采石场', '用气单位',
  '宾馆', '医院', '商业街', '商场', '学校', '混凝土搅拌站', '食品加工'] as const;

/** 工贸 special-risk flags (涉爆粉尘、涉氨制冷、有限空间、高温熔融). */
export const ENTERPRISE_FLAGS = [
  { code: 'dust_explosion', label: '粉尘涉爆' }, { code: 'ammonia_refrigeration', label: '涉氨制冷' },
  { code: 'confined_space', label: '有限空间' }, { code: 'high_temp_melt', label: '高温熔融' },
] as const;

/** 证照 kinds. */
export const LICENCE_KINDS = [
  { code: 'safety_production', label: '安全生产许可证' },
  { code: 'hazchem_trading', label: '危险化学品经营许可证' },
  { code: 'hazchem_registration', label: '危险化学品登记证' },
  { code: 'hazchem_use', label: '危险化学品安全使用许可证' },
  { code: 'fireworks_wholesale', label: '烟花爆竹经营（批发）许可证' },
  { code: 'fireworks_retail', label: '烟花爆竹经营（零售）许可证' },
  { code: 'mining', label: '采矿许可证' },
  { code: 'gas_operation', label: '燃气经营许可证' },
  { code: 'standardisation', label: '安全生产标准化证书' },
  { code: 'special_equipment', label: '特种设备使用登记证' },
  { code: 'business', label: '营业执照' },
  { code: 'other', label: '其他证照' },
] as const;
/** Days before expiry at which the enterprise and its regulator are reminded. */
export const LICENCE_REMINDER_DAYS = [90, 30, 7] as const;

/** 重大危险源 unit kind (GB 18218: 生产单元 / 储存单元) and grade labels. */
export const HAZARD_UNIT_KINDS = [{ code: 'production', label: '生产单元' }, { code: 'storage', label: '储存单元' }] as const;
export const HAZARD_GRADES = [{ grade: 1, label: '一级' }, { grade: 2, label: '二级' }, { grade: 3, label: '三级' }, { grade: 4, label: '四级' }] as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD（北京时间）' });
/** Mobile or landline (0730-1234567). */
export const Phone = Type.String({ pattern: `^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?|${MASKED_PATTERN})$`, description: '手机或固话（列表中脱敏显示；原样提交脱敏值表示不修改）' });
const Person = Type.String({ minLength: 1, maxLength: 30 });

export const Contacts = Type.Object({
  legalRepresentative: Nullable(Person), legalRepresentativePhone: Nullable(Phone),
  principalName: Nullable(Person), principalPhone: Nullable(Phone),
  safetyManagerName: Nullable(Person), safetyManagerPhone: Nullable(Phone),
});
/** What an enterprise account may change itself (联系人). */
export const ContactsUpdate = Type.Partial(Contacts);

const Fields = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  formerNames: Type.Array(Type.String({ minLength: 2, maxLength: 100 }), { maxItems: 20 }),
  /** 统一社会信用代码; checked by the service so the message can say which character is wrong. */
  creditCode: Type.String({ minLength: 1, maxLength: 30 }),
  regionCode: RegionCode,
  address: Nullable(Type.String({ maxLength: 200 })),
  lng: Nullable(Type.Number({ minimum: 73, maximum: 136 })),
  lat: Nullable(Type.Number({ minimum: 3, maximum: 54 })),
  employees: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  scale: Nullable(literals(ENTERPRISE_SCALES)),
  establishedOn: Nullable(Day),
  regulatorId: Nullable(Uuid),
  isKey: Type.Boolean(),
  standardGrade: Nullable(literals(STANDARD_GRADES)),
  industryCode: Nullable(Type.String({ pattern: '^[A-T]([0-9]{2,4})?$', description: 'GB/T 4754-2017 国民经济行业代码，如 C2614' })),
  sector: literals(SECTORS),
  sectorDetail: Nullable(literals(SECTOR_DETAILS)),
  subtype: Nullable(Type.String({ maxLength: 30 })),
  flags: Type.Array(literals(ENTERPRISE_FLAGS), { maxItems: 4 }),
  riskLevel: Nullable(literals(RISK_LEVELS)),
  riskLevelSource: Nullable(Type.String({ maxLength: 100 })),
};

export const EnterpriseCreate = Type.Composite([
  Type.Object({ name: Fields.name, creditCode: Fields.creditCode, regionCode: Fields.regionCode, sector: Fields.sector }),
  Type.Partial(Type.Object({ ...Fields, ...Contacts.properties })),
]);
export type EnterpriseCreate = Static<typeof EnterpriseCreate>;
export const EnterpriseUpdate = Type.Partial(EnterpriseCreate);
export type EnterpriseUpdate = Static<typeof EnterpriseUpdate>;

export const EnterpriseListItem = Type.Object({
  id: Uuid, name: Type.String(), formerNames: Type.Array(Type.String()), creditCode: Type.String(),
  regionCode: Type.String(), regionName: Nullable(Type.String()), townName: Nullable(Type.String()), address: Nullable(Type.String()),
  sector: Type.String(), sectorDetail: Nullable(Type.String()), subtype: Nullable(Type.String()), flags: Type.Array(Type.String()),
  status: Type.String(), riskLevel: Nullable(Type.String()), isKey: Type.Boolean(), scale: Nullable(Type.String()),
  employees: Nullable(Type.Integer()), regulatorId: Nullable(Uuid), regulatorName: Nullable(Type.String()),
  principalName: Nullable(Type.String()), principalPhone: Nullable(Type.String()),
  lng: Nullable(Type.Number()), lat: Nullable(Type.Number()),
  /** Identified major hazard sources (S ≥ 1) and the highest grade among them (1 = 一级). */
  majorHazardCount: Type.Integer(), majorHazardGrade: Nullable(Type.Integer()),
  /** The nearest expiry date among its licences that have not yet expired. */
  nextLicenceExpiresOn: Nullable(Day),
  updatedAt: Timestamp,
});
export type EnterpriseListItem = Static<typeof EnterpriseListItem>;

export const Enterprise = Type.Composite([EnterpriseListItem, Contacts, Type.Object({
  establishedOn: Nullable(Day), standardGrade: Nullable(Type.String()), industryCode: Nullable(Type.String()),
  riskLevelSource: Nullable(Type.String()), riskLevelAt: Nullable(Timestamp), statusChangedAt: Nullable(Timestamp),
  createdAt: Timestamp,
})]);
export type Enterprise = Static<typeof Enterprise>;

export const EnterpriseSort = Type.Union(['name', 'creditCode', 'updatedAt', 'createdAt', 'employees', 'riskLevel', 'status'].map((s) => Type.Literal(s)));
/** Filters shared by the list, the map and the export. Array filters take repeated parameters (status=a&status=b). */
export const EnterpriseFilter = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称、曾用名、统一社会信用代码或地址' })),
  regionCode: Type.Optional(RegionCode),
  sector: Type.Optional(Type.Array(literals(SECTORS), { maxItems: 10 })),
  sectorDetail: Type.Optional(literals(SECTOR_DETAILS)),
  subtype: Type.Optional(Type.String({ maxLength: 30 })),
  flag: Type.Optional(literals(ENTERPRISE_FLAGS)),
  status: Type.Optional(Type.Array(literals(ENTERPRISE_STATUSES), { maxItems: 5 })),
  riskLevel: Type.Optional(Type.Array(Type.Union([literals(RISK_LEVELS), Type.Literal('none')]), { maxItems: 5 })),
  isKey: Type.Optional(Type.Boolean()),
  regulatorId: Type.Optional(Uuid),
  licenceExpiringDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 730, description: '有证照在今天起 N 天内到期（已过期的不算）' })),
  hasMajorHazard: Type.Optional(Type.Boolean()),
  /** Work report: enterprises whose status changed to this one (停产整顿, 关闭 …) effective between changedFrom and changedTo (inclusive). */
  statusChange: Type.Optional(literals(ENTERPRISE_STATUSES)),
  changedFrom: Type.Optional(Day), changedTo: Type.Optional(Day),
  /** Work report: established (成立/建成) between these days, inclusive. */
  establishedFrom: Type.Optional(Day), establishedTo: Type.Optional(Day),
});
export type EnterpriseFilter = Static<typeof EnterpriseFilter>;
export const EnterpriseQuery = Type.Composite([PageQuery, ExactTotalQuery, EnterpriseFilter, Type.Object({
  sort: Type.Optional(EnterpriseSort),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
})]);
export type EnterpriseQuery = Static<typeof EnterpriseQuery>;

export const MapPoint = Type.Object({
  id: Uuid, name: Type.String(), lng: Type.Number(), lat: Type.Number(),
  riskLevel: Nullable(Type.String()), sector: Type.String(), status: Type.String(),
});
export type MapPoint = Static<typeof MapPoint>;
/** At most MAP_POINT_LIMIT points; `truncated` says the filter matched more (narrow it to see them all). */
export const MapPoints = Type.Object({ items: Type.Array(MapPoint), total: Type.Integer(), truncated: Type.Boolean() });
export const MAP_POINT_LIMIT = 20_000;

export const StatusChangeInput = Type.Object({
  status: literals(ENTERPRISE_STATUSES),
  reason: Type.String({ minLength: 2, maxLength: 500 }),
  orderedByOrgId: Type.Optional(Nullable(Uuid)),
  orderedBy: Type.Optional(Nullable(Type.String({ maxLength: 50, description: '下令的单位或人员' }))),
  documentNo: Type.Optional(Nullable(Type.String({ maxLength: 60, description: '文书文号' }))),
  effectiveOn: Type.Optional(Day),
});
export const StatusChange = Type.Object({
  id: Uuid, fromStatus: Nullable(Type.String()), toStatus: Type.String(), reason: Type.String(),
  orderedByOrgId: Nullable(Uuid), orderedByOrgName: Nullable(Type.String()), orderedBy: Nullable(Type.String()),
  documentNo: Nullable(Type.String()), effectiveOn: Day,
  recordedById: Nullable(Uuid), recordedByName: Nullable(Type.String()), recordedAt: Timestamp,
});
export type StatusChange = Static<typeof StatusChange>;

/** One entry of the enterprise's change history (its audit trail, sub-records included). */
export const ChangeEntry = Type.Object({
  seq: Type.Integer(), at: Timestamp, actorName: Nullable(Type.String()), action: Type.String(),
  before: Type.Unknown(), after: Type.Unknown(),
});

export const LicenceInput = Type.Object({
  kind: literals(LICENCE_KINDS),
  number: Type.String({ minLength: 1, maxLength: 60 }),
  issuer: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  issuedOn: Type.Optional(Nullable(Day)),
  /** null = 长期有效. */
  expiresOn: Type.Optional(Nullable(Day)),
  fileId: Type.Optional(Nullable(Uuid)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export const LicenceUpdate = Type.Partial(LicenceInput);
export const Licence = Type.Object({
  id: Uuid, enterpriseId: Uuid, kind: Type.String(), number: Type.String(), issuer: Nullable(Type.String()),
  issuedOn: Nullable(Day), expiresOn: Nullable(Day), fileId: Nullable(Uuid), note: Nullable(Type.String()),
  /** Days from today (Asia/Shanghai) to expiry; negative when expired, null when 长期. */
  daysLeft: Nullable(Type.Integer()), createdAt: Timestamp, updatedAt: Timestamp,
});
export type Licence = Static<typeof Licence>;

export const Chemical = Type.Object({
  code: Type.String(), name: Type.String(), cas: Nullable(Type.String()),
  /** listed: GB 18218 表1 named substance; category: 表2/表4 hazard category for substances not listed. */
  kind: Type.Union([Type.Literal('listed'), Type.Literal('category')]),
  criticalQuantity: Type.Number({ description: '临界量 Q（吨）' }), beta: Type.Number({ description: '校正系数 β' }),
  category: Nullable(Type.String()), source: Nullable(Type.String()),
});
export type Chemical = Static<typeof Chemical>;
export const ChemicalQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), kind: Type.Optional(Type.Union([Type.Literal('listed'), Type.Literal('category')])) });

/** A chemical held in a unit: a listed substance by its code (CAS), or one not listed by its hazard category code and its name. */
export const HazardChemicalInput = Type.Object({
  chemicalCode: Type.String({ minLength: 1, maxLength: 20, description: '目录代码：表1 物质的 CAS 号，或未列名物质的类别代码（J1、W2 …）' }),
  name: Type.Optional(Type.String({ maxLength: 60, description: '物质名称；按类别填写时必填' })),
  quantity: Type.Number({ minimum: 0, maximum: 1e7, description: '实际存在量 q（吨）' }),
});
export const HazardSourceInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  unitKind: Type.Union([Type.Literal('production'), Type.Literal('storage')]),
  peopleExposed: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '厂区边界外 500 米范围内常住人口数' }),
  recordNo: Type.Optional(Nullable(Type.String({ maxLength: 60, description: '备案编号' }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  chemicals: Type.Array(HazardChemicalInput, { minItems: 1, maxItems: 50 }),
});
export const HazardSourceUpdate = Type.Partial(HazardSourceInput);

export const HazardTerm = Type.Object({
  chemicalCode: Nullable(Type.String()), name: Type.String(), quantity: Type.Number(),
  criticalQuantity: Type.Number(), beta: Type.Number(), ratio: Type.Number(), weighted: Type.Number(),
});
/** GB 18218 result with the working: S = Σq/Q identifies (no β); R = α·Σβq/Q grades. */
export const HazardEvaluation = Type.Object({
  terms: Type.Array(HazardTerm), s: Type.Number(), identified: Type.Boolean(), alpha: Type.Number(),
  r: Nullable(Type.Number()), grade: Nullable(Type.Integer()), gradeLabel: Nullable(Type.String()),
  working: Type.Array(Type.String()), ruleVersion: Type.String(),
});
export type HazardEvaluation = Static<typeof HazardEvaluation>;
export const HazardSource = Type.Object({
  id: Uuid, enterpriseId: Uuid, name: Type.String(), unitKind: Type.String(), peopleExposed: Type.Integer(),
  recordNo: Nullable(Type.String()), note: Nullable(Type.String()), evaluation: HazardEvaluation,
  createdAt: Timestamp, updatedAt: Timestamp,
});
export type HazardSource = Static<typeof HazardSource>;
export const HazardEvaluateInput = Type.Pick(HazardSourceInput, ['peopleExposed', 'chemicals']);

export const ImportError = Type.Object({ row: Type.Integer(), column: Nullable(Type.String()), message: Type.String() });
export const ImportResult = Type.Object({
  mode: Type.Union([Type.Literal('all'), Type.Literal('valid-only')]),
  rows: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), skipped: Type.Integer(),
  /** False when the file had errors and mode was 'all': nothing was written. */
  written: Type.Boolean(), errors: Type.Array(ImportError),
});
export type ImportResult = Static<typeof ImportResult>;
