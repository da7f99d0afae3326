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
import { upsertCitation } from './violations.store.js';

/** 「安全生产法」「第九十九条」 (or 「99」) as of a day: number, text and version, or undefined when not in force then. */
export async function citeOn(db: Queryable, source: string, article: string, day: string) {
  const a = await citeArticle(db, source, article, day);
  return a ? presentArticle(a) : undefined;
}

/** The violation items a finding's text most likely describes, best first. */
export const violationItemsFor = (db: Queryable, findingText: string, limit = 5) => matchItems(db, findingText, limit);

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
