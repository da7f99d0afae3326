// What the rest of enforcement may ask of cases, measures and transfers (documents filled from them, tip-offs linked
// to a case, the enterprise tab), so that no other sub-domain reads their stores.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { deadlinesOf } from '../common/deadlines.js';
import { presentCase, presentMeasure, presentTransfer } from './cases.present.js';
import { findCase, listCases } from './cases.store.js';
import { findMeasure, findTransfer, listMeasures, listTransfers } from './measures.store.js';

export type { CaseRow, Penalty } from './cases.store.js';

/** One case the viewer may reach, or undefined. */
export const caseOf = (db: Queryable, viewer: DataScope, id: string) => findCase(db, viewer, id);
/** One compulsory measure the viewer may reach. */
export const measureOf = (db: Queryable, viewer: DataScope, id: string) => findMeasure(db, viewer, id);
/** One 行刑衔接 transfer the viewer may reach. */
export const transferOf = (db: Queryable, viewer: DataScope, id: string) => findTransfer(db, viewer, id);

/** The latest cases of an enterprise, presented with their next deadline. */
export async function casesFor(db: Queryable, viewer: DataScope, f: { enterpriseId?: string }, today: string, limit = 50) {
  const { items } = await listCases(db, viewer, f, 1, limit);
  const deadlines = await deadlinesOf(db, 'case', items.map((c) => c.id));
  return items.map((c) => presentCase(c, deadlines.filter((d) => d.subject_id === c.id), today));
}

/** The latest compulsory measures of an enterprise, presented. */
export async function measuresFor(db: Queryable, viewer: DataScope, f: { enterpriseId?: string }, limit = 50) {
  return (await listMeasures(db, viewer, f, 1, limit)).items.map(presentMeasure);
}

/** The latest 行刑衔接 transfers of an enterprise, presented with their deadlines. */
export async function transfersFor(db: Queryable, viewer: DataScope, f: { enterpriseId?: string }, today: string, limit = 50) {
  const { items } = await listTransfers(db, viewer, f, 1, limit);
  const deadlines = await deadlinesOf(db, 'transfer', items.map((t) => t.id));
  return items.map((t) => presentTransfer(t, deadlines, today));
}
