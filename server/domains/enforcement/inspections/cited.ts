// What an inspection's failed items and findings cite, and the day they are judged by: for the proposed violation items
// and for the documents, which print the cited articles as of that day (issue #14).
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import type { Cite } from '../../law/directory.js';
import { today } from '../common/util.js';
import { findChecklist } from './checklists.js';
import { findingsOf, type InspectionRow } from './inspections.store.js';

/** The day of the inspection (the act the documents and proposals are judged by): the day it started, else today. */
export const actDay = (ctx: Pick<Ctx, 'clock'>, i: Pick<InspectionRow, 'started_at'>) => (i.started_at ? shanghaiDate(new Date(i.started_at)) : today(ctx));

/** Failed items (with what they cite, as recorded, else as the checklist cites now) and findings of an inspection. */
export async function failedEntries(db: Queryable, i: Pick<InspectionRow, 'id' | 'checklist_id' | 'results'>) {
  const [findings, list] = await Promise.all([findingsOf(db, i.id), i.checklist_id ? findChecklist(db, i.checklist_id) : undefined]);
  const listCites = new Map((list?.items ?? []).map((x) => [x.code, x.cites]));
  const entries: { itemCode: string | null; findingId: string | null; hazardNumber: string | null; text: string; cites?: Cite[] }[] = i.results.filter((r) => !r.ok).map((r) => {
    const f = findings.find((x) => x.item_code === r.code);
    return { itemCode: r.code, findingId: f?.id ?? null, hazardNumber: f?.hazard_number ?? null, text: [r.text, r.note].filter(Boolean).join('：'), cites: r.cites ?? listCites.get(r.code) };
  });
  for (const f of findings.filter((x) => !x.item_code || !entries.some((e) => e.itemCode === x.item_code))) {
    entries.push({ itemCode: f.item_code, findingId: f.id, hazardNumber: f.hazard_number, text: f.title, cites: f.item_code ? listCites.get(f.item_code) : undefined });
  }
  return entries;
}

