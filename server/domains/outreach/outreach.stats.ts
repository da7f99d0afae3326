// The counts the half-year report states in its sections 一 and 二 about publicity, training and drills, for any
// period and region, each with a link to the records behind it.
//
// Two sources, never added together (no double counting): the towns' and departments' filed returns (宣传教育情况
// 半年报 XC-CL, 短信半年报 GX-DX in the returns domain) are what each unit reports of ALL its publicity work, the joint
// activities recorded here included, so the report's totals (宣传车 500 次, 标语 2140 份, 手册 19,600 本, 短信 103,560
// 条, 警示教育片 56 场次 …) are the returns' figures. The activities recorded here are the bureau's and the towns'
// own detailed records (place, photos, participants, materials); their sums are shown beside the returns, labelled as
// such, as the part the platform can show activity by activity. Drills are counted from the plans' drill records.
import { ACTIVITY_KINDS, DRILL_KINDS, MATERIALS, POSTS, type Figure, type OutreachStats, type StatsQuery } from '../../../contracts/outreach.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/http/errors.js';
import { sumField } from '../returns/directory.js';
import { drillTotals } from './drills.store.js';
import { CERT_WARN_DAYS, today } from './outreach.service.js';
import { activityTotals, trainingTotals } from './outreach.store.js';

const BASE = '/responsibility/outreach';
const qs = (o: Record<string, string | undefined>) => new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => !!e[1])).toString();

/** The half-year periods (2022-H1) that overlap a date range: the returns are filed per half-year. */
export function halvesOverlapping(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of [1, 2]) {
      const start = `${y}-${h === 1 ? '01-01' : '07-01'}`; const end = `${y}-${h === 1 ? '06-30' : '12-31'}`;
      if (start <= to && end >= from) out.push(`${y}-H${h}`);
    }
  }
  return out;
}

/** The returns' fields that the report's publicity figures come from. */
const RETURN_FIGURES: [form: string, field: string, label: string, unit: string][] = [
  ['XC-CL', 'study', '专题学习研讨', '场次'], ['XC-CL', 'films', '警示教育片', '场次'], ['XC-CL', 'learning', '集中学习', '场次'],
  ['XC-CL', 'drills', '应急演练（各单位报）', '次'], ['XC-CL', 'vans', '宣传车', '次'], ['XC-CL', 'slogans', '标语', '份'],
  ['XC-CL', 'brochures', '宣传手册', '本'], ['GX-DX', 'total', '提示短信', '条'],
];

/** Statistics of publicity, training and drills in a period and region, in the caller's scope. */
export async function outreachStats(ctx: Ctx, q: StatsQuery): Promise<OutreachStats> {
  if (q.from > q.to) throw badRequest('统计开始日期不能晚于结束日期', 'from after to');
  const viewer = ctx.actor.scope; const period = { from: q.from, to: q.to, regionCode: q.regionCode };
  const link = (tab: string, extra: Record<string, string | undefined> = {}) => `${BASE}?${qs({ tab, from: q.from, to: q.to, regionCode: q.regionCode, ...extra })}`;
  const fig = (key: string, label: string, unit: string, value: number, href: string): Figure => ({ key, label, unit, value, link: href });

  const halves = halvesOverlapping(q.from, q.to);
  const returns = [];
  for (const [form, field, label, unit] of RETURN_FIGURES) {
    const t = await sumField(ctx.db, form, field, halves, q.regionCode ?? '', viewer);
    returns.push(fig(`${form}.${field}`, label, unit, t.total, t.returnIds.length ? `/returns/filings?ids=${t.returnIds.join(',')}` : '/returns/filings'));
  }

  const acts = await activityTotals(ctx.db, viewer, period);
  const sum = (k: 'n' | 'participants' | (typeof MATERIALS)[number]['key']) => acts.reduce((a, r) => a + r[k], 0);
  const activities = {
    total: fig('activities', '宣传教育活动', '场次', sum('n'), link('activities')),
    byKind: ACTIVITY_KINDS.map((k) => fig(k.code, k.label, '场次', acts.find((r) => r.kind === k.code)?.n ?? 0, link('activities', { kind: k.code }))),
    materials: MATERIALS.map((m) => fig(m.key, m.label, m.unit, sum(m.key), link('activities'))),
    participants: sum('participants'),
  };

  const tr = await trainingTotals(ctx.db, viewer, period, today(ctx), CERT_WARN_DAYS);
  const certLink = (extra: Record<string, string>) => `${BASE}?${qs({ tab: 'training', regionCode: q.regionCode, ...extra })}`;
  const training = {
    sessions: fig('sessions', '培训班', '期', tr.sessions, link('training')),
    byPost: POSTS.map((p) => fig(p.code, p.label, '人', tr.byPost.find((r) => r.post === p.code)?.n ?? 0, certLink({ post: p.code }))),
    expiring: fig('expiring', `${CERT_WARN_DAYS} 天内到期证书`, '本', tr.expiring, certLink({ status: 'expiring' })),
    expired: fig('expired', '已过期证书', '本', tr.expired, certLink({ status: 'expired' })),
  };

  const dr = await drillTotals(ctx.db, viewer, period);
  const drills = {
    total: fig('drills', '应急演练', '次', dr.byKind.reduce((a, r) => a + r.n, 0), link('drills')),
    byKind: DRILL_KINDS.map((k) => fig(k.code, k.label, '次', dr.byKind.find((r) => r.kind === k.code)?.n ?? 0, link('drills', { kind: k.code }))),
    problems: fig('problems', '演练发现问题', '个', dr.problems.n, link('drills', { withProblems: 'true' })),
    openProblems: fig('openProblems', '问题未整改完成', '个', dr.problems.open, link('drills', { withProblems: 'true' })),
  };
  return { from: q.from, to: q.to, returns: { periods: halves, figures: returns }, activities, training, drills };
}
