// The benchmark suite (issue 12): one generated database per scale, the real server listening on loopback, load
// from child processes, and beside every figure the same machine's ceiling measured in the same run — a bare
// Fastify route answering the same bytes (the framework's limit) for HTTP, a bare multi-row INSERT of the same rows
// (the database's limit) for ingest. Results go to bench/results/<date>.json; a Markdown table is printed.
//
//   npm run bench                                   county scale on PGlite (a data folder under /tmp, reused)
//   npm run bench -- --scale city|province          bigger data (see bench/suite/scales.ts)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- --scale province
//                                                   PostgreSQL: database bench_<scale> is made (and reused) there
//   options: --seconds N (per load phase), --regenerate, --only lists,ingest,…, --results <file> (instead of
//            bench/results/<date>.json; the smoke test writes to a temporary folder)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { ingesterFor } from '../server/domains/monitoring/ingest/accept.js';
import { createDevice, issueDeviceKey } from '../server/domains/monitoring/registry/devices.service.js';
import { createSensor } from '../server/domains/monitoring/registry/sensors.service.js';
import { SYSTEM_ACTOR } from '../server/platform/auth/actor.js';
import { argon2Hasher } from '../server/platform/auth/passwords.js';
import type { Ctx } from '../server/platform/context.js';
import { sql } from '../server/platform/db/sql.js';
import { createPlatform } from '../server/platform/platform.js';
import { openSuiteDb } from './suite/database.js';
import { percentile, type LoadPlan, type LoadResult } from './suite/load.js';
import { SCALES, type ScaleName } from './suite/scales.js';
import type { Figure, SuiteBench, SuiteContext, Timing } from './suite/types.js';

const argv = process.argv.slice(2);
const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const scaleName = (arg('scale') ?? 'county') as ScaleName;
const scale = SCALES[scaleName];
if (!scale) { console.error(`unknown scale ${scaleName}: county | city | province`); process.exit(2); }
const seconds = Number(arg('seconds') ?? (scaleName === 'county' ? 5 : 10));
const only = arg('only')?.split(',');
const want = (part: string) => !only || only.includes(part);
const HERE = import.meta.dirname;
const r1 = (x: number) => Math.round(x * 10) / 10;

// ---- memory of this process (it is the server) ----
let peakRss = 0;
const sampleMem = () => { peakRss = Math.max(peakRss, process.memoryUsage().rss); };
const memTimer = setInterval(sampleMem, 200);

// ---- database and server ----
const hasher = argon2Hasher(1024);
const t0 = performance.now();
const bdb = await openSuiteDb(scale, { regenerate: argv.includes('--regenerate'), hashPassword: (pw) => hasher.hash(pw) });
const prepareSec = r1((performance.now() - t0) / 1000);
const { db } = bdb;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-suite-'));
const config = loadConfig({ DATA_DIR: scratch, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development',
  LOGIN_RATE_LIMIT: '100000', ARGON2_MEMORY_KIB: '1024', LOAD_DEMO: 'false' });
const p = createPlatform(config, db);
const app = await buildApp(p);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const rssAfterStart = process.memoryUsage().rss;

// An account scoped to the first generated county (a county's bureau on the province's platform).
await db.execute(sql`insert into accounts (id, username, display_name, roles, scope_kind, scope_region_code, password_hash, must_change_password)
  values (md5('bench-county')::uuid, 'bench_county', '压测县账号', array['staff'], 'region', '437101000000', ${await hasher.hash('Yingji@2026')}, false)
  on conflict do nothing`);

const cookies = new Map<string, string>();
async function cookie(username: string) {
  if (!cookies.has(username)) {
    const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Yingji@2026' }) });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
    cookies.set(username, (r.headers.get('set-cookie') ?? '').split(';')[0]);
  }
  return cookies.get(username)!;
}

// ---- the ceiling: a bare Fastify answering stored bodies ----
const ceiling = Fastify({ logger: false });
const bodies: { body: Buffer; type: string }[] = [];
ceiling.get<{ Params: { i: string } }>('/c/:i', (req, reply) => { const b = bodies[Number(req.params.i)]; reply.type(b.type).send(b.body); });
await ceiling.listen({ port: 0, host: '127.0.0.1' });
const ceilingBase = `http://127.0.0.1:${(ceiling.server.address() as { port: number }).port}`;
const constantOf = async (r: Response) => { bodies.push({ body: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') ?? 'application/json' }); return `${ceilingBase}/c/${bodies.length - 1}`; };

function load(plan: LoadPlan): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'suite', 'load.ts'), JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return new Promise((resolve, reject) => child.on('exit', (code) => {
    sampleMem();
    if (code !== 0) reject(new Error(`load generator exited ${code}`)); else resolve(JSON.parse(out.trim().split('\n').pop()!));
  }));
}

async function time(fn: () => Promise<unknown>, runs = 20): Promise<Timing> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); await fn(); xs.push(performance.now() - t); }
  xs.sort((a, b) => a - b);
  return { runs, medianMs: r1(percentile(xs, 0.5)), p95Ms: r1(percentile(xs, 0.95)), p99Ms: r1(percentile(xs, 0.99)) };
}

async function timeRoute(route: string, username: string, runs = 20): Promise<Figure> {
  const headers = { cookie: await cookie(username) };
  const first = await fetch(base + route, { headers });
  const status = first.status;
  const c = await constantOf(first);
  if (status !== 200) return { runs: 0, medianMs: NaN, p95Ms: NaN, p99Ms: NaN, status, note: `HTTP ${status}: ${bodies[bodies.length - 1].body.toString().slice(0, 200)}` };
  const ours = await time(async () => { const r = await fetch(base + route, { headers }); await r.arrayBuffer(); }, runs);
  const ceil = await time(async () => { const r = await fetch(c); await r.arrayBuffer(); }, runs);
  sampleMem();
  return { ...ours, status, bytes: bodies[bodies.length - 1].body.length, ceiling: ceil, shareOfCeiling: Math.round((ceil.medianMs / ours.medianMs) * 1000) / 1000 };
}

const results: Record<string, unknown> = {};

// ---- the record: bench/results/<date>.json, one entry per scale and database, written after every section so an
// interrupted run keeps what it measured; a run with --only keeps the sections it did not run ----
const dbVersion = (await db.one<{ v: string }>(sql`select version() as v`)).v;
const sizes = await db.query<{ table: string; rows: number; mb: number }>(sql`select relname as table, n_live_tup::int as rows, (pg_total_relation_size(relid) / 1048576)::int as mb
  from pg_stat_user_tables where relname in ('enterprises','hazards','enforcement_inspections','monitoring_sensors','sensor_readings','regions') order by relname`).catch(() => []);
const startedAt = new Date().toISOString();
const file = arg('results') ? path.resolve(arg('results')!) : path.join(HERE, 'results', `${startedAt.slice(0, 10)}.json`);
function save() {
  const record = {
    scale: scale.name, db: bdb.kind, at: new Date().toISOString(), seconds,
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), loadAvg: os.loadavg().map((x) => r1(x)), node: process.version, database: dbVersion.split(' on ')[0] },
    data: { reused: bdb.reused, where: bdb.where, prepareSec, generated: bdb.generated, tables: sizes },
    results,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const all = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : { runs: {} };
  const key = `${scale.name}/${bdb.kind}`;
  all.runs[key] = { ...record, results: { ...(all.runs[key]?.results ?? {}), ...results } };
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
  return record;
}

const log = (s: string) => console.log(s);

// ---- 1. busiest list routes at 50 connections, beside the constant-response ceiling ----
interface ListFigure {
  route: string; account: string; total: number | null; totalCapped?: boolean; bytes: number; single: Timing; ours: LoadResult; ceiling: LoadResult; shareOfCeiling: number;
  /** Every request computed afresh (Cache-Control: no-cache past the memory cache): what the queries themselves cost. */
  computed?: LoadResult; computedShare?: number;
}
if (want('lists')) {
  const q = encodeURIComponent;
  const cases: [string, string, string][] = [
    // Not a list: the least a signed-in request costs (session and account read, the answer built), for reference.
    ['signed-in floor: /api/auth/me', 'staff', '/api/auth/me'],
    ['enterprises, first page', 'staff', '/api/enterprises'],
    ['enterprises, search "鑫源"', 'staff', `/api/enterprises?q=${q('鑫源')}`],
    ['enterprises, sector + status', 'staff', '/api/enterprises?sector=fireworks&status=operating'],
    ['enterprises, county account', 'bench_county', '/api/enterprises'],
    ['hazards, first page', 'staff', '/api/hazards'],
    ['hazards, rectifying + overdue', 'staff', '/api/hazards?status=rectifying&overdue=true'],
    ['hazards, major + open', 'staff', '/api/hazards?level=major&open=true'],
    ['hazards, search "报警器"', 'staff', `/api/hazards?q=${q('报警器')}`],
    ['hazards, county account', 'bench_county', '/api/hazards'],
  ];
  const lists: Record<string, ListFigure> = {};
  log(`\n## List routes, 50 connections, ${seconds} s each (ours | ceiling: constant response of the same size)`);
  for (const [name, account, route] of cases) {
    const headers = { cookie: await cookie(account) };
    const first = await fetch(base + route, { headers });
    if (first.status !== 200) { log(`${name}: HTTP ${first.status} ${(await first.text()).slice(0, 200)}`); continue; }
    const page = await first.clone().json() as { total?: number; totalCapped?: boolean };
    const total = page.total ?? null;
    const totalText = page.totalCapped ? `more than ${total}` : String(total);
    const c = await constantOf(first);
    // One request at a time first: what a request costs when it has the machine to itself.
    const single = await time(async () => { const r = await fetch(base + route, { headers }); await r.arrayBuffer(); }, 5);
    const ours = await load({ url: base + route, headers, connections: 50, seconds });
    // The same route with every answer computed (the memory cache passed by): the queries' own throughput.
    const cached = first.headers.get('x-cache') !== null;
    const computed = cached ? await load({ url: base + route, headers: { ...headers, 'cache-control': 'no-cache' }, connections: 50, seconds }) : undefined;
    const ceil = await load({ url: c, connections: 50, seconds });
    const share = (x: LoadResult) => Math.round((x.reqPerSec / ceil.reqPerSec) * 1000) / 1000;
    lists[name] = { route, account, total, ...(page.totalCapped ? { totalCapped: true } : {}), bytes: bodies[bodies.length - 1].body.length, single, ours, ceiling: ceil, shareOfCeiling: share(ours),
      ...(computed ? { computed, computedShare: share(computed) } : {}) };
    save();
    log(`${name.padEnd(32)} alone ${single.medianMs} ms | ${String(ours.reqPerSec).padStart(6)} req/s  p50 ${ours.p50} p95 ${ours.p95} p99 ${ours.p99} ms | ceiling ${ceil.reqPerSec} req/s p99 ${ceil.p99} ms | ${(lists[name].shareOfCeiling * 100).toFixed(1)}% | total ${totalText}${ours.non2xx + ours.errors ? ` | ${ours.non2xx} non-2xx, ${ours.errors} errors` : ''}`);
    if (computed) log(`${''.padEnd(32)} computed every time (no-cache): ${computed.reqPerSec} req/s p50 ${computed.p50} p99 ${computed.p99} ms | ${(share(computed) * 100).toFixed(1)}%${computed.non2xx + computed.errors ? ` | ${computed.non2xx} non-2xx, ${computed.errors} errors` : ''}`);
  }
  results.lists = lists;
}

// ---- 2. dashboard, statistics and the work report: routes found in the route table ----
if (want('dashboard')) {
  // Every parameterless dashboard/statistics route, and the statistics reports of the big tables for the half-year.
  const H1 = 'from=2026-01-01&to=2026-06-30';
  const routes = [...app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':') && /^\/api\/(dashboard|statistics)(\/|$)/.test(r.url)).map((r) => r.url),
    ...(app.routeTable.some((r) => r.url === '/api/statistics/reports/:key')
      ? ['hazards.overview', 'enforcement.overview', 'enterprises.registry', 'monitoring.alarms'].map((k) => `/api/statistics/reports/${k}?${H1}`) : [])];
  const figures: Record<string, Figure> = {};
  log('\n## Dashboard and statistics, whole province (leader), one request at a time');
  if (!routes.length) log('no /api/dashboard or /api/statistics routes registered yet');
  for (const route of routes) {
    figures[route] = await timeRoute(route, 'leader', scaleName === 'county' ? 20 : 3);
    save();
    const f = figures[route];
    log(`${route.padEnd(40)} ${f.note ?? `median ${f.medianMs} p95 ${f.p95Ms} p99 ${f.p99Ms} ms, ${f.bytes} bytes | ceiling median ${f.ceiling!.medianMs} ms`}`);
  }
  results.dashboard = figures;
}
if (want('report')) {
  const routes = app.routeTable.filter((r) => r.method === 'GET' && !r.url.includes(':') && /^\/api\/reports\/work$/.test(r.url)).map((r) => r.url);
  const figures: Record<string, Figure> = {};
  log('\n## Work report, first half of 2026, whole province (leader)');
  if (!routes.length) log('no /api/reports/work routes registered yet');
  const query = process.env.BENCH_REPORT_QUERY ?? 'from=2026-01-01&to=2026-06-30';
  for (const route of routes) {
    const f = figures[route] = await timeRoute(`${route}?${query}`, 'leader', 3);
    log(`${route.padEnd(40)} ${f.note ?? `median ${f.medianMs} p95 ${f.p95Ms} ms, ${f.bytes} bytes`}`);
    save();
  }
  results.report = figures;
}

// ---- 3. sensor ingest with every rule evaluated, and publish → alarm on SSE ----
if (want('ingest')) {
  const ctx: Ctx = { ...p, actor: SYSTEM_ACTOR, meta: {} };
  const town = '437101101000';
  const device = async (code: string, n: number) => {
    let d = await db.maybeOne<{ id: string }>(sql`select id from monitoring_devices where code = ${code}`);
    if (!d) {
      d = await createDevice(ctx, { code, name: code, placeName: '压测点', regionCode: town });
      for (let i = 0; i < n; i++) {
        await createSensor(ctx, { deviceId: d.id, code: `S${i}`, name: `测点${i}`, type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10, low: 1, high: 8, highHigh: 9,
          hysteresis: 0.1, alarmDelaySec: 0, rateLimit: 100_000, stuckAfterSec: 3600, expectedIntervalSec: 60 });
      }
    }
    const codes = (await db.query<{ code: string }>(sql`select code from monitoring_sensors where device_id = ${d.id} order by code`)).map((r) => r.code);
    return { id: d.id, key: (await issueDeviceKey(ctx, d.id)).key, codes };
  };
  log('\n## Sensor ingest over HTTP (100 readings per request, 1,000 sensors, every rule) | ceiling: bare multi-row INSERT of the same rows');
  const devices = [];
  for (let i = 0; i < 100; i++) devices.push(await device(`BENCH-LOAD-${i}`, 10));
  // A fresh probe device per run: an over-limit reading on a sensor whose alarm is already open raises nothing.
  const probe = await device(`BENCH-PROBE-${Date.now()}`, 200);
  // Every run starts from tables as a database with autovacuum keeps them. This machine's PostgreSQL runs with
  // autovacuum off, so earlier runs (the ceiling deletes what it inserted) and the generator (whose long transaction
  // kept the latest values from being pruned) left dead rows: a sensor_latest of 1,817 rows carrying 160,648 dead
  // versions made its upsert 600 rows in 15 ms instead of 2 (2026-12-01, third session).
  const vacuumed = performance.now();
  await db.exec('vacuum (analyze) sensor_readings, sensor_latest, sensor_rollup_pending');
  await db.exec('checkpoint'); // the pages the vacuum dirtied are written now, not during the measurement
  log(`(vacuumed the readings, latest values and pending rollups, and checkpointed, in ${r1((performance.now() - vacuumed) / 1000)} s)`);
  const probeIds = new Map((await db.query<{ id: string; code: string }>(sql`select id, code from monitoring_sensors where device_id = ${probe.id}`)).map((r) => [r.id, r.code]));
  const sent = new Map<string, number>(); const latencies: number[] = [];
  const sse = http.get(`${base}/api/events`, { headers: { cookie: await cookie('staff') } }, (res) => {
    let buf = '';
    res.on('data', (chunk) => {
      buf += chunk;
      for (let i; (i = buf.indexOf('\n\n')) >= 0;) {
        const block = buf.slice(0, i); buf = buf.slice(i + 2);
        if (!block.includes('event: monitoring.alarm.raised')) continue;
        const e = JSON.parse(block.split('\ndata: ')[1]);
        const code = probeIds.get(e.data.sensorId); const at = code && sent.get(code);
        if (at) { latencies.push(performance.now() - at); sent.delete(code!); }
      }
    });
  });
  await new Promise((r) => setTimeout(r, 300));
  // 48 requests in flight (--ingest-connections): the generator waits for each answer before sending again, so with
  // fewer the writers idled between batches and the figure measured the generator's round trips (24: writers busy
  // 1.27 of 2, 112k readings/s; 48: 1.61, 126k; 64 and 96: no more). A province's devices are thousands.
  const plan = { mode: 'http', url: base, mqttUrl: '', devices, seconds, perMessage: 100, connections: Number(arg('ingest-connections') ?? 48) };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'monitoring.ts'), '--load', JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = ''; child.stdout.on('data', (d) => { out += d; });
  const before = ingesterFor(p).stats.accepted;
  const st0 = { ...ingesterFor(p).stats };
  const started = performance.now();
  let next = 0;
  const timer = setInterval(() => {
    if (next >= probe.codes.length) return;
    const code = probe.codes[next++];
    sent.set(code, performance.now());
    void fetch(`${base}/api/monitoring/readings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': probe.key },
      body: JSON.stringify({ readings: [{ sensor: code, ts: new Date().toISOString(), value: 9.5 }] }) }).then((r) => r.arrayBuffer());
  }, Math.max(50, (seconds * 1000) / probe.codes.length));
  await new Promise((r) => child.on('exit', r));
  clearInterval(timer);
  sampleMem();
  await new Promise((r) => setTimeout(r, 500));
  const wall = (performance.now() - started) / 1000;
  const lr = JSON.parse(out.trim().split('\n').pop()!) as { acked: number; failed: number; seconds: number };
  const stored = ingesterFor(p).stats.accepted - before;
  const st1 = ingesterFor(p).stats;
  const batches = st1.batches - st0.batches;
  const perBatch = (ms: number) => (batches ? r1(ms / batches) : 0);
  const writing = { batches, readingsPerBatch: batches ? Math.round(stored / batches) : 0, writeMsPerBatch: perBatch(st1.writeMs - st0.writeMs),
    insertMsPerBatch: perBatch(st1.insertMs - st0.insertMs), judgeMsPerBatch: perBatch(st1.judgeMs - st0.judgeMs),
    busyShare: Math.round(((st1.writeMs - st0.writeMs) / 1000 / wall) * 100) / 100 };
  sse.destroy();
  const lat = [...latencies].sort((a, b) => a - b);
  const ours = { readingsPerSec: Math.round(lr.acked / lr.seconds), storedPerSec: Math.round(stored / lr.seconds), failed: lr.failed, writing,
    alarmOnSse: { samples: lat.length, sent: next, medianMs: r1(percentile(lat, 0.5)), p99Ms: r1(percentile(lat, 0.99)) } };

  // Ceilings: the same number of rows (up to 300,000) by multi-row INSERT … UNNEST, batches of 500 (the ingester's)
  // and of 5,000, one after another; the faster is the database's limit. Twice: into a bare, empty copy of
  // sensor_readings (the figure the bar has been measured against since issue 12 began), and into sensor_readings
  // itself, as the newest readings of the same sensors (deleted afterwards): the same rows into the same index, whose
  // pages at province scale are not all in memory, as ours are.
  const n = Math.min(300_000, Math.max(50_000, lr.acked));
  const ids = devices.flatMap((d) => d.codes.map((c) => `${d.id}|${c}`));
  const sensorIds = (await db.query<{ id: string }>(sql`select s.id from monitoring_sensors s join monitoring_devices d on d.id = s.device_id where d.code like 'BENCH-LOAD-%' order by s.id`)).map((r) => r.id);
  const ceilingOf = async (batch: number, table: 'bench_bare_readings' | 'sensor_readings') => {
    if (table === 'bench_bare_readings') await db.exec('drop table if exists bench_bare_readings; create table bench_bare_readings (like sensor_readings including all)');
    // After everything ours wrote (its newest reading is about now), a day ahead: new keys at the end of each sensor's range.
    const tsBase = table === 'sensor_readings' ? Date.now() + 86400_000 : Date.now() - 86400_000;
    await db.exec('checkpoint'); // from clean buffers, as ours started
    const t = performance.now();
    for (let i = 0; i < n; i += batch) {
      const m = Math.min(batch, n - i);
      const sid: string[] = []; const ts: string[] = []; const v: number[] = [];
      for (let k = i; k < i + m; k++) { sid.push(sensorIds[k % sensorIds.length]); ts.push(new Date(tsBase + Math.floor(k / sensorIds.length)).toISOString()); v.push(Math.round((5 + Math.random()) * 1000) / 1000); } // values of the load's form
      await db.execute(sql`insert into ${sql.id(table)} (sensor_id, ts, value) select * from unnest(${sid}::uuid[], ${ts}::timestamptz[], ${v}::float8[])`);
    }
    const rate = Math.round(n / ((performance.now() - t) / 1000));
    if (table === 'sensor_readings') await db.execute(sql`delete from sensor_readings where sensor_id = any(${sensorIds}::uuid[]) and ts >= ${new Date(tsBase).toISOString()}`);
    return rate;
  };
  const bare500 = await ceilingOf(500, 'bench_bare_readings');
  const bare5000 = await ceilingOf(5000, 'bench_bare_readings');
  await db.exec('drop table bench_bare_readings');
  const same500 = await ceilingOf(500, 'sensor_readings');
  const same5000 = await ceilingOf(5000, 'sensor_readings');
  const ceil = Math.max(bare500, bare5000);
  const sameCeil = Math.max(same500, same5000);
  results.ingest = { sensors: ids.length, connections: plan.connections, ours, ceiling: { rows: n, bare500PerSec: bare500, bare5000PerSec: bare5000, sameTable500PerSec: same500, sameTable5000PerSec: same5000 },
    shareOfCeiling: Math.round((ours.readingsPerSec / ceil) * 1000) / 1000, shareOfSameTableCeiling: Math.round((ours.readingsPerSec / sameCeil) * 1000) / 1000 };
  log(`ingest ${ours.readingsPerSec} readings/s acked (${ours.storedPerSec}/s stored; ${plan.connections} requests in flight), ${lr.failed} failed | ceiling ${ceil} rows/s (batches of 500: ${bare500}, of 5,000: ${bare5000}) | ${((ours.readingsPerSec / ceil) * 100).toFixed(1)}%`);
  log(`  the same rows into sensor_readings itself: ${sameCeil} rows/s (batches of 500: ${same500}, of 5,000: ${same5000}) | ${((ours.readingsPerSec / sameCeil) * 100).toFixed(1)}%`);
  log(`batches: ${writing.batches}, ${writing.readingsPerBatch} readings and ${writing.writeMsPerBatch} ms each (the readings statement ${writing.insertMsPerBatch} ms, judging by the rules ${writing.judgeMsPerBatch} ms, the rest alarms' writes and transactions); writers busy ${writing.busyShare} of the time (sum over lanes)`);
  log(`publish → alarm on SSE: median ${ours.alarmOnSse.medianMs} ms, p99 ${ours.alarmOnSse.p99Ms} ms (${lat.length} of ${next} probes)`);
}

// ---- 4. pillar benchmarks that plug into the suite (bench/<name>.ts exporting `suite`) ----
if (want('plugins')) {
  const ctx: SuiteContext = { scale, db, platform: p, app, base, cookie, timeRoute, time };
  const files = fs.readdirSync(HERE).filter((f) => f.endsWith('.ts') && f !== 'suite.ts' && /export\s+(async\s+)?function\s+suite\s*\(|export\s+const\s+suite\b/.test(fs.readFileSync(path.join(HERE, f), 'utf8')));
  const plugged: Record<string, unknown> = {};
  for (const f of files) {
    log(`\n## ${f} (plugged into the suite)`);
    try {
      const mod = (await import(path.join(HERE, f))) as { suite: SuiteBench };
      plugged[f.replace(/\.ts$/, '')] = await mod.suite(ctx);
      log(JSON.stringify(plugged[f.replace(/\.ts$/, '')], null, 1));
    } catch (err) {
      plugged[f.replace(/\.ts$/, '')] = { error: String((err as Error).message ?? err) };
      log(`failed: ${(err as Error).message}`);
    }
  }
  results.plugins = plugged;
  const standalone = fs.readdirSync(HERE).filter((f) => f.endsWith('.ts') && f !== 'suite.ts' && !files.includes(f) && f !== 'bench-db.ts');
  results.standalone = standalone;
}

// ---- memory and the record ----
sampleMem();
clearInterval(memTimer);
const mem = process.memoryUsage();
results.memory = { peakRssMb: Math.round(peakRss / 2 ** 20), rssAfterStartMb: Math.round(rssAfterStart / 2 ** 20), rssEndMb: Math.round(mem.rss / 2 ** 20), heapUsedMb: Math.round(mem.heapUsed / 2 ** 20),
  note: bdb.kind === 'pglite' ? 'PGlite runs inside the server process: its buffers count here' : 'server process only (PostgreSQL is its own process)' };
log(`\nmemory of the server process: peak RSS ${Math.round(peakRss / 2 ** 20)} MB (after start ${Math.round(rssAfterStart / 2 ** 20)} MB)`);

save();
log(`\nwritten to ${path.relative(process.cwd(), file)} under runs["${scale.name}/${bdb.kind}"]; load average ${os.loadavg().map((x) => r1(x)).join(' ')}`);

await app.close();
await ceiling.close();
await ingesterFor(p).stop().catch(() => {});
await p.jobs.stop();
await db.close();
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(0);
