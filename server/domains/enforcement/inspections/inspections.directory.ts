// What the rest of enforcement may ask of inspections (案件 filed from one, measures taken in one, documents filled
// from one, the enterprise tab), so that no other sub-domain reads the inspections' store.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { presentInspection } from './inspections.present.js';
import { findingsOf, findInspection, type InspectionFilter, listInspections } from './inspections.store.js';

export type { InspectionRow } from './inspections.store.js';

/** One inspection the viewer may reach, or undefined. */
export const inspectionOf = (db: Queryable, viewer: DataScope, id: string) => findInspection(db, viewer, id);

/** The findings (each a hazard) recorded in an inspection. */
export const findingsOfInspection = (db: Queryable, inspectionId: string) => findingsOf(db, inspectionId);

/** The latest inspections matching a filter (e.g. of one enterprise), as the API presents them. */
export async function inspectionsFor(db: Queryable, viewer: DataScope, f: InspectionFilter, limit = 50) {
  return (await listInspections(db, viewer, f, 1, limit)).items.map(presentInspection);
}
