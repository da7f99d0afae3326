// The monitoring counts at the top of the monitoring pages: sensors by state, open and unacknowledged alarms.
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Statistic } from 'antd';
import { api, type QueryParams } from '../../api/client';
import { OVERVIEW, type Overview } from './monitoringApi';

export function OverviewBar({ params }: { params?: QueryParams }) {
  const { data } = useQuery({ queryKey: [OVERVIEW, params], queryFn: () => api.get<Overview>(OVERVIEW, params) });
  const s = data?.sensorsByState ?? {};
  const items: { title: string; value: number | undefined; colour?: string }[] = [
    { title: '测点', value: data?.sensors },
    { title: '正常', value: data ? s.normal ?? 0 : undefined, colour: '#389e0d' },
    { title: '报警', value: data ? (s.alarm_1 ?? 0) + (s.alarm_2 ?? 0) : undefined, colour: '#cf1322' },
    { title: '离线', value: data ? s.offline ?? 0 : undefined, colour: '#595959' },
    { title: '未关闭报警', value: data?.openAlarms, colour: '#fa8c16' },
    { title: '待确认', value: data?.unacknowledged, colour: '#cf1322' },
    { title: '生效预警', value: data?.activeWarnings },
  ];
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="monitoring-overview">
      {items.map((i) => (
        <Card key={i.title} size="small" style={{ minWidth: 96, flex: '1 1 96px' }}>
          <Statistic title={i.title} value={i.value ?? '—'} styles={{ content: { color: i.colour, fontSize: 20 } }} />
        </Card>
      ))}
    </Flex>
  );
}
