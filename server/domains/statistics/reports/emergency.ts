// 应急救援: incidents by kind, grade, town or month with the dead, injured and losses; road traffic fatal accidents
// from the traffic police's monthly return (道路交通亡人事故月报), compared with last year (双下降).
import { INCIDENT_GRADES, INCIDENT_KINDS } from '../../../../contracts/command-incidents.js';
import { sql } from '../../../platform/db/sql.js';
import { incidentScope } from '../../command/incidents/incidents.scope.js';
import { sumField } from '../../returns/directory.js';
import { during, type Filter, type Measure, type ReportDef, type TraceDef } from '../measure.js';

const incidents = (sumOf?: string): TraceDef => ({
  api: '/api/command/incidents', web: '/command/incidents', what: '突发事件', period: ['from', 'to'], params: (f) => ({ from: f.from, to: f.to }),
  ...(sumOf ? { sumOf } : {}), groups: { kind: (k) => ({ kind: k }), grade: (k) => ({ grade: k }) },
});
const base = { from: sql`incidents i`, regionCol: 'i.region_code', dateCol: 'i.reported_at', groups: { kind: sql`i.kind`, grade: sql`i.grade` },
  where: (f: Filter, e: Parameters<Measure['where']>[1]) => sql`${incidentScope(e.actor)} and ${during('i.reported_at', f)}` } satisfies Partial<Measure>;

const incidentMeasures: Measure[] = [
  { ...base, key: 'incidents', label: '突发事件', unit: '起', trace: incidents() },
  { ...base, key: 'dead', label: '死亡', unit: '人', value: sql`coalesce(sum(i.dead), 0)`, trace: incidents('dead') },
  { ...base, key: 'injured', label: '受伤', unit: '人', value: sql`coalesce(sum(i.injured), 0)`, trace: incidents('injured') },
  { ...base, key: 'relocated', label: '转移安置', unit: '人', value: sql`coalesce(sum(i.relocated), 0)`, trace: incidents('relocated') },
  { ...base, key: 'lossWan', label: '直接经济损失', unit: '万元', value: sql`coalesce(sum(i.loss_wan), 0)`, trace: incidents('lossWan') },
];

/** Whole months inside a period, as the monthly return keys them (2022-01). */
function monthsInside(f: Filter): string[] {
  const out: string[] = [];
  for (let y = Number(f.from.slice(0, 4)), m = Number(f.from.slice(5, 7)); ; m++) {
    if (m > 12) { y++; m = 1; }
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > f.to) break;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (first >= f.from && last <= f.to) out.push(first.slice(0, 7));
  }
  return out;
}

// The return is filed once for the county by the traffic police; a town or department sees it only when its scope covers the filer.
const fromReturn = (field: string) => async (f: Filter, e: Parameters<Measure['where']>[1], by: string) => {
  const months = monthsInside(f);
  const out = new Map<string, number>();
  out.set('', months.length ? (await sumField(e.db, 'JJ-SG', field, months, f.regionCode ?? '', e.actor.scope)).total : 0);
  if (by === 'month') for (const m of months) out.set(m, (await sumField(e.db, 'JJ-SG', field, m, f.regionCode ?? '', e.actor.scope)).total);
  return out;
};
const roadMeasures: Measure[] = [
  { key: 'accidents', label: '道路交通亡人事故', unit: '起', from: sql``, where: () => sql`true`, custom: fromReturn('accidents'), customGroups: ['month'] },
  { key: 'deaths', label: '死亡人数', unit: '人', from: sql``, where: () => sql`true`, custom: fromReturn('deaths'), customGroups: ['month'] },
  { key: 'injured', label: '受伤人数', unit: '人', from: sql``, where: () => sql`true`, custom: fromReturn('injured'), customGroups: ['month'] },
];

export const emergencyReports: ReportDef[] = [
  { key: 'emergency.incidents', pillar: 'emergency', title: '突发事件与伤亡', permission: 'command:read',
    description: '期间接报的突发事件（按类别、等级、区域、月份）及其死亡、受伤、转移安置人数和直接经济损失。',
    groupBys: ['kind', 'grade', 'region', 'month', 'none'], defaultGroupBy: 'kind', measures: incidentMeasures, labels: { kind: INCIDENT_KINDS, grade: INCIDENT_GRADES } },
  { key: 'emergency.roadAccidents', pillar: 'emergency', title: '道路交通亡人事故', permission: 'command:read',
    description: '公安交警报送的《道路交通亡人事故月报》（已审核）：事故起数、死亡和受伤人数，与上年同期比较（起数和死亡人数都下降即“双下降”）。按整月统计。',
    groupBys: ['month', 'none'], defaultGroupBy: 'month', measures: roadMeasures },
];
