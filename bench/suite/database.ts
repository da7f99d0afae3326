// The suite's database: PGlite in a data folder under the system's temp folder (default), or PostgreSQL database
// bench_<scale> next to BENCH_DATABASE_URL. A database generated before at the same scale is reused (migrations
// added since are applied onto it, as an upgrade would; an older generator version is reported, and --regenerate
// makes it anew); otherwise it is made: migrated, demo county loaded, the scale generated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadDemo } from '../../demo/index.js';
import type { Db } from '../../server/platform/db/db.js';
import { migrate, MigrationError } from '../../server/platform/db/migrate.js';
import { PgliteDb } from '../../server/platform/db/pglite.js';
import { PostgresDb } from '../../server/platform/db/postgres.js';
import { sql } from '../../server/platform/db/sql.js';
import { generate, type Generated } from './generate.js';
import { GENERATOR_VERSION, type Scale } from './scales.js';

export interface BenchDb { db: Db; kind: 'pglite' | 'postgres'; reused: boolean; generated: Generated | null; where: string; migrationsApplied: string[] }

interface Meta { scale: string; generator_version: number; generated: Generated }

async function readMeta(db: Db): Promise<Meta | undefined> {
  const exists = await db.maybeOne(sql`select 1 from pg_tables where schemaname = current_schema() and tablename = 'bench_meta'`);
  return exists ? db.maybeOne<Meta>(sql`select scale, generator_version, generated from bench_meta`) : undefined;
}

async function openPg(url: string, name: string, fresh: boolean): Promise<Db> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const has = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (fresh && has) await admin.query(`drop database ${name} with (force)`);
    if (fresh || !has) await admin.query(`create database ${name}`);
  } finally { await admin.end(); }
  const u = new URL(url); u.pathname = `/${name}`;
  return PostgresDb.open(u.toString(), 10);
}

/** Open the scale's database, generating it when there is none to reuse. `regenerate` forces a new one. */
export async function openSuiteDb(scale: Scale, opts: { regenerate?: boolean; hashPassword: (p: string) => Promise<string> }): Promise<BenchDb> {
  const url = process.env.BENCH_DATABASE_URL;
  const kind = url ? 'postgres' : 'pglite';
  const pgName = `bench_${scale.name}`;
  const dir = path.join(process.env.BENCH_PGLITE_DIR ?? os.tmpdir(), `yingji-bench-${scale.name}-pglite`);
  const where = url ? `PostgreSQL database ${pgName}` : `PGlite in ${dir}`;
  const open = async (fresh: boolean) => {
    if (url) return openPg(url, pgName, fresh);
    if (fresh) fs.rmSync(dir, { recursive: true, force: true });
    return PgliteDb.open({ dataDir: dir });
  };

  if (!opts.regenerate) {
    const db = await open(false);
    const meta = await readMeta(db).catch(() => undefined);
    // An older generator's data is still reused (a province takes the better part of an hour to make): say so.
    if (meta && meta.scale === scale.name && meta.generator_version !== GENERATOR_VERSION) {
      console.log(`note: ${where} was made by generator v${meta.generator_version} (now v${GENERATOR_VERSION}); --regenerate makes it anew`);
    }
    if (meta && meta.scale === scale.name) {
      try {
        const applied = await migrate(db);
        if (applied.length) console.log(`reusing ${where}; applied ${applied.length} newer migration(s): ${applied.join(', ')}`);
        else console.log(`reusing ${where} (generated before at scale ${scale.name})`);
        return { db, kind, reused: true, generated: meta.generated, where, migrationsApplied: applied };
      } catch (err) {
        if (!(err instanceof MigrationError)) throw err;
        console.log(`cannot reuse ${where}: ${err.message}`);
      }
    } else if (meta) console.log(`${where} holds scale ${meta.scale}: regenerating`);
    await db.close();
  }

  console.log(`generating scale ${scale.name} into ${where}`);
  const db = await open(true);
  const applied = await migrate(db);
  await loadDemo(db, { hashPassword: opts.hashPassword });
  const generated = await generate(db, scale);
  await db.exec('create table bench_meta (scale text not null, generator_version int not null, generated jsonb not null, at timestamptz not null default now())');
  await db.execute(sql`insert into bench_meta (scale, generator_version, generated) values (${scale.name}, ${GENERATOR_VERSION}, ${JSON.stringify(generated)}::jsonb)`);
  if (kind === 'pglite') await db.exec('checkpoint');
  return { db, kind, reused: false, generated, where, migrationsApplied: applied };
}
