// Times GET /api/dashboard (and optionally one more route) as `leader` on a generated bench database, with
// PostgreSQL's slow-statement log on, to see which of the dashboard's queries cost the time.
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/dashboard-profile.ts --scale province [--route /api/...]
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { argon2Hasher } from '../server/platform/auth/passwords.js';
import { createPlatform } from '../server/platform/platform.js';
import { openSuiteDb } from './suite/database.js';
import { SCALES, type ScaleName } from './suite/scales.js';

const argv = process.argv.slice(2);
const arg = (n: string) => { const i = argv.indexOf(`--${n}`); return i >= 0 ? argv[i + 1] : undefined; };
const scale = SCALES[(arg('scale') ?? 'county') as ScaleName];
const hasher = argon2Hasher(1024);
const bdb = await openSuiteDb(scale, { regenerate: false, hashPassword: (pw) => hasher.hash(pw) });
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-dash-prof-'));
const config = loadConfig({ DATA_DIR: scratch, LOG_LEVEL: 'silent', AUDIT_KEY: 'bench-key-0123456789abcdef0123456789abcdef', NODE_ENV: 'development',
  LOGIN_RATE_LIMIT: '100000', ARGON2_MEMORY_KIB: '1024', LOAD_DEMO: 'false' });
const app = await buildApp(createPlatform(config, bdb.db));
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Yingji@2026' } });
const cookie = String(login.headers['set-cookie']).split(';')[0];
for (const url of [arg('route') ?? '/api/dashboard']) {
  for (let i = 0; i < Number(arg('times') ?? 3); i++) {
    const t0 = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    console.log(url, r.statusCode, `${(performance.now() - t0).toFixed(1)} ms`, `${r.body.length} bytes`);
  }
}
await app.close();
await bdb.db.close();
process.exit(0);
