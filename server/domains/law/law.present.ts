// Rows of the library → API shapes.
import { GRADES, PROPOSAL_STATUSES, SOURCE_KINDS, SOURCE_STATUSES } from '../../../contracts/law.js';
import type { ArticleRow, SourceRow, VersionRow } from './library.store.js';
import type { ProposalRow } from './proposals.store.js';
import type { BandRow, ItemRow } from './violations.store.js';

const label = <T extends Record<string, string>>(table: T, k: string) => table[k as keyof T] ?? k;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const presentSource = (s: SourceRow) => ({
  id: s.id, kind: s.kind, kindLabel: label(SOURCE_KINDS, s.kind), title: s.title, shortTitle: s.short_title, docNumber: s.doc_number, issuer: s.issuer, issuedOn: s.issued_on,
  effectiveFrom: s.effective_from, repealedOn: s.repealed_on, replacedBy: s.replaced_by ? { id: s.replaced_by, title: s.replaced_by_title ?? '', docNumber: s.replaced_by_number } : null,
  status: s.status, statusLabel: label(SOURCE_STATUSES, s.status), note: s.note, unconfirmed: s.unconfirmed, articleCount: s.article_count,
});

export const presentVersion = (v: VersionRow, day: string) => ({
  id: v.id, sourceId: v.source_id, label: v.label, docNumber: v.doc_number, issuedOn: v.issued_on, effectiveFrom: v.effective_from, effectiveTo: v.effective_to, note: v.note,
  articleCount: v.article_count, inForce: v.effective_from <= day && (!v.effective_to || v.effective_to > day),
});

export const presentArticle = (a: ArticleRow) => ({
  id: a.id, versionId: a.version_id, sourceId: a.source_id, position: a.position, chapter: a.chapter, section: a.section, label: a.label, number: a.number, text: a.text,
  paragraphs: a.paragraphs, source: a.short_title ?? a.source, docNumber: a.doc_number, version: a.version, effectiveFrom: a.effective_from, effectiveTo: a.effective_to,
  verified: a.verified, verificationNote: a.verification_note,
});

export const presentBand = (b: BandRow) => ({
  id: b.id, grade: b.grade, gradeLabel: label(GRADES, b.grade), circumstances: b.circumstances, kinds: b.kinds, fineMin: num(b.fine_min), fineMax: num(b.fine_max),
  personFineMin: num(b.person_fine_min), personFineMax: num(b.person_fine_max), other: b.other, unconfirmed: b.unconfirmed,
});

const ref = (a: ArticleRow | undefined, part: string | null) => a ? { id: a.id, label: a.label, source: a.short_title ?? a.source, version: a.version, text: a.text, part } : null;

/** A violation item with its two articles (looked up by the caller). */
export const presentItem = (i: ItemRow, articles: Map<string, ArticleRow>) => ({
  id: i.id, code: i.code, name: i.name, sector: i.sector, keywords: i.keywords, source: i.source, unconfirmed: i.unconfirmed, note: i.note,
  violated: ref(i.violated_article_id ? articles.get(i.violated_article_id) : undefined, i.violated_part),
  penalty: ref(i.penalty_article_id ? articles.get(i.penalty_article_id) : undefined, i.penalty_part), bandCount: i.band_count,
});

export const presentProposal = (p: ProposalRow) => ({
  id: p.id, caseId: p.case_id, itemId: p.item_id, code: p.code, name: p.name, on: p.on_date, circumstances: p.circumstances, grade: p.grade, gradeLabel: label(GRADES, p.grade),
  band: p.band, articles: p.articles, kinds: p.kinds, fine: num(p.fine), withinRange: p.within_range, reason: p.reason, status: p.status,
  statusLabel: label(PROPOSAL_STATUSES, p.status), proposedBy: p.proposed_by, proposedByName: p.proposed_by_name, decidedByName: p.decided_by_name, decidedAt: iso(p.decided_at),
  decisionNote: p.decision_note, createdAt: iso(p.created_at)!,
});
