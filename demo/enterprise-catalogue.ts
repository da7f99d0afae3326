// What the registry adds to the 60 starter enterprises, and the profile (size, GB/T 4754 codes, key
// enterprise, standardisation grade, risk colour) each kind of enterprise is drawn from. Names are
// invented; the report's real business names never appear (see FORBIDDEN_NAME_PARTS).
import { COUNTY_NAME } from './county.js';
import type { SectorPlace } from './enterprises.js';

/** The report's figure: 烟花爆竹经营门店 排查 1865 家. */
export const FIREWORKS_RETAIL_COUNT = 1865;

/** Parts of the report's real business names; no generated name may contain one. */
export const FORBIDDEN_NAME_PARTS = ['天缘', '梓铭', '利民', '现代医院', '龙舟商业街', '恒坤', '乐福田', '立新', '城南液化气站', '中石油', '中石化'];

const HAZCHEM = '危险化学品安全监督管理股';
const MINES_TRADE = '非煤矿山和工贸安全监督管理股';
const dept = (name: string) => `${COUNTY_NAME}${name}`;

/** Where a group sits: a village of some town, a 社区 of the city seat, or a park. */
export type Site = 'town' | 'seat' | '高新区' | '循环园' | '飞地园' | '罗江镇';

export interface ExtraSpec {
  /** Names the group in the status story (enterprise-history.ts). */
  group: string;
  count: number;
  sites: readonly Site[];
  /** Name after the city prefix: {trade} a trade name, {stem} the town or park, {person} a person's name. */
  names: readonly string[];
  supervisor: string;
  place: SectorPlace;
  /** 登记管理部门 + 机构类别 of the credit code: 91 company, 92 个体工商户, 12 事业单位, 52 民办非企业. */
  codeKind?: '91' | '92' | '12' | '52';
}

const at = (sector: string, detail: string | null, subtype: string | null = null, flags: string[] = []): SectorPlace => ({ sector, detail, subtype, flags });

/** The enterprises the registry adds, in generation order (about 2,000 with the starter rows). */
export const EXTRA: readonly ExtraSpec[] = [
  { group: 'smelter', count: 9, sites: ['飞地园', '循环园', 'town'], names: ['{trade}冶金有限公司', '{trade}特钢有限公司', '{trade}铸造有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'metallurgy', '金属冶炼', ['high_temp_melt']) },
  { group: 'timber', count: 18, sites: ['town'], names: ['{trade}木业有限公司', '{stem}{trade}木材加工厂', '{trade}樟木制品厂'], supervisor: MINES_TRADE, place: at('industry_trade', 'light', '林木加工', ['dust_explosion']) },
  { group: 'lpg_old', count: 12, sites: ['town'], names: ['{trade}燃气有限公司{stem}液化气站', '{stem}{trade}液化气供应站'], supervisor: dept('住房和城乡建设局'), place: at('gas', null, '液化气站') },
  { group: 'lpg_new', count: 2, sites: ['seat', '罗江镇'], names: ['{trade}燃气有限公司{stem}液化气储配站'], supervisor: dept('住房和城乡建设局'), place: at('gas', null, '液化气站') },
  { group: 'rosin', count: 1, sites: ['罗江镇'], names: ['{stem}{trade}松香厂'], supervisor: HAZCHEM, place: at('hazchem', 'production', '松香') },
  { group: 'gas_user', count: 1, sites: ['seat'], names: ['{trade}餐饮店'], supervisor: dept('住房和城乡建设局'), place: at('gas', null, '用气单位'), codeKind: '92' },
  { group: 'pipeline_gas', count: 1, sites: ['seat'], names: ['{trade}管道燃气有限公司'], supervisor: dept('住房和城乡建设局'), place: at('gas', null, null) },
  { group: 'hazchem_production', count: 2, sites: ['循环园'], names: ['{trade}化工有限公司', '{trade}新材料有限公司'], supervisor: HAZCHEM, place: at('hazchem', 'production') },
  { group: 'fuel_station', count: 4, sites: ['town'], names: ['{trade}石油有限公司{stem}加油站'], supervisor: dept('商务局'), place: at('hazchem', 'trading', '加油站') },
  { group: 'hazchem_trading', count: 5, sites: ['seat', 'town'], names: ['{trade}化工贸易有限公司', '{trade}化工产品经营部'], supervisor: HAZCHEM, place: at('hazchem', 'trading') },
  { group: 'hazchem_use', count: 5, sites: ['town', '高新区'], names: ['{stem}自来水有限公司', '{trade}污水处理有限公司', '{trade}玻璃制品有限公司'], supervisor: HAZCHEM, place: at('hazchem', 'use') },
  { group: 'hazchem_storage', count: 2, sites: ['循环园'], names: ['{trade}化工仓储有限公司'], supervisor: HAZCHEM, place: at('hazchem', 'storage') },
  { group: 'building_materials', count: 5, sites: ['town', '高新区'], names: ['{trade}新型墙材有限公司', '{trade}石材有限公司', '{trade}砖厂'], supervisor: MINES_TRADE, place: at('industry_trade', 'building_materials') },
  { group: 'machinery', count: 6, sites: ['高新区', '飞地园'], names: ['{trade}机械制造有限公司', '{trade}机电设备有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'machinery', null, ['confined_space']) },
  { group: 'cold_store', count: 3, sites: ['高新区', 'town'], names: ['{trade}冷链物流有限公司', '{trade}冷冻食品有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'commerce', '冷库', ['ammonia_refrigeration', 'confined_space']) },
  { group: 'textile', count: 4, sites: ['高新区', 'town'], names: ['{trade}纺织有限公司', '{trade}棉纺有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'textile', null, ['dust_explosion']) },
  { group: 'tobacco', count: 1, sites: ['高新区'], names: ['{trade}烟叶复烤有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'tobacco', null, ['dust_explosion']) },
  { group: 'commerce', count: 6, sites: ['seat', '高新区'], names: ['{trade}物流有限公司', '{trade}商贸有限公司', '{trade}仓储有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'commerce') },
  { group: 'hotel', count: 6, sites: ['seat'], names: ['{trade}宾馆', '{trade}大酒店', '{trade}商务酒店'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '宾馆') },
  { group: 'hospital', count: 4, sites: ['seat'], names: ['{trade}医院', '{trade}中医医院'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '医院'), codeKind: '52' },
  { group: 'street', count: 2, sites: ['seat'], names: ['{trade}步行商业街', '{trade}美食商业街'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '商业街') },
  { group: 'mall', count: 3, sites: ['seat'], names: ['{trade}购物广场', '{trade}百货商场'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '商场') },
  { group: 'school', count: 3, sites: ['seat', 'town'], names: ['{trade}实验学校', '{trade}职业技术学校'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '学校'), codeKind: '52' },
  { group: 'care_home', count: 2, sites: ['town'], names: ['{stem}{trade}养老院'], supervisor: dept('消防救援大队'), place: at('fire_key', null, '养老院'), codeKind: '52' },
  { group: 'construction', count: 10, sites: ['seat', 'town', '高新区'], names: ['{trade}建设工程有限公司', '{trade}建筑工程有限公司', '{trade}路桥工程有限公司'], supervisor: dept('住房和城乡建设局'), place: at('construction', null) },
  { group: 'transport', count: 10, sites: ['seat', 'town'], names: ['{trade}客运有限公司', '{trade}货运有限公司', '{trade}危险货物运输有限公司'], supervisor: dept('交通运输局'), place: at('transport', null) },
  { group: 'special_equipment', count: 5, sites: ['seat', '高新区'], names: ['{trade}电梯工程有限公司', '{trade}锅炉安装有限公司', '{trade}起重设备有限公司'], supervisor: dept('市场监督管理局'), place: at('special_equipment', null) },
  { group: 'hydro', count: 4, sites: ['town'], names: ['{stem}{trade}水电站'], supervisor: dept('水利局'), place: at('other', null, '小水电') },
  { group: 'other', count: 4, sites: ['seat', 'town'], names: ['{trade}物业管理有限公司', '{trade}农机专业合作社'], supervisor: dept('农业农村局'), place: at('other', null) },
  { group: 'fireworks_retail', count: FIREWORKS_RETAIL_COUNT, sites: ['town'], names: ['{stem}镇{person}烟花爆竹零售点', '{stem}镇{person}烟花爆竹经营部', '{stem}镇{person}鞭炮烟花店'], supervisor: HAZCHEM, place: at('fireworks', 'retail'), codeKind: '92' },
];

type Grade = 'level1' | 'level2' | 'level3' | 'small_micro' | null;
type Risk = 'red' | 'orange' | 'yellow' | 'blue' | null;

/** What an enterprise of one kind looks like: employees, GB/T 4754 codes, key share, grade and risk weights. */
export interface Profile {
  employees: readonly [number, number];
  codes: readonly string[];
  key: number;
  grade: readonly (readonly [Grade, number])[];
  risk: readonly (readonly [Risk, number])[];
}

const p = (employees: [number, number], codes: string[], key: number, grade: [Grade, number][], risk: [Risk, number][]): Profile => ({ employees, codes, key, grade, risk });
const L3: [Grade, number][] = [['level3', 1]];
const SMALL: [Grade, number][] = [['small_micro', 0.6], [null, 0.4]];
const NONE: [Grade, number][] = [[null, 1]];
const HIGH: [Risk, number][] = [['red', 0.2], ['orange', 0.6], ['yellow', 0.2]];
const MID: [Risk, number][] = [['orange', 0.2], ['yellow', 0.6], ['blue', 0.1], [null, 0.1]];
const LOW: [Risk, number][] = [['yellow', 0.2], ['blue', 0.6], [null, 0.2]];

/** Profiles by subtype first, then sector/detail, then sector. */
export const PROFILES: Record<string, Profile> = {
  '松香': p([8, 30], ['C2663'], 0, NONE, [['orange', 1]]),
  '加油站': p([6, 20], ['F5265'], 0.3, [['level3', 0.5], ['small_micro', 0.5]], MID),
  '金属冶炼': p([40, 600], ['C3120', 'C3130'], 0.8, [['level2', 0.3], ['level3', 0.7]], HIGH),
  '钢纤维': p([20, 80], ['C3340'], 0.5, L3, MID),
  '鞋楦': p([10, 60], ['C2039'], 0, SMALL, MID),
  '特种制泵': p([30, 200], ['C3441'], 0.4, L3, MID),
  '林木加工': p([5, 50], ['C2011', 'C2021'], 0.1, SMALL, MID),
  '混凝土搅拌站': p([20, 90], ['C3021'], 0.2, L3, LOW),
  '食品加工': p([15, 150], ['C1310', 'C1331'], 0.1, SMALL, LOW),
  '冷库': p([15, 80], ['G5960'], 0.7, L3, HIGH),
  '液化气站': p([5, 20], ['D4512'], 1, SMALL, [['orange', 0.5], ['yellow', 0.5]]),
  '用气单位': p([5, 20], ['H6210'], 0, NONE, LOW),
  '宾馆': p([20, 150], ['H6110'], 0.5, NONE, MID),
  '医院': p([200, 900], ['Q8411'], 1, NONE, MID),
  '商业街': p([10, 60], ['F5211'], 1, NONE, MID),
  '商场': p([50, 300], ['F5211'], 1, NONE, MID),
  '学校': p([60, 200], ['P8331'], 1, NONE, LOW),
  '养老院': p([10, 50], ['Q8514'], 1, NONE, MID),
  '小水电': p([5, 20], ['D4413'], 0.2, NONE, LOW),
  'hazchem/production': p([30, 300], ['C2614', 'C2619', 'C2625'], 1, [['level2', 0.3], ['level3', 0.7]], [['red', 0.2], ['orange', 0.5], ['yellow', 0.3]]),
  'hazchem/trading': p([3, 15], ['F5169'], 0, SMALL, LOW),
  'hazchem/use': p([20, 120], ['D4610', 'C3042'], 0.6, L3, [['orange', 0.4], ['yellow', 0.6]]),
  'hazchem/storage': p([10, 60], ['G5942'], 1, L3, [['red', 0.5], ['orange', 0.5]]),
  'industry_trade/nonferrous': p([40, 500], ['C3211', 'C3216', 'C4210'], 0.8, [['level2', 0.3], ['level3', 0.7]], HIGH),
  'industry_trade/building_materials': p([20, 150], ['C3031', 'C3032'], 0.2, SMALL, LOW),
  'industry_trade/machinery': p([20, 300], ['C3490', 'C3311'], 0.2, L3, LOW),
  'industry_trade/textile': p([50, 400], ['C1711'], 0.5, L3, MID),
  'industry_trade/tobacco': p([100, 300], ['C1610'], 1, [['level2', 1]], MID),
  'industry_trade/commerce': p([10, 100], ['G5920', 'F5199'], 0.1, SMALL, LOW),
  'non_coal_mine': p([20, 120], ['B1011', 'B1019'], 1, L3, HIGH),
  'fireworks/wholesale': p([8, 30], ['F5199'], 1, L3, [['orange', 1]]),
  'fireworks/retail': p([1, 4], ['F5299'], 0, NONE, [['yellow', 0.05], ['blue', 0.75], [null, 0.2]]),
  'gas': p([40, 120], ['D4511'], 1, L3, MID),
  'construction': p([50, 500], ['E4790', 'E4710'], 0.5, L3, MID),
  'transport': p([20, 300], ['G5421', 'G5431', 'G5435'], 0.5, L3, MID),
  'special_equipment': p([10, 80], ['C3435', 'C3411'], 0.2, SMALL, LOW),
  'other': p([5, 100], ['K7020', 'A0511'], 0, NONE, LOW),
};

/** The profile of an enterprise. */
export function profileOf(e: { sector: string; sector_detail: string | null; subtype: string | null }): Profile {
  const found = (e.subtype && PROFILES[e.subtype]) || PROFILES[`${e.sector}/${e.sector_detail}`] || PROFILES[e.sector];
  if (!found) throw new Error(`demo: no enterprise profile for ${e.sector}/${e.sector_detail}/${e.subtype}`);
  return found;
}

/** Two-character trade names (字号) for the added enterprises: first × second character. */
export const TRADE_FIRST = ['嘉', '瑞', '宏', '鑫', '盛', '隆', '德', '信', '诚', '华', '泰', '安', '康', '富', '丰', '润', '荣', '兴', '旺', '长',
  '金', '银', '宇', '新', '天', '永', '万', '汇', '同', '合', '顺', '佳', '聚', '亨', '锦', '湘', '楚', '岳', '汨', '屈'];
export const TRADE_SECOND = ['源', '达', '发', '通', '利', '昌', '成', '祥', '和', '顺', '泰', '辉', '华', '宇', '鼎', '丰', '盛', '峰', '联', '城'];
