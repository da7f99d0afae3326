// What other domains (analytics, the generated work report) read from returns: the accepted total of one field
// of one form over some periods and a region, with the ids of the returns behind it (so a figure links to them).
import { parsePeriod, periodsBetween, type PeriodKind } from '../../../contracts/returns.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix as prefixOf } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { scope } from './returns.store.js';

export interface FieldTotal {
  /** Sum of the field over the accepted returns (0 when none). */
  total: number;
  /** The accepted returns counted, for links to /returns/filings?ids=… */
  returnIds: string[];
  /** The form's name and the field's label and unit, for the figure's caption. */
  formName: string | null;
  label: string | null;
  unit: string | null;
}

/**
 * The accepted total of `fieldKey` of form `formCode` in `period` — one key (2022-H1), a list of keys, or a range
 * `{ from, to }` of the form's kind (2022-01..2022-06) — within a region (a 12-digit code or its prefix).
 */
export async function sumField(q: Queryable, formCode: string, fieldKey: string, period: string | string[] | { from: string; to: string },
  regionPrefix = '', viewer: DataScope = { kind: 'all' }): Promise<FieldTotal> {
  const form = await q.maybeOne<{ id: string; name: string; period_kind: string; fields: { key: string; label: string; unit?: string }[] }>(sql`select f.id, f.name,
    f.period_kind, v.fields from return_forms f join return_form_versions v on v.form_id = f.id and v.version = f.version where f.code = ${formCode}`);
  if (!form) return { total: 0, returnIds: [], formName: null, label: null, unit: null };
  const periods = typeof period === 'string' ? [period] : Array.isArray(period) ? period
    : parsePeriod(form.period_kind as PeriodKind, period.from) ? periodsBetween(form.period_kind as PeriodKind, period.from, period.to) : [period.from, period.to];
  const prefix = /^\d{12}$/.test(regionPrefix) ? prefixOf(regionPrefix) : regionPrefix;
  const rows = await q.query<{ id: string; v: string | number | null }>(sql`select r.id, (r.accepted_values ->> ${fieldKey})::numeric as v from returns r
    where r.form_id = ${form.id} and r.period = any(${periods}::text[]) and r.accepted_values is not null and r.region_code like ${prefix + '%'}
      and ${scope(viewer)} order by r.period, r.unit_name`);
  const field = form.fields.find((f) => f.key === fieldKey);
  const total = rows.reduce((a, r) => a + (r.v === null ? 0 : Number(r.v)), 0);
  return { total: Math.round(total * 1e6) / 1e6, returnIds: rows.map((r) => r.id), formName: form.name, label: field?.label ?? null, unit: field?.unit ?? null };
}
