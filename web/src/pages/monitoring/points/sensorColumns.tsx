// The columns of the sensor list; the name opens the sensor's chart.
import { Button, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatTime } from '../../../components/format';
import { SENSOR_TYPES, valueText, whereOf, type Sensor } from '../monitoringApi';
import { SensorStateTag } from '../MonitoringTags';

export function sensorColumns(phone: boolean, showWhere: boolean, onOpen: (s: Sensor) => void): ColumnsType<Sensor> {
  const name = {
    title: '测点', key: 'name', render: (_: unknown, s: Sensor) => (
      <div>
        <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(s)}>{s.name}</Button>
        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.deviceCode}/{s.code}{phone && showWhere ? ` · ${whereOf(s)}` : ''}</Typography.Text></div>
      </div>
    ),
  };
  const value = { title: '当前值', key: 'value', render: (_: unknown, s: Sensor) => <Typography.Text strong>{valueText(s.lastValue, s.unit)}</Typography.Text> };
  const state = { title: '状态', dataIndex: 'state', render: (v: Sensor['state']) => <SensorStateTag state={v} /> };
  if (phone) return [name, value, state];
  return [
    name,
    { title: '类型', dataIndex: 'type', render: (v: Sensor['type']) => SENSOR_TYPES[v] },
    ...(showWhere ? [{ title: '所在', key: 'where', render: (_: unknown, s: Sensor) => whereOf(s) }] : []),
    { title: '设备', dataIndex: 'deviceName' },
    value,
    { title: '阈值（低/高）', key: 'limits', render: (_: unknown, s: Sensor) => `${s.low ?? '—'} / ${s.high ?? '—'}` },
    state,
    { title: '上报时间', dataIndex: 'lastAt', render: (v: string | null) => formatTime(v) },
  ];
}
