// 应急资源 of the demo county 汨水市: the county's rescue teams (综合应急救援大队, 消防, 森林消防, 防汛抢险, the 危化品 team
// at 循环园, 矿山救护) with members and their certificates, the 15 town 分队, village volunteer teams and social forces;
// ~40 experts; the county reserve, the flood-supplies depot, the 循环园 hazchem store and a store in every town, with
// stock in dated batches and a ledger that adds up (the June 2022 flood drew on it); shelters in every town (one full
// after the flood); vehicles and heavy equipment. Batch and certificate expiries spread from 2022 to 2028 so that
// the readiness overview shows something expiring whatever the clock says.
import { COUNTY_CODE, PARKS, SEAT_TOWN, TOWN_NAMES, townCode, villagesOf } from './county.js';
import { demoEnterprise } from './enterprises.js';
import { round5, type Point, type Ring } from './geo.js';
import { randomPointIn } from './geo.js';
import { orgByName, RESCUE_BRIGADE_NAME } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, RegionRow } from './types.js';

type Row = Record<string, unknown>;
export interface CommandResourcesDemo {
  teams: Row[]; members: Row[]; experts: Row[]; warehouses: Row[]; items: Row[]; stock: Row[]; batches: Row[]; ledger: Row[]; shelters: Row[]; equipment: Row[];
}

const DAY = 86400_000;
const REPORT_END = Date.UTC(2022, 5, 30, 4, 0, 0); // 2022-06-30 12:00 Asia/Shanghai
const isoDay = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const CERTS = ['应急救援员（四级）', '应急救援员（三级）', '救生员证', '急救员证（红十字）', '特种作业操作证（高处作业）', '危险化学品应急处置培训证', '矿山救护队员证', '机动车驾驶证 A2', '潜水员证', '无人机驾驶员执照'];
const ROLES = ['副队长', '安全员', '驾驶员', '通信员', '卫生员', '队员', '队员', '队员', '队员', '队员'];

// [name, unit, category, shelf life in years (0: none), per-county-store quantity, per-town quantity]
const ITEMS: [string, string, string, string, number, number, number][] = [
  ['编织袋', '50×80cm', '条', 'flood', 0, 60000, 3000],
  ['麻袋', '', '条', 'flood', 0, 20000, 1000],
  ['土工布', '200g/㎡', '平方米', 'flood', 0, 8000, 400],
  ['救生衣', '成人', '件', 'flood', 5, 1500, 60],
  ['救生圈', '', '个', 'flood', 5, 400, 20],
  ['铅丝石笼', '2×1×1m', '个', 'flood', 0, 600, 0],
  ['潜水泵', '15kW', '台', 'flood', 0, 30, 2],
  ['帐篷', '12㎡ 救灾专用', '顶', 'living', 8, 600, 30],
  ['棉被', '', '床', 'living', 6, 3000, 120],
  ['折叠床', '', '张', 'living', 0, 1200, 60],
  ['矿泉水', '550ml×24', '箱', 'living', 1, 2000, 80],
  ['方便面', '24袋装', '箱', 'living', 1, 1200, 50],
  ['吸附棉', '40×50cm', '包', 'hazchem', 0, 500, 0],
  ['防化服', '重型', '套', 'hazchem', 5, 60, 0],
  ['正压式空气呼吸器', '6.8L', '具', 'hazchem', 8, 40, 0],
  ['堵漏工具', '', '套', 'hazchem', 0, 12, 0],
  ['中和剂', '碳酸氢钠', '千克', 'hazchem', 3, 2000, 0],
  ['干粉灭火器', '4kg', '具', 'fire', 5, 800, 40],
  ['风力灭火机', '', '台', 'fire', 0, 80, 6],
  ['二号扑火工具', '', '把', 'fire', 0, 1000, 60],
  ['急救包', '', '个', 'medical', 3, 500, 20],
  ['担架', '折叠式', '副', 'medical', 0, 100, 4],
  ['应急照明灯', '', '个', 'power', 0, 300, 20],
  ['柴油', '0号', '升', 'power', 2, 5000, 0],
  ['铁锹', '', '把', 'rescue', 0, 1500, 100],
  ['安全绳', '30m', '根', 'rescue', 0, 300, 15],
];

/** A point inside a region: a town or park's outline, or near a village's centre. */
function pointIn(ctx: DemoContext, r: RegionRow): Point {
  if (r.boundary) return randomPointIn(ctx.rng, r.boundary.coordinates[0].slice(0, -1) as Ring);
  return [r.center_lng + ctx.rng.float(-0.004, 0.004), r.center_lat + ctx.rng.float(-0.004, 0.004)];
}

/** Generates the emergency resources of the demo county. */
export function generate(ctx: DemoContext, base: Pick<DemoData, 'regions' | 'organizations' | 'enterprises'>): CommandResourcesDemo {
  const { rng } = ctx;
  const out: CommandResourcesDemo = { teams: [], members: [], experts: [], warehouses: [], items: [], stock: [], batches: [], ledger: [], shelters: [], equipment: [] };
  const region = new Map(base.regions.map((r) => [r.code, r]));
  const town = (name: string) => region.get(townCode(name as (typeof TOWN_NAMES)[number]))!;
  const park = (name: string) => region.get(PARKS.find((p) => p.name === name)!.code)!;
  const seat = town(SEAT_TOWN);
  const at = (r: RegionRow) => { const [lng, lat] = pointIn(ctx, r); return { lng: round5(lng), lat: round5(lat) }; };
  const created = (daysBefore: number) => new Date(REPORT_END - daysBefore * DAY).toISOString();
  const org = (name: string) => orgByName(base, name).id;

  // 救援队伍 and their members.
  const team = (name: string, kind: string, where: RegionRow, regionCode: string, o: { owner?: string | null; enterprise?: string | null; strength: number; members: number;
    specialities: string[]; equipment?: string; readiness?: string }) => {
    const id = ctx.id();
    const leader = ctx.personName();
    const leaderPhone = ctx.mobile();
    out.teams.push({ id, name, kind, owner_org_id: o.owner ?? null, enterprise_id: o.enterprise ?? null, region_code: regionCode, address: `${where.name}${rng.pick(['应急大楼', '消防站', '营房', '村部', '综合楼'])}`,
      ...at(where), leader, leader_phone: leaderPhone, planned_strength: o.strength, specialities: o.specialities, equipment_note: o.equipment ?? null,
      readiness: o.readiness ?? 'ready', note: null, created_at: created(rng.int(200, 900)), updated_at: created(rng.int(0, 60)) });
    for (let i = 0; i < o.members; i++) {
      const certs = rng.sample(CERTS, rng.int(0, 2)).map((c) => ({ name: c, no: `${rng.digits(4)}${rng.digits(8)}`, expiresOn: isoDay(Date.UTC(2022, 7, 1) + rng.int(0, 9 * 365) * DAY) }));
      out.members.push({ id: ctx.id(), team_id: id, name: i === 0 ? leader : ctx.personName(), role: i === 0 ? '队长' : rng.pick(ROLES), phone: i === 0 ? leaderPhone : ctx.mobile(),
        certificates: JSON.stringify(certs), created_at: created(rng.int(100, 800)) });
    }
    return id;
  };
  const brigade = team(RESCUE_BRIGADE_NAME, 'professional', seat, COUNTY_CODE, { owner: org(RESCUE_BRIGADE_NAME), strength: 45, members: 42,
    specialities: ['综合救援', '水域救援', '建筑坍塌', '山岳救援'], equipment: '抢险救援车 2 台、冲锋舟 4 艘、液压破拆工具 3 套' });
  const fire = team('汨水市消防救援大队城区消防站', 'fire', seat, COUNTY_CODE, { owner: org('汨水市消防救援大队'), strength: 50, members: 48,
    specialities: ['火灾扑救', '危化品泄漏处置', '高空救援'], equipment: '水罐消防车 3 台、泡沫消防车 1 台、举高喷射车 1 台' });
  const forest = team('汨水市森林消防专业队', 'forest_fire', town('龙泉镇'), COUNTY_CODE, { owner: org('汨水市林业局'), strength: 30, members: 30,
    specialities: ['森林火灾扑救', '以水灭火'], equipment: '风力灭火机 20 台、高压细水雾 6 台' });
  const flood = team('汨水市防汛抢险队', 'flood', town('罗江镇'), COUNTY_CODE, { owner: org('汨水市水利局'), strength: 40, members: 36,
    specialities: ['堤防抢险', '管涌处置', '水上救援'], equipment: '冲锋舟 6 艘、大功率排涝泵 4 台' });
  const demo = demoEnterprise(base);
  const hazchem = team('循环园危化品应急救援队', 'hazchem', park('循环园'), park('循环园').code, { owner: org('汨水循环经济产业园管理委员会'), enterprise: null, strength: 25, members: 21,
    specialities: ['危化品泄漏堵漏', '洗消', '有毒气体侦检'], equipment: `依托${demo.name}专职队；重型防化服 12 套、气体检测仪 8 台` });
  const mine = team('汨水市矿山救护队', 'mine', town('青山镇'), COUNTY_CODE, { owner: null, strength: 20, members: 18, specialities: ['矿山救护', '有限空间救援'],
    equipment: '正压氧气呼吸器 20 台、矿用多参数检测仪 6 台' });
  const townTeams = TOWN_NAMES.map((t, i) => team(`${t}应急救援分队`, 'town', town(t), town(t).code, { owner: org(`${t}应急救援分队`), strength: 25,
    // Two towns are under strength; one team is out on a task.
    members: i === 4 || i === 11 ? rng.int(12, 18) : rng.int(25, 30), specialities: rng.sample(['防汛抢险', '森林防火', '人员转移', '道路抢通', '水域救援'], 2),
    readiness: i === 1 ? 'dispatched' : 'ready' }));
  for (const t of TOWN_NAMES) {
    for (const v of rng.sample(villagesOf(base, townCode(t)).filter((x) => x.name.endsWith('村')), 2)) {
      team(`${v.name}应急志愿者队`, 'village', v, v.code, { strength: 10, members: rng.int(6, 12), specialities: rng.sample(['巡堤查险', '人员转移', '扑救山火', '信息报送'], 2),
        readiness: rng.chance(0.1) ? 'off_duty' : 'ready' });
    }
  }
  team('汨水市蓝天救援队', 'social', seat, seat.code, { strength: 30, members: 26, specialities: ['水域救援', '山地搜救', '应急通信'] });
  team('汨水市红十字应急救护队', 'social', seat, seat.code, { strength: 20, members: 15, specialities: ['医疗救护', '心理疏导'] });

  // 专家
  const FIELDS = ['危险化学品', '非煤矿山', '消防', '防汛抗旱', '地质灾害', '森林防火', '医疗救护', '建筑结构', '特种设备', '电力', '气象', '环境监测', '交通运输', '烟花爆竹'];
  const UNITS = ['汨水市水利局', '汨水市自然资源局', '汨水市人民医院', '汨水市气象局', '湖南湘岳化工设计院', '岳阳市安全生产技术服务中心', '汨水市住房和城乡建设局', '汨水市林业局',
    '国网汨水市供电公司', '汨水市生态环境监测站', '汨水市特种设备检验所', `${demo.name}`];
  const TITLES = ['高级工程师', '正高级工程师', '工程师', '主任医师', '副主任医师', '教授', '注册安全工程师'];
  for (let i = 0; i < 40; i++) {
    const fields = rng.sample(FIELDS, rng.chance(0.4) ? 2 : 1);
    out.experts.push({ id: ctx.id(), name: ctx.personName(), fields, title: rng.pick(TITLES), unit: rng.pick(UNITS), phone: ctx.mobile(), region_code: COUNTY_CODE, ...at(seat),
      available: !rng.chance(0.1), note: null, created_at: created(rng.int(100, 900)), updated_at: created(rng.int(0, 90)) });
  }

  // 储备库, the catalogue, stock lines with dated batches, and their ledger.
  const keeperOf = () => ({ keeper: ctx.personName(), keeper_phone: ctx.mobile() });
  const warehouse = (name: string, level: string, where: RegionRow, regionCode: string, owner: string | null, area: number) => {
    const id = ctx.id();
    out.warehouses.push({ id, name, level, owner_org_id: owner, region_code: regionCode, address: `${where.name}${rng.pick(['工业大道', '物流园', '政府院内', '粮站旧址'])}${rng.int(1, 99)}号`,
      ...at(where), ...keeperOf(), area_m2: area, note: null, created_at: created(900), updated_at: created(rng.int(0, 60)) });
    return id;
  };
  const county = warehouse('汨水市应急物资储备库', 'county', seat, COUNTY_CODE, org('救灾和物资保障股'), 3200);
  const floodDepot = warehouse('汨水市防汛物资仓库', 'county', town('罗江镇'), COUNTY_CODE, org('汨水市水利局'), 1800);
  const hazStore = warehouse('循环园危化品应急物资库', 'town', park('循环园'), park('循环园').code, org('汨水循环经济产业园管理委员会'), 400);
  const townStores = TOWN_NAMES.map((t) => ({ town: t, id: warehouse(`${t}应急物资储备点`, 'town', town(t), town(t).code, org(`${t}人民政府`), rng.int(120, 400)) }));
  const itemIds = ITEMS.map(([name, spec, unit, category]) => { const id = ctx.id(); out.items.push({ id, name, spec, unit, category, created_at: created(900) }); return id; });

  const operator = { actor_id: null, actor_name: '汨水市应急管理局救灾股' };
  const events: Row[] = [];
  const line = (warehouseId: string, itemIdx: number, qty: number, minLevel: number) => {
    const [name, , , , life] = ITEMS[itemIdx];
    const id = ctx.id();
    const batches: { id: string; quantity: number; expires: number | null; received: number; no: string }[] = [];
    // Two or three purchases over 2018–2022, each its own batch.
    let left = qty;
    const n = qty === 0 ? 0 : qty >= 10 ? rng.int(1, 3) : 1;
    for (let k = 0; k < n; k++) {
      const part = k === n - 1 ? left : Math.round(left * rng.float(0.3, 0.6));
      left -= part;
      const received = Date.UTC(2018 + rng.int(0, 3), rng.int(0, 11), rng.int(1, 28), 2);
      const expires = life ? received + Math.round(life * 365 * DAY * rng.float(0.95, 1.05)) : null;
      batches.push({ id: ctx.id(), quantity: part, expires, received, no: `${new Date(received).getUTCFullYear()}-${rng.digits(4)}` });
    }
    // Lapsed perishables were replaced: a batch whose expiry fell before 2022 gets a fresh date (bought again in 2022).
    for (const b of batches) if (b.expires !== null && b.expires < Date.UTC(2022, 0, 1)) { b.received = Date.UTC(2022, rng.int(0, 4), rng.int(1, 28), 2); b.expires = b.received + Math.round(life * 365 * DAY); }
    batches.sort((a, b) => a.received - b.received);
    for (const b of batches) events.push({ stockId: id, warehouseId, itemId: itemIds[itemIdx], at: b.received, delta: b.quantity, kind: 'inbound', reason: `${new Date(b.received).getUTCFullYear()}年度${name}采购入库`, batch: b });
    out.stock.push({ id, warehouse_id: warehouseId, item_id: itemIds[itemIdx], quantity: qty, min_level: minLevel, updated_at: created(rng.int(0, 30)) });
    return { id, batches, itemIdx, warehouseId };
  };
  const lines: ReturnType<typeof line>[] = [];
  ITEMS.forEach(([, , , category, , countyQty], i) => {
    if (category === 'hazchem') return;
    lines.push(line(county, i, countyQty, Math.round(countyQty * 0.5)));
  });
  for (const i of [0, 1, 2, 3, 4, 5, 6, 23, 24]) lines.push(line(floodDepot, i, Math.round(ITEMS[i][5] * 0.6), Math.round(ITEMS[i][5] * 0.3)));
  ITEMS.forEach(([, , , category, , countyQty], i) => { if (category === 'hazchem') lines.push(line(hazStore, i, countyQty, Math.round(countyQty * 0.6))); });
  for (const s of townStores) {
    ITEMS.forEach(([, , , , , , townQty], i) => {
      if (!townQty || rng.chance(0.25)) return;
      const qty = Math.round(townQty * rng.float(0.7, 1.3));
      // About one line in eight has fallen below its minimum since the June flood.
      const below = rng.chance(0.12);
      lines.push(line(s.id, i, below ? Math.round(townQty * rng.float(0.1, 0.4)) : qty, Math.round(townQty * 0.5)));
    });
  }
  // The June 2022 flood: sandbags and life jackets out of the flood depot, a transfer of quilts and tents from the county store to 罗江镇.
  const take = (l: ReturnType<typeof line>, qty: number, atMs: number, kind: string, reason: string, transferId: string | null = null) => {
    let left = qty;
    for (const b of [...l.batches].sort((a, c) => (a.expires ?? Infinity) - (c.expires ?? Infinity) || a.received - c.received)) {
      const q = Math.min(b.quantity, left);
      b.quantity -= q;
      left -= q;
    }
    events.push({ stockId: l.id, warehouseId: l.warehouseId, itemId: itemIds[l.itemIdx], at: atMs, delta: -qty, kind, reason, transferId });
    const s = out.stock.find((x) => x.id === l.id)!;
    s.quantity = Number(s.quantity) - qty;
  };
  const floodAt = Date.UTC(2022, 5, 21, 7);
  const depotLine = (i: number) => lines.find((l) => l.warehouseId === floodDepot && l.itemIdx === i)!;
  take(depotLine(0), 12000, floodAt, 'outbound', '6·21 强降雨：罗江镇堤段抢险');
  take(depotLine(3), 120, floodAt + 3600_000, 'outbound', '6·21 强降雨：人员转移');
  const luojiang = townStores[1].id;
  for (const i of [7, 8]) {
    const from = lines.find((l) => l.warehouseId === county && l.itemIdx === i)!;
    const qty = i === 7 ? 40 : 200;
    const transferId = ctx.id();
    take(from, qty, floodAt + 5 * 3600_000, 'transfer_out', `6·21 强降雨安置调拨（汨水市应急物资储备库 → 罗江镇应急物资储备点）`, transferId);
    const to = lines.find((l) => l.warehouseId === luojiang && l.itemIdx === i) ?? line(luojiang, i, 0, Math.round(ITEMS[i][6] * 0.5));
    const src = from.batches.find((b) => b.expires !== null)!;
    const b = { id: ctx.id(), quantity: qty, expires: src.expires, received: floodAt + 5 * 3600_000, no: src.no };
    to.batches.push(b);
    events.push({ stockId: to.id, warehouseId: luojiang, itemId: itemIds[i], at: floodAt + 5 * 3600_000 + 1000, delta: qty, kind: 'transfer_in',
      reason: `6·21 强降雨安置调拨（汨水市应急物资储备库 → 罗江镇应急物资储备点）`, transferId, batch: null });
    const s = out.stock.find((x) => x.id === to.id)!;
    s.quantity = Number(s.quantity) + qty;
  }
  // Ledger in time order, with the balance after each movement.
  const balance = new Map<string, number>();
  for (const e of events.sort((a, b) => Number(a.at) - Number(b.at))) {
    const after = (balance.get(e.stockId as string) ?? 0) + Number(e.delta);
    balance.set(e.stockId as string, after);
    out.ledger.push({ id: ctx.id(), stock_id: e.stockId, warehouse_id: e.warehouseId, item_id: e.itemId, kind: e.kind, quantity: e.delta, balance_after: after,
      reason: e.reason, ref_type: e.transferId ? 'transfer' : null, ref_id: (e.transferId as string) ?? null, transfer_id: (e.transferId as string) ?? null, ...operator,
      at: new Date(Number(e.at)).toISOString() });
  }
  for (const l of lines) {
    for (const b of l.batches) {
      out.batches.push({ id: b.id, stock_id: l.id, batch_no: b.no, quantity: b.quantity, expires_on: b.expires === null ? null : isoDay(b.expires), received_on: isoDay(b.received),
        created_at: new Date(b.received).toISOString() });
    }
  }
  // Lines that were set up below minimum were bought less than planned: make their batches match.
  for (const s of out.stock) {
    const sum = out.batches.filter((b) => b.stock_id === s.id).reduce((a, b) => a + Number(b.quantity), 0);
    if (Math.abs(sum - Number(s.quantity)) > 1e-6) throw new Error(`demo: stock ${s.id} batches ${sum} ≠ ${s.quantity}`);
    if (balance.get(s.id as string) !== Number(s.quantity)) throw new Error(`demo: stock ${s.id} ledger ≠ quantity`);
  }

  // 避难场所: two to four in every town; one full since the flood.
  const SHELTER_KINDS: [string, string, number, number, string[]][] = [
    ['中心小学', 'indoor', 300, 800, ['饮用水', '厕所', '应急照明', '医疗点']], ['中学体育馆', 'indoor', 500, 1500, ['饮用水', '厕所', '应急照明', '广播', '医疗点']],
    ['文化广场', 'outdoor', 1000, 3000, ['应急照明', '厕所', '广播']], ['村部', 'indoor', 80, 200, ['饮用水', '厕所']], ['敬老院', 'indoor', 60, 150, ['饮用水', '厕所', '医疗点', '厨房']],
  ];
  TOWN_NAMES.forEach((t, i) => {
    const n = rng.int(2, 4);
    for (const [suffix, kind, lo, hi, facilities] of rng.sample(SHELTER_KINDS, n)) {
      const capacity = Math.round(rng.int(lo, hi) / 10) * 10;
      const full = t === '罗江镇' && !out.shelters.some((s) => s.region_code === town(t).code);
      const name = suffix === '村部' ? `${rng.pick(villagesOf(base, townCode(t)).filter((v) => v.name.endsWith('村'))).name}避难点（村部）` : `${t.replace(/镇$/, '')}${suffix}避难场所`;
      out.shelters.push({ id: ctx.id(), name, kind, region_code: town(t).code, address: `${t}${rng.pick(['人民路', '建设路', '解放路', '新街'])}${rng.int(1, 200)}号`, ...at(town(t)),
        capacity, occupancy: full ? capacity : i === 1 ? Math.round(capacity * 0.4) : 0, area_m2: capacity * (kind === 'outdoor' ? 2 : 3), facilities,
        manager: ctx.personName(), manager_phone: ctx.mobile(), note: full ? '6·21 强降雨转移群众已安置满员' : null, created_at: created(rng.int(300, 900)), updated_at: created(rng.int(0, 30)) });
    }
  });

  // 装备车辆
  const equip = (name: string, kind: string, model: string | null, qty: number, ownerTeam: string | null, ownerOrg: string | null, where: RegionRow, regionCode: string, status = 'ready', plate: string | null = null) => {
    out.equipment.push({ id: ctx.id(), name, kind, model, plate_no: plate, quantity: qty, status, owner_team_id: ownerTeam, owner_org_id: ownerOrg, region_code: regionCode,
      address: null, ...at(where), keeper: ctx.personName(), keeper_phone: ctx.mobile(), note: null, created_at: created(rng.int(200, 900)), updated_at: created(rng.int(0, 60)) });
  };
  const plate = () => `湘F${rng.pick(['A', 'B', 'C', 'D'])}${rng.digits(4)}${rng.pick(['应急', '0', '1', '8'])}`.slice(0, 9);
  equip('抢险救援车', 'vehicle', '东风 EQ5160', 2, brigade, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE, 'ready', plate());
  equip('应急通信指挥车', 'vehicle', '依维柯 NJ5046', 1, brigade, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE, 'ready', plate());
  equip('冲锋舟', 'boat', '橡皮艇 5.2m + 40 马力', 4, brigade, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE);
  equip('液压破拆工具组', 'other', 'Holmatro', 3, brigade, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE);
  equip('多旋翼无人机', 'drone', '大疆 M300 RTK', 2, brigade, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE);
  equip('水罐消防车', 'vehicle', '豪沃 SGX5190GXFSG80', 3, fire, org('汨水市消防救援大队'), seat, COUNTY_CODE, 'ready', plate());
  equip('泡沫消防车', 'vehicle', '重汽 SGX5250GXFPM100', 1, fire, org('汨水市消防救援大队'), seat, COUNTY_CODE, 'repair', plate());
  equip('风力灭火机', 'other', '6MF-30', 20, forest, org('汨水市林业局'), town('龙泉镇'), COUNTY_CODE);
  equip('森林消防运兵车', 'vehicle', '江铃 JX5044', 2, forest, org('汨水市林业局'), town('龙泉镇'), COUNTY_CODE, 'ready', plate());
  equip('冲锋舟', 'boat', '铝合金 6m + 60 马力', 6, flood, org('汨水市水利局'), town('罗江镇'), COUNTY_CODE);
  equip('大功率排涝泵车', 'pump', '3000m³/h', 2, flood, org('汨水市水利局'), town('罗江镇'), COUNTY_CODE);
  equip('移动式排涝泵', 'pump', '500m³/h', 4, flood, org('汨水市水利局'), town('罗江镇'), COUNTY_CODE, 'in_use');
  equip('有毒有害气体检测仪', 'detector', '四合一便携式', 8, hazchem, null, park('循环园'), park('循环园').code);
  equip('洗消帐篷', 'other', '充气式', 2, hazchem, null, park('循环园'), park('循环园').code);
  equip('矿用多参数检测仪', 'detector', 'CD4', 6, mine, null, town('青山镇'), COUNTY_CODE);
  equip('挖掘机', 'heavy', '三一 SY215C', 3, null, org('汨水市住房和城乡建设局'), seat, COUNTY_CODE);
  equip('装载机', 'heavy', '柳工 ZL50CN', 2, null, org('汨水市交通运输局'), seat, COUNTY_CODE);
  equip('移动照明灯塔', 'lighting', '4×1000W', 4, null, org(RESCUE_BRIGADE_NAME), seat, COUNTY_CODE);
  equip('柴油发电机组', 'generator', '150kW', 2, null, org('救灾和物资保障股'), seat, COUNTY_CODE);
  TOWN_NAMES.forEach((t, i) => {
    equip('应急皮卡', 'vehicle', '长城风骏 5', 1, townTeams[i], org(`${t}应急救援分队`), town(t), town(t).code, rng.chance(0.1) ? 'repair' : 'ready', plate());
    equip('汽油发电机', 'generator', '5kW', rng.int(1, 3), townTeams[i], org(`${t}应急救援分队`), town(t), town(t).code);
    if (rng.chance(0.6)) equip('小型排涝泵', 'pump', '100m³/h', rng.int(1, 4), townTeams[i], org(`${t}应急救援分队`), town(t), town(t).code);
  });
  return out;
}
