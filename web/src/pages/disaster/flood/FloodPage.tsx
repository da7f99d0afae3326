// 防汛: the season's figures, then tabs for facilities (list and map, responsible people, roster export),
// 备汛检查 batches, 方案预案, and responses with 叫应 and transfers. The tab is kept in the URL (?tab=).
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Flex, Select, Statistic, Tabs } from 'antd';
import { api } from '../../../api/client';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { FacilitiesTab } from './FacilitiesTab';
import { InspectionsTab } from './InspectionsTab';
import { PlansTab } from './PlansTab';
import { ResponseTab } from './ResponseTab';
import { P, kindLabel, thisSeason, type Coverage } from './floodApi';

export default function FloodPage() {
  const me = useMe();
  const canWrite = me.permissions.includes('disaster:write');
  // The county and the towns keep the registry, inspections, plans and responses; a village account confirms tasks and records transfers.
  const keeps = canWrite && (me.scope.kind === 'all' || (me.scope.kind === 'region' && /000$/.test((me.scope as { regionCode?: string }).regionCode ?? '')));
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') ?? 'facilities';
  const season = Number(search.get('season') ?? thisSeason());
  const set = (k: string, v: string) => { const s = new URLSearchParams(search); s.set(k, v); setSearch(s, { replace: true }); };
  const c = useQuery({ queryKey: [P, 'coverage', season], queryFn: () => api.get<Coverage>(`${P}/coverage`, { season }) });
  const total = (c.data?.kinds ?? []).reduce((a, k) => a + k.total, 0);
  const inspected = (c.data?.kinds ?? []).reduce((a, k) => a + k.inspected, 0);
  return (
    <>
      <PageHeader title="防汛" extra={<Select value={season} style={{ width: 120 }} onChange={(v) => set('season', String(v))}
        options={Array.from({ length: 6 }, (_, i) => thisSeason() - i).map((y) => ({ value: y, label: `${y}年汛期` }))} />}>
        水库、水闸、堤防、万亩垸、山洪危险区、水电站及其行政、技术、巡查责任人；备汛检查发现的问题作为隐患按“一单四制”整改；防汛应急响应的任务叫应和人员转移。
      </PageHeader>
      {c.data && (
        <Flex wrap gap={24} style={{ marginBottom: 16 }}>
          <Statistic title="设施（已检查 / 总数）" value={`${inspected} / ${total}`} />
          {c.data.kinds.map((k) => <Statistic key={k.kind} title={kindLabel(k.kind)} value={`${k.inspected} / ${k.total}`} />)}
          <Statistic title="镇级自查 / 县级检查" value={`${c.data.batches.town} / ${c.data.batches.county}`} suffix="批次" />
          <Statistic title="县级检查组" value={`${c.data.teams} 组 ${c.data.inspectors} 人`} />
          <Statistic title="排查隐患 / 已整改" value={`${c.data.hazardsFound} / ${c.data.hazardsRectified}`} suffix="处" />
        </Flex>
      )}
      {/* Each tab's list keeps its filters in the URL; a new tab starts without the previous tab's filters. */}
      <Tabs activeKey={tab} onChange={(k) => setSearch(new URLSearchParams({ tab: k, season: String(season) }), { replace: true })} items={[
        { key: 'facilities', label: '防汛设施与责任人', children: <FacilitiesTab canWrite={canWrite} /> },
        { key: 'inspections', label: '备汛检查', children: <InspectionsTab canWrite={keeps} season={season} /> },
        { key: 'plans', label: '方案预案', children: <PlansTab canWrite={keeps} /> },
        { key: 'response', label: '应急响应与转移', children: <ResponseTab canWrite={canWrite} keeps={keeps} /> },
      ]} />
    </>
  );
}
