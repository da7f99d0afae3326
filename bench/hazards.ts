// Hazards at scale: 1,000,000 hazards generated in SQL, then the ledger list (filters, search, scope),
// the statistics and the deadline scan's selections, each timed 30 times: median and p95.
// Run: npx tsx bench/hazards.ts [count]      (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/hazards.ts   (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import path from 'node:path';
import { listHazards } from '../server/domains/hazards/hazards.store.js';
import { hazardStats } from '../server/domains/hazards/hazards.stats.js';
import type { DataScope } from '../server/platform/auth/actor.js';
import { sql } from '../server/platform/db/sql.js';
import { BENCH_DATABASE_URL, openBenchDb } from './bench-db.js';

const N = Number(process.argv[2] ?? 1_000_000);
const RUNS = 30;
const url = BENCH_DATABASE_URL;
const db = await openBenchDb();

// Generated in the database: spread over the villages of the county and 4 years, statuses mixed.
let t = performance.now();
const BATCH = 100_000;
for (let done = 0; done < N; done += BATCH) {
  const n = Math.min(BATCH, N - done);
  await db.exec(`insert into hazards (id, number, enterprise_id, enterprise_name, region_code, title, found_at, found_by, source, sector, level, major_basis, status, deadline, closed_at)
    select gen_random_uuid(), 'BH-' || (${done} + g), e.id, e.name, e.region_code,
      (array['灭火器过期未更换','安全出口指示标志损坏','可燃气体报警器未联动','电气线路私拉乱接','动火作业未办理审批'])[1 + g % 5] || '（' || g || '）',
      timestamptz '2022-01-01 00:00+08' + (g % 1460) * interval '1 day', '检查员', (array['self_check','inspection','supervision','report'])[1 + g % 4],
      e.sector, case when g % 97 = 0 then 'major' else 'general' end, case when g % 97 = 0 then '判定标准' end,
      (array['pending','rectifying','review','closed','closed','closed','closed','closed'])[1 + g % 8],
      date '2022-01-01' + (g % 1460) + 20, case when g % 8 >= 3 then timestamptz '2022-01-01 00:00+08' + (g % 1460 + 10) * interval '1 day' end
    from generate_series(1, ${n}) g
    join (select row_number() over (order by id) - 1 as i, id, name, region_code, sector from enterprises) e
      on e.i = g % (select count(*) from enterprises)`);
  process.stdout.write(`\rgenerated ${done + n} / ${N}`);
}
await db.exec('analyze hazards');
const genSec = (performance.now() - t) / 1000;
console.log(`\ngenerated ${N} hazards in ${genSec.toFixed(1)} s (${Math.round(N / genSec)} rows/s)`);

const today = '2026-11-30';
const all: DataScope = { kind: 'all' };
const town: DataScope = { kind: 'region', regionCode: '430699101000' };
const cases: [string, () => Promise<unknown>][] = [
  ['list, first page (county)', () => listHazards(db, all, {}, today, 1, 20)],
  ['list, page 500 (county)', () => listHazards(db, all, {}, today, 500, 20)],
  ['list, status + overdue', () => listHazards(db, all, { status: 'rectifying', overdue: true }, today, 1, 20)],
  ['list, search "报警器"', () => listHazards(db, all, { q: '报警器' }, today, 1, 20)],
  ['list, major open (county)', () => listHazards(db, all, { level: 'major', status: 'pending' }, today, 1, 20)],
  ['list, one town (scope)', () => listHazards(db, town, {}, today, 1, 20)],
  ['list, period 2022-H1', () => listHazards(db, all, { from: '2022-01-01', to: '2022-06-30' }, today, 1, 20)],
  ['stats by region (county)', () => hazardStats(db, all, {}, 'region', today)],
  ['stats by month, 2022-H1', () => hazardStats(db, all, { from: '2022-01-01', to: '2022-06-30' }, 'month', today)],
  ['deadline scan selection', () => db.query(sql`select h.id from hazards h where h.status in ('pending','rectifying') and h.deadline < ${today}::date
    and h.overdue_notified_for is distinct from h.deadline order by h.deadline limit 1000`)],
];
const results: Record<string, { medianMs: number; p95Ms: number }> = {};
for (const [name, run] of cases) {
  const times: number[] = [];
  await run();
  for (let i = 0; i < RUNS; i++) { t = performance.now(); await run(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  results[name] = { medianMs: Math.round(times[RUNS >> 1] * 10) / 10, p95Ms: Math.round(times[Math.floor(RUNS * 0.95)] * 10) / 10 };
  console.log(`${name.padEnd(32)} median ${String(results[name].medianMs).padStart(8)} ms   p95 ${String(results[name].p95Ms).padStart(8)} ms`);
}
const out = { db: url ? 'postgres' : 'pglite', hazards: N, generateRowsPerSec: Math.round(N / genSec), at: new Date().toISOString(), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `hazards-${out.db}.json`), JSON.stringify(out, null, 2) + '\n');
await db.close();
