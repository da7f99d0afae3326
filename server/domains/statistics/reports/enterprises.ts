// 企业数据: enterprises in business and under suspension now (by town, sector, risk colour, scale, department), and
// those set up, ordered to suspend, or closed in the period.
import { ENTERPRISE_SCALES, RISK_LEVELS } from '../../../../contracts/enterprises.js';
import { sql } from '../../../platform/db/sql.js';
import { filterWhere, visibleEnterprises } from '../../enterprises/enterprises.store.js';
import { during, type Filter, type Measure, type ReportDef, type TraceDef } from '../measure.js';

const groups = { sector: sql`e.sector`, risk: sql`coalesce(e.risk_level, 'none')`, scale: sql`coalesce(e.scale, 'unknown')` };
const registry = (status: string): TraceDef => ({
  api: '/api/enterprises', web: '/enterprises', what: '企业名录', params: () => ({ status }), period: null, org: 'regulatorId',
  groups: { sector: (k) => ({ sector: k }), risk: (k) => ({ riskLevel: k }) },
});
const now = (status: string) => (f: Filter, e: { actor: { scope: Parameters<typeof filterWhere>[0] }; today: string }) =>
  filterWhere(e.actor.scope, { regionCode: f.regionCode, status: [status as 'operating'] }, e.today);

const base = { regionCol: 'e.region_code', orgCol: 'e.supervising_org_id', groups } satisfies Partial<Measure>;
// Enterprises whose status changed to `to` with effect in the period (an enterprise counts once however often).
const changed = (to: string) => ({
  ...base, from: sql`enterprise_status_changes s join enterprises e on e.id = s.enterprise_id`, dateCol: 's.effective_on', value: sql`count(distinct e.id)`,
  where: (f: Filter, e: { actor: { scope: Parameters<typeof visibleEnterprises>[0] } }) => sql`${visibleEnterprises(e.actor.scope)} and s.to_status = ${to} and ${during('s.effective_on', f)}`,
  trace: { ...registry(''), what: '企业名录（状态变更）', period: ['changedFrom', 'changedTo'] as [string, string], params: (f: Filter) => ({ statusChange: to, changedFrom: f.from, changedTo: f.to }) },
});

const measures: Measure[] = [
  { ...base, key: 'operating', label: '在营企业（当前）', unit: '家', from: sql`enterprises e`, regionInWhere: true, snapshot: true, where: now('operating'), trace: registry('operating') },
  { ...base, key: 'suspendedNow', label: '停产整顿（当前）', unit: '家', from: sql`enterprises e`, regionInWhere: true, snapshot: true, where: now('suspended'), trace: registry('suspended') },
  { ...base, key: 'established', label: '新成立', unit: '家', from: sql`enterprises e`, dateCol: 'e.established_on',
    where: (f, e) => sql`${visibleEnterprises(e.actor.scope)} and ${during('e.established_on', f)}`,
    trace: { ...registry(''), period: ['establishedFrom', 'establishedTo'], params: (f) => ({ establishedFrom: f.from, establishedTo: f.to }) } },
  { ...changed('suspended'), key: 'suspended', label: '责令停产整顿', unit: '家' },
  { ...changed('closed'), key: 'closed', label: '关闭', unit: '家' },
  { ...changed('banned'), key: 'banned', label: '取缔', unit: '家' },
];

export const enterpriseReports: ReportDef[] = [{
  key: 'enterprises.registry', pillar: 'enterprises', title: '企业分布与变动', permission: 'enterprise:read',
  description: '当前在营和停产整顿的企业（按区域、行业、风险等级、规模、监管部门），以及期间新成立、被责令停产整顿、关闭取缔的企业。',
  groupBys: ['region', 'sector', 'risk', 'scale', 'org', 'none'], defaultGroupBy: 'sector', measures,
  labels: {
    risk: { ...Object.fromEntries(RISK_LEVELS.map((r) => [r.code, `${r.colour}·${r.label}`])), none: '未评定' },
    scale: { ...Object.fromEntries(ENTERPRISE_SCALES.map((s) => [s.code, s.label])), unknown: '未填写' },
  },
}];
