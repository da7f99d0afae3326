// 责任与宣教: publicity and education activities with their materials, drills, and the responsibility letters signed.
import { ACTIVITY_KINDS, DRILL_KINDS } from '../../../../contracts/outreach.js';
import { SIGNER_KINDS } from '../../../../contracts/responsibility.js';
import { sql } from '../../../platform/db/sql.js';
import { drillWhere } from '../../outreach/drills.store.js';
import { activityWhere } from '../../outreach/outreach.store.js';
import { pledgeScope } from '../../responsibility/pledges.store.js';
import { during, type Filter, type Measure, type ReportDef, type TraceDef } from '../measure.js';

const labels = (xs: readonly { code: string; label: string }[]) => Object.fromEntries(xs.map((x) => [x.code, x.label]));
const activities = (sumOf?: string): TraceDef => ({
  api: '/api/outreach/activities', web: '/responsibility/outreach', what: '宣传教育活动', period: ['from', 'to'],
  params: (f) => ({ tab: undefined, from: f.from, to: f.to }), ...(sumOf ? { sumOf } : {}), groups: { kind: (k) => ({ kind: k }) },
});
const act = {
  from: sql`outreach_activities a`, regionCol: 'a.region_code', regionInWhere: true, orgCol: 'a.organiser_org_id', dateCol: 'a.held_on', groups: { kind: sql`a.kind` },
  where: (f: Filter, e: Parameters<Measure['where']>[1]) => activityWhere(e.actor.scope, { from: f.from, to: f.to, regionCode: f.regionCode }),
} satisfies Partial<Measure>;
const material = (key: string, label: string, unit: string): Measure => ({ ...act, key, label, unit, value: sql`coalesce(sum(${sql.id(`a.${key}`)}), 0)`, trace: activities(key) });

const outreach: Measure[] = [
  { ...act, key: 'activities', label: '宣传教育活动', unit: '场次', trace: activities() },
  material('participants', '参加人数', '人次'),
  material('films', '警示教育片', '场次'),
  material('vans', '宣传车', '次'),
  material('slogans', '标语横幅', '份'),
  material('brochures', '宣传手册', '本'),
  material('sms', '提示短信', '条'),
  { key: 'drills', label: '应急演练', unit: '次', from: sql`command_plan_drills d join command_plans p on p.id = d.plan_id`, regionCol: 'd.region_code', regionInWhere: true,
    dateCol: 'd.drilled_on', groups: { kind: sql`'drill:' || d.kind` },
    where: (f, e) => drillWhere(e.actor.scope, { from: f.from, to: f.to, regionCode: f.regionCode }),
    trace: { api: '/api/outreach/drills', web: '/responsibility/outreach', what: '应急演练', period: ['from', 'to'], params: (f) => ({ from: f.from, to: f.to }),
      groups: { kind: (k) => (k.startsWith('drill:') ? { kind: k.slice(6) } : null) } } },
];

const pledgeTrace: TraceDef = { api: '/api/responsibility/pledges', web: '/responsibility/pledges', what: '安全生产责任状（签订日期）', period: ['from', 'to'],
  params: (f) => ({ from: f.from, to: f.to }), org: 'orgId', groups: { signer: (k) => ({ signerKind: k }) } };
const pledges: Measure[] = [
  { key: 'signed', label: '签订责任状', unit: '份', from: sql`pledges p`, regionCol: 'p.region_code', orgCol: 'p.signer_org_id', dateCol: 'p.signed_on',
    groups: { signer: sql`p.signer_kind` }, where: (f, e) => sql`${pledgeScope(e.actor.scope)} and ${during('p.signed_on', f)}`, trace: pledgeTrace },
];

export const responsibilityReports: ReportDef[] = [
  { key: 'responsibility.outreach', pillar: 'responsibility', title: '宣传教育与应急演练', permission: 'responsibility:read',
    description: '平台登记的宣传教育活动（按类别、区域、月份）及其参加人数和宣传品数量，以及依预案开展的应急演练。各单位报表汇总的数字见“报表汇总”。',
    groupBys: ['kind', 'region', 'month', 'org', 'none'], defaultGroupBy: 'kind', measures: outreach,
    labels: { kind: { ...labels(ACTIVITY_KINDS), ...Object.fromEntries(DRILL_KINDS.map((d) => [`drill:${d.code}`, `演练·${d.label}`])) } } },
  { key: 'responsibility.pledges', pillar: 'responsibility', title: '安全生产责任状签订', permission: 'responsibility:read',
    description: '期间签订的安全生产责任状，按签订对象（园区及市直单位、乡镇、重点企业）、区域或月份。',
    groupBys: ['signer', 'region', 'month', 'none'], defaultGroupBy: 'signer', measures: pledges, labels: { signer: labels(SIGNER_KINDS) } },
];
