// Backups (备份) and restore (恢复): the database and the uploaded files, with a manifest that lets a restore
// prove it brought back every table and every file.
//
// A backup is a directory `yingji-<UTC stamp>/` under BACKUP_DIR:
//   manifest.json    format, time, program version, back end, migrations, per-table row count and fingerprint,
//                    per-file sha256 and size
//   database.tar.gz  PGlite: its data directory (dumpDataDir, taken under PGlite's query lock, so it is
//                    crash-consistent: uncommitted work is rolled back on restore, as after a power cut)
//   database.dump    PostgreSQL: `pg_dump --format=custom` (restore also works with pg_restore by hand)
//   files/           the content-addressed blobs, same layout as DATA_DIR/files
// It is written under a `.partial` name and renamed when complete, so a crash never leaves a backup that
// looks whole. Restore runs with the server stopped, verifies the manifest first, keeps what it replaces
// (`*.before-restore-<stamp>`), and compares every table's fingerprint and every file's hash afterwards.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { PgliteDb } from '../db/pglite.js';

export const BACKUP_FORMAT = 'yingji-backup/1';

export interface TableFingerprint { rows: number; fingerprint: string }
export interface BackupFile { path: string; sha256: string; bytes: number }

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  version: string;
  database: 'pglite' | 'postgres';
  migrations: string[];
  tables: Record<string, TableFingerprint>;
  files: BackupFile[];
  /** Wall time of the backup, ms. */
  elapsedMs: number;
}

export class BackupError extends Error {}

export interface BackupTarget {
  db: Db;
  /** PostgreSQL connection string when db is PostgreSQL (pg_dump/pg_restore need it). */
  databaseUrl?: string;
  /** DATA_DIR/files. */
  filesDir: string;
  version: string;
}

/**
 * Row count and an order-independent fingerprint of every table in the public schema: the sum of the first
 * 60 bits of md5(row text). Equal fingerprints after a restore mean the same rows (up to a 2^-60 chance).
 */
export async function fingerprintTables(db: Queryable): Promise<Record<string, TableFingerprint>> {
  const tables = await db.query<{ name: string }>(sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const out: Record<string, TableFingerprint> = {};
  for (const { name } of tables) {
    const r = await db.one<{ rows: string; fp: string | null }>(sql`select count(*)::text as rows,
      sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint::numeric)::text as fp from ${sql.id(name)} t`);
    out[name] = { rows: Number(r.rows), fingerprint: r.fp ?? '0' };
  }
  return out;
}

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    fs.createReadStream(file).on('error', reject).on('data', (c) => h.update(c)).on('end', () => resolve(h.digest('hex')));
  });
}

/** The blobs under a files directory (the upload scratch folder `tmp` is not part of it). */
function listBlobs(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (!(dir === root && e.name === 'tmp')) walk(p); } else if (e.isFile()) out.push(path.relative(root, p));
    }
  };
  walk(root);
  return out.sort();
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', (e) => reject(new BackupError(`无法运行 ${cmd}：${e.message}（PostgreSQL 的备份与恢复需要安装 postgresql-client）`)));
    child.on('close', (code) => code === 0 ? resolve() : reject(new BackupError(`${cmd} 失败（退出码 ${code}）：${err.trim().slice(0, 2000)}`)));
  });
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Take a backup into `outDir`; returns its directory and manifest. Older backups beyond `keep` are removed. */
export async function createBackup(t: BackupTarget, outDir: string, opts: { now?: Date; keep?: number; log?: (m: string) => void } = {}) {
  const started = performance.now();
  const now = opts.now ?? new Date();
  const log = opts.log ?? (() => {});
  // Two backups in the same second (an administrator clicking twice, a scheduled one meeting a manual one) get
  // -2, -3 …; names still sort by time.
  let name = `yingji-${stamp(now)}`;
  for (let n = 2; fs.existsSync(path.join(outDir, name)) || fs.existsSync(path.join(outDir, `${name}.partial`)); n++) name = `yingji-${stamp(now)}-${n}`;
  const final = path.join(outDir, name);
  const partial = `${final}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    const migrations = (await t.db.query<{ version: string; name: string }>(sql`select version, name from schema_migrations order by version`))
      .map((m) => `${m.version}_${m.name}`);
    // The fingerprints and the dump must describe the same state: PGlite serialises them (one connection, the dump
    // waits for the query lock); on PostgreSQL the fingerprints are taken in one repeatable-read snapshot that
    // pg_dump then shares (--snapshot).
    let tables: Record<string, TableFingerprint>;
    if (t.db instanceof PgliteDb) {
      log('备份：导出 PGlite 数据目录…');
      await t.db.exec('checkpoint');
      tables = await fingerprintTables(t.db);
      const blob = await t.db.pg.dumpDataDir('gzip');
      fs.writeFileSync(path.join(partial, 'database.tar.gz'), Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    } else {
      if (!t.databaseUrl) throw new BackupError('PostgreSQL 备份需要 DATABASE_URL');
      log('备份：pg_dump 导出数据库…');
      tables = await exportPostgres(t.db, t.databaseUrl, path.join(partial, 'database.dump'));
    }
    log(`备份：复制附件…`);
    const files: BackupFile[] = [];
    for (const rel of listBlobs(t.filesDir)) {
      const src = path.join(t.filesDir, rel);
      const dest = path.join(partial, 'files', rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(src, dest);
      files.push({ path: rel, sha256: await sha256File(dest), bytes: fs.statSync(dest).size });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT, createdAt: now.toISOString(), version: t.version, database: t.db.kind, migrations, tables, files,
      elapsedMs: Math.round(performance.now() - started),
    };
    fs.writeFileSync(path.join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));
    fs.renameSync(partial, final);
    const removed = opts.keep ? prune(outDir, opts.keep) : [];
    log(`备份完成：${final}（${Object.keys(tables).length} 张表，${files.length} 个附件，${manifest.elapsedMs} ms）`);
    return { dir: final, manifest, removed };
  } catch (e) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}

async function exportPostgres(db: Db, url: string, file: string): Promise<Record<string, TableFingerprint>> {
  // A repeatable-read transaction exports its snapshot; pg_dump reads the same state the fingerprints describe.
  return db.tx(async (tx) => {
    await tx.exec('set transaction isolation level repeatable read');
    const { id } = await tx.one<{ id: string }>(sql`select pg_export_snapshot() as id`);
    const tables = await fingerprintTables(tx);
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${id}`, `--file=${file}`, `--dbname=${url}`]);
    return tables;
  });
}

/** The complete backups in a directory, newest first. */
export function listBackups(outDir: string): { name: string; dir: string; manifest: BackupManifest }[] {
  if (!fs.existsSync(outDir)) return [];
  return fs.readdirSync(outDir)
    .filter((n) => /^yingji-\d{8}T\d{6}Z(-\d+)?$/.test(n) && fs.existsSync(path.join(outDir, n, 'manifest.json')))
    .sort().reverse()
    .map((name) => ({ name, dir: path.join(outDir, name), manifest: JSON.parse(fs.readFileSync(path.join(outDir, name, 'manifest.json'), 'utf8')) as BackupManifest }));
}

/** Keep the newest `keep` backups; returns the names removed. */
export function prune(outDir: string, keep: number): string[] {
  const old = listBackups(outDir).slice(keep);
  for (const b of old) fs.rmSync(b.dir, { recursive: true, force: true });
  return old.map((b) => b.name);
}

/** Read a backup's manifest and check its files are all there and intact, before anything is replaced. */
export async function verifyBackup(dir: string): Promise<BackupManifest> {
  const mf = path.join(dir, 'manifest.json');
  if (!fs.existsSync(mf)) throw new BackupError(`${dir} 不是完整的备份：缺少 manifest.json`);
  const manifest = JSON.parse(fs.readFileSync(mf, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`不支持的备份格式 ${manifest.format}（应为 ${BACKUP_FORMAT}）`);
  const dbFile = path.join(dir, manifest.database === 'pglite' ? 'database.tar.gz' : 'database.dump');
  if (!fs.existsSync(dbFile)) throw new BackupError(`备份缺少数据库文件 ${path.basename(dbFile)}`);
  for (const f of manifest.files) {
    const p = path.join(dir, 'files', f.path);
    if (!fs.existsSync(p)) throw new BackupError(`备份缺少附件 ${f.path}`);
    if (await sha256File(p) !== f.sha256) throw new BackupError(`备份中的附件 ${f.path} 已损坏（校验和不符）`);
  }
  return manifest;
}

export interface RestoreTarget {
  kind: 'pglite' | 'postgres';
  /** PGlite: the data directory to create (DATA_DIR/pgdata); it is moved aside if it exists. */
  pgliteDir?: string;
  databaseUrl?: string;
  filesDir: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  tablesCompared: number;
  rowsCompared: number;
  filesCompared: number;
  /** Where the replaced data went (nothing is deleted by a restore). */
  keptAside: string[];
}

/**
 * Restore a backup into a stopped installation of the same back end, then prove it: every table's row count and
 * fingerprint and every file's hash must equal the manifest's. `open` opens the restored database for the check.
 */
export async function restoreBackup(dir: string, target: RestoreTarget, open: () => Promise<Db>, opts: { now?: Date; log?: (m: string) => void } = {}): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const manifest = await verifyBackup(dir);
  if (manifest.database !== target.kind) {
    throw new BackupError(`这是 ${manifest.database === 'pglite' ? 'PGlite' : 'PostgreSQL'} 的备份，不能恢复到 ${target.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}；请使用相同的数据库类型`);
  }
  const aside = `.before-restore-${stamp(opts.now ?? new Date())}`;
  const keptAside: string[] = [];
  if (target.kind === 'pglite') {
    const pgdir = target.pgliteDir!;
    if (fs.existsSync(pgdir)) { fs.renameSync(pgdir, pgdir + aside); keptAside.push(pgdir + aside); }
    log('恢复：载入 PGlite 数据目录…');
    const blob = new Blob([fs.readFileSync(path.join(dir, 'database.tar.gz'))]);
    const db = await PgliteDb.open({ dataDir: pgdir, loadDataDir: blob });
    await db.close();
  } else {
    if (!target.databaseUrl) throw new BackupError('恢复到 PostgreSQL 需要 DATABASE_URL');
    log('恢复：pg_restore 载入数据库…');
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction',
      `--dbname=${target.databaseUrl}`, path.join(dir, 'database.dump')]);
  }
  log('恢复：复制附件…');
  if (fs.existsSync(target.filesDir) && listBlobs(target.filesDir).length) {
    fs.renameSync(target.filesDir, target.filesDir + aside);
    keptAside.push(target.filesDir + aside);
  }
  for (const f of manifest.files) {
    const dest = path.join(target.filesDir, f.path);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(path.join(dir, 'files', f.path), dest);
  }
  log('恢复：逐表、逐文件核对…');
  const db = await open();
  try {
    const now = await fingerprintTables(db);
    const problems: string[] = [];
    for (const [table, want] of Object.entries(manifest.tables)) {
      const got = now[table];
      if (!got) problems.push(`缺少表 ${table}`);
      else if (got.rows !== want.rows || got.fingerprint !== want.fingerprint) problems.push(`表 ${table}：备份 ${want.rows} 行，恢复后 ${got.rows} 行${got.rows === want.rows ? '（内容不同）' : ''}`);
    }
    for (const f of manifest.files) {
      if (await sha256File(path.join(target.filesDir, f.path)) !== f.sha256) problems.push(`附件 ${f.path} 与备份不符`);
    }
    if (problems.length) throw new BackupError(`恢复后核对不一致：${problems.slice(0, 20).join('；')}`);
    return {
      manifest, keptAside, tablesCompared: Object.keys(manifest.tables).length,
      rowsCompared: Object.values(manifest.tables).reduce((s, t) => s + t.rows, 0), filesCompared: manifest.files.length,
    };
  } finally {
    await db.close();
  }
}
