// Forward-only SQL migrations from db/migrations, checksummed: a changed applied file stops startup.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db.js';
import { sql } from './sql.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations');

export interface MigrationFile { version: string; name: string; file: string; checksum: string; text: string }

export class MigrationError extends Error {}

/** The migration files in order, with their SHA-256 checksums. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs.readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        file,
        text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

async function ensureTable(db: Db) {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
}

/** Applied versions and files not yet applied; throws MigrationError when an applied file changed or vanished. */
export async function migrationStatus(db: Db, dir = MIGRATIONS_DIR) {
  await ensureTable(db);
  const files = readMigrations(dir);
  const applied = await db.query<{ version: string; name: string; checksum: string }>(
    sql`select version, name, checksum from schema_migrations order by version`);
  const byVersion = new Map(files.map((f) => [f.version, f]));
  for (const a of applied) {
    const f = byVersion.get(a.version);
    if (!f) {
      throw new MigrationError(`数据库已执行迁移 ${a.version}_${a.name}，但 db/migrations 中找不到该文件；请恢复该文件或使用匹配的程序版本 (applied migration ${a.version}_${a.name} is missing from db/migrations)`);
    }
    if (f.checksum !== a.checksum) {
      throw new MigrationError(`迁移文件 ${f.file} 在执行后被修改（校验和不符），已拒绝启动。已执行的迁移不可修改，请还原该文件并新建一个迁移 (migration ${f.file} changed after it was applied: checksum mismatch)`);
    }
  }
  const done = new Set(applied.map((a) => a.version));
  return { applied, pending: files.filter((f) => !done.has(f.version)), files };
}

/** Apply pending migrations, each in its own transaction; returns the files applied. */
export async function migrate(db: Db, dir = MIGRATIONS_DIR, log: (m: string) => void = () => {}): Promise<string[]> {
  if (db.kind === 'postgres') await db.exec('select pg_advisory_lock(724001)');
  try {
    const { pending } = await migrationStatus(db, dir);
    for (const m of pending) {
      await db.tx(async (tx) => {
        await tx.exec(m.text);
        await tx.execute(sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`);
      });
      log(`applied migration ${m.file}`);
    }
    return pending.map((m) => m.file);
  } finally {
    if (db.kind === 'postgres') await db.exec('select pg_advisory_unlock(724001)');
  }
}
