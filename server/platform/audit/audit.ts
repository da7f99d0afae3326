// The audit trail: one record per change of business data, written in the change's transaction and
// chained with HMAC-SM3 so that any later edit, deletion or reordering is detectable.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import type { Actor } from '../auth/actor.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  action: string;            // e.g. account.create, auth.login_failed
  entityType: string;        // e.g. account
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Where a request came from, carried into each audit record. */
export interface RequestMeta { requestId?: string | null; ip?: string | null }

interface StoredRow {
  seq: number; id: string; at: Date | string; actor_id: string | null; actor_name: string | null; action: string;
  entity_type: string; entity_id: string | null; region_code: string | null; before: unknown; after: unknown;
  request_id: string | null; ip: string | null; prev_hash: string; hash: string;
}

/** JSON with object keys sorted at every level, so jsonb's reordering does not change the hash. */
export function canonicalJson(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

function iso(at: Date | string): string {
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

/** The keyed hash of one record given its predecessor's hash. */
export function chainHash(key: Buffer, r: Omit<StoredRow, 'hash'>): string {
  const material = [r.seq, r.id, iso(r.at), r.actor_id ?? '', r.actor_name ?? '', r.action, r.entity_type, r.entity_id ?? '',
    r.region_code ?? '', canonicalJson(r.before), canonicalJson(r.after), r.request_id ?? '', r.ip ?? '', r.prev_hash].join('\u001f');
  return createHmac('sm3', key).update(material, 'utf8').digest('hex');
}

/** Load the audit key from AUDIT_KEY or its file, creating the file (mode 0600) on first run. */
export function loadAuditKey(opts: { auditKey?: string; auditKeyFile: string }): Buffer {
  if (opts.auditKey) return Buffer.from(opts.auditKey, 'utf8');
  if (!fs.existsSync(opts.auditKeyFile)) {
    fs.mkdirSync(path.dirname(opts.auditKeyFile), { recursive: true, mode: 0o700 });
    fs.writeFileSync(opts.auditKeyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(fs.readFileSync(opts.auditKeyFile, 'utf8').trim(), 'utf8');
}

export interface VerifyResult { ok: boolean; checked: number; brokenAtSeq: number | null; reason: string | null; ms: number }

export class AuditLog {
  constructor(private readonly key: Buffer, private readonly clock: () => Date = () => new Date()) {}

  /** Append one record inside the caller's transaction; serialised so the chain has one order. */
  async record(tx: Queryable, actor: Actor, meta: RequestMeta, e: AuditEntry): Promise<void> {
    // One writer at a time extends the chain (PGlite is one connection already).
    await tx.query(sql`select pg_advisory_xact_lock(724002)`);
    const last = await tx.maybeOne<{ seq: number; hash: string }>(sql`select seq, hash from audit_log order by seq desc limit 1`);
    const row: Omit<StoredRow, 'hash'> = {
      seq: Number(last?.seq ?? 0) + 1,
      id: uuidv7(),
      at: this.clock(),
      actor_id: actor.id,
      actor_name: actor.name,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      region_code: e.regionCode ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      request_id: meta.requestId ?? null,
      ip: meta.ip ?? null,
      prev_hash: last?.hash ?? GENESIS_HASH,
    };
    // Round-trip through JSON so the hash covers exactly what jsonb stores.
    row.before = row.before === null ? null : JSON.parse(JSON.stringify(row.before));
    row.after = row.after === null ? null : JSON.parse(JSON.stringify(row.after));
    const hash = chainHash(this.key, row);
    await tx.execute(sql`insert into audit_log (seq, id, at, actor_id, actor_name, action, entity_type, entity_id, region_code,
      before, after, request_id, ip, prev_hash, hash) values (${row.seq}, ${row.id}, ${iso(row.at)}, ${row.actor_id}, ${row.actor_name},
      ${row.action}, ${row.entity_type}, ${row.entity_id}, ${row.region_code}, ${row.before === null ? null : JSON.stringify(row.before)}::jsonb,
      ${row.after === null ? null : JSON.stringify(row.after)}::jsonb, ${row.request_id}, ${row.ip}, ${row.prev_hash}, ${hash})`);
  }

  /** Append one record in a transaction of its own (login events, permission failures). */
  async recordAlone(db: Db, actor: Actor, meta: RequestMeta, e: AuditEntry): Promise<void> {
    await db.tx((tx) => this.record(tx, actor, meta, e));
  }

  /** Walk the whole chain in order and report the first record that does not match. */
  async verify(db: Queryable): Promise<VerifyResult> {
    const started = performance.now();
    let prevHash = GENESIS_HASH;
    let expectSeq = 1;
    let checked = 0;
    const done = (brokenAtSeq: number | null, reason: string | null): VerifyResult =>
      ({ ok: brokenAtSeq === null, checked, brokenAtSeq, reason, ms: Math.round(performance.now() - started) });
    for (;;) {
      const rows = await db.query<StoredRow>(sql`select * from audit_log where seq >= ${expectSeq} order by seq limit 2000`);
      if (rows.length === 0) return done(null, null);
      for (const r of rows) {
        const seq = Number(r.seq);
        if (seq !== expectSeq) return done(expectSeq, `第 ${expectSeq} 条记录缺失（记录被删除或序号被改动）`);
        if (r.prev_hash !== prevHash) return done(seq, `第 ${seq} 条记录与前一条的链接不符（记录被删除、插入或调换顺序）`);
        const { hash, ...rest } = r;
        if (chainHash(this.key, { ...rest, seq }) !== hash) return done(seq, `第 ${seq} 条记录内容与其哈希不符（记录被篡改）`);
        prevHash = hash;
        expectSeq++;
        checked++;
      }
    }
  }
}
