// The enterprise filters, kept in the URL (useListParams) and shared by the list, the map and the export,
// which the server answers from one filter schema (EnterpriseFilter).
import { useMemo } from 'react';
import { useListParams } from '../../../components/list/useListParams';

/** The URL parameters, named as the API's (so the URL is also the export's and the map's query). */
export const FILTER_NAMES = [
  'q', 'regionCode', 'sector', 'sectorDetail', 'subtype', 'flag', 'status', 'riskLevel', 'isKey', 'regulatorId',
  'licenceExpiringDays', 'hasMajorHazard',
  // Set by a figure's link (统计分析, 工作报告), shown as removable tags: status changes and establishment in a period.
  'statusChange', 'changedFrom', 'changedTo', 'establishedFrom', 'establishedTo',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type FilterValues = Partial<Record<FilterName, string>>;
export type FilterChange = Partial<Record<FilterName | 'sort' | 'order', string | undefined>>;

const SORT_NAMES = ['sort', 'order'] as const;
const NAMES = [...FILTER_NAMES, ...SORT_NAMES];

export function useEnterpriseFilters() {
  const list = useListParams(NAMES);
  const { filters: all, page, pageSize } = list.params;
  return useMemo(() => {
    const values: FilterValues = {};
    for (const name of FILTER_NAMES) if (all[name]) values[name] = all[name];
    const sort = all.sort ? { sort: all.sort, order: all.order === 'asc' ? 'asc' as const : 'desc' as const } : undefined;
    return {
      values,
      sort,
      page,
      pageSize,
      /** How many filters are set (the search box counts). */
      active: Object.keys(values).length,
      set: list.setFilters as (changes: FilterChange) => void,
      /** Clears the filters, keeping the sort. */
      clear: () => list.setFilters(Object.fromEntries(FILTER_NAMES.map((n) => [n, undefined]))),
    };
  }, [all, page, pageSize, list.setFilters]);
}
