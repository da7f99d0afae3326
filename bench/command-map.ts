// The incident command map's nearby query at scale: 100,000 enterprises and 10,000 rescue resources (teams, experts,
// shelters) bulk-generated over the demo county, then the nearby query (every layer, in the caller's scope) around
// random points at 1, 5 and 20 km, and the enterprises layer alone: median, p95 and p99 per case.
// Run: npx tsx bench/command-map.ts [enterprises] [resources]     (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/command-map.ts  (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAP_LAYERS, type MapLayer } from '../contracts/command-reports.js';
import { SYSTEM_ACTOR } from '../server/platform/auth/actor.js';
import { sql } from '../server/platform/db/sql.js';
import { nearbyLayers } from '../server/domains/command/map/nearby.js';
import { resourcesDirectory } from '../server/domains/command/resources/directory.js';
import { BENCH_DATABASE_URL, openBenchDb } from './bench-db.js';

const N = Number(process.argv[2] ?? 100_000);
const R = Number(process.argv[3] ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const db = await openBenchDb();

let t = performance.now();
const existing = (await db.one<{ n: number }>(sql`select count(*)::int as n from enterprises`)).n;
const villages = `(select row_number() over (order by code) - 1 as i, code from regions where level = 'village') v on v.i = g % (select count(*) from regions where level = 'village')`;
// Points spread over the county's extent (about 40 × 30 km around 113.08E, 28.8N), as the demo's own are.
const lng = (k: number, g = 'g') => `113.08 + ((${g}::bigint * ${k}) % 4000 - 2000) / 10000.0`;
const lat = (k: number, g = 'g') => `28.8 + ((${g}::bigint * ${k}) % 3000 - 1500) / 10000.0`;
for (let done = 0; done < N - existing; done += 20_000) {
  const n = Math.min(20_000, N - existing - done);
  await db.exec(`insert into enterprises (id, name, credit_code, region_code, lng, lat, status, sector, risk_level, principal_name, principal_phone)
    select gen_random_uuid(), '汨水市测绘企业' || (${done} + g), 'M' || lpad((${done} + g)::text, 17, '0'), v.code, ${lng(7919, `(${done} + g)`)}, ${lat(104729, `(${done} + g)`)},
      (array['operating','operating','operating','suspended','closed'])[1 + g % 5], (array['hazchem','industry_trade','fireworks','gas','other'])[1 + g % 5],
      (array['red','orange','yellow','blue', null])[1 + g % 5], '负责人' || g % 1000, '138' || lpad((g % 100000000)::text, 8, '0')
    from generate_series(1, ${n}) g join ${villages}`);
}
await db.exec(`insert into major_hazard_sources (id, enterprise_id, name, unit_kind, people_exposed, s_value, identified, alpha, r_value, grade, rule_version)
  select gen_random_uuid(), e.id, '储罐区', 'storage', 60, 2, true, 1.5, 12, 3, 'bench' from enterprises e where e.credit_code like 'M%' and abs(hashtext(e.id::text)) % 100 = 0`);
const teams = Math.round(R * 0.4), experts = Math.round(R * 0.3), shelters = R - teams - experts;
await db.exec(`insert into resource_teams (id, name, kind, region_code, lng, lat, planned_strength)
  select gen_random_uuid(), '测绘救援队' || g, (array['professional','fire','forest_fire','flood','hazchem','mine','town','village','social'])[1 + g % 9], v.code,
    ${lng(6151)}, ${lat(7877)}, 10 + g % 40 from generate_series(1, ${teams}) g join ${villages}`);
await db.exec(`insert into resource_experts (id, name, fields, region_code, lng, lat)
  select gen_random_uuid(), '测绘专家' || g, array[(array['危险化学品','矿山','消防','防汛','地质灾害'])[1 + g % 5]], v.code, ${lng(5003)}, ${lat(9001)}
  from generate_series(1, ${experts}) g join ${villages}`);
await db.exec(`insert into resource_shelters (id, name, kind, region_code, lng, lat, capacity)
  select gen_random_uuid(), '测绘避难场所' || g, (array['indoor','outdoor','both'])[1 + g % 3], v.code, ${lng(4441)}, ${lat(3571)}, 100 + g % 900
  from generate_series(1, ${shelters}) g join ${villages}`);
await db.exec('analyze');
const counts = await db.one<{ e: number; r: number }>(sql`select (select count(*)::int from enterprises) as e,
  (select count(*)::int from resource_teams) + (select count(*)::int from resource_experts) + (select count(*)::int from resource_shelters)
  + (select count(*)::int from resource_warehouses) + (select count(*)::int from resource_equipment) as r`);
console.log(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s: ${counts.e} enterprises, ${counts.r} resources`);

// A fixed sequence of points (an LCG), so runs compare.
let seed = 20220630;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const ALL = Object.keys(MAP_LAYERS) as MapLayer[];
const results: Record<string, { medianMs: number; p95Ms: number; p99Ms: number; meanPoints: number; runs: number }> = {};
async function bench(name: string, radiusM: number, layers: MapLayer[]) {
  const times: number[] = [];
  let points = 0;
  for (let i = 0; i < RUNS + 5; i++) {
    const incident = { id: '00000000-0000-7000-8000-000000000000', number: 'B', title: 'bench', address: 'bench', lng: 113.08 + (rand() - 0.5) * 0.4, lat: 28.8 + (rand() - 0.5) * 0.3 };
    t = performance.now();
    const r = await nearbyLayers(db, SYSTEM_ACTOR, resourcesDirectory, incident, radiusM, layers);
    if (i >= 5) {
      times.push(performance.now() - t);
      points += r.enterprises.length + r.resources.length + r.shelters.length + r.villages.length + r.sensors.length + r.hazards.length + r.hazardSources.length;
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))] * 10) / 10;
  results[name] = { medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), meanPoints: Math.round(points / RUNS), runs: RUNS };
  console.log(`${name.padEnd(34)} median ${String(at(0.5)).padStart(7)} ms   p95 ${String(at(0.95)).padStart(7)} ms   p99 ${String(at(0.99)).padStart(7)} ms   points ${results[name].meanPoints}`);
}
await bench('all layers, 1 km', 1000, ALL);
await bench('all layers, 5 km', 5000, ALL);
await bench('all layers, 20 km', 20_000, ALL);
await bench('enterprises only, 5 km', 5000, ['enterprises']);
await bench('resources + shelters only, 5 km', 5000, ['resources', 'shelters']);

const out = { db: BENCH_DATABASE_URL ? 'postgres' : 'pglite', enterprises: counts.e, resources: counts.r, node: process.version, cpus: os.cpus().length,
  at: new Date().toISOString(), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `command-map-${out.db}.json`), JSON.stringify(out, null, 2) + '\n');
await db.close();
