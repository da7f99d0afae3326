// What the duty desk and the reports would like from the incident desk beyond ports.ts: an incident's timeline
// (for 续报's "since the last report") and its open task counts (for the command view). The incident desk may add
// them to incidents/directory.ts (additive; the signatures below); until it does, callers get undefined and say so.
import type { Queryable } from '../../../platform/db/db.js';
import * as incidents from '../incidents/directory.js';

export interface TimelineLine { at: string; kind: string; text: string }

type ListTimeline = (q: Queryable, incidentId: string, since?: Date | string) => Promise<TimelineLine[]>;
type OpenTaskCounts = (q: Queryable, incidentIds: string[]) => Promise<Map<string, number>>;

const optional = incidents as unknown as { listTimeline?: ListTimeline; openTaskCounts?: OpenTaskCounts };

/** The incident's timeline since a moment, oldest first; undefined when the incident desk does not offer it. */
export async function timelineSince(q: Queryable, incidentId: string, since?: Date | string): Promise<TimelineLine[] | undefined> {
  return optional.listTimeline ? optional.listTimeline(q, incidentId, since) : undefined;
}

/** Tasks not yet accepted per incident; undefined when the incident desk does not offer it. */
export async function openTasks(q: Queryable, incidentIds: string[]): Promise<Map<string, number> | undefined> {
  return optional.openTaskCounts && incidentIds.length ? optional.openTaskCounts(q, incidentIds) : undefined;
}
