// The enterprise registry at 100,000 enterprises: generated in SQL (with licences and hazard sources), then
// the list route with the filters and searches people use, the map and an export, each timed through
// app.inject (route, scope, SQL, serialisation): median and p95 per query.
// Run: npx tsx bench/enterprises.ts [count]     (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/enterprises.ts   (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadDemo } from '../demo/index.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { sql } from '../server/platform/db/sql.js';
import { BENCH_DATABASE_URL, openBenchDb } from './bench-db.js';
import { createPlatform } from '../server/platform/platform.js';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const url = BENCH_DATABASE_URL;
const db = await openBenchDb({ demo: false });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development', LOGIN_RATE_LIMIT: '100000', ARGON2_MEMORY_KIB: '1024' });
const p = createPlatform(config, db);
await loadDemo(db, { hashPassword: (pw) => p.hasher.hash(pw) });
const existing = (await db.one<{ n: number }>(sql`select count(*)::int as n from enterprises`)).n;

// Names from trade words × suffixes, spread over the county's villages, sectors, statuses, risk colours and regulators.
const TRADE_A = "'嘉','瑞','宏','鑫','盛','隆','德','信','诚','华','泰','安','康','富','丰','润','荣','兴','旺','长','金','银','宇','新','天','永','万','汇','同','合','顺','佳','聚','亨','锦','湘','楚','岳','汨','屈'";
const TRADE_B = "'源','达','发','通','利','昌','成','祥','和','顺','泰','辉','华','宇','鼎','丰','盛','峰','联','城'";
const SUFFIX = "'化工有限公司','木业有限公司','烟花爆竹零售点','液化气站','石油有限公司加油站','机械制造有限公司','商贸有限公司','建设工程有限公司','宾馆','物流有限公司'";
const SECTOR = "'hazchem','industry_trade','fireworks','gas','hazchem','industry_trade','industry_trade','construction','fire_key','transport'";
const DETAIL = "'production','light',    'retail',   null, 'trading','machinery','commerce', null,           null,      null";
let t = performance.now();
const BATCH = 20_000;
const toMake = Math.max(0, N - existing);
for (let done = 0; done < toMake; done += BATCH) {
  const n = Math.min(BATCH, toMake - done);
  await db.exec(`insert into enterprises (id, name, former_names, credit_code, region_code, address, supervising_org_id, lng, lat, employees, scale,
      status, is_key, sector, sector_detail, flags, risk_level, principal_name, principal_phone)
    select gen_random_uuid(),
      '汨水市' || (array[${TRADE_A}])[1 + g % 40] || (array[${TRADE_B}])[1 + (g / 40) % 20] || (array[${SUFFIX}])[1 + (g / 800) % 10],
      case when g % 20 = 0 then array['汨水市' || (array[${TRADE_A}])[1 + (g / 7) % 40] || '旧厂'] else '{}' end,
      'B' || lpad((${done} + g)::text, 17, '0'), v.code, '汨水市' || v.name || (g % 12 + 1) || '组', o.id,
      113.08 + ((g * 7919) % 4000 - 2000) / 10000.0, 28.8 + ((g * 104729) % 3000 - 1500) / 10000.0, 1 + g % 300,
      (array['micro','small','small','medium'])[1 + g % 4],
      (array['operating','operating','operating','operating','operating','operating','operating','suspended','closed_business','closed'])[1 + g % 10],
      g % 13 = 0, (array[${SECTOR}])[1 + (g / 800) % 10], (array[${DETAIL}])[1 + (g / 800) % 10],
      case when g % 17 = 0 then array['dust_explosion'] else '{}' end,
      (array['red','orange','yellow','yellow','blue','blue','blue', null])[1 + g % 8], '负责人' || g % 1000, '138' || lpad((g % 100000000)::text, 8, '0')
    from generate_series(1, ${n}) g
    join (select row_number() over (order by code) - 1 as i, code, name from regions where level = 'village') v on v.i = g % (select count(*) from regions where level = 'village')
    join (select row_number() over (order by id) - 1 as i, id from organizations where kind in ('department', 'other')) o on o.i = g % (select count(*) from organizations where kind in ('department', 'other'))`);
  process.stdout.write(`\rgenerated ${existing + done + n} / ${N}`);
}
// One licence each (expiring over the next three years) and a hazard source for one enterprise in a hundred.
await db.exec(`insert into enterprise_licences (id, enterprise_id, kind, number, expires_on)
  select gen_random_uuid(), e.id, 'business', e.credit_code, date '2026-11-30' + (abs(hashtext(e.id::text)) % 1095) from enterprises e where e.credit_code like 'B%'`);
await db.exec(`insert into major_hazard_sources (id, enterprise_id, name, unit_kind, people_exposed, s_value, identified, alpha, r_value, grade, rule_version)
  select gen_random_uuid(), e.id, '储罐区', 'storage', 60, 2, true, 1.5, 12, 3, 'bench' from enterprises e where e.credit_code like 'B%' and abs(hashtext(e.id::text)) % 100 = 0`);
await db.exec('analyze');
const genSec = (performance.now() - t) / 1000;
console.log(`\ngenerated ${toMake} enterprises (+ licences, hazard sources) in ${genSec.toFixed(1)} s (${Math.round(toMake / genSec)} enterprises/s)`);

const app = await buildApp(p);
await app.ready();
const login = async (username: string) => {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Yingji@2026' } });
  return `yj_session=${r.cookies.find((c) => c.name === 'yj_session')!.value}`;
};
const staff = await login('staff');
const town = await login('town_baitang');
const q = (s: string) => encodeURIComponent(s);
const cases: [string, string, string, number][] = [
  ['list, first page (county)', staff, '/api/enterprises', RUNS],
  ['list, page 200', staff, '/api/enterprises?page=200', RUNS],
  ['list, sorted by risk', staff, '/api/enterprises?sort=riskLevel', RUNS],
  ['search name "鑫源" (2 chars)', staff, `/api/enterprises?q=${q('鑫源')}`, RUNS],
  ['search name "鑫源液化气站"', staff, `/api/enterprises?q=${q('鑫源液化气站')}`, RUNS],
  ['search former name "嘉旧厂"', staff, `/api/enterprises?q=${q('嘉旧厂')}`, RUNS],
  ['search credit code part', staff, '/api/enterprises?q=00000004242', RUNS],
  ['search address (village)', staff, `/api/enterprises?q=${q('白塘镇')}`, RUNS],
  ['sector + detail + status', staff, '/api/enterprises?sector=fireworks&sectorDetail=retail&status=operating', RUNS],
  ['town + sort by risk', staff, '/api/enterprises?regionCode=430699101000&sort=riskLevel', RUNS],
  ['risk red + key', staff, '/api/enterprises?riskLevel=red&isKey=true', RUNS],
  ['licence expiring ≤ 30 days', staff, '/api/enterprises?licenceExpiringDays=30', RUNS],
  ['has major hazard source', staff, '/api/enterprises?hasMajorHazard=true', RUNS],
  ['town account (scope)', town, '/api/enterprises', RUNS],
  ['town account + search', town, `/api/enterprises?q=${q('化工')}`, RUNS],
  ['map, whole county (20k cap)', staff, '/api/enterprises/map', 10],
  ['map, one town', staff, '/api/enterprises/map?regionCode=430699101000', RUNS],
  ['export, one town (.xlsx)', town, '/api/enterprises/export', 5],
];
const results: Record<string, { medianMs: number; p95Ms: number; total: number | null; runs: number }> = {};
for (const [name, cookie, route, runs] of cases) {
  const times: number[] = [];
  const first = await app.inject({ method: 'GET', url: route, headers: { cookie } });
  if (first.statusCode !== 200) throw new Error(`${route}: ${first.statusCode} ${first.body.slice(0, 200)}`);
  const total = String(first.headers['content-type'] ?? '').includes('json') ? (first.json().total ?? null) : null;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await app.inject({ method: 'GET', url: route, headers: { cookie } });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  results[name] = { medianMs: Math.round(times[runs >> 1] * 10) / 10, p95Ms: Math.round(times[Math.min(runs - 1, Math.floor(runs * 0.95))] * 10) / 10, total, runs };
  console.log(`${name.padEnd(30)} median ${String(results[name].medianMs).padStart(8)} ms   p95 ${String(results[name].p95Ms).padStart(8)} ms   rows ${total ?? '-'}`);
}
const out = { db: url ? 'postgres' : 'pglite', enterprises: N, generateRowsPerSec: Math.round(toMake / genSec), node: process.version, cpus: os.cpus().length, at: new Date().toISOString(), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `enterprises-${out.db}.json`), JSON.stringify(out, null, 2) + '\n');
await app.close();
await p.jobs.stop();
await db.close();
