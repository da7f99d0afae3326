// Reporting periods (server/platform/period.ts): recognising a calendar period, 同比 and 环比 for each kind, leap days.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { changePercent, dayAfter, periodLabel, periodOf, previousPeriod, samePeriodLastYear } from '../../platform/period.js';

const p = (from: string, to: string) => periodOf(from, to);

describe('reporting periods (统计周期)', () => {
  it('recognises a month, quarter, half-year and year; anything else is custom', () => {
    expect(p('2022-05-01', '2022-05-31').kind).toBe('month');
    expect(p('2022-04-01', '2022-06-30').kind).toBe('quarter');
    expect(p('2022-01-01', '2022-06-30').kind).toBe('half');
    expect(p('2022-07-01', '2022-12-31').kind).toBe('half');
    expect(p('2022-01-01', '2022-12-31').kind).toBe('year');
    expect(p('2022-02-01', '2022-04-30').kind).toBe('custom');
    expect(p('2022-05-01', '2022-05-30').kind).toBe('custom');
  });

  it('同比 is the same dates a year earlier', () => {
    expect(samePeriodLastYear(p('2022-01-01', '2022-06-30'))).toMatchObject({ from: '2021-01-01', to: '2021-06-30' });
    expect(samePeriodLastYear(p('2022-04-01', '2022-06-30'))).toMatchObject({ kind: 'quarter', from: '2021-04-01', to: '2021-06-30' });
    expect(samePeriodLastYear(p('2022-03-05', '2022-05-20'))).toMatchObject({ kind: 'custom', from: '2021-03-05', to: '2021-05-20' });
  });

  it('环比 steps back one calendar unit, across the year for January and Q1, and by the same number of days for a custom period', () => {
    expect(previousPeriod(p('2022-01-01', '2022-01-31'))).toMatchObject({ from: '2021-12-01', to: '2021-12-31' });
    expect(previousPeriod(p('2022-03-01', '2022-03-31'))).toMatchObject({ from: '2022-02-01', to: '2022-02-28' });
    expect(previousPeriod(p('2022-01-01', '2022-03-31'))).toMatchObject({ from: '2021-10-01', to: '2021-12-31' });
    expect(previousPeriod(p('2022-01-01', '2022-06-30'))).toMatchObject({ from: '2021-07-01', to: '2021-12-31' });
    expect(previousPeriod(p('2022-01-01', '2022-12-31'))).toMatchObject({ from: '2021-01-01', to: '2021-12-31' });
    // 10 days → the 10 days before.
    expect(previousPeriod(p('2022-03-11', '2022-03-20'))).toMatchObject({ from: '2022-03-01', to: '2022-03-10' });
  });

  it('leap days: February 2024 compares with February 2023 whole, 29 February becomes 28 February, March 2024 steps back to 29 days', () => {
    expect(samePeriodLastYear(p('2024-02-01', '2024-02-29'))).toMatchObject({ kind: 'month', from: '2023-02-01', to: '2023-02-28' });
    expect(samePeriodLastYear(p('2024-02-29', '2024-03-10'))).toMatchObject({ from: '2023-02-28', to: '2023-03-10' });
    expect(previousPeriod(p('2024-03-01', '2024-03-31'))).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    // A year later, February 2025 against the leap February (28 days is the whole month there too).
    expect(samePeriodLastYear(p('2025-02-01', '2025-02-28'))).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(dayAfter('2024-02-28')).toBe('2024-02-29');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
  });

  it('names periods as a report states them', () => {
    expect(periodLabel(p('2022-01-01', '2022-06-30'))).toBe('2022年上半年');
    expect(periodLabel(p('2022-07-01', '2022-12-31'))).toBe('2022年下半年');
    expect(periodLabel(p('2022-04-01', '2022-06-30'))).toBe('2022年第2季度');
    expect(periodLabel(p('2022-05-01', '2022-05-31'))).toBe('2022年5月');
    expect(periodLabel(p('2022-01-01', '2022-12-31'))).toBe('2022年');
    expect(periodLabel(p('2022-01-05', '2022-02-10'))).toBe('2022-01-05至2022-02-10');
  });

  it('refuses reversed, malformed and over-long periods in Chinese', () => {
    const msg = (f: () => unknown) => { try { f(); } catch (e) { return e instanceof AppError ? `${e.status} ${e.message}` : String(e); } return 'no error'; };
    expect(msg(() => p('2022-06-30', '2022-01-01'))).toBe('400 截止日期 2022-01-01 早于起始日期 2022-06-30');
    expect(msg(() => p('2022/01/01', '2022-06-30'))).toMatch(/^400 日期格式应为/);
    expect(msg(() => p('2000-01-01', '2022-06-30'))).toMatch(/^400 统计周期不能超过 10 年/);
  });

  it('changes are one-decimal percentages, none from a zero base', () => {
    expect(changePercent(6, 9)).toBe(-33.3);
    expect(changePercent(12, 10)).toBe(20);
    expect(changePercent(5, 0)).toBeNull();
  });
});
