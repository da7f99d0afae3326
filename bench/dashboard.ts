// The dashboard (综合态势) through HTTP: GET /api/dashboard as the county (leader), one town and one department,
// each timed 30 times after a warm-up: median and p95.
// Run: npx tsx bench/dashboard.ts                      the demo county on PGlite (clock at 2022-06-30, the demo's half-year)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/dashboard.ts          the same on PostgreSQL (its database is wiped)
//      npx tsx bench/dashboard.ts --scale province      the benchmark suite's generated database (bench/suite), reused
//                                                        when `npm run bench -- --scale province` made it before
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { argon2Hasher } from '../server/platform/auth/passwords.js';
import type { Db } from '../server/platform/db/db.js';
import { sql } from '../server/platform/db/sql.js';
import { createPlatform } from '../server/platform/platform.js';
import { BENCH_DATABASE_URL, openBenchDb } from './bench-db.js';
import { openSuiteDb } from './suite/database.js';
import { BENCH_TODAY, SCALES, type ScaleName } from './suite/scales.js';

const argv = process.argv.slice(2);
const scaleName = argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] as ScaleName : undefined;
const RUNS = Number(process.env.RUNS ?? 30);
const hasher = argon2Hasher(1024);

let db: Db;
let label: string;
let now: Date;
if (scaleName) {
  if (!SCALES[scaleName]) throw new Error(`unknown scale ${scaleName}: county | city | province`);
  const t = performance.now();
  const b = await openSuiteDb(SCALES[scaleName], { hashPassword: (pw) => hasher.hash(pw) });
  console.log(`${b.reused ? 'reused' : 'generated'} the ${scaleName} database (${b.where}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  db = b.db;
  label = `${scaleName}-${b.kind}`;
  now = new Date(`${BENCH_TODAY}T02:00:00Z`);
} else {
  db = await openBenchDb({ hashPassword: (pw) => hasher.hash(pw) });
  label = `demo-${BENCH_DATABASE_URL ? 'postgres' : 'pglite'}`;
  now = new Date('2022-06-30T02:00:00Z');
}
const counts = await db.query<{ t: string; n: number }>(sql`select 'enterprises' as t, count(*)::int as n from enterprises
  union all select 'hazards', count(*)::int from hazards union all select 'inspections', count(*)::int from enforcement_inspections`);
console.log(counts.map((c) => `${c.t} ${c.n.toLocaleString('en')}`).join(', '));

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-dashboard-'));
const config = loadConfig({ DATA_DIR: scratch, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development',
  LOGIN_RATE_LIMIT: '100000', ARGON2_MEMORY_KIB: '1024', LOAD_DEMO: 'false' });
const p = createPlatform(config, db, { clock: () => now });
const app = await buildApp(p);
await app.ready();

async function login(username: string): Promise<string | undefined> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Yingji@2026' } });
  if (r.statusCode !== 200) { console.log(`(no account ${username}: ${r.statusCode})`); return undefined; }
  const c = r.cookies.find((x) => x.name === 'yj_session')!;
  return `yj_session=${c.value}`;
}

const who: [string, string, string][] = [
  ['county (leader), year', 'leader', ''],
  ['county (leader), month', 'leader', '?period=month'],
  ['one town (town_baitang)', 'town_baitang', ''],
  ['one department (dept_zhujian)', 'dept_zhujian', ''],
  ['county narrowed to a town', 'leader', '?regionCode=430699101000'],
];
if (scaleName) who.push(['one generated county (bench_county)', 'bench_county', '']);

const results: Record<string, { medianMs: number; p95Ms: number; figures: number }> = {};
for (const [name, username, query] of who) {
  const cookie = await login(username);
  if (!cookie) continue;
  const get = () => app.inject({ method: 'GET', url: `/api/dashboard${query}`, headers: { cookie } });
  const first = await get();
  if (first.statusCode !== 200) throw new Error(`${name}: ${first.statusCode} ${first.body.slice(0, 300)}`);
  const figures = (first.json() as { groups: { figures: unknown[] }[] }).groups.reduce((n, g) => n + g.figures.length, 0);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await get();
    times.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode}`);
  }
  times.sort((a, b) => a - b);
  results[name] = { medianMs: Math.round(times[RUNS >> 1] * 10) / 10, p95Ms: Math.round(times[Math.floor(RUNS * 0.95)] * 10) / 10, figures };
  console.log(`${name.padEnd(40)} ${String(figures).padStart(3)} figures   median ${String(results[name].medianMs).padStart(8)} ms   p95 ${String(results[name].p95Ms).padStart(8)} ms`);
}

const out = { db: label, runs: RUNS, rows: Object.fromEntries(counts.map((c) => [c.t, c.n])), at: new Date().toISOString(), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `dashboard-${label}.json`), JSON.stringify(out, null, 2) + '\n');
await app.close();
await p.jobs.stop();
await db.close();
fs.rmSync(scratch, { recursive: true, force: true });
