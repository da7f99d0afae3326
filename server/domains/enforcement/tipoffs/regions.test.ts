import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

describe('the public region list of the tip-off form', () => {
  it('names the county, its towns and parks without login, cacheable, and nothing below a town', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/public/regions' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['cache-control']).toMatch(/max-age=\d+/);
    const rows = r.json() as { code: string; name: string; level: string }[];
    expect(rows.filter((x) => x.level === 'county').map((x) => x.name)).toEqual(['汨水市']);
    expect(rows.filter((x) => x.level === 'town')).toHaveLength(15);
    expect(rows.filter((x) => x.level === 'park')).toHaveLength(3);
    expect(Object.keys(rows[0]).sort()).toEqual(['code', 'level', 'name']);
  });
});
