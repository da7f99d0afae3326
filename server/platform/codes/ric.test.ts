import { describe, expect, it } from 'vitest';
import { checkRic, isValidRic, ricCheckChar } from './ric.js';

describe('居民身份证号码 (GB 11643)', () => {
  it('computes the check character of the standard\'s example and accepts it', () => {
    // GB 11643-1999 example: 11010519491231002X.
    expect(ricCheckChar('11010519491231002')).toBe('X');
    expect(isValidRic('11010519491231002X')).toBe(true);
    expect(isValidRic('11010519491231002x')).toBe(true);
    expect(isValidRic('440524188001010014')).toBe(true);
  });

  it('says what is wrong: length, a non-digit, the birth date, the check character', () => {
    expect(checkRic('1101051949123100')?.message).toBe('身份证号码应为 18 位，实际为 16 位');
    expect(checkRic('1101A519491231002X')?.message).toBe('身份证号码第 5 位应为数字');
    expect(checkRic('110105194902300021')?.message).toMatch(/出生日期 19490230 不是有效日期/);
    expect(checkRic('110105205001010011', new Date('2026-11-30'))?.message).toMatch(/不是有效日期/);
    expect(checkRic('110105194912310021')).toMatchObject({ position: 18, message: '身份证号码第 18 位校验码应为 X，实际为 1' });
  });
});
