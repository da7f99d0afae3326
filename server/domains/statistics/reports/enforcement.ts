// 行政执法: inspections completed, cases and their fines, documents issued and measures taken, by town, industry,
// department or month; the departments' plans for the year beside them (执法计划完成情况).
import { sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../../enforcement/common/scope.js';
import { statsWhere } from '../../enforcement/stats/stats.store.js';
import type { Filter, Measure, ReportDef, TraceDef } from '../measure.js';

const OWN = { sector: true, subtype: true, inspection: false, case: false };

// Every list takes the period, the region (subtree) and the sector; none takes the department, so a run for one
// department shows its figures untraced rather than linked to a list that would show more.
const list = (api: string, web: string, what: string, extra: Record<string, string> = {}, sumOf?: string): TraceDef => ({
  api, web, what, period: ['from', 'to'], params: (f) => ({ from: f.from, to: f.to, ...extra }), ...(sumOf ? { sumOf } : {}),
  groups: { sector: (k) => (k ? { sector: k } : null) },
});
const inspectionTrace = list('/api/enforcement/inspections', '/enforcement/inspections', '执法检查', { status: 'completed' });
const caseTrace = (sumOf?: string) => list('/api/enforcement/cases', '/enforcement/cases', '行政处罚案件（按立案申请日期）', {}, sumOf);
const measureTrace = (extra: Record<string, string> = {}) => list('/api/enforcement/measures', '/enforcement/measures', '强制措施', extra);

const of = (a: string, date: string) => ({ regionCol: `${a}.region_code`, regionInWhere: true, orgCol: `${a}.org_id`, dateCol: `${a}.${date}`,
  groups: { sector: sql`coalesce(${sql.id(`${a}.sector`)}, '')` } });
const where = (a: string, date: string, own = OWN) => (f: Filter, e: { actor: { scope: Parameters<typeof statsWhere>[0] } }) =>
  statsWhere(e.actor.scope, { from: f.from, to: f.to, regionCode: f.regionCode, orgId: f.orgId }, a, date, own);

const measures: Measure[] = [
  { ...of('i', 'ended_at'), key: 'inspections', label: '执法检查', unit: '次', from: sql`enforcement_inspections i`,
    where: (f, e) => sql`${where('i', 'ended_at')(f, e)} and i.status = 'completed'`, trace: inspectionTrace },
  // 执法计划: inspections the approved plans schedule for the months of the period (a month counts when it starts in the period).
  { key: 'planned', label: '计划检查', unit: '次', from: sql`enforcement_plan_items it join enforcement_plans p on p.id = it.plan_id`, value: sql`coalesce(sum(it.planned), 0)`,
    regionCol: 'p.region_code', orgCol: 'p.org_id',
    groups: { sector: sql`it.sector`, month: sql`to_char(make_date(p.year, it.month, 1), 'YYYY-MM')` },
    where: (f, e) => sql`${enforcementScope(e.actor.scope, 'p', { enterprise: false })} and p.status = 'approved'
      and make_date(p.year, it.month, 1) between ${f.from}::date and ${f.to}::date` },
  { ...of('i', 'ended_at'), key: 'units', label: '检查单位', unit: '家', from: sql`enforcement_inspections i`,
    value: sql`count(distinct coalesce(i.enterprise_id::text, i.unit_name))`, where: (f, e) => sql`${where('i', 'ended_at')(f, e)} and i.status = 'completed'` },
  { ...of('i', 'ended_at'), key: 'findings', label: '检查发现问题', unit: '条', from: sql`enforcement_findings x join enforcement_inspections i on i.id = x.inspection_id`,
    where: (f, e) => sql`${where('i', 'ended_at')(f, e)} and i.status = 'completed'`,
    // The completed inspections of the period, each with its findings: their sum.
    trace: list('/api/enforcement/inspections', '/enforcement/inspections', '执法检查', { status: 'completed' }, 'findingCount') },
  { ...of('c', 'requested_at'), key: 'cases', label: '立案查处', unit: '起', from: sql`enforcement_cases c`,
    where: where('c', 'requested_at', { ...OWN, inspection: true }), trace: caseTrace() },
  { ...of('c', 'requested_at'), key: 'fines', label: '罚款', unit: '元', from: sql`enforcement_cases c`, value: sql`coalesce(sum(c.fine), 0)`,
    where: where('c', 'requested_at', { ...OWN, inspection: true }), trace: caseTrace('fine') },
  { ...of('d', 'issued_at'), key: 'documents', label: '执法文书', unit: '份', from: sql`enforcement_documents d`,
    // With a 文号, not the service receipt: what the documents list's `numbered` filter selects.
    where: (f, e) => sql`${where('d', 'issued_at', { sector: true, subtype: false, inspection: true, case: true })(f, e)} and d.number is not null and d.kind <> 'service_receipt'`,
    trace: list('/api/enforcement/documents', '/enforcement/documents', '执法文书（有文号）', { numbered: 'true' }) },
  { ...of('m', 'decided_at'), key: 'measures', label: '强制措施', unit: '次', from: sql`enforcement_measures m`,
    where: where('m', 'decided_at', { ...OWN, inspection: true, case: true }), trace: measureTrace() },
  { ...of('m', 'decided_at'), key: 'suspensions', label: '其中：责令停产停业', unit: '家次', from: sql`enforcement_measures m`,
    where: (f, e) => sql`${where('m', 'decided_at', { ...OWN, inspection: true, case: true })(f, e)} and m.kind = 'suspend_business'`,
    trace: measureTrace({ kind: 'suspend_business' }) },
];

export const enforcementReports: ReportDef[] = [{
  key: 'enforcement.overview', pillar: 'enforcement', title: '执法检查与处罚', permission: 'enforcement:read',
  description: '完成的执法检查与执法计划安排的检查（计划完成率）、检查单位和发现问题，立案查处的案件及罚款，制发的执法文书（有文号的），采取的强制措施；可按区域、行业、执法部门或月份分组。',
  groupBys: ['region', 'sector', 'org', 'month', 'none'], defaultGroupBy: 'sector', measures,
  derived: [
    { key: 'planRate', label: '计划完成率', unit: '%', of: ['inspections', 'planned'], compute: (v) => (v.planned ? Math.round(((v.inspections ?? 0) / v.planned) * 1000) / 10 : null) },
    { key: 'finesWan', label: '罚款（万元）', unit: '万元', of: ['fines'], compute: (v) => (v.fines === null ? null : Math.round((v.fines / 10000) * 100) / 100) },
  ],
  labels: { sector: { '': '未分行业' } },
}];
