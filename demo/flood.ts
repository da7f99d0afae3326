// The demo county's flood control (防汛), consistent with the half-year report (seed-figures.md rows 16–17):
// 352 reservoirs, 19 sluices, 1 dike, 5 polders (万亩垸), 139 mountain-torrent danger points and 10 hydropower stations,
// each with its three responsible people; 9 county inspection teams of 41 people; 57 town self-check and 12 county
// batches that together cover every facility; the 50 flood hazards of demo/hazards.ts (19 rectified by 2022-06-30)
// linked as the batches' findings; 267 方案预案; and the 6·21 罗江镇 flash flood's Ⅳ级 response with its tasks,
// acknowledgements and transfers. The monitoring module's reservoirs and torrent points are the same places, linked.
import { townCode, towns, villagesOf } from './county.js';
import type { DemoContext } from './random.js';
import type { DemoData, RegionRow } from './types.js';

type Row = Record<string, unknown>;
export interface FloodDemo {
  facilities: Row[]; teams: Row[]; batches: Row[]; batchFacilities: Row[]; findings: Row[]; plans: Row[];
  responses: Row[]; tasks: Row[]; transfers: Row[]; numberSequences: { kind: string; year: number; last: number }[];
}
interface MonitoringFacility { id: string; name: string; kind: string; region_code: string; lng: number; lat: number; characteristics: Record<string, number>; responsible: string }

const COUNTS: [kind: string, n: number, suffix: string][] = [
  ['reservoir', 352, '水库'], ['sluice', 19, '闸'], ['dike', 1, '干堤'], ['polder', 5, '垸'], ['torrent_point', 139, '山洪危险区'], ['hydropower', 10, '水电站'],
];
const SCALES: [string, number][] = [['medium', 3], ['small1', 41], ['small2', 308]];
const ROUTES = ['沿村道向北转移至', '经机耕道向东转移至', '沿山脊小路转移至', '沿公路向镇区转移至'];
const SHELTERS = ['村部', '村小学', '村综合服务中心', '组活动室'];
const local = (day: string, hm = '09:00') => new Date(`${day}T${hm}:00+08:00`).toISOString();
const round = (x: number, d = 5) => Math.round(x * 10 ** d) / 10 ** d;

/** Generate the flood registry, inspections, plans and the 6·21 response. */
export function generate(ctx: DemoContext, base: DemoData): { flood: FloodDemo } {
  const { rng } = ctx;
  const out: FloodDemo = { facilities: [], teams: [], batches: [], batchFacilities: [], findings: [], plans: [], responses: [], tasks: [], transfers: [], numberSequences: [] };
  const townList = towns(base);
  const villages = townList.flatMap((t) => villagesOf(base, t.code).filter((v) => v.name.endsWith('村')));
  const people = () => ({ admin_name: ctx.personName(), admin_phone: ctx.mobile(), tech_name: ctx.personName(), tech_phone: ctx.mobile(), patrol_name: ctx.personName(), patrol_phone: ctx.mobile() });
  const names = new Set<string>();
  const facility = (kind: string, name: string, v: RegionRow, extra: Row = {}) => {
    let unique = name; for (let i = 2; names.has(`${kind}:${v.code}:${unique}`); i++) unique = `${name.replace(/(水库|闸|垸|山洪危险区|水电站|干堤)$/, '')}${i}号${name.match(/(水库|闸|垸|山洪危险区|水电站|干堤)$/)?.[0] ?? ''}`;
    names.add(`${kind}:${v.code}:${unique}`);
    const f: Row = { id: ctx.id(), kind, name: unique, region_code: v.code, lng: round(v.center_lng + rng.float(-0.012, 0.012)), lat: round(v.center_lat + rng.float(-0.012, 0.012)),
      scale: null, levels: {}, capacity_wan_m3: null, households_at_risk: null, people_at_risk: null, transfer_route: null, shelter: null, thresholds: {},
      monitoring_facility_id: null, ...people(), created_at: local('2022-02-15'), updated_at: local('2022-02-15'), ...extra };
    out.facilities.push(f);
    return f;
  };
  // The monitoring module's sensor sites first: the same reservoirs and torrent points, linked for live readings.
  const monitored = (base.monitoringFacilities as unknown as MonitoringFacility[]).filter((m) => m.kind === 'reservoir' || m.kind === 'torrent_point');
  const byCode = new Map(base.regions.map((r) => [r.code, r]));
  for (const m of monitored) {
    const c = m.characteristics ?? {};
    const resp = JSON.parse(m.responsible) as { role: string; name: string; phone: string }[];
    const who = (role: string) => resp.find((r) => r.role === role);
    facility(m.kind, m.kind === 'reservoir' ? m.name : m.name.replace('山洪监测点', '山洪危险区'), byCode.get(m.region_code)!, {
      lng: m.lng, lat: m.lat, monitoring_facility_id: m.id, admin_name: who('行政责任人')?.name ?? ctx.personName(), admin_phone: who('行政责任人')?.phone ?? ctx.mobile(),
      patrol_name: who('巡查责任人')?.name ?? ctx.personName(), patrol_phone: who('巡查责任人')?.phone ?? ctx.mobile(),
      ...(m.kind === 'reservoir' ? { scale: 'small1', capacity_wan_m3: round(rng.float(100, 900), 2),
        levels: { deadLevel: c['死水位'], floodLimitLevel: c['汛限水位'], normalLevel: c['正常蓄水位'], designFloodLevel: c['设计洪水位'], checkFloodLevel: c['校核洪水位'] } }
        // A monitored torrent point carries the same 临界雨量 table as the others, so its live rainfall is judged (no random draw: the rest of the demo stays as it was).
        : { households_at_risk: 18, people_at_risk: 52, transfer_route: `沿村道转移至${byCode.get(m.region_code)!.name.replace(/村$/, '')}村部`, shelter: `${byCode.get(m.region_code)!.name.replace(/村$/, '')}村部`,
          thresholds: { prepare: { '1h': 35, '3h': 55, '6h': 70 }, evacuate: { '1h': 45, '3h': 75, '6h': 95 } } }),
    });
  }
  const scales = SCALES.flatMap(([s, n]) => Array<string>(n).fill(s));
  for (const [kind, n, suffix] of COUNTS) {
    const have = out.facilities.filter((f) => f.kind === kind).length;
    for (let i = have; i < n; i++) {
      const v = kind === 'dike' ? villagesOf(base, townCode('罗江镇')).find((x) => x.name.endsWith('村'))! : villages[(i * 13 + kind.length * 7) % villages.length];
      const stem = v.name.replace(/村$/, '');
      if (kind === 'reservoir') {
        const scale = scales[i];
        const limit = round(rng.float(35, 90), 1);
        facility(kind, `${stem}${suffix}`, v, { scale, capacity_wan_m3: round(scale === 'medium' ? rng.float(1000, 5000) : scale === 'small1' ? rng.float(100, 1000) : rng.float(10, 100), 2),
          levels: { deadLevel: round(limit - rng.float(5, 10), 1), floodLimitLevel: limit, normalLevel: round(limit + 0.5, 1), designFloodLevel: round(limit + 2.5, 1), checkFloodLevel: round(limit + 3.5, 1) } });
      } else if (kind === 'torrent_point') {
        const households = rng.int(6, 40);
        facility(kind, `${stem}${rng.pick(['冲', '坳', '溪', '坡'])}${suffix}`, v, { households_at_risk: households, people_at_risk: households * rng.int(2, 4),
          transfer_route: `${rng.pick(ROUTES)}${stem}${rng.pick(SHELTERS)}`, shelter: `${stem}${rng.pick(SHELTERS)}`,
          thresholds: { prepare: { '1h': 35, '3h': 55, '6h': 70 }, evacuate: { '1h': 45, '3h': 75, '6h': 95 } } });
      } else {
        facility(kind, kind === 'dike' ? '罗江干堤' : kind === 'polder' ? `${stem}${['大', '新', '联', '东', '西'][i]}${suffix}` : `${stem}${suffix}`, v);
      }
    }
  }

  // 9 county teams of 41 people (9 leaders + 32 members) and one self-check team per town.
  const county = base.regions.find((r) => r.level === 'county')!;
  const countyTeams = Array.from({ length: 9 }, (_, i) => {
    const t = { id: ctx.id(), name: `县级备汛检查第${'一二三四五六七八九'[i]}组`, level: 'county', region_code: county.code, leader: ctx.personName(),
      members: JSON.stringify(Array.from({ length: i < 5 ? 4 : 3 }, () => ctx.personName())), created_at: local('2022-02-25') };
    out.teams.push(t);
    return t;
  });
  const townTeams = new Map(townList.map((t) => {
    const team = { id: ctx.id(), name: `${t.name}备汛自查组`, level: 'town', region_code: t.code, leader: ctx.personName(), members: JSON.stringify([ctx.personName(), ctx.personName()]), created_at: local('2022-02-25') };
    out.teams.push(team);
    return [t.code, team];
  }));

  // Batches: 57 town self-checks (3 or 4 per town) that split each town's facilities; 12 county checks of a sample.
  const townOf = (code: string) => code.slice(0, 9) + '000';
  const days = (from: string, n: number, span: number) => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + Math.round(((i + 0.5) * span) / n) * 86400_000).toISOString().slice(0, 10));
  let seq = 0;
  const batch = (level: string, team: Row, region: string, day: string, facilityIds: string[]) => {
    const b = { id: ctx.id(), number: `BX-2022-${String(++seq).padStart(3, '0')}`, season: 2022, level, team_id: team.id, region_code: region, inspected_on: day,
      note: level === 'county' ? '县级检查组督查乡镇备汛工作并抽查工程' : '乡镇组织对辖区防汛工程和山洪危险区全面自查', created_by: null, created_at: local(day, '18:00') };
    out.batches.push(b);
    for (const id of facilityIds) out.batchFacilities.push({ batch_id: b.id, facility_id: id });
    return b;
  };
  const floodHazards = base.hazards.filter((h) => base.campaigns.find((c) => c.id === h.campaign_id)?.name === '2022年备汛检查').sort((a, b) => a.found_at.localeCompare(b.found_at));
  const townBatches: Row[] = [];
  townList.forEach((t, ti) => {
    const mine = out.facilities.filter((f) => townOf(f.region_code as string) === t.code);
    const n = ti < 12 ? 4 : 3;
    days('2022-03-05', n, 70).forEach((day, k) => townBatches.push(batch('town', townTeams.get(t.code)!, t.code, day, mine.filter((_, j) => j % n === k).map((f) => f.id as string))));
  });
  // County batches go first to the towns where county teams found problems, then to the others.
  const countyTowns = [...new Set([...floodHazards.filter((h) => h.found_by === '县级备汛检查组').map((h) => townOf(h.region_code)), ...townList.map((t) => t.code)])].slice(0, 12);
  const countyBatches = countyTowns.map((code, i) => batch('county', countyTeams[i % 9], code, days('2022-03-20', 12, 55)[i],
    rng.sample(out.facilities.filter((f) => townOf(f.region_code as string) === code), 8).map((f) => f.id as string)));
  // Each flood hazard becomes the finding of a batch in its town, of the level that found it, closest in time.
  for (const h of floodHazards) {
    const pool = (h.found_by === '县级备汛检查组' ? countyBatches : townBatches).filter((b) => b.region_code === townOf(h.region_code));
    const day = h.found_at.slice(0, 10);
    const b = pool.sort((x, y) => Math.abs(Date.parse(x.inspected_on as string) - Date.parse(day)) - Math.abs(Date.parse(y.inspected_on as string) - Date.parse(day)))[0];
    const inBatch = new Set(out.batchFacilities.filter((bf) => bf.batch_id === b.id).map((bf) => bf.facility_id));
    const at = out.facilities.find((f) => f.region_code === h.region_code && inBatch.has(f.id));
    out.findings.push({ hazard_id: h.id, batch_id: b.id, facility_id: at?.id ?? null });
  }

  // 267 plans: 15 towns, every medium/small(一) reservoir, sluice and hydropower station, and villages for the rest.
  const countyPlan = base.commandPlans.plans.find((p) => p.title === '汨水市防汛抗旱应急预案');
  const plan = (level: string, title: string, region: string, facilityId: string | null) => out.plans.push({ id: ctx.id(), level, title, region_code: region, facility_id: facilityId,
    command_plan_id: countyPlan?.id ?? null, revised_on: `2022-0${rng.int(3, 5)}-${String(rng.int(1, 28)).padStart(2, '0')}`, created_at: local('2022-03-01') });
  for (const t of townList) plan('town', `${t.name}防汛应急预案`, t.code, null);
  for (const f of out.facilities.filter((f) => ['medium', 'small1'].includes(f.scale as string) || f.kind === 'sluice' || f.kind === 'hydropower')) {
    plan('facility', `${f.name}${f.kind === 'reservoir' ? '防汛抢险应急预案' : '度汛方案'}`, f.region_code as string, f.id as string);
  }
  for (const v of villages.slice(0, 267 - out.plans.length)) plan('village', `${v.name}山洪灾害防御预案`, v.code, null);

  // The 6·21 flash flood in 罗江镇 (incident SJ-2022-0003): a Ⅳ级 response, tasks to every responsible person, transfers.
  const luojiang = townCode('罗江镇');
  const incident = base.commandIncidents.incidents.find((i) => i.number === 'SJ-2022-0003');
  const started = local('2022-06-21', '11:30');
  const response = { id: ctx.id(), number: 'FXXY-2022-001', level: 4, region_code: luojiang, town_codes: [luojiang], reason: '罗江镇 6 小时降雨 186 毫米，钟家山村等地山洪暴发，罗江干堤出现散浸',
    incident_id: incident?.id ?? null, started_at: started, started_by: null, ended_at: local('2022-06-24', '17:00') };
  out.responses.push(response);
  const TASK = { admin: '到岗履行行政责任，组织值守、巡查和危险区群众转移', tech: '加密观测水位、雨量和工程险情，提出技术处置意见', patrol: '按规定加密巡查，发现险情立即报告' };
  for (const f of out.facilities.filter((f) => townOf(f.region_code as string) === luojiang)) {
    for (const role of ['admin', 'tech', 'patrol'] as const) {
      const late = rng.chance(0.15);
      out.tasks.push({ id: ctx.id(), response_id: response.id, facility_id: f.id, region_code: f.region_code, role, person_name: f[`${role}_name`], phone: f[`${role}_phone`],
        task: `防汛Ⅳ级应急响应已启动：请${TASK[role]}。`, account_id: null, notification_ids: '{}', sent_count: late ? 2 : 1,
        last_sent_at: late ? local('2022-06-21', '12:05') : started, acked_at: local('2022-06-21', late ? `12:${rng.int(10, 40)}` : `11:${rng.int(32, 58)}`),
        ack_note: late ? '值班员电话确认' : '本人短信回复确认' });
    }
    if (f.kind === 'torrent_point') {
      const planned = f.people_at_risk as number;
      out.transfers.push({ response_id: response.id, facility_id: f.id, region_code: f.region_code, planned, transferred: planned, returned: planned, updated_at: local('2022-06-24', '16:00') });
    }
  }
  out.numberSequences.push({ kind: 'flood_batch', year: 2022, last: seq }, { kind: 'flood_response', year: 2022, last: 1 });
  return { flood: out };
}
