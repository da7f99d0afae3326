// The catalogue of the work report's figures (工作报告指标), grouped by the report's sections. Each figure is counted
// by the very list function its trace names, with the same filters (asked for one row and read its `total`, or paged
// through for a sum), so the number in the report is by construction what a person sees on clicking it; the trace
// tests (server/testing/figures.ts) check the URL and the count agree. Like the dashboard (server/domains/dashboard/
// sources.ts), this reads several domains' list functions directly, deliberately: one place, one count each. The
// returns' totals come through the returns directory (sumField).
import { coveredRegion } from '../system/regions.service.js';
import type { FigureTrace } from '../../../contracts/figures.js';
import type { DataScope } from '../../platform/auth/actor.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { listIncidents } from '../command/incidents/incidents.store.js';
import { listInformants } from '../disaster/informants/informants.store.js';
import { listAllocations, listAudits } from '../disaster/relief/relief.store.js';
import { listCases } from '../enforcement/cases/cases.store.js';
import { listMeasures, listTransfers } from '../enforcement/cases/measures.store.js';
import { listDocuments } from '../enforcement/documents/documents.store.js';
import { listInspections } from '../enforcement/inspections/inspections.store.js';
import { listEnterprises, orderBy } from '../enterprises/enterprises.store.js';
import { listBatches, listFacilities, listPlans as listFloodPlans, listTeamPage } from '../flood/flood.store.js';
import { listHazards } from '../hazards/hazards.store.js';
import { listAlarms } from '../monitoring/alarms/alarms.store.js';
import { listDrills } from '../outreach/drills.store.js';
import { listActivities, listTrainings } from '../outreach/outreach.store.js';
import { listCampaigns } from '../responsibility/campaigns.store.js';
import { listPledges } from '../responsibility/pledges.store.js';
import { sumField } from '../returns/directory.js';
import { listSummons } from '../summons/summons.store.js';
import { listOrgs } from '../system/orgs.store.js';

/** Where and when: inclusive days; `regionCode` undefined = the caller's whole scope (the county for the bureau). */
export interface Span { from: string; to: string; regionCode?: string }
export interface Env { db: Queryable; actor: Actor; viewer: DataScope; today: string }

/** One figure of the catalogue, before it is counted. */
export interface FigureDef {
  key: string;
  section: string;
  label: string;
  unit: string;
  /** The figure's value and trace for a span; null when the records have nothing to say (e.g. no such campaign in the period). */
  count(env: Env, s: Span): Promise<Counted | null>;
  /** A figure compared with the same period last year (同比). */
  compare?: boolean;
}
/** A counted figure: its value, its list, and how many records that list holds (the value itself unless it is a sum). */
export interface Counted { value: number; trace: FigureTrace; records?: number }
/** A figure derived from others (a sum of parts), with no list of its own. */
export interface DerivedDef { key: string; section: string; label: string; unit: string; of: string[] }

const ALL = 200;

/** `?a=1&b=2` from the defined params, in the given order. */
export function qs(params: Record<string, string | number | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The period in words, for the trace's query text. */
const during = (s: Span, what = '日期') => `${what} ${s.from} 至 ${s.to}`;
const where = (s: Span) => (s.regionCode ? `；区域 ${s.regionCode}（含下级）` : '');

function trace(api: string, web: string, params: Record<string, string | number | boolean | undefined>, query: string, sumOf?: string,
  webParams?: Record<string, string | number | boolean | undefined>): FigureTrace {
  return { api: `${api}${qs(params)}`, web: `${web}${qs(webParams ?? params)}`, query, ...(sumOf ? { sumOf } : {}) };
}

/** The flood page shows one season (year): a link keeps the period's year when the period lies in one. */
const seasonOf = (s: { from: string; to: string }) => (s.from.slice(0, 4) === s.to.slice(0, 4) ? { season: s.from.slice(0, 4) } : {});

/** Sum of a value over every row of a paged list function. */
async function sumPages<R>(page: (n: number) => Promise<{ items: R[]; total: number }>, pick: (r: R) => number): Promise<{ value: number; records: number }> {
  let sum = 0;
  for (let n = 1; ; n++) {
    const { items, total } = await page(n);
    for (const r of items) sum += pick(r);
    if (n * ALL >= total) return { value: Math.round(sum * 1e6) / 1e6, records: total };
  }
}

// ——— builders for the lists used more than once ———

type MeasureF = { kind: string; sector?: string; subtype?: string };
const measures = (key: string, section: string, label: string, unit: string, m: MeasureF, words: string): FigureDef => ({
  key, section, label, unit,
  async count(env, s) {
    const f = { ...m, from: s.from, to: s.to, regionCode: s.regionCode };
    const { total } = await listMeasures(env.db, env.viewer, f, 1, 1);
    return { value: total, trace: trace('/api/enforcement/measures', '/enforcement/measures', f, `强制措施台账：${words}；${during(s, '决定日期')}${where(s)}`) };
  },
});

/** Sum of an item's quantity (鞭炮, 烟花 …) over the seizures (扣押) of a sector. */
const seized = (key: string, label: string, unit: string, sector: string, item: string): FigureDef => ({
  key, section: 'enforcement', label, unit,
  async count(env, s) {
    const f = { kind: 'seize', sector, from: s.from, to: s.to, regionCode: s.regionCode };
    const { value, records } = await sumPages((n) => listMeasures(env.db, env.viewer, f, n, ALL),
      (r) => ((typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as { name: string; quantity: number }[])
        .filter((x) => x.name === item).reduce((a, x) => a + Number(x.quantity), 0));
    return { value, records, trace: trace('/api/enforcement/measures', '/enforcement/measures', f,
      `强制措施台账：扣押，行业=${sector}，合计物品“${item}”数量；${during(s, '决定日期')}${where(s)}`, `items[name=${item}].quantity`) };
  },
});

type HazardF = { sector?: string; level?: string; supervised?: boolean; campaignId?: string; closedTo?: string };
const hazards = (key: string, section: string, label: string, h: HazardF, words: string): FigureDef => ({
  key, section, label, unit: '处',
  async count(env, s) {
    const f = { ...h, from: s.from, to: s.to, regionCode: s.regionCode };
    const { total } = await listHazards(env.db, env.viewer, f, env.today, 1, 0);
    return { value: total, trace: trace('/api/hazards', '/hazards', f, `隐患台账：${words}；${during(s, '发现日期')}${where(s)}`) };
  },
});

/** Hazards of the 隐患 campaigns (专项行动) of a kind that ran in the period (the first one, by start). */
const campaignHazards = (key: string, section: string, label: string, campaignKind: string, extra: (s: Span) => HazardF, words: string): FigureDef => ({
  key, section, label, unit: '处',
  async count(env, s) {
    const c = await env.db.maybeOne<{ id: string; name: string }>(sql`select id, name from campaigns where kind = ${campaignKind}
      and period_from <= ${s.to}::date and period_to >= ${s.from}::date order by period_from, name limit 1`);
    if (!c) return null;
    const f = { campaignId: c.id, ...extra(s), from: s.from, to: s.to, regionCode: s.regionCode };
    const { total } = await listHazards(env.db, env.viewer, f, env.today, 1, 0);
    return { value: total, trace: trace('/api/hazards', '/hazards', f, `隐患台账：专项行动=${c.name}${words}；${during(s, '发现日期')}${where(s)}`) };
  },
});

/** The accepted total of a return form's field over the form's periods inside the span (报表填报, returns directory). */
const returned = (key: string, section: string, label: string, unit: string, form: string, field: string, formName: string, shift = 0): FigureDef => ({
  key, section, label, unit, compare: shift === 0 && form === 'JJ-SG',
  async count(env, s) {
    const kind = await env.db.maybeOne<{ period_kind: string }>(sql`select period_kind from return_forms where code = ${form}`);
    if (!kind) return null;
    const periods = returnPeriods(kind.period_kind, s.from, s.to);
    const t = await sumField(env.db, form, field, periods, s.regionCode ?? '', env.viewer);
    // An empty id list would mean "no filter": name a nil id instead, so that the list is empty as the figure is 0.
    const ids = t.returnIds.length ? t.returnIds.join(',') : '00000000-0000-0000-0000-000000000000';
    return { value: t.total, records: t.returnIds.length, trace: { api: `/api/returns?ids=${ids}`, web: `/returns/filings?ids=${ids}`, sumOf: `acceptedValues.${field}`,
      query: `报表填报：${formName}（${form}）已受理的“${t.label ?? field}”合计；期别 ${periods.join('、') || '无'}${where(s)}` } };
  },
});

/** The period keys of a return form's kind that lie inside a span of days (months, quarters, halves, years). */
export function returnPeriods(kind: string, from: string, to: string): string[] {
  const out: string[] = [];
  const len = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 }[kind];
  if (!len) return out;
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (let m = 1; m <= 12; m += len) {
      const start = `${y}-${String(m).padStart(2, '0')}-01`;
      const endMonth = m + len - 1;
      const end = `${y}-${String(endMonth).padStart(2, '0')}-${new Date(Date.UTC(y, endMonth, 0)).getUTCDate()}`;
      if (start < from || end > to) continue;
      const i = (m - 1) / len + 1;
      out.push(kind === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : kind === 'quarterly' ? `${y}-Q${i}` : kind === 'half_yearly' ? `${y}-H${i}` : `${y}`);
    }
  }
  return out;
}

const TRADE = [['钢纤维', 'steelFibre'], ['鞋楦', 'shoeLast'], ['特种制泵', 'pump'], ['林木加工', 'wood']] as const;
const FACILITIES = [['reservoir', '水库', '座'], ['polder', '万亩垸', '个'], ['sluice', '水闸', '座'], ['torrent_point', '山洪点', '个'], ['hydropower', '水电站', '座'], ['dike', '堤防', '处']] as const;

export const SECTIONS = [
  { key: 'duty', title: '一、强化职责，突出主业抓安全生产' },
  { key: 'publicity', title: '二、创新宣教，营造安全生产氛围' },
  { key: 'enforcement', title: '三、加大监管执法力度（分行业领域）' },
  { key: 'hazards', title: '四、隐患排查治理' },
  { key: 'monitoring', title: '五、监测预警' },
  { key: 'emergency', title: '六、应急处置' },
  { key: 'disaster', title: '七、防灾减灾救灾' },
  { key: 'flood', title: '八、防汛工作' },
] as const;

export const FIGURES: FigureDef[] = [
  // ——— 一 责任体系 ———
  { key: 'duty.committees', section: 'duty', label: '安委会专业委员会', unit: '个',
    async count(env, s) {
      // Committees belong to the place they sit in (the county): a town's report has none of its own.
      const f = { kind: 'professional_committee', regionCode: s.regionCode ?? (await rootRegion(env.db)) };
      const { total } = await listOrgs(env.db, f, 1, 1);
      return { value: total, trace: trace('/api/orgs', '/responsibility/committee', f, `组织机构：类型=专业委员会，所在区域=${f.regionCode}`, undefined, { kind: 'professional_committee' }) };
    } },
  ...([['duty.pledges', '签订安全生产责任状', undefined], ['duty.pledges.park_unit', '责任状：园区及市直单位', 'park_unit'], ['duty.pledges.town', '责任状：各镇', 'town'],
    ['duty.pledges.key_enterprise', '责任状：重点企业', 'key_enterprise']] as const).map(([key, label, kind]): FigureDef => ({
    key, section: 'duty', label, unit: '份',
    async count(env, s) {
      const f = { signerKind: kind, signed: true, from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listPledges(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/responsibility/pledges', '/responsibility/pledges', f,
        `安全生产责任状：已签订${kind ? `，签订方类型=${kind}` : ''}；${during(s, '签订日期')}${where(s)}`) };
    },
  })),
  ...([['duty.supervision.general', '安全生产督查（明察暗访、打非治违）', 'unannounced,illegal'], ['duty.supervision.special', '专项督查', 'special']] as const).map(([key, label, kind]): FigureDef => ({
    key, section: 'duty', label, unit: '次',
    async count(env, s) {
      const f = { kind, from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listCampaigns(env.db, env.viewer, f, env.today, 1, 1);
      return { value: total, trace: trace('/api/responsibility/campaigns', '/responsibility/supervision', f, `督查督办活动：类型=${kind}；${during(s, '开始日期')}${where(s)}`) };
    },
  })),

  // ——— 二 宣传教育 ———
  returned('publicity.study', 'publicity', '专题学习研讨', '场次', 'XC-CL', 'study', '安全生产宣传教育情况半年报'),
  returned('publicity.films', 'publicity', '收看警示教育片', '场次', 'XC-CL', 'films', '安全生产宣传教育情况半年报'),
  returned('publicity.learning', 'publicity', '集中学习', '场次', 'XC-CL', 'learning', '安全生产宣传教育情况半年报'),
  returned('publicity.drills', 'publicity', '组织应急演练', '次', 'XC-CL', 'drills', '安全生产宣传教育情况半年报'),
  returned('publicity.vans', 'publicity', '出动宣传车', '次', 'XC-CL', 'vans', '安全生产宣传教育情况半年报'),
  returned('publicity.slogans', 'publicity', '张贴标语', '份', 'XC-CL', 'slogans', '安全生产宣传教育情况半年报'),
  returned('publicity.sms', 'publicity', '手机发送安全提示短信', '条', 'GX-DX', 'total', '安全提示短信发送情况半年报'),
  returned('publicity.brochures', 'publicity', '发放宣传手册', '本', 'XC-CL', 'brochures', '安全生产宣传教育情况半年报'),
  { key: 'publicity.principalTraining', section: 'publicity', label: '企业负责人安全生产培训会', unit: '场',
    async count(env, s) {
      const f = { q: '企业负责人', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listTrainings(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/trainings', '/responsibility/outreach', f, `培训班：名称含“企业负责人”；${during(s, '举办日期')}${where(s)}`,
        undefined, { tab: 'training', ...f }) };
    } },
  { key: 'publicity.forum', section: 'publicity', label: '专业委员会领域重点企业座谈会', unit: '场',
    async count(env, s) {
      const f = { q: '座谈会', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listActivities(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/activities', '/responsibility/outreach', f, `宣传教育活动：名称含“座谈会”；${during(s, '举办日期')}${where(s)}`,
        undefined, { tab: 'activities', ...f }) };
    } },
  { key: 'publicity.consultation', section: 'publicity', label: '安全生产月宣传咨询日', unit: '场',
    async count(env, s) {
      const f = { kind: 'consultation', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listActivities(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/activities', '/responsibility/outreach', f, `宣传教育活动：类型=宣传咨询日；${during(s, '举办日期')}${where(s)}`,
        undefined, { tab: 'activities', ...f }) };
    } },

  // ——— 三 执法，分行业 ———
  returned('road.violations', 'enforcement', '查处各类交通违法行为', '起', 'JJ-WF', 'total', '道路交通违法行为查处情况月报'),
  { key: 'road.summoned', section: 'enforcement', label: '约谈事故多发乡镇', unit: '个',
    async count(env, s) {
      const f = { targetKind: 'town', reason: 'accidents', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listSummons(env.db, env.viewer, f, env.today, 1, 1);
      return { value: total, trace: trace('/api/summons', '/responsibility/summons', f, `约谈记录：对象=乡镇，原因=事故多发；${during(s, '约谈日期')}${where(s)}`) };
    } },
  campaignHazards('parks.problems', 'enforcement', '园区安全生产隐患大排查发现安全问题', 'big_check', () => ({}), ''),
  measures('metal.suspended', 'enforcement', '金属冶炼高温熔融工艺企业停产', '家', { kind: 'suspend_business', subtype: '金属冶炼' }, '停产停业整顿，细分类型=金属冶炼'),
  { key: 'fireworks.shops', section: 'enforcement', label: '烟花爆竹打非排查经营门店', unit: '家',
    async count(env, s) {
      const f = { sector: 'fireworks', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listInspections(env.db, env.viewer, f, 1, 0);
      return { value: total, trace: trace('/api/enforcement/inspections', '/enforcement/inspections', f, `执法检查记录：行业=烟花爆竹；${during(s, '检查日期')}${where(s)}`) };
    } },
  measures('fireworks.illegal', 'enforcement', '查处非法经营、储存烟花爆竹门店', '家', { kind: 'seize', sector: 'fireworks' }, '扣押，行业=烟花爆竹'),
  seized('fireworks.vehicles', '查处非法运输车辆', '台次', 'fireworks', '非法运输车辆'),
  seized('fireworks.firecrackers', '收缴鞭炮', '挂', 'fireworks', '鞭炮'),
  seized('fireworks.fireworks', '收缴烟花', '件', 'fireworks', '烟花'),
  { key: 'fireworks.detained', section: 'enforcement', label: '行政拘留（行刑衔接）', unit: '人',
    async count(env, s) {
      const f = { from: s.from, to: s.to, regionCode: s.regionCode };
      const { value, records } = await sumPages((n) => listTransfers(env.db, env.viewer, f, n, ALL), (r) => Number(r.persons_detained ?? 0));
      return { value, records, trace: trace('/api/enforcement/transfers', '/enforcement/transfers', f, `行刑衔接移送台账：合计行政拘留人数；${during(s, '移送日期')}${where(s)}`, 'personsDetained') };
    } },
  measures('hazchem.closed', 'enforcement', '关停取缔非法违法“小化工”', '家', { kind: 'closure', sector: 'hazchem' }, '关闭，行业=危险化学品'),
  { key: 'mines.inspected', section: 'enforcement', label: '非煤矿山解剖式执法检查', unit: '家次',
    async count(env, s) {
      const f = { sector: 'non_coal_mine', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listInspections(env.db, env.viewer, f, 1, 0);
      return { value: total, trace: trace('/api/enforcement/inspections', '/enforcement/inspections', f, `执法检查记录：行业=非煤矿山；${during(s, '检查日期')}${where(s)}`) };
    } },
  hazards('mines.general', 'enforcement', '非煤矿山查出一般隐患', { sector: 'non_coal_mine', level: 'general' }, '行业=非煤矿山，一般隐患'),
  hazards('mines.major', 'enforcement', '非煤矿山查出重大隐患', { sector: 'non_coal_mine', level: 'major' }, '行业=非煤矿山，重大隐患'),
  { key: 'mines.cases', section: 'enforcement', label: '非煤矿山立案', unit: '起',
    async count(env, s) {
      const f = { sector: 'non_coal_mine', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listCases(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/enforcement/cases', '/enforcement/cases', f, `案件台账：行业=非煤矿山；${during(s, '立案申请日期')}${where(s)}`) };
    } },
  { key: 'mines.documents', section: 'enforcement', label: '非煤矿山下达执法文书', unit: '份',
    async count(env, s) {
      const f = { sector: 'non_coal_mine', numbered: true, from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listDocuments(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/enforcement/documents', '/enforcement/documents', f, `执法文书台账：行业=非煤矿山，有文号（不含送达回证）；${during(s, '制发日期')}${where(s)}`) };
    } },
  { key: 'mines.fines', section: 'enforcement', label: '非煤矿山罚款', unit: '元',
    async count(env, s) {
      const f = { sector: 'non_coal_mine', from: s.from, to: s.to, regionCode: s.regionCode };
      const { value, records } = await sumPages((n) => listCases(env.db, env.viewer, f, n, ALL), (r) => Number(r.fine ?? 0));
      return { value, records, trace: trace('/api/enforcement/cases', '/enforcement/cases', f, `案件台账：行业=非煤矿山，合计罚款金额；${during(s, '立案申请日期')}${where(s)}`, 'fine') };
    } },
  measures('mines.stopUse', 'enforcement', '非煤矿山责令停止使用设备', '次', { kind: 'stop_use', sector: 'non_coal_mine' }, '停止使用，行业=非煤矿山'),
  ...TRADE.map(([subtype, k]) => measures(`trade.${k}`, 'enforcement', `${subtype}企业责令停业整顿`, '家', { kind: 'suspend_business', subtype }, `停产停业整顿，细分类型=${subtype}`)),
  { key: 'trade.diagnosed', section: 'enforcement', label: '停业整顿企业完成安全设计诊断', unit: '家',
    async count(env, s) {
      const f = { kind: 'review_opinion', sector: 'industry_trade', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listDocuments(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/enforcement/documents', '/enforcement/documents', f, `执法文书台账：整改复查意见书，行业=工贸；${during(s, '制发日期')}${where(s)}`) };
    } },
  hazards('fire.major', 'enforcement', '重大火灾隐患（挂牌督办）', { sector: 'fire_key', level: 'major', supervised: true }, '行业=消防重点单位，重大隐患，挂牌督办'),
  measures('gas.closed', 'enforcement', '关停擅自投入使用的燃气用气单位', '家', { kind: 'closure', sector: 'gas' }, '关闭，行业=燃气'),
  { key: 'gas.lpgClosed', section: 'enforcement', label: '液化气站整合关闭', unit: '家',
    async count(env, s) {
      const f = { subtype: '液化气站', statusChange: 'closed' as const, changedFrom: s.from, changedTo: s.to, regionCode: s.regionCode };
      const { total } = await listEnterprises(env.db, env.viewer, f, orderBy(), env.today, 1, 1);
      return { value: total, trace: trace('/api/enterprises', '/enterprises', f, `企业档案：细分类型=液化气站，状态变为“关闭”；${during(s, '生效日期')}${where(s)}`) };
    } },
  { key: 'gas.lpgBuilt', section: 'enforcement', label: '新建成液化气站', unit: '座',
    async count(env, s) {
      const f = { subtype: '液化气站', establishedFrom: s.from, establishedTo: s.to, regionCode: s.regionCode };
      const { total } = await listEnterprises(env.db, env.viewer, f, orderBy(), env.today, 1, 1);
      return { value: total, trace: trace('/api/enterprises', '/enterprises', f, `企业档案：细分类型=液化气站；${during(s, '成立日期')}${where(s)}`) };
    } },

  // ——— 四 隐患 ———
  hazards('hazards.found', 'hazards', '排查发现隐患', {}, '全部'),
  hazards('hazards.major', 'hazards', '其中重大隐患', { level: 'major' }, '重大隐患'),
  { key: 'hazards.closed', section: 'hazards', label: '已整改销号', unit: '处',
    count: (env, s) => hazards('hazards.closed', 'hazards', '已整改销号', { closedTo: s.to }, `截至 ${s.to} 已整改销号`).count(env, s) },

  // ——— 五 监测预警 ———
  { key: 'monitoring.alarms', section: 'monitoring', label: '监测报警', unit: '次',
    async count(env, s) {
      const f = { from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listAlarms(env.db, env.viewer, f, 1, 1);
      // The page opens on the alarms still open: 全部 shows every alarm raised in the period, as counted.
      return { value: total, trace: trace('/api/monitoring/alarms', '/monitoring/alarms', f, `报警列表：${during(s, '报警日期')}${where(s)}`, undefined, { view: 'all', ...f }) };
    } },

  // ——— 六 应急处置 ———
  { key: 'emergency.incidents', section: 'emergency', label: '接报处置突发事件', unit: '起',
    async count(env, s) {
      const f = { from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listIncidents(env.db, env.actor, f, 1, 1);
      return { value: total, trace: trace('/api/command/incidents', '/command/incidents', f, `突发事件：${during(s, '接报日期')}${where(s)}`) };
    } },
  returned('road.accidents', 'emergency', '道路交通亡人事故', '起', 'JJ-SG', 'accidents', '道路交通亡人事故月报'),
  returned('road.deaths', 'emergency', '道路交通事故死亡', '人', 'JJ-SG', 'deaths', '道路交通亡人事故月报'),

  // ——— 七 防灾减灾 ———
  ...([['disaster.informants', '灾害信息员', undefined], ['disaster.informants.county', '县级灾害信息员', 'county'], ['disaster.informants.town', '镇级灾害信息员', 'town'],
    ['disaster.informants.village', '村级灾害信息员', 'village']] as const).map(([key, label, level]): FigureDef => ({
    key, section: 'disaster', label, unit: '名',
    async count(env, s) {
      const f = { level, regionCode: s.regionCode };
      const { total } = await listInformants(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/disaster/informants', '/disaster/informants', f, `灾害信息员名册：在岗${level ? `，层级=${level}` : ''}${where(s)}（名册，不按期间）`) };
    },
  })),
  ...([['relief.units', '救灾资金专项督查乡镇部门', undefined], ['relief.towns', '其中乡镇', 'town'], ['relief.departments', '其中部门', 'department']] as const).map(([key, label, recipientKind]): FigureDef => ({
    key, section: 'disaster', label, unit: '个',
    async count(env, s) {
      const audit = await firstAudit(env, s);
      if (!audit) return null;
      const f = { parentId: audit.allocation_id, recipientKind };
      const { total } = await listAllocations(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/disaster/relief/allocations', '/disaster/relief', f, `救灾资金分配：督查“${audit.name}”所查资金的下拨对象${recipientKind ? `，对象=${recipientKind}` : ''}`) };
    },
  })),
  { key: 'relief.rate', section: 'disaster', label: '上户与电话抽查比例', unit: '%',
    async count(env, s) {
      const f = { from: s.from, to: s.to };
      const { items, total } = await listAudits(env.db, env.viewer, 1, 2, f);
      if (total !== 1) return null; // a rate is one audit's; several audits are read one by one on their page
      return { value: Number(items[0].rate_percent), records: 1, trace: trace('/api/disaster/relief/audits', '/disaster/relief', f, `救灾资金专项督查：抽查比例；${during(s, '抽取日期')}`, 'ratePercent') };
    } },

  // ——— 八 防汛 ———
  { key: 'flood.plans', section: 'flood', label: '完善修订防汛方案预案', unit: '件',
    async count(env, s) {
      const f = { revisedFrom: s.from, revisedTo: s.to, regionCode: s.regionCode };
      const { total } = await listFloodPlans(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/flood/plans', '/disaster/flood', f, `防汛方案预案：${during(s, '修订日期')}${where(s)}`, undefined, { tab: 'plans', ...f }) };
    } },
  { key: 'flood.publicity', section: 'flood', label: '防汛宣传活动', unit: '场次',
    async count(env, s) {
      const f = { q: '防汛', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listActivities(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/activities', '/responsibility/outreach', f, `宣传教育活动：含“防汛”；${during(s, '举办日期')}${where(s)}`,
        undefined, { tab: 'activities', ...f }) };
    } },
  { key: 'flood.training', section: 'flood', label: '防汛培训', unit: '场次',
    async count(env, s) {
      const f = { q: '防汛', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listTrainings(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/trainings', '/responsibility/outreach', f, `培训班：含“防汛”；${during(s, '举办日期')}${where(s)}`,
        undefined, { tab: 'training', ...f }) };
    } },
  { key: 'flood.drills', section: 'flood', label: '防汛应急演练', unit: '场次',
    async count(env, s) {
      const f = { q: '防汛', from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listDrills(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/outreach/drills', '/responsibility/outreach', f, `应急演练：含“防汛”；${during(s, '演练日期')}${where(s)}`,
        undefined, { tab: 'drills', ...f }) };
    } },
  ...([['flood.townBatches', '镇级自查组', 'town'], ['flood.countyBatches', '县级检查组', 'county']] as const).map(([key, label, level]): FigureDef => ({
    key, section: 'flood', label, unit: '批次',
    async count(env, s) {
      const f = { level, from: s.from, to: s.to, regionCode: s.regionCode };
      const { total } = await listBatches(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/flood/batches', '/disaster/flood', f, `备汛检查批次：层级=${level}；${during(s, '检查日期')}${where(s)}`, undefined, { tab: 'inspections', ...seasonOf(s), ...f }) };
    },
  })),
  campaignHazards('flood.hazards', 'flood', '备汛检查排查隐患', 'seasonal', () => ({}), ''),
  campaignHazards('flood.fixed', 'flood', '备汛隐患已整改', 'seasonal', (s) => ({ closedTo: s.to }), '，已整改销号'),
  ...([['flood.teams', '备汛检查组', '个', undefined], ['flood.teamPeople', '备汛检查组人员', '人', 'people']] as const).map(([key, label, unit, sumOf]): FigureDef => ({
    key, section: 'flood', label, unit,
    async count(env, s) {
      const f = { level: 'county', inspectedFrom: s.from, inspectedTo: s.to };
      const page = (n: number) => listTeamPage(env.db, env.viewer, f, n, ALL);
      const { value, records } = sumOf ? await sumPages(page, (r) => r.people) : await page(1).then((p) => ({ value: p.total, records: p.total }));
      return { value, records, trace: trace('/api/flood/team-list', '/disaster/flood', f, `备汛检查组：县级，${during(s, '有检查批次的日期')}${sumOf ? '；合计组长和组员人数' : ''}`, sumOf,
        { tab: 'inspections', ...seasonOf(s) }) };
    },
  })),
  ...FACILITIES.map(([kind, label, unit]): FigureDef => ({
    key: `flood.inspected.${kind}`, section: 'flood', label: `现场检查${label}`, unit,
    async count(env, s) {
      const f = { kind, inspectedFrom: s.from, inspectedTo: s.to, regionCode: s.regionCode };
      const { total } = await listFacilities(env.db, env.viewer, f, 1, 1);
      return { value: total, trace: trace('/api/flood/facilities', '/disaster/flood', f, `防汛设施：类型=${label}，${during(s, '检查日期')}内有检查批次${where(s)}`, undefined, { tab: 'facilities', ...f }) };
    },
  })),
];

export const DERIVED: DerivedDef[] = [
  { key: 'trade.suspended', section: 'enforcement', label: '工贸企业责令停业整顿', unit: '家', of: TRADE.map(([, k]) => `trade.${k}`) },
  { key: 'gas.lpgIntegrated', section: 'enforcement', label: '整合液化气站', unit: '家', of: ['gas.lpgClosed', 'gas.lpgBuilt'] },
];

/** The region a whole-scope report covers: the deployment's (a county's, or a province's — not its first county). */
export const rootRegion = async (db: Queryable): Promise<string> => (await coveredRegion(db)) ?? '000000000000';

/** The first relief audit drawn in the period, within the viewer's scope. */
async function firstAudit(env: Env, s: Span) {
  const { items } = await listAudits(env.db, env.viewer, 1, 1, { from: s.from, to: s.to });
  return items[0] as { allocation_id: string; name: string } | undefined;
}
