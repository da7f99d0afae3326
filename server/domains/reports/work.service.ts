// The generated work report (工作报告): the bureau's half-year report's structure, sentence by sentence, with every
// figure counted from the records (work.figures.ts) for the chosen period and region in the caller's scope, the road
// accidents compared with the same period last year, and the judgement sentences left as marked places to write.
import type { Segment, ReportFigure, ReportSection, WorkReport, WorkReportQuery } from '../../../contracts/work-report.js';
import { can, type Actor } from '../../platform/auth/actor.js';
import { regionWithin } from '../../platform/auth/scope.js';
import type { Permission } from '../../../contracts/roles.js';
import type { Ctx } from '../../platform/context.js';
import { sql } from '../../platform/db/sql.js';
import { AppError } from '../../platform/http/errors.js';
import { periodLabel, periodOf, samePeriodLastYear } from '../../platform/period.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { workReportDocx } from './work.docx.js';
import { DERIVED, FIGURES, SECTIONS, rootRegion, type Env, type Span } from './work.figures.js';

const t = (text: string): Segment => ({ kind: 'text', text });
const f = (key: string): Segment => ({ kind: 'figure', key });
const blank = (what: string): Segment => ({ kind: 'blank', text: `（待填写：${what}）` });

/** The region the report covers: the one asked for, inside the caller's scope, or the caller's whole scope. */
async function regionOf(ctx: Ctx, asked?: string): Promise<{ code: string; name: string; span?: string }> {
  const scope = ctx.actor.scope;
  const root = await rootRegion(ctx.db);
  const own = scope.kind === 'region' ? scope.regionCode! : undefined;
  const code = asked ?? own ?? root;
  if (own && !regionWithin(code, own)) {
    throw new AppError(403, 'out_of_scope', '只能生成本辖区的工作报告，请选择本辖区或其下级区域', 'region outside the caller\'s scope');
  }
  const r = await ctx.db.maybeOne<{ name: string }>(sql`select name from regions where code = ${code}`);
  if (!r) throw new AppError(400, 'bad_region', `区域代码 ${code} 不存在，请从区域列表中选择`, `unknown region ${code}`);
  // The whole county for the bureau needs no region filter; anything narrower names it.
  return { code, name: r.name, span: code === root && scope.kind === 'all' ? undefined : code };
}

/** The permission of the list a trace names (the list routes' own `config.permission`). */
const LIST_PERMISSIONS: [prefix: string, permission: Permission | null][] = [
  ['/api/orgs', null], ['/api/responsibility/', 'responsibility:read'], ['/api/outreach/', 'responsibility:read'], ['/api/summons', 'responsibility:read'],
  ['/api/returns', 'returns:read'], ['/api/hazards', 'hazard:read'], ['/api/enforcement/', 'enforcement:read'], ['/api/enterprises', 'enterprise:read'],
  ['/api/monitoring/', 'monitoring:read'], ['/api/command/', 'command:read'], ['/api/disaster/', 'disaster:read'], ['/api/flood/', 'disaster:read'],
];
/** Whether the caller may open the list behind a trace: a figure whose list they cannot see is not theirs to read either. */
export function mayOpen(actor: Actor, api: string): boolean {
  const hit = LIST_PERMISSIONS.find(([prefix]) => api.startsWith(prefix));
  if (!hit) return false;
  return hit[1] === null || can(actor, hit[1]);
}

/** Count every figure of the catalogue for a span; the ones the records cannot give, or the caller may not see, are left out (their text becomes a place to write). */
async function countAll(env: Env, s: Span): Promise<Map<string, ReportFigure>> {
  const out = new Map<string, ReportFigure>();
  for (const d of FIGURES) {
    const c = await d.count(env, s);
    if (!c || !mayOpen(env.actor, c.trace.api)) continue;
    out.set(d.key, { key: d.key, label: d.label, unit: d.unit, section: d.section, value: c.value, trace: c.trace, records: c.records ?? c.value });
  }
  for (const d of DERIVED) {
    if (!d.of.every((k) => out.has(k))) continue;
    out.set(d.key, { key: d.key, label: d.label, unit: d.unit, section: d.section, of: d.of, value: d.of.reduce((a, k) => a + out.get(k)!.value, 0) });
  }
  return out;
}

export async function workReport(ctx: Ctx, q: WorkReportQuery): Promise<WorkReport> {
  const period = periodOf(q.from, q.to);
  const region = await regionOf(ctx, q.regionCode);
  const env: Env = { db: ctx.db, actor: ctx.actor, viewer: ctx.actor.scope, today: shanghaiDate(ctx.clock()) };
  const figures = await countAll(env, { from: period.from, to: period.to, regionCode: region.span });

  // 同比 for the figures the report compares (road accidents and deaths: "双下降").
  const last = samePeriodLastYear(period);
  for (const d of FIGURES.filter((x) => x.compare)) {
    const now = figures.get(d.key);
    const before = now && await d.count(env, { from: last.from, to: last.to, regionCode: region.span });
    if (now && before) { now.previous = before.value; now.previousTrace = before.trace; }
  }

  const has = (k: string) => figures.has(k);
  const F = (key: string, what?: string): Segment => (has(key) ? f(key) : blank(what ?? `${FIGURES.find((x) => x.key === key)?.label ?? key}（没有该项记录或无权查看）`));
  const sections: ReportSection[] = SECTIONS.map((s) => ({ key: s.key, title: s.title, paragraphs: [] }));
  const sec = (key: string) => sections.find((s) => s.key === key)!;
  const head = (key: string, text: string) => sec(key).paragraphs.push({ heading: true, segments: [t(text)] });
  const para = (key: string, ...segments: Segment[]) => sec(key).paragraphs.push({ segments });

  // 一
  head('duty', '（一）督监并举提认识');
  para('duty', blank('安委会出台的文件、任务分工及责任落实情况'), t('充分发挥'), F('duty.committees'), t('专业委员会的作用，全面开展检查排查。签订安全生产责任状'),
    F('duty.pledges'), t('，其中园区及市直单位'), F('duty.pledges.park_unit'), t('，各镇'), F('duty.pledges.town'), t('，重点企业'), F('duty.pledges.key_enterprise'), t('。'));
  para('duty', t('开展安全生产督查'), F('duty.supervision.general'), t('（明察暗访、打非治违），专项督查'), F('duty.supervision.special'), t('。'),
    blank('督查发现的主要问题及整改成效'));
  // 二
  head('publicity', '（一）宣传教育培训');
  para('publicity', t('本期开展安全生产专题学习研讨活动'), F('publicity.study'), t('、收看安全生产警示教育片'), F('publicity.films'), t('、集中学习'), F('publicity.learning'),
    t('、组织应急演练'), F('publicity.drills'), t('、出动宣传车'), F('publicity.vans'), t('、张贴标语'), F('publicity.slogans'), t('、手机发送短信'), F('publicity.sms'),
    t('、发放宣传手册'), F('publicity.brochures'), t('。'));
  para('publicity', t('召开企业负责人安全生产培训会'), F('publicity.principalTraining'), t('，专业委员会领域重点企业座谈会'), F('publicity.forum'),
    t('，开展安全生产月宣传咨询日活动'), F('publicity.consultation'), t('。'), blank('宣传教育活动的特色做法与社会反响'));
  // 三
  head('enforcement', '（一）道路交通');
  para('enforcement', t('深入推进戴帽工程，重拳整治“三车”违法问题，查处各类交通违法行为'), F('road.violations'), t('，约谈事故多发乡镇'), F('road.summoned'), t('。'),
    blank('戴帽率提升等整治成效'));
  head('enforcement', '（二）园区');
  para('enforcement', t('对园区开展安全生产隐患大排查，发现安全问题'), F('parks.problems', '园区隐患大排查发现的问题数（本期没有园区大排查专项行动）'), t('，并限期整改。'));
  head('enforcement', '（三）金属冶炼');
  para('enforcement', t('对金属冶炼行业有高温熔融工艺企业责令停产'), F('metal.suspended'), t('。'));
  head('enforcement', '（四）烟花爆竹');
  para('enforcement', t('烟花爆竹打非共排查经营门店'), F('fireworks.shops'), t('，查处非法经营、储存烟花爆竹门店'), F('fireworks.illegal'), t('，非法运输车辆'),
    F('fireworks.vehicles'), t('，收缴鞭炮'), F('fireworks.firecrackers'), t('，烟花'), F('fireworks.fireworks'), t('，行政拘留'), F('fireworks.detained'), t('。'));
  head('enforcement', '（五）危险化学品');
  para('enforcement', t('扎实开展非法违法“小化工”专项整治，关停取缔'), F('hazchem.closed'), t('。'), blank('成品油、管道改线等其他危化品整治工作'));
  head('enforcement', '（六）非煤矿山');
  para('enforcement', t('对矿山企业开展解剖式执法检查'), F('mines.inspected'), t('，共查出一般隐患'), F('mines.general'), t('，重大隐患'), F('mines.major'), t('，立案'),
    F('mines.cases'), t('，下达执法文书'), F('mines.documents'), t('，罚款'), F('mines.fines'), t('，责令停止使用设备'), F('mines.stopUse'), t('。'));
  head('enforcement', '（七）工贸');
  para('enforcement', t('对存在重大安全隐患的钢纤维厂'), F('trade.steelFibre'), t('、鞋楦厂'), F('trade.shoeLast'), t('、特种制泵厂'), F('trade.pump'), t('和林木加工企业'),
    F('trade.wood'), t('责令停业整顿，合计'), F('trade.suspended'), t('。目前已有'), F('trade.diagnosed'), t('企业完成安全设计诊断，其余指导开展安全设计诊断。'));
  head('enforcement', '（八）消防');
  para('enforcement', t('推动重大火灾隐患挂牌督办整改'), F('fire.major'), t('。'), blank('自建房经营场所、新业态等消防安全整治情况'));
  head('enforcement', '（九）燃气');
  para('enforcement', t('关停擅自投入使用的燃气用气单位'), F('gas.closed'), t('。整合液化气站'), F('gas.lpgIntegrated'), t('（整合关闭'), F('gas.lpgClosed'), t('，新建成'),
    F('gas.lpgBuilt'), t('）。'), blank('气瓶追溯、可燃气体报警装置等工作'));
  // 四
  para('hazards', t('本期排查发现隐患'), F('hazards.found'), t('，其中重大隐患'), F('hazards.major'), t('；截至期末已整改销号'), F('hazards.closed'), t('。'),
    blank('隐患治理的主要做法'));
  // 五
  para('monitoring', t('监测预警系统本期产生报警'), F('monitoring.alarms'), t('。'), blank('监测预警工作评价'));
  // 六
  para('emergency', t('本期接报处置突发事件'), F('emergency.incidents'), t('。'), ...roadAccidents(figures, periodLabel(last)));
  // 七
  para('disaster', t('对'), F('relief.units', '救灾资金专项督查的乡镇部门数（本期没有专项督查）'), t('乡镇部门（乡镇'), F('relief.towns', '乡镇数'), t('、部门'),
    F('relief.departments', '部门数'), t('）救灾资金开展专项督查，按'), F('relief.rate', '抽查比例'), t('比例上户与电话抽查。'));
  para('disaster', t('灾害信息员'), F('disaster.informants'), t('纳入长效机制（县级'), F('disaster.informants.county'), t('、镇级'), F('disaster.informants.town'),
    t('、村级'), F('disaster.informants.village'), t('）。'), blank('灾害信息员培训情况'));
  // 八
  para('flood', blank('防汛抗旱准备工作的总体部署'), t('完善修订各类防汛方案预案'), F('flood.plans'), t('，开展宣传活动'), F('flood.publicity'), t('，完成培训'),
    F('flood.training'), t('，开展应急演练'), F('flood.drills'), t('，派出镇级自查组'), F('flood.townBatches'), t('、县级检查组'), F('flood.countyBatches'), t('，排查隐患'),
    F('flood.hazards', '备汛排查隐患数（本期没有备汛检查专项）'), t('，已整改'), F('flood.fixed', '已整改数'), t('。'));
  para('flood', t('组织'), F('flood.teamPeople'), t('组成'), F('flood.teams'), t('备汛工作检查组，现场检查水库'), F('flood.inspected.reservoir'), t('、万亩垸'),
    F('flood.inspected.polder'), t('、水闸'), F('flood.inspected.sluice'), t('、山洪点'), F('flood.inspected.torrent_point'), t('、水电站'), F('flood.inspected.hydropower'),
    t('、堤防'), F('flood.inspected.dike'), t('。'), blank('检查发现问题的整改督办情况'));
  sections.push({ key: 'next', title: '九、下步工作目标及打算', paragraphs: [{ segments: [blank('下步工作目标及打算')] }] });

  const label = periodLabel(period);
  return {
    period, label, lastYear: { from: last.from, to: last.to, label: periodLabel(last) }, regionCode: region.code, regionName: region.name,
    title: `${region.name}${label}应急管理工作情况报告`, sections, figures: [...figures.values()], generatedAt: ctx.clock().toISOString(),
  };
}

/** The report as a Word file, issued in the name of the county's bureau. */
export async function workReportFile(ctx: Ctx, q: WorkReportQuery): Promise<{ title: string; file: Buffer }> {
  const r = await workReport(ctx, q);
  const root = await ctx.db.maybeOne<{ name: string }>(sql`select name from regions where code = ${await rootRegion(ctx.db)}`);
  return { title: r.title, file: await workReportDocx(r, `${root?.name ?? ''}应急管理局`) };
}

/** The road-accident sentence: this period against the same period last year; "双下降" only when both fell. */
function roadAccidents(figures: Map<string, ReportFigure>, lastLabel: string): Segment[] {
  const a = figures.get('road.accidents');
  const d = figures.get('road.deaths');
  if (!a || !d) return [blank('道路交通事故情况（没有道路交通亡人事故月报）')];
  const out: Segment[] = [t('道路交通亡人事故'), f(a.key), t(`（${lastLabel}${a.previous ?? '—'}起）、死亡`), f(d.key), t(`（${lastLabel}${d.previous ?? '—'}人）`)];
  if (a.previous === undefined || d.previous === undefined) return [...out, t('。')];
  const fell = a.value < a.previous && d.value < d.previous;
  const word = (now: number, before: number) => (now < before ? '下降' : now > before ? '上升' : '持平');
  return [...out, t(fell ? '，实现事故起数和死亡人数“双下降”。' : `，同比事故起数${word(a.value, a.previous)}、死亡人数${word(d.value, d.previous)}。`)];
}
