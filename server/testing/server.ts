// A real listening server over a cloned demo database, for browser tests.
import { buildApp } from '../app.js';
import { createPlatform } from '../platform/platform.js';
import { cloneTestDb } from './db.js';
import { testConfig } from './env.js';

export async function startTestServer(): Promise<{ url: string; close(): Promise<void> }> {
  const config = testConfig({ jobsPollMs: 500 });
  const { db, drop } = await cloneTestDb();
  const p = createPlatform(config, db);
  const app = await buildApp(p);
  p.jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    async close() { await app.close(); await p.jobs.stop(); await drop(); },
  };
}
