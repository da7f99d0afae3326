import { describe, expect, it } from 'vitest';
import { checkUscc, isValidUscc, makeUscc, normaliseUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from './uscc.js';

// Published codes whose check characters are known to be right.
const KNOWN_VALID = [
  '91350100M000100Y43', '91110105771583283D', '91110000802100433B', '112302070019030687',
  '51610700305332460K', '11610923MB2900168E', '1134082855783407XL', '91341000MA2N0ABGXX',
];

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts published codes', () => {
    for (const c of KNOWN_VALID) expect(isValidUscc(c), c).toBe(true);
  });

  it('computes the published check characters', () => {
    for (const c of KNOWN_VALID) expect(usccCheckChar(c.slice(0, 17))).toBe(c[17]);
  });

  it('rejects a changed check character, a changed body, and a wrong length', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000200Y43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
  });

  it('rejects the letters the standard leaves out (I O S V Z) and lower case', () => {
    for (const ch of 'IOSVZ') expect(isValidUscc(`91350100M000100${ch}43`)).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
  });

  it("gives '0' when the weighted sum is a multiple of 31 (not the 32nd character)", () => {
    // Find a body whose sum is 0 mod 31 by varying the last character.
    const stem = '9143069912345678';
    const last = [...USCC_CHARSET].find((ch) => usccCheckChar(stem + ch) === '0');
    expect(last).toBeDefined();
    expect(isValidUscc(`${stem}${last}0`)).toBe(true);
  });

  it('computes the 组织机构代码 check (GB 11714), including X and 0', () => {
    expect(orgCodeCheckChar('77158328')).toBe('3'); // from 91110105771583283D
    expect(orgCodeCheckChar('55783407')).toBe('X'); // from 1134082855783407XL
    const zero = Array.from({ length: 100 }, (_, i) => String(10000000 + i)).find((b) => orgCodeCheckChar(b) === '0');
    expect(zero).toBeDefined();
  });

  it('makes valid codes from parts', () => {
    const code = makeUscc('91', '430699', 'MA4L1234');
    expect(code).toHaveLength(18);
    expect(code.startsWith('91430699MA4L1234')).toBe(true);
    expect(isValidUscc(code)).toBe(true);
    expect(() => makeUscc('91', '4306', '12345678')).toThrow();
    expect(() => makeUscc('91', '430699', '1234567O')).toThrow();
  });
});

describe('checkUscc: a message that says which character is wrong', () => {
  it('accepts a valid code', () => {
    expect(checkUscc('91110105771583283D')).toBeNull();
  });

  it('names the expected and the actual check character', () => {
    expect(checkUscc('91110105771583283A')).toMatchObject({ position: 18, message: expect.stringContaining('第 18 位校验码应为 D，实际为 A') });
  });

  it('names the position of a character outside the set, and why', () => {
    expect(checkUscc('9111010577158328OD')).toMatchObject({ position: 17, message: expect.stringMatching(/第 17 位“O”不是有效字符.*I、O、S、V、Z/) });
    expect(checkUscc('91110105771583283d')?.message).toMatch(/第 18 位“d”.*大写/);
  });

  it('gives the length when it is not 18', () => {
    expect(checkUscc('9111010577158328')?.message).toBe('统一社会信用代码应为 18 位，实际为 16 位');
  });

  it('normalises pasted codes (spaces, lower case)', () => {
    expect(normaliseUscc(' 9111 0105771583283d ')).toBe('91110105771583283D');
  });
});
