// Spam control for the public tip-off form without a third-party captcha: a single-use proof-of-work challenge
// (find a nonce so that SHA-256(salt:nonce) starts with `bits` zero bits; ~0.1–1 s in a browser at 16 bits).
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';

export const POW_ALGORITHM = '找到 nonce，使 SHA-256(salt + ":" + nonce) 的前 bits 位二进制为 0（nonce 为不超过 40 个字符的文本）';
const TTL_MS = 10 * 60_000;

/** Whether the digest of salt:nonce starts with `bits` zero bits. */
export function powOk(salt: string, nonce: string, bits: number): boolean {
  const h = createHash('sha256').update(`${salt}:${nonce}`, 'utf8').digest();
  for (let i = 0; i < bits; i++) if (h[i >> 3] & (0x80 >> (i & 7))) return false;
  return true;
}

/** Solve a challenge (tests and scripted intake; browsers do the same with WebCrypto). */
export function solvePow(salt: string, bits: number): string {
  for (let n = 0; ; n++) if (powOk(salt, String(n), bits)) return String(n);
}

/** Issue a challenge. */
export async function newChallenge(db: Queryable, bits: number, now: Date) {
  const c = { id: uuidv7(), salt: randomBytes(16).toString('hex'), bits, expiresAt: new Date(now.getTime() + TTL_MS) };
  await db.execute(sql`delete from enforcement_challenges where expires_at < ${new Date(now.getTime() - TTL_MS).toISOString()}`);
  await db.execute(sql`insert into enforcement_challenges (id, salt, bits, expires_at) values (${c.id}, ${c.salt}, ${c.bits}, ${c.expiresAt.toISOString()})`);
  return { id: c.id, salt: c.salt, bits, expiresAt: c.expiresAt.toISOString(), algorithm: POW_ALGORITHM };
}

/** Use a challenge once: 400 when it is unknown, used, expired or the nonce does not solve it. */
export async function useChallenge(db: Queryable, id: string, nonce: string, now: Date) {
  const c = await db.maybeOne<{ salt: string; bits: number }>(sql`update enforcement_challenges set used_at = ${now.toISOString()}
    where id = ${id} and used_at is null and expires_at > ${now.toISOString()} returning salt, bits`);
  if (!c) throw badRequest('验证已失效，请刷新页面后重新提交', 'Challenge expired or used');
  if (!powOk(c.salt, nonce, c.bits)) throw badRequest('验证未通过，请刷新页面后重新提交', 'Proof of work failed');
}
