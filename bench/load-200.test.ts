// The load test's short form in CI (the long one: `npx tsx bench/load-200.ts`, figures in docs/performance.md): the
// real server in a child process, 200 users with their own sessions on 200 connections for 10 s over the busiest read
// and write routes. Every answer is 2xx, no connection error or timeout, every route was reached, and every answered
// hazard report is stored. Latency is printed, not asserted (two shared cores). PGlite, or PostgreSQL with
// TEST_DATABASE_URL (a database copied from the test template).
import { describe, expect, it } from 'vitest';
import { freePort, login, serverDatabase, startServer } from '../server/testing/child-server.js';
import { TEST_AUDIT_KEY } from '../server/testing/env.js';
import { formatFigures, load200, reportedHazards } from './load-200.js';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('load at 200 concurrent users', () => {
  it(`answers every request of 200 users 2xx (${pgUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 600_000 }, async () => {
    const template = process.env.YINGJI_PG_TEMPLATE;
    if (pgUrl && !template) throw new Error('YINGJI_PG_TEMPLATE is not set by the global setup');
    const db = await serverDatabase('yingji_load', pgUrl, pgUrl ? { name: template!, auditKey: TEST_AUDIT_KEY } : undefined);
    const server = startServer({ ...db.env, PORT: String(await freePort()), MQTT_PORT: String(await freePort()) });
    try {
      await server.ready();
      const f = await load200(server, { users: 200, seconds: Number(process.env.LOAD_SECONDS ?? 10) });
      console.log(formatFigures(f, db.label));
      expect(f.failures).toEqual([]);
      expect({ errors: f.errors, timeouts: f.timeouts, non2xx: f.non2xx, status5xx: f.status5xx }).toEqual({ errors: 0, timeouts: 0, non2xx: 0, status5xx: 0 });
      for (const r of f.routes) expect(r.requests, r.route).toBeGreaterThan(0);
      const answered = f.routes.find((r) => r.route.startsWith('POST /api/hazards'))!.requests;
      expect(await reportedHazards(server.base, await login(server.base))).toBeGreaterThanOrEqual(answered);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
