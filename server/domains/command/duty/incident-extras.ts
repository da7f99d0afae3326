// What the duty desk and the reports take from the incident desk beyond ports.ts: an incident's timeline
// (for 续报's "since the last report") and its open task counts (for the command view).
import type { Queryable } from '../../../platform/db/db.js';
import { listTimeline, openTaskCounts, type TimelineLine } from '../incidents/directory.js';

export type { TimelineLine };

/** The incident's timeline since a moment (all of it without), oldest first. */
export function timelineSince(q: Queryable, incidentId: string, since?: Date | string): Promise<TimelineLine[]> {
  return listTimeline(q, incidentId, since);
}

/** Tasks not yet accepted per incident. */
export function openTasks(q: Queryable, incidentIds: string[]): Promise<Map<string, number>> {
  return openTaskCounts(q, incidentIds);
}
