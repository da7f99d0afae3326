// Working-day calendar over calendar_days (0001; seeded by 0022): legal deadlines that count working days
// (行政处罚法 2021 Art. 85: 三日、五日、七日 mean working days). A day without a row is a workday Monday to
// Friday; a row overrides it (a statutory holiday on a weekday, an adjusted workday 调休上班 at the weekend).
import type { Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';

const DAY_MS = 86400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** `day` (YYYY-MM-DD) moved by n calendar days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** `day` moved by n calendar months, clamped to the month's last day (2022-08-31 + 6 months → 2023-02-28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whether a day is Saturday or Sunday. */
export const isWeekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

function checkDay(day: string) {
  if (!DAY_RE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`not a day: ${day}`);
}

/** The calendar's exceptions between two days (inclusive): day → is_workday. */
export async function exceptionsBetween(db: Queryable, from: string, to: string): Promise<Map<string, boolean>> {
  const rows = await db.query<{ day: string; is_workday: boolean }>(
    sql`select day::text as day, is_workday from calendar_days where day between ${from}::date and ${to}::date`);
  return new Map(rows.map((r) => [r.day, r.is_workday]));
}

/** Whether `day` is a working day. */
export async function isWorkday(db: Queryable, day: string): Promise<boolean> {
  checkDay(day);
  const ex = await exceptionsBetween(db, day, day);
  return ex.get(day) ?? !isWeekend(day);
}

/** The n-th working day after `from` (from itself is not counted; n = 0 gives `from`). */
export async function addWorkingDays(db: Queryable, from: string, n: number): Promise<string> {
  checkDay(from);
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
  let day = from;
  let left = n;
  // Load the exceptions a window at a time: n working days never take more than 2n + 30 calendar days.
  while (left > 0) {
    const to = addDays(day, 2 * left + 30);
    const ex = await exceptionsBetween(db, addDays(day, 1), to);
    while (left > 0 && day < to) {
      day = addDays(day, 1);
      if (ex.get(day) ?? !isWeekend(day)) left--;
    }
  }
  return day;
}

/** Working days strictly after `from` up to and including `to` (0 when to ≤ from). */
export async function workingDaysBetween(db: Queryable, from: string, to: string): Promise<number> {
  if (to <= from) return 0;
  const ex = await exceptionsBetween(db, addDays(from, 1), to);
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (ex.get(d) ?? !isWeekend(d)) n++;
  return n;
}
