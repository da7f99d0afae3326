import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { cloneTestDb, type TestDb } from '../../testing/db.js';
import { regionPrefix, regionWithin } from './scope.js';

let t: TestDb;
beforeAll(async () => { t = await cloneTestDb(); });
afterAll(async () => { await t.drop(); });

describe('region prefixes', () => {
  it.each([
    ['430000000000', '43'], ['430600000000', '4306'], ['430699000000', '430699'], ['430699101000', '430699101'],
    ['430699110000', '430699110'], ['430699101201', '430699101201'], ['430699101010', '430699101010'],
  ])('%s → %s, the same in TypeScript and in SQL', async (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
    expect((await t.db.one<{ p: string }>(sql`select region_prefix(${code}) as p`)).p).toBe(prefix);
  });

  it('does not take town 110 for towns 111–119', () => {
    expect(regionWithin('430699111201', '430699110000')).toBe(false);
    expect(regionWithin('430699110201', '430699110000')).toBe(true);
  });
});
