import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from './sql.js';
import { MIGRATIONS_DIR, MigrationError, migrate, migrationStatus } from './migrate.js';
import { cloneTestDb, type TestDb } from '../../testing/db.js';

let t: TestDb;
let dir: string;
beforeAll(async () => {
  t = await cloneTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-mig-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
});
afterAll(async () => { await t.drop(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('migrations', () => {
  it('are all applied in the template, with checksums', async () => {
    const s = await migrationStatus(t.db);
    expect(s.pending).toEqual([]);
    expect(s.applied.length).toBe(s.files.length);
  });

  it('apply a new file once, in order', async () => {
    fs.writeFileSync(path.join(dir, '9001_test_extra.sql'), 'create table test_extra (id int);');
    expect(await migrate(t.db, dir)).toEqual(['9001_test_extra.sql']);
    expect(await migrate(t.db, dir)).toEqual([]);
    expect(await t.db.query(sql`select * from test_extra`)).toEqual([]);
  });

  it('roll back a failing file and leave no record of it', async () => {
    fs.writeFileSync(path.join(dir, '9002_broken.sql'), 'create table half_done (id int); select * from no_such_table;');
    await expect(migrate(t.db, dir)).rejects.toThrow();
    expect(await t.db.maybeOne(sql`select 1 from schema_migrations where version = '9002'`)).toBeUndefined();
    expect(await t.db.maybeOne(sql`select 1 from information_schema.tables where table_name = 'half_done'`)).toBeUndefined();
    fs.rmSync(path.join(dir, '9002_broken.sql'));
  });

  it('refuse to start when an applied file was changed, naming the file', async () => {
    fs.appendFileSync(path.join(dir, '9001_test_extra.sql'), '\n-- edited later\n');
    const err = await migrate(t.db, dir).catch((e) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect(err.message).toMatch(/9001_test_extra\.sql.*被修改/);
  });
});
