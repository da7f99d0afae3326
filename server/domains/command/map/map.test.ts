// The command map's nearby query on the demo county: each layer holds exactly what lies within the radius (checked
// against a plain distance computation over the same rows), in the caller's scope; bad input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionPrefix } from '../../../platform/auth/scope.js';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { account, http, ok, takeIncident, townCode } from '../duty/testing.js';

let t: TestApp; let h: ReturnType<typeof http>; let staff: string;
let hengda: { id: string; name: string; region_code: string; lng: number; lat: number };
let incident: { id: string };

/** Great-circle distance in metres (the same formula the query uses, computed here independently). */
function metres(a: { lng: number; lat: number }, b: { lng: number; lat: number }) {
  const R = 6_371_008.8, rad = Math.PI / 180;
  const s = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

beforeAll(async () => {
  t = await buildTestApp();
  h = http(t);
  t.now.value = new Date(Date.now() + 5 * 86400_000);
  staff = await t.login('staff');
  hengda = await t.p.db.one(sql`select id, name, region_code, lng, lat from enterprises where name = '汨水市恒达化工有限公司'`);
  incident = await takeIncident(t, staff, { enterpriseId: hengda.id, kind: 'hazchem', address: '循环园恒达化工罐区', title: '地图测试泄漏', lng: hengda.lng, lat: hengda.lat });
});
afterAll(async () => { await t.close(); });

describe('nearby (指挥一张图)', () => {
  it('returns exactly the enterprises, villages and population within the radius, nearest first', async () => {
    const radius = 3000;
    const r = await ok(h.get(staff, `/api/command/incidents/${incident.id}/nearby?radius=${radius}`));
    expect(r.radiusM).toBe(radius);
    const all = await t.p.db.query<{ id: string; lng: number; lat: number }>(sql`select id, lng, lat from enterprises where lng is not null and status <> 'closed'`);
    const expected = all.filter((e) => metres(hengda, e) <= radius - 1).map((e) => e.id).sort();
    const got = r.enterprises.map((e: { id: string }) => e.id);
    expect(got.length).toBeGreaterThan(1);
    for (const id of expected) expect(got).toContain(id);
    for (const e of r.enterprises) expect(e.distanceM).toBeLessThanOrEqual(radius);
    expect(r.enterprises[0]).toMatchObject({ id: hengda.id, distanceM: 0 });
    const d = r.enterprises.map((e: { distanceM: number }) => e.distanceM);
    expect(d).toEqual([...d].sort((a, b) => a - b));

    const villages = await t.p.db.query<{ code: string; center_lng: number; center_lat: number }>(sql`select code, center_lng, center_lat from regions where level = 'village'`);
    const vin = villages.filter((v) => metres(hengda, { lng: v.center_lng, lat: v.center_lat }) <= radius - 1).map((v) => v.code).sort();
    expect(r.villages.map((v: { code: string }) => v.code).sort()).toEqual(expect.arrayContaining(vin));
    expect(r.populationWithin).toBe(r.villages.reduce((n: number, v: { population: number | null }) => n + (v.population ?? 0), 0));
    for (const layer of ['hazardSources', 'sensors', 'alarms', 'hazards', 'facilities', 'villages', 'resources', 'shelters']) {
      for (const p of r[layer]) expect(p.distanceM, layer).toBeLessThanOrEqual(radius);
    }
  });

  it('finds the major hazard sources and sensors at the enterprise itself', async () => {
    const r = await ok(h.get(staff, `/api/command/incidents/${incident.id}/nearby?radius=500&layers=hazardSources,sensors`));
    expect(r.layers).toEqual(['hazardSources', 'sensors']);
    expect(r.enterprises).toEqual([]);
    const sources = await t.p.db.query<{ id: string }>(sql`select id from major_hazard_sources where enterprise_id = ${hengda.id} and identified`);
    expect(sources.length).toBeGreaterThan(0);
    expect(r.hazardSources.map((s: { id: string }) => s.id).sort()).toEqual(expect.arrayContaining(sources.map((s) => s.id).sort()));
  });

  it('grows with the radius: a wider circle holds everything a narrower one does', async () => {
    const narrow = await ok(h.get(staff, `/api/command/incidents/${incident.id}/nearby?radius=1000&layers=enterprises,villages`));
    const wide = await ok(h.get(staff, `/api/command/incidents/${incident.id}/nearby?radius=8000&layers=enterprises,villages`));
    expect(wide.enterprises.length).toBeGreaterThanOrEqual(narrow.enterprises.length);
    expect(wide.enterprises.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining(narrow.enterprises.map((e: { id: string }) => e.id)));
  });

  it('shows a town-scoped account only the records of its own town', async () => {
    const town = await account(t, ['staff'], hengda.region_code);
    const r = await ok(h.get(town.cookie, `/api/command/incidents/${incident.id}/nearby?radius=8000`));
    const prefix = regionPrefix(hengda.region_code);
    const regions = new Map((await t.p.db.query<{ id: string; region_code: string }>(sql`select id, region_code from enterprises where id = any(${r.enterprises.map((e: { id: string }) => e.id)}::uuid[])`))
      .map((e) => [e.id, e.region_code]));
    for (const e of r.enterprises) expect(regions.get(e.id)!.startsWith(prefix)).toBe(true);
    for (const v of r.villages) expect(v.code.startsWith(prefix)).toBe(true);
    const other = await account(t, ['staff'], await townCode(t, '罗江镇'));
    expect((await h.get(other.cookie, `/api/command/incidents/${incident.id}/nearby`)).statusCode).toBe(404);
    expect((await h.get(await t.login('ent_demo'), `/api/command/incidents/${incident.id}/nearby`)).statusCode).toBe(403);
  });

  it('refuses an unknown layer, a radius out of range, and an incident with no place on the map', async () => {
    const bad = await h.get(staff, `/api/command/incidents/${incident.id}/nearby?layers=enterprises,ufo`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('未知图层：ufo');
    expect((await h.get(staff, `/api/command/incidents/${incident.id}/nearby?radius=99999`)).statusCode).toBe(400);
    const nowhere = await takeIncident(t, staff, { regionCode: await townCode(t, '白塘镇'), lng: undefined, lat: undefined });
    const r = await h.get(staff, `/api/command/incidents/${nowhere.id}/nearby`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('标注');
  });
});
