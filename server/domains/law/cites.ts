// Cites held by other domains' records (checklist items, self-check template items): resolved to an article of the
// library when saved, registered for review when a source is replaced, and printed as of a day — the article of the
// version then in force, following a replacing source (总局令第15号 → 应急管理部令第18号) by the same article number.
import type { Static } from '@sinclair/typebox';
import type { CitedArticle, LawCite } from '../../../contracts/law.js';
import type { Queryable } from '../../platform/db/db.js';
import { badRequest } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { familyOf, sourceNamed, syncSubjectCitations } from './cites.store.js';
import { citeArticle } from './library.query.js';
import { findArticle, sameArticleOn, type ArticleRow } from './library.store.js';
import { articleLabel, normalize } from './numerals.js';
import { parseCitation } from './split.js';

export type Cite = Static<typeof LawCite>;
export type Cited = Static<typeof CitedArticle>;

const inForce = (a: ArticleRow, day: string) => a.effective_from <= day && (!a.effective_to || a.effective_to > day);
/** 第40条 / 40 → 第四十条 as the library labels it (a label that is not an article number is kept). */
function labelOf(article: string | undefined): string | undefined {
  const t = article?.trim();
  if (!t) return undefined;
  const c = parseCitation(t.startsWith('第') ? t : `第${t}条`);
  return c ? articleLabel(c.article) : t;
}

/** A cite as saved: a picked article (re-pointed to the same article of the version in force on `day`), or a source and article
 * looked up in the library; without an articleId when the library does not hold it (kept as written, shown as 未收录). */
export async function resolveCite(db: Queryable, c: Cite, day: string): Promise<Cite> {
  if (c.articleId) {
    const a = await findArticle(db, c.articleId);
    if (!a) throw badRequest(`引用的条文（${c.source}${c.article ?? ''}）在法规库中不存在，请重新选择`, 'Cited article not found');
    const now = inForce(a, day) ? a : (await sameArticleOn(db, a.source_id, a.label, day)) ?? a;
    return { source: now.short_title ?? now.source, article: now.label, articleId: now.id };
  }
  const source = c.source.trim();
  const article = labelOf(c.article);
  const found = article ? await citeArticle(db, source, article, day) : undefined;
  return found ? { source: found.short_title ?? found.source, article: found.label, articleId: found.id } : { source, ...(article ? { article } : {}) };
}

/** Resolve the cites of a record's items (`items[].cites`) as of a day; each item gets its cites back in the stored shape. */
export async function resolveItemCites<T extends { cites?: Cite[] }>(db: Queryable, items: T[], day: string): Promise<T[]> {
  const out: T[] = [];
  for (const it of items) {
    if (!it.cites) { out.push(it); continue; }
    const seen = new Set<string>();
    const cites: Cite[] = [];
    for (const c of it.cites) {
      const r = await resolveCite(db, c, day);
      const key = r.articleId ?? `${normalize(r.source)}|${r.article ?? ''}`;
      if (!seen.has(key)) { seen.add(key); cites.push(r); }
    }
    out.push({ ...it, cites });
  }
  return out;
}

/** Register what the items of one record cite (subject ids `<recordId>#<code>`), replacing what the record cited before. */
export async function registerItemCitations(db: Queryable, subjectType: string, recordId: string, recordName: string,
  items: { code: string; text: string; basis?: string; cites?: Cite[] }[]) {
  const subjects = [];
  for (const it of items) {
    const cites = [];
    for (const c of it.cites ?? []) {
      const a = c.articleId ? await findArticle(db, c.articleId) : undefined;
      const sourceId = a?.source_id ?? (await sourceNamed(db, c.source))?.id;
      if (!sourceId) continue; // a source the library does not hold: nothing to review until it is imported
      cites.push({ uid: uuidv7(), source_id: sourceId, article_label: a?.label ?? c.article ?? null, article_id: a?.id ?? null, cited_text: it.basis ?? null });
    }
    subjects.push({ id: `${recordId}#${it.code}`, label: `${recordName} ${it.code} ${it.text}`.slice(0, 300), cites });
  }
  await syncSubjectCitations(db, subjectType, `${recordId}#`, subjects);
}

/** Register what one record cites (subject id exactly `subjectId`, e.g. a hazard category's code), replacing what it cited before. */
export async function registerSubjectCites(db: Queryable, subjectType: string, subjectId: string, label: string, cites: Cite[]) {
  const rows = [];
  for (const c of cites) {
    const a = c.articleId ? await findArticle(db, c.articleId) : undefined;
    const sourceId = a?.source_id ?? (await sourceNamed(db, c.source))?.id;
    if (!sourceId) continue;
    rows.push({ uid: uuidv7(), source_id: sourceId, article_label: a?.label ?? c.article ?? null, article_id: a?.id ?? null, cited_text: `${c.source}${c.article ?? ''}` });
  }
  await syncSubjectCitations(db, subjectType, subjectId, [{ id: subjectId, label: label.slice(0, 300), cites: rows }], true);
}

/** One cite as of a day: the article then in force in its source or a source that replaced (or was replaced by) it. */
export async function citeAsOf(db: Queryable, c: Cite, day: string): Promise<Cited> {
  const base = { source: c.source, article: c.article ?? null };
  const unresolved = (note: string): Cited => ({ ...base, articleId: null, resolved: false, label: null, sourceTitle: null, docNumber: null, version: null, text: null, verified: null, note });
  const out = (a: ArticleRow, note: string | null): Cited => ({ ...base, articleId: a.id, resolved: true, label: a.label, sourceTitle: a.short_title ?? a.source, docNumber: a.doc_number,
    version: a.version, text: a.text, verified: a.verified, note });
  if (c.articleId) {
    const a = await findArticle(db, c.articleId);
    if (a && inForce(a, day)) return out(a, null);
    if (a) {
      for (const sourceId of await familyOf(db, a.source_id)) {
        const now = await sameArticleOn(db, sourceId, a.label, day);
        if (now) return out(now, now.source_id === a.source_id ? `按 ${day} 施行的${now.version}引用` : `按 ${day} 施行的《${now.source}》（${now.doc_number ?? now.version}）引用，原引用${a.doc_number ?? a.version}，请核对条文内容`);
      }
      return unresolved(`${a.label}（${a.version}）在 ${day} 不在施行期内，且当日施行的版本中没有同号条文，请核对依据`);
    }
  }
  const article = labelOf(c.article);
  if (!article) return unresolved((await sourceNamed(db, c.source)) ? '未指明条文' : '法规库未收录该法规标准');
  const found = await citeArticle(db, c.source, article, day);
  if (found) return out(found, null);
  return unresolved((await sourceNamed(db, c.source)) ? `法规库未收录${article}在 ${day} 施行的条文` : '法规库未收录该法规标准');
}

/** Several cites as of a day. */
export async function citesAsOf(db: Queryable, cites: Cite[] | undefined, day: string): Promise<Cited[]> {
  const out: Cited[] = [];
  for (const c of cites ?? []) out.push(await citeAsOf(db, c, day));
  return out;
}

/** 《安全生产法》第四十条（2021年修正）：text — how a printed document cites an article. */
export const printedCite = (c: Cited) => c.resolved
  ? `《${c.sourceTitle}》${c.label}（${c.version}）：${c.text}`
  : `${c.source}${c.article ?? ''}（${c.note ?? '条文未收录'}）`;
