// 一张图 on the demo county: every layer has points for a leader; a town sees only its own town's points; a layer needs
// its domain's read permission; the time range binds incidents and alarms; bad input is refused in Chinese.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITUATION_LAYER_KEYS } from '../../../contracts/situation.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import { sql } from '../../platform/db/sql.js';
import { maskPhone } from '../../platform/personal/personal.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { ancestorCodes } from '../command/resources/scope.js';
import { http, ok, takeIncident } from '../command/duty/testing.js';

let t: TestApp; let h: ReturnType<typeof http>;
let leader: string; let town: string; let officer: string; let dept: string; let staff: string;
let baitang: string;

type FC = { layer: string; total: number; truncated: boolean; features: { id: string; lng: number; lat: number; kind: string; regionCode: string; at?: string; link?: string }[] };
const layer = (c: string, l: string, q = '') => ok<FC>(h.get(c, `/api/situation/layers/${l}${q}`));
/** The demo's records are of 2022: the timed layers are asked for that year. */
const Y2022 = '?from=2022-01-01&to=2022-12-31';

beforeAll(async () => {
  t = await buildTestApp();
  h = http(t);
  [leader, town, officer, dept, staff] = await Promise.all(['leader', 'town_baitang', 'officer', 'dept_zhujian', 'staff'].map((u) => t.login(u)));
  baitang = (await t.p.db.one<{ code: string }>(sql`select code from regions where name = '白塘镇' and level = 'town'`)).code;
});
afterAll(async () => { await t.close(); });

describe('一张图 layers', () => {
  it('lists every layer for a leader, with kinds and colours', async () => {
    const c = await ok<{ layers: { key: string; permission: string; timed: boolean; kinds: { code: string; colour: string }[] }[] }>(h.get(leader, '/api/situation/layers'));
    expect(c.layers.map((l) => l.key)).toEqual(SITUATION_LAYER_KEYS);
    for (const l of c.layers) expect(l.kinds.length, l.key).toBeGreaterThan(0);
    expect(c.layers.filter((l) => l.timed).map((l) => l.key).sort()).toEqual(['alarms', 'incidents', 'warnings']);
  });

  it('returns points on every layer for a leader, each with its record link and a known kind', async () => {
    const c = await ok<{ layers: { key: string; kinds: { code: string }[] }[] }>(h.get(leader, '/api/situation/layers'));
    for (const l of c.layers) {
      const timed = ['alarms', 'incidents', 'warnings'].includes(l.key);
      const r = await layer(leader, l.key, timed ? Y2022 : '');
      expect(r.features.length, l.key).toBeGreaterThan(0);
      expect(r.total, l.key).toBe(r.features.length);
      const kinds = new Set(l.kinds.map((k) => k.code));
      for (const f of r.features) {
        expect(kinds.has(f.kind), `${l.key} kind ${f.kind}`).toBe(true);
        expect(f.link, l.key).toMatch(/^\//);
        expect(f.regionCode).toMatch(/^\d{12}$/);
        expect(f.lng).toBeGreaterThan(100); expect(f.lat).toBeGreaterThan(20);
      }
    }
  });

  it('draws exactly the enterprises that are not closed, red first', async () => {
    const r = await layer(leader, 'enterprises');
    const [{ n }] = await t.p.db.query<{ n: number }>(sql`select count(*)::int as n from enterprises where status <> 'closed' and lng is not null`);
    expect(r.total).toBe(n);
    const order = ['red', 'orange', 'yellow', 'blue', 'none'];
    const ranks = r.features.map((f) => order.indexOf(f.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('caps a large layer with a clear truncated flag and the full total', async () => {
    const all = await layer(leader, 'enterprises');
    const capped = await layer(leader, 'enterprises', '?limit=50');
    expect(capped.features).toHaveLength(50);
    expect(capped.truncated).toBe(true);
    expect(capped.total).toBe(all.total);
    expect(all.truncated).toBe(false);
  });

  it('keeps to the bbox', async () => {
    const box = [112.9, 28.7, 113.0, 28.8];
    const r = await layer(leader, 'enterprises', `?bbox=${box.join(',')}`);
    const all = await layer(leader, 'enterprises');
    const inside = all.features.filter((f) => f.lng >= box[0]! && f.lng <= box[2]! && f.lat >= box[1]! && f.lat <= box[3]!);
    expect(r.features.map((f) => f.id).sort()).toEqual(inside.map((f) => f.id).sort());
    expect(r.total).toBeLessThan(all.total);
  });

  it('shows a town account only the points of its own town (resources also at the county level above it)', async () => {
    const prefix = regionPrefix(baitang);
    const up = new Set(ancestorCodes(baitang));
    const countyOnly: Record<string, number> = {};
    for (const l of SITUATION_LAYER_KEYS) {
      const timed = ['alarms', 'incidents', 'warnings'].includes(l);
      const mine = await layer(town, l, timed ? Y2022 : '');
      const all = await layer(leader, l, timed ? Y2022 : '');
      for (const f of mine.features) {
        const ok = f.regionCode.startsWith(prefix) || (['resources', 'shelters'].includes(l) && up.has(f.regionCode));
        expect(ok, `${l} ${f.regionCode}`).toBe(true);
      }
      countyOnly[l] = all.total - mine.total;
    }
    // The town sees less than the county on the layers spread over the county.
    for (const l of ['enterprises', 'hazards', 'flood', 'torrents', 'resources']) expect(countyOnly[l], l).toBeGreaterThan(0);
    // A county-wide warning shows over the town only; the demo's 白塘镇、罗江镇 warning shows over 白塘镇 only.
    const w = await layer(town, 'warnings', Y2022);
    expect(w.features.length).toBeGreaterThan(0);
    for (const f of w.features) expect(f.regionCode).toBe(baitang);
    // The filter narrows further; another town's region gives nothing of its own.
    const filtered = await layer(leader, 'enterprises', `?regionCode=${baitang}`);
    expect(filtered.total).toBe((await layer(town, 'enterprises')).total);
  });

  it('leaves out, and refuses, a layer without its domain permission', async () => {
    const off = await ok<{ layers: { key: string }[] }>(h.get(officer, '/api/situation/layers'));
    const keys = off.layers.map((l) => l.key);
    expect(keys).toEqual(expect.arrayContaining(['enterprises', 'hazards', 'sensors', 'alarms']));
    for (const l of ['incidents', 'resources', 'shelters', 'flood', 'torrents']) expect(keys).not.toContain(l);
    const r = await h.get(officer, '/api/situation/layers/incidents');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('应急指挥查看');
    const d = await ok<{ layers: { key: string }[] }>(h.get(dept, '/api/situation/layers'));
    expect(d.layers.map((l) => l.key)).not.toContain('alarms');
    expect((await h.get(dept, '/api/situation/layers/alarms')).statusCode).toBe(403);
    // No dashboard:read at all: the route itself is refused.
    expect((await h.get(await t.login('ent_demo'), '/api/situation/layers')).statusCode).toBe(403);
    expect((await h.get(await t.login('rescuer_demo'), '/api/situation/layers/incidents')).statusCode).toBe(403);
  });

  it('a department sees only the enterprises it regulates', async () => {
    const r = await layer(dept, 'enterprises');
    const org = (await t.p.db.one<{ scope_org_id: string }>(sql`select scope_org_id from accounts where username = 'dept_zhujian'`)).scope_org_id;
    const [{ n }] = await t.p.db.query<{ n: number }>(sql`select count(*)::int as n from enterprises where status <> 'closed' and lng is not null and supervising_org_id = ${org}`);
    expect(r.total).toBe(n);
    expect(r.total).toBeLessThan((await layer(leader, 'enterprises')).total);
  });

  it('filters incidents and alarms by time; without a time shows what is live', async () => {
    const incidents2022 = await layer(leader, 'incidents', Y2022);
    expect(incidents2022.features.length).toBe(3);
    const h1 = await layer(leader, 'incidents', '?from=2022-01-01&to=2022-03-31');
    expect(h1.features.map((f) => f.at!.slice(0, 7))).toEqual(['2022-02']);
    for (const f of incidents2022.features) expect(f.at! >= '2022-01-01' && f.at! < '2023').toBe(true);
    // The demo's incidents are all closed: nothing live until one is taken now.
    expect((await layer(leader, 'incidents')).features).toHaveLength(0);
    const taken = await takeIncident(t, staff, { title: '一张图测试火情', regionCode: baitang });
    const live = await layer(leader, 'incidents');
    expect(live.features.map((f) => f.id)).toEqual([taken.id]);
    expect((await layer(leader, 'incidents', Y2022)).features.map((f) => f.id)).not.toContain(taken.id);

    const alarmsJune = await layer(leader, 'alarms', '?from=2022-06-29&to=2022-06-30');
    const [{ n }] = await t.p.db.query<{ n: number }>(sql`select count(*)::int as n from monitoring_alarms where raised_at >= '2022-06-28T16:00:00Z' and raised_at < '2022-06-30T16:00:00Z'`);
    expect(alarmsJune.total).toBe(n);
    expect(n).toBeGreaterThan(0);
    const narrow = await layer(leader, 'alarms', `?from=${encodeURIComponent('2022-06-30T15:00:00Z')}&to=${encodeURIComponent('2022-06-30T16:00:00Z')}`);
    expect(narrow.total).toBeLessThan(alarmsJune.total);
    for (const f of narrow.features) expect(f.at! >= '2022-06-30T15:00:00').toBe(true);
    const live2 = await layer(leader, 'alarms');
    const [{ open }] = await t.p.db.query<{ open: number }>(sql`select count(*)::int as open from monitoring_alarms where status <> 'closed'`);
    expect(live2.total).toBe(open);
  });

  it('refuses a bad bbox, a bad time and an unknown layer in Chinese', async () => {
    for (const bbox of ['1,2,3', 'a,b,c,d', '113,29,112,28', '200,28,201,29']) {
      const r = await h.get(leader, `/api/situation/layers/enterprises?bbox=${bbox}`);
      expect(r.statusCode, bbox).toBe(400);
      expect(r.json().error.message).toContain('最小经度');
    }
    const bad = await h.get(leader, '/api/situation/layers/incidents?from=2022-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('起始时间');
    const reversed = await h.get(leader, '/api/situation/layers/incidents?from=2022-06-30&to=2022-01-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain('不能晚于');
    const unknown = await h.get(leader, '/api/situation/layers/ufo');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('未知图层');
  });
});

describe('personal data (issue #11)', () => {
  it('shows the phones in the enterprise and resource notes masked, for every role (the record\'s own page reveals them)', async () => {
    const phones = new Map((await t.p.db.query<{ id: string; phone: string }>(sql`select id, principal_phone as phone from enterprises where principal_phone is not null
      union all select id, leader_phone from resource_teams where leader_phone is not null union all select id, keeper_phone from resource_warehouses where keeper_phone is not null`))
      .map((r) => [r.id, r.phone]));
    let checked = 0;
    for (const l of ['enterprises', 'resources']) {
      const r = await ok<{ features: { id: string; note?: string }[] }>(h.get(leader, `/api/situation/layers/${l}`));
      for (const f of r.features) {
        const phone = phones.get(f.id);
        if (!phone) continue;
        expect(f.note, f.id).toContain(maskPhone(phone));
        expect(f.note, f.id).not.toContain(phone);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // A point's full number is revealed on its record (here an enterprise), one at a time and audited.
    const e = (await ok<{ features: { id: string }[] }>(h.get(leader, '/api/situation/layers/enterprises'))).features.find((f) => phones.has(f.id))!;
    const before = (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${e.id}`)).n;
    expect((await ok<{ value: string }>(h.post(leader, '/api/personal/reveal', { entity: 'enterprise', id: e.id, field: 'principalPhone' }))).value).toBe(phones.get(e.id));
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${e.id}`)).n).toBe(before + 1);
  });
});

