// The monthly roster as an Excel sheet (one row per day; for each shift a 带班领导 and a 值班员 column, names separated by
// 、) through the platform's one Excel path: export, and import that writes nothing when any row is wrong.
import type { RosterImportResult, RosterUpdate, ShiftDef } from '../../../../contracts/command-duty.js';
import type { Ctx } from '../../../platform/context.js';
import { date, list, text, type XlsxColumn } from '../../../platform/excel/columns.js';
import { exportXlsx, parseXlsx, SheetFileError, type SheetError } from '../../../platform/excel/xlsx.js';
import { badRequest } from '../../../platform/http/errors.js';
import { dutyAccountsByName } from './duty.store.js';
import { getRoster, setRoster, shiftsAt } from './duty.service.js';

const name = list(text({ max: 30 }));

/** The sheet's columns for the shifts in force. */
export function rosterColumns(shifts: readonly ShiftDef[]): XlsxColumn[] {
  return [
    { key: 'date', header: '日期', type: date(), required: true, width: 14 },
    ...shifts.flatMap((s) => [
      { key: `${s.code}.leader`, header: `${s.label}带班领导`, type: name, width: 16, note: `${s.start}–${s.end}` },
      { key: `${s.code}.officer`, header: `${s.label}值班员`, type: name, width: 24 },
    ]),
  ];
}

/** A month of a unit's roster as .xlsx, with its file name. */
export async function exportRoster(ctx: Ctx, month: string, regionCode?: string): Promise<{ buffer: Buffer; filename: string }> {
  const roster = await getRoster(ctx, month, regionCode);
  const rows = roster.days.map((d) => Object.fromEntries([['date', d.date], ...d.slots.flatMap((s) => [
    [`${s.shift}.leader`, s.leaders.map((p) => p.name)], [`${s.shift}.officer`, s.officers.map((p) => p.name)],
  ])]));
  const buffer = await exportXlsx(rosterColumns(roster.shifts), rows, { sheet: `${month}值班表` });
  return { buffer, filename: `${roster.regionName}值班表-${month}.xlsx` };
}

/** Import a month's roster: names resolve to duty-capable accounts (by name or username); every bad cell is reported, and a file with errors writes nothing. */
export async function importRoster(ctx: Ctx, buffer: Buffer, regionCode?: string): Promise<RosterImportResult> {
  const shifts = (await shiftsAt(ctx.db, ctx.clock())).value;
  const columns = rosterColumns(shifts);
  let parsed;
  try {
    parsed = await parseXlsx<Record<string, unknown>>(buffer, columns, { maxRows: 62 });
  } catch (e) {
    if (e instanceof SheetFileError) throw badRequest(e.message, 'Unusable file');
    throw e;
  }
  const errors: SheetError[] = [...parsed.errors];
  const accounts = await dutyAccountsByName(ctx.db);
  const resolve = (who: string): string | { error: string } => {
    const byUser = accounts.filter((a) => a.username === who);
    if (byUser.length === 1) return byUser[0].id;
    const byName = accounts.filter((a) => a.display_name === who);
    if (byName.length === 1) return byName[0].id;
    if (byName.length > 1) return { error: `「${who}」有 ${byName.length} 个同名账号，请改填账号（用户名）` };
    return { error: `找不到可值班的账号「${who}」：请填写系统中有应急指挥权限的人员姓名或账号` };
  };
  const slots: RosterUpdate['slots'] = [];
  for (const r of parsed.rows) {
    if (!r.ok) continue;
    for (const s of shifts) {
      const ids = { leader: [] as string[], officer: [] as string[] };
      for (const role of ['leader', 'officer'] as const) {
        const col = columns.find((c) => c.key === `${s.code}.${role}`)!;
        for (const who of (r.values[col.key] as string[] | undefined) ?? []) {
          const id = resolve(who);
          if (typeof id === 'string') ids[role].push(id); else errors.push({ row: r.row, column: col.header, message: id.error });
        }
      }
      slots.push({ date: r.values.date as string, shift: s.code, leaderIds: ids.leader, officerIds: ids.officer });
    }
  }
  if (!parsed.rows.length && !errors.length) errors.push({ row: 2, column: null, message: '表中没有排班数据：请在“日期”列下逐日填写' });
  if (errors.length) return { written: 0, errors };
  try {
    await setRoster(ctx, { regionCode, slots });
  } catch (e) {
    // A rule the grid checks too (a leader for every staffed shift, no one in two roles): say which day.
    if (e instanceof Error && 'status' in e && (e as { status: number }).status === 400) return { written: 0, errors: [{ row: 0, column: null, message: e.message }] };
    throw e;
  }
  return { written: slots.length, errors: [] };
}
