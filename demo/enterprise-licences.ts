// Licences and certificates (证照) of the demo enterprises, by sector. Enterprises still trading hold
// valid ones whose expiry dates spread over the years after 2026-12-01 (so some expire within 90, 30
// and 7 days of 2026-11-30, the day the platform goes live), a few have lapsed; closed ones lapsed long ago.
import { COUNTY_NAME } from './county.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseLicenceRow, EnterpriseRow } from './types.js';

interface Kind { kind: string; issuer: string; years: number | null; number: (ctx: DemoContext, year: string) => string }

const seq = (ctx: DemoContext, n: number) => String(ctx.rng.int(1, 10 ** n - 1)).padStart(n, '0');
const K = {
  safetyHazchem: { kind: 'safety_production', issuer: '湖南省应急管理厅', years: 3, number: (c, y) => `(湘)WH安许证字[${y}]${seq(c, 4)}` },
  safetyMine: { kind: 'safety_production', issuer: '岳阳市应急管理局', years: 3, number: (c, y) => `(湘)FM安许证字[${y}]${seq(c, 4)}` },
  registration: { kind: 'hazchem_registration', issuer: '应急管理部化学品登记中心', years: 3, number: (c) => `43062${seq(c, 5)}` },
  trading: { kind: 'hazchem_trading', issuer: '岳阳市应急管理局', years: 3, number: (c, y) => `岳危化经字[${y}]${seq(c, 6)}` },
  wholesale: { kind: 'fireworks_wholesale', issuer: '岳阳市应急管理局', years: 3, number: (c, y) => `(湘)YH经许证字[${y}]${seq(c, 4)}` },
  retail: { kind: 'fireworks_retail', issuer: `${COUNTY_NAME}应急管理局`, years: 2, number: (c, y) => `(湘)YH零许证字[${y}]${seq(c, 5)}` },
  mining: { kind: 'mining', issuer: '岳阳市自然资源和规划局', years: 5, number: (c) => `C43060020${seq(c, 10)}` },
  gas: { kind: 'gas_operation', issuer: `${COUNTY_NAME}住房和城乡建设局`, years: 3, number: (c, y) => `湘${y}06${seq(c, 4)}0${seq(c, 2)}L` },
  standardLevel2: { kind: 'standardisation', issuer: '岳阳市应急管理局', years: 3, number: (c, y) => `岳AQBII${y}${seq(c, 4)}` },
  standardLevel3: { kind: 'standardisation', issuer: `${COUNTY_NAME}应急管理局`, years: 3, number: (c, y) => `汨AQBIII${y}${seq(c, 4)}` },
  equipment: { kind: 'special_equipment', issuer: `${COUNTY_NAME}市场监督管理局`, years: null, number: (c) => `梯11湘F${seq(c, 5)}(${seq(c, 2)})` },
  business: { kind: 'business', issuer: `${COUNTY_NAME}市场监督管理局`, years: null, number: () => '' },
} satisfies Record<string, Kind>;

function kindsOf(e: EnterpriseRow): Kind[] {
  const kinds: Kind[] = [];
  const s = `${e.sector}/${e.sector_detail ?? ''}`;
  if (e.subtype === '松香') return []; // 无证非法生产: that is why it was banned
  if (s === 'hazchem/production') kinds.push(K.safetyHazchem, K.registration);
  if (s === 'hazchem/trading' || s === 'hazchem/storage') kinds.push(K.trading);
  if (s === 'hazchem/use') kinds.push(K.registration);
  if (e.sector === 'non_coal_mine') kinds.push(K.safetyMine, K.mining);
  if (s === 'fireworks/wholesale') kinds.push(K.wholesale);
  if (s === 'fireworks/retail') kinds.push(K.retail);
  if (e.subtype === '液化气站' || (e.sector === 'gas' && !e.subtype)) kinds.push(K.gas);
  if (e.sector === 'special_equipment' || e.sector === 'fire_key') kinds.push(K.equipment);
  if (e.standard_grade === 'level2') kinds.push(K.standardLevel2);
  if (e.standard_grade === 'level3') kinds.push(K.standardLevel3);
  if (!e.credit_code.startsWith('92')) kinds.push(K.business);
  return kinds;
}

const DAY = 86400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const LIVE_FROM = Date.UTC(2026, 11, 1);

/** Generates the licences of every enterprise. */
export function generate(ctx: DemoContext, base: Pick<DemoData, 'enterprises'>): { enterpriseLicences: EnterpriseLicenceRow[] } {
  const { rng } = ctx;
  const rows: EnterpriseLicenceRow[] = [];
  for (const e of base.enterprises) {
    const trading = e.status === 'operating' || e.status === 'suspended';
    for (const k of kindsOf(e)) {
      let issued: number, expires: number | null;
      if (k.years === null) {
        issued = Date.parse(`${e.established_on ?? '2010-01-01'}T00:00:00Z`) + rng.int(10, 60) * DAY;
        expires = null;
      } else {
        const span = Math.round(k.years * 365.25) * DAY;
        // Still trading: valid until a day spread over the next validity period (3% lapsed); else lapsed by 2022.
        expires = trading
          ? (rng.chance(0.03) ? LIVE_FROM - rng.int(1, 150) * DAY : LIVE_FROM + rng.int(0, Math.round(span / DAY) - 1) * DAY)
          : Date.UTC(2022, 0, 1) + rng.int(0, 364) * DAY;
        issued = expires - span + DAY;
      }
      const year = day(issued).slice(0, 4);
      rows.push({
        id: ctx.id(), enterprise_id: e.id, kind: k.kind, number: k.kind === 'business' ? e.credit_code : k.number(ctx, year), issuer: k.issuer,
        issued_on: day(issued), expires_on: expires === null ? null : day(expires), file_id: null,
        note: k.kind === 'business' ? '统一社会信用代码即营业执照号码；营业期限长期' : null,
      });
    }
  }
  return { enterpriseLicences: rows };
}
