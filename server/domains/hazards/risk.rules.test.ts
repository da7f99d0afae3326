import { describe, expect, it } from 'vitest';
import { gradeLec, gradeLs, LEC_BANDS, LS_BANDS } from './risk.rules.js';

const lec = LEC_BANDS.defaultValue;
const ls = LS_BANDS.defaultValue;

describe('LEC grading (D = L×E×C)', () => {
  it.each([
    [{ L: 10, E: 6, C: 7 }, 420, 'red'],     // above 320
    [{ L: 6, E: 6, C: 7 }, 252, 'orange'],   // 160 < D ≤ 320
    [{ L: 1, E: 10, C: 15 }, 150, 'yellow'], // 70 < D ≤ 160
    [{ L: 1, E: 10, C: 7 }, 70, 'blue'],     // 70 is not above 70
    [{ L: 10, E: 6, C: 3 }, 180, 'orange'],
  ])('%o → D=%d, %s', (inputs, score, level) => {
    expect(gradeLec(inputs, lec)).toMatchObject({ score, level });
  });

  it('puts the boundaries where the source does: 320 is orange, 160 yellow', () => {
    expect(gradeLec({ L: 1, E: 0.5, C: 100 }, { red: 49, orange: 40, yellow: 20 }).level).toBe('red');
    expect(gradeLec({ L: 1, E: 0.5, C: 100 }, { red: 50, orange: 40, yellow: 20 }).level).toBe('orange');
  });

  it('refuses values outside the LEC tables', () => {
    expect(() => gradeLec({ L: 5, E: 6, C: 7 }, lec)).toThrow(/L 取值应为/);
  });
});

describe('LS grading (R = L×S)', () => {
  it.each([
    [{ L: 5, S: 4 }, 20, 'red'], [{ L: 4, S: 4 }, 16, 'orange'], [{ L: 3, S: 5 }, 15, 'orange'],
    [{ L: 3, S: 4 }, 12, 'yellow'], [{ L: 3, S: 3 }, 9, 'yellow'], [{ L: 2, S: 4 }, 8, 'blue'],
  ])('%o → R=%d, %s', (inputs, score, level) => {
    expect(gradeLs(inputs, ls)).toMatchObject({ score, level });
  });

  it('refuses values outside 1–5', () => {
    expect(() => gradeLs({ L: 6, S: 1 }, ls)).toThrow(/1–5/);
  });
});
