// The allow side of the permission matrix: every role reaches every route its permissions grant (the answer may be
// 400 for an empty body or 404 for an unknown id, never 401 or 403, and never a 5xx), and every non-public route
// either declares its permission or is listed below as open to any logged-in account. A new route without either
// fails here, so nobody adds an unguarded route by accident.
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

/** Routes any logged-in account may call: its own session and inbox, reference data, answering a warning addressed to it. */
const LOGGED_IN_ONLY = new Set<string>([
  'GET /api/auth/me', 'POST /api/auth/logout', 'POST /api/auth/change-password', 'GET /api/auth/sessions', 'DELETE /api/auth/sessions/:id',
  'GET /api/inbox', 'GET /api/inbox/unread-count', 'POST /api/inbox/:id/read', 'POST /api/inbox/read-all', 'POST /api/inbox/:id/ack',
  'GET /api/events', 'GET /api/regions', 'GET /api/regions/tree', 'GET /api/regions/boundaries',
  'GET /api/orgs', 'GET /api/orgs/:id', 'GET /api/roles', 'GET /api/settings/map', 'GET /api/settings/rules', 'GET /api/calendar', 'GET /api/calendar/working-days',
  'POST /api/monitoring/warnings/:id/confirm',
]);

/** Routes that accept any one of several permissions and check it in the handler (the law library serves hazards and enforcement). */
const ANY_OF_CHECKED_INSIDE = new Set<string>([
  'GET /api/law/sources', 'GET /api/law/sources/:id', 'GET /api/law/sources/:id/citing', 'GET /api/law/articles', 'GET /api/law/articles/:id',
  'GET /api/law/cite', 'GET /api/law/violations', 'GET /api/law/violations/match', 'GET /api/law/violations/:id', 'POST /api/law/proposals/try',
  // Personal data: the record's read permission and personal:phone or personal:id by field (server/platform/personal).
  'POST /api/personal/reveal',
]);

/**
 * Allowed by the route's permission, then refused on purpose by a narrower rule inside: `METHOD url` → the roles
 * refused and why. (A permission says what kind of work an account does; these routes narrow it by level.)
 */
const REFUSED_BY_DESIGN: Record<string, { roles: string[]; why: string }> = {
  'PATCH /api/enterprises/:id/contacts': { roles: ['leader', 'officer', 'dept'], why: '企业自己和有“企业档案维护”权限的人维护联系人' },
  'PATCH /api/enterprise-licences/:id': { roles: ['leader', 'officer', 'dept'], why: '证照由企业或有“企业档案维护”权限的人维护' },
  'DELETE /api/enterprise-licences/:id': { roles: ['leader', 'officer', 'dept'], why: '同上' },
  'PATCH /api/major-hazard-sources/:id': { roles: ['leader', 'officer', 'dept'], why: '重大危险源由企业或有“企业档案维护”权限的人维护' },
  'DELETE /api/major-hazard-sources/:id': { roles: ['leader', 'officer', 'dept'], why: '同上' },
  'POST /api/disaster/events/:id/stable': { roles: ['town', 'informant'], why: '灾情稳定由县级确认' },
  'DELETE /api/disaster/informants/:id': { roles: ['informant'], why: '村（社区）账号不能维护灾害信息员名册' },
  'GET /api/disaster/relief/distributions/:id/id-number': { roles: ['informant'], why: '只有乡镇和县级经办人可以查看完整身份证号' },
  'DELETE /api/flood/facilities/:id': { roles: ['informant'], why: '防汛设施由乡镇或县级登记' },
  'POST /api/flood/responses/:id/resend': { roles: ['informant'], why: '应急响应由乡镇或县级启动和管理' },
  'POST /api/flood/responses/:id/end': { roles: ['informant'], why: '同上' },
  'DELETE /api/responsibility/committees/:id/members/:memberId': { roles: ['town', 'dept'], why: '委员会由安委办维护' },
  'DELETE /api/responsibility/meetings/:id': { roles: ['town', 'dept'], why: '同上' },
  'DELETE /api/responsibility/tasks/:id': { roles: ['town', 'dept'], why: '只有督办单位可以撤回督办事项' },
  'POST /api/responsibility/tasks/:id/close': { roles: ['town', 'dept'], why: '只有督办单位可以办结或退回任务' },
  'POST /api/responsibility/tasks/:id/return': { roles: ['town', 'dept'], why: '同上' },
  'DELETE /api/responsibility/pledges/:id': { roles: ['town', 'dept'], why: '责任状由安委办登记' },
  'DELETE /api/responsibility/campaigns/:id': { roles: ['town', 'dept'], why: '督查督办由安委办组织' },
};

const concrete = (url: string) => url
  .replace(/:id\b/g, '01900000-0000-7000-8000-000000000000')
  .replace(/:(\w*Id)\b/g, '01900000-0000-7000-8000-000000000001')
  .replace(':code', '430699101000')
  .replace(':key', 'no.such.rule')
  .replace(/:(\w+)/g, 'x');

describe('permission matrix, allow side', () => {
  it('every non-public route declares a permission or is listed as open to any logged-in account', () => {
    const unguarded = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.public && !r.permission)
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !LOGGED_IN_ONLY.has(k) && !ANY_OF_CHECKED_INSIDE.has(k));
    expect(unguarded).toEqual([]);
  });

  it('lists no route that no longer exists', () => {
    const routes = new Set(t.app.routeTable.map((r) => `${r.method} ${r.url}`));
    const stale = [...LOGGED_IN_ONLY, ...ANY_OF_CHECKED_INSIDE, ...Object.keys(REFUSED_BY_DESIGN)].filter((k) => !routes.has(k));
    expect(stale).toEqual([]);
  });

  for (const role of ROLES) {
    it(`lets ${role.name} (${role.code}) reach every route its permissions grant`, async () => {
      const cookie = await t.login(DEMO_BY_ROLE[role.code]);
      const allowed = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.permission && role.permissions.includes(r.permission)
        && r.url !== '/api/events' && !r.url.endsWith('/stream'));
      const wrong: string[] = [];
      for (const r of allowed) {
        const key = `${role.code} ${r.method} ${r.url}`;
        const res = await t.as(cookie, { method: r.method as 'GET', url: concrete(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {} });
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (res.statusCode >= 500 || (refused && !REFUSED_BY_DESIGN[`${r.method} ${r.url}`]?.roles.includes(role.code))) wrong.push(`${key} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
