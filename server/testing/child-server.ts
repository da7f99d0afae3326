// The real `yingji serve` as a child process on a free loopback port, for tests and benchmarks that must kill it
// (kill -9) or load it from another process: start, wait until it answers, log in, call, and a database for it
// (a fresh PGlite data folder, or a PostgreSQL database copied from a template or created empty).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
// tsx as a loader in the server's own process (its CLI would run the server in a child that SIGKILL cannot reach).
const loader = path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');

export const DEMO_PASSWORD = 'Yingji@2026';

export const freePort = () => new Promise<number>((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); });
});

export interface ChildServer {
  base: string;
  child: ReturnType<typeof spawn>;
  exited: Promise<void>;
  output(): string;
  /** Resolves once /api/health answers (first start: migrations and the demo county, up to 5 minutes). */
  ready(): Promise<void>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
}

/** Start `yingji serve` with these settings (DATA_DIR, DATABASE_URL, PORT …) over the inherited environment. */
export function startServer(env: Record<string, string>): ChildServer {
  const child = spawn(process.execPath, ['--import', `file://${loader}`, path.join(root, 'server', 'main.ts'), 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', NODE_ENV: 'development', TEST_DATABASE_URL: '', MQTT_URL: '',
      LOGIN_RATE_LIMIT: '100000', ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${env.PORT}`;
  return {
    base, child, exited, output: () => out,
    async ready() {
      for (let i = 0; i < 3000; i++) {
        if (child.exitCode !== null) throw new Error(out);
        try { if ((await fetch(`${base}/api/health`)).ok) return; } catch { /* not yet */ }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`server did not start:\n${out}`);
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Log in with the demo password; returns the session cookie (name=value). */
export async function login(base: string, username = 'staff'): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A JSON call; the body is parsed for 2xx answers only. */
export async function call(base: string, cookie: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(base + url, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, json: r.status < 300 ? await r.json() as Record<string, unknown> : null, text: r.status < 300 ? '' : await r.text() };
}

/** A JSON call that must answer 200. */
export async function must(base: string, cookie: string, method: string, url: string, body?: unknown) {
  const r = await call(base, cookie, method, url, body);
  if (r.status !== 200) throw new Error(`${method} ${url}: ${r.status} ${r.text}`);
  return r.json!;
}

export interface ServerDatabase {
  /** DATA_DIR, DATABASE_URL (empty for PGlite) and, for a template copy, AUDIT_KEY. */
  env: Record<string, string>;
  label: 'PGlite' | 'PostgreSQL';
  drop(): Promise<void>;
}

/**
 * A database for a child server. Without `pgUrl`: a fresh PGlite data folder (the server migrates and loads the demo
 * county). With `pgUrl`: a new database beside it, copied from `template` when given (a migrated demo county whose
 * trail was chained with `auditKey`), else empty.
 */
export async function serverDatabase(name: string, pgUrl?: string, template?: { name: string; auditKey: string }): Promise<ServerDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!pgUrl) return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, label: 'PGlite', drop: async () => removeDir() };
  const db = `${name.replace(/\W/g, '_')}_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  await admin(`drop database if exists ${db} with (force)`);
  await admin(`create database ${db}${template ? ` template ${template.name}` : ''}`);
  const u = new URL(pgUrl);
  u.pathname = `/${db}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: u.toString(), ...(template ? { AUDIT_KEY: template.auditKey } : {}) },
    label: 'PostgreSQL',
    drop: async () => { await admin(`drop database if exists ${db} with (force)`); removeDir(); },
  };
}
