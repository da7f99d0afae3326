// 隐患排查治理: found, rectified by the end of the period, overdue now, major — by town, sector, source, level,
// campaign or month; every count is the hazard ledger (隐患台账) with the same filters.
import { HAZARD_LEVELS, HAZARD_SOURCES } from '../../../../contracts/hazards.js';
import { sql, type Sql } from '../../../platform/db/sql.js';
import { filterSql, overdueSql } from '../../hazards/hazards.store.js';
import type { Env, Filter, Measure, ReportDef, TraceDef } from '../measure.js';

// The ledger's own filter (scope, found_at in the period, region), so that a figure and its list are the same rows.
const filterSqlFor = (f: Filter, today: string, viewer: Parameters<typeof filterSql>[0]) => filterSql(viewer, { from: f.from, to: f.to, regionCode: f.regionCode }, today);

const trace = (extra: (f: Filter) => Record<string, string | undefined> = () => ({})): TraceDef => ({
  api: '/api/hazards', web: '/hazards', what: '隐患台账', period: ['from', 'to'],
  params: (f) => ({ from: f.from, to: f.to, ...extra(f) }),
  groups: {
    sector: (k) => (k === '未分类' ? null : { sector: k }), source: (k) => ({ source: k }), level: (k) => ({ level: k }),
    campaign: (k) => (k ? { campaignId: k } : null),
  },
});

const common = {
  from: sql`hazards h`, regionCol: 'h.region_code', regionInWhere: true, dateCol: 'h.found_at',
  groups: { sector: sql`coalesce(h.sector, '未分类')`, source: sql`h.source`, level: sql`h.level`, campaign: sql`coalesce(h.campaign_id::text, '')` },
} satisfies Partial<Measure>;

// The four measures count the same hazards (found in the period, in scope and region) in one pass, each those that
// also meet its own condition.
const found = (f: Filter, e: Env) => filterSqlFor(f, e.today, e.actor.scope);
const inPass = (only?: (f: Filter, e: Env) => Sql): Pick<Measure, 'where' | 'pass'> => ({
  where: only ? (f, e) => sql`${found(f, e)} and ${only(f, e)}` : found,
  pass: { key: 'hazards', base: found, only },
});

const measures: Measure[] = [
  { ...common, key: 'found', label: '排查隐患', unit: '处', ...inPass(), trace: trace() },
  { ...common, key: 'rectified', label: '已整改', unit: '处', ...inPass((f) => sql`h.status = 'closed' and h.closed_at < ${f.to}::date + 1`),
    trace: trace((f) => ({ closedTo: f.to })) },
  { ...common, key: 'major', label: '重大隐患', unit: '处', ...inPass(() => sql`h.level = 'major'`), trace: trace(() => ({ level: 'major' })) },
  { ...common, key: 'overdue', label: '逾期未整改（当前）', unit: '处', ...inPass((_f, e) => overdueSql(e.today)),
    trace: { ...trace(() => ({ overdue: 'true' })), webParams: ({ overdue: _, ...p }) => ({ ...p, view: 'overdue' }) } },
];

export const hazardReports: ReportDef[] = [{
  key: 'hazards.overview', pillar: 'hazards', title: '隐患排查治理', permission: 'hazard:read',
  description: '期间发现的隐患、截至期末已整改（销号）的隐患、整改率，以及其中的重大隐患和当前逾期未整改的隐患。',
  groupBys: ['region', 'month', 'sector', 'source', 'level', 'campaign', 'none'], defaultGroupBy: 'region', measures,
  derived: [{ key: 'rate', label: '整改率', unit: '%', of: ['rectified', 'found'], compute: (v) => (v.found ? Math.round(((v.rectified ?? 0) / v.found) * 1000) / 10 : null) }],
  labels: { source: HAZARD_SOURCES, level: HAZARD_LEVELS, sector: { 未分类: '未分类' }, campaign: { '': '日常排查（无专项行动）' } },
}];
