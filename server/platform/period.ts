// Reporting periods (统计周期) and their comparisons: 同比 (the same period a year earlier) and 环比 (the period
// just before, of the same length and kind). Dates are calendar dates (YYYY-MM-DD) in Asia/Shanghai, both ends
// inclusive, as a report states them ("2022年1月1日至6月30日").
import type { Period, PeriodKind } from '../../contracts/figures.js';
import { AppError } from './http/errors.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(d: string): [number, number, number] {
  const m = DATE.exec(d);
  if (!m) throw new AppError(400, 'bad_date', `日期格式应为 YYYY-MM-DD：${d}`, `date must be YYYY-MM-DD: ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1–12) of year y. */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day after d (for half-open SQL ranges: `at >= from and at < dayAfter(to)`). */
export function dayAfter(d: string): string {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + 1));
  return t.toISOString().slice(0, 10);
}

function addDays(d: string, n: number): string {
  const [y, m, day] = parts(d);
  return new Date(Date.UTC(y, m - 1, day + n)).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = parts(a);
  const [y2, m2, d2] = parts(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Months spanned by a kind. */
const MONTHS: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The period of a kind containing the given day, e.g. ('half', '2022-05-10') → 2022-01-01..2022-06-30. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  if (kind === 'custom') return { kind, from: day, to: day };
  const [y, m] = parts(day);
  const len = MONTHS[kind];
  const startMonth = Math.floor((m - 1) / len) * len + 1;
  const endMonth = startMonth + len - 1;
  return { kind, from: iso(y, startMonth, 1), to: iso(y, endMonth, lastDay(y, endMonth)) };
}

/**
 * A period from its two ends, recognising a calendar month, quarter, half-year or year (so that 环比 steps by
 * calendar units); anything else is `custom`. Refuses reversed or over-long ranges with a message a person can act on.
 */
export function periodOf(from: string, to: string): Period {
  parts(from);
  parts(to);
  if (to < from) throw new AppError(400, 'bad_period', `截止日期 ${to} 早于起始日期 ${from}`, 'to is before from');
  if (daysBetween(from, to) > 366 * 10) throw new AppError(400, 'bad_period', '统计周期不能超过 10 年', 'period longer than 10 years');
  for (const kind of ['month', 'quarter', 'half', 'year'] as const) {
    const p = periodContaining(kind, from);
    if (p.from === from && p.to === to) return p;
  }
  return { kind: 'custom', from, to };
}

/** 同比: the same dates one year earlier (29 February becomes 28 February). */
export function samePeriodLastYear(p: Period): Period {
  const back = (d: string) => {
    const [y, m, day] = parts(d);
    return iso(y - 1, m, Math.min(day, lastDay(y - 1, m)));
  };
  // A whole month ending on its last day stays whole (2024-02-29 → 2023-02-28).
  const [ty, tm, td] = parts(p.to);
  const to = td === lastDay(ty, tm) ? iso(ty - 1, tm, lastDay(ty - 1, tm)) : back(p.to);
  return { kind: p.kind, from: back(p.from), to };
}

/** 环比: the period just before, of the same calendar kind, or of the same number of days for a custom one. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'custom') {
    const len = daysBetween(p.from, p.to);
    const to = addDays(p.from, -1);
    return { kind: 'custom', from: addDays(to, -len), to };
  }
  return periodContaining(p.kind, addDays(p.from, -1));
}

/** How a person names the period: 2022年上半年, 2022年第2季度, 2022年5月, 2022年, or 2022-01-05至2022-02-10. */
export function periodLabel(p: Period): string {
  const [y, m] = parts(p.from);
  switch (p.kind) {
    case 'year': return `${y}年`;
    case 'half': return `${y}年${m === 1 ? '上' : '下'}半年`;
    case 'quarter': return `${y}年第${(m + 2) / 3}季度`;
    case 'month': return `${y}年${m}月`;
    default: return `${p.from}至${p.to}`;
  }
}

/** Change as a percentage (一位小数), or null when the base is zero (a person reads "—", not "∞"). */
export function changePercent(current: number, base: number): number | null {
  if (!base) return null;
  return Math.round(((current - base) / base) * 1000) / 10;
}
