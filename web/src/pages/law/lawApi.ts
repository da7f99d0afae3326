// The law library's API as the pages use it: paths (also the query keys), page addresses, code tables, types, queries.
import { useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import type {
  Article as ArticleSchema, Band as BandSchema, CaseViolation as CaseViolationSchema, CitedArticle as CitedArticleSchema, ProposedViolation as ProposedViolationSchema, Circumstances as CircumstancesSchema, Citing as CitingSchema, ImportPreview as ImportPreviewSchema,
  Proposal as ProposalSchema, ProposalResult as ProposalResultSchema, Source as SourceSchema, SourceDetail as SourceDetailSchema, ViolationDetail as ViolationDetailSchema,
  ViolationItem as ViolationItemSchema,
} from '../../../../contracts/law';

export { CONSEQUENCES, GRADES, PROPOSAL_STATUSES, SOURCE_KINDS, SOURCE_STATUSES } from '../../../../contracts/law';
export { PENALTY_KINDS } from '../../../../contracts/enforcement';
export { optionsOf } from '../hazards/codes';

export type Source = Static<typeof SourceSchema>;
export type SourceDetail = Static<typeof SourceDetailSchema>;
export type Article = Static<typeof ArticleSchema>;
export type Band = Static<typeof BandSchema>;
export type ViolationItem = Static<typeof ViolationItemSchema>;
export type ViolationDetail = Static<typeof ViolationDetailSchema>;
export type Circumstances = Static<typeof CircumstancesSchema>;
export type ProposalResult = Static<typeof ProposalResultSchema>;
export type Proposal = Static<typeof ProposalSchema>;
export type Citing = Static<typeof CitingSchema>;
export type ImportPreview = Static<typeof ImportPreviewSchema>;
export type CitedArticle = Static<typeof CitedArticleSchema>;
export type ProposedViolation = Static<typeof ProposedViolationSchema>;
export type CaseViolation = Static<typeof CaseViolationSchema>;
/** A cite as a form holds it: what is sent back to the server (source, article, articleId) plus what was shown. */
export type CiteValue = Partial<CitedArticle> & { source: string };
export type EditableArticle = { key: string; chapter: string | null; label: string; text: string };

export const SOURCES = '/api/law/sources';
export const ARTICLES = '/api/law/articles';
export const VIOLATIONS = '/api/law/violations';
export const PROPOSALS = '/api/law/proposals';

export const paths = {
  source: (id: string) => `/law/sources/${id}`,
  violation: (id: string) => `/law/violations/${id}`,
};

export const useSource = (id?: string) => useQuery({ queryKey: [SOURCES, id], queryFn: () => api.get<SourceDetail>(`${SOURCES}/${id}`), enabled: !!id });
export const useViolation = (id?: string) => useQuery({ queryKey: [VIOLATIONS, id], queryFn: () => api.get<ViolationDetail>(`${VIOLATIONS}/${id}`), enabled: !!id });
export const useCiting = (id?: string) => useQuery({ queryKey: [SOURCES, id, 'citing'], queryFn: () => api.get<{ items: Citing[] }>(`${SOURCES}/${id}/citing`), enabled: !!id });
export const useCaseProposals = (caseId: string) =>
  useQuery({ queryKey: [PROPOSALS, caseId], queryFn: () => api.get<{ items: Proposal[]; violations: CaseViolation[] }>(PROPOSALS, { caseId }) });

/** Cites as the server takes them (the shown fields dropped). */
export const citesBody = (cites?: CiteValue[] | null) => cites?.map((c) => ({ source: c.source, article: c.article ?? undefined, articleId: c.articleId ?? undefined }));

/** 1万元–4万元 for a band's fine range, or 不予罚款. */
export function fineRange(min: number | null, max: number | null): string {
  if (min === null && max === null) return '—';
  const w = (n: number) => (n >= 10000 && n % 1000 === 0 ? `${n / 10000}万元` : `${n.toLocaleString('zh-CN')}元`);
  return `${w(min ?? 0)}–${w(max ?? 0)}`;
}

/** The source's name as people cite it: 《安全生产法》. */
export const cited = (a: { source: string; label: string }) => `《${a.source}》${a.label}`;
