// What the rest of enforcement may ask of 执法文书: the presented documents of a case, an inspection or an enterprise,
// the latest document of a kind in a case, and the penalty wording; issuing goes through documents.service.
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { presentDocuments } from './documents.present.js';
import { type DocumentFilter, latestOfKind, listDocuments } from './documents.store.js';

export { penaltyText } from './fill.js';

/** The documents of a record (newest first, at most `limit`), with their 送达 records. */
export async function documentsFor(db: Queryable, viewer: DataScope, f: Pick<DocumentFilter, 'caseId' | 'inspectionId' | 'enterpriseId'>, limit = 200) {
  return presentDocuments(db, (await listDocuments(db, viewer, f, 1, limit)).items);
}

/** The latest document of a kind issued in a case (e.g. its 行政处罚决定书). */
export const latestCaseDocument = (db: Queryable, caseId: string, kind: string) => latestOfKind(db, caseId, kind);
