import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('admin'); });
afterAll(async () => { await t.close(); });

describe('regions', () => {
  it('has the county with 15 towns and 3 parks', async () => {
    const towns = (await t.as(admin, { method: 'GET', url: '/api/regions?level=town' })).json();
    const parks = (await t.as(admin, { method: 'GET', url: '/api/regions?level=park' })).json();
    expect(towns).toHaveLength(15);
    expect(parks.map((p: { name: string }) => p.name).sort()).toEqual(['循环园', '飞地园', '高新区'].sort());
  });

  it('adds a village under a town, refusing a code outside the parent', async () => {
    const bad = await t.as(admin, { method: 'POST', url: '/api/regions', payload: { code: '430699102299', parentCode: '430699101000', name: '新村', level: 'village' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/前缀/);
    const ok = await t.as(admin, { method: 'POST', url: '/api/regions', payload: { code: '430699101299', parentCode: '430699101000', name: '新村', level: 'village' } });
    expect(ok.statusCode).toBe(200);
    const renamed = await t.as(admin, { method: 'PATCH', url: '/api/regions/430699101299', payload: { name: '新兴村' } });
    expect(renamed.json().name).toBe('新兴村');
    expect((await t.as(admin, { method: 'PATCH', url: '/api/regions/430699101298', payload: { name: 'x' } })).statusCode).toBe(404);
  });
});

describe('organisations', () => {
  it('include the safety committee with its 13 professional committees', async () => {
    const r = (await t.as(admin, { method: 'GET', url: '/api/orgs?kind=professional_committee&pageSize=50' })).json();
    expect(r.total).toBe(13);
  });

  it('are created and edited, and a parent loop is refused', async () => {
    const a = (await t.as(admin, { method: 'POST', url: '/api/orgs', payload: { name: '测试上级', kind: 'other', regionCode: '430699000000' } })).json();
    const b = (await t.as(admin, { method: 'POST', url: '/api/orgs', payload: { name: '测试下级', kind: 'other', regionCode: '430699000000', parentId: a.id } })).json();
    expect(b.parentId).toBe(a.id);
    const loop = await t.as(admin, { method: 'PATCH', url: `/api/orgs/${a.id}`, payload: { parentId: b.id } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/上级单位不能是本单位或其下级/);
    const search = (await t.as(admin, { method: 'GET', url: `/api/orgs?q=${encodeURIComponent('测试')}` })).json();
    expect(search.total).toBe(2);
  });

  it('refuse an unknown region', async () => {
    const r = await t.as(admin, { method: 'POST', url: '/api/orgs', payload: { name: 'x', kind: 'other', regionCode: '111111111111' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/区划不存在/);
  });
});
