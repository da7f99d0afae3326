// 防灾减灾救灾 of the demo county: the 379 disaster information officers (灾害信息员) of the report (seed-figures.md #15) —
// the county post (减灾和物资保障股, A and B), each of the 15 towns' posts (应急管理站, A and B; one town still lacks its
// B) and one officer per village/社区 (A; 2 villages vacant after a departure) with a B in 54 villages — and their
// 2022 H1 training. The informant_demo account is the A of its village. Disaster events of 2022 H1 with their reports
// through the chain: the 3·26 hail (风雹) in 新市镇 and 长湖镇 (stable, 核报 done) and the 6·21 flash flood (山洪) in 罗江镇
// (SJ-2022-0003 in the incidents demo: 1,260 relocated; still reporting, one village's 续报 awaiting the town, one sent back).
// Relief: the 2022 allocation shared out to the 15 towns and 2 departments, paid to households, and the June 专项督查
// drawing 20% of each town's and department's households for home visits and phone calls (the report's audit).
import { COUNTY_CODE, TOWN_NAMES, towns, townCode, villagesOf } from './county.js';
import { ricCheckChar } from '../server/platform/codes/ric.js';
import { drawSample, SAMPLE_ALGORITHM } from '../server/domains/disaster/relief/sample.js';
import { orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData } from './types.js';

type Row = Record<string, unknown>;
export interface DisasterDemo { informants: Row[]; trainings: Row[]; events: Row[]; areas: Row[]; reports: Row[]; reportEvents: Row[]; allocations: Row[]; distributions: Row[]; audits: Row[]; checks: Row[] }
type Base = Pick<DemoData, 'regions' | 'accounts' | 'commandIncidents' | 'organizations'>;

export const INFORMANT_TOTAL = 379;
/** The town whose post lacks its B and the number of vacant village posts (the coverage view's gaps). */
export const TOWN_WITHOUT_B = '梅溪镇';
const VACANT_VILLAGES = 2;
const VILLAGE_B = 54;

const TRAININGS = [
  { on: '2022-03-16', topic: '灾情统计报送制度与国家自然灾害灾情管理系统操作', hours: 4 },
  { on: '2022-04-22', topic: '汛前灾害信息员业务培训（初报、续报、核报时限）', hours: 3 },
  { on: '2022-05-12', topic: '防灾减灾日：预警信息传递与协助转移安置', hours: 2 },
];

export function generate(ctx: DemoContext, base: Base): { disaster: DisasterDemo } {
  const { rng } = ctx;
  const informants: Row[] = [];
  const trainings: Row[] = [];
  const add = (level: string, region: string, role: 'A' | 'B', unit: string, position: string, person?: { name: string; phone: string }) => {
    const id = ctx.id();
    informants.push({ id, name: person?.name ?? ctx.personName(), phone: person?.phone ?? ctx.mobile(), level, region_code: region, role, unit, position, active: true });
    // Town and county officers attended every session; village officers most of them.
    for (const t of TRAININGS) if (level !== 'village' || rng.chance(0.7)) trainings.push({ id: ctx.id(), informant_id: id, trained_on: t.on, topic: t.topic, hours: t.hours });
  };
  add('county', COUNTY_CODE, 'A', '汨水市应急管理局', '减灾和物资保障股股长');
  add('county', COUNTY_CODE, 'B', '汨水市应急管理局', '减灾和物资保障股科员');
  for (const town of towns(base)) {
    add('town', town.code, 'A', `${town.name}应急管理站`, '站长');
    if (town.name !== TOWN_WITHOUT_B) add('town', town.code, 'B', `${town.name}应急管理站`, '工作人员');
  }
  const villages = towns(base).flatMap((t) => villagesOf(base, t.code));
  const informantAccount = base.accounts.find((a) => a.username === 'informant_demo');
  const vacant = new Set(rng.sample(villages.filter((v) => v.code !== informantAccount?.scope_region_code), VACANT_VILLAGES).map((v) => v.code));
  const withB = new Set(rng.sample(villages.filter((v) => !vacant.has(v.code)), VILLAGE_B).map((v) => v.code));
  for (const v of villages) {
    const unit = v.name.endsWith('社区') ? `${v.name}居民委员会` : `${v.name}村民委员会`;
    const person = v.code === informantAccount?.scope_region_code ? { name: informantAccount.display_name, phone: informantAccount.phone ?? ctx.mobile() } : undefined;
    if (!vacant.has(v.code)) add('village', v.code, 'A', unit, rng.pick(['村委会主任', '村支部委员', '村综治专干', '网格员']), person);
    if (withB.has(v.code)) add('village', v.code, 'B', unit, rng.pick(['村委会委员', '网格员', '村会计']));
  }
  const ev = events(ctx, base, informants);
  return { disaster: { informants, trainings, ...ev, ...relief(ctx, base, ev.events) } };
}

const local = (day: string, hm: string) => new Date(`${day}T${hm}:00+08:00`).toISOString();
const addMin = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString();

interface EventSpec { name: string; kind: string; start: string; towns: (typeof TOWN_NAMES)[number][]; stable: string | null; incident?: string; scale: number; villages: number }
const EVENTS: EventSpec[] = [
  { name: '新市镇、长湖镇“3·26”风雹灾害', kind: 'hail', start: local('2022-03-26', '16:20'), towns: ['新市镇', '长湖镇'], stable: local('2022-03-28', '10:00'), scale: 0.6, villages: 3 },
  { name: '罗江镇“6·21”山洪灾害', kind: 'flood', start: local('2022-06-21', '10:40'), towns: ['罗江镇'], stable: null, incident: 'SJ-2022-0003', scale: 2, villages: 4 },
];

/** Indicator figures of one village at a growth factor (later reports of a worsening event report more). */
function figures(rng: DemoContext['rng'], kind: string, scale: number) {
  const people = Math.round(rng.int(80, 260) * scale);
  const crop = Math.round(rng.float(8, 40) * scale * 10) / 10;
  const f: Record<string, number> = {
    affectedPeople: people, relocated: kind === 'flood' ? Math.round(people * rng.float(0.5, 0.9)) : 0, needRelief: Math.round(people * rng.float(0.05, 0.15)),
    cropAffectedHa: crop, cropDamagedHa: Math.round(crop * rng.float(0.3, 0.6) * 10) / 10, cropLostHa: Math.round(crop * rng.float(0.05, 0.2) * 10) / 10,
    severeHouseholds: rng.int(0, 3), severeRooms: 0, minorHouseholds: rng.int(2, 12), minorRooms: 0,
    lossAgriculture: Math.round(crop * rng.float(0.8, 1.6) * 10) / 10, lossInfrastructure: Math.round(rng.float(5, 40) * scale * 10) / 10, lossHousing: Math.round(rng.float(2, 15) * 10) / 10,
  };
  f.severeRooms = f.severeHouseholds * rng.int(1, 3);
  f.minorRooms = f.minorHouseholds * rng.int(1, 3);
  return f;
}

function events(ctx: DemoContext, base: Base, informants: Row[]) {
  const { rng } = ctx;
  const out = { events: [] as Row[], areas: [] as Row[], reports: [] as Row[], reportEvents: [] as Row[] };
  const officer = (region: string) => informants.find((i) => i.region_code === region && i.role === 'A')?.name as string | undefined;
  const trail = (reportId: string, action: string, from: string | null, to: string, actor: string, at: string, note: string | null = null) =>
    out.reportEvents.push({ id: ctx.id(), report_id: reportId, action, from_status: from, to_status: to, note, actor_id: null, actor_name: actor, at });
  for (const [n, e] of EVENTS.entries()) {
    const id = ctx.id();
    const codes = e.towns.map((t) => townCode(t));
    const incident = e.incident ? base.commandIncidents.incidents.find((i) => i.number === e.incident) : undefined;
    out.events.push({ id, number: `灾〔2022〕${n + 1}号`, name: e.name, kind: e.kind, started_at: e.start, region_code: codes.length === 1 ? codes[0] : COUNTY_CODE,
      description: e.kind === 'hail' ? '强对流天气伴短时大风和冰雹，油菜、蔬菜受损，部分房屋瓦面被砸坏。' : '持续强降雨引发山洪，部分房屋进水、村道冲毁，危险区群众紧急转移。',
      stable_at: e.stable, incident_id: (incident?.id as string | undefined) ?? null, created_by: null });
    for (const code of codes) out.areas.push({ event_id: id, region_code: code });
    for (const town of codes) {
      const preferred = e.incident ? ['钟家山村', '金冲村'].map((v) => base.regions.find((r) => r.name === v && r.parent_code === town)).filter((r) => !!r) : [];
      const vs = [...preferred, ...rng.sample(villagesOf(base, town).filter((v) => !preferred.includes(v)), e.villages - preferred.length)];
      const stationHead = informants.find((i) => i.region_code === town && i.role === 'A')?.name as string;
      const stages: [string, number, number][] = e.stable ? [['initial', 80, 0.6], ['update', 60 * 18, 0.9], ['update', 60 * 42, 1], ['final', 60 * 48 + 2 * 60 * 24, 1]]
        : [['initial', 70, 0.5], ['update', 60 * 22, 0.85], ['update', 60 * 46, 1]];
      for (const [vi, v] of vs.entries()) {
        const reporter = officer(v.code) ?? stationHead;
        for (const [si, [stage, after, growth]] of stages.entries()) {
          const rid = ctx.id();
          const submitted = addMin(e.start, after + rng.int(0, 40));
          const last = si === stages.length - 1;
          // The flood still runs: its latest 续报 of the first village waits for the town; the second was sent back once.
          const status = !e.stable && last && vi === 0 ? 'submitted' : 'approved';
          out.reports.push({ id: rid, event_id: id, region_code: v.code, level: 'village', stage, status, as_of: addMin(submitted, -20), figures: JSON.stringify(figures(rng, e.kind, e.scale * growth)),
            description: stage === 'initial' ? `${v.name}初步核查情况` : stage === 'final' ? `${v.name}逐户核查后的核定数` : `截至${v.name}统计时点的累计数`,
            reporter_id: null, reporter_name: reporter, submitted_at: submitted, approved_at: status === 'approved' ? addMin(submitted, 90) : null });
          trail(rid, 'submit', null, 'submitted', reporter, submitted);
          if (!e.stable && last && vi === 1) {
            trail(rid, 'return', 'submitted', 'returned', stationHead, addMin(submitted, 30), '紧急转移安置人数与村转移台账不一致，请核实后重报');
            trail(rid, 'resubmit', 'returned', 'submitted', reporter, addMin(submitted, 60));
          }
          if (status === 'approved') {
            trail(rid, 'approve', 'submitted', 'town_approved', stationHead, addMin(submitted, 75));
            trail(rid, 'approve', 'town_approved', 'approved', '汨水市应急管理局值班员', addMin(submitted, 90));
          }
        }
      }
    }
  }
  return out;
}

/** The report's relief audit: 15 towns and 2 departments, 20% of households checked. */
export const RELIEF_AUDIT = { seed: '20220615-汨水市应急管理局-公证处', ratePercent: 20, departments: ['汨水市农业农村局', '汨水市水利局'] };

function relief(ctx: DemoContext, base: Base, events: Row[]) {
  const { rng } = ctx;
  const out = { allocations: [] as Row[], distributions: [] as Row[], audits: [] as Row[], checks: [] as Row[] };
  const countyId = ctx.id();
  const shares: { id: string; region: string; org: string | null; name: string; villages: string[] }[] = [
    ...towns(base).map((t) => ({ id: ctx.id(), region: t.code, org: null, name: t.name, villages: villagesOf(base, t.code).map((v) => v.code) })),
    ...RELIEF_AUDIT.departments.map((d) => ({ id: ctx.id(), region: COUNTY_CODE, org: orgByName(base, d).id, name: d, villages: rng.sample(towns(base), 3).flatMap((t) => villagesOf(base, t.code).slice(0, 2).map((v) => v.code)) })),
  ];
  let total = 0;
  let seq = 0;
  for (const [n, s] of shares.entries()) {
    const households = rng.int(10, 24);
    let paid = 0;
    for (let h = 0; h < households; h++) {
      const birth = `${rng.int(1942, 1990)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
      const first17 = `430699${birth}${String(++seq % 1000).padStart(3, '0')}`;
      const amount = rng.pick([300, 500, 800, 1000, 1500, 2000]);
      const bank = rng.chance(0.7);
      paid += amount;
      out.distributions.push({ id: ctx.id(), allocation_id: s.id, region_code: rng.pick(s.villages), name: ctx.personName(), id_number: first17 + ricCheckChar(first17), phone: ctx.mobile(),
        amount, paid_on: `2022-05-${String(rng.int(10, 31)).padStart(2, '0')}`, method: bank ? 'bank' : 'signature', bank_ref: bank ? `一卡通尾号${rng.digits(4)}` : null, created_by: null });
    }
    const amount = Math.ceil((paid + rng.int(0, 8) * 500) / 1000) * 1000;
    total += amount;
    out.allocations.push({ id: s.id, number: `救资〔2022〕${n + 2}号`, parent_id: countyId, event_id: null, region_code: s.region, org_id: s.org, recipient: s.name,
      purpose: 'emergency_living', amount, allocated_on: '2022-04-28', note: '', created_by: null });
  }
  out.allocations.unshift({ id: countyId, number: '救资〔2022〕1号', parent_id: null, event_id: (events[0]?.id as string) ?? null, region_code: COUNTY_CODE, org_id: null, recipient: '汨水市',
    purpose: 'emergency_living', amount: total + 50000, allocated_on: '2022-04-20', note: '2022年中央和省级自然灾害救灾资金（含“3·26”风雹灾害受灾群众应急生活救助）', created_by: null });
  const auditId = ctx.id();
  const drawn = drawSample(RELIEF_AUDIT.seed, RELIEF_AUDIT.ratePercent, out.distributions.map((d) => ({ id: d.id as string, unit: d.allocation_id as string })));
  out.audits.push({ id: auditId, number: '督查〔2022〕1号', allocation_id: countyId, name: '2022年上半年救灾资金专项督查', seed: RELIEF_AUDIT.seed, rate_percent: RELIEF_AUDIT.ratePercent,
    population: out.distributions.length, algorithm: SAMPLE_ALGORITHM, drawn_at: '2022-06-15T02:00:00.000Z', created_by: null });
  for (const d of drawn) {
    const outcome = rng.weighted([['confirmed', 90], ['discrepancy', 4], ['unreachable', 6]]) as string;
    out.checks.push({ audit_id: auditId, distribution_id: d.distributionId, position: d.position, method: d.method, outcome,
      finding: outcome === 'discrepancy' ? rng.pick(['发放签领表缺户主签字', '实际领取金额与台账不符，已责令乡镇核实补发', '一卡通未到账，已督促重新发放']) : null,
      checked_at: `2022-06-${String(rng.int(16, 28)).padStart(2, '0')}T07:00:00.000Z`, checked_by: rng.pick(['督查组一组', '督查组二组', '督查组三组']) });
  }
  return out;
}
