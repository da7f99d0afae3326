// The statistics API as the page uses it: the catalogue, one report run, and its Excel file.
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { ReportInfo, ReportResult } from '../../../../../contracts/statistics';

export type { Cell, ReportInfo, ReportResult, Row } from '../../../../../contracts/statistics';

export const CATALOGUE = '/api/statistics/reports';
export const reportPath = (key: string) => `/api/statistics/reports/${key}`;

export interface RunParams { from: string; to: string; groupBy?: string; regionCode?: string; orgId?: string }

export const useCatalogue = () => useQuery({ queryKey: [CATALOGUE], queryFn: () => api.get<{ reports: ReportInfo[] }>(CATALOGUE), staleTime: 10 * 60_000 });

export const useReport = (key: string | undefined, p: RunParams) => useQuery({
  queryKey: [key ? reportPath(key) : CATALOGUE, p], enabled: !!key, placeholderData: keepPreviousData,
  queryFn: () => api.get<ReportResult>(reportPath(key!), { ...p }),
});
