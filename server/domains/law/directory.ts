// What other domains use of the law library (through this module only): cite an article as of a day, find the violation
// items a finding describes, propose a penalty, and register what they cite so a replaced source lists them for review.
import type { Circumstances } from '../../../contracts/law.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { presentArticle } from './law.present.js';
import { citeArticle } from './library.query.js';
import { proposePenalty } from './proposals.service.js';
import { matchItems } from './violations.service.js';
import { bandsOf, findItem, upsertCitation } from './violations.store.js';
import { rangeText } from './benchmark.js';
import { caseViolations, insertCaseViolation } from './cites.store.js';
import { citeAsOf, citesAsOf, type Cite, type Cited } from './cites.js';
import { badRequest } from '../../platform/http/errors.js';
import { GRADES } from '../../../contracts/law.js';

export { citesAsOf, printedCite, registerItemCitations, registerSubjectCites, resolveCite, resolveItemCites, type Cite, type Cited } from './cites.js';

/** 「安全生产法」「第九十九条」 (or 「99」) as of a day: number, text and version, or undefined when not in force then. */
export async function citeOn(db: Queryable, source: string, article: string, day: string) {
  const a = await citeArticle(db, source, article, day);
  return a ? presentArticle(a) : undefined;
}

/** The violation items a finding describes, best first: those breaking an article it cites, then by its words. */
export const violationItemsFor = (db: Queryable, findingText: string, limit = 5, citedArticleIds: string[] = []) => matchItems(db, findingText, limit, citedArticleIds);

/** The benchmark's band, range and the articles' text as of a day for an item and circumstances (nothing stored). */
export async function proposeFor(db: Queryable, itemId: string, circumstances: Circumstances, day: string) {
  const { bandRow: _, ...r } = await proposePenalty(db, { itemId, circumstances, on: day });
  return r;
}

/** Register that a record of another domain cites a source (and article), inside that domain's transaction. */
export async function registerCitation(tx: Queryable, c: { subjectType: string; subjectId: string; label: string; source: string; article?: string; cited?: string }) {
  const s = await tx.maybeOne<{ id: string }>(sql`select id from law_sources where title = ${c.source} or short_title = ${c.source} or doc_number = ${c.source}
    order by repealed_on desc nulls first limit 1`);
  if (!s) return false;
  await upsertCitation(tx, { id: uuidv7(), subject_type: c.subjectType, subject_id: c.subjectId, subject_label: c.label, source_id: s.id, article_label: c.article ?? null,
    cited_text: c.cited ?? null });
  return true;
}

/** 拟认定违法行为: for each failed checklist item or finding (its words and cites as of the act's day), the violation items it
 * proposes with their benchmark bands. */
export async function proposedViolations(db: Queryable, entries: { itemCode: string | null; findingId: string | null; hazardNumber: string | null; text: string; cites?: Cite[] }[],
  day: string, limit = 3) {
  const out = [];
  for (const e of entries) {
    const cites = await citesAsOf(db, e.cites, day);
    const matches = await matchItems(db, e.text, limit, cites.map((c) => c.articleId).filter((x): x is string => !!x));
    const items = [];
    for (const m of matches) {
      const bands = await bandsOf(db, m.item.id);
      items.push({ id: m.item.id, code: m.item.code, name: m.item.name, score: m.score, byArticle: m.byArticle, matched: m.matched,
        violated: m.item.violated ? `《${m.item.violated.source}》${m.item.violated.label}${m.item.violated.part ?? ''}` : null,
        penalty: m.item.penalty ? `《${m.item.penalty.source}》${m.item.penalty.label}${m.item.penalty.part ?? ''}` : null,
        bands: bands.map((b) => ({ grade: b.grade, gradeLabel: GRADES[b.grade as keyof typeof GRADES] ?? b.grade, circumstances: b.circumstances, range: rangeText(b), unconfirmed: b.unconfirmed })) });
    }
    out.push({ itemCode: e.itemCode, findingId: e.findingId, hazardNumber: e.hazardNumber, text: e.text, cites, items });
  }
  return out;
}

/** Record, inside the case's filing transaction, the violation item the case is filed for (from an inspection's finding). */
export async function noteCaseViolation(tx: Queryable, r: { caseId: string; itemId: string; inspectionId?: string | null; finding?: string | null; by: string | null }) {
  if (!(await findItem(tx, r.itemId))) throw badRequest('所选违法行为不在法规库中，请重新选择', 'Violation item not found');
  await insertCaseViolation(tx, { case_id: r.caseId, item_id: r.itemId, inspection_id: r.inspectionId ?? null, finding: r.finding ?? null, created_by: r.by });
}

/** The violation items a case was filed for (the caller has checked the case is in scope). */
export const violationsOfCase = async (db: Queryable, caseId: string) => (await caseViolations(db, caseId)).map((v) => ({ caseId: v.case_id, itemId: v.item_id,
  code: v.code, name: v.name, inspectionId: v.inspection_id, finding: v.finding }));

/** The articles a case's penalty rests on (its latest proposal not refused), as of the day of the act, for its documents. */
export async function caseCitations(db: Queryable, caseId: string, day: string): Promise<(Cited & { role: string })[]> {
  const p = await db.maybeOne<{ articles: { role: string; articleId: string; source: string; label: string; part: string | null }[] }>(sql`select articles
    from law_penalty_proposals where case_id = ${caseId} and status <> 'rejected' order by created_at desc, id desc limit 1`);
  const out = [];
  for (const a of p?.articles ?? []) out.push({ role: a.role, ...(await citeAsOf(db, { source: a.source, article: a.label, articleId: a.articleId }, day)) });
  return out;
}
