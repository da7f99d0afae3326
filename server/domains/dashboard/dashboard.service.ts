// 综合态势: the situation in the caller's scope (or a region / department inside it) as groups of figures, each
// carrying the list that makes it (trace.api = the list route with its filters, trace.web = the page showing it).
// A group appears only when the caller may read its list; a filter a list cannot apply leaves its figures out
// (and says so in `notes`), rather than showing a number the link would not reproduce.
import type { Dashboard, DashboardQuery, FigureGroup } from '../../../contracts/dashboard.js';
import { DASHBOARD_PERIODS } from '../../../contracts/dashboard.js';
import { RISK_LEVELS, SECTORS } from '../../../contracts/enterprises.js';
import type { Figure } from '../../../contracts/figures.js';
import { can } from '../../platform/auth/actor.js';
import { regionWithin } from '../../platform/auth/scope.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { periodContaining } from '../../platform/period.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { enforcementTally, enterpriseTally, hazardTally, orgName, overdueHazards, regionName } from './dashboard.store.js';
import { disasterDues, disasterTodo, dutyNow, monitoringTotals, openIncidents, planTotals, pledgeTotals, uninspectedFacilities } from './sources.js';

type Params = Record<string, string | number | boolean | undefined>;

/** `path?a=1&b=2`, leaving out empty values, in the order given (so the same filters give the same URL). */
export function withQuery(path: string, params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

interface FigureSpec {
  key: string; label: string; value: number; unit: string;
  api: [string, Params]; web: [string, Params]; query: string; sumOf?: string;
}

const figure = (s: FigureSpec): Figure => ({
  key: s.key, label: s.label, value: s.value, unit: s.unit,
  trace: { api: withQuery(...s.api), web: withQuery(...s.web), query: s.query, ...(s.sumOf ? { sumOf: s.sumOf } : {}) },
});

/** A percentage of two traced figures (一位小数), or 0 when there is nothing to divide. */
const rate = (key: string, label: string, part: Figure, whole: Figure): Figure => ({
  key, label, unit: '%', value: whole.value ? Math.round((part.value / whole.value) * 1000) / 10 : 0, of: [part.key, whole.key],
});

async function checkFilters(ctx: Ctx, q: DashboardQuery): Promise<string> {
  const scope = ctx.actor.scope;
  const parts: string[] = [];
  if (q.regionCode) {
    const r = await regionName(ctx.db, q.regionCode);
    if (!r) throw badRequest(`区域代码 ${q.regionCode} 不存在，请从区域列表中选择`, 'Unknown region');
    if (scope.kind === 'region' && !regionWithin(q.regionCode, scope.regionCode!)) {
      throw new AppError(403, 'forbidden', `${r.name}不在您的数据范围内，只能查看本辖区的态势`, 'Region outside your scope');
    }
    parts.push(r.name);
  }
  if (q.orgId) {
    const o = await orgName(ctx.db, q.orgId);
    if (!o) throw badRequest('所选部门不存在，请从部门列表中选择', 'Unknown organisation');
    if (scope.kind === 'org' && scope.orgId !== q.orgId) throw new AppError(403, 'forbidden', `只能查看本部门（而非${o.name}）的态势`, 'Organisation outside your scope');
    if (scope.kind === 'enterprise') throw new AppError(403, 'forbidden', '企业账号不能按部门查看态势', 'Enterprises cannot filter by department');
    parts.push(o.name);
  }
  if (parts.length) return parts.join(' · ');
  switch (scope.kind) {
    case 'all': return '全县';
    case 'region': return (await regionName(ctx.db, scope.regionCode!))?.name ?? scope.regionCode!;
    case 'org': return (await orgName(ctx.db, scope.orgId!))?.name ?? '本部门';
    case 'enterprise': return '本企业';
  }
}

/** The dashboard of the caller (and of the region / department asked for, inside the caller's scope). */
export async function buildDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const scopeLabel = await checkFilters(ctx, q);
  const now = ctx.clock();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const kind = q.period ?? 'year';
  const p = periodContaining(kind, today);
  const period = { kind, from: p.from, to: today, label: `${DASHBOARD_PERIODS.find((x) => x.code === kind)!.label}（${p.from} 至 ${today}）` };
  const region = q.regionCode;
  const byOrg = !!q.orgId;
  const notes: string[] = [];
  // Each pillar's section runs at once (PostgreSQL answers them on separate connections); groups keep this order.
  const sections: Promise<FigureGroup[]>[] = [];
  const section = (f: () => Promise<FigureGroup[]>) => sections.push(f());
  const where = region ? '；区域=' + scopeLabel.split(' · ')[0] : '';
  const inPeriod = `${period.from} 至 ${period.to}`;

  if (can(ctx.actor, 'enterprise:read')) section(async () => {
    const groups: FigureGroup[] = [];
    const rows = await enterpriseTally(ctx.db, ctx.actor.scope, { regionCode: region, regulatorId: q.orgId }, today);
    const base = { status: 'operating', regionCode: region, regulatorId: q.orgId };
    const ent = (key: string, label: string, value: number, extra: Params, words: string) =>
      figure({ key, label, value, unit: '家', api: ['/api/enterprises', { ...base, ...extra }], web: ['/enterprises', { ...base, ...extra }],
        query: `企业档案：状态=在营${words}${where}${byOrg ? '；监管部门=' + scopeLabel.split(' · ').at(-1) : ''}` });
    const total = rows.reduce((n, r) => n + r.n, 0);
    groups.push({ key: 'enterprises', title: '企业', figures: [ent('enterprises.operating', '在营企业', total, {}, '')] });
    const bySector = SECTORS.map((s) => ({ s, n: rows.filter((r) => r.sector === s.code).reduce((a, r) => a + r.n, 0) }))
      .filter((x) => x.n > 0).sort((a, b) => b.n - a.n);
    groups.push({ key: 'sectors', title: '企业（按行业）',
      figures: bySector.map(({ s, n }) => ent(`enterprises.sector.${s.code}`, s.label, n, { sector: s.code }, `；行业=${s.label}`)) });
    const risks = [...RISK_LEVELS.map((r) => ({ code: r.code as string, label: `${r.colour}（${r.label}）` })), { code: 'none', label: '未评级' }];
    groups.push({ key: 'risk', title: '企业（按风险等级）', figures: risks.map((r) =>
      ent(`enterprises.risk.${r.code}`, r.label, rows.filter((x) => x.risk === r.code).reduce((a, x) => a + x.n, 0), { riskLevel: r.code }, `；风险等级=${r.label}`)) });
    return groups;
  });

  if (byOrg) notes.push('按部门查看时，只显示能按部门统计的指标（该部门监管的企业、该部门的执法计划）。');
  if (region && can(ctx.actor, 'enforcement:read')) notes.push('执法计划按部门编制，选定区域时不显示计划完成情况。');
  if (region && can(ctx.actor, 'responsibility:read') && !byOrg) notes.push('责任状按签订单位统计，选定区域时不显示签订情况。');

  if (can(ctx.actor, 'hazard:read') && !byOrg) section(async () => {
    const groups: FigureGroup[] = [];
    const t = await hazardTally(ctx.db, ctx.actor.scope, { regionCode: region }, period.from, period.to, today);
    const hz = (key: string, label: string, value: number, api: Params, web: Params, words: string) =>
      figure({ key, label, value, unit: '处', api: ['/api/hazards', { ...api, regionCode: region }], web: ['/hazards', { ...web, regionCode: region }], query: `隐患台账：${words}${where}` });
    groups.push({ key: 'hazards', title: '隐患排查治理', figures: [
      hz('hazards.open', '未销号隐患', t.open, { open: true }, { view: 'open' }, '未销号'),
      hz('hazards.overdue', '逾期未整改', t.overdue, { overdue: true }, { view: 'overdue' }, `整改期限早于 ${today} 且未整改完成`),
      hz('hazards.majorOpen', '重大隐患未销号', t.major_open, { level: 'major', open: true }, { view: 'major' }, '等级=重大；未销号'),
      hz('hazards.majorSupervised', '挂牌督办重大隐患', t.major_supervised, { level: 'major', open: true, supervised: true }, { view: 'major', supervised: true },
        '等级=重大；未销号；已挂牌督办'),
      hz('hazards.found', `${DASHBOARD_PERIODS.find((x) => x.code === kind)!.label}排查隐患`, t.found, { from: period.from, to: period.to },
        { from: period.from, to: period.to }, `发现日期 ${inPeriod}`),
    ] });
    return groups;
  });

  if (can(ctx.actor, 'enforcement:read')) section(async () => {
    const groups: FigureGroup[] = [];
    const figures: Figure[] = [];
    if (!byOrg) {
      const t = await enforcementTally(ctx.db, ctx.actor.scope, { regionCode: region }, period.from, period.to);
      const f = { from: period.from, to: period.to, regionCode: region };
      figures.push(
        figure({ key: 'enforcement.inspections', label: '完成执法检查', value: t.inspections, unit: '次',
          api: ['/api/enforcement/inspections', { status: 'completed', ...f }], web: ['/enforcement/inspections', { status: 'completed', ...f }],
          query: `执法检查：状态=已完成；检查日期 ${inPeriod}${where}` }),
        figure({ key: 'enforcement.cases', label: '立案查处', value: t.cases, unit: '件',
          api: ['/api/enforcement/cases', f], web: ['/enforcement/cases', f], query: `案件台账：立案申请日期 ${inPeriod}${where}` }),
      );
    }
    if (!region) {
      const t = await planTotals(ctx, { year, orgId: q.orgId });
      const plan = { year, orgId: q.orgId };
      const planned = figure({ key: 'enforcement.planned', label: `${year}年计划检查`, value: t.planned, unit: '次', sumOf: 'planned',
        api: ['/api/enforcement/plans', plan], web: ['/enforcement/plans', plan], query: `执法计划：年度=${year}；计划检查次数之和` });
      const done = figure({ key: 'enforcement.planDone', label: '计划内已完成', value: t.done, unit: '次', sumOf: 'done',
        api: ['/api/enforcement/plans', plan], web: ['/enforcement/plans', plan], query: `执法计划：年度=${year}；计划内已完成检查次数之和` });
      figures.push(planned, done, rate('enforcement.planRate', '计划完成率', done, planned));
    }
    groups.push({ key: 'enforcement', title: '行政执法', figures });
    return groups;
  });

  if (can(ctx.actor, 'monitoring:read') && !byOrg) section(async () => {
    const groups: FigureGroup[] = [];
    const t = await monitoringTotals(ctx, { regionCode: region });
    const r = { regionCode: region };
    const warn = (key: string, label: string, value: number, unit: string, sumOf?: string) => figure({ key, label, value, unit, sumOf,
      api: ['/api/monitoring/warnings', { active: true, ...r }], web: ['/monitoring/warnings', { active: true, ...r }],
      query: `预警信息：生效中${sumOf ? `；${label}之和` : ''}${where}` });
    const recipients = warn('monitoring.warningRecipients', '应叫应人数', t.recipients, '人', 'recipients');
    const confirmed = warn('monitoring.warningConfirmed', '已叫应人数', t.confirmed, '人', 'confirmed');
    groups.push({ key: 'monitoring', title: '监测预警', figures: [
      figure({ key: 'monitoring.openAlarms', label: '未关闭报警', value: t.openAlarms, unit: '条', api: ['/api/monitoring/alarms', { open: true, ...r }],
        web: ['/monitoring/alarms', { ...r }], query: `监测报警：未关闭${where}` }),
      figure({ key: 'monitoring.unacknowledged', label: '待确认报警', value: t.unacknowledged, unit: '条', api: ['/api/monitoring/alarms', { status: 'raised', ...r }],
        web: ['/monitoring/alarms', { view: 'raised', ...r }], query: `监测报警：状态=待确认${where}` }),
      figure({ key: 'monitoring.offlineSensors', label: '离线测点', value: t.offlineSensors, unit: '个', api: ['/api/monitoring/sensors', { state: 'offline', ...r }],
        web: ['/monitoring/points', { state: 'offline', ...r }], query: `监测测点：状态=离线${where}` }),
      warn('monitoring.activeWarnings', '生效预警', t.activeWarnings, '条'),
      recipients, confirmed, rate('monitoring.ackRate', '预警叫应率', confirmed, recipients),
    ] });
    return groups;
  });

  if (can(ctx.actor, 'command:read') && !byOrg) section(async () => {
    const groups: FigureGroup[] = [];
    const n = await openIncidents(ctx, { regionCode: region });
    groups.push({ key: 'command', title: '应急指挥', figures: [
      figure({ key: 'command.openIncidents', label: '在办突发事件', value: n, unit: '起', api: ['/api/command/incidents', { open: true, regionCode: region }],
        web: ['/command/incidents', { open: true, regionCode: region }], query: `突发事件：未结案${where}` }),
    ] });
    return groups;
  });

  if (can(ctx.actor, 'disaster:read') && !byOrg) section(async () => {
    const groups: FigureGroup[] = [];
    const figures: Figure[] = [];
    const todo = await disasterTodo(ctx, { regionCode: region });
    if (todo !== null) {
      figures.push(figure({ key: 'disaster.reportsToReview', label: '待审核灾情报告', value: todo, unit: '份',
        api: ['/api/disaster/reports', { todo: true, regionCode: region }], web: ['/disaster/reports', {}], query: `灾情报告：等待本级审核${where}` }));
    }
    const dues = await disasterDues(ctx, { regionCode: region });
    const watched = { watched: true, regionCode: region };
    const webEvents = { tab: 'events', watched: true, regionCode: region };
    figures.push(
      figure({ key: 'disaster.reportsOverdue', label: '灾情报送逾期未报', value: dues.overdue, unit: '项', sumOf: 'overdue',
        api: ['/api/disaster/events', watched], web: ['/disaster/reports', webEvents], query: `灾害事件：报送时限在办；逾期未报的时限数之和${where}` }),
      figure({ key: 'disaster.reportsDue', label: '灾情报送待报', value: dues.due, unit: '项', sumOf: 'due',
        api: ['/api/disaster/events', watched], web: ['/disaster/reports', webEvents], query: `灾害事件：报送时限在办；尚未到期的时限数之和${where}` }),
    );
    const n = await uninspectedFacilities(ctx, { season: year, regionCode: region });
    figures.push(figure({ key: 'flood.uninspected', label: `${year}年汛前未检查设施`, value: n, unit: '处',
      api: ['/api/flood/facilities', { uninspectedIn: year, regionCode: region }], web: ['/disaster/flood', { tab: 'facilities', uninspectedIn: year }],
      query: `防汛设施：${year}年汛期未列入备汛检查${where}` }));
    groups.push({ key: 'disaster', title: '防灾减灾与防汛', figures });
    return groups;
  });

  if (can(ctx.actor, 'responsibility:read') && !byOrg) section(async () => {
    const groups: FigureGroup[] = [];
    if (!region) {
      const t = await pledgeTotals(ctx, year);
      const all = figure({ key: 'responsibility.pledges', label: `${year}年责任状`, value: t.total, unit: '份', api: ['/api/responsibility/pledges', { year }],
        web: ['/responsibility/pledges', { year }], query: `责任状：年度=${year}` });
      const unsigned = figure({ key: 'responsibility.unsigned', label: '尚未签订', value: t.unsigned, unit: '份',
        api: ['/api/responsibility/pledges', { year, signed: false }], web: ['/responsibility/pledges', { year, signed: false }], query: `责任状：年度=${year}；未签订` });
      groups.push({ key: 'responsibility', title: '责任体系', figures: [unsigned, all] });
    }
    return groups;
  });

  const canHazards = can(ctx.actor, 'hazard:read') && !byOrg;
  const [groups, overdue, duty] = await Promise.all([
    Promise.all(sections).then((g) => g.flat()),
    canHazards ? overdueHazards(ctx.db, ctx.actor.scope, { regionCode: region }, today, 10) : [],
    can(ctx.actor, 'command:read') && !byOrg ? dutyNow(ctx) : null,
  ]);
  return {
    asOf: now.toISOString(), today, period, scope: { label: scopeLabel, regionCode: region ?? null, orgId: q.orgId ?? null }, groups,
    overdueHazards: overdue.map((h) => ({ id: h.id, number: h.number, title: h.title, level: h.level, enterpriseName: h.enterprise_name,
      regionName: h.region_name, deadline: h.deadline, daysOverdue: h.days_overdue, supervised: h.supervised })),
    overdueHazardsTrace: canHazards ? withQuery('/hazards', { view: 'overdue', regionCode: region }) : null,
    duty,
    notes,
  };
}
