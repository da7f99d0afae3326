// SQL of the citations other domains hold: sources named as people name them, the replacement family of a source, and
// the registered citations of a subject (one row per cited article).
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

/** The source people mean by a name: its title, short title or number (the one still in force first). */
export const sourceNamed = (db: Queryable, name: string) => db.maybeOne<{ id: string; title: string }>(sql`select id, title from law_sources
  where ${name} in (title, short_title, doc_number) order by repealed_on desc nulls first limit 1`);

/** A source, the sources that replaced it (in order) and those it replaced: where the same article is looked for on another day. */
export async function familyOf(db: Queryable, sourceId: string): Promise<string[]> {
  const rows = await db.query<{ id: string; depth: number }>(sql`with recursive fwd(id, depth) as (
      select ${sourceId}::uuid, 0 union all select s.replaced_by, f.depth + 1 from fwd f join law_sources s on s.id = f.id where s.replaced_by is not null and f.depth < 8),
    back(id, depth) as (select ${sourceId}::uuid, 0 union all select s.id, b.depth - 1 from back b join law_sources s on s.replaced_by = b.id where b.depth > -8)
    select id, depth from fwd union select id, depth from back order by depth`);
  return [...new Set(rows.map((r) => r.id))];
}

export interface SubjectCitation { source_id: string; article_label: string | null; article_id: string | null; cited_text: string | null }

/** Replace the citations registered for subjects `subject_type` / `<prefix>…` (or exactly `prefix` when `exact`): rows no longer
 * cited go, others are kept or added. */
export async function syncSubjectCitations(db: Queryable, subjectType: string, prefix: string,
  subjects: { id: string; label: string; cites: (SubjectCitation & { uid: string })[] }[], exact = false) {
  const keep = subjects.flatMap((s) => s.cites.map((c) => `${s.id}|${c.source_id}|${c.article_label ?? ''}`));
  const which = exact ? sql`subject_id = ${prefix}` : sql`subject_id like ${prefix.replace(/[%_]/g, '\\$&') + '%'}`;
  await db.execute(sql`delete from law_citations where subject_type = ${subjectType} and ${which}
    and not (subject_id || '|' || source_id || '|' || coalesce(article_label, '') = any(${keep}::text[]))`);
  for (const s of subjects) {
    for (const c of s.cites) {
      // An unchanged citation keeps its review; a changed one (other article resolved) is to be reviewed again.
      await db.execute(sql`insert into law_citations (id, subject_type, subject_id, subject_label, source_id, article_label, cited_text, article_id)
        values (${c.uid}, ${subjectType}, ${s.id}, ${s.label}, ${c.source_id}, ${c.article_label}, ${c.cited_text}, ${c.article_id})
        on conflict (subject_type, subject_id, source_id, coalesce(article_label, '')) do update set subject_label = excluded.subject_label, cited_text = excluded.cited_text,
          article_id = excluded.article_id`);
    }
  }
}

export interface CaseViolationRow { case_id: string; item_id: string; code: string; name: string; inspection_id: string | null; finding: string | null }
export const insertCaseViolation = (db: Queryable, r: { case_id: string; item_id: string; inspection_id: string | null; finding: string | null; created_by: string | null }) =>
  db.execute(sql`insert into law_case_violations (case_id, item_id, inspection_id, finding, created_by) values (${r.case_id}, ${r.item_id}, ${r.inspection_id}, ${r.finding}, ${r.created_by})
    on conflict (case_id, item_id) do nothing`);
export const caseViolations = (db: Queryable, caseId: string) => db.query<CaseViolationRow>(sql`select c.case_id, c.item_id, i.code, i.name, c.inspection_id, c.finding
  from law_case_violations c join law_violation_items i on i.id = c.item_id where c.case_id = ${caseId} order by c.created_at`);
