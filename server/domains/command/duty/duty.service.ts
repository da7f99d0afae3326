// 值班值守 rules: the roster (who stands which shift as 带班领导 or 值班员), the current shift, handovers from the shift on
// duty to the next one, and the duty log. Every change is audited and announced on the event bus after commit.
import type { CurrentShift, DutyLogCreate, DutyPerson, HandoverCreate, Roster, RosterUpdate, ShiftDef } from '../../../../contracts/command-duty.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { findIncidentBrief } from '../incidents/directory.js';
import {
  assignmentsBetween, countyRegion, DUTY_ROLE_CODES, findHandover, findRegion, handoverFrom, insertDutyLog, insertHandover, isOnShift, peopleByIds,
  type PersonRow, receiveHandover as markReceived, type RegionRow, replaceSlot,
} from './duty.store.js';
import { daysOfMonth, DUTY_SHIFTS, nextShiftAfter, shiftAt, shiftDef, shiftInstance } from './shifts.js';
import { maskPhone } from '../../../platform/personal/personal.js';

/** An account as the roster shows it. */
/** An on-duty person as rosters and the desk show them: the phone masked (revealed one at a time, audited: entity duty_person). */
export const personOf = (r: PersonRow): DutyPerson => ({ id: r.id, name: r.display_name, phone: maskPhone(r.phone), orgName: r.org_name });

/** The shifts in force at a moment (the bureau's rule). */
export async function shiftsAt(db: Queryable, at: Date) {
  return ruleValue(db, DUTY_SHIFTS, at);
}

/** The roster unit a caller means: the given region, else its own town, else the county (the bureau). 404 outside its scope. */
export async function resolveUnit(ctx: Ctx, regionCode?: string): Promise<RegionRow> {
  const code = regionCode ?? (ctx.actor.scope.kind === 'region' ? ctx.actor.scope.regionCode! : undefined);
  const unit = code ? await findRegion(ctx.db, code) : await countyRegion(ctx.db);
  if (!unit || !inScope(ctx.actor, { regionCode: unit.code })) throw notFound('值班表', 'Duty roster');
  return unit;
}

/** A month of one unit's roster: every day with each shift's leaders and officers. */
export async function getRoster(ctx: Ctx, month: string, regionCode?: string): Promise<Roster> {
  const unit = await resolveUnit(ctx, regionCode);
  const days = daysOfMonth(month);
  const shifts = await shiftsAt(ctx.db, new Date(`${days[0]}T12:00:00+08:00`));
  const rows = await assignmentsBetween(ctx.db, unit.code, days[0], days[days.length - 1]);
  return {
    month, regionCode: unit.code, regionName: unit.name, shifts: shifts.value, shiftRule: shifts.version,
    days: days.map((date) => ({
      date,
      slots: shifts.value.map((s) => {
        const cell = rows.filter((r) => r.duty_date === date && r.shift === s.code);
        return { shift: s.code, leaders: cell.filter((r) => r.role === 'leader').map(personOf), officers: cell.filter((r) => r.role === 'officer').map(personOf) };
      }),
    })),
  };
}

/** Check that everyone named may stand duty; returns them by id. */
export async function requireDutyPeople(db: Queryable, ids: string[]): Promise<Map<string, PersonRow>> {
  const people = new Map((await peopleByIds(db, [...new Set(ids)])).map((p) => [p.id, p]));
  for (const id of new Set(ids)) {
    const p = people.get(id);
    if (!p) throw badRequest('排班人员的账号不存在，请从名单中选择', 'Unknown account');
    if (p.disabled) throw badRequest(`${p.display_name}的账号已停用，不能排班`, 'Account disabled');
    if (!p.roles.some((r) => DUTY_ROLE_CODES.includes(r))) throw badRequest(`${p.display_name}的账号没有应急指挥权限，不能排班`, 'Account may not stand duty');
  }
  return people;
}

/** Replace roster cells of a unit (the monthly grid's save). */
export async function setRoster(ctx: Ctx, input: RosterUpdate): Promise<{ regionCode: string; written: number }> {
  const unit = await resolveUnit(ctx, input.regionCode);
  const shifts = (await shiftsAt(ctx.db, ctx.clock())).value;
  const seen = new Set<string>();
  for (const s of input.slots) {
    if (!shiftDef(shifts, s.shift)) throw badRequest(`班次「${s.shift}」不在值班班次设置中（${shifts.map((x) => `${x.code} ${x.label}`).join('、')}）`, 'Unknown shift');
    const key = `${s.date}/${s.shift}`;
    if (seen.has(key)) throw badRequest(`${s.date} ${shiftDef(shifts, s.shift)!.label}出现了两次，请合并后再保存`, 'Duplicate cell');
    seen.add(key);
    const both = s.leaderIds.find((id) => s.officerIds.includes(id));
    if (both) throw badRequest(`${s.date} ${shiftDef(shifts, s.shift)!.label}：同一人不能既任带班领导又任值班员`, 'Same person in two roles');
    if (s.leaderIds.length === 0 && s.officerIds.length > 0) throw badRequest(`${s.date} ${shiftDef(shifts, s.shift)!.label}：请安排带班领导`, 'Leader required');
  }
  await requireDutyPeople(ctx.db, input.slots.flatMap((s) => [...s.leaderIds, ...s.officerIds]));
  await ctx.db.tx(async (tx) => {
    for (const s of input.slots) {
      const before = await replaceSlot(tx, { regionCode: unit.code, date: s.date, shift: s.shift, leaderIds: s.leaderIds, officerIds: s.officerIds, by: ctx.actor.id });
      await audit(ctx, tx, { action: 'command.duty.roster.set', entityType: 'duty_roster', entityId: null, regionCode: unit.code,
        before: { date: s.date, shift: s.shift, ...before }, after: { date: s.date, shift: s.shift, leaderIds: s.leaderIds, officerIds: s.officerIds } });
    }
  });
  await ctx.events.publish({ type: 'command.duty.updated', regionCode: unit.code, data: { what: 'roster' } });
  return { regionCode: unit.code, written: input.slots.length };
}

/** Who is on the shift at a moment (default now), and on the next one. */
export async function currentShift(ctx: Ctx, regionCode?: string, atIso?: string): Promise<CurrentShift | null> {
  const unit = await resolveUnit(ctx, regionCode);
  const at = atIso ? new Date(atIso) : ctx.clock();
  const shifts = (await shiftsAt(ctx.db, at)).value;
  const cur = shiftAt(shifts, at);
  if (!cur) return null;
  const next = nextShiftAfter(shifts, new Date(cur.endsAt));
  const rows = await assignmentsBetween(ctx.db, unit.code, cur.date, next.date);
  const on = (date: string, shift: string, role: string) => rows.filter((r) => r.duty_date === date && r.shift === shift && r.role === role).map(personOf);
  const leaders = on(cur.date, cur.code, 'leader');
  const officers = on(cur.date, cur.code, 'officer');
  return {
    regionCode: unit.code, shift: cur, leaders, officers, next, nextLeaders: on(next.date, next.code, 'leader'), nextOfficers: on(next.date, next.code, 'officer'),
    callerOnDuty: [...leaders, ...officers].some((p) => p.id === ctx.actor.id),
  };
}

/** 交班: someone on the shift now hands over to the next shift, with notes and the open items carried over. */
export async function createHandover(ctx: Ctx, input: HandoverCreate): Promise<string> {
  const unit = await resolveUnit(ctx, input.regionCode);
  const now = ctx.clock();
  const shifts = (await shiftsAt(ctx.db, now)).value;
  const cur = shiftAt(shifts, now);
  if (!cur) throw conflict('当前时间不在任何值班班次内，请先在规则设置中检查值班班次', 'No shift now');
  if (!ctx.actor.id || !(await isOnShift(ctx.db, unit.code, cur.date, cur.code, ctx.actor.id))) {
    throw forbidden(`交班须由本班次（${cur.date} ${cur.label}）的值班人员办理`, 'Only the shift on duty hands over');
  }
  const next = nextShiftAfter(shifts, new Date(cur.endsAt));
  for (const item of input.openItems) {
    if (item.incidentId && !(await findIncidentBrief(ctx.db, item.incidentId, ctx.actor))) throw badRequest('遗留事项关联的事件不存在或无权访问', 'Incident not found');
  }
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    if (await handoverFrom(tx, unit.code, cur.date, cur.code)) throw conflict(`本班次（${cur.date} ${cur.label}）已经交班，不能重复交班`, 'Already handed over');
    await insertHandover(tx, { id, region_code: unit.code, from_date: cur.date, from_shift: cur.code, to_date: next.date, to_shift: next.code, notes: input.notes,
      open_items: input.openItems.map((i) => ({ text: i.text, incidentId: i.incidentId ?? null })), handed_by: ctx.actor.id!, handed_at: now.toISOString() });
    await audit(ctx, tx, { action: 'command.duty.handover.create', entityType: 'duty_handover', entityId: id, regionCode: unit.code,
      after: { from: `${cur.date} ${cur.code}`, to: `${next.date} ${next.code}`, notes: input.notes, openItems: input.openItems.length } });
  });
  await ctx.events.publish({ type: 'command.duty.updated', regionCode: unit.code, data: { what: 'handover', id } });
  return id;
}

/** 接班: someone on the next shift receives the handover (not the one who handed it over). */
export async function receiveHandover(ctx: Ctx, id: string, note: string | undefined): Promise<void> {
  const h = await findHandover(ctx.db, ctx.actor, id);
  if (!h) throw notFound('交接班记录', 'Handover');
  if (h.received_at) throw conflict('该交接班已经接班确认', 'Already received');
  if (h.handed_by === ctx.actor.id) throw forbidden('交班人不能自己确认接班，请由下一班次的值班人员接班', 'The hander cannot receive');
  if (!ctx.actor.id || !(await isOnShift(ctx.db, h.region_code, h.to_date, h.to_shift, ctx.actor.id))) {
    throw forbidden(`接班须由下一班次（${h.to_date}）的值班人员确认`, 'Only the next shift receives');
  }
  await ctx.db.tx(async (tx) => {
    if (!(await markReceived(tx, id, ctx.actor.id!, ctx.clock().toISOString(), note?.trim() || null))) throw conflict('该交接班已经接班确认', 'Already received');
    await audit(ctx, tx, { action: 'command.duty.handover.receive', entityType: 'duty_handover', entityId: id, regionCode: h.region_code, after: { note: note ?? null } });
  });
  await ctx.events.publish({ type: 'command.duty.updated', regionCode: h.region_code, data: { what: 'handover', id } });
}

/** 值班日志: one call, notice or action, on the shift its time falls in; linked to an incident when it concerns one. */
export async function createDutyLog(ctx: Ctx, input: DutyLogCreate): Promise<string> {
  const unit = await resolveUnit(ctx, input.regionCode);
  const now = ctx.clock();
  const at = input.at ? new Date(input.at) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000) throw badRequest('记录时间不能晚于当前时间', 'Time in the future');
  if (at.getTime() < now.getTime() - 7 * 86400_000) throw badRequest('只能补记 7 天以内的值班日志', 'Too old');
  const shifts = (await shiftsAt(ctx.db, at)).value;
  const shift = shiftAt(shifts, at);
  if (!shift) throw badRequest('记录时间不在任何值班班次内，请检查值班班次设置', 'No shift at that time');
  if (input.incidentId) {
    const inc = await findIncidentBrief(ctx.db, input.incidentId, ctx.actor);
    if (!inc) throw badRequest('关联的事件不存在或无权访问', 'Incident not found');
  }
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await insertDutyLog(tx, { id, region_code: unit.code, duty_date: shift.date, shift: shift.code, at: at.toISOString(), kind: input.kind, party: input.party?.trim() || null,
      phone: input.phone?.trim() || null, content: input.content, action_taken: input.actionTaken?.trim() || null, incident_id: input.incidentId ?? null, recorded_by: ctx.actor.id! });
    await audit(ctx, tx, { action: 'command.duty.log.create', entityType: 'duty_log', entityId: id, regionCode: unit.code,
      after: { kind: input.kind, content: input.content, incidentId: input.incidentId ?? null } });
  });
  await ctx.events.publish({ type: 'command.duty.updated', regionCode: unit.code, data: { what: 'log', id } });
  return id;
}

/** The instance of a shift code on a date (for presenting stored rows). */
export function instanceOf(shifts: readonly ShiftDef[], date: string, code: string) {
  const def = shiftDef(shifts, code) ?? { code, label: code, start: '00:00', end: '00:00' };
  return shiftInstance(def, date);
}
