// What every incident change shares: load the incident locked and in scope, refuse a change in the wrong
// status, write the timeline, and tell the browsers that may see it (after commit).
import { INCIDENT_STATUSES, LEVEL_LABELS } from '../../../../contracts/command-incidents.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { appendTimeline } from './directory.js';
import { findIncident, lockIncident, type IncidentRow } from './incidents.store.js';

export const levelLabel = (l: number | null | undefined) => (l ? LEVEL_LABELS[l as 1 | 2 | 3 | 4] : '未启动');
export const statusLabel = (s: string) => INCIDENT_STATUSES[s as keyof typeof INCIDENT_STATUSES] ?? s;

/** The incident, locked for the change, or 404 when it is not the caller's to see. */
export async function loadIncident(ctx: Ctx, tx: Tx, id: string): Promise<IncidentRow> {
  await lockIncident(tx, id);
  const i = await findIncident(tx, ctx.actor, id);
  if (!i) throw notFound('突发事件', 'Incident');
  return i;
}

/** 409 unless the incident is in one of the statuses. */
export function requireStatus(i: IncidentRow, allowed: string[], what: string) {
  if (!allowed.includes(i.status)) {
    throw new AppError(409, 'illegal_move', `事件当前状态「${statusLabel(i.status)}」，不能${what}`, `Cannot ${what} in status ${i.status}`);
  }
}

/** One timeline line written by the caller at the caller's clock. */
export const timeline = (ctx: Ctx, tx: Tx, incidentId: string, kind: string, text: string, ref?: { type: string; id: string }) =>
  appendTimeline(tx, ctx.actor, incidentId, { kind, text, refType: ref?.type, refId: ref?.id, at: ctx.clock() });

/** Tell the browsers that may see the incident that it changed (call after commit). */
export async function publishIncident(ctx: Ctx, i: { id: string; number: string; title: string; region_code: string; enterprise_id: string | null }, type: string, what: string) {
  await ctx.events.publish({ type, regionCode: i.region_code, enterpriseId: i.enterprise_id,
    data: { id: i.id, number: i.number, title: i.title, what }, at: ctx.clock().toISOString() });
}
