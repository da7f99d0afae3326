import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTestDb, type TestDb } from '../../testing/db.js';
import { addDays, addMonths, addWorkingDays, isWorkday, workingDaysBetween } from './calendar.js';

let t: TestDb;
beforeAll(async () => { t = await cloneTestDb(); });
afterAll(async () => { await t.drop(); });

describe('working-day calendar', () => {
  it('knows the 2022 National Day holiday and its adjusted weekend workdays', async () => {
    expect(await isWorkday(t.db, '2022-10-03')).toBe(false); // Monday, 国庆
    expect(await isWorkday(t.db, '2022-10-08')).toBe(true);  // Saturday, 调休上班
    expect(await isWorkday(t.db, '2022-10-15')).toBe(false); // an ordinary Saturday
    expect(await isWorkday(t.db, '2022-10-12')).toBe(true);  // an ordinary Wednesday
  });

  it('counts five working days across the National Day holiday', async () => {
    // 29 Sep 2022 (Thu): 30 Sep, 8 Oct (Sat, workday), 9 Oct (Sun, workday), 10 Oct, 11 Oct.
    expect(await addWorkingDays(t.db, '2022-09-29', 5)).toBe('2022-10-11');
    expect(await workingDaysBetween(t.db, '2022-09-29', '2022-10-11')).toBe(5);
  });

  it('skips the Spring Festival week', async () => {
    // 2026: 15–23 Feb off, 14 and 28 Feb (Saturdays) worked.
    expect(await addWorkingDays(t.db, '2026-02-12', 3)).toBe('2026-02-24');
    expect(await addWorkingDays(t.db, '2026-02-13', 1)).toBe('2026-02-14');
  });

  it('handles long periods and whole numbers only', async () => {
    expect(await addWorkingDays(t.db, '2024-01-02', 0)).toBe('2024-01-02');
    expect(await workingDaysBetween(t.db, '2024-01-01', await addWorkingDays(t.db, '2024-01-01', 120))).toBe(120);
    await expect(addWorkingDays(t.db, '2024-01-02', -1)).rejects.toThrow();
  });

  it('adds calendar days and months', () => {
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addMonths('2022-08-31', 6)).toBe('2023-02-28');
    expect(addMonths('2022-03-15', 9)).toBe('2022-12-15');
  });
});
