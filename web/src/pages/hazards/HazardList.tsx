// The hazard ledger with its quick views (全部 / 我的待办 / 逾期 / 重大未销号), as a list or as a map of the
// open hazards, filters and paging in the URL; used by 隐患台账 and by the enterprise page's 隐患 tab.
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Flex, Grid, Segmented } from 'antd';
import { EnvironmentOutlined, FilterOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { QueryParams } from '../../api/client';
import { filterNames } from '../../components/list/FilterBar';
import { ExportButton } from '../../components/list/ExportButton';
import { PagedTable } from '../../components/list/PagedTable';
import { pick } from '../../components/list/LinkedFilters';
import { useListParams } from '../../components/list/useListParams';
import { hazardColumns } from './hazardColumns';
import { useHazardFilters } from './hazardFilters';
import { HAZARDS, type Hazard } from './hazardApi';
import { OpenHazardsList } from './OpenHazardsList';

const VIEWS = [
  { label: '全部', value: 'all' }, { label: '未销号', value: 'open' }, { label: '我的待办', value: 'todo' }, { label: '逾期', value: 'overdue' }, { label: '重大未销号', value: 'major' },
];
type View = 'all' | 'open' | 'todo' | 'overdue' | 'major';
// Each quick view is a server-side filter, paged like the whole ledger.
const VIEW_PARAMS: Record<View, QueryParams> = { all: {}, open: { open: true }, todo: { todo: true }, overdue: { overdue: true }, major: { level: 'major', open: true } };
const VIEW_EMPTY: Record<Exclude<View, 'all'>, string> = { open: '没有未销号的隐患', todo: '没有等您处理的隐患', overdue: '没有逾期的隐患', major: '没有未销号的重大隐患' };

interface Props {
  /** Fixed parameters, e.g. one enterprise's hazards. */
  params?: QueryParams;
  /** Whether the list spans enterprises (so shows where each hazard is and filters by sector). */
  acrossEnterprises?: boolean;
  emptyText: string;
  /** Actions shown beside the quick views (e.g. 上报隐患 on the enterprise page). */
  extra?: ReactNode;
}

export function HazardList({ params, acrossEnterprises = true, emptyText, extra }: Props) {
  const phone = Grid.useBreakpoint().md === false;
  const [search, setSearch] = useSearchParams();
  const view = (VIEWS.some((v) => v.value === search.get('view')) ? search.get('view') : 'all') as View;
  const display = search.get('display') === 'map' ? 'map' : 'table';
  const { basic, more } = useHazardFilters(acrossEnterprises);
  const moreActive = filterNames(more).filter((n) => search.has(n)).length;
  const [moreOpen, setMoreOpen] = useState(false);
  const filters = moreOpen || moreActive ? [...basic, ...more] : basic;
  // closedTo: "rectified by the end of the period", as the statistics link it (统计分析).
  const listed = useListParams([...filterNames([...basic, ...more]), 'closedTo']);

  /** Sets a URL parameter of the list (its default removes it) and goes back to the first page. */
  const set = (name: string, value: string, fallback: string) => setSearch((prev) => {
    const p = new URLSearchParams(prev);
    if (value === fallback) p.delete(name); else p.set(name, value);
    p.delete('page');
    return p;
  }, { replace: true });

  // While a further filter is set its control stays shown (each clears itself), so there is nothing to fold.
  const moreButton = moreActive === 0 && (
    <Button icon={<FilterOutlined />} onClick={() => setMoreOpen(!moreOpen)}>{moreOpen ? '收起筛选' : '更多筛选'}</Button>
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} align="center" justify="space-between">
        <Segmented value={view} options={VIEWS} onChange={(v) => set('view', String(v), 'all')} />
        <Flex wrap gap={8}>
          <Segmented value={display} onChange={(v) => set('display', String(v), 'table')} options={[
            { value: 'table', icon: <UnorderedListOutlined />, label: '列表' }, { value: 'map', icon: <EnvironmentOutlined />, label: '地图' }]} />
          {moreButton}
          <ExportButton path={`${HAZARDS}/export`} params={{ ...params, ...VIEW_PARAMS[view], ...listed.params.filters }} name="隐患台账" what="隐患" />
          {extra}
        </Flex>
      </Flex>
      {display === 'map' ? (
        <OpenHazardsList key={view + display} view={view} display={display} filters={filters} params={params} showWhere={acrossEnterprises} />
      ) : (
        <PagedTable<Hazard>
          key={view}
          path={HAZARDS}
          rowKey="id"
          columns={hazardColumns(phone, acrossEnterprises)}
          filters={filters}
          linked={pick('closedTo')}
          params={{ ...params, ...VIEW_PARAMS[view] }}
          emptyText={view === 'all' ? emptyText : VIEW_EMPTY[view]}
        />
      )}
    </Flex>
  );
}
