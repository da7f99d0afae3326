// Shifts of the duty roster (班次): the bureau's rule, and which shift an instant falls in. Times are Asia/Shanghai;
// a shift whose end is not after its start (夜班 17:30–08:30) ends on the next day.
import { Type } from '@sinclair/typebox';
import { ShiftDef, type ShiftInstance } from '../../../../contracts/command-duty.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import { defineRule, shanghaiDate } from '../../../platform/settings/rules.js';

export const DUTY_SHIFTS = defineRule({
  key: 'command.duty.shifts', label: '值班班次（开始、结束时间，北京时间）',
  schema: Type.Array(ShiftDef, { minItems: 1, maxItems: 4 }),
  defaultValue: [
    { code: 'day', label: '白班', start: '08:30', end: '17:30' },
    { code: 'night', label: '夜班', start: '17:30', end: '08:30' },
  ],
  source: '本局值班制度（局内安排，非法定要求）', mark: 'L',
  note: '默认白班 08:30–17:30、夜班 17:30–次日 08:30，是本局自定的作息；结束时间不晚于开始时间的班次跨越午夜，到次日结束',
});

const MIN = 60_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of a Shanghai wall-clock time on a day. */
export function shanghaiInstant(day: string, hhmm: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 60 * MIN + minutesOf(hhmm) * MIN);
}

/** A shift on a date, with when it starts and ends. */
export function shiftInstance(def: ShiftDef, date: string): ShiftInstance {
  const startsAt = shanghaiInstant(date, def.start);
  const overnight = minutesOf(def.end) <= minutesOf(def.start);
  const endsAt = shanghaiInstant(overnight ? addDays(date, 1) : date, def.end);
  return { code: def.code, label: def.label, date, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

/** The shift `at` falls in (start inclusive, end exclusive), or undefined when the shifts leave a gap there. */
export function shiftAt(shifts: readonly ShiftDef[], at: Date): ShiftInstance | undefined {
  const today = shanghaiDate(at);
  for (const date of [addDays(today, -1), today]) {
    for (const def of shifts) {
      const s = shiftInstance(def, date);
      if (Date.parse(s.startsAt) <= at.getTime() && at.getTime() < Date.parse(s.endsAt)) return s;
    }
  }
  return undefined;
}

/** The first shift that starts at or after `after` (the one a handover goes to). */
export function nextShiftAfter(shifts: readonly ShiftDef[], after: Date): ShiftInstance {
  const today = shanghaiDate(after);
  const all = [today, addDays(today, 1)].flatMap((date) => shifts.map((def) => shiftInstance(def, date)));
  return all.filter((s) => Date.parse(s.startsAt) >= after.getTime()).sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/** The definition of a shift code, or undefined. */
export const shiftDef = (shifts: readonly ShiftDef[], code: string) => shifts.find((s) => s.code === code);

/** The days of a month (YYYY-MM) as YYYY-MM-DD. */
export function daysOfMonth(month: string): string[] {
  const days: string[] = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  return days;
}
