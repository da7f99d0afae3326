// One sensor in a drawer: its state, live value and thresholds, and its readings over a chosen range.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Flex, Grid, Segmented, Skeleton, Typography } from 'antd';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { formatTime } from '../../../components/format';
import { SENSOR_TYPES, SENSORS, valueText, whereOf, type Sensor, type Series } from '../monitoringApi';
import { SensorStateTag } from '../MonitoringTags';
import { SeriesChart } from './SeriesChart';

const RANGES = [
  { label: '1 小时', value: '1h', ms: 3_600_000 }, { label: '6 小时', value: '6h', ms: 6 * 3_600_000 },
  { label: '24 小时', value: '24h', ms: 86_400_000 }, { label: '7 天', value: '7d', ms: 7 * 86_400_000 },
  { label: '30 天', value: '30d', ms: 30 * 86_400_000 }, { label: '自定义', value: 'custom', ms: 0 },
];
const RESOLUTIONS = { raw: '原始数据', '1m': '1 分钟均值', '1h': '1 小时均值' } as const;

const limit = (v: number | null, unit: string) => (v === null ? '—' : valueText(v, unit));
/** Where the chosen range ends: now, or just after the last reading of a sensor that has gone quiet (so the chart
 *  shows its last data, e.g. the demo county's June 2022). Rounded to the minute so the query key stays stable. */
const endOf = (s: Sensor | null) => {
  const now = dayjs().startOf('minute').add(1, 'minute').valueOf();
  return s?.lastAt ? Math.min(now, dayjs(s.lastAt).startOf('minute').add(1, 'minute').valueOf()) : now;
};

export function SensorDrawer({ sensor, onClose }: { sensor: Sensor | null; onClose: () => void }) {
  const phone = Grid.useBreakpoint().md === false;
  const [range, setRange] = useState('24h');
  const [custom, setCustom] = useState<[Dayjs, Dayjs]>(() => [dayjs().subtract(3, 'day'), dayjs()]);
  // The window is fixed when chosen (rounded to the minute) so that the query key stays stable.
  const [anchor, setAnchor] = useState(() => endOf(sensor));
  useEffect(() => setAnchor(endOf(sensor)), [sensor]);
  const chosen = RANGES.find((r) => r.value === range)!;
  const [from, to] = range === 'custom' ? [custom[0].valueOf(), custom[1].valueOf()] : [anchor - chosen.ms, anchor];

  const series = useQuery({
    queryKey: [SENSORS, sensor?.id, 'series', from, to],
    queryFn: () => api.get<Series>(`${SENSORS}/${sensor!.id}/series`, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    enabled: !!sensor,
  });

  return (
    <Drawer open={!!sensor} onClose={onClose} size={phone ? '100%' : 780} destroyOnHidden
      title={sensor && <Flex gap={8} align="center" wrap>{sensor.name}<SensorStateTag state={sensor.state} /></Flex>}>
      {sensor && (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={phone ? 1 : 2} bordered items={[
            { label: '当前值', children: <Typography.Text strong>{valueText(sensor.lastValue, sensor.unit)}</Typography.Text> },
            { label: '上报时间', children: formatTime(sensor.lastAt) },
            { label: '位号', children: `${sensor.deviceCode} / ${sensor.code}` },
            { label: '类型', children: SENSOR_TYPES[sensor.type] },
            { label: '所在', children: sensor.enterpriseId ? <Link to={`/enterprises/${sensor.enterpriseId}`}>{sensor.enterpriseName}</Link>
              : sensor.facilityId ? <Link to={`/monitoring/facilities/${sensor.facilityId}`}>{sensor.facilityName}</Link> : whereOf(sensor) },
            { label: '量程', children: `${limit(sensor.rangeMin, sensor.unit)} ~ ${limit(sensor.rangeMax, sensor.unit)}` },
            { label: '高限 / 高高限', children: `${limit(sensor.high, sensor.unit)} / ${limit(sensor.highHigh, sensor.unit)}` },
            { label: '低限 / 低低限', children: `${limit(sensor.low, sensor.unit)} / ${limit(sensor.lowLow, sensor.unit)}` },
            { label: '上报周期', children: `${sensor.expectedIntervalSec} 秒` },
            { label: '报警延时 / 回差', children: `${sensor.alarmDelaySec} 秒 / ${sensor.hysteresis}` },
          ]} />
          <Flex wrap gap={8} align="center">
            <Segmented value={range} options={RANGES.map(({ label, value }) => ({ label, value }))}
              onChange={(v) => { setRange(String(v)); setAnchor(endOf(sensor)); }} />
            {range === 'custom' && (
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={custom} allowClear={false}
                inputReadOnly onChange={(v) => v?.[0] && v[1] && setCustom([v[0], v[1]])} />
            )}
          </Flex>
          {series.isError && <Alert type="error" showIcon title="曲线加载失败" description={series.error.message} />}
          {series.isPending ? <Skeleton active /> : series.data && (
            <>
              <SeriesChart sensor={sensor} series={series.data} from={from} to={to} />
              <Typography.Text type="secondary">
                {RESOLUTIONS[series.data.resolution]}，{series.data.points.length} 个点；单位 {sensor.unit}。虚线为报警阈值。
              </Typography.Text>
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
