// Nearest emergency resources around random points of the county with 10,000 resources (2,000 of each kind,
// generated in bulk in SQL beside the demo county's own), through ResourcesDirectory.nearestResources as the incident
// desk calls it: every kind within 50 km, one kind within 5 km, warehouses holding an item, and a town account's
// scoped search. Median, p95 and p99 per query; results in bench/results/command-resources-<db>.json.
// Run: npx tsx bench/command-resources.ts [count]       (PGlite in memory)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/command-resources.ts   (PostgreSQL; the database is wiped)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../server/platform/auth/actor.js';
import { sql } from '../server/platform/db/sql.js';
import { resourcesDirectory } from '../server/domains/command/resources/directory.js';
import type { NearestQuery } from '../server/domains/command/ports.js';
import { benchDbKind, openBenchDb } from './bench-db.js';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const db = await openBenchDb();

// Bulk rows: positions spread over the county (113.08, 28.80 ± 0.3°), regions cycling through its towns and villages.
const per = Math.ceil(N / 5);
const existing = (await db.one<{ n: number }>(sql`select (select count(*) from resource_teams) + (select count(*) from resource_experts) + (select count(*) from resource_warehouses)
  + (select count(*) from resource_shelters) + (select count(*) from resource_equipment) as n`)).n;
let t = performance.now();
const pos = `113.08 + ((g * 7919) % 6000 - 3000) / 10000.0, 28.8 + ((g * 104729) % 6000 - 3000) / 10000.0`;
const regions = `(select row_number() over (order by code) - 1 as i, code from regions where code like '430699%' and level in ('town', 'village')) r`;
const regionJoin = `join ${regions} on r.i = g % (select count(*) from regions where code like '430699%' and level in ('town', 'village'))`;
await db.exec(`insert into resource_teams (id, name, kind, region_code, lng, lat, leader, leader_phone, planned_strength, specialities, readiness)
  select gen_random_uuid(), '基准队伍' || g, (array['professional','fire','forest_fire','flood','hazchem','mine','town','village','social'])[1 + g % 9], r.code, ${pos},
    '队长' || g, '138' || lpad(g::text, 8, '0'), 10 + g % 30, array['防汛抢险'], (array['ready','ready','ready','dispatched','off_duty'])[1 + g % 5]
  from generate_series(1, ${per}) g ${regionJoin}`);
await db.exec(`insert into resource_team_members (id, team_id, name, role, phone)
  select gen_random_uuid(), t.id, '队员' || k, '队员', '139' || lpad(k::text, 8, '0') from resource_teams t cross join generate_series(1, 8) k where t.name like '基准队伍%'`);
await db.exec(`insert into resource_experts (id, name, fields, title, unit, phone, region_code, lng, lat)
  select gen_random_uuid(), '基准专家' || g, array[(array['危险化学品','消防','防汛抗旱','地质灾害','医疗救护'])[1 + g % 5]], '高级工程师', '某单位', '137' || lpad(g::text, 8, '0'), r.code, ${pos}
  from generate_series(1, ${per}) g ${regionJoin}`);
await db.exec(`insert into resource_warehouses (id, name, level, region_code, lng, lat, keeper, keeper_phone)
  select gen_random_uuid(), '基准储备库' || g, 'town', r.code, ${pos}, '保管员' || g, '136' || lpad(g::text, 8, '0') from generate_series(1, ${per}) g ${regionJoin}`);
await db.exec(`insert into resource_stock (id, warehouse_id, item_id, quantity, min_level)
  select gen_random_uuid(), w.id, i.id, 10 + abs(hashtext(w.id::text || i.id::text)) % 500, 20 from resource_warehouses w cross join resource_items i
  where w.name like '基准储备库%' and abs(hashtext(w.id::text || i.id::text)) % 4 = 0`);
await db.exec(`insert into resource_shelters (id, name, kind, region_code, lng, lat, capacity, occupancy, manager, manager_phone)
  select gen_random_uuid(), '基准避难场所' || g, 'indoor', r.code, ${pos}, 100 + g % 900, (g % 7) * 50, '管理员' || g, '135' || lpad(g::text, 8, '0')
  from generate_series(1, ${per}) g ${regionJoin}`);
await db.exec(`insert into resource_equipment (id, name, kind, quantity, status, region_code, lng, lat, keeper, keeper_phone)
  select gen_random_uuid(), '基准装备' || g, (array['vehicle','heavy','pump','generator','boat'])[1 + g % 5], 1 + g % 4, (array['ready','ready','in_use','repair'])[1 + g % 4], r.code, ${pos},
    '保管员' || g, '134' || lpad(g::text, 8, '0') from generate_series(1, ${per}) g ${regionJoin}`);
await db.exec('analyze');
const total = (await db.one<{ n: number }>(sql`select (select count(*) from resource_teams) + (select count(*) from resource_experts) + (select count(*) from resource_warehouses)
  + (select count(*) from resource_shelters) + (select count(*) from resource_equipment) as n`)).n;
console.log(`${benchDbKind()}: ${total} resources (${existing} from the demo) generated in ${Math.round(performance.now() - t)} ms`);

// Deterministic points over the county.
let seed = 20220630;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const point = () => ({ lng: 112.8 + rand() * 0.56, lat: 28.52 + rand() * 0.56 });
const staff: Actor = { kind: 'account', id: null, name: 'bench', roles: ['staff'], permissions: new Set(['command:read', 'command:write']), scope: { kind: 'all' } };
const town: Actor = { ...staff, scope: { kind: 'region', regionCode: '430699101000' } };

const QUERIES: [string, Actor, Omit<NearestQuery, 'lng' | 'lat'>][] = [
  ['all kinds, 50 km, 10 each', staff, {}],
  ['teams of one kind, 5 km', staff, { kinds: ['team'], teamKind: 'flood', radiusM: 5_000 }],
  ['warehouses holding 编织袋, 20 km', staff, { kinds: ['warehouse'], item: '编织袋', radiusM: 20_000 }],
  ['town account, all kinds, 50 km', town, {}],
];
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const results: Record<string, { medianMs: number; p95Ms: number; p99Ms: number; meanRows: number }> = {};
for (const [name, actor, q] of QUERIES) {
  for (let i = 0; i < 10; i++) await resourcesDirectory.nearestResources(db, actor, { ...point(), ...q });
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const at = point();
    t = performance.now();
    rows += (await resourcesDirectory.nearestResources(db, actor, { ...at, ...q })).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r1 = (x: number) => Math.round(x * 10) / 10;
  results[name] = { medianMs: r1(pct(times, 0.5)), p95Ms: r1(pct(times, 0.95)), p99Ms: r1(pct(times, 0.99)), meanRows: r1(rows / RUNS) };
  console.log(`${name.padEnd(36)} median ${String(results[name].medianMs).padStart(7)} ms   p95 ${String(results[name].p95Ms).padStart(7)} ms   p99 ${String(results[name].p99Ms).padStart(7)} ms   rows ${results[name].meanRows}`);
}
const out = { db: benchDbKind(), resources: total, runs: RUNS, at: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), results };
fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
fs.writeFileSync(path.join('bench', 'results', `command-resources-${out.db}.json`), JSON.stringify(out, null, 2) + '\n');
await db.close();
