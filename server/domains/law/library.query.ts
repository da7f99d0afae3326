// Reading the library: search articles by words or by number, cite an article as of a day, a source with its versions,
// and the review list of a source (who cites it).
import { CITATION_SUBJECTS } from './citations.js';
import type { Queryable } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { findArticle, findSource, listArticles, listVersions, sameArticleOn, sourcesReplacedBy, versionOn, type ArticleFilter, type ArticleRow } from './library.store.js';
import { presentSource, presentVersion } from './law.present.js';
import { normalize } from './numerals.js';
import { parseCitation } from './split.js';
import { citationsOf, itemsCitingSource } from './violations.store.js';
import { sql } from '../../platform/db/sql.js';

/** The filter of a search box: 「安全生产法第九十九条」 and 「第99条」 search by number, anything else by words. */
export function articleFilter(q: string | undefined): ArticleFilter {
  if (!q?.trim()) return {};
  const c = parseCitation(q);
  if (c) return { number: c.article, sourceWords: c.source ? normalize(c.source) : undefined };
  return { words: q.split(/[\s\u3000]+/).map(normalize).filter(Boolean) };
}

export async function searchArticles(db: Queryable, day: string, f: { q?: string; sourceId?: string; versionId?: string; kind?: string; on?: string; allVersions?: boolean },
  page: number, pageSize: number) {
  return listArticles(db, { ...articleFilter(f.q), sourceId: f.sourceId, versionId: f.versionId, kind: f.kind, on: f.allVersions ? undefined : f.on ?? day }, page, pageSize);
}

/** A source with its versions (newest first) and the sources it replaced. */
export async function sourceDetail(db: Queryable, day: string, id: string) {
  const s = await findSource(db, day, id);
  if (!s) throw notFound('法规标准', 'Source');
  const [versions, replaces] = await Promise.all([listVersions(db, id), sourcesReplacedBy(db, id)]);
  return { ...presentSource(s), versions: versions.map((v) => presentVersion(v, day)), replaces: replaces.map((r) => ({ id: r.id, title: r.title, docNumber: r.doc_number })) };
}

/** 「安全生产法」「第九十九条」 as of a day: the article of the version then in force, or undefined. */
export async function citeArticle(db: Queryable, source: string, article: string, day: string): Promise<ArticleRow | undefined> {
  const c = parseCitation(`${source}${article.startsWith('第') ? article : `第${article}条`}`);
  const words = normalize(source);
  const found = await db.query<{ id: string }>(sql`select id from law_sources where search like ${'%' + words + '%'} order by length(title) limit 5`);
  for (const s of found) {
    const v = await versionOn(db, s.id, day);
    if (!v) continue;
    if (c) {
      const { items } = await listArticles(db, { versionId: v.id, number: c.article }, 1, 1);
      if (items[0]) return items[0];
    } else {
      const a = await sameArticleOn(db, s.id, article.trim(), day);
      if (a) return a;
    }
  }
  return undefined;
}

/** An article as cited on a day: itself when its version is in force then, else the same label in the version then in force. */
export async function articleAsOf(db: Queryable, articleId: string, day: string): Promise<{ article: ArticleRow; substituted: boolean; warning?: string } | undefined> {
  const a = await findArticle(db, articleId);
  if (!a) return undefined;
  if (a.effective_from <= day && (!a.effective_to || a.effective_to > day)) return { article: a, substituted: false };
  const now = await sameArticleOn(db, a.source_id, a.label, day);
  if (now) return { article: now, substituted: true, warning: `${a.source}${a.label}按 ${day} 施行的${now.version}引用（原引用${a.version}），请核对条文内容是否一致` };
  return { article: a, substituted: false, warning: `《${a.source}》${a.label}（${a.version}）在 ${day} 不在施行期内，且当日施行的版本中没有同号条文，请核对依据` };
}

/** Who cites a source: violation items through their articles, and the citations other domains registered. */
export async function citingSource(db: Queryable, sourceId: string) {
  const [items, citations] = await Promise.all([itemsCitingSource(db, sourceId), citationsOf(db, sourceId)]);
  return [
    ...items.map((i) => ({ subjectType: 'violation_item', subjectTypeLabel: CITATION_SUBJECTS.violation_item, subjectId: i.id, label: `${i.code} ${i.name}`, cited: i.cited,
      citationId: null, reviewedAt: null, reviewedBy: null, reviewNote: null })),
    ...citations.map((c) => ({ subjectType: c.subject_type, subjectTypeLabel: CITATION_SUBJECTS[c.subject_type] ?? c.subject_type, subjectId: c.subject_id, label: c.subject_label,
      cited: [c.cited_text, c.article_label].filter(Boolean).join(' · ') || null, citationId: c.id, reviewedAt: c.reviewed_at ? new Date(c.reviewed_at).toISOString() : null,
      reviewedBy: c.reviewed_by, reviewNote: c.review_note })),
  ];
}
