// 报表填报 and 约谈 of the demo county: the return forms the half-year report implies, filed by their units for
// 2021 and 2022 so that the aggregates reproduce the report's figures (seed-figures.md #4, #5, #8, #16): 查处交通违法行为
// 10992 起; road deaths and accidents both down on the same period of 2021 ("双下降"); 烟花爆竹打非 1865 / 94 / 1 / 2865 /
// 648 / 3; 镇级自查 57 批次, 隐患 50 处, 已整改 19 处; 宣传车 500 次, 标语 2000+, 手册 近2万, 短信 10万+; and the 4 towns
// summoned (约谈事故多发乡镇 4 个) with their commitments and follow-ups. Some returns were late, one was sent back,
// and one was corrected after acceptance (its versions kept). Accounts: a leader for 白塘镇 and the traffic police.
import { PARKS, TOWN_NAMES, townCode } from './county.js';
import { orgByName, orgsOfKind } from './orgs.js';
import type { DemoContext, Rng } from './random.js';
import type { NumberSequenceRow } from './hazards.js';
import type { AccountRow, DemoData, OrgRow } from './types.js';

type Row = Record<string, unknown>;
export interface ReturnsDemo { accounts: AccountRow[]; forms: Row[]; formVersions: Row[]; returns: Row[]; events: Row[]; summons: Row[]; summonsTasks: Row[]; numberSequences: NumberSequenceRow[] }

type Base = Pick<DemoData, 'regions' | 'organizations' | 'enterprises' | 'accounts'>;
type Field = { key: string; label: string; type: 'integer' | 'number' | 'text'; unit?: string; required?: boolean; min?: number };
type Check = { kind: 'sum'; target: string; parts: string[] } | { kind: 'lte'; left: string; right: string };
interface FormSpec { code: string; name: string; kind: string; units: OrgRow[]; dueDays: number; fields: Field[]; checks: Check[]; description: string }

/** The report's H1 2022 figures and the same months of 2021 (road deaths and accidents fell: 双下降). */
export const TRAFFIC_VIOLATIONS_2022 = [1480, 1356, 1902, 2018, 2105, 2131]; // = 10992
const TRAFFIC_VIOLATIONS_2021 = [1210, 1105, 1560, 1702, 1690, 1745, 1688, 1702, 1630, 1590, 1544, 1602];
export const ROAD_ACCIDENTS = { 2021: [2, 1, 2, 1, 2, 1, 2, 1, 1, 2, 1, 2], 2022: [1, 0, 2, 1, 1, 1] }; // H1: 9 → 6
export const ROAD_DEATHS = { 2021: [2, 1, 3, 1, 3, 1, 2, 1, 1, 2, 1, 3], 2022: [1, 0, 2, 1, 2, 1] };   // H1: 11 → 7
export const FIREWORKS_TOTALS = { illegal: 94, vehicles: 1, firecrackers: 2865, fireworks: 648, detained: 3 };
export const FLOOD_TOTALS = { batches: 57, hazards: 50, fixed: 19 };
export const PUBLICITY_TOTALS = { study: 23, films: 56, learning: 108, drills: 33, vans: 500, slogans: 2140, brochures: 19600 };
export const SMS_2022_H1 = { mobile: 52360, unicom: 27480, telecom: 23720 }; // = 103,560 (10万+)
/** The 4 towns summoned over road accidents in the first half of 2022. */
export const SUMMONED_TOWNS = ['白塘镇', '罗江镇', '归义镇', '新市镇'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);
/** A Shanghai wall-clock moment on a day as an ISO timestamp. */
const at = (day: string, hour: number, minute = 0) => new Date(Date.parse(`${day}T${pad(hour)}:${pad(minute)}:00+08:00`)).toISOString();

/** n non-negative integers summing to total, shares drawn at random (weights optional). */
function split(rng: Rng, total: number, n: number, weights?: number[]): number[] {
  const w = weights ?? Array.from({ length: n }, () => rng.float(0.3, 1.7));
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.floor((total * x) / sum));
  let left = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % n) { out[i]++; left--; }
  return out;
}

interface PeriodDef { period: string; label: string; start: string; end: string }
const month = (y: number, m: number): PeriodDef => ({ period: `${y}-${pad(m)}`, label: `${y}年${m}月`, start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${pad(lastDay(y, m))}` });
const quarter = (y: number, q: number): PeriodDef => ({ period: `${y}-Q${q}`, label: `${y}年第${'一二三四'[q - 1]}季度`, start: `${y}-${pad(q * 3 - 2)}-01`, end: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}` });
const half = (y: number, h: number): PeriodDef => ({ period: `${y}-H${h}`, label: `${y}年${h === 1 ? '上' : '下'}半年`, start: `${y}-${h === 1 ? '01' : '07'}-01`, end: `${y}-${h === 1 ? '06-30' : '12-31'}` });

export function generate(ctx: DemoContext, base: Base): { returns: ReturnsDemo } {
  const { rng } = ctx;
  const out: ReturnsDemo = { accounts: [], forms: [], formVersions: [], returns: [], events: [], summons: [], summonsTasks: [], numberSequences: [] };
  const gongan = orgByName(base, '汨水市公安局');
  const xiaofang = orgByName(base, '汨水市消防救援大队');
  const shichang = orgByName(base, '汨水市市场监督管理局');
  const gongxin = orgByName(base, '汨水市工业和信息化局');
  const stations = orgsOfKind(base, 'town_station');
  const departments = orgsOfKind(base, 'department');
  const baitangStation = orgByName(base, '白塘镇应急管理站');
  const staffAccount = base.accounts.find((a) => a.username === 'staff')!;
  const baitangFiller = base.accounts.find((a) => a.username === 'town_baitang')!;

  // Accounts that file and approve: 白塘镇's station chief approves its returns; the traffic police file and approve theirs.
  const account = (username: string, role: string, org: OrgRow, scope: Partial<AccountRow>): AccountRow => {
    const a: AccountRow = { id: ctx.id(), username, display_name: ctx.personName(), phone: ctx.mobile(), roles: [role], org_id: org.id, scope_kind: 'all',
      scope_region_code: null, scope_org_id: null, scope_enterprise_id: null, enforcement_cert_no: null, must_change_password: false, is_demo: true, ...scope };
    out.accounts.push(a);
    return a;
  };
  const baitangLead = account('town_baitang_lead', 'town', baitangStation, { scope_kind: 'region', scope_region_code: townCode('白塘镇') });
  const jjFiller = account('dept_jiaojing', 'dept', gongan, { scope_kind: 'org', scope_org_id: gongan.id });
  const jjLead = account('dept_jiaojing_lead', 'dept', gongan, { scope_kind: 'org', scope_org_id: gongan.id });
  const people = new Map<string, { filler: { id: string | null; name: string }; lead: { id: string | null; name: string } }>([
    [baitangStation.id, { filler: { id: baitangFiller.id, name: baitangFiller.display_name }, lead: { id: baitangLead.id, name: baitangLead.display_name } }],
    [gongan.id, { filler: { id: jjFiller.id, name: jjFiller.display_name }, lead: { id: jjLead.id, name: jjLead.display_name } }],
  ]);
  const peopleOf = (org: OrgRow) => {
    if (!people.has(org.id)) people.set(org.id, { filler: { id: null, name: ctx.personName() }, lead: { id: null, name: ctx.personName() } });
    return people.get(org.id)!;
  };

  const int = (key: string, label: string, unit: string): Field => ({ key, label, type: 'integer', unit, required: true, min: 0 });
  const specs: FormSpec[] = [
    { code: 'JJ-WF', name: '道路交通违法行为查处情况月报', kind: 'monthly', units: [gongan], dueDays: 5, description: '公安交警大队每月报送查处交通违法行为起数，含“三车”（摩托车、电动自行车、面包车）。',
      fields: [int('moto', '摩托车违法', '起'), int('ebike', '电动自行车违法', '起'), int('van', '面包车违法', '起'), int('other', '其他违法', '起'), int('total', '查处交通违法行为合计', '起')],
      checks: [{ kind: 'sum', target: 'total', parts: ['moto', 'ebike', 'van', 'other'] }] },
    { code: 'JJ-SG', name: '道路交通亡人事故月报', kind: 'monthly', units: [gongan], dueDays: 5, description: '道路交通亡人事故起数、死亡和受伤人数，与上年同期比较。',
      fields: [int('accidents', '亡人事故', '起'), int('deaths', '死亡人数', '人'), int('injured', '受伤人数', '人')], checks: [{ kind: 'lte', left: 'accidents', right: 'deaths' }] },
    { code: 'XF-JC', name: '消防监督检查情况月报', kind: 'monthly', units: [xiaofang], dueDays: 5, description: '消防救援大队每月监督检查单位数、发现和督促整改的火灾隐患。',
      fields: [int('inspected', '检查单位', '家'), int('found', '发现火灾隐患', '处'), int('fixed', '督促整改火灾隐患', '处'), int('major', '新增重大火灾隐患', '处')],
      checks: [{ kind: 'lte', left: 'fixed', right: 'found' }, { kind: 'lte', left: 'major', right: 'found' }] },
    { code: 'SJ-QP', name: '气瓶安全检查情况季报', kind: 'quarterly', units: [shichang], dueDays: 10, description: '市场监管局检查液化气站和气瓶、建立气瓶质量安全追溯体系的情况。',
      fields: [int('stations', '检查液化气站', '家'), int('cylinders', '检查气瓶', '只'), int('unqualified', '不合格气瓶', '只'), int('traced', '纳入追溯体系气瓶', '只')],
      checks: [{ kind: 'lte', left: 'unqualified', right: 'cylinders' }] },
    { code: 'YH-DF', name: '烟花爆竹打非专项行动战果统计', kind: 'adhoc', units: stations, dueDays: 5, description: '各镇烟花爆竹“打非治违”专项行动排查、查处和收缴情况。',
      fields: [int('shops', '排查经营门店', '家'), int('illegal', '查处非法经营储存门店', '家'), int('vehicles', '查处非法运输车辆', '台次'),
        int('firecrackers', '收缴鞭炮', '挂'), int('fireworks', '收缴烟花', '件'), int('detained', '行政拘留', '人')],
      checks: [{ kind: 'lte', left: 'illegal', right: 'shops' }] },
    { code: 'FX-ZC', name: '防汛备汛自查情况月报', kind: 'monthly', units: stations, dueDays: 3, description: '各镇派出自查组批次、排查和整改防汛隐患。',
      fields: [int('batches', '镇级自查', '批次'), int('hazards', '排查隐患', '处'), int('fixed', '已整改隐患', '处')], checks: [{ kind: 'lte', left: 'fixed', right: 'hazards' }] },
    { code: 'GX-DX', name: '安全提示短信发送情况半年报', kind: 'half_yearly', units: [gongxin], dueDays: 15, description: '工信局汇总三家通信运营商发送的安全生产和防灾减灾提示短信。',
      fields: [int('mobile', '中国移动', '条'), int('unicom', '中国联通', '条'), int('telecom', '中国电信', '条'), int('total', '合计', '条')],
      checks: [{ kind: 'sum', target: 'total', parts: ['mobile', 'unicom', 'telecom'] }] },
    { code: 'XC-CL', name: '安全生产宣传教育情况半年报', kind: 'half_yearly', units: [...stations, ...departments], dueDays: 15, description: '各镇、各部门开展学习研讨、警示教育、宣传车和标语、手册等宣传教育情况。',
      fields: [int('study', '专题学习研讨', '场次'), int('films', '收看警示教育片', '场次'), int('learning', '集中学习', '场次'), int('drills', '应急演练', '次'),
        int('vans', '出动宣传车', '次'), int('slogans', '张贴标语', '份'), int('brochures', '发放宣传手册', '本')], checks: [] },
  ];
  const formIds = new Map<string, { id: string; spec: FormSpec }>();
  for (const s of specs) {
    const id = ctx.id();
    formIds.set(s.code, { id, spec: s });
    out.forms.push({ id, code: s.code, name: s.name, description: s.description, period_kind: s.kind,
      obliged: s.units.length === 1 ? { orgIds: [s.units[0].id] } : s.code === 'XC-CL' ? { orgKinds: ['town_station', 'department'] } : { orgKinds: ['town_station'] },
      due_days: s.dueDays, remind_before: [3, 1], remind_after: [1, 3, 7], jump_percent: s.kind === 'monthly' ? 80 : null, status: 'active', version: 1,
      created_by: staffAccount.id, created_at: at('2021-01-04', 9), updated_at: at('2021-01-04', 9) });
    out.formVersions.push({ form_id: id, version: 1, fields: JSON.stringify(s.fields), checks: JSON.stringify(s.checks), created_by: staffAccount.id, created_at: at('2021-01-04', 9) });
  }

  type Outcome = { status?: 'accepted' | 'returned' | 'draft' | 'pending_approval' | 'not_started'; lateDays?: number; comment?: string; corrected?: { from: Record<string, number>; reason: string } };
  const file = (code: string, unit: OrgRow, p: PeriodDef, values: Record<string, number>, o: Outcome = {}) => {
    const { id: formId, spec } = formIds.get(code)!;
    const id = ctx.id();
    const due = addDays(p.end, spec.dueDays);
    const status = o.status ?? 'accepted';
    const who = peopleOf(unit);
    const submittedDay = o.lateDays ? addDays(due, o.lateDays) : addDays(due, -rng.int(0, Math.min(3, spec.dueDays)));
    const filed = status !== 'not_started' && status !== 'draft' && status !== 'pending_approval';
    const submittedAt = filed ? at(submittedDay, 15, rng.int(0, 59)) : null;
    const reviewedAt = filed ? at(addDays(submittedDay, 1), 10, rng.int(0, 59)) : null;
    const version = o.corrected ? 2 : filed ? 1 : 0;
    out.returns.push({ id, form_id: formId, form_version: 1, period: p.period, period_label: p.label, period_start: p.start, period_end: p.end, due_on: due,
      unit_id: unit.id, org_id: unit.id, enterprise_id: null, unit_name: unit.name, unit_type: unit.kind, region_code: unit.region_code, status,
      data: status === 'not_started' ? {} : values, warnings: '[]', accepted_values: status === 'accepted' ? values : null, version, correction_reason: null,
      filled_by: status === 'not_started' ? null : who.filler.id, filled_by_name: status === 'not_started' ? null : who.filler.name,
      filled_at: status === 'not_started' ? null : at(addDays(submittedDay, -1), 16), approved_by: filed ? who.lead.id : null, approved_by_name: filed ? who.lead.name : null,
      submitted_at: submittedAt, first_submitted_at: submittedAt, reviewed_by_name: filed ? '综合协调股' : null, reviewed_at: reviewedAt,
      review_comment: o.comment ?? null, reminded: '{}', created_at: at(p.start, 8), updated_at: reviewedAt ?? at(p.end, 18) });
    const ev = (action: string, from: string, to: string, when: string, extra: Row = {}) => out.events.push({ id: ctx.id(), return_id: id, at: when,
      actor_id: null, actor_name: action === 'accept' || action === 'send_back' ? '综合协调股' : action === 'approve' ? who.lead.name : who.filler.name,
      action, from_status: from, to_status: to, comment: null, version: null, form_version: null, data: null, ...extra });
    if (status === 'not_started') return id;
    const first = o.corrected?.from ?? values;
    ev('save', 'not_started', 'draft', at(addDays(submittedDay, -1), 16));
    if (status === 'draft') return id;
    ev('submit', 'draft', 'pending_approval', at(submittedDay, 9), { data: first });
    if (status === 'pending_approval') return id;
    ev('approve', 'pending_approval', 'submitted', submittedAt!, { version: 1, form_version: 1, data: first });
    if (status === 'returned') { ev('send_back', 'submitted', 'returned', reviewedAt!, { comment: o.comment }); return id; }
    ev('accept', 'submitted', 'accepted', reviewedAt!);
    if (o.corrected) {
      const day = addDays(submittedDay, 12);
      ev('correct', 'accepted', 'draft', at(day, 9), { comment: o.corrected.reason });
      ev('submit', 'draft', 'pending_approval', at(day, 10), { data: values });
      ev('approve', 'pending_approval', 'submitted', at(day, 11), { version: 2, form_version: 1, data: values });
      ev('accept', 'submitted', 'accepted', at(day, 15));
    }
    return id;
  };

  // 交警: violations (the "三车" shares) and road deaths, 2021 whole year and 2022 H1.
  const violations = (total: number) => { const [moto, ebike, van, other] = split(rng, total, 4, [38, 33, 9, 20]); return { moto, ebike, van, other, total }; };
  TRAFFIC_VIOLATIONS_2021.forEach((n, i) => file('JJ-WF', gongan, month(2021, i + 1), violations(n)));
  TRAFFIC_VIOLATIONS_2022.forEach((n, i) => file('JJ-WF', gongan, month(2022, i + 1), violations(n),
    i === 2 ? { corrected: { from: violations(n - 12), reason: '补录3月下旬电子警察抓拍的摩托车未戴头盔违法 12 起' } } : {}));
  for (const y of [2021, 2022] as const) {
    ROAD_ACCIDENTS[y].forEach((a, i) => file('JJ-SG', gongan, month(y, i + 1), { accidents: a, deaths: ROAD_DEATHS[y][i], injured: a + rng.int(0, 3) }));
  }
  // 消防: monthly inspections; the 4 major fire hazards of the report appear in 2022 (March 2, April 1, May 1).
  for (const y of [2021, 2022]) {
    for (let m = 1; m <= (y === 2021 ? 12 : 6); m++) {
      const found = rng.int(30, 70);
      file('XF-JC', xiaofang, month(y, m), { inspected: rng.int(60, 120), found, fixed: found - rng.int(0, 8), major: y === 2022 ? [0, 0, 2, 1, 1, 0][m - 1] : 0 });
    }
  }
  // 市场监管: cylinders, quarterly; the 18 LPG stations checked each quarter.
  for (const [y, q] of [[2021, 1], [2021, 2], [2021, 3], [2021, 4], [2022, 1], [2022, 2]]) {
    const cylinders = rng.int(5200, 6800);
    file('SJ-QP', shichang, quarter(y, q), { stations: 18, cylinders, unqualified: rng.int(40, 160), traced: cylinders - rng.int(300, 900) });
  }
  // 工信: the operators' text messages, half-yearly (2022 H1 = 103,560).
  file('GX-DX', gongxin, half(2021, 1), { mobile: 44120, unicom: 23050, telecom: 19030, total: 86200 });
  file('GX-DX', gongxin, half(2021, 2), { mobile: 46800, unicom: 24310, telecom: 19890, total: 91000 });
  file('GX-DX', gongxin, half(2022, 1), { ...SMS_2022_H1, total: SMS_2022_H1.mobile + SMS_2022_H1.unicom + SMS_2022_H1.telecom });

  // 烟花爆竹打非 (ad hoc, 2022): every town counts the fireworks shops it has (1865 in all); seizures split among towns.
  const townOf = (code: string) => {
    const park = PARKS.find((p) => code.startsWith(p.code.slice(0, 9)));
    return park ? townCode(park.host as (typeof TOWN_NAMES)[number]) : `${code.slice(0, 9)}000`;
  };
  const shopsByTown = new Map<string, number>();
  for (const e of base.enterprises) if (e.sector === 'fireworks' && e.sector_detail === 'retail') shopsByTown.set(townOf(e.region_code), (shopsByTown.get(townOf(e.region_code)) ?? 0) + 1);
  const campaign: PeriodDef = { period: '2022-YHDF', label: '2022年烟花爆竹打非专项行动', start: '2022-01-01', end: '2022-06-30' };
  const shares = Object.fromEntries(Object.entries(FIREWORKS_TOTALS).map(([k, v]) => [k, split(rng, v, stations.length)]));
  stations.forEach((st, i) => file('YH-DF', st, campaign, { shops: shopsByTown.get(st.region_code) ?? 0,
    ...Object.fromEntries(Object.keys(FIREWORKS_TOTALS).map((k) => [k, shares[k][i]])) }, i === 4 ? { lateDays: 2 } : {}));

  // 防汛自查 (monthly, 2022): batches from March; the hazards found and fixed add up to the report's 57 / 50 / 19.
  const monthWeights = [0, 0.2, 1, 1.4, 1.6, 1.2];
  const byMonth = Object.fromEntries(Object.entries(FLOOD_TOTALS).map(([k, v]) => [k, split(rng, v, 6, monthWeights)]));
  for (let m = 1; m <= 6; m++) {
    const batches = split(rng, byMonth.batches[m - 1], stations.length);
    const hazards = split(rng, byMonth.hazards[m - 1], stations.length);
    // 已整改 ≤ 排查 in every town: the month's fixed hazards go to the towns that found them.
    let toFix = Math.min(byMonth.fixed[m - 1], byMonth.hazards[m - 1]);
    const fixed = hazards.map((h) => { const f = Math.min(h, toFix); toFix -= f; return f; });
    stations.forEach((st, i) => file('FX-ZC', st, month(2022, m), { batches: batches[i], hazards: hazards[i], fixed: fixed[i] }, m === 6 && i >= 12 ? { lateDays: i - 10 } : {}));
  }
  // July 2022, the period after the report: most filed, one sent back, some still owing (late).
  stations.forEach((st, i) => {
    const v = { batches: rng.int(0, 2), hazards: rng.int(0, 2), fixed: 0 };
    const o: Outcome = i === 1 ? { status: 'returned', comment: '排查隐患数与镇防汛隐患台账不一致，请核实后重报' }
      : i === 3 ? { status: 'pending_approval' } : i === 5 ? { status: 'draft' } : i >= 13 ? { status: 'not_started' } : {};
    file('FX-ZC', st, month(2022, 7), v, o);
  });

  // 宣传教育 (half-yearly): 2021 H1/H2 and 2022 H1 adding up to the report's counts.
  const units = [...stations, ...departments];
  for (const [y, h, f] of [[2021, 1, 0.85], [2021, 2, 0.9], [2022, 1, 1]] as const) {
    const cols = Object.fromEntries(Object.entries(PUBLICITY_TOTALS).map(([k, v]) => [k, split(rng, Math.round(v * f), units.length)]));
    units.forEach((u, i) => file('XC-CL', u, half(y, h), Object.fromEntries(Object.keys(PUBLICITY_TOTALS).map((k) => [k, cols[k][i]]))));
  }

  // 约谈事故多发乡镇 4 个 (the 安委会 over road accidents), with commitments and follow-up tasks.
  const days = ['2022-03-16', '2022-04-20', '2022-05-18', '2022-06-15'];
  SUMMONED_TOWNS.forEach((town, i) => {
    const gov = orgByName(base, `${town}人民政府`);
    const id = ctx.id();
    const held = days[i];
    out.summons.push({ id, number: `约谈〔2022〕${i + 1}号`, target_kind: 'town', target_org_id: gov.id, target_enterprise_id: null, target_name: gov.name,
      region_code: gov.region_code, reason: 'accidents', reason_detail: `${town}今年以来发生道路交通亡人事故 ${i === 0 ? 2 : 1} 起，“三车”违法突出，戴帽率偏低`,
      held_at: at(held, 15), place: '市应急管理局三楼会议室', convened_by: '市安委会（道路交通安全专业委员会）', host_name: `安委办主任 ${ctx.personName()}`,
      attendees: `${town}镇长 ${ctx.personName()}、分管副镇长 ${ctx.personName()}、应急管理站站长 ${ctx.personName()}、交警中队长 ${ctx.personName()}`,
      commitments: '一个月内开展“三车”违法集中整治，重点路段设劝导站，戴帽率提升到 90% 以上；每月向安委办报告整改进展。',
      created_by: staffAccount.id, created_at: at(held, 18), updated_at: at(held, 18) });
    const tasks: [string, number, boolean][] = [['开展辖区“三车”违法集中整治并报送战果', 30, true], ['在事故多发路段设置劝导站', 20, i !== 3], ['提交事故原因分析和整改报告', 10, i < 2]];
    tasks.forEach(([title, dueIn, done], k) => {
      const due = addDays(held, dueIn);
      out.summonsTasks.push({ id: ctx.id(), summons_id: id, position: k + 1, title, due_on: due, done_at: done ? at(addDays(due, -rng.int(1, 5)), 11) : null,
        done_note: done ? '已完成，材料已报安委办' : null, done_by_name: done ? ctx.personName() : null });
    });
  });
  out.numberSequences.push({ kind: 'summons', year: 2022, last: SUMMONED_TOWNS.length });
  return { returns: out };
}
