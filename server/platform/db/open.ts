// Open the configured database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR.
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Db } from './db.js';
import { lockDataDir } from './lock.js';
import { PgliteDb } from './pglite.js';
import { PostgresDb } from './postgres.js';

export interface OpenedDb { db: Db; release: () => Promise<void> }

/** Open the database for a server or CLI process; `release` closes it and drops the lock. */
export async function openDatabase(config: Config): Promise<OpenedDb> {
  if (config.databaseUrl) {
    const db = await PostgresDb.open(config.databaseUrl);
    return { db, release: () => db.close() };
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const db = await PgliteDb.open({ dataDir: path.join(config.dataDir, 'pgdata') });
    return { db, release: async () => { try { await db.close(); } finally { unlock(); } } };
  } catch (e) {
    unlock();
    throw e;
  }
}
