// The list of every page: an Ant table over a paged API (`PageOf<T>`), with a filter bar and
// page, page size and filters kept in the URL. Empty states say what to do next.
import { useState, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Table, type TableProps } from 'antd';
import { api, type QueryParams } from '../../api/client';
import type { PageOf } from '../../api/types';
import { FilterControl, filterNames, type FilterDef } from './FilterBar';
import { LinkedFilterTags, type LinkedFilters } from './LinkedFilters';
import { useListParams } from './useListParams';

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading' | 'locale'> {
  /** The API path of the list; also its query key, so a mutation refreshes it by invalidating the path. */
  path: string;
  filters?: readonly FilterDef[];
  /** Parameters always sent, not shown as filters. */
  params?: QueryParams;
  /** Actions on the right of the filter bar. */
  toolbar?: ReactNode;
  /** Shown when the list has no records at all: say what to do next. */
  emptyText: ReactNode;
  /** Filters a figure's link may carry that have no control here: applied, and shown as removable tags. */
  linked?: LinkedFilters;
}

export function PagedTable<T extends object>({ path, filters = [], params, toolbar, emptyText, linked, ...table }: Props<T>) {
  const names = filterNames(filters);
  // A linked filter that also has a control here is shown by its control.
  const linkedOnly = linked && Object.fromEntries(Object.entries(linked).filter(([n]) => !names.includes(n)));
  const list = useListParams([...names, ...Object.keys(linkedOnly ?? {})]);
  const { page, pageSize, filters: values } = list.params;
  // A large list counts up to a cap and says "超过 N 条"; the exact total is counted when asked for, for these filters.
  const filterKey = JSON.stringify({ ...params, ...values });
  const [exactFor, setExactFor] = useState<string | null>(null);
  const exactTotal = exactFor === filterKey ? true : undefined;
  const query = useQuery({
    queryKey: [path, { ...params, ...values, page, pageSize, exactTotal }],
    queryFn: () => api.get<PageOf<T>>(path, { ...params, ...values, page, pageSize, exactTotal }),
    placeholderData: keepPreviousData,
  });
  const capped = !!query.data?.totalCapped;
  const filtered = Object.keys(values).length > 0;

  return (
    <Flex vertical gap={12}>
      {(filters.length > 0 || toolbar) && (
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex wrap gap={8}>
            {filters.map((def) => (
              <FilterControl key={def.kind === 'dateRange' ? def.from : def.name} def={def} values={values} onChange={list.setFilters} />
            ))}
          </Flex>
          {toolbar && <Flex wrap gap={8}>{toolbar}</Flex>}
        </Flex>
      )}
      {linkedOnly && <LinkedFilterTags defs={linkedOnly} values={values} onClear={(name) => list.setFilters({ [name]: undefined })} />}
      {query.isError && (
        <Alert type="error" showIcon title="列表加载失败" description={query.error.message}
          action={<Button size="small" onClick={() => query.refetch()}>重试</Button>} />
      )}
      <Table<T>
        {...table}
        dataSource={query.data?.items}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: filtered ? (
            <Empty description="没有符合筛选条件的记录">
              <Button onClick={list.clearFilters}>清除筛选</Button>
            </Empty>
          ) : (
            <Empty description={emptyText} />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => capped ? (
            <span>
              超过 {total.toLocaleString('zh-CN')} 条{' '}
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExactFor(filterKey)}>统计总数</Button>
            </span>
          ) : `共 ${total} 条`,
          onChange: list.setPage,
        }}
      />
    </Flex>
  );
}
