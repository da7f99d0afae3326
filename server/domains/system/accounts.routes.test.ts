import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('admin'); });
afterAll(async () => { await t.close(); });

const post = (url: string, payload?: object) => t.as(admin, { method: 'POST', url, payload });

describe('accounts', () => {
  it('lists with paging, search and role and status filters', async () => {
    const { n } = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from accounts`);
    const all = (await t.as(admin, { method: 'GET', url: '/api/accounts?pageSize=3' })).json();
    expect(all).toMatchObject({ page: 1, pageSize: 3, total: n });
    expect(all.items).toHaveLength(3);
    // The demo has more town accounts than the two of the role list (e.g. a town leader who approves returns).
    const { n: townAccounts } = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from accounts where 'town' = any(roles)`);
    const towns = (await t.as(admin, { method: 'GET', url: '/api/accounts?role=town&pageSize=100' })).json();
    expect(towns.total).toBe(townAccounts);
    expect(towns.items.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['town_baitang', 'town_luojiang']));
    expect(towns.items.every((a: { roles: string[] }) => a.roles.includes('town'))).toBe(true);
    expect((await t.as(admin, { method: 'GET', url: '/api/accounts?q=officer' })).json().items.map((a: { username: string }) => a.username)).toEqual(['officer']);
    expect((await t.as(admin, { method: 'GET', url: '/api/accounts?status=locked' })).json().total).toBe(0);
  });

  it('creates an account with a one-time initial password, and refuses a duplicate username', async () => {
    const r = await post('/api/accounts', { username: 'zhangsan', displayName: '张三', phone: '13800001111', roles: ['town'], scope: { kind: 'region', regionCode: '430699101000' } });
    expect(r.statusCode).toBe(200);
    expect(r.json().initialPassword).toMatch(/^.{14}$/);
    expect(r.json().account).toMatchObject({ username: 'zhangsan', mustChangePassword: true, scope: { kind: 'region', label: '白塘镇' } });
    const dup = await post('/api/accounts', { username: 'ZhangSan', displayName: '张三', roles: ['town'], scope: { kind: 'all' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/已被使用/);
  });

  it('refuses bad input with a message a person can act on', async () => {
    const before = (await t.as(admin, { method: 'GET', url: '/api/accounts?page=1' })).json().total;
    const cases: [object, RegExp][] = [
      [{ username: 'a b', displayName: 'x', roles: ['staff'], scope: { kind: 'all' } }, /username.*格式不正确/],
      [{ username: 'ok1', displayName: 'x', roles: ['chief'], scope: { kind: 'all' } }, /未知角色：chief/],
      [{ username: 'ok2', displayName: 'x', roles: ['officer'], scope: { kind: 'all' } }, /执法证号/],
      [{ username: 'ok3', displayName: 'x', roles: ['town'], scope: { kind: 'region' } }, /须选择区域/],
      [{ username: 'ok4', displayName: 'x', roles: ['town'], scope: { kind: 'region', regionCode: '999999999999' } }, /区域不存在/],
      [{ username: 'ok5', displayName: 'x', roles: ['staff'], phone: '123', scope: { kind: 'all' } }, /phone.*格式不正确/],
    ];
    for (const [payload, message] of cases) {
      const r = await post('/api/accounts', payload);
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(r.json().error.message).toMatch(message);
    }
    expect((await t.as(admin, { method: 'GET', url: '/api/accounts?page=1' })).json().total).toBe(before); // nothing half-written
  });

  it('answers in English when asked', async () => {
    const r = await t.as(admin, { method: 'POST', url: '/api/accounts', payload: { username: 'ok9' }, headers: { 'accept-language': 'en-US' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/displayName/);
    expect(r.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('edits, resets, disables, enables and unlocks, auditing each', async () => {
    const { account } = (await post('/api/accounts', { username: 'lisi', displayName: '李四', roles: ['staff'], scope: { kind: 'all' } })).json();
    const edit = await t.as(admin, { method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { displayName: '李四四', roles: ['officer'], enforcementCertNo: '湘应执字43069900999' } });
    expect(edit.json()).toMatchObject({ displayName: '李四四', roles: ['officer'], enforcementCertNo: '湘应执字43069900999' });
    const reset = await post(`/api/accounts/${account.id}/reset-password`);
    expect(reset.json().initialPassword).not.toBe('');
    expect((await post(`/api/accounts/${account.id}/disable`)).json().disabled).toBe(true);
    expect((await post(`/api/accounts/${account.id}/enable`)).json().disabled).toBe(false);
    expect((await post(`/api/accounts/${account.id}/unlock`)).json().locked).toBe(false);
    const trail = (await t.as(admin, { method: 'GET', url: `/api/audit?entityId=${account.id}` })).json();
    expect(trail.items.map((i: { action: string }) => i.action)).toEqual(
      ['account.unlock', 'account.enable', 'account.disable', 'account.reset_password', 'account.update', 'account.create']);
    expect(trail.items[4].before.displayName).toBe('李四');
    expect(trail.items[4].after.displayName).toBe('李四四');
  });

  it('will not let an administrator disable themself', async () => {
    const me = (await t.as(admin, { method: 'GET', url: '/api/auth/me' })).json();
    expect((await post(`/api/accounts/${me.id}/disable`)).statusCode).toBe(400);
  });

  it('shows and revokes an account\'s sessions', async () => {
    const c = await t.login('staff');
    const staff = (await t.as(c, { method: 'GET', url: '/api/auth/me' })).json();
    const sessions = (await t.as(admin, { method: 'GET', url: `/api/accounts/${staff.id}/sessions` })).json();
    expect(sessions.some((s: { active: boolean }) => s.active)).toBe(true);
    expect((await post(`/api/accounts/${staff.id}/revoke-sessions`)).json().revoked).toBeGreaterThan(0);
    expect((await t.as(c, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown account and 400 for a malformed id', async () => {
    expect((await t.as(admin, { method: 'GET', url: '/api/accounts/01900000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
    expect((await t.as(admin, { method: 'GET', url: '/api/accounts/not-a-uuid' })).statusCode).toBe(400);
  });
});
