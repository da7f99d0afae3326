// The sensors the account may see, as a list or on the map, filtered by state and type, live values
// refreshed by server events; used by 监测点 and by the enterprise page's 监测报警 tab.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Grid, Segmented } from 'antd';
import { EnvironmentOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { api, type QueryParams } from '../../../api/client';
import type { PageOf } from '../../../api/types';
import type { FilterDef } from '../../../components/list/FilterBar';
import { FilterControl } from '../../../components/list/FilterBar';
import { PagedTable } from '../../../components/list/PagedTable';
import { useListParams } from '../../../components/list/useListParams';
import { optionsOf, SENSOR_STATES, SENSOR_TYPES, SENSORS, type Sensor } from '../monitoringApi';
import { sensorColumns } from './sensorColumns';
import { SensorDrawer } from './SensorDrawer';
import { SensorMap } from './SensorMap';

const FILTERS: FilterDef[] = [
  { kind: 'search', name: 'q', placeholder: '测点、设备或位号' },
  { kind: 'select', name: 'state', placeholder: '状态', options: optionsOf(SENSOR_STATES), width: 140 },
  { kind: 'select', name: 'type', placeholder: '类型', options: optionsOf(SENSOR_TYPES), width: 140 },
];
// The map shows every matching sensor at once (the list pages).
const MAP_LIMIT = 200;

function MapView({ params, onOpen }: { params?: QueryParams; onOpen: (s: Sensor) => void }) {
  const list = useListParams(['q', 'state', 'type']);
  const q = { ...params, ...list.params.filters, page: 1, pageSize: MAP_LIMIT };
  const query = useQuery({ queryKey: [SENSORS, q], queryFn: () => api.get<PageOf<Sensor>>(SENSORS, q), placeholderData: keepPreviousData });
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>{FILTERS.map((def) => <FilterControl key={(def as { name: string }).name} def={def} values={list.params.filters} onChange={list.setFilters} />)}</Flex>
      <SensorMap items={query.data?.items ?? []} loading={query.isFetching} onOpen={onOpen} />
    </Flex>
  );
}

export function SensorList({ params, showWhere = true, emptyText }: { params?: QueryParams; showWhere?: boolean; emptyText: string }) {
  const phone = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchParams();
  const display = search.get('display') === 'map' ? 'map' : 'table';
  const [open, setOpen] = useState<Sensor | null>(null);
  const setDisplay = (v: string) => setSearch((prev) => {
    const p = new URLSearchParams(prev);
    if (v === 'table') p.delete('display'); else p.set('display', v);
    p.delete('page');
    return p;
  }, { replace: true });

  const toggle = (
    <Segmented value={display} onChange={(v) => setDisplay(String(v))} options={[
      { value: 'table', icon: <UnorderedListOutlined />, label: '列表' }, { value: 'map', icon: <EnvironmentOutlined />, label: '地图' }]} />
  );
  return (
    <Flex vertical gap={12}>
      {display === 'map' ? (
        <>
          <Flex justify="flex-end">{toggle}</Flex>
          <MapView params={params} onOpen={setOpen} />
        </>
      ) : (
        <PagedTable<Sensor> path={SENSORS} rowKey="id" params={params} filters={FILTERS} toolbar={toggle}
          columns={sensorColumns(phone, showWhere, setOpen)} emptyText={emptyText} data-testid="sensor-table" />
      )}
      <SensorDrawer sensor={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
