// A fresh database per test file, cloned from the template built in global setup.
import fs from 'node:fs';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/db/db.js';
import { PgliteDb } from '../platform/db/pglite.js';
import { PostgresDb } from '../platform/db/postgres.js';
import { pgTemplateFile } from './env.js';

export interface TestDb { db: Db; drop(): Promise<void>; /** PostgreSQL: the clone's connection string (pg_dump, a second pool). */ url?: string }

/** Clone the migrated demo database: PostgreSQL when TEST_DATABASE_URL is set, else PGlite. */
export async function cloneTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = process.env.YINGJI_PG_TEMPLATE;
    if (!template) throw new Error('YINGJI_PG_TEMPLATE missing: run tests through vitest (global setup)');
    const name = `yingji_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const u = new URL(url); u.pathname = `/${name}`;
    const db = await PostgresDb.open(u.toString(), 5);
    return {
      db, url: u.toString(),
      drop: async () => { await db.close(); await admin.query(`drop database if exists ${name} with (force)`); await admin.end(); },
    };
  }
  const buf = fs.readFileSync(pgTemplateFile());
  const db = await PgliteDb.open({ loadDataDir: new Blob([buf]) });
  return { db, drop: () => db.close() };
}
