import { describe, expect, it } from 'vitest';
import { computeDraw, type DrawComputation, DrawError, H, quota, resultHash } from './algorithm.js';

const pool = Array.from({ length: 40 }, (_, i) => ({ code: `91430699MA${String(i).padStart(8, '0')}`, riskLevel: ['red', 'orange', 'yellow', 'blue', null][i % 5] }));
const officers = Array.from({ length: 8 }, (_, i) => ({ certNo: `湘应执${1000 + i}` }));
const base: DrawComputation = { seed: 'seed-2022-06-01', pool, officers, exclusions: [], criteria: { mode: 'count', count: 10 } };

describe('draw algorithm yingji-draw-v1', () => {
  it('gives the same result for the same published input, and another for another seed', () => {
    const a = computeDraw(base);
    expect(computeDraw(structuredClone(base))).toEqual(a);
    expect(resultHash(computeDraw({ ...base, seed: 'another-seed' }))).not.toBe(resultHash(a));
    expect(a).toHaveLength(10);
    expect(new Set(a.map((x) => x.unit)).size).toBe(10);
  });

  it('follows its written rule: the units with the largest H(seed|unit|code|0)', () => {
    const expected = [...pool].sort((x, y) => (H(`${base.seed}|unit|${y.code}|0`) > H(`${base.seed}|unit|${x.code}|0`) ? 1 : -1)).slice(0, 10).map((u) => u.code);
    expect(computeDraw(base).map((x) => x.unit)).toEqual(expected);
  });

  it('draws a quota per risk stratum by ratio, with a higher rate for higher risk', () => {
    const r = computeDraw({ ...base, criteria: { mode: 'ratio', ratio: 10, riskRates: { red: 50 } } });
    const red = r.filter((x) => pool.find((u) => u.code === x.unit)!.riskLevel === 'red');
    expect(red).toHaveLength(4); // 8 red × 50%
    expect(r).toHaveLength(4 + 4 * quota(8, 10)); // the 4 other strata: ceil(8 × 10%) = 1 each
  });

  it('weights higher-risk units when drawing by count', () => {
    let red = 0;
    for (let s = 0; s < 200; s++) {
      const r = computeDraw({ ...base, seed: `w${s}`, criteria: { mode: 'count', count: 5, riskWeights: { red: 5 } } });
      red += r.filter((x) => pool.find((u) => u.code === x.unit)!.riskLevel === 'red').length;
    }
    expect(red / 1000).toBeGreaterThan(0.35); // unweighted would be 0.2
  });

  it('never assigns an excluded officer and spreads the load', () => {
    const exclusions = pool.flatMap((u) => [{ unit: u.code, officer: officers[0].certNo }, { unit: u.code, officer: officers[1].certNo }]);
    const r = computeDraw({ ...base, exclusions, criteria: { mode: 'count', count: 12, officersPerUnit: 2 } });
    expect(r.every((x) => !x.officers.includes(officers[0].certNo) && !x.officers.includes(officers[1].certNo))).toBe(true);
    const counts = new Map<string, number>();
    for (const x of r) for (const o of x.officers) counts.set(o, (counts.get(o) ?? 0) + 1);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
  });

  it('refuses a draw that cannot give a unit enough officers', () => {
    const exclusions = officers.slice(0, 7).map((o) => ({ unit: pool[0].code, officer: o.certNo }));
    expect(() => computeDraw({ ...base, exclusions, criteria: { mode: 'count', count: 40 } })).toThrow(DrawError);
  });

  it('computes ceil quotas in whole numbers', () => {
    expect(quota(20, 5)).toBe(1);
    expect(quota(21, 5)).toBe(2);
    expect(quota(100, 0.01)).toBe(1);
    expect(quota(0, 50)).toBe(0);
  });
});
