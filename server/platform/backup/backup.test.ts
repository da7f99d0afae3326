// Backup → restore round trip on the database under test (PGlite, or PostgreSQL with TEST_DATABASE_URL):
// every table's rows and every file must come back identical; a damaged backup is refused before anything moves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { PgliteDb } from '../db/pglite.js';
import { PostgresDb } from '../db/postgres.js';
import { sql } from '../db/sql.js';
import { BackupError, createBackup, fingerprintTables, listBackups, prune, restoreBackup, verifyBackup } from './backup.js';

let t: TestApp;
let admin: string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-backup-'));
const target = () => ({ db: t.p.db, databaseUrl: t.dbUrl, filesDir: path.join(t.p.config.dataDir, 'files'), version: 'test' });

beforeAll(async () => {
  t = await buildTestApp({}, { BACKUP_DIR: path.join(work, 'backups') });
  admin = await t.login('admin');
  for (const body of ['第一份现场照片', '第二份检查记录']) {
    await t.p.files.put(Readable.from(Buffer.from(`%PDF-1.4\n% ${body}\n%%EOF\n`)));
  }
});
afterAll(async () => { await t.close(); fs.rmSync(work, { recursive: true, force: true }); });

describe('backup and restore', () => {
  it('restores every table and file identically, and says how much it compared', async () => {
    // A row changed after the backup must be undone by the restore.
    const { dir, manifest } = await createBackup(target(), path.join(work, 'b1'), { now: new Date('2026-11-30T02:00:00Z') });
    expect(path.basename(dir)).toBe('yingji-20261130T020000Z');
    expect(manifest.files).toHaveLength(2);
    expect(manifest.tables.enterprises.rows).toBeGreaterThan(2000);
    expect(manifest.migrations.length).toBeGreaterThan(5);
    const before = await fingerprintTables(t.p.db);
    expect(manifest.tables).toEqual(before);

    const restoredFiles = path.join(work, 'restored-files');
    if (t.p.db.kind === 'pglite') {
      const pgliteDir = path.join(work, 'pgdata');
      const r = await restoreBackup(dir, { kind: 'pglite', pgliteDir, filesDir: restoredFiles }, () => PgliteDb.open({ dataDir: pgliteDir }));
      expect(r.tablesCompared).toBe(Object.keys(before).length);
      expect(r.rowsCompared).toBe(Object.values(before).reduce((s, x) => s + x.rows, 0));
      expect(r.filesCompared).toBe(2);
    } else {
      const name = `yingji_r_${process.pid}_${Date.now()}`;
      const adminDb = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await adminDb.connect();
      await adminDb.query(`create database ${name}`);
      const u = new URL(process.env.TEST_DATABASE_URL!); u.pathname = `/${name}`;
      try {
        const r = await restoreBackup(dir, { kind: 'postgres', databaseUrl: u.toString(), filesDir: restoredFiles }, () => PostgresDb.open(u.toString(), 1));
        expect(r.tablesCompared).toBe(Object.keys(before).length);
        expect(r.filesCompared).toBe(2);
      } finally {
        await adminDb.query(`drop database if exists ${name} with (force)`);
        await adminDb.end();
      }
    }
    for (const f of manifest.files) {
      expect(fs.readFileSync(path.join(restoredFiles, f.path))).toEqual(fs.readFileSync(path.join(t.p.config.dataDir, 'files', f.path)));
    }
  });

  it('refuses a damaged backup before touching anything, and a backup of the other back end', async () => {
    const { dir, manifest } = await createBackup(target(), path.join(work, 'b2'));
    const victim = path.join(dir, 'files', manifest.files[0].path);
    fs.appendFileSync(victim, 'x');
    await expect(verifyBackup(dir)).rejects.toThrow(/已损坏/);
    const untouched = path.join(work, 'untouched-files');
    await expect(restoreBackup(dir, { kind: t.p.db.kind, pgliteDir: path.join(work, 'never'), databaseUrl: 'postgres://nobody@127.0.0.1:1/x', filesDir: untouched }, async () => t.p.db))
      .rejects.toThrow(BackupError);
    expect(fs.existsSync(untouched)).toBe(false);
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);

    fs.copyFileSync(path.join(t.p.config.dataDir, 'files', manifest.files[0].path), victim);
    await verifyBackup(dir);
    const other = t.p.db.kind === 'pglite' ? 'postgres' : 'pglite';
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...m, database: other }));
    fs.writeFileSync(path.join(dir, other === 'pglite' ? 'database.tar.gz' : 'database.dump'), '');
    await expect(restoreBackup(dir, { kind: t.p.db.kind, filesDir: untouched }, async () => t.p.db)).rejects.toThrow(/不能恢复到/);
  });

  it('keeps the newest BACKUP_KEEP backups and never lists a half-written one', async () => {
    const out = path.join(work, 'b3');
    for (const h of [1, 2, 3]) await createBackup(target(), out, { now: new Date(`2026-11-0${h}T02:00:00Z`) });
    fs.mkdirSync(path.join(out, 'yingji-20261104T020000Z.partial'));
    expect(listBackups(out).map((b) => b.name)).toEqual(['yingji-20261103T020000Z', 'yingji-20261102T020000Z', 'yingji-20261101T020000Z']);
    expect(prune(out, 2)).toEqual(['yingji-20261101T020000Z']);
    expect(listBackups(out)).toHaveLength(2);
  });

  it('takes two backups in the same second side by side, newest listed first', async () => {
    const out = path.join(work, 'b4');
    const now = new Date('2026-11-05T02:00:00Z');
    const a = await createBackup(target(), out, { now });
    const b = await createBackup(target(), out, { now });
    expect([path.basename(a.dir), path.basename(b.dir)]).toEqual(['yingji-20261105T020000Z', 'yingji-20261105T020000Z-2']);
    expect(listBackups(out).map((x) => x.name)).toEqual(['yingji-20261105T020000Z-2', 'yingji-20261105T020000Z']);
  });

  it('lets an administrator back up now from the API, audited; others may not', async () => {
    const r = await t.as(admin, { method: 'POST', url: '/api/system/backups' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', files: 2 });
    const list = await t.as(admin, { method: 'GET', url: '/api/system/backups' });
    expect(list.json().items.map((b: { name: string }) => b.name)).toContain(r.json().name);
    const audit = await t.p.db.maybeOne(sql`select 1 as one from audit_log where action = 'system.backup' and entity_id = ${r.json().name}`);
    expect(audit).toBeDefined();
    const staff = await t.login('staff');
    expect((await t.as(staff, { method: 'POST', url: '/api/system/backups' })).statusCode).toBe(403);
  });
});
