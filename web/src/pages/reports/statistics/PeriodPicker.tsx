// 统计周期: month, quarter, half-year, year or custom dates; a calendar period is picked as one unit and becomes its
// first and last day, so that the server recognises it and compares 环比 with the period before.
import { DatePicker, Flex, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';
export const PERIOD_KINDS: { value: PeriodKind; label: string }[] = [
  { value: 'month', label: '月度' }, { value: 'quarter', label: '季度' }, { value: 'half', label: '半年' }, { value: 'year', label: '年度' }, { value: 'custom', label: '自定义' },
];
const DAY = 'YYYY-MM-DD';

/** The period of a kind containing a day. */
export function periodAround(kind: PeriodKind, day: Dayjs): { from: string; to: string } {
  const len = { month: 1, quarter: 3, half: 6, year: 12, custom: 1 }[kind];
  const start = day.month(Math.floor(day.month() / len) * len).startOf('month');
  return { from: start.format(DAY), to: start.add(len - 1, 'month').endOf('month').format(DAY) };
}

interface Props { kind: PeriodKind; from: string; to: string; onChange: (p: { kind: PeriodKind; from: string; to: string }) => void }

export function PeriodPicker({ kind, from, to, onChange }: Props) {
  const start = dayjs(from);
  const pick = (k: PeriodKind, d: Dayjs | null) => d && onChange({ kind: k, ...periodAround(k, d) });
  return (
    <Flex gap={8} wrap>
      <Select aria-label="统计周期类型" value={kind} options={PERIOD_KINDS} style={{ width: 96 }}
        onChange={(k) => (k === 'custom' ? onChange({ kind: k, from, to }) : pick(k, start))} />
      {kind === 'month' && <DatePicker picker="month" aria-label="统计月份" allowClear={false} value={start} onChange={(d) => pick('month', d)} format="YYYY年M月" />}
      {kind === 'quarter' && <DatePicker picker="quarter" aria-label="统计季度" allowClear={false} value={start} onChange={(d) => pick('quarter', d)} format="YYYY年第Q季度" />}
      {kind === 'year' && <DatePicker picker="year" aria-label="统计年度" allowClear={false} value={start} onChange={(d) => pick('year', d)} format="YYYY年" />}
      {kind === 'half' && (
        <>
          <DatePicker picker="year" aria-label="统计年度" allowClear={false} value={start} format="YYYY年" style={{ width: 110 }}
            onChange={(d) => pick('half', d?.month(start.month()) ?? null)} />
          <Select aria-label="上半年或下半年" value={start.month() < 6 ? 'h1' : 'h2'} style={{ width: 96 }}
            options={[{ value: 'h1', label: '上半年' }, { value: 'h2', label: '下半年' }]} onChange={(h) => pick('half', start.month(h === 'h1' ? 0 : 6))} />
        </>
      )}
      {kind === 'custom' && (
        <DatePicker.RangePicker aria-label="统计起止日期" allowClear={false} value={[start, dayjs(to)]}
          onChange={(r) => r?.[0] && r[1] && onChange({ kind: 'custom', from: r[0].format(DAY), to: r[1].format(DAY) })} />
      )}
    </Flex>
  );
}
