// Runs a report for a period, the same period last year (同比) and the previous period (环比): rows by the chosen
// dimension, each measure's three values, the changes in per cent, and the list each count comes from.
import type { FigureTrace, Period } from '../../../contracts/figures.js';
import { GROUP_BYS, PILLARS, type Cell, type GroupBy, type ReportInfo, type ReportQuery, type ReportResult, type Row } from '../../../contracts/statistics.js';
import { sectorLabel } from '../../../contracts/enterprises.js';
import { regionPrefix, regionWithin } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { changePercent, periodLabel, periodOf, previousPeriod, samePeriodLastYear } from '../../platform/period.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { groupable, runMeasure, runPass, type Env, type Filter, type Measure, type ReportDef, type Values } from './measure.js';
import { REPORTS } from './reports/index.js';
import { coveredRegion } from '../system/regions.service.js';

const LEVELS = [2, 4, 6, 9, 12];

/** Reports the caller may read (report:read and the pillar's own read permission). */
export function readableReports(ctx: Ctx): ReportDef[] {
  return REPORTS.filter((r) => ctx.actor.permissions.has(r.permission as never));
}

/** The catalogue entry of a report, as the page shows it. */
export function reportInfo(r: ReportDef): ReportInfo {
  return {
    key: r.key, pillar: r.pillar, pillarLabel: PILLARS[r.pillar as keyof typeof PILLARS] ?? r.pillar, title: r.title, description: r.description,
    groupBys: r.groupBys.map((g) => ({ key: g, label: GROUP_BYS[g] })), defaultGroupBy: r.defaultGroupBy,
    measures: [
      ...r.measures.map((m) => ({ key: m.key, label: m.label, unit: m.unit, snapshot: !!m.snapshot, derived: false })),
      ...(r.derived ?? []).map((d) => ({ key: d.key, label: d.label, unit: d.unit, snapshot: false, derived: true })),
    ],
  };
}

export function findReport(ctx: Ctx, key: string): ReportDef {
  const r = REPORTS.find((x) => x.key === key);
  if (!r) throw notFound('统计报表', 'Report');
  if (!ctx.actor.permissions.has(r.permission as never)) throw forbidden(`无权查看“${r.title}”：需要${PILLARS[r.pillar as keyof typeof PILLARS] ?? ''}业务的查看权限`, 'Missing the pillar read permission');
  return r;
}

const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')).toString();
const withQuery = (path: string, o: Record<string, string | undefined>) => { const q = qs(o); return q ? `${path}?${q}` : path; };

/** Months between two YYYY-MM keys. */
const monthIndex = (from: string, key: string) => (Number(key.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(key.slice(5, 7)) - Number(from.slice(5, 7));
const monthAt = (from: string, i: number) => { const n = Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)) - 1 + i; return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`; };
const lastOfMonth = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** The trace of one cell, or undefined when the list cannot select exactly these rows. */
function traceOf(m: Measure, f: Filter, by: GroupBy, key: string | null, regionLen: number, describe: (k: string) => string): FigureTrace | undefined {
  const t = m.trace;
  if (!t || (t.when && !t.when(f))) return undefined;
  if (f.orgId && m.orgCol && !t.org) return undefined;
  let params: Record<string, string | undefined> = { ...t.params(f) };
  if (f.regionCode && (m.regionCol || m.regionInWhere)) params[t.region ?? 'regionCode'] = f.regionCode;
  if (f.orgId && m.orgCol && t.org) params[t.org] = f.orgId;
  let narrowed = '';
  if (key !== null && by !== 'none') {
    if (by === 'region') {
      // A record kept at a level above the groups (县本级) has no list filter of its own.
      if (regionPrefix(key).length < regionLen && key.length === 12) return undefined;
      params[t.region ?? 'regionCode'] = key;
    } else if (by === 'month') {
      if (!t.period) return undefined;
      const from = `${key}-01` < f.from ? f.from : `${key}-01`;
      const to = lastOfMonth(key) > f.to ? f.to : lastOfMonth(key);
      params[t.period[0]] = from; params[t.period[1]] = to;
    } else if (by === 'org' && m.orgCol) {
      if (!t.org || !key) return undefined;
      params[t.org] = key;
    } else {
      const g = t.groups?.[by]?.(key);
      if (!g) return undefined;
      params = { ...params, ...g };
    }
    narrowed = `；${GROUP_BYS[by].replace(/^按/, '')}=${describe(key)}`;
  }
  const period = t.period ? `；日期 ${params[t.period[0]] ?? f.from} 至 ${params[t.period[1]] ?? f.to}` : '';
  return {
    api: withQuery(t.api, params), web: withQuery(t.web, t.webParams ? t.webParams(params) : params), ...(t.sumOf ? { sumOf: t.sumOf } : {}),
    query: `${t.what}：${m.label}${period}${narrowed}${f.regionCode ? `；区域 ${f.regionCode}` : ''}`,
  };
}

/** Names of the groups (regions, departments, enterprises, disaster events) or the report's own labels. */
async function labelsFor(ctx: Ctx, r: ReportDef, by: GroupBy, keys: string[], regionLen: number): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const ids = keys.filter(Boolean);
  const rows = by === 'region' ? await ctx.db.query<{ k: string; name: string }>(sql`select code as k, name from regions where code = any(${ids}::text[])`)
    : by === 'org' ? await ctx.db.query<{ k: string; name: string }>(sql`select id::text as k, coalesce(short_name, name) as name from organizations where id::text = any(${ids}::text[])`)
      : by === 'enterprise' ? await ctx.db.query<{ k: string; name: string }>(sql`select id::text as k, name from enterprises where id::text = any(${ids}::text[])`)
        : by === 'event' ? await ctx.db.query<{ k: string; name: string }>(sql`select id::text as k, name from disaster_events where id::text = any(${ids}::text[])`)
          : by === 'campaign' ? await ctx.db.query<{ k: string; name: string }>(sql`select id::text as k, name from campaigns where id::text = any(${ids}::text[])`)
            : [];
  for (const x of rows) out.set(x.k.trim(), x.name);
  for (const k of keys) {
    if (out.has(k)) {
      if (by === 'region' && regionPrefix(k).length < regionLen) out.set(k, `${out.get(k)}（本级）`);
      continue;
    }
    const own = r.labels?.[by]?.[k];
    out.set(k, own ?? (by === 'sector' ? sectorLabel(k) || k : by === 'month' ? `${Number(k.slice(0, 4))}年${Number(k.slice(5, 7))}月` : k === '' ? '未指定' : k));
  }
  return out;
}

/** Check the request's period, region and department, and say what they cover. */
async function prepare(ctx: Ctx, r: ReportDef, q: ReportQuery) {
  const period = periodOf(q.from, q.to);
  const by = (q.groupBy ?? r.defaultGroupBy) as GroupBy;
  if (!r.groupBys.includes(by)) {
    throw badRequest(`“${r.title}”不能${GROUP_BYS[by] ?? by}分组，可选：${r.groupBys.map((g) => GROUP_BYS[g]).join('、')}`, `Cannot group ${r.key} by ${by}`);
  }
  const scope = ctx.actor.scope;
  let regionName = scope.kind === 'region' ? undefined : '全县';
  if (q.regionCode) {
    const reg = await ctx.db.maybeOne<{ name: string }>(sql`select name from regions where code = ${q.regionCode}`);
    if (!reg) throw badRequest(`区域代码 ${q.regionCode} 不存在，请从区域列表中选择`, 'Unknown region');
    if (scope.kind === 'region' && !regionWithin(q.regionCode, scope.regionCode!) && !regionWithin(scope.regionCode!, q.regionCode)) {
      throw forbidden('所选区域不在您的管辖范围内', 'Region outside your scope');
    }
    regionName = reg.name;
  }
  if (!regionName && scope.kind === 'region') {
    regionName = (await ctx.db.maybeOne<{ name: string }>(sql`select name from regions where code = ${scope.regionCode!}`))?.name ?? scope.regionCode!;
  }
  let orgName: string | undefined;
  if (q.orgId) {
    const org = await ctx.db.maybeOne<{ name: string }>(sql`select name from organizations where id = ${q.orgId}`);
    if (!org) throw badRequest('所选部门不存在，请从部门列表中选择', 'Unknown department');
    orgName = org.name;
  }
  // Groups are one level below the region looked at: towns for the county, villages for a town.
  const base = q.regionCode ?? (scope.kind === 'region' ? scope.regionCode! : undefined);
  // Without one, the region the platform covers: the county of a county's platform, the province of a province's.
  const top = base ?? await coveredRegion(ctx.db);
  const baseLen = top ? regionPrefix(top).length : 6;
  const regionLen = LEVELS.find((l) => l > baseLen) ?? 12;
  const scopeLabel = [scope.kind === 'org' || scope.kind === 'enterprise' ? '本单位管辖范围' : regionName, orgName].filter(Boolean).join(' · ');
  return { period, by, regionLen, scopeLabel };
}

const info = (p: Period) => ({ ...p, label: periodLabel(p) });

/** A report for the request's period, with 同比 and 环比. */
export async function runReport(ctx: Ctx, r: ReportDef, q: ReportQuery): Promise<ReportResult> {
  const { period, by, regionLen, scopeLabel } = await prepare(ctx, r, q);
  const lastYear = samePeriodLastYear(period);
  const previous = previousPeriod(period);
  const env: Env = { db: ctx.db, actor: ctx.actor, today: shanghaiDate(ctx.clock()) };
  const filter = (p: Period): Filter => ({ from: p.from, to: p.to, regionCode: q.regionCode, orgId: q.orgId });
  const fCur = filter(period); const fLy = filter(lastYear); const fPrev = filter(previous);

  const values = new Map<string, { cur: Values; ly?: Values; prev?: Values }>();
  // Measures of one pass (Measure.pass) are counted together, a query per period.
  const passes = new Map<string, Measure[]>();
  for (const m of r.measures) if (m.pass && !m.snapshot) passes.set(m.pass.key, [...(passes.get(m.pass.key) ?? []), m]);
  for (const ms of passes.values()) {
    const [cur, ly, prev] = await Promise.all([fCur, fLy, fPrev].map((f) => runPass(env, ms, f, by, regionLen)));
    for (const m of ms) values.set(m.key, { cur: cur.get(m.key)!, ly: ly.get(m.key), prev: prev.get(m.key) });
  }
  for (const m of r.measures) {
    if (values.has(m.key)) continue;
    // The three periods of one measure at once: on PostgreSQL each runs on its own connection (and core); a
    // province's hazards overview spent most of its time waiting on them one after another. PGlite queues them.
    if (m.snapshot) { values.set(m.key, { cur: await runMeasure(env, m, fCur, by, regionLen) }); continue; }
    const [cur, ly, prev] = await Promise.all([fCur, fLy, fPrev].map((f) => runMeasure(env, m, f, by, regionLen)));
    values.set(m.key, { cur, ly, prev });
  }

  // Month rows line up by position in the period: March this year against March last year and against the month
  // the same distance into the previous period.
  const align = (p: Period, k: string) => (by === 'month' ? monthAt(period.from.slice(0, 7), monthIndex(p.from.slice(0, 7), k)) : k);
  const keys = new Set<string>();
  for (const [, v] of values) {
    for (const k of v.cur.groups.keys()) keys.add(k);
    for (const k of v.ly?.groups.keys() ?? []) keys.add(align(lastYear, k));
    for (const k of v.prev?.groups.keys() ?? []) keys.add(align(previous, k));
  }
  if (by === 'month') {
    // Every month of the period gets a row, with zeros where nothing happened (a line chart needs them).
    const n = monthIndex(period.from.slice(0, 7), period.to.slice(0, 7));
    for (let i = 0; i <= n; i++) keys.add(monthAt(period.from.slice(0, 7), i));
  }
  const back = (p: Period, k: string) => (by === 'month' ? monthAt(p.from.slice(0, 7), monthIndex(period.from.slice(0, 7), k)) : k);
  const labels = await labelsFor(ctx, r, by, [...keys], regionLen);

  const row = (key: string | null): Row => {
    const cells: Record<string, Cell> = {};
    const plain: Record<'cur' | 'ly' | 'prev', Record<string, number | null>> = { cur: {}, ly: {}, prev: {} };
    for (const m of r.measures) {
      const v = values.get(m.key)!;
      const can = key === null || groupable(m, by);
      const pick = (x: Values | undefined, p: Period) => (!x || !can ? null : key === null ? x.total : x.groups.get(back(p, key)) ?? 0);
      const cur = pick(v.cur, period); const ly = pick(v.ly, lastYear); const prev = pick(v.prev, previous);
      plain.cur[m.key] = cur; plain.ly[m.key] = ly; plain.prev[m.key] = prev;
      const describe = (k: string) => labels.get(k) ?? k;
      const cell: Cell = { current: cur, lastYear: ly, previous: prev, yoy: cur !== null && ly !== null ? changePercent(cur, ly) : null, mom: cur !== null && prev !== null ? changePercent(cur, prev) : null };
      if (can) {
        const t = traceOf(m, fCur, by, key, regionLen, describe);
        if (t) cell.trace = t;
        if (!m.snapshot) {
          const tl = traceOf(m, fLy, by, key === null ? null : back(lastYear, key), regionLen, describe);
          const tp = traceOf(m, fPrev, by, key === null ? null : back(previous, key), regionLen, describe);
          if (tl) cell.lastYearTrace = tl;
          if (tp) cell.previousTrace = tp;
        }
      }
      cells[m.key] = cell;
    }
    for (const d of r.derived ?? []) {
      const cur = d.compute(plain.cur); const ly = d.compute(plain.ly); const prev = d.compute(plain.prev);
      // A rate's change is in percentage points, not per cent of a per cent.
      const pts = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round((a - b) * 10) / 10);
      cells[d.key] = { current: cur, lastYear: ly, previous: prev, yoy: d.unit === '%' ? pts(cur, ly) : changePercent(cur ?? 0, ly ?? 0), mom: d.unit === '%' ? pts(cur, prev) : changePercent(cur ?? 0, prev ?? 0) };
    }
    return { key: key ?? '', label: key === null ? '合计' : labels.get(key) ?? key, cells };
  };

  const first = r.measures[0].key;
  const rows = by === 'none' ? [] : [...keys].map((k) => row(k));
  if (by === 'month' || by === 'region') rows.sort((a, b) => a.key.localeCompare(b.key));
  else rows.sort((a, b) => (b.cells[first].current ?? 0) - (a.cells[first].current ?? 0) || a.label.localeCompare(b.label, 'zh'));
  return {
    report: reportInfo(r), groupBy: by, groupByLabel: GROUP_BYS[by],
    period: info(period), lastYear: info(lastYear), previous: info(previous), scopeLabel: scopeLabel || '全县', rows, total: row(null),
  };
}

