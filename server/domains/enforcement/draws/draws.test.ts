import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../common/testing.js';
import { computeDraw, resultHash } from './algorithm.js';

let t: TestApp; let officer: string; let luojiang: string;
const officers: { id: string; certNo: string }[] = [];
const BAITANG = '430699101000';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-02T02:00:00Z');
  for (let i = 0; i < 6; i++) officers.push(await makeOfficer(t));
  officer = await t.login('officer');
  luojiang = await t.login('town_luojiang');
});
afterAll(async () => { await t.close(); });

const draw = (extra: object = {}) => api(t).post(officer, '/api/enforcement/draws', {
  title: '2026年白塘镇烟花爆竹经营单位双随机抽查', matter: '烟花爆竹经营许可条件及储存安全', sectors: ['fireworks'], regionCode: BAITANG, mode: 'count', count: 5,
  officerIds: officers.map((o) => o.id), ...extra });

describe('双随机 draws', () => {
  it('draws units and two certified officers each, and anyone can recompute it from the public page', async () => {
    const r = await draw({ seed: 'public-seed-20260302' });
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.result).toHaveLength(5);
    expect(d.result.every((u: { officers: unknown[] }) => u.officers.length === 2)).toBe(true);
    expect((await api(t).get('', `/api/public/draws/${d.id}`)).statusCode).toBe(404); // not yet published
    expect((await api(t).post(officer, `/api/enforcement/draws/${d.id}/publish`)).statusCode).toBe(200);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/draws/${d.id}` })).json();
    expect(pub.seed).toBe('public-seed-20260302');
    expect(pub.units).toBeUndefined();
    const again = computeDraw({ seed: pub.seed, pool: pub.pool, officers: pub.officerPool, exclusions: pub.exclusions, criteria: pub.criteria });
    expect(again.map((x) => x.unit)).toEqual(pub.result.map((x: { unit: string }) => x.unit));
    expect(again.map((x) => x.officers)).toEqual(pub.result.map((x: { officers: { certNo: string }[] }) => x.officers.map((o) => o.certNo)));
    expect(resultHash(again)).toBe(pub.resultHash);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/draws/${d.id}/verify` })).json().matches).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/draws' })).json().items.some((x: { id: string }) => x.id === d.id)).toBe(true);
  });

  it('publishes the pool in credit-code order and names the algorithm', async () => {
    const d = (await draw()).json();
    const codes = d.pool.map((u: { code: string }) => u.code);
    expect(codes).toEqual([...codes].sort());
    expect(d.algorithm).toBe('yingji-draw-v1');
    expect(d.algorithmText).toMatch(/SHA-256/);
    expect(d.publishDue > '2026-03-02').toBe(true);
  });

  it('never draws an officer for a unit they are related to or inspected last time, over many draws', async () => {
    const units = await enterprisesOf(t, 'fireworks', '430699101');
    const [related, last] = officers;
    for (const u of units) {
      const r = await api(t).post(officer, '/api/enforcement/avoidances', { officerId: related.id, enterpriseId: u.id, reason: '配偶经营该店' });
      expect(r.statusCode, r.body).toBe(200);
    }
    // `last` inspected the first five units last time (with another officer).
    const other = officers[5];
    for (const u of units.slice(0, 5)) {
      const r = await api(t).post(officer, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId: u.id, officerIds: [last.id, other.id] });
      expect(r.statusCode, r.body).toBe(200);
    }
    const avoided = new Set(units.slice(0, 5).map((u) => u.credit_code));
    for (let i = 0; i < 25; i++) {
      const res = await draw({ seed: `avoid-seed-${i}`, count: 8 });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      for (const x of d.result as { unit: string; officers: { certNo: string }[] }[]) {
        const certs = x.officers.map((o) => o.certNo);
        expect(certs).not.toContain(related.certNo);
        if (avoided.has(x.unit)) { expect(certs).not.toContain(last.certNo); expect(certs).not.toContain(other.certNo); }
      }
      expect(d.exclusions.some((e: { reason: string }) => e.reason === '利害关系回避')).toBe(true);
    }
  });

  it('records a redraw with its reason and keeps the superseded draw', async () => {
    const first = (await draw({ seed: 'before-redraw' })).json();
    expect((await api(t).post(officer, `/api/enforcement/draws/${first.id}/redraw`, {})).statusCode).toBe(400);
    const r = await api(t).post(officer, `/api/enforcement/draws/${first.id}/redraw`, { reason: '抽中执法人员休产假', seed: 'after-redraw' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ redrawOf: first.id, redrawReason: '抽中执法人员休产假', status: 'drawn' });
    const old = (await api(t).get(officer, `/api/enforcement/draws/${first.id}`)).json();
    expect(old).toMatchObject({ status: 'superseded', supersededBy: r.json().id });
    expect((await api(t).post(officer, `/api/enforcement/draws/${first.id}/redraw`, { reason: '再抽一次' })).statusCode).toBe(409);
    const trail = await t.p.db.query(sql`select action from audit_log where entity_id = ${r.json().id}`);
    expect(trail.map((x) => x.action)).toContain('enforcement.draw.redraw');
  });

  it('refuses a draw without enough officers, and keeps draws inside the caller\'s scope', async () => {
    const few = await draw({ officerIds: [officers[2].id], count: 1 });
    expect(few.statusCode).toBe(400);
    expect(few.json().error.message).toMatch(/执法人员/);
    const d = (await draw()).json();
    expect((await api(t).get(luojiang, `/api/enforcement/draws/${d.id}`)).statusCode).toBe(403); // towns have no enforcement:read
    const regional = await makeOfficer(t, { region: '430699102000' });
    const cookie = await t.login(regional.username);
    expect((await api(t).get(cookie, `/api/enforcement/draws/${d.id}`)).statusCode).toBe(404);
    expect((await api(t).get(cookie, '/api/enforcement/draws')).json().items.some((x: { id: string }) => x.id === d.id)).toBe(false);
    expect((await draw.call(null, {})).statusCode).toBe(200);
    const outside = await api(t).post(cookie, '/api/enforcement/draws', { title: '越界抽取', matter: '测试', regionCode: BAITANG, mode: 'count', count: 1 });
    expect(outside.statusCode).toBe(403);
  });
});
