// kill -9 in the middle of writes: the real `yingji serve` takes a stream of hazard reports (each numbered
// YH-<year>-NNNNNN from one counter) and workflow moves (交办), is killed with SIGKILL while requests are in flight,
// and restarts on the same database. Every request that was answered 2xx is there; every hazard's status is the one
// its last workflow event says (no half-done move); the year's numbers run 1..N without a gap; the audit chain verifies.
// PGlite: the same data folder. PostgreSQL (TEST_DATABASE_URL): a database copied from the test template.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { TEST_AUDIT_KEY } from '../testing/env.js';

const root = path.resolve(import.meta.dirname, '../..');
const loader = path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');
const VILLAGE = '430699101000';

const freePort = () => new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', `file://${loader}`, path.join(root, 'server', 'main.ts'), 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', NODE_ENV: 'development', TEST_DATABASE_URL: '', MQTT_URL: '', LOGIN_RATE_LIMIT: '100000', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, output: () => out };
}

async function ready(base: string, proc: ReturnType<typeof start>) {
  for (let i = 0; i < 3000; i++) {
    if (proc.child.exitCode !== null) throw new Error(proc.output());
    try { if ((await fetch(`${base}/api/health`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start:\n${proc.output()}`);
}

async function login(base: string, username = 'staff') {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Yingji@2026' }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

async function call(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const r = await fetch(base + url, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, json: r.status < 300 ? await r.json() as Record<string, unknown> : null };
}

const pgUrl = process.env.TEST_DATABASE_URL;

describe('kill -9 during writes', () => {
  it(`loses no answered write and leaves no half-done move or numbering gap (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 600_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-crash-'));
    const env: Record<string, string> = { DATA_DIR: dataDir, MQTT_PORT: String(await freePort()), DATABASE_URL: '' };
    let dropDb = async () => {};
    if (pgUrl) {
      const template = process.env.YINGJI_PG_TEMPLATE;
      if (!template) throw new Error('YINGJI_PG_TEMPLATE is not set by the global setup');
      const name = `yingji_crash_${process.pid}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name} template ${template}`);
      await admin.end();
      const u = new URL(pgUrl);
      u.pathname = `/${name}`;
      env.DATABASE_URL = u.toString();
      env.AUDIT_KEY = TEST_AUDIT_KEY; // the template's trail was chained with the test key
      dropDb = async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = start({ ...env, PORT: String(port) });
    try {
      await ready(base, first);
      const cookie = await login(base);
      const year = new Date().getFullYear();
      const created: { id: string; number: string }[] = [];
      const assigned = new Set<string>();
      let gone = false;
      void first.exited.then(() => { gone = true; });
      let n = 0;
      // 12 clients report hazards and hand each one over for rectification; SIGKILL after 150 answered reports.
      const worker = async () => {
        while (!gone) {
          const i = n++;
          try {
            const r = await call(base, cookie, 'POST', '/api/hazards', { regionCode: VILLAGE, placeName: `断电测试点${i}`, title: `断电测试隐患${i}`, source: 'inspection', level: 'general' });
            if (r.status !== 200) continue;
            created.push({ id: String(r.json!.id), number: String(r.json!.number) });
            if (created.length === 150) first.child.kill('SIGKILL');
            const a = await call(base, cookie, 'POST', `/api/hazards/${r.json!.id}/assign`, { responsiblePerson: '张测试', measures: '立即整改', deadline: `${year + 1}-01-31` });
            if (a.status === 200) assigned.add(String(r.json!.id));
          } catch { return; }
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      await first.exited;
      expect(created.length).toBeGreaterThanOrEqual(150);

      const second = start({ ...env, PORT: String(port) });
      try {
        await ready(base, second);
        const c2 = await login(base);
        // Every answered report is there, with the status its last event says; every answered 交办 happened.
        const wrong: string[] = [];
        for (const h of created) {
          const r = await call(base, c2, 'GET', `/api/hazards/${h.id}`);
          if (r.status !== 200) { wrong.push(`${h.number} lost (${r.status})`); continue; }
          const events = r.json!.events as { toStatus?: string | null; to_status?: string | null }[];
          const last = events.at(-1);
          const lastStatus = last?.toStatus ?? last?.to_status;
          if (lastStatus && lastStatus !== r.json!.status) wrong.push(`${h.number} status ${String(r.json!.status)} but last event → ${lastStatus}`);
          if (assigned.has(h.id) && r.json!.status === 'reported') wrong.push(`${h.number} 交办 answered but not recorded`);
        }
        expect(wrong).toEqual([]);
        // The year's numbers: 1..N, no gap, no duplicate (answered or not, a committed report has the next number).
        const numbers: number[] = [];
        for (let page = 1; ; page++) {
          const r = await call(base, c2, 'GET', `/api/hazards?q=${encodeURIComponent('断电测试隐患')}&pageSize=200&page=${page}`);
          const items = r.json!.items as { number: string }[];
          numbers.push(...items.map((x) => Number(x.number.split('-')[2])));
          if (page * 200 >= Number(r.json!.total)) break;
        }
        numbers.sort((a, b) => a - b);
        expect(numbers.length).toBeGreaterThanOrEqual(created.length);
        expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, k) => numbers[0] + k));
        // And the trail is whole.
        const audit = await call(base, await login(base, 'admin'), 'GET', '/api/audit/verify');
        expect(audit.json).toMatchObject({ ok: true });
        console.log(`kill -9: ${created.length} reports and ${assigned.size} moves answered before the kill; ${numbers.length} committed, numbered ${numbers[0]}..${numbers.at(-1)}`);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    } finally {
      if (first.child.exitCode === null) first.child.kill('SIGKILL');
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
