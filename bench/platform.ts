// Platform benchmark: demo load, audit append and verify, login, and the busiest read routes over real HTTP
// with autocannon in a second process. Prints figures and writes bench/results/platform-<db>.json.
// Run: npx tsx bench/platform.ts            (PGlite, in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/platform.ts   (PostgreSQL; the database is wiped)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../demo/index.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { SYSTEM_ACTOR } from '../server/platform/auth/actor.js';
import type { Db } from '../server/platform/db/db.js';
import { migrate } from '../server/platform/db/migrate.js';
import { PgliteDb } from '../server/platform/db/pglite.js';
import { PostgresDb } from '../server/platform/db/postgres.js';
import { createPlatform } from '../server/platform/platform.js';

const url = process.env.BENCH_DATABASE_URL;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const results: Record<string, unknown> = { db: url ? 'postgres' : 'pglite', node: process.version, cpus: os.cpus().length, at: new Date().toISOString() };
const ms = (t: number) => Math.round((performance.now() - t) * 10) / 10;

async function open(): Promise<Db> {
  if (!url) return PgliteDb.open({});
  const db = await PostgresDb.open(url, 10);
  await db.exec('drop schema public cascade; create schema public;');
  return db;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development', LOGIN_RATE_LIMIT: '100000' });

let t = performance.now();
const db = await open();
results.openMs = ms(t);
t = performance.now();
await migrate(db);
results.migrateMs = ms(t);
const p = createPlatform(config, db);
t = performance.now();
const demo = await loadDemo(db, { hashPassword: (pw) => p.hasher.hash(pw) });
results.demoLoadMs = ms(t);
results.demoRows = Object.values(demo.counts).reduce((a, b) => a + b, 0);

// Audit: one record per transaction, as a business change writes it.
const N = 2000;
t = performance.now();
for (let i = 0; i < N; i++) {
  await db.tx((tx) => p.audit.record(tx, SYSTEM_ACTOR, { requestId: 'bench' }, { action: 'bench.write', entityType: 'bench', entityId: String(i), after: { i, name: '压力测试记录' } }));
}
const appendMs = performance.now() - t;
results.auditAppendPerSec = Math.round(N / (appendMs / 1000));
t = performance.now();
const v = await p.audit.verify(db);
results.auditVerifyPerSec = Math.round(v.checked / ((performance.now() - t) / 1000));
results.auditVerified = v.checked;

// argon2id at the configured cost: what one login costs in CPU.
t = performance.now();
for (let i = 0; i < 10; i++) await p.hasher.verify(await p.hasher.hash('Yingji@2026'), 'Yingji@2026');
results.argon2HashPlusVerifyMs = Math.round(ms(t) / 10);

const app = await buildApp(p);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'town_baitang', password: 'Yingji@2026' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];

/** autocannon in its own process (the two cores are shared, as in production on a small server). */
async function load(route: string, connections = 50) {
  const child = spawn(process.execPath, [path.join('node_modules', 'autocannon', 'autocannon.js'), '-j', '-c', String(connections), '-d', String(seconds), '-H', `cookie=${cookie}`, base + route]);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  await new Promise((resolve) => child.on('exit', resolve));
  const j = JSON.parse(out);
  return { reqPerSec: Math.round(j.requests.average), p50ms: j.latency.p50, p99ms: j.latency.p99, errors: j.errors + j.non2xx };
}

await new Promise((resolve) => setTimeout(resolve, 200));
results.http = {
  health: await load('/api/health'),
  me: await load('/api/auth/me'),
  regionsTree: await load('/api/regions/tree'),
  inboxUnread: await load('/api/inbox/unread-count'),
  filesList: await load('/api/files?pageSize=20'),
};
await app.close();
await db.close();
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `platform-${results.db}.json`), JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
