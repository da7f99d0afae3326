// The time slider of 一张图: 实时 shows what is live now (open incidents, alarms not closed, warnings in force); 时间段
// picks a span of days and a slider narrows it, so a person can scrub through an event day by day.
import { useEffect, useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Flex, Segmented, Slider, Typography } from 'antd';
import type { TimeWindow } from './situationApi';

const DAY = 86400_000;

/** The instant a day (Beijing time) starts, or ends. */
const dayStart = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T00:00:00+08:00`;
const dayEnd = (d: Dayjs) => `${d.format('YYYY-MM-DD')}T23:59:59+08:00`;

export function TimeControl({ value, onChange, dark }: { value: TimeWindow; onChange: (w: TimeWindow) => void; dark?: boolean }) {
  // A range given in the link (?from=…&to=…) is the span; else the last 30 days.
  const [span, setSpan] = useState<[Dayjs, Dayjs]>(() => (value.mode === 'range'
    ? [dayjs(value.from).startOf('day'), dayjs(value.to).startOf('day')]
    : [dayjs().subtract(29, 'day').startOf('day'), dayjs().startOf('day')]));
  const days = Math.max(0, Math.round((span[1].valueOf() - span[0].valueOf()) / DAY));
  const [pick, setPick] = useState<[number, number]>([0, days]);
  useEffect(() => { setPick([0, days]); }, [days, span[0].valueOf()]);

  const emit = (s: [Dayjs, Dayjs], p: [number, number]) => onChange({ mode: 'range', from: dayStart(s[0].add(p[0], 'day')), to: dayEnd(s[0].add(p[1], 'day')) });
  const label = (n: number) => span[0].add(n, 'day').format('M月D日');
  const muted = dark ? { color: 'rgba(255,255,255,0.65)' } : undefined;

  return (
    <Flex vertical gap={6} data-testid="time-control">
      <Flex gap={8} align="center" wrap>
        <Segmented size="small" value={value.mode} onChange={(m) => (m === 'live' ? onChange({ mode: 'live' }) : emit(span, pick))}
          options={[{ value: 'live', label: '实时' }, { value: 'range', label: '时间段' }]} />
        <Typography.Text type="secondary" style={{ fontSize: 12, ...muted }}>
          {value.mode === 'live' ? '未结事件、未关闭报警、生效预警' : `${timeLabel(value.from)} 至 ${timeLabel(value.to)} 的事件、报警与预警`}
        </Typography.Text>
      </Flex>
      {value.mode === 'range' && (
        <>
          <DatePicker.RangePicker size="small" value={span} allowClear={false} aria-label="时间段"
            onChange={(v) => { if (v?.[0] && v[1]) { const s: [Dayjs, Dayjs] = [v[0].startOf('day'), v[1].startOf('day')]; setSpan(s); emit(s, [0, Math.round((s[1].valueOf() - s[0].valueOf()) / DAY)]); } }} />
          {days > 0 && (
            <Slider range min={0} max={days} value={pick} tooltip={{ formatter: (n) => label(n ?? 0) }}
              onChange={(v) => setPick(v as [number, number])} onChangeComplete={(v) => emit(span, v as [number, number])}
              marks={{ 0: label(0), [days]: label(days) }} />
          )}
        </>
      )}
    </Flex>
  );
}

const timeLabel = (iso: string) => dayjs(iso).format('YYYY-MM-DD');
