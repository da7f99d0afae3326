// The filters of the hazard ledger: the few a phone shows at once, and the rest behind 更多筛选.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PageOf, RegionNode } from '../../api/types';
import type { FilterDef } from '../../components/list/FilterBar';
import { useRegionTree } from '../../components/regions';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, optionsOf, SECTOR_OPTIONS } from './codes';
import { categoryOptions, useHazardCategories } from './categories';
import { CAMPAIGNS, type Campaign } from './hazardApi';

const ALL = { page: 1, pageSize: 200 };

/** Towns and parks of the tree (the level hazards are counted by), with the county when it is a root. */
function townOptions(nodes: RegionNode[] | undefined): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const walk = (list: RegionNode[]) => {
    for (const n of list) {
      if (n.level === 'town' || n.level === 'park') out.push({ label: n.name, value: n.code });
      else if (n.level !== 'village') walk(n.children);
    }
  };
  walk(nodes ?? []);
  return out;
}

/** Campaigns as options, for the ledger's filter and the report form. */
export function useCampaignOptions() {
  const campaigns = useQuery({ queryKey: [CAMPAIGNS, ALL], queryFn: () => api.get<PageOf<Campaign>>(CAMPAIGNS, ALL), staleTime: 5 * 60_000 });
  return (campaigns.data?.items ?? []).map((c) => ({ label: c.name, value: c.id }));
}

/** The towns and parks the account reaches, as options. */
export const useTownOptions = () => townOptions(useRegionTree().data);

export function useHazardFilters(withEnterprise: boolean): { basic: FilterDef[]; more: FilterDef[] } {
  const towns = useTownOptions();
  const campaigns = useCampaignOptions();
  const categories = categoryOptions(useHazardCategories().data);
  const basic: FilterDef[] = [
    { kind: 'search', name: 'q', placeholder: withEnterprise ? '编号、隐患、企业或地点' : '编号、隐患或地点', width: 220 },
    { kind: 'select', name: 'status', placeholder: '全部状态', options: optionsOf(HAZARD_STATUSES), width: 120 },
    { kind: 'select', name: 'level', placeholder: '全部等级', options: optionsOf(HAZARD_LEVELS), width: 120 },
  ];
  const more: FilterDef[] = [
    ...(towns.length > 1 ? [{ kind: 'select', name: 'regionCode', placeholder: '全部乡镇/园区', options: towns, width: 160 } as const] : []),
    ...(withEnterprise ? [{ kind: 'select', name: 'sector', placeholder: '全部行业', options: SECTOR_OPTIONS, width: 140 } as const] : []),
    { kind: 'select', name: 'source', placeholder: '全部来源', options: optionsOf(HAZARD_SOURCES), width: 120 },
    ...(categories.length ? [{ kind: 'select', name: 'categoryCode', placeholder: '全部类别', options: categories, width: 220 } as const] : []),
    ...(campaigns.length ? [{ kind: 'select', name: 'campaignId', placeholder: '全部专项行动', options: campaigns, width: 200 } as const] : []),
    { kind: 'select', name: 'supervised', placeholder: '挂牌督办', options: [{ label: '已挂牌督办', value: 'true' }, { label: '未挂牌', value: 'false' }], width: 130 },
    { kind: 'dateRange', from: 'from', to: 'to' },
  ];
  return { basic, more };
}
