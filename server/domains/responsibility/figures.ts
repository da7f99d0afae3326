// The counts the half-year report states in its sections 一 and 二 about the responsibility system, supervision,
// publicity, training and drills (seed-figures.md rows 1–4, 16, 18), for any period, region and unit. Each figure
// is made by the same list function its `trace.api` route calls, with the same filters, so the number a person
// clicks is the list they get (checked by server/testing/figures.ts in the tests).
//
// Periods: letters count by their signing date, campaigns by their start date, tasks by the day they were handed
// over, activities/trainings/drills by the day they were held. The committees are a directory and have no period.
// The units' filed returns (宣传车 500 次 …) are the returns domain's figures and are not repeated here.
import { ACTIVITY_KINDS, DRILL_KINDS, MATERIALS } from '../../../contracts/outreach.js';
import { SIGNER_KINDS } from '../../../contracts/responsibility.js';
import type { Figure } from '../../../contracts/figures.js';
import type { Ctx } from '../../platform/context.js';
import { periodLabel, periodOf } from '../../platform/period.js';
import { listDrills } from '../outreach/drills.store.js';
import { activityTotals, listActivities, listTrainings } from '../outreach/outreach.store.js';
import { listCampaigns } from './campaigns.store.js';
import { listCommittees } from './committees.store.js';
import { listPledges } from './pledges.store.js';
import { today } from './tasks.service.js';
import { listTasks } from './tasks.store.js';

export interface FigureQuery { from: string; to: string; regionCode?: string; orgId?: string }
type Params = Record<string, string | boolean | undefined>;

const qs = (o: Params) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string | true] => e[1] !== undefined && e[1] !== '' && e[1] !== false)
  .map(([k, v]) => [k, String(v)])).toString();
const url = (path: string, o: Params) => { const s = qs(o); return s ? `${path}?${s}` : path; };

/** 安全生产督查 in the report's sense (敲门行动, 打非治违, and comprehensive ones) as against 专项督查. */
export const INSPECTION_KINDS = 'comprehensive,unannounced,illegal';

/** The report's figures of sections 一 and 二 for a period, region and unit, in the caller's scope. */
export async function reportFigures(ctx: Ctx, q: FigureQuery) {
  const p = periodOf(q.from, q.to);
  const v = ctx.actor.scope; const db = ctx.db; const day = today(ctx);
  const where = { regionCode: q.regionCode, orgId: q.orgId };
  const period = { from: q.from, to: q.to, ...where };
  const words = [`${q.from} 至 ${q.to}`, q.regionCode ? `区划 ${q.regionCode}` : '', q.orgId ? '指定单位' : ''].filter(Boolean).join('；');
  const fig = (key: string, label: string, unit: string, value: number, api: string, web: string, query: string, sumOf?: string): Figure =>
    ({ key, label, unit, value, trace: { api, web, query: `${query}；${words}`, ...(sumOf ? { sumOf } : {}) } });

  // ——— 一（一）: committees and letters ———
  const committeeQ = { kind: 'professional_committee', orgId: q.orgId };
  const committees = fig('responsibility.committees', '安全生产专业委员会', '个', (await listCommittees(db, v, committeeQ, day, 1, 1)).total,
    url('/api/responsibility/committees', committeeQ), url('/responsibility/committee', committeeQ), '安委会专业委员会（不分期间）');
  const pledge = async (kind: string | undefined, key: string, label: string) => {
    const f = { kind, ...period };
    return fig(key, label, '份', (await listPledges(db, v, f, 1, 1)).total, url('/api/responsibility/pledges', f), url('/responsibility/pledges', f),
      `安全生产责任状：签订日期在期间内${kind ? `；对象类型=${SIGNER_KINDS.find((k) => k.code === kind)!.label}` : ''}`);
  };
  const letters = [await pledge(undefined, 'responsibility.pledges', '签订安全生产责任状'),
    ...await Promise.all(SIGNER_KINDS.filter((k) => k.code !== 'other').map((k) => pledge(k.code, `responsibility.pledges.${k.code}`, `其中${k.label}`)))];

  // ——— 一（一）: supervision ———
  const campaign = async (kind: string, key: string, label: string, words: string) => {
    const f = { kind, ...period };
    return fig(key, label, '次', (await listCampaigns(db, v, f, day, 1, 1)).total, url('/api/responsibility/campaigns', f),
      url('/responsibility/supervision', { tab: 'campaigns', ...f }), `督查督办：开始日期在期间内；${words}`);
  };
  const task = async (overdue: boolean, key: string, label: string) => {
    const f = { source: 'supervision', overdue, ...period };
    return fig(key, label, '项', (await listTasks(db, v, f, day, 1, 1)).total, url('/api/responsibility/tasks', f),
      url('/responsibility/supervision', { tab: 'tasks', ...f }), `督办事项：交办日期在期间内${overdue ? '；至今逾期未反馈' : ''}`);
  };
  const supervision = [
    await campaign(INSPECTION_KINDS, 'responsibility.inspections', '安全生产督查', '类型=综合督查、明察暗访/敲门行动、打非治违'),
    await campaign('special', 'responsibility.specialInspections', '专项督查', '类型=专项督查'),
    await task(false, 'responsibility.tasks', '交办督办事项'),
    await task(true, 'responsibility.tasksOverdue', '逾期未反馈'),
  ];

  // ——— 一（二）: publicity, training, drills (the platform's own records) ———
  const activity = async (f: Params & { kind?: string; q?: string }, key: string, label: string, words: string) => {
    const g = { ...f, ...period };
    return fig(key, label, '场次', (await listActivities(db, v, g, 1, 1)).total, url('/api/outreach/activities', g),
      url('/responsibility/outreach', { tab: 'activities', ...g }), `宣传教育活动：举办日期在期间内${words}`);
  };
  const outreach = [await activity({}, 'outreach.activities', '宣传教育活动', '')];
  for (const k of ACTIVITY_KINDS.filter((x) => x.code !== 'other')) outreach.push(await activity({ kind: k.code }, `outreach.activities.${k.code}`, k.label, `；类型=${k.label}`));
  outreach.push(await activity({ q: '座谈会' }, 'outreach.activities.forum', '重点企业座谈会', '；名称含“座谈会”'));
  const sums = await activityTotals(db, v, period);
  const materials = MATERIALS.map((m) => fig(`outreach.${m.key}`, `活动${m.label}`, m.unit, sums.reduce((a, r) => a + r[m.key], 0),
    url('/api/outreach/activities', period), url('/responsibility/outreach', { tab: 'activities', ...period }), `宣传教育活动登记的${m.label}数量之和`, m.key));
  const training = async (f: { q?: string }, key: string, label: string, words: string) => {
    const g = { ...f, ...period };
    return fig(key, label, '期', (await listTrainings(db, v, g, 1, 1)).total, url('/api/outreach/trainings', g),
      url('/responsibility/outreach', { tab: 'training', view: 'sessions', ...g }), `培训班：举办日期在期间内${words}`);
  };
  const drill = async (f: { kind?: string; q?: string; withProblems?: boolean }, key: string, label: string, words: string) => {
    const g = { ...f, ...period };
    return fig(key, label, '次', (await listDrills(db, v, g, 1, 1)).total, url('/api/outreach/drills', g),
      url('/responsibility/outreach', { tab: 'drills', ...g }), `应急演练：演练日期在期间内${words}`);
  };
  const educate = [
    await training({}, 'outreach.trainings', '培训班', ''),
    await training({ q: '负责人' }, 'outreach.trainings.principals', '企业负责人培训', '；名称含“负责人”'),
    await drill({}, 'outreach.drills', '应急演练', ''),
    ...await Promise.all(DRILL_KINDS.map((k) => drill({ kind: k.code }, `outreach.drills.${k.code}`, k.label, `；形式=${k.label}`))),
    await drill({ withProblems: true }, 'outreach.drills.withProblems', '发现问题的演练', '；登记了发现的问题'),
  ];

  // ——— 二（四）: flood publicity, training and drills ———
  const flood = [
    await activity({ q: '防汛' }, 'outreach.flood.activities', '防汛宣传', '；名称含“防汛”'),
    await training({ q: '防汛' }, 'outreach.flood.trainings', '防汛培训', '；名称含“防汛”'),
    await drill({ q: '防汛' }, 'outreach.flood.drills', '防汛演练', '；演练、预案或参演单位含“防汛”'),
  ];

  return {
    from: q.from, to: q.to, label: periodLabel(p), regionCode: q.regionCode ?? null, orgId: q.orgId ?? null,
    groups: [
      { key: 'responsibility', title: '一（一）责任体系：专业委员会与安全生产责任状', figures: [committees, ...letters] },
      { key: 'supervision', title: '一（一）督查督办', figures: supervision },
      { key: 'outreach', title: '一（二）宣传教育活动（本平台登记）', figures: outreach },
      { key: 'materials', title: '一（二）活动物料（本平台登记的活动之和，与各单位报表分列）', figures: materials },
      { key: 'training', title: '一（二）培训与应急演练', figures: educate },
      { key: 'flood', title: '二（四）防汛宣传、培训、演练', figures: flood },
    ],
  };
}
