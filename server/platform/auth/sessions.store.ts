// Server-side sessions: an opaque token in the cookie, its SHA-256 in the database.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';

export interface SessionRow {
  id: string; account_id: string; created_at: Date; last_seen_at: Date; expires_at: Date;
  revoked_at: Date | null; revoked_reason: string | null; ip: string | null; user_agent: string | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Create a session; returns the token for the cookie (never stored). */
export async function createSession(db: Queryable, a: { accountId: string; now: Date; absoluteHours: number; ip?: string; userAgent?: string }) {
  const token = randomBytes(32).toString('base64url');
  const id = uuidv7();
  const expires = new Date(a.now.getTime() + a.absoluteHours * 3600_000);
  await db.execute(sql`insert into sessions (id, token_hash, account_id, created_at, last_seen_at, expires_at, ip, user_agent)
    values (${id}, ${hashToken(token)}, ${a.accountId}, ${a.now.toISOString()}, ${a.now.toISOString()}, ${expires.toISOString()},
    ${a.ip ?? null}, ${(a.userAgent ?? '').slice(0, 300) || null})`);
  return { id, token, expiresAt: expires };
}

export async function touchSession(db: Queryable, id: string, now: Date) {
  await db.execute(sql`update sessions set last_seen_at = ${now.toISOString()} where id = ${id}`);
}

export async function revokeSession(db: Queryable, id: string, reason: string, now: Date, accountId?: string) {
  return db.execute(sql`update sessions set revoked_at = ${now.toISOString()}, revoked_reason = ${reason}
    where id = ${id} and revoked_at is null ${accountId ? sql`and account_id = ${accountId}` : sql``}`);
}

export async function revokeAccountSessions(db: Queryable, accountId: string, reason: string, now: Date, exceptId?: string) {
  return db.execute(sql`update sessions set revoked_at = ${now.toISOString()}, revoked_reason = ${reason}
    where account_id = ${accountId} and revoked_at is null and expires_at > ${now.toISOString()}
    ${exceptId ? sql`and id <> ${exceptId}` : sql``}`);
}

export async function listAccountSessions(db: Queryable, accountId: string) {
  return db.query<SessionRow>(sql`select * from sessions where account_id = ${accountId} order by created_at desc limit 50`);
}

/** Drop sessions that ended more than 30 days ago (the audit trail keeps the logins). */
export async function purgeOldSessions(db: Queryable, now: Date) {
  const cutoff = new Date(now.getTime() - 30 * 86400_000).toISOString();
  return db.execute(sql`delete from sessions where expires_at < ${cutoff} or revoked_at < ${cutoff}`);
}
