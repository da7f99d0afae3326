// argon2id hashing and the two password policy profiles: 等保 (default) and OWASP ASVS.
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';

// @node-rs/argon2's Algorithm is a const enum (not importable under isolatedModules): 2 is Argon2id.
const ARGON2ID = 2;
import { randomInt } from 'node:crypto';
import type { PasswordProfile } from '../../config.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  verify(hash: string, plain: string): Promise<boolean>;
}

/** argon2id with the given memory cost (KiB); t=2, p=1 per OWASP's minimum. @node-rs/argon2 ships prebuilt binaries,
 *  so a fresh install needs no compiler or install script. */
export function argon2Hasher(memoryKiB: number): PasswordHasher {
  return {
    hash: (plain) => argon2Hash(plain, { algorithm: ARGON2ID, memoryCost: memoryKiB, timeCost: 2, parallelism: 1 }),
    verify: async (hash, plain) => { try { return await argon2Verify(hash, plain); } catch { return false; } },
  };
}

export interface PolicyInfo { profile: PasswordProfile; minLength: number; rules: string[]; maxAgeDays: number | null }

export function policyInfo(profile: PasswordProfile): PolicyInfo {
  return profile === 'dengbao'
    ? { profile, minLength: 8, maxAgeDays: 90, rules: [
        '长度至少 8 位',
        '至少包含大写字母、小写字母、数字、特殊字符中的 3 类',
        '不能包含用户名',
        '不能与最近 5 次使用过的密码相同',
        '每 90 天须更换一次',
      ] }
    : { profile, minLength: 12, maxAgeDays: null, rules: [
        '长度 12–128 位，可使用空格和任意字符（建议使用易记的长句）',
        '不能是常见或已泄露的密码，不能包含用户名',
        '不能与最近 5 次使用过的密码相同',
      ] };
}

/** The reasons a new password is refused (empty when acceptable). */
export function checkPassword(profile: PasswordProfile, plain: string, username: string): string[] {
  const errors: string[] = [];
  const info = policyInfo(profile);
  if ([...plain].length < info.minLength) errors.push(`密码长度至少 ${info.minLength} 位`);
  if ([...plain].length > 128) errors.push('密码不能超过 128 位');
  if (username && plain.toLowerCase().includes(username.toLowerCase())) errors.push('密码不能包含用户名');
  if (profile === 'dengbao') {
    const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(plain)).length;
    if (classes < 3) errors.push('密码须包含大写字母、小写字母、数字、特殊字符中的至少 3 类');
  } else if (COMMON_PASSWORDS.has(plain.toLowerCase()) || /^(.)\1+$/.test(plain) || /^(0123456789|1234567890|abcdefghij)/i.test(plain)) {
    errors.push('该密码过于常见或已在泄露密码库中出现，请换一个');
  }
  return errors;
}

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGIT = '23456789';
const SYMBOL = '@#%+=!';

/** A random initial password that satisfies both profiles (14 characters, 4 classes). */
export function generateInitialPassword(): string {
  const all = UPPER + LOWER + DIGIT + SYMBOL;
  const chars = [UPPER, LOWER, DIGIT, SYMBOL].map((set) => set[randomInt(set.length)]);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) { const j = randomInt(i + 1); [chars[i], chars[j]] = [chars[j], chars[i]]; }
  return chars.join('');
}
