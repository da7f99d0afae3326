// 指挥一张图 of an incident (mounted on the incident page): the place, a radius, and what lies within it — enterprises and
// their major hazard sources, sensors and alarms, hazards, rescue resources, shelters, reservoirs and torrent points,
// villages and their population — on the shared region map, with layers the user switches.
import { Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import type { MapLayer, Nearby } from '../../../../../contracts/command-reports';
import { MAP_LAYERS } from '../../../../../contracts/command-reports';
import { api } from '../../../api/client';
import { RegionMap, type MapMarker } from '../../../components/map';

const RISK: Record<string, string> = { red: '#d4380d', orange: '#fa8c16', yellow: '#fadb14', blue: '#1677ff' };
const LAYER_COLOURS: Record<MapLayer, string> = {
  enterprises: '#8c8c8c', hazardSources: '#a8071a', sensors: '#13c2c2', alarms: '#f5222d', hazards: '#fa541c', resources: '#52c41a', shelters: '#2f54eb',
  facilities: '#1890ff', villages: '#722ed1',
};
const RADII = [1000, 3000, 5000, 10000, 20000];
const km = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(m % 1000 ? 1 : 0)} 公里` : `${m} 米`);

interface Point extends MapMarker { layer: MapLayer | 'incident'; lines: string[]; link?: string }

/** The points of the shown layers. */
function pointsOf(d: Nearby, shown: MapLayer[]): Point[] {
  const on = (l: MapLayer) => shown.includes(l);
  const dist = (m: number) => `距事发地 ${km(m)}`;
  return [
    { id: d.incident.id, lng: d.incident.lng, lat: d.incident.lat, colour: '#000000', rank: 100, title: `事发地：${d.incident.title}`, layer: 'incident', lines: [d.incident.address] },
    ...(on('enterprises') ? d.enterprises.map((e): Point => ({ id: e.id, lng: e.lng, lat: e.lat, colour: RISK[e.riskLevel ?? ''] ?? LAYER_COLOURS.enterprises, rank: 1,
      title: e.name, layer: 'enterprises', link: `/enterprises/${e.id}`,
      lines: [dist(e.distanceM), e.majorHazardSources ? `重大危险源 ${e.majorHazardSources} 处` : '', e.principal ? `负责人：${e.principal} ${e.phone ?? ''}` : ''] })) : []),
    ...(on('hazardSources') ? d.hazardSources.map((s): Point => ({ id: s.id, lng: s.lng, lat: s.lat, colour: LAYER_COLOURS.hazardSources, rank: 8, title: `${s.name}（${s.enterpriseName}）`,
      layer: 'hazardSources', lines: [dist(s.distanceM), s.grade ? `${s.grade} 级重大危险源` : '重大危险源'] })) : []),
    ...(on('sensors') ? d.sensors.map((s): Point => ({ id: s.id, lng: s.lng, lat: s.lat, colour: LAYER_COLOURS.sensors, rank: 2, title: `${s.deviceName} ${s.name}`, layer: 'sensors',
      lines: [dist(s.distanceM), s.latest !== null ? `最新值 ${s.latest} ${s.unit}` : '暂无数据'] })) : []),
    ...(on('alarms') ? d.alarms.map((a): Point => ({ id: a.id, lng: a.lng, lat: a.lat, colour: LAYER_COLOURS.alarms, rank: 9, title: `${a.level === 2 ? '二级' : '一级'}报警：${a.name}`,
      layer: 'alarms', link: `/monitoring/alarms/${a.id}`, lines: [dist(a.distanceM), a.message] })) : []),
    ...(on('hazards') ? d.hazards.map((h): Point => ({ id: h.id, lng: h.lng, lat: h.lat, colour: LAYER_COLOURS.hazards, rank: h.level === 'major' ? 7 : 3, title: h.name, layer: 'hazards',
      link: `/hazards/${h.id}`, lines: [dist(h.distanceM), `${h.number}${h.level === 'major' ? ' · 重大隐患' : ''}`] })) : []),
    ...(on('resources') ? d.resources.map((r): Point => ({ id: r.id, lng: r.lng, lat: r.lat, colour: r.available ? LAYER_COLOURS.resources : '#b7eb8f', rank: 5, title: r.name, layer: 'resources',
      lines: [dist(r.distanceM), r.summary, r.contact ? `联系人：${r.contact} ${r.phone ?? ''}` : '', r.available ? '' : '暂不可用'] })) : []),
    ...(on('shelters') ? d.shelters.map((r): Point => ({ id: r.id, lng: r.lng, lat: r.lat, colour: LAYER_COLOURS.shelters, rank: 4, title: r.name, layer: 'shelters',
      lines: [dist(r.distanceM), r.summary] })) : []),
    ...(on('facilities') ? d.facilities.map((f): Point => ({ id: f.id, lng: f.lng, lat: f.lat, colour: LAYER_COLOURS.facilities, rank: f.openAlarms ? 6 : 2, title: f.name, layer: 'facilities',
      lines: [dist(f.distanceM), f.openAlarms ? `未关闭报警 ${f.openAlarms} 条` : '无报警'] })) : []),
    ...(on('villages') ? d.villages.map((v): Point => ({ id: v.code, lng: v.lng, lat: v.lat, colour: LAYER_COLOURS.villages, rank: 1, title: v.name, layer: 'villages',
      lines: [dist(v.distanceM), v.population !== null ? `常住人口 ${v.population} 人${v.households ? `，${v.households} 户` : ''}` : '人口未登记'] })) : []),
  ];
}

export function IncidentMapPanel({ incidentId }: { incidentId: string }) {
  const [radius, setRadius] = useState(5000);
  const [shown, setShown] = useState<MapLayer[]>(Object.keys(MAP_LAYERS) as MapLayer[]);
  const path = `/api/command/incidents/${incidentId}/nearby`;
  const q = useQuery({ queryKey: [path, { radius }], queryFn: () => api.get<Nearby>(path, { radius }), refetchInterval: 60_000 });
  const markers = useMemo(() => (q.data ? pointsOf(q.data, shown) : []), [q.data, shown]);
  const counts = q.data ? {
    enterprises: q.data.enterprises.length, hazardSources: q.data.hazardSources.length, sensors: q.data.sensors.length, alarms: q.data.alarms.length, hazards: q.data.hazards.length,
    resources: q.data.resources.length, shelters: q.data.shelters.length, facilities: q.data.facilities.length, villages: q.data.villages.length,
  } as Record<MapLayer, number> : null;

  if (q.isError) {
    return <Alert type={q.error.message.includes('标注') ? 'info' : 'error'} showIcon title="指挥一张图" description={q.error.message}
      action={<Button size="small" onClick={() => q.refetch()}>重试</Button>} />;
  }
  return (
    <Card title="指挥一张图" data-testid="incident-map-panel" extra={
      <Segmented size="small" value={radius} onChange={(v) => setRadius(Number(v))} options={RADII.map((r) => ({ value: r, label: km(r) }))} />
    }>
      <Flex vertical gap={8}>
        <Checkbox.Group value={shown} onChange={(v) => setShown(v as MapLayer[])} options={(Object.keys(MAP_LAYERS) as MapLayer[]).map((l) => ({
          value: l, label: <span><span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: LAYER_COLOURS[l], marginRight: 4 }} />
            {MAP_LAYERS[l]}{counts ? ` ${counts[l]}` : ''}</span>,
        }))} />
        {q.data && (
          <Typography.Text type="secondary">
            半径 {km(q.data.radiusM)} 内：企业 {counts!.enterprises} 家（重大危险源 {counts!.hazardSources} 处），未关闭报警 {counts!.alarms} 条，
            村（社区）{counts!.villages} 个、常住人口约 {q.data.populationWithin} 人。{q.data.notes.join('；')}
          </Typography.Text>
        )}
        <Suspense fallback={<Spin />}>
          <RegionMap<Point> markers={markers} loading={q.isFetching} height="min(60vh, 520px)"
            circles={q.data ? [{ lng: q.data.incident.lng, lat: q.data.incident.lat, radiusM: q.data.radiusM }] : []}
            legend={<Flex vertical gap={2}><Tag color="#000">事发地</Tag><Tag color="red">虚线圈：半径 {km(radius)}</Tag></Flex>}
            renderCard={(m, close) => (
              <Flex vertical gap={4}>
                <Typography.Text strong>{m.title}</Typography.Text>
                {m.lines.filter(Boolean).map((l) => <Typography.Text key={l} type="secondary">{l}</Typography.Text>)}
                <Flex gap={8}>{m.link && <Link to={m.link}>查看详情</Link>}<Button size="small" onClick={close}>关闭</Button></Flex>
              </Flex>
            )} />
        </Suspense>
      </Flex>
    </Card>
  );
}

export default IncidentMapPanel;
