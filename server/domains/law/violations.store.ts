// SQL of violation items (违法行为), their benchmark bands, and the citations other domains register.
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface ItemRow {
  id: string; code: string; name: string; sector: string | null; violated_article_id: string | null; violated_part: string | null; penalty_article_id: string | null;
  penalty_part: string | null; keywords: string[]; source: string; unconfirmed: boolean; note: string | null; band_count: number;
}
export interface BandRow {
  id: string; item_id: string; grade: string; circumstances: string; kinds: string[]; fine_min: number | null; fine_max: number | null; person_fine_min: number | null;
  person_fine_max: number | null; other: string | null; unconfirmed: boolean;
}

const itemSelect = sql`select i.id, i.code, i.name, i.sector, i.violated_article_id, i.violated_part, i.penalty_article_id, i.penalty_part, i.keywords, i.source,
  i.unconfirmed, i.note, (select count(*)::int from law_benchmark_bands b where b.item_id = i.id) as band_count from law_violation_items i`;

export interface ItemFilter { words?: string[]; sector?: string; sourceId?: string }

export async function listItems(db: Queryable, f: ItemFilter, page: number, pageSize: number) {
  const where = sql.and([...(f.words ?? []).map((w) => sql`i.search like ${'%' + w + '%'}`), f.sector ? sql`i.sector = ${f.sector}` : undefined,
    f.sourceId ? sql`exists (select 1 from law_articles a where a.id in (i.violated_article_id, i.penalty_article_id) and a.source_id = ${f.sourceId})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from law_violation_items i where ${where}`);
  const items = await db.query<ItemRow>(sql`${itemSelect} where ${where} order by i.code limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const allItems = (db: Queryable) => db.query<ItemRow>(sql`${itemSelect} order by i.code`);
export const findItem = (db: Queryable, id: string) => db.maybeOne<ItemRow>(sql`${itemSelect} where i.id = ${id}`);
export const itemCodeTaken = (db: Queryable, code: string, except: string) => db.maybeOne(sql`select 1 from law_violation_items where code = ${code} and id <> ${except}`);

const bandCols = sql`id, item_id, grade, circumstances, kinds, fine_min::float8 as fine_min, fine_max::float8 as fine_max, person_fine_min::float8 as person_fine_min,
  person_fine_max::float8 as person_fine_max, other, unconfirmed`;
const GRADE_ORDER = sql`array_position(array['minor','general','serious','severe'], grade)`;
export const bandsOf = (db: Queryable, itemId: string) => db.query<BandRow>(sql`select ${bandCols} from law_benchmark_bands where item_id = ${itemId} order by ${GRADE_ORDER}`);

export interface ItemWrite { code: string; name: string; sector: string | null; violated_article_id: string | null; violated_part: string | null; penalty_article_id: string | null;
  penalty_part: string | null; keywords: string[]; source: string; unconfirmed: boolean; note: string | null; search: string }

export async function upsertItem(db: Queryable, id: string, w: ItemWrite) {
  await db.execute(sql`insert into law_violation_items (id, code, name, sector, violated_article_id, violated_part, penalty_article_id, penalty_part, keywords, source, unconfirmed, note, search)
    values (${id}, ${w.code}, ${w.name}, ${w.sector}, ${w.violated_article_id}, ${w.violated_part}, ${w.penalty_article_id}, ${w.penalty_part}, ${w.keywords}::text[], ${w.source},
      ${w.unconfirmed}, ${w.note}, ${w.search})
    on conflict (id) do update set code = excluded.code, name = excluded.name, sector = excluded.sector, violated_article_id = excluded.violated_article_id,
      violated_part = excluded.violated_part, penalty_article_id = excluded.penalty_article_id, penalty_part = excluded.penalty_part, keywords = excluded.keywords,
      source = excluded.source, unconfirmed = excluded.unconfirmed, note = excluded.note, search = excluded.search, updated_at = now()`);
}

export async function replaceBands(db: Queryable, itemId: string, bands: Omit<BandRow, 'item_id'>[]) {
  await db.execute(sql`delete from law_benchmark_bands where item_id = ${itemId}`);
  for (const b of bands) {
    await db.execute(sql`insert into law_benchmark_bands (id, item_id, grade, circumstances, kinds, fine_min, fine_max, person_fine_min, person_fine_max, other, unconfirmed)
      values (${b.id}, ${itemId}, ${b.grade}, ${b.circumstances}, ${b.kinds}::text[], ${b.fine_min}, ${b.fine_max}, ${b.person_fine_min}, ${b.person_fine_max}, ${b.other}, ${b.unconfirmed})`);
  }
}

/** Violation items citing any article of a source (any version): the review list of a replaced source. */
export const itemsCitingSource = (db: Queryable, sourceId: string) => db.query<ItemRow & { cited: string }>(sql`select i.*, c.cited from (${itemSelect}) i
  cross join lateral (select string_agg(a.label, '、' order by a.position) as cited from law_articles a
    where a.id in (i.violated_article_id, i.penalty_article_id) and a.source_id = ${sourceId}) c
  where c.cited is not null order by i.code`);

export interface CitationRow { id: string; subject_type: string; subject_id: string; subject_label: string; source_id: string; article_label: string | null; cited_text: string | null;
  reviewed_at: Date | null; reviewed_by: string | null; review_note: string | null }
export const citationsOf = (db: Queryable, sourceId: string) =>
  db.query<CitationRow>(sql`select * from law_citations where source_id = ${sourceId} order by subject_type, subject_label`);
export const findCitation = (db: Queryable, id: string) => db.maybeOne<CitationRow>(sql`select * from law_citations where id = ${id}`);
export const markReviewed = (db: Queryable, id: string, by: string, note: string, at: Date) =>
  db.execute(sql`update law_citations set reviewed_at = ${at.toISOString()}, reviewed_by = ${by}, review_note = ${note} where id = ${id}`);
export async function upsertCitation(db: Queryable, c: { id: string; subject_type: string; subject_id: string; subject_label: string; source_id: string; article_label: string | null; cited_text: string | null }) {
  await db.execute(sql`insert into law_citations (id, subject_type, subject_id, subject_label, source_id, article_label, cited_text)
    values (${c.id}, ${c.subject_type}, ${c.subject_id}, ${c.subject_label}, ${c.source_id}, ${c.article_label}, ${c.cited_text})
    on conflict (subject_type, subject_id, source_id, coalesce(article_label, '')) do update set subject_label = excluded.subject_label, article_label = excluded.article_label,
      cited_text = excluded.cited_text, reviewed_at = null, reviewed_by = null, review_note = null`);
}
