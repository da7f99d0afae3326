// 隐患类别 as the pages use them: the list (active ones, or all for editors) and options labelled by their path
// (现场管理类 / 设备设施), for the report form and the ledger's filter.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { HAZARD_CATEGORIES, type HazardCategory } from './hazardApi';

export function useHazardCategories(all = false) {
  return useQuery({
    queryKey: [HAZARD_CATEGORIES, { all }],
    queryFn: () => api.get<HazardCategory[]>(HAZARD_CATEGORIES, all ? { all: true } : undefined),
    staleTime: 10 * 60_000,
  });
}

/** "上级 / 下级" names of a category within the list. */
export function categoryPath(list: HazardCategory[], code: string): string {
  const by = new Map(list.map((c) => [c.code, c]));
  const names: string[] = [];
  for (let c = by.get(code), n = 0; c && n < 8; c = c.parentCode ? by.get(c.parentCode) : undefined, n++) names.unshift(c.name);
  return names.join(' / ');
}

/** Options in the list's order (by position: each group's parent first), optionally only those of a sector (and those of every sector). */
export function categoryOptions(list: HazardCategory[] | undefined, sector?: string | null) {
  return (list ?? []).filter((c) => !sector || !c.sector || c.sector === sector)
    .map((c) => ({ value: c.code, label: categoryPath(list!, c.code) + (c.unconfirmed ? '（引用待核对）' : '') }));
}
