// Vitest global setup: build one migrated database with the demo county, for every test file to clone.
// PGlite: a dumped data directory (clone ~1 s). PostgreSQL (TEST_DATABASE_URL): a template database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../../demo/index.js';
import { argon2Hasher } from '../platform/auth/passwords.js';
import { migrate } from '../platform/db/migrate.js';
import { PgliteDb } from '../platform/db/pglite.js';
import { PostgresDb } from '../platform/db/postgres.js';
import { AuditLog } from '../platform/audit/audit.js';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/db.js';
import { pgTemplateFile, TEST_AUDIT_KEY } from './env.js';

async function seed(db: Db) {
  await migrate(db);
  const s = await loadDemo(db, { hashPassword: (p) => argon2Hasher(1024).hash(p) });
  await new AuditLog(Buffer.from(TEST_AUDIT_KEY)).recordAlone(db, SYSTEM_ACTOR, {}, { action: 'demo.load', entityType: 'demo', after: s.counts });
}

/** Browser tests serve web/dist: build it once here, not once per test file (parallel builds would race). */
function buildWebForBrowserTests() {
  if (process.env.TEST_DATABASE_URL || !fs.existsSync('/usr/bin/chromium')) return; // browser tests are skipped then
  // API-only runs during development (several at once) skip it: they serve no pages.
  if (process.env.YINGJI_SKIP_WEB_BUILD === '1') return;
  // Vitest sets NODE_ENV=test, which would bundle React's development build.
  const r = spawnSync(process.execPath, ['bin/build-web-if-needed.js'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0) throw new Error('前端构建失败（web/dist），浏览器测试无法运行');
}

/** The audit walk's folder for this run (server/platform/audit/audit-walk.ts); earlier runs' folders are removed. */
function auditWalkFolder() {
  const root = path.resolve('.test-tmp', 'audit-walk');
  fs.mkdirSync(root, { recursive: true });
  for (const name of fs.readdirSync(root)) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    let alive = true;
    try { process.kill(pid, 0); } catch { alive = false; }
    if (!alive) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const dir = path.join(root, `${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(root, 'last-run'), dir);
  return dir;
}

export default async function setup() {
  process.env.YINGJI_TEST_RUN = `${process.pid}`;
  process.env.YINGJI_AUDIT_WALK_DIR = auditWalkFolder();
  buildWebForBrowserTests();
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `yingji_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const u = new URL(url); u.pathname = `/${name}`;
    const db = await PostgresDb.open(u.toString(), 2);
    await seed(db);
    await db.close();
    process.env.YINGJI_PG_TEMPLATE = name;
    return async () => { await admin.query(`drop database if exists ${name} with (force)`).catch(() => {}); await admin.end(); };
  }
  const db = await PgliteDb.open({});
  await seed(db);
  const dump = await db.pg.dumpDataDir('gzip');
  fs.writeFileSync(pgTemplateFile(), Buffer.from(await dump.arrayBuffer()));
  await db.close();
  return () => { fs.rmSync(pgTemplateFile(), { force: true }); };
}
