// The demo county's enterprise registry: the 60 starter enterprises enriched (contacts, location, size,
// grade, risk colour …) and the rest of the county added (about 2,000 in all, 1,865 of them fireworks
// retail shops), then the report's status story applied (enterprise-history.ts). Own PRNG stream.
import { COUNTY_CODE6, COUNTY_NAME, regionByName, SEAT_TOWN, towns, villagesOf } from './county.js';
import { EXTRA, type ExtraSpec, FORBIDDEN_NAME_PARTS, profileOf, type Site, TRADE_FIRST, TRADE_SECOND } from './enterprise-catalogue.js';
import { applyStatusStory } from './enterprise-history.js';
import { blankEnterprise } from './enterprises.js';
import { inside, randomPointIn, round5, type Point, type Ring } from './geo.js';
import { orgByName } from './orgs.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseRow, EnterpriseStatusChangeRow, RegionRow } from './types.js';
import { makeUscc, USCC_CHARSET } from './uscc.js';

type Base = Pick<DemoData, 'regions' | 'organizations' | 'enterprises' | 'accounts'>;

const ROADS = ['园区大道', '创业大道', '科技路', '经一路', '经二路', '纬一路', '纬三路', '循环大道', '工业大道', '兴业路'];
const STREETS = ['屈原大道', '人民路', '解放路', '建设路', '迎宾大道', '滨江路', '书院路', '站前路', '新华路', '汨江路'];
const PARK_NAMES = ['高新区', '循环园', '飞地园'];

/** Generates the whole registry: every enterprise row (starter rows first, same ids) and the status history. */
export function generate(ctx: DemoContext, base: Base): { enterprises: EnterpriseRow[]; enterpriseStatusChanges: EnterpriseStatusChangeRow[] } {
  const { rng } = ctx;
  const usedNames = new Set(base.enterprises.map((e) => e.name));
  const usedCodes = new Set([...base.enterprises.map((e) => e.credit_code), ...base.organizations.flatMap((o) => o.credit_code ?? [])]);
  const rings = new Map(base.regions.filter((r) => r.boundary).map((r) => [r.code, r.boundary!.coordinates[0].slice(0, -1) as Ring]));
  const townDeck: RegionRow[] = [];
  const nextTown = () => {
    if (!townDeck.length) townDeck.push(...rng.shuffle(towns(base)));
    return townDeck.shift()!;
  };

  const creditCode = (kind: string) => {
    for (;;) {
      const body = rng.chance(0.7) ? 'MA4' + Array.from({ length: 5 }, () => rng.pick([...USCC_CHARSET])).join('') : rng.digits(8);
      const code = makeUscc(kind, COUNTY_CODE6, body);
      if (!usedCodes.has(code)) { usedCodes.add(code); return code; }
    }
  };
  const uniqueName = (make: () => string) => {
    for (;;) {
      const name = make();
      if (!usedNames.has(name) && !FORBIDDEN_NAME_PARTS.some((f) => name.includes(f)) && !name.includes('恒达')) { usedNames.add(name); return name; }
    }
  };

  // Where an added enterprise sits: region row, the {stem} of its name, its address, the ring its point lies in.
  const site = (s: Site, shop: boolean) => {
    if (PARK_NAMES.includes(s)) {
      const park = regionByName(base, s);
      return { region: park, stem: s, address: `${COUNTY_NAME}${s}${rng.pick(ROADS)}${rng.int(1, 199)}号` };
    }
    const town = s === 'seat' ? regionByName(base, SEAT_TOWN) : s === '罗江镇' ? regionByName(base, '罗江镇') : nextTown();
    const all = villagesOf(base, town.code);
    const choices = s === 'seat' ? all.filter((v) => v.name.endsWith('社区')) : shop ? all : all.filter((v) => v.name.endsWith('村'));
    const village = rng.pick(choices);
    const address = village.name.endsWith('社区')
      ? `${COUNTY_NAME}${town.name}${rng.pick(STREETS)}${rng.int(1, 399)}号`
      : `${COUNTY_NAME}${town.name}${village.name}${rng.int(1, 12)}组`;
    return { region: village, stem: town.name.replace(/镇$/, ''), address };
  };

  const owners = new Map<string, string>();
  const groups = new Map<string, ExtraSpec['group']>();
  const added: EnterpriseRow[] = [];
  for (const spec of EXTRA) {
    const supervisor = orgByName(base, spec.supervisor).id;
    for (let i = 0; i < spec.count; i++) {
      const shop = spec.group === 'fireworks_retail';
      const where = site(rng.pick(spec.sites), shop);
      let owner = '';
      const name = uniqueName(() => {
        owner = ctx.personName();
        return COUNTY_NAME + rng.pick(spec.names).replace('{trade}', trade(ctx)).replace('{stem}', where.stem).replace('{person}', owner);
      });
      const row = blankEnterprise({ id: ctx.id(), name, credit_code: creditCode(spec.codeKind ?? '91'), region_code: where.region.code,
        address: where.address, supervising_org_id: supervisor }, spec.place);
      if (shop) owners.set(row.id, owner);
      groups.set(row.id, spec.group);
      added.push(row);
    }
  }

  const rows = [...base.enterprises.map((e) => ({ ...e, flags: [...e.flags], former_names: [...e.former_names] })), ...added];
  for (const e of rows) enrich(ctx, e, owners.get(e.id), pointFor(ctx, base, e.region_code, rings));
  const enterpriseStatusChanges = applyStatusStory(ctx, base, rows, (e) => groups.get(e.id));
  return { enterprises: rows, enterpriseStatusChanges };
}

function trade(ctx: DemoContext) {
  return ctx.rng.pick(TRADE_FIRST) + ctx.rng.pick(TRADE_SECOND);
}

// A point for an enterprise: inside its park, or near its village's centre and inside its town.
function pointFor(ctx: DemoContext, base: Base, regionCode: string, rings: Map<string, Ring>): Point {
  const region = base.regions.find((r) => r.code === regionCode)!;
  const own = rings.get(regionCode);
  if (own) return randomPointIn(ctx.rng, own);
  const townRing = rings.get(`${regionCode.slice(0, 9)}000`);
  const centre: Point = [region.center_lng, region.center_lat];
  for (let k = 0; k < 10; k++) {
    const p: Point = [centre[0] + ctx.rng.float(-0.008, 0.008), centre[1] + ctx.rng.float(-0.006, 0.006)];
    if (!townRing || inside(p, townRing)) return p;
  }
  return centre;
}

const SCALE = (n: number) => (n >= 1000 ? 'large' : n >= 300 ? 'medium' : n >= 20 ? 'small' : 'micro') as EnterpriseRow['scale'];
const dayFrom = (startUtcMs: number, offsetDays: number) => new Date(startUtcMs + offsetDays * 86400_000).toISOString().slice(0, 10);

// Contacts, location, size, founding date, key flag, grade, GB/T 4754 code, risk colour and a former name.
function enrich(ctx: DemoContext, e: EnterpriseRow, owner: string | undefined, point: Point) {
  const { rng } = ctx;
  const profile = profileOf(e);
  const individual = e.credit_code.startsWith('92');
  e.legal_representative = owner ?? ctx.personName();
  e.legal_representative_phone = ctx.mobile();
  const same = individual || rng.chance(0.6);
  e.principal_name = same ? e.legal_representative : ctx.personName();
  e.principal_phone = same ? e.legal_representative_phone : ctx.mobile();
  e.safety_manager_name = individual ? e.legal_representative : ctx.personName();
  e.safety_manager_phone = individual ? e.legal_representative_phone : ctx.mobile();
  e.lng = round5(point[0]);
  e.lat = round5(point[1]);
  e.employees = rng.int(profile.employees[0], profile.employees[1]);
  e.scale = SCALE(e.employees);
  e.established_on = dayFrom(Date.UTC(individual ? 2005 : 1998, 0, 1), rng.int(0, individual ? 6200 : 8700));
  e.is_key = rng.chance(profile.key);
  e.standard_grade = rng.weighted(profile.grade);
  e.industry_code = rng.pick(profile.codes);
  e.risk_level = rng.weighted(profile.risk);
  e.risk_level_source = e.risk_level ? '2022年度企业安全风险分级评估（人工录入）' : null;
  e.risk_level_at = e.risk_level ? '2022-06-20T10:00:00+08:00' : null;
  if (!individual && e.name.endsWith('有限公司') && rng.chance(0.08)) e.former_names = [e.name.replace(/有限公司$/, '厂')];
}
