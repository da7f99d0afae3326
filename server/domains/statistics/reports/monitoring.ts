// 监测监控: alarms raised in the period by level, kind, enterprise, town or month; how many were handled and how
// fast; devices in service and offline now (在线率).
import { ALARM_RULES } from '../../../../contracts/monitoring.js';
import { sql } from '../../../platform/db/sql.js';
import { alarmScope, deviceScope } from '../../monitoring/scope.js';
import { during, type Measure, type ReportDef, type TraceDef } from '../measure.js';

const alarms = (extra: Record<string, string> = {}): TraceDef => ({
  api: '/api/monitoring/alarms', web: '/monitoring/alarms', what: '报警记录', period: ['from', 'to'], params: (f) => ({ from: f.from, to: f.to, ...extra }),
  groups: { level: (k) => ({ level: k }), rule: (k) => ({ rule: k }), enterprise: (k) => (k ? { enterpriseId: k } : null) },
  // The page opens on the alarms still open; the figures count every alarm raised in the period.
  webParams: (p) => ({ view: 'all', ...p }),
});
const base = {
  from: sql`monitoring_alarms a`, regionCol: 'a.region_code', orgCol: 'a.regulator_org_id', dateCol: 'a.raised_at',
  groups: { level: sql`a.level::text`, rule: sql`a.rule`, enterprise: sql`coalesce(a.enterprise_id::text, '')` },
} satisfies Partial<Measure>;
const raised = (cond = sql`true`) => (f: Parameters<Measure['where']>[0], e: Parameters<Measure['where']>[1]) => sql`${alarmScope(e.actor.scope)} and ${during('a.raised_at', f)} and ${cond}`;

const measures: Measure[] = [
  { ...base, key: 'alarms', label: '报警', unit: '次', where: raised(), trace: alarms() },
  { ...base, key: 'level2', label: '其中：二级报警', unit: '次', where: raised(sql`a.level = 2`), trace: alarms({ level: '2' }) },
  { ...base, key: 'closed', label: '已处置闭环', unit: '次', where: raised(sql`a.status = 'closed'`), trace: alarms({ status: 'closed' }) },
  { ...base, key: 'falseAlarms', label: '误报', unit: '次', where: raised(sql`a.false_alarm`), trace: alarms({ falseAlarm: 'true' }) },
  { ...base, key: 'handleMinutes', label: '平均处置用时', unit: '分钟', where: raised(sql`a.disposed_at is not null`),
    value: sql`round(coalesce(avg(extract(epoch from a.disposed_at - a.raised_at) / 60), 0)::numeric, 1)` },
  { key: 'devices', label: '在用设备（当前）', unit: '台', from: sql`monitoring_devices d`, regionCol: 'd.region_code', snapshot: true,
    where: (_f, e) => sql`${deviceScope(e.actor.scope)} and d.status = 'active'`,
    trace: { api: '/api/monitoring/devices', web: '/monitoring/registry', what: '监测设备', period: null, params: () => ({ status: 'active' }) } },
  // Each silent device has one open 离线 alarm (unique per device, sensor and rule while open).
  { ...base, key: 'offline', label: '离线设备（当前）', unit: '台', snapshot: true, dateCol: undefined,
    where: (_f, e) => sql`${alarmScope(e.actor.scope)} and a.rule = 'offline' and a.status <> 'closed'`,
    trace: { api: '/api/monitoring/alarms', web: '/monitoring/alarms', what: '报警记录', period: null, params: () => ({ rule: 'offline', open: 'true' }) } },
];

export const monitoringReports: ReportDef[] = [{
  key: 'monitoring.alarms', pillar: 'monitoring', title: '监测报警与处置', permission: 'monitoring:read',
  description: '期间产生的报警（按等级、类型、企业、区域、月份），已处置闭环和误报的数量、平均处置用时；当前在用设备、离线设备和在线率。',
  groupBys: ['region', 'level', 'rule', 'enterprise', 'month', 'none'], defaultGroupBy: 'rule', measures,
  derived: [
    { key: 'closedRate', label: '闭环率', unit: '%', of: ['closed', 'alarms'], compute: (v) => (v.alarms ? Math.round(((v.closed ?? 0) / v.alarms) * 1000) / 10 : null) },
    { key: 'onlineRate', label: '设备在线率（当前）', unit: '%', of: ['devices', 'offline'], compute: (v) => (v.devices ? Math.round(((v.devices - (v.offline ?? 0)) / v.devices) * 1000) / 10 : null) },
  ],
  labels: { level: { 1: '一级报警', 2: '二级报警' }, rule: ALARM_RULES, enterprise: { '': '无企业（公共设施）' } },
}];
