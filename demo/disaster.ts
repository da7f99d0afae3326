// 防灾减灾救灾 of the demo county: the 379 disaster information officers (灾害信息员) of the report (seed-figures.md #15) —
// the county post (减灾和物资保障股, A and B), each of the 15 towns' posts (应急管理站, A and B; one town still lacks its
// B) and one officer per village/社区 (A; 2 villages vacant after a departure) with a B in 54 villages — and their
// 2022 H1 training. The informant_demo account is the A of its village.
import { COUNTY_CODE, towns, villagesOf } from './county.js';
import type { DemoContext } from './random.js';
import type { DemoData } from './types.js';

type Row = Record<string, unknown>;
export interface DisasterDemo { informants: Row[]; trainings: Row[] }
type Base = Pick<DemoData, 'regions' | 'accounts'>;

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
  return { disaster: { informants, trainings } };
}
