// The demo county's enterprise registry reproduces the report's subjects (seed-figures rows 7–13).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREWORKS_RETAIL_COUNT, FORBIDDEN_NAME_PARTS } from './enterprise-catalogue.js';
import { DEMO_CHEMICALS } from './enterprise-hazards.js';
import { generateDemo } from './index.js';
import { inside, type Ring } from './geo.js';

const data = generateDemo();
const E = data.enterprises;
const count = (pred: (e: (typeof E)[number]) => boolean) => E.filter(pred).length;
const changesOf = (id: string) => data.enterpriseStatusChanges.filter((c) => c.enterprise_id === id);

describe('demo enterprise registry', () => {
  it('has about 2,000 enterprises in every sector, town and park, the demo enterprise first', () => {
    expect(E).toHaveLength(2065);
    expect(E[0].name).toBe('汨水市恒达化工有限公司');
    const sectors = new Set(E.map((e) => e.sector));
    expect([...sectors].sort()).toEqual(['construction', 'fire_key', 'fireworks', 'gas', 'hazchem', 'industry_trade', 'non_coal_mine', 'other', 'special_equipment', 'transport']);
    for (const r of data.regions.filter((x) => x.level === 'town' || x.level === 'park')) {
      expect(count((e) => e.region_code.startsWith(r.code.slice(0, 9))), r.name).toBeGreaterThan(2);
    }
  });

  it('reproduces the report\'s subjects', () => {
    expect(count((e) => e.sector === 'fireworks' && e.sector_detail === 'retail')).toBe(FIREWORKS_RETAIL_COUNT);
    expect(FIREWORKS_RETAIL_COUNT).toBe(1865);
    expect(count((e) => e.sector === 'non_coal_mine')).toBe(5);
    const lpg = E.filter((e) => e.subtype === '液化气站');
    expect(lpg).toHaveLength(18);
    expect(lpg.filter((e) => e.status === 'closed')).toHaveLength(16);
    expect(lpg.filter((e) => e.established_on?.startsWith('2022'))).toHaveLength(2);
    for (const e of lpg.filter((x) => x.status === 'closed')) expect(changesOf(e.id)[0].reason).toMatch(/^液化气站整合/);
    expect(count((e) => e.flags.includes('high_temp_melt') && e.status === 'suspended')).toBe(12);
    const rosin = E.filter((e) => e.subtype === '松香');
    expect(rosin.map((e) => e.status)).toEqual(['banned']);
    expect(data.regions.find((r) => r.code === rosin[0].region_code.slice(0, 9) + '000')?.name).toBe('罗江镇');
    expect(count((e) => e.subtype === '用气单位' && e.status === 'closed')).toBe(1);
    for (const s of ['宾馆', '医院', '商业街']) expect(count((e) => e.sector === 'fire_key' && e.subtype === s), s).toBeGreaterThan(1);
    for (const park of ['430699401', '430699402', '430699403']) expect(count((e) => e.region_code.startsWith(park))).toBeGreaterThan(5);
  });

  it('dates the 2022-H1 orders in January–June: 12 smelters and 2 + 4 + 5 + 22 工贸 enterprises', () => {
    const h1 = data.enterpriseStatusChanges.filter((c) => c.to_status === 'suspended' && c.effective_on >= '2022-01-01' && c.effective_on <= '2022-06-30');
    const bySubtype: Record<string, number> = {};
    for (const c of h1) { const s = E.find((e) => e.id === c.enterprise_id)!.subtype!; bySubtype[s] = (bySubtype[s] ?? 0) + 1; }
    expect(bySubtype).toEqual({ 金属冶炼: 12, 钢纤维: 2, 鞋楦: 4, 特种制泵: 5, 林木加工: 22 });
    expect(data.enterpriseStatusChanges.filter((c) => c.to_status === 'operating' && c.from_status === 'suspended')).toHaveLength(4);
  });

  it('keeps each enterprise\'s status equal to the end of its history, in date order', () => {
    for (const e of E) {
      const h = changesOf(e.id);
      if (!h.length) { expect(e.status, e.name).toBe('operating'); continue; }
      expect(h.map((c) => c.effective_on)).toEqual(h.map((c) => c.effective_on).sort());
      expect(h.at(-1)!.to_status).toBe(e.status);
      expect(h[0].from_status).toBe('operating');
      for (let i = 1; i < h.length; i++) expect(h[i].from_status).toBe(h[i - 1].to_status);
    }
  });

  it('invents every name: none carries a real business name from the report', () => {
    for (const e of E) for (const part of FORBIDDEN_NAME_PARTS) expect(e.name.includes(part), e.name).toBe(false);
    expect(new Set(E.map((e) => e.name)).size).toBe(E.length);
  });

  it('places every enterprise inside its town or park on the map', () => {
    const rings = new Map(data.regions.filter((r) => r.boundary).map((r) => [r.code, r.boundary!.coordinates[0] as Ring]));
    let outside = 0;
    for (const e of E) {
      const ring = rings.get(e.region_code) ?? rings.get(e.region_code.slice(0, 9) + '000')!;
      if (!inside([e.lng!, e.lat!], ring)) outside++;
    }
    expect(outside / E.length).toBeLessThan(0.01);
  });

  it('spreads licence expiry so that some fall due within 7, 30 and 90 days of 2026-11-30', () => {
    const within = (n: number) => data.enterpriseLicences.filter((l) => l.expires_on && l.expires_on >= '2026-11-30'
      && l.expires_on <= new Date(Date.UTC(2026, 10, 30 + n)).toISOString().slice(0, 10)).length;
    expect(within(7)).toBeGreaterThan(3);
    expect(within(30)).toBeGreaterThan(within(7));
    expect(within(90)).toBeGreaterThan(within(30));
    expect(data.enterpriseLicences.some((l) => l.expires_on === null)).toBe(true);
  });

  it('uses the migration\'s Q and β for the chemicals of its hazard sources, and grades 恒达\'s tank farm 三级', () => {
    const migration = fs.readFileSync('db/migrations/0002_enterprises.sql', 'utf8');
    for (const [code, c] of Object.entries(DEMO_CHEMICALS)) {
      const m = new RegExp(`\\('${code}',\\s*'([^']+)',\\s*'[^']+',\\s*'listed',\\s*([\\d.]+),\\s*([\\d.]+),`).exec(migration);
      expect(m, code).not.toBeNull();
      expect([m![1], Number(m![2]), Number(m![3])]).toEqual([c.name, c.q, c.beta]);
    }
    const tank = data.majorHazardSources.find((s) => s.enterprise_id === E[0].id && s.identified)!;
    expect(tank).toMatchObject({ s_value: 5.4, alpha: 1.5, r_value: 21.6, grade: 3 });
  });
});
