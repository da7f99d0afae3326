// Profile the server on a cached list answer (issue 12): the per-request cost of the framework and our hooks.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-cached.ts [route]
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/platform/db/open.js';
import { createPlatform } from '../server/platform/platform.js';

const route = process.argv[2] ?? '/api/hazards';
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-prof-'));
const config = loadConfig({ DATA_DIR: scratch, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development',
  LOGIN_RATE_LIMIT: '100000', ARGON2_MEMORY_KIB: '1024', LOAD_DEMO: 'false', DATABASE_URL: process.env.BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/bench_province' });
const { db, release } = await openDatabase(config);
const p = createPlatform(config, db);
const app = await buildApp(p);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff', password: 'Yingji@2026' }) });
const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
await fetch(base + route, { headers: { cookie } });
const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'suite', 'load.ts'), JSON.stringify({ url: base + route, headers: { cookie }, connections: 50, seconds: 8 })], { stdio: ['ignore', 'pipe', 'inherit'] });
let out = ''; child.stdout.on('data', (d) => { out += d; });
await new Promise((res) => child.on('exit', res));
console.log(out.trim());
await app.close(); await p.jobs.stop(); await release();
process.exit(0);
