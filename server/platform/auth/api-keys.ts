// API keys for devices and external systems: random, shown once, stored as SHA-256 (the keys carry 256 bits of
// randomness, so a fast hash is enough — a password hash would only slow every device message).
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import type { DataScope } from './actor.js';

export interface ApiKeyRow {
  id: string; name: string; prefix: string; permissions: string[]; scope_kind: DataScope['kind']; scope_region_code: string | null;
  scope_org_id: string | null; scope_enterprise_id: string | null; created_by: string | null; created_at: Date; revoked_at: Date | null;
}

/** The stored form of a key. */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new random key: `yj_` + 43 base64url characters. */
export const newApiKey = () => `yj_${randomBytes(32).toString('base64url')}`;

export interface NewApiKey { name: string; permissions: string[]; scope?: DataScope; createdBy: string | null }

/** Create a key in the caller's transaction; the plain key is returned once and never stored. */
export async function createApiKey(tx: Queryable, k: NewApiKey): Promise<{ id: string; key: string; prefix: string }> {
  const id = uuidv7();
  const key = newApiKey();
  const prefix = key.slice(0, 10);
  const s = k.scope ?? { kind: 'all' };
  await tx.execute(sql`insert into api_keys (id, name, key_hash, prefix, permissions, scope_kind, scope_region_code, scope_org_id, scope_enterprise_id, created_by)
    values (${id}, ${k.name}, ${hashApiKey(key)}, ${prefix}, ${k.permissions}::text[], ${s.kind}, ${s.regionCode ?? null}, ${s.orgId ?? null},
    ${s.enterpriseId ?? null}, ${k.createdBy})`);
  return { id, key, prefix };
}

/** The live (not revoked) key row for a presented key, or undefined. */
export async function verifyApiKey(db: Queryable, key: string | undefined | null): Promise<ApiKeyRow | undefined> {
  if (!key || key.length > 200) return undefined;
  return db.maybeOne<ApiKeyRow>(sql`select id, name, prefix, permissions, scope_kind, scope_region_code, scope_org_id, scope_enterprise_id,
    created_by, created_at, revoked_at from api_keys where key_hash = ${hashApiKey(key)} and revoked_at is null`);
}

/** Revoke a key; returns whether it was live. */
export async function revokeApiKey(tx: Queryable, id: string, at: Date): Promise<boolean> {
  return (await tx.execute(sql`update api_keys set revoked_at = ${at.toISOString()} where id = ${id} and revoked_at is null`)) > 0;
}

/** One key's row (revoked or not). */
export const findApiKey = (db: Queryable, id: string) =>
  db.maybeOne<ApiKeyRow>(sql`select id, name, prefix, permissions, scope_kind, scope_region_code, scope_org_id, scope_enterprise_id,
    created_by, created_at, revoked_at from api_keys where id = ${id}`);
