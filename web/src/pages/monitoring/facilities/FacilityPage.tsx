// 一个监测设施: a reservoir, sluice, torrent point or rain gauge with its characteristic levels and responsible
// people; its sensors with live values, the last day of each sensor's readings against its thresholds, and its
// recent alarms with their handling. Live over server events.
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Empty, Flex, Grid, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import type { PageOf } from '../../../api/types';
import { PersonalValue } from '../../../components/PersonalValue';
import { PageHeader } from '../../../components/PageHeader';
import { AlarmList } from '../alarms/AlarmList';
import { FACILITIES, FACILITY_KINDS, SENSORS, valueText, type Facility, type Sensor, type Series } from '../monitoringApi';
import { SensorStateTag } from '../MonitoringTags';
import { OverviewBar } from '../OverviewBar';
import { SensorList } from '../points/SensorList';
import { SeriesChart } from '../points/SeriesChart';
import { useMonitoringEvents } from '../useMonitoringEvents';

const DAY = 86_400_000;

/** The 24 hours up to a sensor's last reading (so a quiet sensor still shows its last day). */
function SensorDay({ sensor }: { sensor: Sensor }) {
  const to = sensor.lastAt ? Math.ceil(Date.parse(sensor.lastAt) / 60_000) * 60_000 : Math.ceil(Date.now() / 60_000) * 60_000;
  const from = to - DAY;
  const series = useQuery({ queryKey: [SENSORS, sensor.id, 'series', from, to],
    queryFn: () => api.get<Series>(`${SENSORS}/${sensor.id}/series`, { from: new Date(from).toISOString(), to: new Date(to).toISOString() }) });
  return (
    <Card size="small" title={<Flex gap={8} align="center" wrap>{sensor.name}<SensorStateTag state={sensor.state} /></Flex>}
      extra={<Typography.Text strong>{valueText(sensor.lastValue, sensor.unit)}</Typography.Text>}>
      {series.isError ? <Alert type="error" showIcon title="曲线加载失败" description={series.error.message} />
        : !series.data ? <Skeleton active />
          : series.data.points.length ? <SeriesChart sensor={sensor} series={series.data} from={from} to={to} />
            : <Empty description="最近 24 小时没有数据" />}
    </Card>
  );
}

export default function FacilityPage() {
  const { id } = useParams();
  const phone = Grid.useBreakpoint().md === false;
  useMonitoringEvents(undefined, true);
  const facility = useQuery({ queryKey: [FACILITIES, id], queryFn: () => api.get<Facility>(`${FACILITIES}/${id}`) });
  const sensors = useQuery({ queryKey: [SENSORS, { facilityId: id, pageSize: 6 }], queryFn: () => api.get<PageOf<Sensor>>(SENSORS, { facilityId: id!, pageSize: 6 }) });
  const f = facility.data;
  if (facility.isError) return <Alert type="error" showIcon title="设施加载失败" description={facility.error.message} />;
  if (!f) return <Skeleton active />;
  const params = { facilityId: f.id };
  return (
    <>
      <PageHeader title={f.name}>{FACILITY_KINDS[f.kind]} · {f.regionName}{f.note ? ` · ${f.note}` : ''}</PageHeader>
      <Flex vertical gap={16}>
        <Descriptions size="small" bordered column={phone ? 1 : 2} layout={phone ? 'vertical' : 'horizontal'} data-testid="facility-info" items={[
          { label: '特征值', span: 2, children: Object.keys(f.characteristics).length
            ? <Flex wrap gap={4}>{Object.entries(f.characteristics).sort((a, b) => a[1] - b[1]).map(([k, v]) => <Tag key={k}>{k} {v}</Tag>)}</Flex> : '未登记' },
          { label: '责任人', span: 2, children: f.responsible.length
            ? <Flex wrap gap={12}>{f.responsible.map((r, i) => <span key={`${r.role}${r.name}`}>{r.role}：{r.name}{r.phone ? <>{' '}<PersonalValue value={r.phone} entity="monitoring_facility" id={f.id} field={`responsiblePhone${i}`} /></> : ''}</span>)}</Flex> : '未登记' },
          { label: '位置', children: f.lng !== null && f.lat !== null ? `${f.lng}, ${f.lat}` : '—' },
          { label: '设备', children: `${f.deviceCount} 台` },
        ]} />
        <OverviewBar params={params} />
        {!!sensors.data?.items.length && (
          <Row gutter={[12, 12]} data-testid="facility-charts">
            {sensors.data.items.map((s) => <Col key={s.id} xs={24} lg={12}><SensorDay sensor={s} /></Col>)}
          </Row>
        )}
        {/* One list at a time: both keep their page and filters in the URL. */}
        <Tabs destroyOnHidden items={[
          { key: 'alarms', label: '报警记录', children: <AlarmList params={params} showWhere={false} emptyText="该设施还没有报警。" /> },
          { key: 'sensors', label: '测点', children: <SensorList params={params} showWhere={false} emptyText="该设施还没有测点。在“设施设备”中为其登记设备和测点。" /> },
        ]} />
      </Flex>
    </>
  );
}
