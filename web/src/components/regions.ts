// The region tree query and the names of region levels, shared by the pickers and the regions page.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { RegionLevelCode, RegionNode } from '../api/types';

export const REGION_TREE_KEY = '/api/regions/tree';

export function useRegionTree() {
  return useQuery({ queryKey: [REGION_TREE_KEY], queryFn: () => api.get<RegionNode[]>(REGION_TREE_KEY), staleTime: 5 * 60_000 });
}

export const REGION_LEVELS: Record<RegionLevelCode, string> = {
  province: '省',
  city: '市',
  county: '县（市、区）',
  town: '乡镇（街道）',
  village: '村（社区）',
  park: '园区',
};
