// Flood response fan-out: starting a county-wide response (all 15 towns of the demo county, every facility's
// responsible people: about 1,580 tasks with their outbox messages and the danger points' transfers) through
// startResponse, then the 叫应 task list page and a re-send to everyone unconfirmed. Median, p95 and p99 per step;
// results in bench/results/flood-<db>.json.
// Run: npx tsx bench/flood.ts [runs]       (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/flood.ts   (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config.js';
import { resendUnacked, startResponse, ACK_MINUTES, endResponse } from '../server/domains/flood/flood.service.js';
import { listTasks } from '../server/domains/flood/flood.store.js';
import { SYSTEM_ACTOR } from '../server/platform/auth/actor.js';
import type { Ctx } from '../server/platform/context.js';
import { sql } from '../server/platform/db/sql.js';
import { createPlatform } from '../server/platform/platform.js';
import { benchDbKind, openBenchDb } from './bench-db.js';

const RUNS = Number(process.argv[2] ?? 20);
const db = await openBenchDb();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-flood-'));
const config = loadConfig({ NODE_ENV: 'development', LOAD_DEMO: 'false', DATA_DIR: scratch, AUDIT_KEY: 'bench-audit-key-0123456789abcdef-0123456789', LOG_LEVEL: 'warn' });
const p = createPlatform(config, db);
const ctx: Ctx = { ...p, actor: SYSTEM_ACTOR, meta: {} };
// The outbox's delivery job would share PGlite's one connection with the measured calls: stop it, measure our work only.
await p.jobs.stop();
const towns = (await db.query<{ code: string }>(sql`select code from regions where level = 'town' and code like '430699%' order by code`)).map((r) => r.code);

const times: Record<string, number[]> = { start: [], taskPage: [], resend: [] };
let tasks = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const r = await startResponse(ctx, { level: 2, townCodes: towns, reason: `压测：全市强降雨 ${i}` });
  times.start.push(performance.now() - t);
  t = performance.now();
  const page = await listTasks(db, { kind: 'all' }, r.id, { acked: false }, new Date(), ACK_MINUTES, 1, 50);
  times.taskPage.push(performance.now() - t);
  tasks = page.total;
  t = performance.now();
  await resendUnacked(ctx, r.id);
  times.resend.push(performance.now() - t);
  await endResponse(ctx, r.id);
}
const pct = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const r1 = (x: number) => Math.round(x * 10) / 10;
const result: Record<string, unknown> = { db: benchDbKind(), runs: RUNS, tasksPerResponse: tasks, cpus: os.cpus().length };
for (const [k, xs] of Object.entries(times)) {
  xs.sort((a, b) => a - b);
  result[k] = { medianMs: r1(pct(xs, 0.5)), p95Ms: r1(pct(xs, 0.95)), p99Ms: r1(pct(xs, 0.99)) };
}
console.log(JSON.stringify(result, null, 2));
fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
fs.writeFileSync(path.join(import.meta.dirname, 'results', `flood-${benchDbKind()}.json`), JSON.stringify(result, null, 2) + '\n');
await db.close();
fs.rmSync(scratch, { recursive: true, force: true });
