// Who must file a form (its obliged units) and the opening of a period: one return row per obliged unit,
// status 未填报, with its due day. Rows are made when a period opens, so "who has not filed" is plain SQL.
import { parsePeriod, periodOf, type Period, type PeriodKind } from '../../../contracts/returns.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import { addDays } from '../../platform/calendar/calendar.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import type { FormRow } from './forms.store.js';

export interface Unit { id: string; name: string; type: string; region_code: string; enterprise: boolean }

/** The organisations and enterprises a form obliges, as they are now. */
export async function obligedUnits(db: Queryable, form: Pick<FormRow, 'obliged'>): Promise<Unit[]> {
  const o = form.obliged;
  const region = o.regionCode ? sql`region_code like ${regionPrefix(o.regionCode) + '%'}` : sql`true`;
  const orgs = (o.orgKinds?.length || o.orgIds?.length)
    ? await db.query<Unit>(sql`select id, name, kind as type, region_code, false as enterprise from organizations
        where not disabled and (kind = any(${o.orgKinds ?? []}::text[]) and ${region} or id = any(${o.orgIds ?? []}::uuid[])) order by sort, name`)
    : [];
  const firms = o.enterpriseSectors?.length
    ? await db.query<Unit>(sql`select id, name, 'enterprise' as type, region_code, true as enterprise from enterprises
        where status = 'operating' and sector = any(${o.enterpriseSectors}::text[]) and ${region} order by name`)
    : [];
  return [...orgs, ...firms];
}

/** The period a form asks for on a day (ad-hoc forms have none of their own). */
export function currentPeriod(form: Pick<FormRow, 'period_kind'>, day: string): Period | undefined {
  return form.period_kind === 'adhoc' ? undefined : periodOf(form.period_kind as Exclude<PeriodKind, 'adhoc'>, day);
}

/** Resolve an issue request to a period: a key of the form's kind, or for ad-hoc forms a key with its own dates. */
export function resolvePeriod(form: Pick<FormRow, 'period_kind'>, input: { period?: string; label?: string; start?: string; end?: string }, today: string): Period {
  if (form.period_kind !== 'adhoc') {
    if (!input.period) return currentPeriod(form, today)!;
    const p = parsePeriod(form.period_kind as PeriodKind, input.period);
    if (!p) throw badRequest(`期别「${input.period}」格式不对：月报如 2022-01，季报如 2022-Q1，半年报如 2022-H1，年报如 2022`, 'Bad period');
    return p;
  }
  if (!input.period || !input.start || !input.end) throw badRequest('专项报表请填写期别代码、开始日期和结束日期', 'Ad-hoc forms need a period key and dates');
  if (input.start > input.end) throw badRequest('开始日期不能晚于结束日期', 'Start after end');
  return { period: input.period, label: input.label || input.period, start: input.start, end: input.end };
}

/** Make the return rows of a period for every obliged unit that has none yet; returns how many were made. */
export async function openPeriod(tx: Queryable, form: FormRow, p: Period): Promise<number> {
  const units = await obligedUnits(tx, form);
  const due = addDays(p.end, form.due_days);
  let made = 0;
  for (let i = 0; i < units.length; i += 500) {
    const batch = units.slice(i, i + 500);
    const rows = batch.map((u) => sql`(${uuidv7()}, ${form.id}, ${form.version}, ${p.period}, ${p.label}, ${p.start}::date, ${p.end}::date, ${due}::date,
      ${u.id}, ${u.enterprise ? null : u.id}::uuid, ${u.enterprise ? u.id : null}::uuid, ${u.name}, ${u.type}, ${u.region_code})`);
    made += await tx.execute(sql`insert into returns (id, form_id, form_version, period, period_label, period_start, period_end, due_on,
      unit_id, org_id, enterprise_id, unit_name, unit_type, region_code) values ${sql.join(rows)} on conflict (form_id, period, unit_id) do nothing`);
  }
  return made;
}
