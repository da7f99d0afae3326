import { describe, expect, it } from 'vitest';
import { migrate } from '../server/platform/db/migrate.js';
import { PgliteDb } from '../server/platform/db/pglite.js';
import { sql } from '../server/platform/db/sql.js';
import { regionPrefix } from './county.js';
import { DEMO_PASSWORD, DEMO_SEED, generateDemo, isDemoLoaded, loadDemo } from './index.js';

import { createContext } from './random.js';
import { isValidUscc } from './uscc.js';

const data = generateDemo();
const count = <T>(rows: T[], pred: (r: T) => boolean) => rows.filter(pred).length;

describe('demo county generation', () => {
  it('is deterministic: the same seed gives deep-equal data, ids included', () => {
    expect(generateDemo(DEMO_SEED)).toEqual(data);
    expect(JSON.stringify(generateDemo(DEMO_SEED))).toBe(JSON.stringify(data));
  });

  it('differs for a different seed', () => {
    const other = generateDemo(DEMO_SEED + 1);
    expect(other.organizations[0].id).not.toBe(data.organizations[0].id);
    expect(JSON.stringify(other.regions)).not.toBe(JSON.stringify(data.regions));
  });

  it("keeps a module's stream independent of the other modules", () => {
    const a = createContext(DEMO_SEED, 'orgs');
    const b = createContext(DEMO_SEED, 'orgs');
    createContext(DEMO_SEED, 'some-later-domain').rng.uint32();
    expect([a.id(), a.rng.uint32()]).toEqual([b.id(), b.rng.uint32()]);
    expect(createContext(DEMO_SEED, 'hazards').id()).not.toBe(createContext(DEMO_SEED, 'orgs').id());
  });

  it('makes UUID v7-shaped ids that sort in creation order', () => {
    const ids = data.organizations.map((o) => o.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    const all = [...ids, ...data.enterprises.map((e) => e.id), ...data.accounts.map((a) => a.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('has 15 towns with 12–25 villages each, and 3 parks', () => {
    const towns = data.regions.filter((r) => r.level === 'town');
    expect(towns).toHaveLength(15);
    expect(towns.map((t) => t.name)).toEqual(expect.arrayContaining(['白塘镇', '罗江镇', '归义镇', '新市镇']));
    for (const t of towns) {
      const n = count(data.regions, (r) => r.parent_code === t.code);
      expect(n).toBeGreaterThanOrEqual(12);
      expect(n).toBeLessThanOrEqual(25);
    }
    expect(data.regions.filter((r) => r.level === 'park').map((r) => r.name)).toEqual(['高新区', '循环园', '飞地园']);
  });

  it('gives every region a 12-digit code whose parent is a prefix-compatible ancestor', () => {
    const byCode = new Map(data.regions.map((r) => [r.code, r]));
    expect(byCode.size).toBe(data.regions.length);
    for (const r of data.regions) {
      expect(r.code).toMatch(/^\d{12}$/);
      if (r.parent_code === null) { expect(r.level).toBe('province'); continue; }
      expect(byCode.has(r.parent_code)).toBe(true);
      expect(r.code).not.toBe(r.parent_code);
      expect(r.code.startsWith(regionPrefix(r.parent_code))).toBe(true);
    }
    for (const v of data.regions.filter((r) => r.level === 'village')) {
      const seq = Number(v.code.slice(9));
      expect(v.name.endsWith('社区') ? seq >= 1 && seq < 200 : seq >= 200).toBe(true);
    }
  });

  it('draws a boundary for the county, every town and every park, with centres near 113.08, 28.80', () => {
    for (const r of data.regions.filter((x) => ['county', 'town', 'park'].includes(x.level))) {
      const ring = r.boundary!.coordinates[0];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
    for (const r of data.regions.filter((x) => !['province', 'city'].includes(x.level))) {
      expect(Math.abs(r.center_lng - 113.08)).toBeLessThan(0.35);
      expect(Math.abs(r.center_lat - 28.8)).toBeLessThan(0.3);
    }
  });

  it('has the bureau, 15 departments, town governments and stations, and 13 professional committees', () => {
    const kinds = (k: string) => data.organizations.filter((o) => o.kind === k);
    expect(kinds('bureau')).toHaveLength(1);
    expect(kinds('department')).toHaveLength(15);
    expect(kinds('town_gov')).toHaveLength(15);
    expect(kinds('town_station')).toHaveLength(15);
    expect(kinds('park')).toHaveLength(3);
    expect(kinds('professional_committee')).toHaveLength(13);
    expect(kinds('rescue_team')).toHaveLength(16);
    const ids = new Set(data.organizations.map((o) => o.id));
    for (const o of data.organizations) {
      if (o.parent_id) expect(ids.has(o.parent_id)).toBe(true);
      expect(o.phone).toMatch(/^1[3-9]\d{9}$/);
      expect(o.contact.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives every enterprise and organisation a valid, unique 统一社会信用代码', () => {
    const codes = [...data.enterprises.map((e) => e.credit_code), ...data.organizations.flatMap((o) => o.credit_code ?? [])];
    for (const c of codes) expect(isValidUscc(c), c).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(data.enterprises.length).toBe(2065);
    expect(new Set(data.enterprises.map((e) => e.name)).size).toBe(2065);
    const demo = data.enterprises[0];
    expect(demo.name).toBe('汨水市恒达化工有限公司');
    expect(data.regions.find((r) => r.code === demo.region_code)?.name).toBe('循环园');
  });

  it('has one demo account per role, scoped as documented', () => {
    const acc = new Map(data.accounts.map((a) => [a.username, a]));
    expect(new Set(data.accounts.flatMap((a) => a.roles))).toEqual(
      new Set(['admin', 'leader', 'staff', 'officer', 'town', 'dept', 'enterprise', 'informant', 'rescuer']));
    expect(acc.get('town_baitang')?.scope_region_code).toBe('430699101000');
    expect(acc.get('town_luojiang')?.scope_region_code).toBe('430699102000');
    expect(acc.get('informant_demo')?.scope_region_code).toMatch(/^430699101\d{3}$/);
    expect(acc.get('ent_demo')?.scope_enterprise_id).toBe(data.enterprises[0].id);
    expect(acc.get('officer')?.enforcement_cert_no).toBe('湘应执字43069900123');
    for (const a of data.accounts) expect(a.is_demo && !a.must_change_password).toBe(true);
  });
});

describe('loading the demo county', () => {
  it('loads into a migrated database in one transaction, refuses a second load, and resets', async () => {
    const db = await PgliteDb.open({});
    try {
      await migrate(db);
      expect(await isDemoLoaded(db)).toBe(false);
      const hashPassword = async (p: string) => `test$${p}`;

      const summary = await loadDemo(db, { hashPassword });
      console.log(`demo load: ${summary.elapsedMs} ms`, summary.counts);
      // A table filled by several modules counts all their rows (accounts: the demo accounts, the officers, the returns'
      // filers and approvers, the duty desk's people).
      expect(summary.counts).toMatchObject({
        regions: data.regions.length, organizations: data.organizations.length,
        enterprises: 2065,
        accounts: data.accounts.length + data.enforcement.officers.length + data.returns.accounts.length + data.commandDuty.accounts.length,
        enterprise_status_changes: data.enterpriseStatusChanges.length,
        enterprise_licences: data.enterpriseLicences.length, major_hazard_sources: data.majorHazardSources.length,
        major_hazard_chemicals: data.majorHazardChemicals.length, campaigns: data.campaigns.length + data.enforcement.campaigns.length,
        risk_points: data.riskPoints.length, hazards: data.hazards.length, hazard_events: data.hazardEvents.length,
        number_sequences: data.numberSequences.length + data.enforcement.numberSequences.length + data.returns.numberSequences.length
          + data.commandIncidents.numberSequences.length + data.commandDuty.numberSequences.length + data.flood.numberSequences.length,
        incident_timeline: data.commandIncidents.timeline.length + data.commandDuty.timeline.length,
        enforcement_cases: data.enforcement.cases.length,
      });
      expect(summary.password).toBe(DEMO_PASSWORD);
      expect(summary.accounts.map((a) => a.username)).toContain('ent_demo');
      expect(await isDemoLoaded(db)).toBe(true);
      for (const [table, n] of Object.entries(summary.counts)) {
        const row = await db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.id(table)}`);
        expect(row.n, table).toBe(n);
      }
      const boundary = await db.one<{ t: string }>(sql`select boundary->>'type' as t from regions where code = '430699101000'`);
      expect(boundary.t).toBe('Polygon');
      const admin = await db.one<{ id: string; roles: string[]; password_hash: string }>(
        sql`select id, roles, password_hash from accounts where username = 'admin'`);
      expect(admin).toEqual({ id: data.accounts[0].id, roles: ['admin'], password_hash: `test$${DEMO_PASSWORD}` });

      await expect(loadDemo(db, { hashPassword })).rejects.toThrow(/already loaded/);

      await db.exec(`insert into audit_log (seq, id, at, action, entity_type, prev_hash, hash)
        values (1, '017e1138-2800-7000-8000-000000000001', now(), 'test', 'test', '', 'h')`);
      const again = await loadDemo(db, { hashPassword, reset: true });
      console.log(`demo reset + load: ${again.elapsedMs} ms`);
      expect(again.counts).toEqual(summary.counts);
      expect((await db.one<{ n: number }>(sql`select count(*)::int as n from audit_log`)).n).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
