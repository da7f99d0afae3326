// 报表填报 (statistical returns): forms the bureau defines without code, the returns units file against them,
// and the aggregation. The validation rules and period arithmetic live here too, so that the server and the
// form designer's live preview judge a value the same way.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Uuid } from './common.js';

export const PERIOD_KINDS = [
  { code: 'monthly', label: '月报' }, { code: 'quarterly', label: '季报' }, { code: 'half_yearly', label: '半年报' },
  { code: 'yearly', label: '年报' }, { code: 'adhoc', label: '专项（不定期）' },
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number]['code'];

export const FIELD_TYPES = [
  { code: 'number', label: '数值' }, { code: 'integer', label: '整数' }, { code: 'text', label: '文本' },
  { code: 'choice', label: '选择' }, { code: 'date', label: '日期' },
] as const;

export const RETURN_STATUSES = [
  { code: 'not_started', label: '未填报' }, { code: 'draft', label: '草稿' }, { code: 'pending_approval', label: '待负责人审核' },
  { code: 'submitted', label: '已报送' }, { code: 'returned', label: '已退回' }, { code: 'accepted', label: '已受理' },
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number]['code'];

/** Unit kinds a form can oblige (organisation kinds of the county, or enterprises of a sector). */
export const UNIT_TYPES = [
  { code: 'department', label: '行业部门' }, { code: 'town_station', label: '乡镇（应急管理站）' }, { code: 'town_gov', label: '乡镇人民政府' },
  { code: 'park', label: '园区' }, { code: 'enterprise', label: '企业' },
] as const;

const FieldKey = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: '字段代码（小写字母开头，字母数字下划线）' });

export const FieldDef = Type.Object({
  key: FieldKey,
  label: Type.String({ minLength: 1, maxLength: 60 }),
  type: Type.Union(FIELD_TYPES.map((t) => Type.Literal(t.code))),
  unit: Type.Optional(Type.String({ maxLength: 10 })),
  required: Type.Optional(Type.Boolean()),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50 })),
  help: Type.Optional(Type.String({ maxLength: 200 })),
});
export type FieldDef = Static<typeof FieldDef>;

export const CheckDef = Type.Union([
  Type.Object({ kind: Type.Literal('sum'), target: FieldKey, parts: Type.Array(FieldKey, { minItems: 2, maxItems: 20 }) }),
  Type.Object({ kind: Type.Literal('lte'), left: FieldKey, right: FieldKey }),
]);
export type CheckDef = Static<typeof CheckDef>;

export const Obliged = Type.Object({
  orgKinds: Type.Optional(Type.Array(Type.String(), { maxItems: 10, description: '按组织类型：department / town_station / town_gov / park' })),
  orgIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, description: '指定的组织' })),
  regionCode: Type.Optional(RegionCode),
  enterpriseSectors: Type.Optional(Type.Array(Type.String(), { maxItems: 20, description: '某行业的企业' })),
});
export type Obliged = Static<typeof Obliged>;

export const FormInput = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{1,39}$', description: '报表代码（英文字母开头），统计分析按它引用' }),
  name: Type.String({ minLength: 2, maxLength: 80 }),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  periodKind: Type.Union(PERIOD_KINDS.map((k) => Type.Literal(k.code))),
  obliged: Obliged,
  dueDays: Type.Integer({ minimum: 0, maximum: 365 }),
  remindBefore: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { maxItems: 5 })),
  remindAfter: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 90 }), { maxItems: 5 })),
  jumpPercent: Type.Optional(Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 10000 }), Type.Null()])),
  fields: Type.Array(FieldDef, { minItems: 1, maxItems: 60 }),
  checks: Type.Optional(Type.Array(CheckDef, { maxItems: 30 })),
});
export type FormInput = Static<typeof FormInput>;

export const Form = Type.Object({
  id: Uuid, code: Type.String(), name: Type.String(), description: Type.Union([Type.String(), Type.Null()]),
  periodKind: Type.String(), obliged: Obliged, dueDays: Type.Integer(), remindBefore: Type.Array(Type.Integer()), remindAfter: Type.Array(Type.Integer()),
  jumpPercent: Type.Union([Type.Number(), Type.Null()]), status: Type.String(), version: Type.Integer(),
  fields: Type.Array(FieldDef), checks: Type.Array(CheckDef), createdAt: Type.String(), updatedAt: Type.String(),
  returnsCount: Type.Integer(),
});
export type Form = Static<typeof Form>;

export const FormQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })), status: Type.Optional(Type.String()), periodKind: Type.Optional(Type.String()),
})]);

export const IssueInput = Type.Object({
  period: Type.Optional(Type.String({ maxLength: 40, description: '期别：2022-01、2022-Q1、2022-H1、2022；专项报表为自定代码' })),
  label: Type.Optional(Type.String({ maxLength: 60 })),
  start: Type.Optional(Type.String({ format: 'date' })),
  end: Type.Optional(Type.String({ format: 'date' })),
});

export const Warning = Type.Object({ field: Type.String(), message: Type.String() });

export const Return = Type.Object({
  id: Uuid, formId: Uuid, formCode: Type.String(), formName: Type.String(), formVersion: Type.Integer(),
  period: Type.String(), periodLabel: Type.String(), periodStart: Type.String(), periodEnd: Type.String(), dueOn: Type.String(),
  unitName: Type.String(), unitType: Type.String(), orgId: Type.Union([Uuid, Type.Null()]), enterpriseId: Type.Union([Uuid, Type.Null()]),
  regionCode: Type.String(), status: Type.String(), overdue: Type.Boolean(), lateDays: Type.Integer(),
  values: Type.Record(Type.String(), Type.Unknown()), warnings: Type.Array(Warning),
  acceptedValues: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  version: Type.Integer(), correctionReason: Type.Union([Type.String(), Type.Null()]),
  filledByName: Type.Union([Type.String(), Type.Null()]), approvedByName: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Type.String(), Type.Null()]), reviewedAt: Type.Union([Type.String(), Type.Null()]),
  reviewComment: Type.Union([Type.String(), Type.Null()]), updatedAt: Type.String(),
});
export type Return = Static<typeof Return>;

export const ReturnEvent = Type.Object({
  at: Type.String(), actorName: Type.String(), action: Type.String(), fromStatus: Type.Union([Type.String(), Type.Null()]),
  toStatus: Type.Union([Type.String(), Type.Null()]), comment: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]), formVersion: Type.Union([Type.Integer(), Type.Null()]),
  values: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const ReturnDetail = Type.Composite([Return, Type.Object({
  fields: Type.Array(FieldDef), checks: Type.Array(CheckDef), jumpPercent: Type.Union([Type.Number(), Type.Null()]),
  previous: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  events: Type.Array(ReturnEvent), moves: Type.Array(Type.String()),
})]);
export type ReturnDetail = Static<typeof ReturnDetail>;

export const ReturnQuery = Type.Composite([PageQuery, Type.Object({
  formId: Type.Optional(Uuid), period: Type.Optional(Type.String({ maxLength: 40 })), status: Type.Optional(Type.String()),
  overdue: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 50 })), regionCode: Type.Optional(RegionCode),
  unitType: Type.Optional(Type.String()), ids: Type.Optional(Type.String({ maxLength: 20000, description: '逗号分隔的报表 id（汇总数字的来源）' })),
})]);

export const ValuesInput = Type.Object({ values: Type.Record(Type.String(), Type.Unknown()) });
export const CommentInput = Type.Object({ comment: Type.String({ minLength: 2, maxLength: 500 }) });
export const ReasonInput = Type.Object({ reason: Type.String({ minLength: 4, maxLength: 500 }) });

export const Progress = Type.Object({
  period: Type.String(), total: Type.Integer(), byStatus: Type.Record(Type.String(), Type.Integer()), overdue: Type.Integer(),
});

export const AggregateQuery = Type.Object({
  formId: Uuid,
  from: Type.String({ maxLength: 40, description: '起始期别（含）' }),
  to: Type.String({ maxLength: 40, description: '截止期别（含）' }),
  groupBy: Type.Optional(Type.Union([Type.Literal('period'), Type.Literal('region'), Type.Literal('unitType'), Type.Literal('unit')])),
  regionCode: Type.Optional(RegionCode),
});
export const AggregateRow = Type.Object({
  key: Type.String(), label: Type.String(), returns: Type.Integer(), returnIds: Type.Array(Uuid),
  sums: Type.Record(Type.String(), Type.Number()),
  previous: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]))),
  lastYear: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]))),
});
export const Aggregate = Type.Object({
  form: Type.Object({ id: Uuid, code: Type.String(), name: Type.String(), periodKind: Type.String() }),
  fields: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), unit: Type.Optional(Type.String()) })),
  groupBy: Type.String(), rows: Type.Array(AggregateRow), total: AggregateRow,
});
export type Aggregate = Static<typeof Aggregate>;

// ——— periods ———

export interface Period { period: string; label: string; start: string; end: string }

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const span = (y: number, m1: number, m2: number) => ({ start: `${y}-${pad(m1)}-01`, end: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}` });

/** The period of `kind` that contains `day` (YYYY-MM-DD); not for ad-hoc forms. */
export function periodOf(kind: Exclude<PeriodKind, 'adhoc'>, day: string): Period {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (kind) {
    case 'monthly': return { period: `${y}-${pad(m)}`, label: `${y}年${m}月`, ...span(y, m, m) };
    case 'quarterly': { const q = Math.ceil(m / 3); return { period: `${y}-Q${q}`, label: `${y}年第${'一二三四'[q - 1]}季度`, ...span(y, q * 3 - 2, q * 3) }; }
    case 'half_yearly': { const h = m <= 6 ? 1 : 2; return { period: `${y}-H${h}`, label: `${y}年${h === 1 ? '上' : '下'}半年`, ...span(y, h === 1 ? 1 : 7, h === 1 ? 6 : 12) }; }
    case 'yearly': return { period: `${y}`, label: `${y}年`, ...span(y, 1, 12) };
  }
}

/** Parses a period key of a kind (2022-01, 2022-Q1, 2022-H1, 2022), or undefined when it is not one. */
export function parsePeriod(kind: PeriodKind, key: string): Period | undefined {
  const m = {
    monthly: /^(\d{4})-(0[1-9]|1[0-2])$/, quarterly: /^(\d{4})-Q([1-4])$/, half_yearly: /^(\d{4})-H([12])$/, yearly: /^(\d{4})$/, adhoc: null,
  }[kind]?.exec(key);
  if (!m) return undefined;
  const y = m[1];
  const n = Number(m[2] ?? 1);
  const firstMonth = { monthly: n, quarterly: n * 3 - 2, half_yearly: n === 1 ? 1 : 7, yearly: 1, adhoc: 1 }[kind];
  return periodOf(kind as Exclude<PeriodKind, 'adhoc'>, `${y}-${pad(firstMonth)}-01`);
}

/** The period before (period-on-period, 环比) and the same period a year earlier (同比). */
export function previousPeriod(kind: PeriodKind, key: string): string | undefined {
  const p = parsePeriod(kind, key);
  if (!p) return undefined;
  const d = new Date(`${p.start}T00:00:00Z`);
  d.setUTCDate(0); // the day before the period starts
  return periodOf(kind as Exclude<PeriodKind, 'adhoc'>, d.toISOString().slice(0, 10)).period;
}
export function sameLastYear(kind: PeriodKind, key: string): string | undefined {
  return parsePeriod(kind, key) ? `${Number(key.slice(0, 4)) - 1}${key.slice(4)}` : undefined;
}

/** Every period of a kind from `from` to `to` inclusive (at most 120). */
export function periodsBetween(kind: PeriodKind, from: string, to: string): string[] {
  const a = parsePeriod(kind, from);
  const b = parsePeriod(kind, to);
  if (!a || !b || a.start > b.start) return [];
  const out: string[] = [];
  let cur: Period = a;
  while (cur.start <= b.start && out.length < 120) {
    out.push(cur.period);
    const next = new Date(`${cur.end}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    cur = periodOf(kind as Exclude<PeriodKind, 'adhoc'>, next.toISOString().slice(0, 10));
  }
  return out;
}

// ——— validation ———

export interface FieldIssue { field: string; message: string }
export interface Judgement { errors: FieldIssue[]; warnings: FieldIssue[]; values: Record<string, unknown> }

const isBlank = (v: unknown) => v === undefined || v === null || v === '';
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, ''));

/**
 * Judges values against a form version: type, range and choice per field (and `required` when complete),
 * the checks between fields, and jumps against the previous period (warnings, not refusals).
 * Numbers given as text ("1,200") are normalised; the cleaned values come back.
 */
export function judgeValues(def: { fields: FieldDef[]; checks: CheckDef[]; jumpPercent: number | null },
  input: Record<string, unknown>, opts: { complete: boolean; previous?: Record<string, unknown> | null }): Judgement {
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const values: Record<string, unknown> = {};
  const byKey = new Map(def.fields.map((f) => [f.key, f]));
  for (const k of Object.keys(input)) if (!byKey.has(k)) errors.push({ field: k, message: `报表中没有字段「${k}」` });
  for (const f of def.fields) {
    const raw = input[f.key];
    const name = `「${f.label}」`;
    if (isBlank(raw)) {
      if (opts.complete && f.required) errors.push({ field: f.key, message: `${name}必填` });
      continue;
    }
    if (f.type === 'number' || f.type === 'integer') {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(raw.replace(/,/g, '').trim()) ? Number(raw.replace(/,/g, '')) : NaN;
      if (!Number.isFinite(n)) { errors.push({ field: f.key, message: `${name}应为数字，实际为“${String(raw).slice(0, 20)}”` }); continue; }
      if (f.type === 'integer' && !Number.isInteger(n)) { errors.push({ field: f.key, message: `${name}应为整数，实际为 ${n}` }); continue; }
      if (f.min !== undefined && n < f.min) { errors.push({ field: f.key, message: f.min === 0 ? `${name}不能为负数` : `${name}不能小于 ${f.min}${f.unit ?? ''}` }); continue; }
      if (f.max !== undefined && n > f.max) { errors.push({ field: f.key, message: `${name}不能大于 ${f.max}${f.unit ?? ''}` }); continue; }
      values[f.key] = n;
    } else if (f.type === 'choice') {
      if (!f.options?.includes(String(raw))) { errors.push({ field: f.key, message: `${name}应为以下之一：${(f.options ?? []).join('、')}` }); continue; }
      values[f.key] = String(raw);
    } else if (f.type === 'date') {
      const s = String(raw);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`)) || new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) !== s) {
        errors.push({ field: f.key, message: `${name}应为日期（如 2022-06-30）` }); continue;
      }
      values[f.key] = s;
    } else {
      const s = String(raw).trim();
      if (s.length > 2000) { errors.push({ field: f.key, message: `${name}不能超过 2000 个字` }); continue; }
      values[f.key] = s;
    }
  }
  const num = (k: string) => (typeof values[k] === 'number' ? (values[k] as number) : undefined);
  const label = (k: string) => `「${byKey.get(k)?.label ?? k}」`;
  const bad = new Set(errors.map((e) => e.field));
  for (const c of def.checks) {
    if (c.kind === 'sum') {
      if ([c.target, ...c.parts].some((k) => bad.has(k))) continue;
      const parts = c.parts.map(num);
      const target = num(c.target);
      if (target === undefined || parts.some((p) => p === undefined)) {
        if (opts.complete) errors.push({ field: c.target, message: `${label(c.target)}应等于 ${c.parts.map(label).join(' + ')}，请把这些项都填上` });
        continue;
      }
      const sum = parts.reduce((a: number, b) => a + b!, 0);
      if (Math.abs(sum - target) > 1e-6) errors.push({ field: c.target, message: `${label(c.target)}应等于 ${c.parts.map(label).join(' + ')} = ${fmt(sum)}，实际填了 ${fmt(target)}` });
    } else {
      const l = num(c.left);
      const r = num(c.right);
      if (l !== undefined && r !== undefined && l > r) errors.push({ field: c.left, message: `${label(c.left)}（${fmt(l)}）不能大于${label(c.right)}（${fmt(r)}）` });
    }
  }
  if (def.jumpPercent && opts.previous) {
    for (const f of def.fields) {
      const cur = num(f.key);
      const prev = opts.previous[f.key];
      if (cur === undefined || typeof prev !== 'number' || prev <= 0) continue;
      const change = ((cur - prev) / prev) * 100;
      if (Math.abs(change) > def.jumpPercent) {
        warnings.push({ field: f.key, message: `「${f.label}」比上期（${fmt(prev)}${f.unit ?? ''}）${change > 0 ? '增加' : '减少'} ${fmt(Math.abs(Math.round(change)))}%，超过 ${fmt(def.jumpPercent)}%，请核实` });
      }
    }
  }
  return { errors, warnings, values };
}

/** Problems in a form definition itself (duplicate keys, checks naming unknown or non-numeric fields, choices without options). */
export function checkFormDefinition(fields: FieldDef[], checks: CheckDef[]): string[] {
  const out: string[] = [];
  const keys = fields.map((f) => f.key);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) out.push(`字段代码「${dup}」重复`);
  for (const f of fields) {
    if (f.type === 'choice' && !f.options?.length) out.push(`选择字段「${f.label}」至少需要一个选项`);
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) out.push(`字段「${f.label}」的最小值大于最大值`);
  }
  const numeric = new Set(fields.filter((f) => f.type === 'number' || f.type === 'integer').map((f) => f.key));
  for (const c of checks) {
    const used = c.kind === 'sum' ? [c.target, ...c.parts] : [c.left, c.right];
    for (const k of used) if (!numeric.has(k)) out.push(`校验规则引用的「${k}」不是本表的数值字段`);
  }
  return out;
}
