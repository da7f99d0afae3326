// 事件分级: the grade of an incident from its casualties and loss, by the threshold table of its kind.
// Production-safety accidents follow 493号令 Art. 3 [C]; natural disasters and the rest ship configurable
// tables marked [M] (not confirmed here) that the bureau edits in 系统设置 → 业务规则.
import { Type, type Static } from '@sinclair/typebox';
import type { Queryable } from '../../../platform/db/db.js';
import { defineRule, ruleValue, type RuleDef } from '../../../platform/settings/rules.js';
import type { IncidentGrade, IncidentKind } from '../ports.js';

const Threshold = Type.Object({
  grade: Type.Union([Type.Literal('especially_major'), Type.Literal('major'), Type.Literal('larger')]),
  /** 死亡（含失踪）人数 at or above which the grade applies; null: not a criterion. */
  dead: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** 重伤（含急性工业中毒）. */
  injured: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** 直接经济损失（万元）. */
  lossWan: Type.Union([Type.Number({ minimum: 0.01 }), Type.Null()]),
  /** 紧急转移安置人数. */
  relocated: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
});
const Table = Type.Object({ thresholds: Type.Array(Threshold, { minItems: 1, maxItems: 3 }) });
export type GradeTable = Static<typeof Table>;

const t = (grade: 'especially_major' | 'major' | 'larger', dead: number | null, injured: number | null, lossWan: number | null, relocated: number | null) =>
  ({ grade, dead, injured, lossWan, relocated });

export const GRADING_PRODUCTION = defineRule({
  key: 'command.grading.production',
  label: '生产安全事故分级标准（死亡含失踪、重伤含急性工业中毒、直接经济损失万元）',
  schema: Table,
  defaultValue: { thresholds: [t('especially_major', 30, 100, 10000, null), t('major', 10, 50, 5000, null), t('larger', 3, 10, 1000, null)] },
  source: '《生产安全事故报告和调查处理条例》（国务院令第493号）第三条；“以上”含本数，“以下”不含本数',
  mark: 'C',
});

export const GRADING_GEOLOGICAL = defineRule({
  key: 'command.grading.geological',
  label: '地质灾害分级标准',
  schema: Table,
  defaultValue: { thresholds: [t('especially_major', 30, null, 1000, null), t('major', 10, null, 500, null), t('larger', 3, null, 100, null)] },
  source: '《国家突发地质灾害应急预案》灾情分级（死亡、直接经济损失）——本平台默认值，未经核实',
  mark: 'M',
});

export const GRADING_FOREST_FIRE = defineRule({
  key: 'command.grading.forest_fire',
  label: '森林火灾分级标准（受害森林面积未纳入，请按面积人工复核）',
  schema: Table,
  defaultValue: { thresholds: [t('especially_major', 30, 100, null, null), t('major', 10, 50, null, null), t('larger', 3, 10, null, null)] },
  source: '《森林防火条例》第四十条（人员伤亡部分；受害森林面积标准须人工复核）——本平台默认值，未经核实',
  mark: 'M',
});

export const GRADING_NATURAL = defineRule({
  key: 'command.grading.natural',
  label: '洪涝、气象、地震等自然灾害分级标准',
  schema: Table,
  defaultValue: { thresholds: [t('especially_major', 30, null, 10000, 100000), t('major', 10, null, 5000, 10000), t('larger', 3, null, 1000, 1000)] },
  source: '参照《国家自然灾害救助应急预案》与各专项预案的人员伤亡、转移安置、经济损失标准拟定的县级默认值，未经核实',
  mark: 'M',
});

export const GRADING_OTHER = defineRule({
  key: 'command.grading.other',
  label: '其他突发事件分级标准',
  schema: Table,
  defaultValue: { thresholds: [t('especially_major', 30, 100, 10000, null), t('major', 10, 50, 5000, null), t('larger', 3, 10, 1000, null)] },
  source: '参照生产安全事故分级（493号令第三条）的默认值，未经核实',
  mark: 'M',
});

/** Which table grades which kind. */
export function gradingRuleOf(kind: IncidentKind): RuleDef<typeof Table> {
  switch (kind) {
    case 'hazchem': case 'mine': case 'fireworks': case 'industrial': case 'fire': case 'traffic': return GRADING_PRODUCTION;
    case 'geological': return GRADING_GEOLOGICAL;
    case 'forest_fire': return GRADING_FOREST_FIRE;
    case 'flood': case 'weather': case 'earthquake': return GRADING_NATURAL;
    default: return GRADING_OTHER;
  }
}

export const GRADE_LABELS: Record<IncidentGrade, string> = { especially_major: '特别重大', major: '重大', larger: '较大', ordinary: '一般' };

export interface GradeFacts { dead: number; missing: number; injured: number; lossWan: number; relocated: number }

export interface GradeResult { grade: IncidentGrade; rule: string }

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The grade the table gives the facts, and the criterion that gave it, in words. */
export function gradeBy(table: GradeTable, f: GradeFacts): GradeResult {
  const dead = f.dead + f.missing;
  const criteria = (th: Static<typeof Threshold>) => [
    th.dead != null && { met: dead >= th.dead, text: `死亡（含失踪）${dead} 人，达 ${th.dead} 人以上`, below: `死亡（含失踪）少于 ${th.dead} 人` },
    th.injured != null && { met: f.injured >= th.injured, text: `重伤（含急性工业中毒）${f.injured} 人，达 ${th.injured} 人以上`, below: `重伤少于 ${th.injured} 人` },
    th.lossWan != null && { met: f.lossWan >= th.lossWan, text: `直接经济损失 ${fmt(f.lossWan)} 万元，达 ${fmt(th.lossWan)} 万元以上`, below: `直接经济损失少于 ${fmt(th.lossWan)} 万元` },
    th.relocated != null && { met: f.relocated >= th.relocated, text: `转移安置 ${f.relocated} 人，达 ${th.relocated} 人以上`, below: `转移安置少于 ${th.relocated} 人` },
  ].filter((c): c is { met: boolean; text: string; below: string } => !!c);
  const order: IncidentGrade[] = ['especially_major', 'major', 'larger'];
  for (const g of order) {
    const th = table.thresholds.find((x) => x.grade === g);
    if (!th) continue;
    const met = criteria(th).filter((c) => c.met);
    if (met.length) return { grade: g, rule: `${GRADE_LABELS[g]}：${met.map((c) => c.text).join('；')}` };
  }
  const lowest = table.thresholds.find((x) => x.grade === 'larger') ?? table.thresholds[table.thresholds.length - 1];
  return { grade: 'ordinary', rule: `一般：未达到较大及以上任一标准（${criteria(lowest).map((c) => c.below).join('、')}）` };
}

/** Grade the facts of an incident of `kind` by the table in force on `on`; the rule's version is kept with the record. */
export async function gradeIncident(db: Queryable, kind: IncidentKind, f: GradeFacts, on: Date): Promise<GradeResult & { version: string }> {
  const rule = gradingRuleOf(kind);
  const v = await ruleValue(db, rule, on);
  const r = gradeBy(v.value, f);
  return { ...r, rule: `${r.rule}（${rule.mark === 'C' ? '依据' : '参照（未经核实的默认值）'}${v.source || rule.source}）`, version: v.version };
}

/** The response level a grade suggests when no plan says otherwise: 特别重大 → Ⅰ级 … 一般 → Ⅳ级. */
export const levelOfGrade = (g: IncidentGrade) => ({ especially_major: 1, major: 2, larger: 3, ordinary: 4 } as const)[g];
