// 重大危险源辨识与分级 (GB 18218-2018), as pure functions that show their working:
//   identification  S = Σ qᵢ/Qᵢ ≥ 1            (no β here: a public calculator wrongly applies β to S)
//   grading         R = α · Σ βᵢ·qᵢ/Qᵢ        R ≥ 100 一级; 50 ≤ R < 100 二级; 10 ≤ R < 50 三级; R < 10 四级
// α comes from the people within 500 m outside the boundary; β from 表3 (named toxic gases) or 表4
// (by category). The bands are a bureau-editable rule (enterprises.rules.ts) with these defaults.

/** One chemical of a unit: q (t), and the Q (t) and β it is judged by. */
export interface HazardTermInput { chemicalCode: string | null; name: string; quantity: number; criticalQuantity: number; beta: number }

/** α bands (people within 500 m, highest first) and R bands (highest first). */
export interface Gb18218Params {
  alphaBands: { minPeople: number; alpha: number }[];
  gradeBands: { minR: number; grade: number }[];
}

export const GB18218_DEFAULTS: Gb18218Params = {
  alphaBands: [{ minPeople: 100, alpha: 2 }, { minPeople: 50, alpha: 1.5 }, { minPeople: 30, alpha: 1.2 }, { minPeople: 1, alpha: 1 }, { minPeople: 0, alpha: 0.5 }],
  gradeBands: [{ minR: 100, grade: 1 }, { minR: 50, grade: 2 }, { minR: 10, grade: 3 }, { minR: 0, grade: 4 }],
};

export const GRADE_LABELS: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

export interface HazardResult {
  terms: (HazardTermInput & { ratio: number; weighted: number })[];
  s: number; identified: boolean; alpha: number; r: number | null; grade: number | null; gradeLabel: string | null;
  working: string[];
}

// Sums of ratios like 3/10 + 7/10 must compare as exactly 1: round away floating-point noise first.
const clean = (x: number) => Math.round(x * 1e9) / 1e9;
/** A number as people write it: at most 4 decimals, no trailing zeros. */
export const fmt = (x: number) => String(Math.round(x * 1e4) / 1e4);

/** α for the number of people within 500 m outside the boundary. */
export function alphaFor(people: number, params: Gb18218Params = GB18218_DEFAULTS): number {
  const band = params.alphaBands.find((b) => people >= b.minPeople);
  if (!band) throw new Error(`no α band for ${people} people`);
  return band.alpha;
}

/** The grade (1 = 一级 … 4 = 四级) of an R value. */
export function gradeFor(r: number, params: Gb18218Params = GB18218_DEFAULTS): number {
  const band = params.gradeBands.find((b) => clean(r) >= b.minR);
  if (!band) throw new Error(`no grade band for R = ${r}`);
  return band.grade;
}

function alphaReason(people: number, params: Gb18218Params): string {
  const i = params.alphaBands.findIndex((b) => people >= b.minPeople);
  const lo = params.alphaBands[i].minPeople;
  const hi = i > 0 ? params.alphaBands[i - 1].minPeople - 1 : null;
  const range = hi === null ? `${lo} 人及以上` : lo === hi ? `${lo} 人` : `${lo}～${hi} 人`;
  return `α = ${fmt(params.alphaBands[i].alpha)}（厂区边界外 500 米范围内常住人口 ${people} 人，属 ${range}）`;
}

function gradeReason(r: number, grade: number, params: Gb18218Params): string {
  const i = params.gradeBands.findIndex((b) => b.grade === grade);
  const lo = params.gradeBands[i].minR;
  const hi = i > 0 ? params.gradeBands[i - 1].minR : null;
  const range = hi === null ? `R ≥ ${lo}` : lo === 0 ? `R < ${hi}` : `${lo} ≤ R < ${hi}`;
  return `${range}，为${GRADE_LABELS[grade]}重大危险源`;
}

/** Identify and grade one unit, with each step written out in Chinese. */
export function evaluateHazard(inputs: HazardTermInput[], peopleExposed: number, params: Gb18218Params = GB18218_DEFAULTS): HazardResult {
  if (!inputs.length) throw new Error('a unit needs at least one chemical');
  const terms = inputs.map((t) => {
    if (!(t.criticalQuantity > 0)) throw new Error(`临界量 of ${t.name} must be positive`);
    const ratio = t.quantity / t.criticalQuantity;
    return { ...t, ratio, weighted: t.beta * ratio };
  });
  const s = clean(terms.reduce((a, t) => a + t.ratio, 0));
  const identified = s >= 1;
  const alpha = alphaFor(peopleExposed, params);
  const sList = terms.map((t) => `${fmt(t.quantity)}/${fmt(t.criticalQuantity)}`).join(' + ');
  const sValues = terms.map((t) => fmt(t.ratio)).join(' + ');
  const names = terms.map((t, i) => `${i + 1}. ${t.name}：q = ${fmt(t.quantity)} t，Q = ${fmt(t.criticalQuantity)} t，β = ${fmt(t.beta)}`);
  const sLine = `S = Σ q/Q = ${sList}${terms.length > 1 ? ` = ${sValues}` : ''} = ${fmt(s)}`;
  if (!identified) {
    return { terms, s, identified, alpha, r: null, grade: null, gradeLabel: null,
      working: [...names, `${sLine} < 1，不构成重大危险源（不分级）`] };
  }
  const sum = clean(terms.reduce((a, t) => a + t.weighted, 0));
  const r = clean(alpha * sum);
  const grade = gradeFor(r, params);
  const rList = terms.map((t) => `${fmt(t.beta)}×${fmt(t.quantity)}/${fmt(t.criticalQuantity)}`).join(' + ');
  const rValues = terms.map((t) => fmt(t.weighted)).join(' + ');
  return {
    terms, s, identified, alpha, r, grade, gradeLabel: GRADE_LABELS[grade],
    working: [
      ...names,
      `${sLine} ≥ 1，构成重大危险源（辨识不乘 β）`,
      alphaReason(peopleExposed, params),
      `R = α × Σ β·q/Q = ${fmt(alpha)} × (${rList}) = ${fmt(alpha)} × (${rValues}) = ${fmt(alpha)} × ${fmt(sum)} = ${fmt(r)}`,
      gradeReason(r, grade, params),
    ],
  };
}
