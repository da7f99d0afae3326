import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDb, type TestDb } from '../../testing/db.js';
import { nextNumber } from './numbering.js';

let t: TestDb;
beforeAll(async () => { t = await cloneTestDb(); });
afterAll(async () => { await t.drop(); });

describe('document numbering', () => {
  it('counts per kind and year without gaps, even under concurrency', async () => {
    const taken = await Promise.all(Array.from({ length: 20 }, () => t.db.tx((tx) => nextNumber(tx, '罚', 2026))));
    expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await t.db.tx((tx) => nextNumber(tx, '罚', 2027))).toBe(1);
    expect(await t.db.tx((tx) => nextNumber(tx, '立', 2026))).toBe(1);
  });

  it('gives the number back when the record\'s transaction rolls back', async () => {
    await expect(t.db.tx(async (tx) => { await nextNumber(tx, '查', 2026); throw new Error('record refused'); })).rejects.toThrow();
    expect(await t.db.tx((tx) => nextNumber(tx, '查', 2026))).toBe(1);
  });
});
