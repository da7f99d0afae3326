// Editing a risk point (issue #11: no test walked PUT /api/risk-points/:id): it is graded again under the rule in force,
// the enterprise's colour follows, other people's points stay out of reach, and the change leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let ent: string; let luojiang: string; let enterpriseId: string;
beforeAll(async () => {
  t = await buildTestApp();
  [ent, luojiang] = await Promise.all(['ent_demo', 'town_luojiang'].map((u) => t.login(u)));
  enterpriseId = (await t.as(ent, { method: 'GET', url: '/api/auth/me' })).json().scope.enterpriseId;
  // The demo's own points would keep the enterprise red whatever this test does: start from none.
  await t.p.db.execute(sql`delete from risk_points where enterprise_id = ${enterpriseId}`);
});
afterAll(async () => { await t.close(); });

describe('editing a risk point', () => {
  it('regrades it, moves the enterprise\'s colour, and audits the change', async () => {
    const colour = async () => (await t.p.db.one<{ risk_level: string | null }>(sql`select risk_level from enterprises where id = ${enterpriseId}`)).risk_level;
    const body = { name: '液氨储罐区', hazardDesc: '泄漏中毒', method: 'LS', inputs: { L: 2, S: 3 }, controlMeasures: '每班巡检' };
    const created = await t.as(ent, { method: 'POST', url: '/api/risk-points', payload: body });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ level: 'blue', score: 6 });
    expect(await colour()).toBe('blue');
    const edited = { ...body, hazardDesc: '泄漏中毒、爆炸', method: 'LEC', inputs: { L: 6, E: 6, C: 15 }, controlMeasures: '在线监测、紧急切断', responsible: [{ level: '车间', person: '王工' }] };
    const r = await t.as(ent, { method: 'PUT', url: `/api/risk-points/${id}`, payload: edited });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, enterpriseId, method: 'LEC', score: 540, level: 'red', working: 'D = L×E×C = 6×6×15 = 540', ruleVersion: expect.stringMatching(/^risk\.lec\.bands@/) });
    const seen = (await t.as(ent, { method: 'GET', url: `/api/risk-points/${id}` })).json();
    expect(seen).toMatchObject({ hazardDesc: '泄漏中毒、爆炸', level: 'red', controlMeasures: '在线监测、紧急切断', responsible: [{ level: '车间', person: '王工' }] });
    expect(await colour()).toBe('red');
    const rows = await t.p.db.query<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where action = 'risk_point.update' and entity_id = ${id} order by seq`);
    expect(rows).toMatchObject([{ before: { level: 'blue', inputs: { L: 2, S: 3 } }, after: { level: 'red', score: 540, inputs: { L: 6, E: 6, C: 15 } } }]);
    // Out of another town's reach; inputs that do not fit the method change nothing.
    expect((await t.as(luojiang, { method: 'PUT', url: `/api/risk-points/${id}`, payload: edited })).statusCode).toBe(404);
    expect((await t.as(ent, { method: 'PUT', url: `/api/risk-points/${id}`, payload: { ...edited, inputs: { L: 2, S: 3 } } })).statusCode).toBe(400);
    expect((await t.as(ent, { method: 'GET', url: `/api/risk-points/${id}` })).json().level).toBe('red');
  });

  it('moves a public place\'s point to another village of the town (the audit record and the stored row agree)', async () => {
    const baitang = await t.login('town_baitang');
    const body = { regionCode: '430699101203', placeName: '上峰村山塘', name: '山塘垮坝', hazardDesc: '溃坝淹溺', method: 'LS', inputs: { L: 3, S: 5 } };
    const created = await t.as(baitang, { method: 'POST', url: '/api/risk-points', payload: body });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const moved = await t.as(baitang, { method: 'PUT', url: `/api/risk-points/${id}`, payload: { ...body, regionCode: '430699101201', placeName: '下峰村山塘' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await t.as(baitang, { method: 'GET', url: `/api/risk-points/${id}` })).json()).toMatchObject({ regionCode: '430699101201', placeName: '下峰村山塘' });
    const rec = await t.p.db.one<{ region_code: string }>(sql`select region_code from audit_log where action = 'risk_point.update' and entity_id = ${id}`);
    expect(rec.region_code.trim()).toBe('430699101201');
    // Not into another town.
    const away = await t.as(baitang, { method: 'PUT', url: `/api/risk-points/${id}`, payload: { ...body, regionCode: '430699102201' } });
    expect(away.statusCode).toBe(403);
    expect((await t.as(baitang, { method: 'GET', url: `/api/risk-points/${id}` })).json().regionCode).toBe('430699101201');
  });
});
