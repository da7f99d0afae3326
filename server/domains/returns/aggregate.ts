// 报表汇总: totals of the accepted figures by period, region (town) and unit kind, with period-on-period (环比) and
// year-on-year (同比), each total carrying the ids of the returns behind it; and its Excel export.
import { parsePeriod, periodsBetween, previousPeriod, sameLastYear, UNIT_TYPES, type PeriodKind } from '../../../contracts/returns.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { decimal, int, text } from '../../platform/excel/columns.js';
import { exportXlsx, type XlsxColumn } from '../../platform/excel/xlsx.js';
import { badRequest } from '../../platform/http/errors.js';
import type { FormRow } from './forms.store.js';
import { scope } from './returns.store.js';

export type GroupBy = 'period' | 'region' | 'unitType' | 'unit';

interface Filed { id: string; period: string; period_label: string; region_code: string; unit_type: string; unit_id: string; unit_name: string; accepted_values: Record<string, unknown> }

/** Accepted returns of a form in some periods, in the caller's scope (and a region subtree). */
export const acceptedReturns = (db: Queryable, viewer: DataScope, formId: string, periods: string[], regionCode?: string) =>
  db.query<Filed>(sql`select r.id, r.period, r.period_label, r.region_code, r.unit_type, r.unit_id, r.unit_name, r.accepted_values from returns r
    where r.form_id = ${formId} and r.period = any(${periods}::text[]) and r.accepted_values is not null and ${scope(viewer)}
    ${regionCode ? sql`and r.region_code like ${regionPrefix(regionCode) + '%'}` : sql``} order by r.period, r.unit_name`);

const numericFields = (form: FormRow) => form.fields.filter((f) => f.type === 'number' || f.type === 'integer');

function sumsOf(rows: Filed[], keys: string[]) {
  const sums: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  for (const r of rows) for (const k of keys) { const v = r.accepted_values[k]; if (typeof v === 'number') sums[k] += v; }
  for (const k of keys) sums[k] = Math.round(sums[k] * 1e6) / 1e6;
  return sums;
}

/** The periods of a query (a range of a periodic form, or one ad-hoc key). */
function periodsOf(form: FormRow, from: string, to: string): string[] {
  if (form.period_kind === 'adhoc') return [...new Set([from, to])];
  const kind = form.period_kind as PeriodKind;
  if (!parsePeriod(kind, from) || !parsePeriod(kind, to)) throw badRequest('期别格式不对：月报如 2022-01，季报如 2022-Q1，半年报如 2022-H1，年报如 2022', 'Bad period');
  const list = periodsBetween(kind, from, to);
  if (!list.length) throw badRequest('起始期别不能晚于截止期别', 'From after to');
  return list;
}

/** Totals of a form's accepted figures grouped as asked; by period, each row also has 环比 and 同比. */
export async function aggregate(db: Queryable, viewer: DataScope, form: FormRow, q: { from: string; to: string; groupBy?: GroupBy; regionCode?: string }) {
  const groupBy = q.groupBy ?? 'period';
  const fields = numericFields(form);
  const keys = fields.map((f) => f.key);
  const periods = periodsOf(form, q.from, q.to);
  const rows = await acceptedReturns(db, viewer, form.id, periods, q.regionCode);
  const kind = form.period_kind as PeriodKind;

  const groups = new Map<string, { label: string; rows: Filed[] }>();
  const townOf = (code: string) => `${regionPrefix(code).slice(0, 9).padEnd(9, '0')}000`;
  const regionNames = new Map((await db.query<{ code: string; name: string }>(sql`select code, name from regions where code = any(${[...new Set(rows.map((r) => townOf(r.region_code)))]}::text[])`))
    .map((r) => [r.code, r.name]));
  const keyOf = (r: Filed): [string, string] => {
    switch (groupBy) {
      case 'period': return [r.period, r.period_label];
      case 'region': { const t = townOf(r.region_code); return [t, regionNames.get(t) ?? t]; }
      case 'unitType': return [r.unit_type, UNIT_TYPES.find((u) => u.code === r.unit_type)?.label ?? r.unit_type];
      case 'unit': return [r.unit_id, r.unit_name];
    }
  };
  if (groupBy === 'period') for (const p of periods) groups.set(p, { label: parsePeriod(kind, p)?.label ?? p, rows: [] });
  for (const r of rows) {
    const [k, label] = keyOf(r);
    const g = groups.get(k) ?? { label, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  let compare: Map<string, Record<string, number>> | undefined;
  if (groupBy === 'period' && kind !== 'adhoc') {
    const extra = [...new Set(periods.flatMap((p) => [previousPeriod(kind, p)!, sameLastYear(kind, p)!]))].filter((p) => !groups.has(p));
    const more = await acceptedReturns(db, viewer, form.id, extra, q.regionCode);
    const byPeriod = new Map<string, Filed[]>();
    for (const r of [...rows, ...more]) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
    compare = new Map([...byPeriod].map(([p, rs]) => [p, sumsOf(rs, keys)]));
  }
  const nullable = (s: Record<string, number> | undefined) => Object.fromEntries(keys.map((k) => [k, s ? s[k] : null]));
  const out = [...groups].map(([key, g]) => ({
    key, label: g.label, returns: g.rows.length, returnIds: g.rows.map((r) => r.id), sums: sumsOf(g.rows, keys),
    ...(compare ? { previous: nullable(compare.get(previousPeriod(kind, key)!)), lastYear: nullable(compare.get(sameLastYear(kind, key)!)) } : {}),
  }));
  if (groupBy !== 'period') out.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const total = { key: 'total', label: '合计', returns: rows.length, returnIds: rows.map((r) => r.id), sums: sumsOf(rows, keys) };
  return {
    form: { id: form.id, code: form.code, name: form.name, periodKind: form.period_kind },
    fields: fields.map((f) => ({ key: f.key, label: f.label, unit: f.unit })), groupBy, rows: out, total,
  };
}

const GROUP_HEADERS: Record<GroupBy, string> = { period: '期别', region: '乡镇（区域）', unitType: '单位类型', unit: '填报单位' };

/** The aggregate as an .xlsx: one row per group, then 合计; by period, 环比 and 同比 columns beside each figure. */
export async function aggregateXlsx(agg: Awaited<ReturnType<typeof aggregate>>) {
  const byPeriod = agg.groupBy === 'period' && agg.rows.some((r) => 'lastYear' in r);
  const columns: XlsxColumn[] = [{ key: 'label', header: GROUP_HEADERS[agg.groupBy as GroupBy], type: text(), width: 24 }, { key: 'returns', header: '报表份数', type: int() }];
  for (const f of agg.fields) {
    const h = f.unit ? `${f.label}（${f.unit}）` : f.label;
    columns.push({ key: f.key, header: h, type: decimal(), width: 16 });
    if (byPeriod) columns.push({ key: `${f.key}__prev`, header: `${f.label} 上期`, type: decimal() }, { key: `${f.key}__ly`, header: `${f.label} 去年同期`, type: decimal() });
  }
  const rows = [...agg.rows, agg.total].map((r) => {
    const o: Record<string, unknown> = { label: r.label, returns: r.returns, ...r.sums };
    const x = r as { previous?: Record<string, number | null>; lastYear?: Record<string, number | null> };
    for (const f of agg.fields) { o[`${f.key}__prev`] = x.previous?.[f.key] ?? null; o[`${f.key}__ly`] = x.lastYear?.[f.key] ?? null; }
    return o;
  });
  return exportXlsx(columns, rows, { sheet: '汇总' });
}
