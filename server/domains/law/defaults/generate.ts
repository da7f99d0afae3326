// Writes db/migrations/0061_law_defaults.sql from sources.ts, items.ts and the fixture text, split by the same
// splitter the import uses. Run: npx tsx server/domains/law/defaults/generate.ts (the output is checked in).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalize } from '../numerals.js';
import { splitLawText } from '../split.js';
import { DEFAULT_CITATIONS, DEFAULT_SOURCES } from './sources.js';
import { BENCHMARK_SOURCE, DEFAULT_ITEMS, STATUTORY, type DefaultBand, type DefaultItem } from './items.js';
import { ARTICLE_CHECKS } from './verification.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const KIND = { source: '00', version: '01', article: '02', item: '03', band: '04', citation: '05' } as const;
/** Fixed ids (0190f2KK-…-NNN) so that migrations, demo data and tests can refer to shipped rows. */
export const defaultId = (kind: keyof typeof KIND, n: number) => `0190f2${KIND[kind]}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** A value written as jsonb (arrays otherwise become text[]). */
class Json { constructor(readonly value: unknown) {} }

const q = (v: unknown): string => {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Json) return `${q(JSON.stringify(v.value))}::jsonb`;
  if (Array.isArray(v)) return v.length ? `array[${v.map(q).join(', ')}]::text[]` : `'{}'::text[]`;
  if (typeof v === 'object') return `${q(JSON.stringify(v))}::jsonb`;
  return `'${String(v).replace(/'/g, "''")}'`;
};
const insert = (table: string, rows: Record<string, unknown>[]) => rows.length === 0 ? '' :
  `insert into ${table} (${Object.keys(rows[0]).join(', ')}) values\n${rows.map((r) => `  (${Object.values(r).map(q).join(', ')})`).join(',\n')};\n\n`;

/** Per-article verification (issue #14): the columns, and a trigger that withdraws the mark when the text is edited. */
const VERIFICATION_DDL = `alter table law_articles add column verified boolean not null default false;
alter table law_articles add column verification_note text;             -- against what the text was checked

-- An edited text is no longer the text that was checked, unless the same update records a new check.
create function law_articles_unverify() returns trigger language plpgsql as $$
begin
  if (new.text is distinct from old.text or new.paragraphs is distinct from old.paragraphs)
     and new.verified is not distinct from old.verified and new.verification_note is not distinct from old.verification_note then
    new.verified := false;
    new.verification_note := '条文在核对后被修改，需重新核对' || coalesce('（原核对：' || old.verification_note || '）', '');
  end if;
  return new;
end $$;
create trigger law_articles_unverify before update on law_articles for each row execute function law_articles_unverify();

`;

const within = (r: [number, number] | undefined, allowed: [number, number] | undefined) => !r || (!!allowed && r[0] >= allowed[0] && r[1] <= allowed[1]);

/** Throws when a band leaves the range its penalty article allows (items.ts STATUTORY), or the range left the text. */
export function checkBand(it: DefaultItem, band: DefaultBand, penaltyText: string) {
  const law = STATUTORY[it.penalty];
  if (!law) throw new Error(`${it.code}: no statutory range recorded for 安全生产法${it.penalty}`);
  const missing = law.phrases.find((p) => !penaltyText.includes(p));
  if (missing) throw new Error(`${it.code}: 安全生产法${it.penalty} as shipped does not say「${missing}」`);
  const fineRange = band.grade === 'severe' ? law.overdue ?? law.first : law.first;
  const bad = !within(band.fine, fineRange) ? `fine ${band.fine} outside ${fineRange}`
    : !within(band.personFine, law.person) ? `person fine ${band.personFine} outside ${law.person ?? 'none'}`
    : band.grade === 'minor' && band.kinds.length ? 'a minor band imposes nothing (行政处罚法第三十三条)'
    : band.kinds.includes('suspension') && (!law.suspension || band.grade !== 'severe') ? 'suspension only for the severe band of an article that orders it'
    : band.kinds.includes('fine') !== !!band.fine ? 'kinds and fine disagree' : undefined;
  if (bad) throw new Error(`${it.code} ${band.grade}: ${bad} (安全生产法${it.penalty})`);
}

export function generateDefaults(): string {
  const sourceId = new Map(DEFAULT_SOURCES.map((s, i) => [s.key, defaultId('source', i + 1)]));
  const sources: Record<string, unknown>[] = []; const versions: Record<string, unknown>[] = []; const articles: Record<string, unknown>[] = [];
  const articleIds = new Map<string, string>(); // `${source}:${version}:${label}` → id
  const articleTexts = new Map<string, string>();
  let v = 0; let a = 0;
  for (const s of DEFAULT_SOURCES) {
    sources.push({ id: sourceId.get(s.key), kind: s.kind, title: s.title, short_title: s.shortTitle ?? null, doc_number: s.docNumber ?? null, issuer: s.issuer,
      repealed_on: s.repealedOn ?? null, replaced_by: null, note: s.note ?? null, unconfirmed: !!s.unconfirmed,
      search: normalize([s.title, s.shortTitle, s.docNumber, s.issuer].filter(Boolean).join(' ')) });
    for (const ver of s.versions) {
      const vid = defaultId('version', ++v);
      versions.push({ id: vid, source_id: sourceId.get(s.key), label: ver.label, doc_number: ver.docNumber ?? null, issued_on: ver.issuedOn ?? null, effective_from: ver.effectiveFrom, note: ver.note ?? null });
      const text = ver.fixture ? fs.readFileSync(path.join(here, '..', 'fixtures', ver.fixture), 'utf8') : ver.text;
      if (!text) continue;
      const checks = ARTICLE_CHECKS[`${s.key}:${ver.key}`] ?? {};
      const split = splitLawText(text).articles;
      const unknown = Object.keys(checks).filter((label) => !split.some((art) => art.label === label));
      if (unknown.length) throw new Error(`${s.key}:${ver.key}: checks for articles not shipped: ${unknown.join('、')}`);
      split.forEach((art, i) => {
        const check = checks[art.label];
        if (!check) throw new Error(`${s.key}:${ver.key} ${art.label}: no entry in verification.ts; record whether its text was checked`);
        const id = defaultId('article', ++a);
        articleTexts.set(id, art.text);
        articleIds.set(`${s.key}:${ver.key}:${art.label}`, id);
        articles.push({ id, version_id: vid, source_id: sourceId.get(s.key), position: i + 1, chapter: art.chapter, section: art.section, label: art.label, number: art.number,
          text: art.text, paragraphs: new Json(art.paragraphs), search: normalize(`${art.label}${art.text}`),
          verified: check.verified, verification_note: check.note });
      });
    }
  }
  const items: Record<string, unknown>[] = []; const bands: Record<string, unknown>[] = [];
  let b = 0;
  DEFAULT_ITEMS.forEach((it, i) => {
    const art = (label: string) => { const id = articleIds.get(`aqscf:2021:${label}`); if (!id) throw new Error(`${it.code}: 安全生产法 ${label} not in the fixture`); return id; };
    const id = defaultId('item', i + 1);
    for (const band of it.bands) checkBand(it, band, articleTexts.get(art(it.penalty))!);
    items.push({ id, code: it.code, name: it.name, sector: it.sector ?? null, violated_article_id: art(it.violated), violated_part: it.violatedPart ?? null,
      penalty_article_id: art(it.penalty), penalty_part: it.penaltyPart ?? null, keywords: it.keywords, source: BENCHMARK_SOURCE,
      unconfirmed: it.bands.some((x) => x.unconfirmed), note: null, search: normalize(`${it.code} ${it.name} ${it.keywords.join(' ')}`) });
    for (const band of it.bands) {
      bands.push({ id: defaultId('band', ++b), item_id: id, grade: band.grade, circumstances: band.circumstances, kinds: band.kinds,
        fine_min: band.fine?.[0] ?? null, fine_max: band.fine?.[1] ?? null, person_fine_min: band.personFine?.[0] ?? null, person_fine_max: band.personFine?.[1] ?? null,
        other: band.other ?? null, unconfirmed: band.unconfirmed });
    }
  });
  const citations = DEFAULT_CITATIONS.map((c, i) => ({ id: defaultId('citation', i + 1), subject_type: c.subjectType, subject_id: c.subjectId, subject_label: c.label,
    source_id: sourceId.get(c.source), article_label: c.article ?? null, cited_text: c.cited }));
  const replaced = DEFAULT_SOURCES.filter((s) => s.replacedBy).map((s) => `update law_sources set replaced_by = ${q(sourceId.get(s.replacedBy!))} where id = ${q(sourceId.get(s.key))};\n`).join('');
  return `-- Generated by server/domains/law/defaults/generate.ts from sources.ts, items.ts and fixtures/: do not edit by hand.\n`
    + `-- Product data of the law library (editable afterwards in the application): sources, versions, articles, default\n`
    + `-- violation items of 安全生产法 chapter 6 with their benchmark bands, and the citations other domains hold.\n`
    + `-- Article texts carry whether they were checked against public copies (verified, verification_note; issue #14).\n\n`
    + VERIFICATION_DDL + insert('law_sources', sources) + replaced + '\n' + insert('law_versions', versions) + insert('law_articles', articles)
    + insert('law_violation_items', items) + insert('law_benchmark_bands', bands) + insert('law_citations', citations);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = path.join(here, '..', '..', '..', '..', 'db', 'migrations', '0061_law_defaults.sql');
  fs.writeFileSync(out, generateDefaults());
  console.log(`wrote ${out}`);
}
