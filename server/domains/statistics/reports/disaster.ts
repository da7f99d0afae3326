// 防灾减灾 and 防汛: disaster reports filed and confirmed, relief funds allocated and paid to households; flood-season
// inspection batches, facilities inspected by kind, and the problems they found and rectified.
import { REPORT_STAGES } from '../../../../contracts/disaster.js';
import { FACILITY_KINDS } from '../../../../contracts/flood.js';
import { scopeWhere } from '../../../platform/auth/scope.js';
import { sql } from '../../../platform/db/sql.js';
import { during, type Filter, type Measure, type ReportDef, type TraceDef } from '../measure.js';

type E = Parameters<Measure['where']>[1];
const within = (f: Filter) => ({ from: f.from, to: f.to });
/** The reports list (and its tab) over the same days; a report's event and stage narrow it as the groups do. */
const reportTrace = (status?: string): TraceDef => ({
  api: '/api/disaster/reports', web: '/disaster/reports', what: '灾情报告', period: ['from', 'to'], params: (f) => ({ ...within(f), status }),
  groups: { event: (k) => (k ? { eventId: k } : null), kind: (k) => ({ stage: k }) }, webParams: (p) => ({ tab: 'reports', ...p }),
});
/** The household payments list (发放到户) over the same days; no department filter, so a department's run has no trace. */
const paidTrace = (sumOf: string): TraceDef => ({
  api: '/api/disaster/relief/distributions', web: '/disaster/relief', what: '救灾资金发放记录', sumOf, period: ['from', 'to'], params: within,
  webParams: (p) => ({ tab: 'distributions', ...p }),
});
/** The inspection batches list; each batch carries its findings, so their sum is the findings figure. */
const batchTrace = (sumOf?: string): TraceDef => ({
  api: '/api/flood/batches', web: '/disaster/flood', what: '备汛检查批次', period: ['from', 'to'], params: within, ...(sumOf ? { sumOf } : {}),
  groups: { level: (k) => ({ level: k }) },
  // The page lists one season (year): the link keeps the period's year when the period lies in one.
  webParams: (p) => ({ tab: 'inspections', ...(p.from && p.from.slice(0, 4) === p.to?.slice(0, 4) ? { season: p.from.slice(0, 4) } : {}), ...p }),
});
const report = { from: sql`disaster_reports d`, regionCol: 'd.region_code', dateCol: 'd.submitted_at', groups: { event: sql`d.event_id::text`, kind: sql`d.stage` } } satisfies Partial<Measure>;
const reportWhere = (cond = sql`true`) => (f: Filter, e: E) => sql`${scopeWhere(e.actor.scope, { region: 'd.region_code' })} and ${during('d.submitted_at', f)} and ${cond}`;
// Household payments: the household's village is the region; a department's share is the allocation's department.
const paid = { from: sql`relief_distributions d join relief_allocations a on a.id = d.allocation_id`, regionCol: 'd.region_code', orgCol: 'a.org_id', dateCol: 'd.paid_on',
  groups: { event: sql`coalesce(a.event_id::text, '')` },
  where: (f: Filter, e: E) => sql`${scopeWhere(e.actor.scope, { region: 'd.region_code', org: 'a.org_id' })} and ${during('d.paid_on', f)}` } satisfies Partial<Measure>;

const disaster: Measure[] = [
  { ...report, key: 'reports', label: '灾情报告', unit: '份', where: reportWhere(), trace: reportTrace() },
  { ...report, key: 'approved', label: '其中：县级已审核', unit: '份', where: reportWhere(sql`d.status = 'approved'`), trace: reportTrace('approved') },
  { ...report, key: 'returned', label: '退回重报', unit: '份', where: reportWhere(sql`d.status = 'returned'`), trace: reportTrace('returned') },
  { ...paid, key: 'households', label: '救灾资金发放到户', unit: '户', value: sql`count(distinct d.id_number)` },
  { ...paid, key: 'amount', label: '发放金额', unit: '元', value: sql`coalesce(sum(d.amount), 0)`, trace: paidTrace('amount') },
];

const batch = { from: sql`flood_inspection_batches b`, regionCol: 'b.region_code', dateCol: 'b.inspected_on', groups: { level: sql`b.level` },
  where: (f: Filter, e: E) => sql`${scopeWhere(e.actor.scope, { region: 'b.region_code' })} and ${during('b.inspected_on', f)}` } satisfies Partial<Measure>;
const flood: Measure[] = [
  { ...batch, key: 'batches', label: '检查批次', unit: '批次', trace: batchTrace() },
  { ...batch, key: 'facilities', label: '检查设施', unit: '处', from: sql`flood_inspection_batches b join flood_batch_facilities bf on bf.batch_id = b.id join flood_facilities fa on fa.id = bf.facility_id`,
    value: sql`count(distinct bf.facility_id)`, groups: { level: sql`b.level`, kind: sql`fa.kind` } },
  { ...batch, key: 'findings', label: '发现隐患', unit: '处', from: sql`flood_inspection_batches b join flood_batch_findings x on x.batch_id = b.id join hazards h on h.id = x.hazard_id`,
    groups: { level: sql`b.level` }, trace: batchTrace('findings') },
  { ...batch, key: 'rectified', label: '截至期末已整改', unit: '处', from: sql`flood_inspection_batches b join flood_batch_findings x on x.batch_id = b.id join hazards h on h.id = x.hazard_id`,
    groups: { level: sql`b.level` }, where: (f, e) => sql`${batch.where(f, e)} and h.status = 'closed' and h.closed_at < ${f.to}::date + 1` },
];

export const disasterReports: ReportDef[] = [
  { key: 'disaster.reports', pillar: 'disaster', title: '灾情报送与救灾资金', permission: 'disaster:read',
    description: '期间报送的灾情报告（按灾害过程、报告阶段、区域、月份）及其审核情况，救灾资金发放到户的户数和金额。灾害损失见各灾害过程的灾情汇总（不重复计算）。',
    groupBys: ['event', 'kind', 'region', 'month', 'none'], defaultGroupBy: 'event', measures: disaster,
    labels: { kind: Object.fromEntries(REPORT_STAGES.map((s) => [s.code, s.label])), event: { '': '未关联灾害过程' } } },
  { key: 'flood.inspections', pillar: 'flood', title: '备汛检查', permission: 'disaster:read',
    description: '期间的镇级自查和县级检查批次、检查的防汛设施（按设施类别）、发现的隐患和截至期末已整改的隐患。',
    groupBys: ['level', 'kind', 'region', 'month', 'none'], defaultGroupBy: 'kind', measures: flood,
    labels: { level: { county: '县级检查', town: '镇级自查' }, kind: FACILITY_KINDS } },
];
