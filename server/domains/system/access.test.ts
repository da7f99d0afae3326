// The permission matrix: every route that needs a permission answers 403 to every role without it,
// and 401 to a caller who is not logged in. Generated from the app's own route table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../contracts/roles.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const DEMO_BY_ROLE: Record<string, string> = {
  admin: 'admin', leader: 'leader', staff: 'staff', officer: 'officer', town: 'town_baitang', dept: 'dept_zhujian',
  enterprise: 'ent_demo', informant: 'informant_demo', rescuer: 'rescuer_demo',
};

const concrete = (url: string) => url
  .replace(':id', '01900000-0000-7000-8000-000000000000')
  .replace(':extensionId', '01900000-0000-7000-8000-000000000001')
  .replace(':code', '430699101000')
  .replace(':key', 'no.such.rule');

describe('permission matrix', () => {
  it('has a demo account for every role', () => {
    expect(Object.keys(DEMO_BY_ROLE).sort()).toEqual(ROLES.map((r) => r.code).sort());
  });

  it('answers 401 on every non-public API route without a session', async () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.public);
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      const res = await t.app.inject({ method: r.method as 'GET', url: concrete(r.url) });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of ROLES) {
    it(`answers 403 to ${role.name} (${role.code}) on every route it lacks the permission for`, async () => {
      const cookie = await t.login(DEMO_BY_ROLE[role.code]);
      const denied = t.app.routeTable.filter((r) => r.permission && !role.permissions.includes(r.permission));
      for (const r of denied) {
        const res = await t.as(cookie, { method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' ? undefined : {} });
        expect(res.statusCode, `${role.code} ${r.method} ${r.url}`).toBe(403);
      }
    });
  }

  it('audits a permission failure', async () => {
    const cookie = await t.login('informant_demo');
    await t.as(cookie, { method: 'GET', url: '/api/accounts' });
    const r = await t.as(await t.login('admin'), { method: 'GET', url: '/api/audit?action=auth.forbidden&pageSize=1' });
    expect(r.json().items[0]).toMatchObject({ action: 'auth.forbidden', entityId: 'GET /api/accounts', actorName: expect.any(String) });
  });
});
