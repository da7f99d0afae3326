import { describe, expect, it } from 'vitest';
import { alphaFor, evaluateHazard, gradeFor } from './gb18218.js';

const ammonia = (q: number) => ({ chemicalCode: '7664-41-7', name: '氨', quantity: q, criticalQuantity: 10, beta: 2 });
const methanol = (q: number) => ({ chemicalCode: '67-56-1', name: '甲醇', quantity: q, criticalQuantity: 500, beta: 1 });
const chlorine = (q: number) => ({ chemicalCode: '7782-50-5', name: '氯', quantity: q, criticalQuantity: 5, beta: 4 });

describe('GB 18218-2018 identification and grading', () => {
  it('works the tank farm example: S = 5.4, α = 1.5, R = 21.6, 三级', () => {
    // 氨 30 t (Q 10, β 2), 甲醇 200 t (Q 500, β 1), 氯 10 t (Q 5, β 4); 60 people within 500 m.
    // S = 30/10 + 200/500 + 10/5 = 3 + 0.4 + 2 = 5.4 ≥ 1            → a major hazard source
    // α = 1.5 (50–99 people)
    // R = 1.5 × (2×3 + 1×0.4 + 4×2) = 1.5 × (6 + 0.4 + 8) = 1.5 × 14.4 = 21.6 → 10 ≤ R < 50 → 三级
    const r = evaluateHazard([ammonia(30), methanol(200), chlorine(10)], 60);
    expect(r).toMatchObject({ s: 5.4, identified: true, alpha: 1.5, r: 21.6, grade: 3, gradeLabel: '三级' });
    expect(r.terms.map((t) => t.weighted)).toEqual([6, 0.4, 8]);
    expect(r.working).toEqual([
      '1. 氨：q = 30 t，Q = 10 t，β = 2',
      '2. 甲醇：q = 200 t，Q = 500 t，β = 1',
      '3. 氯：q = 10 t，Q = 5 t，β = 4',
      'S = Σ q/Q = 30/10 + 200/500 + 10/5 = 3 + 0.4 + 2 = 5.4 ≥ 1，构成重大危险源（辨识不乘 β）',
      'α = 1.5（厂区边界外 500 米范围内常住人口 60 人，属 50～99 人）',
      'R = α × Σ β·q/Q = 1.5 × (2×30/10 + 1×200/500 + 4×10/5) = 1.5 × (6 + 0.4 + 8) = 1.5 × 14.4 = 21.6',
      '10 ≤ R < 50，为三级重大危险源',
    ]);
  });

  it('identifies without β: 0.25 t of phosgene (Q 0.3, β 20) is not a major hazard source', () => {
    // S = 0.25/0.3 = 0.8333 < 1; with β it would be 16.7, the public calculator's mistake.
    const r = evaluateHazard([{ chemicalCode: '75-44-5', name: '碳酰氯', quantity: 0.25, criticalQuantity: 0.3, beta: 20 }], 500);
    expect(r).toMatchObject({ identified: false, r: null, grade: null });
    expect(r.working.at(-1)).toBe('S = Σ q/Q = 0.25/0.3 = 0.8333 < 1，不构成重大危险源（不分级）');
  });

  it('takes S = 1 as identified, even when the floating-point sum is 0.9999999999999999', () => {
    // 6/10 + 150/500 + 1/10 = 0.6 + 0.3 + 0.1, which JavaScript adds to 0.9999999999999999.
    const co = { chemicalCode: '630-08-0', name: '一氧化碳', quantity: 1, criticalQuantity: 10, beta: 2 };
    expect(evaluateHazard([ammonia(6), methanol(150), co], 0)).toMatchObject({ s: 1, identified: true, alpha: 0.5 });
    expect(evaluateHazard([ammonia(9.99)], 0)).toMatchObject({ s: 0.999, identified: false });
  });

  it('grades at the band edges: 100 一级, 50 二级, 10 三级, below 10 四级', () => {
    expect([100, 99.99, 50, 49.99, 10, 9.99, 1].map((r) => gradeFor(r))).toEqual([1, 2, 2, 3, 3, 4, 4]);
    // R = 2.0 × 2 × 250/10 = 100 exactly: 一级.
    expect(evaluateHazard([ammonia(250)], 100)).toMatchObject({ r: 100, grade: 1, gradeLabel: '一级' });
  });

  it('takes α from the people within 500 m: 0 → 0.5, 1–29 → 1.0, 30–49 → 1.2, 50–99 → 1.5, ≥100 → 2.0', () => {
    expect([0, 1, 29, 30, 49, 50, 99, 100, 5000].map((n) => alphaFor(n))).toEqual([0.5, 1, 1, 1.2, 1.2, 1.5, 1.5, 2, 2]);
    expect(evaluateHazard([ammonia(20)], 0).working[2]).toBe('α = 0.5（厂区边界外 500 米范围内常住人口 0 人，属 0 人）');
    expect(evaluateHazard([ammonia(20)], 100).working[2]).toBe('α = 2（厂区边界外 500 米范围内常住人口 100 人，属 100 人及以上）');
  });
});
