import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let ent: string; let staff: string; let baitang: string; let luojiang: string;
let enterpriseId: string;
beforeAll(async () => {
  t = await buildTestApp();
  [ent, staff, baitang, luojiang] = await Promise.all(['ent_demo', 'staff', 'town_baitang', 'town_luojiang'].map((u) => t.login(u)));
  enterpriseId = (await t.as(ent, { method: 'GET', url: '/api/auth/me' })).json().scope.enterpriseId;
});
afterAll(async () => { await t.close(); });
const post = (c: string, url: string, payload: object) => t.as(c, { method: 'POST', url, payload });
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });

describe('risk points', () => {
  it('grade by LEC with the rule version kept, and set the enterprise\'s colour to its highest point', async () => {
    const colour = async () => (await t.p.db.one<{ risk_level: string | null }>(sql`select risk_level from enterprises where id = ${enterpriseId}`)).risk_level;
    const before = await colour();
    const blue = await post(ent, '/api/risk-points', { name: '仓库叉车作业', hazardDesc: '车辆伤害', method: 'LS', inputs: { L: 2, S: 3 } });
    expect(blue.json()).toMatchObject({ level: 'blue', score: 6, ruleVersion: 'risk.ls.bands@default', enterpriseId });
    const red = await post(ent, '/api/risk-points', { name: '液氨储罐区', hazardDesc: '泄漏中毒、爆炸', method: 'LEC', inputs: { L: 6, E: 6, C: 15 } });
    expect(red.json()).toMatchObject({ level: 'red', score: 540, working: 'D = L×E×C = 6×6×15 = 540' });
    expect(await colour()).toBe('red');
    expect((await t.as(ent, { method: 'DELETE', url: `/api/risk-points/${red.json().id}` })).statusCode).toBe(204);
    // Back to the highest of the points it had (the demo's) and the blue one.
    expect(await colour()).toBe(before ?? 'blue');
  });

  it('refuse inputs that do not match the method or the tables', async () => {
    expect((await post(ent, '/api/risk-points', { name: '某点', hazardDesc: '某', method: 'LEC', inputs: { L: 2, S: 3 } })).statusCode).toBe(400);
    const bad = await post(ent, '/api/risk-points', { name: '某点', hazardDesc: '某事故', method: 'LEC', inputs: { L: 5, E: 6, C: 15 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/L 取值应为/);
  });

  it('draw the four-colour map by town, within scope', async () => {
    const orangeIn = async (c: string, town: string) => ((await get(c, '/api/risk-points/map')).json().find((r: { regionName: string }) => r.regionName === town)?.orange ?? 0) as number;
    const before = await orangeIn(staff, '白塘镇');
    await post(baitang, '/api/risk-points', { regionCode: '430699101203', placeName: '上峰村山塘', name: '山塘垮坝', hazardDesc: '溃坝淹溺', method: 'LS', inputs: { L: 3, S: 5 } });
    expect(await orangeIn(staff, '白塘镇')).toBe(before + 1);
    expect((await get(luojiang, '/api/risk-points/map')).json().map((r: { regionName: string }) => r.regionName)).toEqual(['罗江镇']);
    const own = (await get(luojiang, '/api/risk-points?pageSize=200')).json();
    expect(own.items.every((r: { regionCode: string }) => r.regionCode.startsWith('430699102'))).toBe(true);
  });
});

describe('self-checks', () => {
  it('turn failed items into hazards in one step', async () => {
    const templates = (await get(ent, '/api/check-templates?sector=hazchem')).json();
    expect(templates.length).toBeGreaterThan(0);
    const tpl = templates[0];
    const results = tpl.items.map((i: { code: string }, n: number) => ({ code: i.code, ok: n > 1, note: n <= 1 ? '现场发现问题' : undefined }));
    const r = await post(ent, '/api/check-records', { templateId: tpl.id, results, createHazards: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ failedCount: 2 });
    expect(r.json().hazardIds).toHaveLength(2);
    const h = (await get(staff, `/api/hazards/${r.json().hazardIds[0]}`)).json();
    expect(h).toMatchObject({ source: 'self_check', level: 'general', sector: 'hazchem', enterpriseId, title: tpl.items[0].text });
    const list = (await get(ent, '/api/check-records')).json();
    expect(list.items[0].hazardIds).toHaveLength(2);
  });

  it('refuse an item the template does not have', async () => {
    const tpl = (await get(ent, '/api/check-templates')).json()[0];
    const r = await post(ent, '/api/check-records', { templateId: tpl.id, results: [{ code: 'NOPE', ok: false }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/NOPE/);
  });
});

describe('campaigns', () => {
  it('count the hazards found in them', async () => {
    const c = (await post(staff, '/api/campaigns', { name: '循环园、飞地园隐患大排查', kind: 'big_check', periodFrom: '2022-03-01', periodTo: '2022-04-30', regionCode: '430699000000' })).json();
    await post(staff, '/api/hazards', { enterpriseId, title: '消防通道堵塞', source: 'campaign', level: 'general', campaignId: c.id });
    expect((await get(staff, `/api/campaigns/${c.id}`)).json()).toMatchObject({ found: 1, closed: 0 });
    expect((await post(staff, '/api/campaigns', { name: '倒序', periodFrom: '2022-04-30', periodTo: '2022-03-01', regionCode: '430699000000' })).statusCode).toBe(400);
  });
});
