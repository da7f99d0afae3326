// What the rest of enforcement may ask of 双随机 draws (an inspection of a drawn unit, with the drawn officers).
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { drawUnits, findDraw } from './draws.store.js';

/** One draw the viewer may reach, or undefined. */
export const drawOf = (db: Queryable, viewer: DataScope, id: string) => findDraw(db, viewer, id);
/** The units of a draw with their drawn officers and inspection, if made. */
export const unitsOfDraw = (db: Queryable, drawId: string) => drawUnits(db, drawId);
