// The enterprise API as the web uses it: every path in one place, the shapes from contracts/ (types only),
// and the queries more than one component reads.
import { useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import type {
  ChangeEntry, Chemical, Enterprise, HazardSource, Licence, MapPoints, StatusChange,
} from '../../../../contracts/enterprises';

export type {
  Chemical, Enterprise, EnterpriseCreate, EnterpriseListItem, HazardEvaluation, HazardSource, ImportResult, Licence,
  MapPoint, StatusChange,
} from '../../../../contracts/enterprises';
export type ChangeEntryOf = Static<typeof ChangeEntry>;
export type MapPointsOf = Static<typeof MapPoints>;

/** Every enterprise route; query keys start with these so a mutation refreshes what it touched. */
export const PATHS = {
  list: '/api/enterprises',
  map: '/api/enterprises/map',
  export: '/api/enterprises/export',
  importTemplate: '/api/enterprises/import-template',
  import: '/api/enterprises/import',
  chemicals: '/api/chemicals',
  evaluate: '/api/major-hazard-sources/evaluate',
  one: (id: string) => `/api/enterprises/${id}`,
  contacts: (id: string) => `/api/enterprises/${id}/contacts`,
  status: (id: string) => `/api/enterprises/${id}/status`,
  statusHistory: (id: string) => `/api/enterprises/${id}/status-history`,
  changes: (id: string) => `/api/enterprises/${id}/changes`,
  licences: (id: string) => `/api/enterprises/${id}/licences`,
  licence: (licenceId: string) => `/api/enterprise-licences/${licenceId}`,
  hazardSources: (id: string) => `/api/enterprises/${id}/major-hazard-sources`,
  hazardSource: (sourceId: string) => `/api/major-hazard-sources/${sourceId}`,
};

/** One enterprise (the header, the 基本信息 tab and the edit form share it). */
export const enterpriseQuery = (id: string) => ({ queryKey: [PATHS.one(id)], queryFn: () => api.get<Enterprise>(PATHS.one(id)) });
export function useEnterprise(id: string) {
  return useQuery(enterpriseQuery(id));
}

export function useLicences(id: string) {
  return useQuery({ queryKey: [PATHS.licences(id)], queryFn: () => api.get<Licence[]>(PATHS.licences(id)) });
}

export function useHazardSources(id: string) {
  return useQuery({ queryKey: [PATHS.hazardSources(id)], queryFn: () => api.get<HazardSource[]>(PATHS.hazardSources(id)) });
}

export function useStatusHistory(id: string) {
  return useQuery({ queryKey: [PATHS.statusHistory(id)], queryFn: () => api.get<StatusChange[]>(PATHS.statusHistory(id)) });
}

/** The whole chemicals catalogue (GB 18218 表1 and the categories of 表2/表4; about a hundred rows), searched in the browser. */
export function useChemicals() {
  return useQuery({ queryKey: [PATHS.chemicals], queryFn: () => api.get<Chemical[]>(PATHS.chemicals), staleTime: 10 * 60_000 });
}
