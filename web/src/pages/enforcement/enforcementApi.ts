// The enforcement API as the pages use it: paths (also the query keys), page addresses, code tables, queries.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { download } from '../../api/transfer';
import type { Static } from '@sinclair/typebox';
import type {
  Case as CaseSchema, CaseDetail as CaseDetailSchema, Deadline as DeadlineSchema, Draw as DrawSchema, DrawDetail as DrawDetailSchema,
  EnfDocument as EnfDocumentSchema, EnforcementStats as StatsSchema, Inspection as InspectionSchema, OfficerInfo as OfficerSchema,
  Plan as PlanSchema, PlanDetail as PlanDetailSchema, PoolPreview as PoolPreviewSchema, Tipoff as TipoffSchema, Checklist as ChecklistSchema,
  Measure as MeasureSchema, Transfer as TransferSchema, Avoidance as AvoidanceSchema,
} from '../../../../contracts/enforcement';

export {
  CASE_SOURCES, CASE_STATUSES, CONCEALMENT_LEVELS, TRANSFER_STATUSES, DOCUMENT_KINDS, EVIDENCE_KINDS, INSPECTION_ORIGINS, INSPECTION_STATUSES, MEASURE_KINDS, PENALTY_KINDS,
  PLAN_ITEM_KINDS, RISK_STRATA, SERVICE_METHODS, TIPOFF_CATEGORIES, TIPOFF_CHANNELS, TIPOFF_STATUSES, VERIFY_RESULTS,
} from '../../../../contracts/enforcement';
export { SECTORS, sectorLabel } from '../../../../contracts/enterprises';
export { optionsOf } from '../hazards/codes';

export type Plan = Static<typeof PlanSchema>;
export type PlanDetail = Static<typeof PlanDetailSchema>;
export type Draw = Static<typeof DrawSchema>;
export type DrawDetail = Static<typeof DrawDetailSchema>;
export type PoolPreview = Static<typeof PoolPreviewSchema>;
export type Inspection = Static<typeof InspectionSchema>;
export type EnfDocument = Static<typeof EnfDocumentSchema>;
export type Case = Static<typeof CaseSchema>;
export type CaseDetail = Static<typeof CaseDetailSchema>;
export type Deadline = Static<typeof DeadlineSchema>;
export type Tipoff = Static<typeof TipoffSchema>;
export type Officer = Static<typeof OfficerSchema>;
export type Checklist = Static<typeof ChecklistSchema>;
export type EnforcementStats = Static<typeof StatsSchema>;
export type Measure = Static<typeof MeasureSchema>;
export type Transfer = Static<typeof TransferSchema>;
export type Avoidance = Static<typeof AvoidanceSchema>;

/** The inspection detail route adds the checklist results, the findings (each a hazard) and the documents. */
export type InspectionDetail = Inspection & {
  results: { code: string; text: string; ok: boolean; note?: string; photos?: string[] }[];
  findings: { id: string; hazardId: string; hazardNumber: string; itemCode: string | null; title: string; level: string }[];
  documents: EnfDocument[];
};

const E = '/api/enforcement';
export const PLANS = `${E}/plans`;
export const DRAWS = `${E}/draws`;
export const DRAW_POOL = `${E}/draws/pool`;
export const OFFICERS = `${E}/officers`;
export const CHECKLISTS = `${E}/checklists`;
export const INSPECTIONS = `${E}/inspections`;
export const DOCUMENTS = `${E}/documents`;
export const CASES = `${E}/cases`;
export const TIPOFFS = `${E}/tipoffs`;
export const STATS = `${E}/stats`;
export const DEADLINES = `${E}/deadlines`;
export const MEASURES = `${E}/measures`;
export const TRANSFERS = `${E}/transfers`;
export const AVOIDANCES = `${E}/avoidances`;
export const CALENDAR = '/api/calendar';

/** Page addresses: the one place that knows them. */
export const paths = {
  plans: '/enforcement/plans',
  draws: '/enforcement/draws',
  draw: (id: string) => `/enforcement/draws/${id}`,
  inspections: '/enforcement/inspections',
  inspection: (id: string) => `/enforcement/inspections/${id}`,
  documents: '/enforcement/documents',
  cases: '/enforcement/cases',
  case: (id: string) => `/enforcement/cases/${id}`,
  tipoffs: '/enforcement/tipoffs',
  stats: '/enforcement/stats',
  measures: '/enforcement/measures',
  transfers: '/enforcement/transfers',
  checklists: '/enforcement/checklists',
  avoidances: '/enforcement/avoidances',
  calendar: '/enforcement/calendar',
  /** 新建检查 with its source and unit filled in (from a plan item, a campaign or a tip-off). */
  newInspection: (p: Record<string, string | undefined>) => `/enforcement/inspections?${new URLSearchParams(Object.entries({ new: '1', ...p }).filter((e): e is [string, string] => !!e[1])).toString()}`,
  publicDraw: (id: string) => `/public/draws/${id}`,
};

export const documentHtml = (id: string) => `${DOCUMENTS}/${id}/html`;

/** Downloads a document as the Word file the server names (title + 文号 + .docx). */
export const downloadDocx = (d: { id: string; title: string; number: string | null }) =>
  download(`${DOCUMENTS}/${d.id}/docx`, undefined, `${d.title}${d.number ?? ''}.docx`);

/** The certified officers (持执法证) who may be chosen for an inspection, a draw or a case. */
export function useOfficers() {
  return useQuery({ queryKey: [OFFICERS], queryFn: () => api.get<Officer[]>(OFFICERS), staleTime: 60_000 });
}

export function useInspection(id: string | undefined) {
  return useQuery({ queryKey: [INSPECTIONS, id], queryFn: () => api.get<InspectionDetail>(`${INSPECTIONS}/${id}`), enabled: !!id });
}

export function useDraw(id: string | undefined) {
  return useQuery({ queryKey: [DRAWS, id], queryFn: () => api.get<DrawDetail>(`${DRAWS}/${id}`), enabled: !!id });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: [CASES, id], queryFn: () => api.get<CaseDetail>(`${CASES}/${id}`), enabled: !!id });
}

export const INSPECTION_COLOURS: Record<string, string> = { planned: 'default', on_site: 'processing', completed: 'success', cancelled: 'default' };
export const CASE_COLOURS: Record<string, string> = { filing: 'warning', not_filed: 'default', investigating: 'processing', notified: 'processing', hearing: 'purple',
  heard: 'purple', decided: 'cyan', executing: 'orange', enforcing: 'red', closed: 'success' };
export const TRANSFER_COLOURS: Record<string, string> = { reported: 'warning', refused: 'default', approved: 'processing', transferred: 'cyan', accepted: 'success', declined: 'default' };
export const TIPOFF_COLOURS: Record<string, string> = { received: 'warning', assigned: 'processing', verified: 'cyan', replied: 'success', rejected: 'default' };
