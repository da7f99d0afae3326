// What the rest of enforcement may ask of annual plans (a draw or an inspection made under one).
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { findPlan } from './plans.store.js';

/** One plan the viewer may reach, or undefined. */
export const planOf = (db: Queryable, viewer: DataScope, id: string) => findPlan(db, viewer, id);
