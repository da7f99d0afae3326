// Demo hazards, risk points and campaigns, consistent with the report (seed-figures.md rows 6, 10, 12, 16):
// the parks' 大排查 found 26 problems; the 5 mines 82 general + 2 major; flood checks 50 found, 19 rectified
// by 2022-06-30; 4 major fire hazards under 挂牌督办. Plus everyday hazards up to the present, some overdue.
import { gradeLec, LEC_BANDS } from '../server/domains/hazards/risk.rules.js';
import { COUNTY_CODE, parks, towns, villagesOf } from './county.js';
import { orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseRow } from './types.js';

export interface CampaignRow { id: string; name: string; kind: string; period_from: string; period_to: string; region_code: string; organizer_org_id: string | null; description: string }
export interface HazardRow {
  id: string; number: string; enterprise_id: string | null; enterprise_name: string | null; region_code: string; place_name: string | null;
  lng: number | null; lat: number | null; title: string; description: string | null; found_at: string; found_by: string; source: string; sector: string | null;
  level: 'general' | 'major'; major_basis: string | null; campaign_id: string | null; status: 'pending' | 'rectifying' | 'review' | 'closed';
  responsible_person: string | null; responsible_phone: string | null; measures: string | null; funds: number | null; deadline: string | null;
  rectified_at: string | null; closed_at: string | null; supervise_level: string | null; supervising_org_id: string | null; supervise_deadline: string | null;
}
export interface HazardEventRow { id: string; hazard_id: string; at: string; actor_name: string; action: string; from_status: string | null; to_status: string | null; comment: string | null }
export interface RiskPointRow { id: string; enterprise_id: string; region_code: string; name: string; hazard_desc: string; method: 'LEC'; inputs: string; score: number; level: string; rule_version: string; control_measures: string; responsible: string }
export interface NumberSequenceRow { kind: string; year: number; last: number }

const DAY = 86400_000;
/** The day the demo county is 'now' in: reminders before it count as sent. */
const DEMO_DAY = '2026-11-30';
/** A Shanghai-local moment as ISO (UTC). */
const at = (day: string, hour = 10) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * 3600_000).toISOString();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const between = (ctx: DemoContext, from: string, to: string) => addDays(from, ctx.rng.int(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY)));

const MINE_ITEMS = ['采场边坡台阶高度超过设计要求', '排土场未按设计分层堆排', '爆破器材临时存放点未设防雷设施', '破碎站未设置安全护栏', '矿区道路未设置限速标志', '空压机储气罐安全阀未校验', '作业人员未佩戴安全帽', '高陡边坡未开展位移监测'];
const PARK_ITEMS = ['消防通道被杂物占用', '配电箱未设防护门', '危化品仓库未张贴安全周知卡', '有限空间未设置警示标识', '叉车操作人员无证作业', '应急预案未组织演练', '除尘器泄爆口朝向人员通道', '气瓶未固定存放'];
const FLOOD_PLACES = ['山塘', '水库', '河堤段', '山洪灾害危险区', '涵闸', '低洼易涝点'];
const FLOOD_ITEMS = ['溢洪道堵塞', '坝体出现渗漏', '防汛物资储备不足', '预警广播失灵', '巡查记录不全', '转移路线标识缺失'];
const EVERYDAY = ['安全出口指示标志损坏', '灭火器过期未更换', '电气线路私拉乱接', '特种设备未按期检验', '员工安全培训记录缺失', '可燃气体报警器未联动', '动火作业未办理审批'];
const FIRE_MAJOR = ['疏散楼梯被封堵，安全出口数量不足', '自动喷水灭火系统瘫痪', '消防控制室无人值守、火灾报警系统故障', '商铺违规住人，防火分隔被破坏'];
const STATUSES_FLOW: HazardRow['status'][] = ['pending', 'rectifying', 'review', 'closed'];

export function generate(ctx: DemoContext, base: DemoData) {
  const { rng } = ctx;
  const hazards: HazardRow[] = [];
  const events: HazardEventRow[] = [];
  const seq = new Map<number, number>();
  const bureau = orgByName(base, '安全生产综合协调股').id;
  const fireDept = orgByName(base, '汨水市消防救援大队').id;
  const live = base.enterprises.filter((e) => e.status !== 'banned' && e.status !== 'closed');

  function add(h: Omit<HazardRow, 'id' | 'number' | 'status' | 'responsible_person' | 'responsible_phone' | 'measures' | 'funds' | 'deadline' | 'rectified_at' | 'closed_at' | 'supervise_level' | 'supervising_org_id' | 'supervise_deadline' | 'lng' | 'lat'> & { lng?: number | null; lat?: number | null },
    flow: { stage: number; deadlineDays: number; closedBy?: string; supervise?: { level: string; org: string; deadline: string } }) {
    const year = Number(h.found_at.slice(0, 4));
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const found = h.found_at.slice(0, 10);
    const assigned = flow.stage >= 1 ? addDays(found, 1) : null;
    const deadline = assigned ? addDays(found, flow.deadlineDays) : null;
    const closedDay = flow.stage >= 3 ? (flow.closedBy ?? addDays(found, rng.int(3, flow.deadlineDays))) : null;
    const rectifiedDay = flow.stage >= 2 ? addDays(closedDay ?? addDays(found, flow.deadlineDays - 1), -1) : null;
    const row: HazardRow = {
      ...h, lng: h.lng ?? null, lat: h.lat ?? null, id: ctx.id(), number: `YH-${year}-${String(n).padStart(6, '0')}`, status: STATUSES_FLOW[flow.stage],
      responsible_person: assigned ? ctx.personName() : null, responsible_phone: assigned ? ctx.mobile() : null,
      measures: assigned ? `按"五落实"要求整改：${h.title.replace(/未|无/, '')}` : null, funds: assigned ? rng.int(1, 60) * 500 : null, deadline,
      rectified_at: rectifiedDay ? at(rectifiedDay, 16) : null, closed_at: closedDay ? at(closedDay, 15) : null,
      supervise_level: flow.supervise?.level ?? null, supervising_org_id: flow.supervise?.org ?? null, supervise_deadline: flow.supervise?.deadline ?? null,
      // Reminders for deadlines already past when the demo was made were sent then; the scan only sends new ones.
      ...remindersSent(deadline, flow.stage),
    };
    hazards.push(row);
    const ev = (day: string, hour: number, action: string, from: string | null, to: string | null, comment: string | null, who: string) =>
      events.push({ id: ctx.id(), hazard_id: row.id, at: at(day, hour), actor_name: who, action, from_status: from, to_status: to, comment });
    ev(found, 10, 'report', null, 'pending', h.description, h.found_by);
    if (assigned) ev(assigned, 9, 'assign', 'pending', 'rectifying', `限 ${deadline} 前整改完毕`, '王志刚');
    if (rectifiedDay) ev(rectifiedDay, 16, 'submit', 'rectifying', 'review', '已按要求整改，附整改后照片', row.responsible_person!);
    if (closedDay) ev(closedDay, 15, 'accept', 'review', 'closed', '现场复查合格，予以销号', '李建华');
  }

  const inRegion = (prefix: string) => live.filter((e) => e.region_code.startsWith(prefix));
  const campaign = (name: string, kind: string, from: string, to: string, description: string): CampaignRow =>
    ({ id: ctx.id(), name, kind, period_from: from, period_to: to, region_code: COUNTY_CODE, organizer_org_id: bureau, description });

  // Row 6: the parks' 大排查 — 26 problems, 限期整改 (two still open today).
  const parkCampaign = campaign('循环园、飞地园安全生产隐患大排查', 'big_check', '2022-03-01', '2022-04-30', '对循环园、飞地园全部企业开展安全生产隐患大排查');
  const parkFirms = parks(base).filter((p) => p.name !== '高新区').flatMap((p) => inRegion(p.code.slice(0, 9)));
  for (let i = 0; i < 26; i++) {
    const e = parkFirms[i % parkFirms.length];
    add({ ...at3(e), title: rng.pick(PARK_ITEMS), description: null, found_at: at(between(ctx, '2022-03-02', '2022-04-28')), found_by: '园区大排查组',
      source: 'campaign', sector: e.sector, level: 'general', major_basis: null, campaign_id: parkCampaign.id }, { stage: i < 24 ? 3 : 1, deadlineDays: 30 });
  }

  // Row 10: the 5 mines' 解剖式执法检查 by experts — 82 general and 2 major hazards.
  const mineCampaign = campaign('非煤矿山解剖式执法检查', 'special', '2022-04-01', '2022-05-31', '邀请专家对全市5家矿山企业开展解剖式执法检查');
  const mines = base.enterprises.filter((e) => e.sector === 'non_coal_mine').slice(0, 5);
  for (let i = 0; i < 84; i++) {
    const e = mines[i % mines.length];
    const major = i >= 82;
    add({ ...at3(e), title: major ? '边坡存在滑坡迹象仍组织生产' : rng.pick(MINE_ITEMS), description: null, found_at: at(between(ctx, '2022-04-06', '2022-05-27')),
      found_by: '省级专家组', source: 'expert', sector: 'non_coal_mine', level: major ? 'major' : 'general',
      major_basis: major ? '金属非金属露天矿山重大事故隐患判定标准：边坡存在滑移现象' : null, campaign_id: mineCampaign.id },
    major ? { stage: 3, deadlineDays: 90, closedBy: '2022-09-20', supervise: { level: 'county', org: bureau, deadline: '2022-09-30' } } : { stage: 3, deadlineDays: 20 });
  }

  // Row 16: flood season checks — 50 found, 19 rectified by 2022-06-30 (the rest later in the year).
  const floodCampaign = campaign('2022年备汛检查', 'seasonal', '2022-03-01', '2022-06-30', '镇级自查与县级检查组备汛检查，按"一单四制"交办整改');
  const villages = towns(base).flatMap((t) => villagesOf(base, t.code).filter((v) => v.name.endsWith('村')));
  for (let i = 0; i < 50; i++) {
    const v = villages[(i * 7) % villages.length];
    const found = between(ctx, '2022-03-05', '2022-05-20');
    add({ enterprise_id: null, enterprise_name: null, region_code: v.code, place_name: `${v.name}${rng.pick(FLOOD_PLACES)}`, lng: v.center_lng, lat: v.center_lat,
      title: rng.pick(FLOOD_ITEMS), description: null, found_at: at(found), found_by: i % 5 === 0 ? '县级备汛检查组' : '镇级自查组', source: 'supervision',
      sector: 'other', level: 'general', major_basis: null, campaign_id: floodCampaign.id },
    { stage: 3, deadlineDays: 45, closedBy: i < 19 ? between(ctx, addDays(found, 5), '2022-06-28') : between(ctx, '2022-07-05', '2022-10-30') });
  }

  // Row 12: four major fire hazards pushed to rectification under 挂牌督办 by the fire brigade.
  const fireUnits = ['宾馆', '医院', '医院', '商业街'].map((sub, i) => live.filter((e) => e.subtype === sub)[i === 2 ? 1 : 0]).filter(Boolean);
  fireUnits.forEach((e, i) => add({ ...at3(e), title: FIRE_MAJOR[i], description: null, found_at: at(between(ctx, '2022-02-15', '2022-03-15')), found_by: '消防监督检查组',
    source: 'inspection', sector: 'fire_key', level: 'major', major_basis: '重大火灾隐患判定方法（GB 35181）综合判定要素', campaign_id: null },
  { stage: 3, deadlineDays: 180, closedBy: between(ctx, '2022-08-01', '2022-11-30'), supervise: { level: 'county', org: fireDept, deadline: '2022-12-31' } }));

  // Everyday hazards from 2023 to now: most closed, recent ones open, a few overdue and a few major ones on the dashboard.
  const chemical = live.filter((x) => x.sector === 'hazchem');
  for (let i = 0; i < 420; i++) {
    const found = between(ctx, '2023-01-05', '2026-11-28');
    const recent = found >= '2026-09-01';
    const stage = recent ? rng.int(0, 3) : 3;
    const major = recent && rng.chance(0.04);
    // A major one is a chemical works' tank farm; the rest fall anywhere.
    const e = major ? rng.pick(chemical) : rng.pick(live);
    add({ ...at3(e), title: major ? '重大危险源罐区未设置紧急切断装置' : rng.pick(EVERYDAY), description: null, found_at: at(found), found_by: rng.chance(0.5) ? ctx.personName() : '企业安全员',
      source: rng.weighted([['self_check', 5], ['inspection', 3], ['supervision', 1], ['report', 1]] as const), sector: e.sector, level: major ? 'major' : 'general',
      major_basis: major ? '化工和危险化学品重大隐患判定标准 第5项' : null, campaign_id: null },
    { stage, deadlineDays: rng.int(7, 45), supervise: major ? { level: 'county', org: bureau, deadline: '2027-03-31' } : undefined });
  }

  // Risk points (风险分级) of the higher-risk sectors; each enterprise's colour follows its highest point.
  const riskPoints: RiskPointRow[] = [];
  const RISKS: [string, string, [number, number, number]][] = [['储罐区', '泄漏、火灾、爆炸', [3, 6, 40]], ['装卸作业区', '车辆伤害、泄漏', [3, 6, 7]],
    ['配电室', '触电、火灾', [1, 6, 15]], ['除尘系统', '粉尘爆炸', [3, 6, 15]], ['有限空间', '中毒窒息', [1, 3, 40]], ['采场边坡', '坍塌', [6, 6, 15]]];
  for (const e of live.filter((x) => ['hazchem', 'non_coal_mine', 'industry_trade', 'gas'].includes(x.sector))) {
    let top = 4;
    for (const [name, desc, [L, E, C]] of rng.sample(RISKS, rng.int(2, 3))) {
      const g = gradeLec({ L, E, C }, LEC_BANDS.defaultValue);
      riskPoints.push({ id: ctx.id(), enterprise_id: e.id, region_code: e.region_code, name, hazard_desc: desc, method: 'LEC', inputs: JSON.stringify({ L, E, C }),
        score: g.score, level: g.level, rule_version: 'risk.lec.bands@default', control_measures: '落实岗位责任制，定期巡检', responsible: JSON.stringify([{ level: '公司', person: e.principal_name ?? '' }]) });
      top = Math.min(top, ['red', 'orange', 'yellow', 'blue'].indexOf(g.level));
    }
    e.risk_level = (['red', 'orange', 'yellow', 'blue'] as const)[top];
    e.risk_level_source = '风险点评估（取最高等级）';
    e.risk_level_at = '2022-03-31T02:00:00.000Z';
  }

  const numberSequences: NumberSequenceRow[] = [...seq].map(([year, last]) => ({ kind: 'hazard', year, last }));
  return { campaigns: [parkCampaign, mineCampaign, floodCampaign], hazards, hazardEvents: events, riskPoints, numberSequences };
}

/** The reminder marks of an open hazard whose deadline passed before the demo's day (2026-11-30). */
function remindersSent(deadline: string | null, stage: number) {
  const past = deadline !== null && stage < 2 && deadline < DEMO_DAY;
  return { due_soon_notified_for: past ? deadline : null, overdue_notified_for: past ? deadline : null, escalated_for: past ? deadline : null };
}

/** The place fields of a hazard at an enterprise. */
function at3(e: EnterpriseRow) {
  return { enterprise_id: e.id, enterprise_name: e.name, region_code: e.region_code, place_name: null, lng: e.lng, lat: e.lat };
}

/** 隐患类别 (migration 0100's defaults) of the demo's hazards, by their words; the names as the migration ships them. */
const CATEGORY_NAMES: Record<string, string> = {
  site: '现场管理类', 'site.equipment': '设备设施', 'site.signs': '安全警示标志', 'site.special_work': '危险作业（爆破、吊装、动火等）', 'site.fire': '消防安全',
  'basic.training': '安全教育培训与持证上岗', 'basic.emergency': '应急管理', 'basic.risk': '风险分级管控与隐患排查制度', flood: '防汛',
  'non_coal_mine.major': '金属非金属矿山重大事故隐患', 'fire_key.major': '重大火灾隐患', 'hazchem.major_source': '危险化学品重大危险源',
};
const CATEGORY_OF_TITLE: Record<string, string> = {
  采场边坡台阶高度超过设计要求: 'site', 排土场未按设计分层堆排: 'site', 爆破器材临时存放点未设防雷设施: 'site.special_work', 破碎站未设置安全护栏: 'site.equipment',
  矿区道路未设置限速标志: 'site.signs', 空压机储气罐安全阀未校验: 'site.equipment', 作业人员未佩戴安全帽: 'site', 高陡边坡未开展位移监测: 'basic.risk',
  边坡存在滑坡迹象仍组织生产: 'non_coal_mine.major',
  消防通道被杂物占用: 'site.fire', 配电箱未设防护门: 'site.equipment', 危化品仓库未张贴安全周知卡: 'site.signs', 有限空间未设置警示标识: 'site.signs',
  叉车操作人员无证作业: 'basic.training', 应急预案未组织演练: 'basic.emergency', 除尘器泄爆口朝向人员通道: 'site.equipment', 气瓶未固定存放: 'site',
  安全出口指示标志损坏: 'site.signs', 灭火器过期未更换: 'site.fire', 电气线路私拉乱接: 'site.equipment', 特种设备未按期检验: 'site.equipment',
  员工安全培训记录缺失: 'basic.training', 可燃气体报警器未联动: 'site.equipment', 动火作业未办理审批: 'site.special_work',
  重大危险源罐区未设置紧急切断装置: 'hazchem.major_source', 罐区管线法兰垫片等易损件未纳入定期检查更换: 'site.equipment',
  ...Object.fromEntries(FLOOD_ITEMS.map((t) => [t, 'flood'])), ...Object.fromEntries(FIRE_MAJOR.map((t) => [t, 'fire_key.major'])),
};

/** A demo hazard row (of any module) with its category, so every row inserted has the same columns. */
export function withCategory<T extends { title: string }>(h: T): T & { category: string | null; category_code: string | null } {
  const code = CATEGORY_OF_TITLE[h.title] ?? null;
  return { ...h, category_code: code, category: code ? CATEGORY_NAMES[code] : null };
}
