// SQL of the library: sources, their versions (each in force until the next starts or the source is repealed), articles.
// The library is reference data for the whole county: it has no data scope; who may read and write is checked by route.
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import type { ArticleParagraph } from './split.js';

export interface SourceRow {
  id: string; kind: string; title: string; short_title: string | null; doc_number: string | null; issuer: string | null; repealed_on: string | null;
  replaced_by: string | null; replaced_by_title: string | null; replaced_by_number: string | null; note: string | null; unconfirmed: boolean;
  issued_on: string | null; effective_from: string | null; status: 'in_force' | 'pending' | 'repealed'; article_count: number;
}
export interface VersionRow { id: string; source_id: string; label: string; doc_number: string | null; issued_on: string | null; effective_from: string; effective_to: string | null;
  note: string | null; article_count: number }
export interface ArticleRow {
  id: string; version_id: string; source_id: string; position: number; chapter: string | null; section: string | null; label: string; number: number | null; text: string;
  paragraphs: ArticleParagraph[]; source: string; short_title: string | null; doc_number: string | null; version: string; effective_from: string; effective_to: string | null;
  /** Checked word by word against an authoritative text (cleared when the text is edited). */
  verified: boolean; verification_note: string | null;
}

/** Versions with the day each stops being in force (exclusive). */
const VERSIONS = sql`(select v.*, v.effective_from::text as from_text, v.issued_on::text as issued_text,
  coalesce(lead(v.effective_from) over (partition by v.source_id order by v.effective_from), s.repealed_on)::text as effective_to
  from law_versions v join law_sources s on s.id = v.source_id)`;

/** Whether version alias `v` (from VERSIONS) is in force on `day`. */
export const inForceOn = (day: string) => sql`(v.effective_from <= ${day}::date and (v.effective_to is null or v.effective_to::date > ${day}::date))`;

const sourceSelect = (day: string) => sql`select s.id, s.kind, s.title, s.short_title, s.doc_number, s.issuer, s.repealed_on::text as repealed_on, s.replaced_by,
  r.title as replaced_by_title, r.doc_number as replaced_by_number, s.note, s.unconfirmed,
  (select min(issued_on)::text from law_versions where source_id = s.id) as issued_on,
  (select min(effective_from)::text from law_versions where source_id = s.id) as effective_from,
  case when s.repealed_on <= ${day}::date then 'repealed'
       when not exists (select 1 from law_versions where source_id = s.id and effective_from <= ${day}::date) then 'pending' else 'in_force' end as status,
  (select count(*)::int from law_articles a join ${VERSIONS} v on v.id = a.version_id where a.source_id = s.id and ${inForceOn(day)}) as article_count
  from law_sources s left join law_sources r on r.id = s.replaced_by`;

export interface SourceFilter { q?: string; kind?: string; status?: string }

export async function listSources(db: Queryable, day: string, f: SourceFilter, page: number, pageSize: number) {
  const where = sql.and([f.q ? sql`x.search_all like ${'%' + f.q + '%'}` : undefined, f.kind ? sql`x.kind = ${f.kind}` : undefined,
    f.status ? sql`x.status = ${f.status}` : undefined]);
  const base = sql`select * from (select y.*, s2.search as search_all from (${sourceSelect(day)}) y join law_sources s2 on s2.id = y.id) x where ${where}`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from (${base}) c`);
  const items = await db.query<SourceRow>(sql`${base} order by x.kind = 'law' desc, x.title, x.effective_from desc nulls last limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findSource = (db: Queryable, day: string, id: string) => db.maybeOne<SourceRow>(sql`select * from (${sourceSelect(day)}) x where x.id = ${id}`);
export const sourcesReplacedBy = (db: Queryable, id: string) =>
  db.query<{ id: string; title: string; doc_number: string | null }>(sql`select id, title, doc_number from law_sources where replaced_by = ${id} order by title`);

export const listVersions = (db: Queryable, sourceId: string) => db.query<VersionRow>(sql`select v.id, v.source_id, v.label, v.doc_number, v.issued_text as issued_on,
  v.from_text as effective_from, v.effective_to, v.note, (select count(*)::int from law_articles a where a.version_id = v.id) as article_count
  from ${VERSIONS} v where v.source_id = ${sourceId} order by v.effective_from desc`);

/** The version of a source in force on a day. */
export const versionOn = (db: Queryable, sourceId: string, day: string) => db.maybeOne<VersionRow>(sql`select v.id, v.source_id, v.label, v.doc_number,
  v.issued_text as issued_on, v.from_text as effective_from, v.effective_to, v.note, 0 as article_count from ${VERSIONS} v where v.source_id = ${sourceId} and ${inForceOn(day)}`);

const articleSelect = sql`select a.id, a.version_id, a.source_id, a.position, a.chapter, a.section, a.label, a.number, a.text, a.paragraphs, a.verified, a.verification_note,
  s.title as source, s.short_title, s.doc_number, v.label as version, v.from_text as effective_from, v.effective_to
  from law_articles a join ${VERSIONS} v on v.id = a.version_id join law_sources s on s.id = a.source_id`;

export interface ArticleFilter {
  /** Normalised words, every one must occur in the label or text. */
  words?: string[]; number?: number; sourceWords?: string; sourceId?: string; versionId?: string; kind?: string;
  /** Only versions in force on this day (unless a version is named). */
  on?: string;
}

function articleWhere(f: ArticleFilter): Sql {
  return sql.and([
    ...(f.words ?? []).map((w) => sql`a.search like ${'%' + w + '%'}`),
    f.number !== undefined ? sql`a.number = ${f.number}` : undefined,
    f.sourceWords ? sql`s.search like ${'%' + f.sourceWords + '%'}` : undefined,
    f.sourceId ? sql`a.source_id = ${f.sourceId}` : undefined,
    f.versionId ? sql`a.version_id = ${f.versionId}` : f.on ? inForceOn(f.on) : undefined,
    f.kind ? sql`s.kind = ${f.kind}` : undefined,
  ]);
}

export async function listArticles(db: Queryable, f: ArticleFilter, page: number, pageSize: number) {
  const where = articleWhere(f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from law_articles a join ${VERSIONS} v on v.id = a.version_id
    join law_sources s on s.id = a.source_id where ${where}`);
  const items = await db.query<ArticleRow>(sql`${articleSelect} where ${where} order by s.kind = 'law' desc, s.title, v.effective_from desc, a.position
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findArticle = (db: Queryable, id: string) => db.maybeOne<ArticleRow>(sql`${articleSelect} where a.id = ${id}`);
export const findArticles = (db: Queryable, ids: string[]) => ids.length ? db.query<ArticleRow>(sql`${articleSelect} where a.id = any(${ids}::uuid[])`) : Promise.resolve([]);

/** The article with the same label in the version of the same source in force on a day. */
export const sameArticleOn = (db: Queryable, sourceId: string, label: string, day: string) =>
  db.maybeOne<ArticleRow>(sql`${articleSelect} where a.source_id = ${sourceId} and a.label = ${label} and ${inForceOn(day)}`);

export interface SourceWrite { kind?: string; title?: string; short_title?: string | null; doc_number?: string | null; issuer?: string | null; note?: string | null;
  unconfirmed?: boolean; repealed_on?: string | null; replaced_by?: string | null; search?: string }

export async function insertSource(db: Queryable, id: string, w: SourceWrite) {
  const cols = Object.keys(w).filter((k) => w[k as keyof SourceWrite] !== undefined);
  await db.execute(sql`insert into law_sources (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c as keyof SourceWrite]}`))})`);
}
export async function updateSource(db: Queryable, id: string, w: SourceWrite) {
  const cols = Object.keys(w).filter((k) => w[k as keyof SourceWrite] !== undefined);
  if (cols.length) await db.execute(sql`update law_sources set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c as keyof SourceWrite]}`))}, updated_at = now() where id = ${id}`);
}
export const lockSource = (db: Queryable, id: string) => db.maybeOne<{ id: string; title: string; short_title: string | null; doc_number: string | null; issuer: string | null;
  repealed_on: string | null; replaced_by: string | null }>(sql`select id, title, short_title, doc_number, issuer, repealed_on::text as repealed_on, replaced_by from law_sources where id = ${id} for update`);

export async function insertVersion(db: Queryable, v: { id: string; source_id: string; label: string; doc_number: string | null; issued_on: string | null; effective_from: string; note: string | null }) {
  await db.execute(sql`insert into law_versions (id, source_id, label, doc_number, issued_on, effective_from, note)
    values (${v.id}, ${v.source_id}, ${v.label}, ${v.doc_number}, ${v.issued_on}, ${v.effective_from}, ${v.note})`);
}

export interface ArticleWrite { id: string; version_id: string; source_id: string; position: number; chapter: string | null; section: string | null; label: string; number: number | null;
  text: string; paragraphs: ArticleParagraph[]; search: string }

/** Insert articles in batches of 200 rows. */
export async function insertArticles(db: Queryable, rows: ArticleWrite[]) {
  for (let i = 0; i < rows.length; i += 200) {
    await db.execute(sql`insert into law_articles (id, version_id, source_id, position, chapter, section, label, number, text, paragraphs, search) values
      ${sql.join(rows.slice(i, i + 200).map((r) => sql`(${r.id}, ${r.version_id}, ${r.source_id}, ${r.position}, ${r.chapter}, ${r.section}, ${r.label}, ${r.number}, ${r.text},
        ${JSON.stringify(r.paragraphs)}::jsonb, ${r.search})`))}`);
  }
}
export const updateArticle = (db: Queryable, id: string, w: Omit<ArticleWrite, 'id' | 'version_id' | 'source_id' | 'position'>) => db.execute(sql`update law_articles
  set chapter = ${w.chapter}, section = ${w.section}, label = ${w.label}, number = ${w.number}, text = ${w.text}, paragraphs = ${JSON.stringify(w.paragraphs)}::jsonb,
  search = ${w.search} where id = ${id}`);
