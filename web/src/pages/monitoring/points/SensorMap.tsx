// Sensors on the shared region map, coloured by state (报警 red/orange, 离线 grey, 正常 green); a tap opens
// the sensor's card with its live value and a button to its chart.
import { Suspense } from 'react';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { CloseOutlined, LineChartOutlined } from '@ant-design/icons';
import { RegionMap, type MapMarker } from '../../../components/map';
import { formatTime } from '../../../components/format';
import { SENSOR_STATES, STATE_STYLE, valueText, whereOf, type Sensor, type SensorState } from '../monitoringApi';
import { SensorStateTag } from '../MonitoringTags';

interface SensorMarker extends MapMarker { sensor: Sensor }

const marker = (s: Sensor): SensorMarker => ({
  id: s.id, lng: s.lng!, lat: s.lat!, colour: STATE_STYLE[s.state].colour, rank: STATE_STYLE[s.state].rank, title: s.name, sensor: s,
});

export function SensorMap({ items, loading, onOpen }: { items: Sensor[]; loading: boolean; onOpen: (s: Sensor) => void }) {
  const placed = items.filter((s) => s.lng !== null && s.lat !== null);
  const legend = (
    <Flex vertical gap={2}>
      <Flex wrap gap={8}>
        {(Object.keys(SENSOR_STATES) as SensorState[]).map((k) => (
          <span key={k}><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: STATE_STYLE[k].colour, marginInlineEnd: 4 }} />{SENSOR_STATES[k]}</span>
        ))}
      </Flex>
      <span style={{ color: '#8c8c8c' }}>地图上 {placed.length} 个测点{placed.length < items.length ? `，${items.length - placed.length} 个无坐标未显示` : ''}</span>
    </Flex>
  );
  return (
    <Suspense fallback={<Skeleton active />}>
      <RegionMap<SensorMarker> markers={placed.map(marker)} loading={loading} legend={legend} height="65vh"
        renderCard={({ sensor: s }, close) => (
          <Card size="small" title={<Typography.Text strong ellipsis={{ tooltip: s.name }}>{s.name}</Typography.Text>}
            extra={<Button type="text" size="small" icon={<CloseOutlined />} onClick={close} aria-label="关闭" />} style={{ boxShadow: '0 4px 16px rgba(0,0,0,0.18)' }}>
            <Flex vertical gap={6}>
              <Typography.Text type="secondary">{whereOf(s)} · {s.deviceName}</Typography.Text>
              <Flex gap={8} align="center"><SensorStateTag state={s.state} /><Typography.Text strong>{valueText(s.lastValue, s.unit)}</Typography.Text></Flex>
              <Typography.Text type="secondary">上报于 {formatTime(s.lastAt)}</Typography.Text>
              <Button type="primary" block icon={<LineChartOutlined />} onClick={() => onOpen(s)}>查看曲线</Button>
            </Flex>
          </Card>
        )} />
    </Suspense>
  );
}
