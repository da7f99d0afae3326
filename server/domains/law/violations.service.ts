// Violation items (违法行为) and their benchmarks: reading with the cited articles, editing (audited), and matching a
// finding's words to the items it most likely is.
import type { Static } from '@sinclair/typebox';
import type { ViolationInput } from '../../../contracts/law.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { penaltyProblems } from './benchmark.js';
import { presentBand, presentItem } from './law.present.js';
import { familyOf } from './cites.store.js';
import { findArticles } from './library.store.js';
import { normalize } from './numerals.js';
import { allItems, bandsOf, findItem, itemCodeTaken, listItems, replaceBands, upsertItem, type ItemRow } from './violations.store.js';

/** Items presented with their violated and penalty articles. */
export async function presentItems(db: Queryable, items: ItemRow[]) {
  const ids = [...new Set(items.flatMap((i) => [i.violated_article_id, i.penalty_article_id]).filter((x): x is string => !!x))];
  const articles = new Map((await findArticles(db, ids)).map((a) => [a.id, a]));
  return items.map((i) => presentItem(i, articles));
}

export async function searchItems(db: Queryable, f: { q?: string; sector?: string; sourceId?: string }, page: number, pageSize: number) {
  const words = (f.q ?? '').split(/[\s\u3000]+/).map(normalize).filter(Boolean);
  const { items, total } = await listItems(db, { words, sector: f.sector, sourceId: f.sourceId }, page, pageSize);
  return { items: await presentItems(db, items), total };
}

export async function itemDetail(db: Queryable, id: string) {
  const i = await findItem(db, id);
  if (!i) throw notFound('违法行为', 'Violation item');
  const [[item], bands] = await Promise.all([presentItems(db, [i]), bandsOf(db, id)]);
  return { ...item, bands: bands.map(presentBand) };
}

const bigrams = (s: string) => { const set = new Set<string>(); for (let i = 0; i + 1 < s.length; i++) set.add(s.slice(i, i + 2)); return set; };

/** The items a finding most likely describes: those breaking an article the finding cites (same number in the same source or
 * one replacing it, weight 10), then keywords found (weight 3) plus shared character pairs of the name. */
export async function matchItems(db: Queryable, text: string, limit = 5, citedArticleIds: string[] = []) {
  const t = normalize(text);
  const tb = bigrams(t);
  const all = await allItems(db);
  const cited = new Set<string>();
  for (const a of await findArticles(db, citedArticleIds)) for (const s of await familyOf(db, a.source_id)) cited.add(`${s}|${a.label}`);
  const violated = new Map((await findArticles(db, all.map((i) => i.violated_article_id).filter((x): x is string => !!x))).map((a) => [a.id, `${a.source_id}|${a.label}`]));
  const scored = all.map((i) => {
    const matched = i.keywords.filter((k) => t.includes(normalize(k)));
    const nb = bigrams(normalize(i.name));
    const shared = [...nb].filter((b) => tb.has(b)).length;
    const byArticle = !!i.violated_article_id && cited.has(violated.get(i.violated_article_id) ?? '');
    return { i, matched, byArticle, score: Math.round(((byArticle ? 10 : 0) + matched.length * 3 + (nb.size ? (shared / nb.size) * 4 : 0)) * 100) / 100 };
  }).filter((x) => x.score >= 1).sort((a, b) => b.score - a.score || a.i.code.localeCompare(b.i.code)).slice(0, limit);
  const presented = await presentItems(db, scored.map((x) => x.i));
  return scored.map((x, k) => ({ item: presented[k], score: x.score, matched: x.matched, byArticle: x.byArticle }));
}

function checkBands(bands: NonNullable<Static<typeof ViolationInput>['bands']>) {
  const grades = bands.map((b) => b.grade);
  if (new Set(grades).size !== grades.length) throw badRequest('同一情节档次只能有一条基准，请合并重复的档次', 'Duplicate grade');
  for (const b of bands) {
    const problem = b.kinds.length ? penaltyProblems(b.kinds, b.kinds.includes('fine') ? (b.fineMax ?? 0) : null) : undefined;
    if (problem) throw badRequest(`基准“${b.circumstances}”：${problem}`, 'Bad band');
    if (b.kinds.includes('fine') && (b.fineMin === undefined || b.fineMin === null || b.fineMax === undefined || b.fineMax === null)) {
      throw badRequest(`基准“${b.circumstances}”含罚款，请填写罚款的下限和上限`, 'Fine range required');
    }
    if ((b.fineMin ?? 0) > (b.fineMax ?? Infinity) || (b.personFineMin ?? 0) > (b.personFineMax ?? Infinity)) {
      throw badRequest(`基准“${b.circumstances}”的罚款下限高于上限`, 'Min above max');
    }
  }
}

/** Create (id undefined) or update an item and, when given, its bands. */
export async function saveItem(ctx: Ctx, id: string | undefined, input: Static<typeof ViolationInput>): Promise<string> {
  const itemId = id ?? uuidv7();
  if (input.bands) checkBands(input.bands);
  await ctx.db.tx(async (tx) => {
    const before = id ? await findItem(tx, id) : undefined;
    if (id && !before) throw notFound('违法行为', 'Violation item');
    if (await itemCodeTaken(tx, input.code, itemId)) throw conflict(`编号 ${input.code} 已被其他违法行为使用`, 'Code taken');
    const arts = await findArticles(tx, [input.violatedArticleId, input.penaltyArticleId].filter((x): x is string => !!x));
    if (input.violatedArticleId && !arts.some((a) => a.id === input.violatedArticleId)) throw badRequest('违法依据条文不存在，请重新选择', 'Violated article not found');
    if (input.penaltyArticleId && !arts.some((a) => a.id === input.penaltyArticleId)) throw badRequest('处罚依据条文不存在，请重新选择', 'Penalty article not found');
    const keywords = [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))];
    await upsertItem(tx, itemId, { code: input.code.trim(), name: input.name.trim(), sector: input.sector ?? null, violated_article_id: input.violatedArticleId ?? null,
      violated_part: input.violatedPart ?? null, penalty_article_id: input.penaltyArticleId ?? null, penalty_part: input.penaltyPart ?? null, keywords, source: input.source,
      unconfirmed: input.unconfirmed ?? false, note: input.note ?? null, search: normalize(`${input.code} ${input.name} ${keywords.join(' ')}`) });
    const beforeBands = id ? (await bandsOf(tx, itemId)).map(presentBand) : [];
    if (input.bands) {
      await replaceBands(tx, itemId, input.bands.map((b) => ({ id: uuidv7(), grade: b.grade, circumstances: b.circumstances, kinds: b.kinds, fine_min: b.fineMin ?? null,
        fine_max: b.fineMax ?? null, person_fine_min: b.personFineMin ?? null, person_fine_max: b.personFineMax ?? null, other: b.other ?? null, unconfirmed: b.unconfirmed ?? false })));
    }
    await audit(ctx, tx, { action: id ? 'law.violation.update' : 'law.violation.create', entityType: 'law_violation_item', entityId: itemId,
      before: before ? { ...before, bands: beforeBands } : undefined, after: input });
  });
  return itemId;
}
