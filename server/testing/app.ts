// An app over a cloned database, with helpers to log in as the demo accounts.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import type { Platform } from '../platform/context.js';
import { createPlatform } from '../platform/platform.js';
import { cloneTestDb } from './db.js';
import { testConfig } from './env.js';

export const DEMO_PASSWORD = 'Yingji@2026';

export interface TestApp {
  app: FastifyInstance;
  p: Platform;
  /** Settable clock: tests move time instead of sleeping. */
  now: { value: Date };
  /** Log in and return the cookie header to send. */
  login(username: string, password?: string): Promise<string>;
  /** app.inject as a logged-in account. */
  as(cookie: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** PostgreSQL runs: the cloned database's connection string. */
  dbUrl?: string;
  /** Another app over its own fresh database, same configuration. */
  buildIsolated(): Promise<TestApp>;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<Config> = {}, env: Record<string, string> = {}): Promise<TestApp> {
  const { db, drop, url: dbUrl } = await cloneTestDb();
  // The memory caches hear changes on PGlite as they commit, on PostgreSQL a moment later: tests that write with SQL
  // and read through the API at once would race there, so on PostgreSQL only tests that ask for the caches get them.
  const config = testConfig({ memoryCache: !dbUrl, ...overrides }, env);
  const now = { value: new Date() };
  // On PostgreSQL the clone is this app's configured database (what `yingji backup` and the backup API dump).
  const p = createPlatform(dbUrl ? { ...config, databaseUrl: dbUrl } : config, db, { clock: () => now.value });
  const app = await buildApp(p);
  await app.ready();
  return {
    app, p, now, dbUrl,
    async login(username, password = DEMO_PASSWORD) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      const c = r.cookies.find((x) => x.name === 'yj_session')!;
      return `yj_session=${c.value}`;
    },
    as(cookie, opts) {
      return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), cookie } });
    },
    buildIsolated: () => buildTestApp(overrides, env),
    async close() {
      await app.close();
      await p.jobs.stop();
      await drop();
    },
  };
}
