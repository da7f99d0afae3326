// 企业分布图: the enterprises of the current filter (the same filters as the list, in the URL) as points
// coloured by risk over the county's towns; a dense area clusters; a point opens the enterprise's card.
import { Suspense, useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { RegionMap, type MapMarker } from '../../../components/map';
import { PageHeader } from '../../../components/PageHeader';
import { PATHS, type MapPoint, type MapPointsOf } from '../api';
import { RISK_LEVELS, riskHex } from '../codes';
import { EnterpriseFilterBar } from '../filters/EnterpriseFilterBar';
import { useEnterpriseFilters } from '../filters/useEnterpriseFilters';
import { MapCard } from './MapCard';
import { RiskLegend } from './RiskLegend';

export type EnterpriseMarker = MapMarker & { point: MapPoint };

// Red first: a cluster takes the colour of its most serious enterprise.
const RANK: Record<string, number> = Object.fromEntries(RISK_LEVELS.map((r, i) => [r.code, RISK_LEVELS.length - i]));

export default function EnterpriseMapPage() {
  const filters = useEnterpriseFilters();
  const { search } = useLocation();
  const points = useQuery({
    queryKey: [PATHS.map, filters.values],
    queryFn: () => api.get<MapPointsOf>(PATHS.map, filters.values),
    placeholderData: keepPreviousData,
  });
  const markers = useMemo<EnterpriseMarker[]>(() => (points.data?.items ?? []).map((p) => ({
    id: p.id, lng: p.lng, lat: p.lat, title: p.name, colour: riskHex(p.riskLevel),
    rank: RANK[p.riskLevel ?? ''] ?? 0, point: p,
  })), [points.data]);
  const data = points.data;

  return (
    <>
      <PageHeader title="企业分布图" extra={
        <Link to={{ pathname: '/enterprises', search }}><Button icon={<UnorderedListOutlined />}>列表查看</Button></Link>
      } />
      <EnterpriseFilterBar filters={filters} />
      {points.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="企业点位加载失败" description={points.error.message}
        action={<Button size="small" onClick={() => points.refetch()}>重试</Button>} />}
      {data?.truncated && <Alert type="warning" showIcon style={{ marginBottom: 12 }}
        title={`符合条件的企业共 ${data.total} 家，地图只显示风险较高的 ${data.items.length} 家；请缩小筛选范围查看全部。`} />}
      <Suspense fallback={<div style={{ height: '70vh' }} />}>
        <RegionMap<EnterpriseMarker> markers={markers} loading={points.isFetching}
          height="calc(100vh - 260px)" legend={<RiskLegend total={data?.items.length} />}
          renderCard={(m, close) => <MapCard point={m.point} onClose={close} />} />
      </Suspense>
    </>
  );
}
