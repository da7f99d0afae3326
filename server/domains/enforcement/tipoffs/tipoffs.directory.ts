// What the rest of enforcement may ask of 举报 (a case or an inspection started from one).
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { findTipoff } from './tipoffs.store.js';

/** One tip-off the viewer may reach, or undefined. */
export const tipoffOf = (db: Queryable, viewer: DataScope, id: string) => findTipoff(db, viewer, id);
