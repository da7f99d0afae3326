// What other domains may ask of monitoring (the incident desk links an incident to the alarm it came from).
// They import this file, never monitoring's stores.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { findAlarm } from './alarms/alarms.store.js';

/** One alarm the viewer may reach, or undefined. */
export const alarmOf = (db: Queryable, viewer: DataScope, id: string) => findAlarm(db, viewer, id);

/** Live water level and windowed rainfall of a monitoring site (the flood registry's linked reservoirs and torrent points). */
export { siteHydrology } from './storage/hydrology.js';
