// Monitoring ingestion under sustained load, with every rule evaluated on every reading: readings per second over
// MQTT (QoS 1, PUBACK after commit) and over HTTP batches, and the time from publishing an over-limit reading to its
// alarm arriving on the SSE stream (median, p99), measured while the load runs. The load comes from a second process
// (this file with --load), sharing the machine's two cores with the server as a real deployment would not.
// Also (--warnings): issuing a county-wide early warning to thousands of recipients (预警对象 "everyone" and the
// responsible people), the time from 发布 to every notification queued, median/p95 over repeated issues.
// Run: npx tsx bench/monitoring.ts [seconds]                      (PGlite on disk in a temporary folder)
//      npx tsx bench/monitoring.ts --warnings [accounts]          (default 6,000 extra village and enterprise accounts)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/monitoring.ts  (PostgreSQL: database yingji_bench_monitoring is recreated)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import pg from 'pg';
import { loadDemo } from '../demo/index.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { ingesterFor } from '../server/domains/monitoring/ingest/accept.js';
import { startMqttIngestion } from '../server/domains/monitoring/ingest/mqtt.js';
import { createDevice, issueDeviceKey } from '../server/domains/monitoring/registry/devices.service.js';
import { createSensor } from '../server/domains/monitoring/registry/sensors.service.js';
import { SYSTEM_ACTOR } from '../server/platform/auth/actor.js';
import { argon2Hasher } from '../server/platform/auth/passwords.js';
import type { Ctx } from '../server/platform/context.js';
import type { Db } from '../server/platform/db/db.js';
import { migrate } from '../server/platform/db/migrate.js';
import { PgliteDb } from '../server/platform/db/pglite.js';
import { PostgresDb } from '../server/platform/db/postgres.js';
import { sql } from '../server/platform/db/sql.js';
import { createPlatform } from '../server/platform/platform.js';

interface LoadDevice { id: string; key: string; codes: string[] }
interface LoadPlan { mode: 'mqtt' | 'http'; url: string; mqttUrl: string; devices: LoadDevice[]; seconds: number; perMessage: number; connections?: number }

// ---- the load generator (child process) ----
async function load(plan: LoadPlan) {
  let acked = 0; let failed = 0; let seq = 0;
  const start = Date.now(); const until = start + plan.seconds * 1000;
  const base = start - 86400_000;
  // perMessage readings: the device's sensors in turn, each new round one millisecond later (unique (sensor, time)),
  // values to the millimetre (three decimals), as a level gauge reports them; the ceiling inserts values of the same form.
  const cursor = new Map<string, number>();
  const batch = (d: LoadDevice) => {
    const out = [];
    let n = cursor.get(d.id) ?? 0;
    for (let k = 0; k < plan.perMessage; k++, n++) out.push({ sensor: d.codes[n % d.codes.length], ts: new Date(base + Math.floor(n / d.codes.length)).toISOString(), value: Math.round((5 + Math.random()) * 1000) / 1000 });
    cursor.set(d.id, n);
    seq += out.length;
    return out;
  };
  if (plan.mode === 'mqtt') {
    await Promise.all(plan.devices.map(async (d) => {
      const c = await mqtt.connectAsync(plan.mqttUrl, { username: d.id, password: d.key, clientId: `load-${d.id}`, reconnectPeriod: 0 });
      const worker = async () => { while (Date.now() < until) { const b = batch(d); await c.publishAsync(`yingji/${d.id}/readings`, JSON.stringify(b), { qos: 1 }).then(() => { acked += b.length; }, () => { failed += b.length; }); } };
      await Promise.all(Array.from({ length: 4 }, worker));
      await c.endAsync();
    }));
  } else {
    const connections = plan.connections ?? 24;
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const u = new URL(plan.url);
    const post = (d: LoadDevice) => new Promise<number>((resolve) => {
      const b = batch(d);
      const body = JSON.stringify({ readings: b });
      const req = http.request({ host: u.hostname, port: u.port, path: '/api/monitoring/readings', method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'x-api-key': d.key, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume(); res.on('end', () => resolve(res.statusCode === 200 ? b.length : -b.length));
      });
      req.on('error', () => resolve(-b.length)); req.end(body);
    });
    await Promise.all(Array.from({ length: connections }, async (_, w) => {
      while (Date.now() < until) { const n = await post(plan.devices[(w + seq) % plan.devices.length]); if (n > 0) acked += n; else failed -= n; }
    }));
  }
  process.stdout.write(JSON.stringify({ acked, failed, seconds: (Date.now() - start) / 1000 }) + '\n');
}

// ---- the server side ----
let scratch = '';

async function openDb(): Promise<{ db: Db; kind: 'pglite' | 'postgres' }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return { db: await PgliteDb.open({ dataDir: path.join(scratch, 'pgdata') }), kind: 'pglite' };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists yingji_bench_monitoring with (force)');
  await admin.query('create database yingji_bench_monitoring');
  await admin.end();
  const u = new URL(url); u.pathname = '/yingji_bench_monitoring';
  return { db: await PostgresDb.open(u.toString(), 10), kind: 'postgres' };
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))] * 10) / 10; };

async function main() {
  const seconds = Number(process.argv[2] ?? 15);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-mon-'));
  const { db, kind } = await openDb();
  await migrate(db);
  await loadDemo(db, { hashPassword: (plain) => argon2Hasher(1024).hash(plain) });
  const config = { ...loadConfig({ NODE_ENV: 'development', LOAD_DEMO: 'false', DATA_DIR: scratch, AUDIT_KEY: 'bench-audit-key-0123456789abcdef-0123456789', LOG_LEVEL: 'warn' }),
    monitoring: { mqttEnabled: true, mqttPort: 0, mqttHost: '127.0.0.1', mqttClientId: 'bench', rawRetentionDays: 90 } };
  const p = createPlatform(config, db);
  const app = await buildApp(p);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const mq = await startMqttIngestion(p, config.monitoring);
  const mqttUrl = `mqtt://127.0.0.1:${mq.port}`;
  const ctx: Ctx = { ...p, actor: SYSTEM_ACTOR, meta: {} };

  // 100 load devices × 10 sensors, every rule on (thresholds, 回差, delay, rate, stuck); 1 latency device × 600 sensors.
  const mk = async (code: string, n: number) => {
    const d = await createDevice(ctx, { code, name: code, placeName: '压测点', regionCode: '430699101000' });
    const codes: string[] = [];
    for (let i = 0; i < n; i++) {
      await createSensor(ctx, { deviceId: d.id, code: `S${i}`, name: `测点${i}`, type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10, low: 1, high: 8, highHigh: 9,
        hysteresis: 0.1, alarmDelaySec: 0, rateLimit: 100_000, stuckAfterSec: 3600, expectedIntervalSec: 60 });
      codes.push(`S${i}`);
    }
    return { id: d.id, key: (await issueDeviceKey(ctx, d.id)).key, codes };
  };
  const devices: LoadDevice[] = [];
  for (let i = 0; i < 100; i++) devices.push(await mk(`LOAD-${i}`, 10));
  const probe = await mk('PROBE', 600);

  // SSE as the bureau's duty staff: the time an alarm takes to reach a screen.
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'Yingji@2026' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const sent = new Map<string, number>(); const latencies: number[] = [];
  const sensorIds = new Map((await db.query<{ id: string; code: string }>(sql`select id, code from monitoring_sensors where device_id = ${probe.id}`)).map((r) => [r.id, r.code]));
  const sse = http.get(`${url}/api/events`, { headers: { cookie } }, (res) => {
    if (res.statusCode !== 200) console.error(`SSE: ${res.statusCode}`);
    let buf = '';
    res.on('data', (chunk) => {
      buf += chunk;
      for (let i; (i = buf.indexOf('\n\n')) >= 0;) {
        const block = buf.slice(0, i); buf = buf.slice(i + 2);
        if (!block.includes('event: monitoring.alarm.raised')) continue;
        const e = JSON.parse(block.split('\ndata: ')[1]);
        const code = sensorIds.get(e.data.sensorId); const t0 = code && sent.get(code);
        if (t0) { latencies.push(performance.now() - t0); sent.delete(code!); }
      }
    });
  });
  const prober = await mqtt.connectAsync(mqttUrl, { username: probe.id, password: probe.key, clientId: 'probe', reconnectPeriod: 0 });
  let next = 0;

  const phase = async (mode: 'mqtt' | 'http', perMessage: number) => {
    latencies.length = 0;
    const plan: LoadPlan = { mode, url, mqttUrl, devices, seconds, perMessage };
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'monitoring.ts'), '--load', JSON.stringify(plan)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = ''; child.stdout.on('data', (d) => { out += d; });
    const before = { ...ingesterFor(p).stats };
    const started = performance.now();
    const timer = setInterval(() => {
      if (next >= 600) return;
      const code = `S${next++}`;
      sent.set(code, performance.now());
      void prober.publishAsync(`yingji/${probe.id}/readings`, JSON.stringify({ sensor: code, ts: new Date().toISOString(), value: 9.5 }), { qos: 1 });
    }, Math.max(50, (seconds * 1000) / 180));
    await new Promise((r) => child.on('exit', r));
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 300));
    const wall = (performance.now() - started) / 1000;
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const stored = ingesterFor(p).stats.accepted - before.accepted;
    return { readingsPerSecAcked: Math.round(r.acked / r.seconds), readingsPerSecStored: Math.round(stored / Math.min(wall, r.seconds)), readingsPerMessage: perMessage, failed: r.failed,
      messagesPerSec: Math.round(r.acked / perMessage / r.seconds), alarmLatencyMs: { median: pct(latencies, 0.5), p99: pct(latencies, 0.99), samples: latencies.length } };
  };
  const results = { mqtt: await phase('mqtt', 10), mqttOnePerMessage: await phase('mqtt', 1), http: await phase('http', 100) };
  const out = { db: kind, sensors: 1000, seconds, rules: 'threshold+hysteresis+delay, rate, stuck on every reading', at: new Date().toISOString(), cpus: os.cpus().length, results };
  console.log(JSON.stringify(out, null, 2));
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, 'results', `monitoring-${kind}.json`), JSON.stringify(out, null, 2) + '\n');
  sse.destroy(); await prober.endAsync(); await mq.stop(); await app.close(); await p.jobs.stop(); await db.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}

// ---- issuing warnings to many people ----
async function warnings(extra: number) {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-warn-'));
  const { db, kind } = await openDb();
  await migrate(db);
  await loadDemo(db, { hashPassword: async () => 'x' });
  const config = loadConfig({ NODE_ENV: 'development', LOAD_DEMO: 'false', DATA_DIR: scratch, AUDIT_KEY: 'bench-audit-key-0123456789abcdef-0123456789', LOG_LEVEL: 'warn' });
  const p = createPlatform(config, db);
  const ctx: Ctx = { ...p, actor: SYSTEM_ACTOR, meta: {} };
  // Village 灾害信息员 and staff (two of three) and enterprise accounts (one of three), all with a phone: in-app + SMS each.
  await db.exec(`insert into accounts (id, username, display_name, phone, roles, scope_kind, scope_region_code, scope_enterprise_id, password_hash, must_change_password)
    select gen_random_uuid(), 'bench_' || i, '压测' || i, '139' || lpad(i::text, 8, '0'),
      case when i % 3 = 0 then array['enterprise'] when i % 3 = 1 then array['informant'] else array['staff'] end,
      case when i % 3 = 0 then 'enterprise' else 'region' end,
      case when i % 3 = 0 then null else (select code from regions where length(rtrim(code, '0')) > 9 order by code offset (i % 270) limit 1) end,
      case when i % 3 = 0 then (select id from enterprises order by id offset (i % 2000) limit 1) end, 'x', false
    from generate_series(1, ${extra}) i`);
  const towns = (await db.query<{ code: string }>(sql`select code from regions where code like '430699%' and code ~ '^430699[0-9]{3}000$' and code <> '430699000000' order by code`)).map((r) => r.code);
  const { createWarning } = await import('../server/domains/monitoring/warnings/warnings.create.js');
  const { issueWarning } = await import('../server/domains/monitoring/warnings/warnings.service.js');
  const out: Record<string, unknown> = {};
  for (const audience of ['responsible', 'everyone'] as const) {
    const times: number[] = []; let recipients = 0; let notifications = 0;
    for (let i = 0; i < 5; i++) {
      const now = new Date();
      const w = await createWarning(ctx, { kind: 'weather', event: '暴雨', colour: 'red', headline: `压测预警 ${audience} ${i}`, description: '压测', guidance: '压测',
        regionCodes: towns, effectiveAt: now.toISOString(), expiresAt: new Date(now.getTime() + 3600_000).toISOString(), audience });
      const t0 = performance.now();
      const issued = await issueWarning(ctx, w.id);
      times.push(performance.now() - t0);
      recipients = issued.recipients;
      notifications = (await db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link = ${`/monitoring/warnings/${w.id}`}`)).n;
      await db.execute(sql`update notifications set status = 'sent' where status = 'pending'`); // keep the outbox from growing across runs
    }
    out[audience] = { towns: towns.length, recipients, notifications, issueMs: { median: pct(times, 0.5), p95: pct(times, 0.95), runs: times.length } };
  }
  const result = { db: kind, extraAccounts: extra, at: new Date().toISOString(), cpus: os.cpus().length, results: out };
  console.log(JSON.stringify(result, null, 2));
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, 'results', `monitoring-warnings-${kind}.json`), JSON.stringify(result, null, 2) + '\n');
  await p.jobs.stop(); await db.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}

if (process.argv[2] === '--load') void load(JSON.parse(process.argv[3]) as LoadPlan).then(() => process.exit(0));
else if (process.argv[2] === '--warnings') await warnings(Number(process.argv[3] ?? 6000));
else await main();
