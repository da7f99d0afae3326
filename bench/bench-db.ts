// The database a benchmark runs on: PGlite in memory, or PostgreSQL at BENCH_DATABASE_URL (its public schema is
// wiped first), migrated and with the demo county loaded.
import type { Db } from '../server/platform/db/db.js';
import { migrate } from '../server/platform/db/migrate.js';
import { PgliteDb } from '../server/platform/db/pglite.js';
import { PostgresDb } from '../server/platform/db/postgres.js';
import { loadDemo } from '../demo/index.js';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL;
export const benchDbKind = () => (BENCH_DATABASE_URL ? 'postgres' : 'pglite');

/** A fresh, migrated database with the demo county (password hashing skipped: benchmarks log in only where they say). */
export async function openBenchDb(opts: { demo?: boolean; hashPassword?: (p: string) => Promise<string> } = {}): Promise<Db> {
  let db: Db;
  if (BENCH_DATABASE_URL) {
    db = await PostgresDb.open(BENCH_DATABASE_URL, 4);
    await db.exec('drop schema public cascade; create schema public;');
  } else {
    db = await PgliteDb.open({});
  }
  await migrate(db);
  if (opts.demo !== false) await loadDemo(db, { hashPassword: opts.hashPassword ?? (async () => 'x') });
  return db;
}
