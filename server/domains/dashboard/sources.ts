// The dashboard's reads of the smaller registers (alarms, sensors, warnings, incidents, disaster reports, flood
// facilities, responsibility letters, enforcement plans). Each count is the owning list function's own `total`
// (asked for one row), so the figure is by construction what the list shows, with the list's scope. Like the command
// map's nearby query, this reads several domains' list functions directly, deliberately: one place, one count each.
import type { Ctx } from '../../platform/context.js';
import { listPlans } from '../enforcement/plans/plans.store.js';
import { listAlarms } from '../monitoring/alarms/alarms.store.js';
import { offlineFactor } from '../monitoring/registry/registry.routes.js';
import { countSensors } from '../monitoring/registry/sensors.store.js';
import { listWarnings } from '../monitoring/warnings/warnings.store.js';
import { viewerRegion } from '../monitoring/warnings/warnings.service.js';
import { listIncidents } from '../command/incidents/incidents.store.js';
import { currentShift } from '../command/duty/duty.service.js';
import { actorLevel } from '../disaster/common.js';
import { eventList } from '../disaster/reports/reports.service.js';
import { listReports } from '../disaster/reports/reports.store.js';
import { listFacilities } from '../flood/flood.store.js';
import { listPledges } from '../responsibility/pledges.store.js';

const ALL = 200;

/** Annual enforcement plans of a year: how many inspections they plan, how many are done (sums over the plans list). */
export async function planTotals(ctx: Ctx, f: { year: number; orgId?: string }) {
  let planned = 0;
  let done = 0;
  for (let page = 1; ; page++) {
    const { items, total } = await listPlans(ctx.db, ctx.actor.scope, f, page, ALL);
    for (const p of items) { planned += p.planned; done += p.done; }
    if (page * ALL >= total) return { planned, done, plans: total };
  }
}

/** Open alarms, of them not yet acknowledged, sensors offline, active warnings and their 叫应 (recipients, confirmed). */
export async function monitoringTotals(ctx: Ctx, f: { regionCode?: string }) {
  const { db, actor } = ctx;
  const now = ctx.clock();
  const [open, raised, offline, region] = await Promise.all([
    listAlarms(db, actor.scope, { open: true, regionCode: f.regionCode }, 1, 1),
    listAlarms(db, actor.scope, { status: 'raised', regionCode: f.regionCode }, 1, 1),
    offlineFactor(ctx).then((factor) => countSensors(db, actor.scope, { regionCode: f.regionCode, state: 'offline' }, now, factor)),
    viewerRegion(ctx),
  ]);
  let recipients = 0;
  let confirmed = 0;
  let warnings = 0;
  for (let page = 1; ; page++) {
    const { items, total } = await listWarnings(db, actor.scope, region, { active: true, regionCode: f.regionCode }, now, page, ALL);
    for (const w of items) { recipients += w.recipients; confirmed += w.confirmed; }
    warnings = total;
    if (page * ALL >= total) break;
  }
  return {
    openAlarms: open.total, unacknowledged: raised.total, offlineSensors: offline,
    activeWarnings: warnings, recipients, confirmed,
  };
}

/** Incidents not yet closed. */
export const openIncidents = async (ctx: Ctx, f: { regionCode?: string }) =>
  (await listIncidents(ctx.db, ctx.actor, { open: true, regionCode: f.regionCode }, 1, 1)).total;

/** The shift on duty now for the caller's unit, or null (no shift now, or no duty unit for the caller). */
export async function dutyNow(ctx: Ctx) {
  try {
    const s = await currentShift(ctx);
    if (!s) return null;
    const person = (p: { id: string; name: string; phone: string | null }) => ({ id: p.id, name: p.name, phone: p.phone });
    return { shiftLabel: `${s.shift.date} ${s.shift.label}`, startsAt: s.shift.startsAt, endsAt: s.shift.endsAt,
      leaders: s.leaders.map(person), officers: s.officers.map(person) };
  } catch {
    // A caller without a duty unit (e.g. a department) has no duty roster to show.
    return null;
  }
}

/**
 * Disaster reports waiting at the caller's step of the village → town → county review chain: the same mapping as the
 * list's `todo=true` (disaster/reports/reports.routes.ts); null for a caller who reviews nothing.
 */
export async function disasterTodo(ctx: Ctx, f: { regionCode?: string }) {
  const level = actorLevel(ctx.actor.scope);
  const todo = level === 'town' ? { statuses: ['submitted'], levels: ['village'] }
    : level === 'county' ? { statuses: ['town_approved', 'submitted'], levels: ['village', 'town'] } : null;
  if (!todo) return null;
  return (await listReports(ctx.db, ctx.actor.scope, { ...todo, regionCode: f.regionCode }, 1, 1)).total;
}

/** The 报送时限 of the events still watched (not stable, or inside the 核报 days): overdue and still to come. */
export async function disasterDues(ctx: Ctx, f: { regionCode?: string }) {
  let overdue = 0, due = 0;
  for (let page = 1; ; page++) {
    const r = await eventList(ctx, { watched: true, regionCode: f.regionCode }, page, ALL);
    for (const e of r.items) { overdue += e.overdue; due += e.due; }
    if (page * ALL >= r.total) break;
  }
  return { overdue, due };
}

/** Flood facilities with no inspection batch in the season (year). */
export const uninspectedFacilities = async (ctx: Ctx, f: { season: number; regionCode?: string }) =>
  (await listFacilities(ctx.db, ctx.actor.scope, { uninspectedIn: f.season, regionCode: f.regionCode }, 1, 1)).total;

/** The year's responsibility letters (责任状): all, and those not yet signed. */
export async function pledgeTotals(ctx: Ctx, year: number) {
  const [all, unsigned] = await Promise.all([
    listPledges(ctx.db, ctx.actor.scope, { year }, 1, 1), listPledges(ctx.db, ctx.actor.scope, { year, signed: false }, 1, 1)]);
  return { total: all.total, unsigned: unsigned.total };
}
