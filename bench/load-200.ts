// Load test at 200 concurrent users (issue 11): the real `yingji serve` over the demo county in a child process, 200
// distinct sessions (demo accounts of four roles, each logged in many times), and autocannon in this process with
// 200 keep-alive connections on loopback driving, for a bounded time, each user's round of the busiest routes:
// enterprise search, hazard lists with filters (twice each), the dashboard, a hazard report (POST, numbered), and a
// device's batch of readings over the HTTP ingest route (some above the alarm limit, so alarms are raised and cleared).
// Prints requests, non-2xx, errors and p50/p99 per route; writes bench/results/load-200-<db>.json.
// Run: npx tsx bench/load-200.ts [seconds=20]                      (PGlite, a fresh data folder)
//      BENCH_DATABASE_URL=postgres://… npx tsx bench/load-200.ts   (PostgreSQL: a new database beside that one, dropped after)
// The short form runs in CI as bench/load-200.test.ts.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { call, freePort, login, must, serverDatabase, startServer, type ChildServer } from '../server/testing/child-server.js';

interface AcContext { cookie?: string; t0?: number; region?: string; offset?: number; route?: string }
interface AcRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string;
  setupRequest?: (req: AcRequest, ctx: AcContext) => AcRequest; onResponse?: (status: number, body: string, ctx: AcContext) => void }
interface AcResult { requests: { total: number }; latency: { p50: number; p99: number; max: number }; errors: number; timeouts: number; non2xx: number; duration: number }
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: Record<string, unknown>) => Promise<AcResult>;

export interface RouteFigures { route: string; requests: number; non2xx: number; status5xx: number; p50ms: number; p99ms: number; maxMs: number }
export interface LoadFigures {
  users: number; seconds: number; requests: number; reqPerSec: number; errors: number; timeouts: number; non2xx: number; status5xx: number;
  p50ms: number; p99ms: number; routes: RouteFigures[]; failures: string[]; loginMs: number; loadavgBefore: number[]; loadavgAfter: number[];
}

/** Demo accounts the users log in as, and the village each one reports hazards in (inside its scope). */
const ACCOUNTS = [
  { username: 'staff', region: '430699101201' },
  { username: 'officer', region: '430699102201' },
  { username: 'town_baitang', region: '430699101201' },
  { username: 'town_luojiang', region: '430699102201' },
];
const SEARCHES = ['化工', '有限公司', '建材', '加油站', '烟花', '矿业', '物流', '燃气'];
const HAZARD_FILTERS = ['status=rectifying&overdue=true', 'open=true&level=major', `q=${encodeURIComponent('隐患')}`, 'open=true&source=inspection', 'status=pending', 'overdue=true&sector=hazchem'];
const SENSORS = 10;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Log in `users` sessions on a running server and drive the mix for `seconds` with one connection per user.
 * Latency per route is measured from writing the request to its complete answer.
 */
export async function load200(server: ChildServer, opts: { users?: number; seconds?: number; timeoutSec?: number } = {}): Promise<LoadFigures> {
  const users = opts.users ?? 200;
  const seconds = opts.seconds ?? 20;
  const base = server.base;
  const loadavgBefore = os.loadavg().map(round);

  // Sessions: every user its own (a login each), a few at a time.
  let t = performance.now();
  const sessions: { cookie: string; region: string }[] = [];
  for (let i = 0; i < users; i += 10) {
    const batch = Array.from({ length: Math.min(10, users - i) }, (_, k) => ACCOUNTS[(i + k) % ACCOUNTS.length]);
    sessions.push(...await Promise.all(batch.map(async (a) => ({ cookie: await login(base, a.username), region: a.region }))));
  }
  if (new Set(sessions.map((s) => s.cookie)).size !== users) throw new Error('sessions are not distinct');
  const loginMs = Math.round(performance.now() - t);

  // A device with ten level sensors (high 8, high-high 9) and its key, for the ingest route.
  const staff = sessions[0].cookie;
  const device = await must(base, staff, 'POST', '/api/monitoring/devices', { code: `LOAD-${Date.now().toString(36)}`, name: '压测设备', placeName: '压测点', regionCode: '430699101000' });
  for (let i = 1; i <= SENSORS; i++) {
    await must(base, staff, 'POST', '/api/monitoring/sensors', { deviceId: device.id, code: `L${i}`, name: `压测液位${i}`, type: 'level', unit: 'm',
      rangeMin: 0, rangeMax: 10, high: 8, highHigh: 9, low: null, lowLow: null, hysteresis: 0.2, alarmDelaySec: 0, rateLimit: null, stuckAfterSec: null, expectedIntervalSec: 60 });
  }
  const { key } = await must(base, staff, 'POST', `/api/monitoring/devices/${device.id}/key`) as { key: string };

  let reportNo = 0;
  let batchNo = 0;
  let search = 0;
  let filter = 0;
  const readingsFrom = Date.now() - 86400_000; // a day back: every batch has its own, strictly later times
  type Built = { method: string; path: string; body?: unknown; headers?: Record<string, string> };
  const mix: [string, (ctx: AcContext) => Built][] = [
    ['GET /api/enterprises?q=… (search)', () => ({ method: 'GET', path: `/api/enterprises?q=${encodeURIComponent(SEARCHES[search++ % SEARCHES.length])}&pageSize=20` })],
    ['GET /api/hazards?… (filters)', () => ({ method: 'GET', path: `/api/hazards?${HAZARD_FILTERS[filter++ % HAZARD_FILTERS.length]}&pageSize=20` })],
    ['GET /api/dashboard', () => ({ method: 'GET', path: '/api/dashboard' })],
    ['POST /api/hazards (report)', (ctx) => {
      const n = ++reportNo;
      return { method: 'POST', path: '/api/hazards', body: { regionCode: ctx.region, placeName: `压测地点${n}`, title: `压测隐患${n}`, description: '负载测试上报', source: 'inspection', level: 'general' } };
    }],
    ['GET /api/enterprises?q=… (search)', () => ({ method: 'GET', path: `/api/enterprises?q=${encodeURIComponent(SEARCHES[search++ % SEARCHES.length])}&pageSize=20` })],
    ['GET /api/hazards?… (filters)', () => ({ method: 'GET', path: `/api/hazards?${HAZARD_FILTERS[filter++ % HAZARD_FILTERS.length]}&pageSize=20` })],
    ['POST /api/monitoring/readings (ingest)', () => {
      const n = ++batchNo;
      const ts = new Date(readingsFrom + n * 1000).toISOString();
      // Mostly normal levels; every 25th batch above high-high (an alarm), the next ones back to normal (cleared).
      const value = n % 25 === 0 ? 9.5 : 5 + (n % 7) / 10;
      return { method: 'POST', path: '/api/monitoring/readings', headers: { 'x-api-key': key }, body: { readings: Array.from({ length: SENSORS }, (_, i) => ({ sensor: `L${i + 1}`, ts, value })) } };
    }],
  ];
  const latencies = new Map(mix.map(([name]) => [name, [] as number[]]));
  const statuses = new Map(mix.map(([name]) => [name, { non2xx: 0, s5xx: 0 }]));
  const failures: string[] = [];
  let nextUser = 0;
  // A user's round is the whole mix, each user starting at another place in it (so a short run reaches every route).
  const requests: AcRequest[] = mix.map((_, slot) => ({
    setupRequest: (req, ctx) => {
      if (slot === 0) { const u = nextUser++; const s = sessions[u % users]; ctx.cookie = s.cookie; ctx.region = s.region; ctx.offset = u % mix.length; }
      const [name, build] = mix[(ctx.offset! + slot) % mix.length];
      const b = build(ctx);
      ctx.route = name;
      req.method = b.method;
      req.path = b.path;
      req.headers = { ...req.headers, cookie: ctx.cookie!, ...(b.body ? { 'content-type': 'application/json' } : {}), ...b.headers };
      req.body = b.body ? JSON.stringify(b.body) : undefined;
      ctx.t0 = performance.now();
      return req;
    },
    onResponse: (status, body, ctx) => {
      latencies.get(ctx.route!)!.push(performance.now() - ctx.t0!);
      if (status >= 200 && status < 300) return;
      const s = statuses.get(ctx.route!)!;
      s.non2xx++;
      if (status >= 500) s.s5xx++;
      if (failures.length < 20) failures.push(`${ctx.route}: ${status} ${body.slice(0, 300)}`);
    },
  }));

  t = performance.now();
  const r = await autocannon({ url: base, connections: users, duration: seconds, timeout: opts.timeoutSec ?? 60, requests });
  const elapsed = (performance.now() - t) / 1000;
  const routes: RouteFigures[] = [...latencies].map(([name, l]) => {
    const sorted = [...l].sort((a, b) => a - b);
    return { route: name, requests: l.length, non2xx: statuses.get(name)!.non2xx, status5xx: statuses.get(name)!.s5xx,
      p50ms: round(percentile(sorted, 50)), p99ms: round(percentile(sorted, 99)), maxMs: round(sorted.at(-1) ?? 0) };
  });
  return {
    users, seconds, requests: r.requests.total, reqPerSec: round(r.requests.total / elapsed), errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx,
    status5xx: routes.reduce((a, x) => a + x.status5xx, 0), p50ms: r.latency.p50, p99ms: r.latency.p99, routes, failures, loginMs,
    loadavgBefore, loadavgAfter: os.loadavg().map(round),
  };
}

/** The figures as a table. */
export function formatFigures(f: LoadFigures, db: string): string {
  const lines = [
    `${db}: ${f.users} users, ${f.seconds} s — ${f.requests} requests (${f.reqPerSec}/s), non-2xx ${f.non2xx}, 5xx ${f.status5xx}, errors ${f.errors} (timeouts ${f.timeouts}); all routes p50 ${f.p50ms} ms, p99 ${f.p99ms} ms`,
    `  ${f.users} logins in ${f.loginMs} ms; load average before ${f.loadavgBefore.join(' ')}, after ${f.loadavgAfter.join(' ')} (${os.cpus().length} cores)`,
    ...f.routes.map((r) => `  ${r.route.padEnd(42)} ${String(r.requests).padStart(6)} req  non-2xx ${r.non2xx}  p50 ${r.p50ms} ms  p99 ${r.p99ms} ms  max ${r.maxMs} ms`),
    ...f.failures.map((x) => `  ! ${x}`),
  ];
  return lines.join('\n');
}

/** Hazards the users reported: every answered one is stored under a number of its own. */
export async function reportedHazards(base: string, cookie: string): Promise<number> {
  const r = await call(base, cookie, 'GET', `/api/hazards?q=${encodeURIComponent('压测隐患')}&pageSize=1`);
  return Number(r.json?.total ?? -1);
}

async function main() {
  const seconds = Number(process.argv[2] ?? process.env.BENCH_SECONDS ?? 20);
  const url = process.env.BENCH_DATABASE_URL;
  const db = await serverDatabase('yingji_load200', url);
  const port = await freePort();
  const server = startServer({ ...db.env, PORT: String(port), MQTT_PORT: String(await freePort()), ARGON2_MEMORY_KIB: process.env.ARGON2_MEMORY_KIB ?? '19456' });
  try {
    const t = performance.now();
    await server.ready();
    console.log(`server ready in ${Math.round(performance.now() - t)} ms (${db.label})`);
    const f = await load200(server, { seconds });
    console.log(formatFigures(f, db.label));
    const out = { db: db.label, node: process.version, cpus: os.cpus().length, at: new Date().toISOString(), ...f };
    fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join('bench', 'results', `load-200-${url ? 'postgres' : 'pglite'}.json`), JSON.stringify(out, null, 2) + '\n');
  } finally {
    await server.stop();
    await db.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
