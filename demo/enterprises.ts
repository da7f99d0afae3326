// A starter set of 60 invented enterprises across the towns and parks, in the industries the
// half-year report names. The registry module (enterprise-registry.ts) enriches these rows and adds the
// rest of the county; ids and codes stay stable (this module's stream is consumed as before).
import { COUNTY_CODE6, COUNTY_NAME, regionByName, towns, villagesOf } from './county.js';
import { TRADE_NAMES } from './names.js';
import { orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseRow, RegionRow } from './types.js';
import { makeUscc, USCC_CHARSET } from './uscc.js';

/** THE demo enterprise, behind the enterprise demo account (ent_demo). */
export const DEMO_ENTERPRISE = { name: `${COUNTY_NAME}恒达化工有限公司`, park: '循环园', industry: '危险化学品' } as const;

/** Where an enterprise sits in the supervision sectors (codes of contracts/enterprises.ts). */
export interface SectorPlace { sector: string; detail: string | null; subtype: string | null; flags: string[] }

type Place = 'town' | '高新区' | '循环园' | '飞地园';
interface IndustrySpec {
  industry: string;
  count: number;
  /** Where they sit; 'town' means a village of some town. */
  places: readonly Place[];
  /** Name after the trade name; {stem} is the town or park name without 镇. */
  names: readonly string[];
  /** The organisation that supervises them (an industry department or a bureau 股室). */
  supervisor: string;
  /** Supervision sector, detail, subtype and flags. */
  place: SectorPlace;
}

const at = (sector: string, detail: string | null, subtype: string | null = null, flags: string[] = []): SectorPlace => ({ sector, detail, subtype, flags });

const HAZCHEM = '危险化学品安全监督管理股';
const MINES_TRADE = '非煤矿山和工贸安全监督管理股';

/** Industries and how many of each (60 in all, the demo enterprise included). */
export const INDUSTRIES: readonly IndustrySpec[] = [
  { industry: '危险化学品', count: 8, places: ['循环园', '循环园', '高新区'], names: ['化工有限公司', '精细化工有限公司', '化学品有限公司'], supervisor: HAZCHEM, place: at('hazchem', 'production') },
  { industry: '非煤矿山', count: 5, places: ['town'], names: ['矿业有限公司', '{stem}采石场', '石业有限公司'], supervisor: MINES_TRADE, place: at('non_coal_mine', null, '采石场') },
  { industry: '金属冶炼', count: 6, places: ['飞地园', '循环园', '飞地园'], names: ['冶金有限公司', '再生金属有限公司', '铜业有限公司', '铝业有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'metallurgy', '金属冶炼', ['high_temp_melt']) },
  { industry: '钢纤维', count: 2, places: ['高新区', '飞地园'], names: ['钢纤维有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'metallurgy', '钢纤维') },
  { industry: '鞋楦加工', count: 4, places: ['town'], names: ['鞋楦厂', '鞋材有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'light', '鞋楦', ['dust_explosion']) },
  { industry: '特种制泵', count: 5, places: ['高新区', 'town'], names: ['泵业有限公司', '特种泵业有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'machinery', '特种制泵', ['confined_space']) },
  { industry: '林木加工', count: 8, places: ['town'], names: ['木业有限公司', '{stem}木材加工厂', '竹木制品有限公司'], supervisor: MINES_TRADE, place: at('industry_trade', 'light', '林木加工', ['dust_explosion']) },
  { industry: '烟花爆竹批发', count: 2, places: ['town'], names: ['烟花爆竹贸易有限公司'], supervisor: HAZCHEM, place: at('fireworks', 'wholesale') },
  { industry: '液化气站', count: 4, places: ['town'], names: ['燃气有限公司{stem}液化气站'], supervisor: `${COUNTY_NAME}住房和城乡建设局`, place: at('gas', null, '液化气站') },
  { industry: '加油站', count: 6, places: ['town'], names: ['石油有限公司{stem}加油站'], supervisor: `${COUNTY_NAME}商务局`, place: at('hazchem', 'trading', '加油站') },
  { industry: '建材', count: 5, places: ['高新区', 'town'], names: ['商品混凝土有限公司', '新型建材有限公司'], supervisor: `${COUNTY_NAME}住房和城乡建设局`, place: at('industry_trade', 'building_materials', '混凝土搅拌站') },
  { industry: '食品加工', count: 5, places: ['高新区', 'town'], names: ['食品有限公司', '粮油食品有限公司'], supervisor: `${COUNTY_NAME}市场监督管理局`, place: at('industry_trade', 'light', '食品加工') },
];

const PARK_ROADS = ['园区大道', '创业大道', '科技路', '经一路', '经二路', '纬一路', '纬三路', '循环大道', '工业大道', '兴业路'];

/** The demo enterprise's row in a generated data set. */
export function demoEnterprise(base: Pick<DemoData, 'enterprises'>): EnterpriseRow {
  const e = base.enterprises.find((x) => x.name === DEMO_ENTERPRISE.name);
  if (!e) throw new Error('demo: the demo enterprise is missing');
  return e;
}

/** Generates the starter enterprises; the demo enterprise comes first (first industry, first row). */
export function generate(ctx: DemoContext, base: Pick<DemoData, 'regions' | 'organizations'>): { enterprises: EnterpriseRow[] } {
  const { rng } = ctx;
  const trades = rng.shuffle(TRADE_NAMES);
  const townDeck: RegionRow[] = [];
  // Towns are dealt from a shuffled deck so that every town gets some enterprises.
  const nextTown = () => {
    if (townDeck.length === 0) townDeck.push(...rng.shuffle(towns(base)));
    return townDeck.shift()!;
  };
  const usedCodes = new Set<string>();
  const creditCode = () => {
    for (;;) {
      // Newer firms carry an 'MA…' 主体标识码, older ones a numeric 组织机构代码.
      const body = rng.chance(0.6)
        ? 'MA4' + Array.from({ length: 5 }, () => rng.pick([...USCC_CHARSET])).join('')
        : rng.digits(8);
      const code = makeUscc('91', COUNTY_CODE6, body);
      if (!usedCodes.has(code)) { usedCodes.add(code); return code; }
    }
  };

  const rows: EnterpriseRow[] = [];
  for (const spec of INDUSTRIES) {
    const supervisor = orgByName(base, spec.supervisor).id;
    for (let i = 0; i < spec.count; i++) {
      const isDemo = spec.industry === DEMO_ENTERPRISE.industry && i === 0;
      const place: Place = isDemo ? DEMO_ENTERPRISE.park : rng.pick(spec.places);
      const { region, stem, address } = place === 'town' ? townSite(ctx, base, nextTown()) : parkSite(ctx, base, place);
      const name = isDemo ? DEMO_ENTERPRISE.name
        : `${COUNTY_NAME}${trades.pop()}${rng.pick(spec.names).replace('{stem}', stem)}`;
      // Copper and aluminium smelters are 有色 rather than 冶金 (same stream: the name is already drawn).
      const sector = /铜业|铝业/.test(name) ? { ...spec.place, detail: 'nonferrous' } : spec.place;
      rows.push(blankEnterprise({ id: ctx.id(), name, credit_code: creditCode(), region_code: region.code, address, supervising_org_id: supervisor }, sector));
    }
  }
  return { enterprises: rows };
}

/** A row with identity and sector filled, every other column at its default (in 营, no contacts yet). */
export function blankEnterprise(
  id: Pick<EnterpriseRow, 'id' | 'name' | 'credit_code' | 'region_code' | 'address' | 'supervising_org_id'>, place: SectorPlace,
): EnterpriseRow {
  return {
    ...id, former_names: [], legal_representative: null, legal_representative_phone: null, principal_name: null, principal_phone: null,
    safety_manager_name: null, safety_manager_phone: null, lng: null, lat: null, employees: null, scale: null, established_on: null,
    status: 'operating', status_changed_at: null, is_key: false, standard_grade: null, industry_code: null,
    sector: place.sector, sector_detail: place.detail, subtype: place.subtype, flags: [...place.flags],
    risk_level: null, risk_level_source: null, risk_level_at: null,
  };
}

// An enterprise in a town sits in one of its villages (region_code down to the village).
function townSite(ctx: DemoContext, base: Pick<DemoData, 'regions'>, town: RegionRow) {
  const villages = villagesOf(base, town.code).filter((v) => v.name.endsWith('村'));
  const village = ctx.rng.pick(villages);
  const address = `${COUNTY_NAME}${town.name}${village.name}${ctx.rng.int(1, 12)}组`;
  return { region: village, stem: town.name.replace(/镇$/, ''), address };
}

function parkSite(ctx: DemoContext, base: Pick<DemoData, 'regions'>, park: Exclude<Place, 'town'>) {
  const region = regionByName(base, park);
  const address = `${COUNTY_NAME}${park}${ctx.rng.pick(PARK_ROADS)}${ctx.rng.int(1, 199)}号`;
  return { region, stem: park, address };
}
