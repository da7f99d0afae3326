// The report's status story (seed-figures rows 7, 9, 11, 13), written into the registry as status
// changes with who ordered them, the document and the date, all in 2022-H1 unless said otherwise:
// 12 高温熔融 smelters 停产整顿; 2 钢纤维 + 4 鞋楦 + 5 特种制泵 + 22 林木加工 停产整顿 (4 of them back in
// operation after their 安全设计诊断, in 2022-H2); 16 液化气站 closed by 整合 (2 new ones built);
// the 小化工 松香厂 取缔; 1 擅自用气 unit closed; and a few retail shops 停业 at their own request later.
import { BUREAU_NAME, orgByName } from './orgs.js';
import { COUNTY_NAME } from './county.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseRow, EnterpriseStatusChangeRow } from './types.js';

type Status = EnterpriseRow['status'];
interface Order {
  e: EnterpriseRow; to: Status; day: string; reason: string; orgName: string | null; orderedBy: string; series: string | null;
}

/** A random day between two days (inclusive), YYYY-MM-DD. */
function dayBetween(ctx: DemoContext, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`), b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + ctx.rng.int(0, Math.round((b - a) / 86400_000)) * 86400_000).toISOString().slice(0, 10);
}

/** Sets the statuses of the story's enterprises and returns their status changes, oldest first. */
export function applyStatusStory(
  ctx: DemoContext, base: Pick<DemoData, 'organizations' | 'accounts'>, rows: EnterpriseRow[], groupOf: (e: EnterpriseRow) => string | undefined,
): EnterpriseStatusChangeRow[] {
  const { rng } = ctx;
  const bureau = `${BUREAU_NAME}`;
  const zhujian = `${COUNTY_NAME}住房和城乡建设局`;
  const orders: Order[] = [];
  const order = (e: EnterpriseRow, to: Status, from: string, until: string, reason: string, orgName: string | null, orderedBy: string, series: string | null) =>
    orders.push({ e, to, day: dayBetween(ctx, from, until), reason, orgName, orderedBy, series });
  const of = (subtype: string) => rows.filter((e) => e.subtype === subtype);

  // Row 7: 金属冶炼 高温熔融工艺企业 停产 12 家.
  for (const e of rng.sample(of('金属冶炼'), 12)) {
    order(e, 'suspended', '2022-01-10', '2022-06-25', '金属冶炼行业高温熔融工艺安全专项整治：熔融金属吊运、炉前作业区存在重大事故隐患，责令停产整顿，整改验收合格后方可恢复生产',
      bureau, '市应急管理局', '汨应急责改');
  }
  // Row 11: 2 钢纤维 + 4 鞋楦 + 5 特种制泵 + 22 林木加工 责令停业整顿; 4 finish their design diagnosis later.
  const trade = [...of('钢纤维'), ...of('鞋楦'), ...of('特种制泵'), ...rng.sample(of('林木加工'), 22)];
  for (const e of trade) {
    order(e, 'suspended', '2022-02-15', '2022-06-28', `${e.subtype}企业专项整治：存在重大安全隐患，责令停业整顿，须完成安全设计诊断并整改到位`,
      bureau, '市应急管理局', '汨应急责改');
  }
  for (const e of rng.sample(trade, 4)) {
    order(e, 'operating', '2022-08-01', '2022-10-31', '已完成安全设计诊断并整改到位，经验收同意恢复生产', bureau, '市应急管理局', '汨应急复产');
  }
  // Row 13: 整合 18 家液化气站 into 2 new ones; 关停 1 家擅自用气单位.
  const lpg = of('液化气站');
  const fresh = rows.filter((e) => groupOf(e) === 'lpg_new');
  fresh.forEach((e, i) => { e.established_on = i === 0 ? '2022-03-18' : '2022-05-26'; });
  for (const e of lpg.filter((x) => !fresh.includes(x))) {
    order(e, 'closed', '2022-03-20', '2022-06-20', `液化气站整合：并入新建的${rng.pick(fresh).name.replace(COUNTY_NAME, '')}，原站点关闭、气瓶移交`, zhujian, '市住房和城乡建设局', '汨住建发');
  }
  for (const e of rows.filter((x) => groupOf(x) === 'gas_user')) {
    order(e, 'closed', '2022-04-01', '2022-06-15', '未经验收擅自投入使用燃气设施，责令关停', zhujian, '市住房和城乡建设局', '汨住建罚');
  }
  // Row 9: 关停取缔 "小化工" 1 家.
  for (const e of rows.filter((x) => groupOf(x) === 'rosin')) {
    order(e, 'banned', '2022-04-10', '2022-05-20', '非法违法“小化工”专项整治：无证非法生产松香、松节油，依法关停取缔并拆除生产设施设备', bureau, '市安委会办公室', '汨应急');
  }
  // Later, not part of the report: some retail shops stop trading at their own request.
  for (const e of rows.filter((x) => x.sector === 'fireworks' && x.sector_detail === 'retail' && rng.chance(0.015))) {
    order(e, 'closed_business', '2023-01-01', '2025-12-31', '经营者申请停业', null, '经营者申请', null);
  }

  const recorder = base.accounts.find((a) => a.username === 'staff')!;
  const counters = new Map<string, number>();
  const changes: EnterpriseStatusChangeRow[] = [];
  for (const o of orders.sort((a, b) => a.day.localeCompare(b.day))) {
    const n = o.series ? (counters.get(o.series) ?? 0) + 1 : 0;
    if (o.series) counters.set(o.series, n);
    const recordedAt = `${o.day}T${String(9 + (changes.length % 8)).padStart(2, '0')}:30:00+08:00`;
    changes.push({
      id: ctx.id(), enterprise_id: o.e.id, from_status: o.e.status, to_status: o.to, reason: o.reason,
      ordered_by_org_id: o.orgName ? orgByName(base, o.orgName).id : null, ordered_by: o.orderedBy,
      document_no: o.series ? `${o.series}〔${o.day.slice(0, 4)}〕${n}号` : null, effective_on: o.day,
      recorded_by: recorder.id, recorded_by_name: recorder.display_name, recorded_at: recordedAt,
    });
    o.e.status = o.to;
    o.e.status_changed_at = recordedAt;
  }
  return changes;
}
