// Nearest-resource search: the order and distances match a brute-force great-circle computation over every row in
// scope, the radius and filters hold, and a town sees its own and the county-level resources only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NearbyResource, ResourceKind } from '../ports.js';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { resourcesDirectory } from './directory.js';
import { ALL_KINDS, haversineM } from './nearby.store.js';
import { ancestorCodes } from './scope.js';
import { BAITANG, ctxFor } from './testing.js';

let t: TestApp;
let staff: string;
let baitang: string;
beforeAll(async () => { t = await buildTestApp(); [staff, baitang] = await Promise.all([t.login('staff'), t.login('town_baitang')]); });
afterAll(async () => { await t.close(); });

const TABLE: Record<ResourceKind, string> = { team: 'resource_teams', expert: 'resource_experts', warehouse: 'resource_warehouses', shelter: 'resource_shelters', equipment: 'resource_equipment' };

/** Every located row of a kind, with its distance computed here, nearest first (ties by id, as the query does). */
async function bruteForce(kind: ResourceKind, lng: number, lat: number, radius: number, where = sql`true`) {
  const rows = await t.p.db.query<{ id: string; lng: number; lat: number }>(sql`select id, lng, lat from ${sql.id(TABLE[kind])} where lat is not null and ${where}`);
  return rows.map((r) => ({ id: r.id, d: haversineM(lng, lat, r.lng, r.lat) })).filter((r) => r.d <= radius).sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
}

// Deterministic points over the county (113.08, 28.80 ± 0.25°).
const POINTS = Array.from({ length: 6 }, (_, i) => ({ lng: 112.85 + ((i * 37) % 50) / 100, lat: 28.62 + ((i * 23) % 36) / 100 }));

describe('nearest resources', () => {
  it('returns each kind nearest first, matching a brute-force great-circle computation', async () => {
    for (const p of POINTS) {
      const got = await resourcesDirectory.nearestResources(t.p.db, ctxFor(t, { kind: 'all' }).actor, { ...p, radiusM: 30_000, limit: 8 });
      for (const kind of ALL_KINDS) {
        const mine = got.filter((r) => r.kind === kind);
        const expected = (await bruteForce(kind, p.lng, p.lat, 30_000)).slice(0, 8);
        expect(mine.map((r) => r.id)).toEqual(expected.map((e) => e.id));
        mine.forEach((r, i) => expect(Math.abs(r.distanceM - expected[i].d)).toBeLessThan(0.1));
      }
    }
  });

  it('keeps to the radius and the filters', async () => {
    const p = POINTS[0];
    const got = await resourcesDirectory.nearestResources(t.p.db, ctxFor(t, { kind: 'all' }).actor, { ...p, radiusM: 5_000, kinds: ['team'], teamKind: 'town', limit: 50 });
    expect(got.every((r) => r.kind === 'team' && r.distanceM <= 5_000 && r.detail.teamKind === 'town')).toBe(true);
    const expected = await bruteForce('team', p.lng, p.lat, 5_000, sql`kind = 'town'`);
    expect(got.map((r) => r.id)).toEqual(expected.map((e) => e.id));
  });

  it('finds warehouses holding an item and says what they hold', async () => {
    const got = await resourcesDirectory.nearestResources(t.p.db, ctxFor(t, { kind: 'all' }).actor, { lng: 113.08, lat: 28.8, kinds: ['warehouse'], item: '吸附棉', radiusM: 100_000 });
    expect(got.length).toBeGreaterThan(0);
    for (const w of got) {
      expect(w.summary).toMatch(/吸附棉 \d+/);
      expect((w.detail.stock as { name: string; quantity: number }[]).every((l) => l.name.includes('吸附棉') && l.quantity > 0)).toBe(true);
    }
  });

  it('answers the web route with the same order, and refuses a bad point', async () => {
    const r = await t.as(staff, { method: 'GET', url: '/api/command/resources/nearby?lng=113.08&lat=28.8&kinds=team,shelter&radius=20000&limit=5' });
    expect(r.statusCode).toBe(200);
    const body = r.json() as NearbyResource[];
    for (const kind of ['team', 'shelter'] as const) {
      const d = body.filter((x) => x.kind === kind).map((x) => x.distanceM);
      expect(d).toEqual([...d].sort((a, b) => a - b));
      expect(d.length).toBeLessThanOrEqual(5);
    }
    expect(body.some((x) => x.kind === 'expert')).toBe(false);
    const bad = await t.as(staff, { method: 'GET', url: '/api/command/resources/nearby?lng=200&lat=28.8' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a town its own resources and the county-level ones only', async () => {
    const r = await t.as(baitang, { method: 'GET', url: '/api/command/resources/nearby?lng=113.08&lat=28.8&radius=300000&limit=100' });
    expect(r.statusCode).toBe(200);
    const allowed = new Set(ancestorCodes(BAITANG));
    const body = r.json() as NearbyResource[];
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((x) => x.regionCode!.startsWith('430699101') || allowed.has(x.regionCode!))).toBe(true);
    expect(body.some((x) => x.regionCode!.startsWith('430699101'))).toBe(true);
    expect(body.some((x) => x.regionCode === '430699000000')).toBe(true);
  });
});
