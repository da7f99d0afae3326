// The open hazards (待整改, 整改中, 待复查) merged from one query per status, since the list API filters one
// status at a time: 我的待办 (those waiting on the caller, isMyTodo), 重大未销号, and the map of any view.
import { useQueries } from '@tanstack/react-query';
import { Alert, Empty, Flex, Grid, Table } from 'antd';
import { api, type QueryParams } from '../../api/client';
import type { PageOf } from '../../api/types';
import { useMe } from '../../app/session';
import { FilterControl, filterNames, type FilterDef } from '../../components/list/FilterBar';
import { useListParams } from '../../components/list/useListParams';
import { isMyTodo } from './codes';
import { hazardColumns } from './hazardColumns';
import { HazardMap } from './HazardMap';
import { HAZARDS, type Hazard } from './hazardApi';

const OPEN = ['pending', 'rectifying', 'review'] as const;
const LIMIT = 200;

interface Props {
  view: 'all' | 'open' | 'todo' | 'overdue' | 'major';
  display: 'table' | 'map';
  filters: readonly FilterDef[];
  params?: QueryParams;
  showWhere: boolean;
}

export function OpenHazardsList({ view, display, filters, params, showWhere }: Props) {
  const phone = Grid.useBreakpoint().md === false;
  const enterpriseUser = useMe().scope.kind === 'enterprise';
  // Status (and for 重大未销号 the level) is what this view is made of, so it is not offered as a filter here.
  const fixed = view === 'major' ? ['status', 'level'] : ['status'];
  const defs = filters.filter((d) => d.kind !== 'select' || !fixed.includes(d.name));
  const list = useListParams(filterNames(defs));
  const viewParams = view === 'major' ? { level: 'major' } : view === 'overdue' ? { overdue: true } : {};
  const base = { ...params, ...list.params.filters, ...viewParams, page: 1, pageSize: LIMIT };
  const results = useQueries({
    queries: OPEN.map((status) => ({
      queryKey: [HAZARDS, { ...base, status }],
      queryFn: () => api.get<PageOf<Hazard>>(HAZARDS, { ...base, status }),
    })),
  });
  const loading = results.some((r) => r.isFetching);
  const failed = results.find((r) => r.isError)?.error;
  const truncated = results.some((r) => (r.data?.total ?? 0) > LIMIT);
  const items = results.flatMap((r) => r.data?.items ?? [])
    .filter((h) => view !== 'todo' || isMyTodo(h, enterpriseUser))
    // Overdue first, then the nearest deadline, then the newest.
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || b.foundAt.localeCompare(a.foundAt));

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        {defs.map((def) => <FilterControl key={def.kind === 'dateRange' ? def.from : def.name} def={def} values={list.params.filters} onChange={list.setFilters} />)}
      </Flex>
      {failed && <Alert type="error" showIcon title="列表加载失败" description={failed.message} />}
      {truncated && <Alert type="info" showIcon title={`每种状态只列出前 ${LIMIT} 条，请用筛选条件缩小范围。`} />}
      {display === 'map' ? <HazardMap items={items} loading={loading} /> : (
        <Table<Hazard> rowKey="id" columns={hazardColumns(phone, showWhere)} dataSource={items} loading={loading} scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条`, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={view === 'todo' ? '没有等您处理的隐患' : '没有未销号的重大隐患'} /> }} />
      )}
    </Flex>
  );
}
