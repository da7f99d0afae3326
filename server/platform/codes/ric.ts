// 居民身份证号码 (GB 11643-1999): 6-digit address + 8-digit birth date + 3-digit sequence + check character.
import type { CodeProblem } from './uscc.js';

const RIC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RIC_CHECK = '10X98765432';

/** The check character (18th) of the first 17 digits of a 居民身份证号码. */
export function ricCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RIC_WEIGHTS[i];
  return RIC_CHECK[sum % 11];
}

/** Validates a 居民身份证号码 (18 characters; a lower-case x is accepted), saying what is wrong. */
export function checkRic(id: string, today: Date = new Date()): CodeProblem | null {
  const s = id.trim().toUpperCase();
  if (s.length !== 18) return { message: `身份证号码应为 18 位，实际为 ${s.length} 位`, messageEn: `An ID number has 18 characters, got ${s.length}` };
  const bad = [...s.slice(0, 17)].findIndex((c) => !/\d/.test(c));
  if (bad >= 0) return { position: bad + 1, message: `身份证号码第 ${bad + 1} 位应为数字`, messageEn: `Character ${bad + 1} must be a digit` };
  if (!/[\dX]/.test(s[17])) return { position: 18, message: '身份证号码第 18 位应为数字或 X', messageEn: 'Character 18 must be a digit or X' };
  const [y, m, d] = [Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || y < 1800 || birth > today) {
    return { position: 7, message: `身份证号码第 7–14 位出生日期 ${s.slice(6, 14)} 不是有效日期`, messageEn: `Birth date ${s.slice(6, 14)} is not a valid date` };
  }
  const expected = ricCheckChar(s.slice(0, 17));
  if (expected !== s[17]) return { position: 18, message: `身份证号码第 18 位校验码应为 ${expected}，实际为 ${s[17]}`, messageEn: `Check character should be ${expected}, got ${s[17]}` };
  return null;
}

/** True for a valid 居民身份证号码. */
export const isValidRic = (id: string, today?: Date) => checkRic(id, today) === null;
