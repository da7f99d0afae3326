// 一张图's layers on the demo county: median and p95 of each layer as the map asks for it (the whole county for a county
// account, one town for a town account, a bbox, the time window of the timed layers), through the service the route calls.
// Optionally more enterprises, bulk-generated over the county, to see the capped enterprises layer at scale.
// Run: npx tsx bench/situation-map.ts [extraEnterprises]                (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/situation-map.ts     (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { permissionsOf } from '../contracts/roles.js';
import { SITUATION_LAYER_KEYS, type LayerQuery } from '../contracts/situation.js';
import type { Actor } from '../server/platform/auth/actor.js';
import type { Ctx } from '../server/platform/context.js';
import { sql } from '../server/platform/db/sql.js';
import { layerFeatures } from '../server/domains/situation/situation.service.js';
import { BENCH_DATABASE_URL, openBenchDb } from './bench-db.js';

const EXTRA = Number(process.argv[2] ?? 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const db = await openBenchDb();

if (EXTRA > 0) {
  const villages = `(select row_number() over (order by code) - 1 as i, code from regions where level = 'village') v on v.i = g % (select count(*) from regions where level = 'village')`;
  for (let done = 0; done < EXTRA; done += 20_000) {
    const n = Math.min(20_000, EXTRA - done);
    await db.exec(`insert into enterprises (id, name, credit_code, region_code, lng, lat, status, sector, risk_level)
      select gen_random_uuid(), '一张图测试企业' || (${done} + g), 'S' || lpad((${done} + g)::text, 17, '0'), v.code,
        113.08 + (((${done} + g)::bigint * 7919) % 4000 - 2000) / 10000.0, 28.8 + (((${done} + g)::bigint * 104729) % 3000 - 1500) / 10000.0,
        (array['operating','operating','operating','suspended','closed'])[1 + g % 5], (array['hazchem','industry_trade','fireworks','gas','other'])[1 + g % 5],
        (array['red','orange','yellow','blue', null])[1 + g % 5]
      from generate_series(1, ${n}) g join ${villages}`);
  }
  await db.exec('analyze');
}
const enterprises = (await db.one<{ n: number }>(sql`select count(*)::int as n from enterprises`)).n;
const town = (await db.one<{ code: string }>(sql`select code from regions where name = '白塘镇' and level = 'town'`)).code;

const actor = (roles: string[], scope: Actor['scope']): Actor => ({ kind: 'account', id: '00000000-0000-7000-8000-000000000001', name: 'bench', roles,
  permissions: new Set(permissionsOf(roles)), scope });
const county = actor(['leader'], { kind: 'all' });
const townActor = actor(['town'], { kind: 'region', regionCode: town });
const ctxOf = (a: Actor): Ctx => ({ db, actor: a, clock: () => new Date('2022-06-30T16:00:00Z') }) as unknown as Ctx;

const results: Record<string, { medianMs: number; p95Ms: number; points: number; total: number; truncated: boolean; runs: number }> = {};
async function bench(name: string, a: Actor, layer: string, q: LayerQuery = {}) {
  const times: number[] = [];
  let last = { features: [] as unknown[], total: 0, truncated: false };
  for (let i = 0; i < RUNS + 3; i++) {
    const t = performance.now();
    last = await layerFeatures(ctxOf(a), layer, q);
    if (i >= 3) times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 10) / 10;
  results[name] = { medianMs: at(0.5), p95Ms: at(0.95), points: last.features.length, total: last.total, truncated: last.truncated, runs: RUNS };
  console.log(`${name.padEnd(40)} median ${String(at(0.5)).padStart(7)} ms   p95 ${String(at(0.95)).padStart(7)} ms   points ${last.features.length}/${last.total}${last.truncated ? ' (capped)' : ''}`);
}

const YEAR = { from: '2022-01-01', to: '2022-12-31' };
for (const l of SITUATION_LAYER_KEYS) await bench(`county: ${l}`, county, l, ['alarms', 'incidents', 'warnings'].includes(l) ? YEAR : {});
await bench('county: enterprises in a bbox', county, 'enterprises', { bbox: '113.0,28.7,113.15,28.85' });
await bench('county: alarms live', county, 'alarms');
for (const l of ['enterprises', 'hazards', 'flood', 'torrents', 'resources', 'warnings']) await bench(`town: ${l}`, townActor, l, l === 'warnings' ? YEAR : {});

const out = { db: BENCH_DATABASE_URL ? 'postgres' : 'pglite', enterprises, node: process.version, cpus: os.cpus().length, at: new Date().toISOString(), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `situation-map-${out.db}${EXTRA ? `-${enterprises}` : ''}.json`), JSON.stringify(out, null, 2) + '\n');
await db.close();
