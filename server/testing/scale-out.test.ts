// Scale-out, for real: two server processes (`yingji serve`) on one PostgreSQL database, behind a round-robin
// TCP proxy on loopback. A session made on one works on the other, an alarm raised through one reaches an SSE
// client of the other, and the schedule's jobs are enqueued once per due time and run once, not once per process.
// Runs only against PostgreSQL (TEST_DATABASE_URL), as in CI's PostgreSQL run.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/db.js';
import { sql } from '../platform/db/sql.js';
import { cloneTestDb, type TestDb } from './db.js';
import { TEST_AUDIT_KEY } from './env.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PASSWORD = 'Yingji@2026';

interface Server { proc: ChildProcess; url: string; out: string[] }

/** Start `yingji serve` on the database; resolves when it listens (its banner names the port). */
function startServer(databaseUrl: string, name: string): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `yingji-scale-${name}-`));
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, AUDIT_KEY: TEST_AUDIT_KEY, NODE_ENV: 'development',
      LOAD_DEMO: 'false', MQTT_ENABLED: 'false', BACKUP_EVERY_HOURS: '0', JOBS_POLL_MS: '250', ARGON2_MEMORY_KIB: '1024', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out.join('')}`)), 150_000);
    const onData = (d: Buffer) => {
      out.push(d.toString());
      const m = /Yingji 已启动：http:\/\/[^:]+:(\d+)/.exec(out.join(''));
      if (m) { clearTimeout(timer); resolve({ proc, url: `http://127.0.0.1:${m[1]}`, out }); }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${name} exited ${code}:\n${out.join('')}`)); });
  });
}

/** A round-robin TCP proxy: each new connection goes to the next backend; counts connections per backend. */
function roundRobin(backends: string[]) {
  const hits = backends.map(() => 0);
  let next = 0;
  const server = net.createServer((client) => {
    const i = next++ % backends.length;
    hits[i]++;
    const u = new URL(backends[i]);
    const upstream = net.connect(Number(u.port), u.hostname);
    client.pipe(upstream).pipe(client);
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end); upstream.on('error', end);
  });
  return { server, hits };
}

async function login(base: string, username: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  expect(r.status).toBe(200);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

const api = async (base: string, cookie: string, method: string, route: string, body?: unknown) => {
  const r = await fetch(base + route, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await r.json();
  if (r.status !== 200) throw new Error(`${method} ${route}: ${r.status} ${JSON.stringify(json)}`);
  return json;
};

/** Milliseconds until `url` answers `status` for the cookie (polled every 5 ms), or Infinity after 2 s. */
async function untilStatus(url: string, cookie: string, status: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 2000) {
    const r = await fetch(url, { headers: { cookie } });
    await r.arrayBuffer();
    if (r.status === status) return Date.now() - t0;
    await new Promise((res) => setTimeout(res, 5));
  }
  return Infinity;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('two server processes on one PostgreSQL database', () => {
  let tdb: TestDb;
  let db: Db;
  let a: Server;
  let b: Server;
  let proxy: ReturnType<typeof roundRobin>;
  let proxyUrl: string;
  let since: Date;

  beforeAll(async () => {
    tdb = await cloneTestDb();
    db = tdb.db;
    // No schedule has run on this database yet: the first tick of either process enqueues every scheduled job.
    await db.execute(sql`delete from job_schedules`);
    since = (await db.one<{ now: Date }>(sql`select now() as now`)).now;
    [a, b] = await Promise.all([startServer(tdb.url!, 'a'), startServer(tdb.url!, 'b')]);
    proxy = roundRobin([a.url, b.url]);
    await new Promise<void>((r) => proxy.server.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.server.address() as net.AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    proxy?.server.close();
    // SIGTERM lets a process finish its running job batch; the test does not wait for that beyond a few seconds.
    const stop = (s?: Server) => new Promise<void>((r) => {
      if (!s || s.proc.exitCode !== null) return r();
      const kill = setTimeout(() => s.proc.kill('SIGKILL'), 5_000);
      s.proc.once('exit', () => { clearTimeout(kill); r(); });
      s.proc.kill('SIGTERM');
    });
    await Promise.all([stop(a), stop(b)]);
    await tdb?.drop();
  }, 30_000);

  it('a session made on one process works on the other, and through the round-robin on both', async () => {
    const cookie = await login(a.url, 'staff');
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe('staff');
    // Ten requests, each on a new connection: the proxy alternates, and every one is answered for the same session.
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${proxyUrl}/api/auth/me`, { headers: { cookie, connection: 'close' } });
      expect(r.status).toBe(200);
      await r.arrayBuffer();
    }
    expect(proxy.hits[0]).toBeGreaterThanOrEqual(5);
    expect(proxy.hits[1]).toBeGreaterThanOrEqual(5);
    // Logging out on B ends the session on A too, though A answered it from memory a moment before: A drops it when
    // the change notice of B's commit arrives (milliseconds; B itself answers the logout only after hearing it).
    const other = await login(b.url, 'leader');
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(200);
    expect((await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie: other } })).status).toBeLessThan(300);
    expect((await fetch(`${b.url}/api/auth/me`, { headers: { cookie: other } })).status).toBe(401);
    expect(await untilStatus(`${a.url}/api/auth/me`, other, 401)).toBeLessThan(2000);
  });

  it('a list answered from memory on one process is answered afresh after a change through the other', async () => {
    const cookie = await login(a.url, 'staff');
    const ent = await login(b.url, 'ent_demo');
    const list = async () => (await (await fetch(`${a.url}/api/hazards?pageSize=1`, { headers: { cookie } })).json()) as { total: number };
    const before = await list();
    const r = await fetch(`${a.url}/api/hazards?pageSize=1`, { headers: { cookie } });
    expect(r.headers.get('x-cache')).toBe('hit');
    await r.arrayBuffer();
    const made = await fetch(`${b.url}/api/hazards`, { method: 'POST', headers: { cookie: ent, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '两进程缓存测试：安全出口锁闭', source: 'self_check', level: 'general' }) });
    expect(made.status).toBe(200);
    const t0 = Date.now();
    while ((await list()).total === before.total && Date.now() - t0 < 2000) await new Promise((res) => setTimeout(res, 10));
    expect((await list()).total).toBe(before.total + 1);
  });

  it('an alarm raised through one process reaches an SSE client of the other', async () => {
    const cookieA = await login(a.url, 'staff');
    const cookieB = await login(b.url, 'staff');
    const events: { name: string; data: { sensorId?: string } }[] = [];
    let req!: http.ClientRequest;
    await new Promise<void>((resolve) => {
      req = http.get(`${b.url}/api/events`, { headers: { cookie: cookieB } }, (res) => {
        expect(res.statusCode).toBe(200);
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          for (let i; (i = buf.indexOf('\n\n')) >= 0;) {
            const block = buf.slice(0, i); buf = buf.slice(i + 2);
            const name = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (name && data) events.push({ name, data: JSON.parse(data).data ?? {} });
          }
        });
        resolve();
      });
    });
    try {
      const device = await api(a.url, cookieA, 'POST', '/api/monitoring/devices', { code: 'SCALE-OUT-1', name: '横向扩展测试终端', placeName: '白塘镇压测点', regionCode: '430699101000' });
      const sensor = await api(a.url, cookieA, 'POST', '/api/monitoring/sensors', { deviceId: device.id, code: 'LT-1', name: '液位', type: 'level', unit: 'm',
        rangeMin: 0, rangeMax: 10, low: 1, high: 8, highHigh: 9, expectedIntervalSec: 60 });
      const { key } = await api(a.url, cookieA, 'POST', `/api/monitoring/devices/${device.id}/key`);
      const r = await fetch(`${a.url}/api/monitoring/readings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ readings: [{ sensor: 'LT-1', ts: new Date().toISOString(), value: 9.5 }] }) });
      expect(r.status).toBe(200);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline && !events.some((e) => e.name === 'monitoring.alarm.raised' && e.data.sensorId === sensor.id)) await new Promise((res) => setTimeout(res, 50));
      expect(events.filter((e) => e.name === 'monitoring.alarm.raised').map((e) => e.data.sensorId)).toContain(sensor.id);
    } finally { req.destroy(); }
  }, 30_000);

  it('a scheduled job is enqueued once per due time and runs once, not once per process', async () => {
    // Both processes tick every 250 ms. Make every schedule due again three times; each time one process must enqueue
    // it (the schedule row and the tick's advisory lock are shared), so every kind has 1 + 3 jobs since the start.
    const ticked = async (after: string) => {
      for (const until = Date.now() + 25_000; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
        const { due, n } = await db.one<{ due: number; n: number }>(sql`select count(*) filter (where last_run_at < ${after}::timestamptz)::int as due, count(*)::int as n from job_schedules`);
        if (n >= 5 && due === 0) return;
      }
      throw new Error('the schedule did not tick within 25 s');
    };
    await ticked(since.toISOString());
    for (let round = 0; round < 3; round++) {
      const [{ now }] = await db.query<{ now: string }>(sql`update job_schedules set next_run_at = now() - interval '1 second' returning now()::text as now`);
      await ticked(now);
    }
    await new Promise((r) => setTimeout(r, 1_000)); // time for a second process to enqueue the same tick again, were it able to
    const schedules = await db.query<{ name: string }>(sql`select name from job_schedules where last_run_at >= ${since.toISOString()} order by name`);
    expect(schedules.length).toBeGreaterThanOrEqual(5);
    const jobs = await db.query<{ kind: string; n: number; max_attempts: number; done: number }>(sql`select kind, count(*)::int as n, max(attempts)::int as max_attempts,
        count(*) filter (where status = 'done')::int as done
      from jobs where created_at >= ${since.toISOString()} and kind = any(${schedules.map((s) => s.name)}) group by kind order by kind`);
    expect(jobs.map((j) => j.kind)).toEqual(schedules.map((s) => s.name));
    for (const j of jobs) {
      expect({ kind: j.kind, n: j.n }).toEqual({ kind: j.kind, n: 4 });
      expect(j.max_attempts).toBeLessThanOrEqual(1);
    }
    expect(jobs.reduce((s, j) => s + j.done, 0)).toBeGreaterThan(0);
  }, 120_000);
});
