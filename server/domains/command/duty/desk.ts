// The duty desk (值班台) and the peacetime/emergency switch (平战转换): what the shift on duty must see at a glance, and
// whether an incident at or above the set response level turns the desk and the home page into its command view.
import { LEVEL_LABELS } from '../../../../contracts/command-incidents.js';
import type { CommandMode, DeskIncident, DutyDesk, DutyLog, Handover } from '../../../../contracts/command-duty.js';
import { REPORT_KINDS } from '../../../../contracts/command-reports.js';
import type { Ctx } from '../../../platform/context.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { findIncidentBrief, listOpenIncidents, type IncidentBrief } from '../incidents/directory.js';
import { COMMAND_MODE } from '../reports/reports.rules.js';
import { ensureDues } from '../reports/reports.service.js';
import { duesOf } from '../reports/reports.store.js';
import { currentShift, instanceOf, personOf, resolveUnit, shiftsAt } from './duty.service.js';
import { type DutyLogRow, handoverTo, type HandoverRow, listDutyLogs, peopleByIds } from './duty.store.js';
import { openTasks } from './incident-extras.js';
import { maskPhone } from '../../../platform/personal/personal.js';

const NEW_WITHIN_HOURS = 24;

/** Handover row → API, with the people's names and the shifts' times. */
export async function presentHandover(ctx: Ctx, h: HandoverRow): Promise<Handover> {
  const people = new Map((await peopleByIds(ctx.db, [h.handed_by, ...(h.received_by ? [h.received_by] : [])])).map((p) => [p.id, personOf(p)]));
  const shifts = (await shiftsAt(ctx.db, new Date(h.handed_at))).value;
  return {
    id: h.id, regionCode: h.region_code, from: instanceOf(shifts, h.from_date, h.from_shift), to: instanceOf(shifts, h.to_date, h.to_shift), notes: h.notes,
    openItems: h.open_items.map((i) => ({ text: i.text, incidentId: i.incidentId ?? null })), handedBy: people.get(h.handed_by)!,
    handedAt: new Date(h.handed_at).toISOString(), receivedBy: h.received_by ? people.get(h.received_by) ?? null : null,
    receivedAt: h.received_at ? new Date(h.received_at).toISOString() : null, receiveNote: h.receive_note,
  };
}

/** Duty-log rows → API, with the recorder and the linked incident's title where the caller may see it; the caller's
 * phone masked unless `fullPhones` (an export for a role holding personal:phone). */
export async function presentLogs(ctx: Ctx, rows: DutyLogRow[], fullPhones = false): Promise<DutyLog[]> {
  const people = new Map((await peopleByIds(ctx.db, [...new Set(rows.map((r) => r.recorded_by))])).map((p) => [p.id, personOf(p)]));
  const titles = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.incident_id).filter((x): x is string => !!x))) {
    const b = await findIncidentBrief(ctx.db, id, ctx.actor);
    if (b) titles.set(id, b.title);
  }
  const shifts = rows.length ? (await shiftsAt(ctx.db, ctx.clock())).value : [];
  return rows.map((r) => ({
    id: r.id, regionCode: r.region_code, dutyDate: r.duty_date, shift: r.shift, shiftLabel: instanceOf(shifts, r.duty_date, r.shift).label,
    at: new Date(r.at).toISOString(), kind: r.kind, party: r.party, phone: fullPhones ? r.phone : maskPhone(r.phone), content: r.content, actionTaken: r.action_taken, incidentId: r.incident_id,
    incidentTitle: r.incident_id ? titles.get(r.incident_id) ?? null : null, recordedBy: people.get(r.recorded_by) ?? { id: r.recorded_by, name: '—', phone: null, orgName: null },
  }));
}

/** Incidents as the desk shows them, with the reports they owe. */
async function deskIncidents(ctx: Ctx, briefs: IncidentBrief[]): Promise<DeskIncident[]> {
  const dues = await duesOf(ctx.db, briefs.map((b) => b.id));
  const now = ctx.clock().getTime();
  return briefs.map((b) => {
    const open = dues.filter((d) => d.incident_id === b.id && !d.met_at);
    const next = open[0];
    return {
      id: b.id, number: b.number, title: b.title, kind: b.kind, grade: b.grade, status: b.status, responseLevel: b.responseLevel, address: b.address,
      regionCode: b.regionCode, reportedAt: b.reportedAt, responseStartedAt: b.responseStartedAt, dead: b.dead, injured: b.injured, missing: b.missing, trapped: b.trapped,
      reportsOverdue: open.filter((d) => new Date(d.due_at).getTime() <= now).length,
      nextReportDueAt: next ? new Date(next.due_at).toISOString() : null, nextReportKind: next ? REPORT_KINDS[next.kind] : null,
    };
  });
}

/** Everything the duty desk shows for a unit (default: the caller's own). */
export async function dutyDesk(ctx: Ctx, regionCode?: string): Promise<DutyDesk> {
  const now = ctx.clock();
  const unit = await resolveUnit(ctx, regionCode).catch(() => undefined);
  const current = unit ? await currentShift(ctx, unit.code) : null;
  const open = await listOpenIncidents(ctx.db, ctx.actor);
  // The deadlines of an incident just taken appear at once, not at the scan's next minute.
  await ctx.db.tx(async (tx) => { for (const b of open) await ensureDues(tx, b, now); });
  const isNew = (b: IncidentBrief) => b.status === 'reported' && now.getTime() - Date.parse(b.reportedAt) <= NEW_WITHIN_HOURS * 3600_000;
  const pending = unit && current ? await handoverTo(ctx.db, unit.code, current.shift.date, current.shift.code) : undefined;
  const logs = unit ? (await listDutyLogs(ctx.db, ctx.actor, { regionCode: unit.code }, 1, 8)).items : [];
  return {
    current, newIncidents: await deskIncidents(ctx, open.filter(isNew)), openIncidents: await deskIncidents(ctx, open.filter((b) => !isNew(b))),
    newWithinHours: NEW_WITHIN_HOURS, pendingHandover: pending && !pending.received_at ? await presentHandover(ctx, pending) : null, recentLogs: await presentLogs(ctx, logs),
  };
}

/** 平战转换: the responding incidents at or above the set level that the caller can see (it is part of the response). */
export async function commandMode(ctx: Ctx): Promise<CommandMode> {
  const now = ctx.clock();
  const rule = await ruleValue(ctx.db, COMMAND_MODE, now);
  const active = (await listOpenIncidents(ctx.db, ctx.actor)).filter((b) => b.status === 'responding' && b.responseLevel !== null && b.responseLevel <= rule.value.level);
  const tasks = await openTasks(ctx.db, active.map((b) => b.id));
  return {
    mode: active.length ? 'emergency' : 'peacetime', threshold: rule.value.level, rule: `${rule.version}（${LEVEL_LABELS[rule.value.level as 1]}及以上）`,
    incidents: active.map((b) => ({
      id: b.id, number: b.number, title: b.title, responseLevel: b.responseLevel!, grade: b.grade, address: b.address, responseStartedAt: b.responseStartedAt,
      elapsedMinutes: Math.max(0, Math.floor((now.getTime() - Date.parse(b.responseStartedAt ?? b.reportedAt)) / 60_000)),
      openTasks: tasks ? tasks.get(b.id) ?? 0 : null, link: `/command/incidents/${b.id}`,
    })),
  };
}
