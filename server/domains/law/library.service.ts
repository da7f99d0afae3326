// Changes to the library: sources, versions imported with their articles, hand corrections of an article, replacement
// of a source by another (with the review list), and review of citations. Every change is audited.
import type { Static } from '@sinclair/typebox';
import type { ArticleInput, SourceInput, SourcePatch, VersionInput } from '../../../contracts/law.js';
import { audit, type Ctx } from '../../platform/context.js';
import { isUniqueViolation } from '../../platform/db/db.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { findArticle, insertArticles, insertSource, insertVersion, lockSource, updateArticle, updateSource, type ArticleWrite } from './library.store.js';
import { normalize } from './numerals.js';
import { articleFromText } from './split.js';
import { findCitation, markReviewed } from './violations.store.js';

const sourceSearch = (s: { title: string; short_title?: string | null; doc_number?: string | null; issuer?: string | null }) =>
  normalize([s.title, s.short_title, s.doc_number, s.issuer].filter(Boolean).join(' '));

/** A new source (法律、法规、规章、标准). */
export async function createSource(ctx: Ctx, input: Static<typeof SourceInput>): Promise<string> {
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const w = { kind: input.kind as string, title: input.title.trim(), short_title: input.shortTitle?.trim() || null, doc_number: input.docNumber?.trim() || null,
      issuer: input.issuer?.trim() || null, note: input.note ?? null, unconfirmed: input.unconfirmed ?? false };
    try { await insertSource(tx, id, { ...w, search: sourceSearch(w) }); } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`库中已有《${w.title}》（${w.doc_number ?? '无文号'}）`, 'Source exists');
      throw e;
    }
    await audit(ctx, tx, { action: 'law.source.create', entityType: 'law_source', entityId: id, after: w });
  });
  return id;
}

/** Edit a source's fields (title, number, repeal date …). */
export async function patchSource(ctx: Ctx, id: string, input: Static<typeof SourcePatch>) {
  await ctx.db.tx(async (tx) => {
    const before = await lockSource(tx, id);
    if (!before) throw notFound('法规标准', 'Source');
    const w = { kind: input.kind as string | undefined, title: input.title?.trim(), short_title: input.shortTitle, doc_number: input.docNumber, issuer: input.issuer,
      note: input.note, unconfirmed: input.unconfirmed, repealed_on: input.repealedOn };
    const merged = { title: w.title ?? before.title, short_title: w.short_title === undefined ? before.short_title : w.short_title,
      doc_number: w.doc_number === undefined ? before.doc_number : w.doc_number, issuer: w.issuer === undefined ? before.issuer : w.issuer };
    await updateSource(tx, id, { ...w, search: sourceSearch(merged) });
    await audit(ctx, tx, { action: 'law.source.update', entityType: 'law_source', entityId: id, before, after: input });
  });
}

/** Article rows of hand-corrected text: the structure is rebuilt from the text, labels must be unique. */
function articleRows(versionId: string, sourceId: string, articles: Static<typeof ArticleInput>[]): ArticleWrite[] {
  const rows = articles.map((a, i) => {
    const p = articleFromText(a);
    if (!p.text) throw badRequest(`第 ${i + 1} 条（${p.label}）没有正文，请填写或删除该条`, 'Empty article');
    return { id: uuidv7(), version_id: versionId, source_id: sourceId, position: i + 1, chapter: p.chapter, section: p.section, label: p.label, number: p.number,
      text: p.text, paragraphs: p.paragraphs, search: normalize(`${p.label}${p.text}`) };
  });
  const seen = new Set<string>();
  const dup = rows.filter((r) => seen.has(r.label) || !seen.add(r.label)).map((r) => r.label);
  if (dup.length) throw badRequest(`条文编号重复：${[...new Set(dup)].join('、')}。请合并或改正编号后再保存`, 'Duplicate article labels');
  return rows;
}

/** Save a version (修正/修订) with its articles, as previewed and corrected by hand. */
export async function addVersion(ctx: Ctx, sourceId: string, input: Static<typeof VersionInput>): Promise<string> {
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const s = await lockSource(tx, sourceId);
    if (!s) throw notFound('法规标准', 'Source');
    if (s.repealed_on && input.effectiveFrom >= s.repealed_on) throw badRequest(`《${s.title}》自 ${s.repealed_on} 起已废止，不能添加此后施行的版本`, 'Source repealed');
    if (input.issuedOn && input.issuedOn > input.effectiveFrom) throw badRequest('公布日期不能晚于施行日期', 'Issued after effective');
    const rows = articleRows(id, sourceId, input.articles);
    try {
      await insertVersion(tx, { id, source_id: sourceId, label: input.label.trim(), doc_number: input.docNumber ?? null, issued_on: input.issuedOn ?? null,
        effective_from: input.effectiveFrom, note: input.note ?? null });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`《${s.title}》已有自 ${input.effectiveFrom} 起施行的版本`, 'Version exists');
      throw e;
    }
    await insertArticles(tx, rows);
    await audit(ctx, tx, { action: 'law.version.create', entityType: 'law_version', entityId: id,
      after: { sourceId, label: input.label, effectiveFrom: input.effectiveFrom, articles: rows.length } });
  });
  return id;
}

/** Correct one saved article (label, chapter, text); its paragraphs and items are rebuilt from the text. */
export async function editArticle(ctx: Ctx, id: string, input: Static<typeof ArticleInput>) {
  await ctx.db.tx(async (tx) => {
    const before = await findArticle(tx, id);
    if (!before) throw notFound('条文', 'Article');
    const p = articleFromText(input);
    if (!p.text) throw badRequest('条文正文不能为空', 'Empty article');
    try {
      await updateArticle(tx, id, { chapter: p.chapter, section: p.section, label: p.label, number: p.number, text: p.text, paragraphs: p.paragraphs, search: normalize(`${p.label}${p.text}`) });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`该版本已有${p.label}`, 'Label taken');
      throw e;
    }
    await audit(ctx, tx, { action: 'law.article.update', entityType: 'law_article', entityId: id,
      before: { label: before.label, chapter: before.chapter, text: before.text }, after: { label: p.label, chapter: p.chapter, text: p.text } });
  });
}

/** Source `id` is replaced by `bySourceId` from a day: it is repealed that day and points to its successor. */
export async function replaceSource(ctx: Ctx, id: string, input: { bySourceId: string; from: string; note?: string }) {
  if (input.bySourceId === id) throw badRequest('不能以自身取代自身，请选择新的法规标准', 'Same source');
  await ctx.db.tx(async (tx) => {
    const old = await lockSource(tx, id);
    const by = await lockSource(tx, input.bySourceId);
    if (!old) throw notFound('法规标准', 'Source');
    if (!by) throw badRequest('取代它的法规标准不存在，请先在库中添加', 'Successor not found');
    if (by.replaced_by === id) throw new AppError(409, 'cycle', `《${by.title}》已被《${old.title}》取代，不能互相取代`, 'Replacement cycle');
    await updateSource(tx, id, { repealed_on: input.from, replaced_by: input.bySourceId });
    await audit(ctx, tx, { action: 'law.source.replace', entityType: 'law_source', entityId: id, before: { repealedOn: old.repealed_on, replacedBy: old.replaced_by },
      after: { repealedOn: input.from, replacedBy: input.bySourceId, note: input.note ?? null } });
  });
}

/** Record that a citation was reviewed after its source changed (kept, re-pointed or withdrawn: the note says which). */
export async function reviewCitation(ctx: Ctx, id: string, note: string) {
  await ctx.db.tx(async (tx) => {
    const c = await findCitation(tx, id);
    if (!c) throw notFound('引用记录', 'Citation');
    await markReviewed(tx, id, ctx.actor.name, note, ctx.clock());
    await audit(ctx, tx, { action: 'law.citation.review', entityType: 'law_citation', entityId: id, before: { reviewedAt: c.reviewed_at }, after: { note } });
  });
}
