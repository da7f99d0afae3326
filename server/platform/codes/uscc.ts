// 统一社会信用代码 (GB 32100-2015) and its embedded 组织机构代码 (GB 11714-1997): check characters,
// validation that says which character is wrong, and a maker for valid codes (demo, tests, benchmarks).

/** The 31 characters a 统一社会信用代码 may use (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (18th) of the first 17 characters of a 统一社会信用代码. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new Error(`invalid character ${first17[i]}`);
    sum += v * USCC_WEIGHTS[i];
  }
  // The outer mod matters: when the sum is a multiple of 31 the check is '0', not set[31].
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** True when the string is an 18-character 统一社会信用代码 with a correct check character. */
export function isValidUscc(code: string): boolean {
  return checkUscc(code) === null;
}

/** What is wrong with a code, in Chinese and English; null when it is valid. */
export interface CodeProblem { message: string; messageEn: string; position?: number }

/** Trim, drop inner spaces and upper-case: what people paste is usually right but untidy. */
export const normaliseUscc = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** Validates a 统一社会信用代码, saying which character is wrong (position is 1-based). */
export function checkUscc(code: string): CodeProblem | null {
  if (code.length !== 18) {
    return { message: `统一社会信用代码应为 18 位，实际为 ${code.length} 位`, messageEn: `A unified social credit code has 18 characters, got ${code.length}` };
  }
  for (let i = 0; i < 18; i++) {
    if (USCC_CHARSET.includes(code[i])) continue;
    const hint = /[IOSVZ]/.test(code[i]) ? '（代码中不使用字母 I、O、S、V、Z）' : /[a-z]/.test(code[i]) ? '（字母须大写）' : '';
    return { position: i + 1, message: `统一社会信用代码第 ${i + 1} 位“${code[i]}”不是有效字符${hint}`, messageEn: `Character ${i + 1} ('${code[i]}') is not allowed` };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code[17]) {
    return { position: 18, message: `统一社会信用代码第 18 位校验码应为 ${expected}，实际为 ${code[17]}；请核对前 17 位是否抄错`, messageEn: `Check character 18 should be ${expected}, got ${code[17]}` };
  }
  return null;
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The check character (9th) of an 8-character 组织机构代码 body: 0–9 or X. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error('expected 8 characters 0-9A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A valid 统一社会信用代码 from its parts: 登记管理部门 + 机构类别 (e.g. '91' enterprise, '92' 个体工商户, '11' 机关),
 * 6-digit 行政区划, and an 8-character 组织机构代码 body (e.g. '12345678' or 'MA4L1234') whose own check character is computed too.
 */
export function makeUscc(kind: string, region6: string, orgBody8: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(kind)) throw new Error('kind must be 2 code characters');
  if (!/^\d{6}$/.test(region6)) throw new Error('region must be 6 digits');
  if (!/^[0-9A-HJ-NPQRTUWXY]{8}$/.test(orgBody8)) throw new Error('org body must be 8 code characters');
  const first17 = kind + region6 + orgBody8 + orgCodeCheckChar(orgBody8);
  return first17 + usccCheckChar(first17);
}
