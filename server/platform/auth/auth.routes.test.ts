import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const minutes = (n: number) => { t.now.value = new Date(t.now.value.getTime() + n * 60_000); };

async function newAccount(username: string) {
  const admin = await t.login('admin');
  const r = await t.as(admin, { method: 'POST', url: '/api/accounts', payload: {
    username, displayName: '测试员', roles: ['staff'], scope: { kind: 'all' } } });
  expect(r.statusCode).toBe(200);
  return r.json().initialPassword as string;
}

describe('login', () => {
  it('opens a session with an HttpOnly, SameSite=Strict cookie and returns the account', async () => {
    const r = await login('leader', 'Yingji@2026');
    expect(r.statusCode).toBe(200);
    expect(r.json().roles).toEqual(['leader']);
    const c = r.cookies.find((x) => x.name === 'yj_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
  });

  it('issues a new session id at login, whatever cookie the browser brought (no session fixation)', async () => {
    // A session id planted before login (by an attacker, or left from an earlier login) is never the one logged in.
    const earlier = (await t.login('staff')).slice('yj_session='.length);
    const planted = 'fixated-session-id-0123456789';
    for (const brought of [planted, earlier]) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Yingji@2026' }, cookies: { yj_session: brought } });
      expect(r.statusCode).toBe(200);
      const issued = r.cookies.find((x) => x.name === 'yj_session')!.value;
      expect(issued).not.toBe(brought);
      expect((await t.as(`yj_session=${issued}`, { method: 'GET', url: '/api/auth/me' })).json().username).toBe('leader');
    }
    expect((await t.as(`yj_session=${planted}`, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    // The earlier session stays staff's: logging in as someone else did not take it over.
    expect((await t.as(`yj_session=${earlier}`, { method: 'GET', url: '/api/auth/me' })).json().username).toBe('staff');
  });

  it('says the same thing for an unknown user and a wrong password, in Chinese', async () => {
    const a = await login('nobody', 'x');
    const b = await login('staff', 'wrong');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toMatch(/用户名或密码错误/);
    expect(b.json().error.message).toMatch(/用户名或密码错误/);
  });

  it('locks the account after 5 failures for 15 minutes, then lets the right password in', async () => {
    const pw = await newAccount('lockme');
    for (let i = 0; i < 4; i++) expect((await login('lockme', 'bad')).statusCode).toBe(401);
    expect((await login('lockme', 'bad')).statusCode).toBe(423);
    const locked = await login('lockme', pw);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toMatch(/锁定/);
    minutes(16);
    expect((await login('lockme', pw)).statusCode).toBe(200);
  });

  it('audits every failed login', async () => {
    await login('staff', 'definitely-wrong');
    const rows = await t.p.db.query<{ after: { username: string; reason: string } }>(
      sql`select after from audit_log where action = 'auth.login_failed' order by seq desc limit 1`);
    expect(rows[0].after).toEqual({ username: 'staff', reason: 'wrong_password' });
  });

  it('refuses demo accounts in production until their password is reset', async () => {
    const prod = await buildTestApp({ env: 'production' });
    try {
      const r = await prod.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'Yingji@2026' } });
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('demo_account');
    } finally { await prod.close(); }
  });
});

describe('sessions', () => {
  it('ends after 30 idle minutes', async () => {
    const c = await t.login('staff');
    minutes(29);
    expect((await t.as(c, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    minutes(31);
    const r = await t.as(c, { method: 'GET', url: '/api/auth/me' });
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toMatch(/未操作/);
  });

  it('ends after 12 hours even when active', async () => {
    const c = await t.login('staff');
    for (let i = 0; i < 25; i++) { minutes(29); await t.as(c, { method: 'GET', url: '/api/auth/me' }); }
    expect((await t.as(c, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('ends on logout, and the old cookie no longer works', async () => {
    const c = await t.login('staff');
    expect((await t.as(c, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await t.as(c, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('can be revoked by its owner from another session', async () => {
    const a = await t.login('officer');
    const b = await t.login('officer');
    const list = (await t.as(b, { method: 'GET', url: '/api/auth/sessions' })).json() as { id: string; current: boolean; active: boolean }[];
    const other = list.find((s) => !s.current && s.active)!;
    expect((await t.as(b, { method: 'DELETE', url: `/api/auth/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await t.as(a, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('loses access at once when its account is disabled mid-session', async () => {
    const c = await t.login('town_luojiang');
    const admin = await t.login('admin');
    const id = (await t.as(c, { method: 'GET', url: '/api/auth/me' })).json().id;
    expect((await t.as(admin, { method: 'POST', url: `/api/accounts/${id}/disable` })).statusCode).toBe(200);
    expect((await t.as(c, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('town_luojiang', 'Yingji@2026')).statusCode).toBe(403);
    await t.as(admin, { method: 'POST', url: `/api/accounts/${id}/enable` });
  });
});

describe('initial password', () => {
  it('must be changed before anything else, under the 等保 policy', async () => {
    const pw = await newAccount('newbie');
    const c = await t.login('newbie', pw);
    const me = (await t.as(c, { method: 'GET', url: '/api/auth/me' })).json();
    expect(me.mustChangePassword).toBe(true);
    const blocked = await t.as(c, { method: 'GET', url: '/api/orgs' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');

    const weak = await t.as(c, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: pw, newPassword: 'abcdefgh' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/至少 3 类/);
    const same = await t.as(c, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: pw, newPassword: pw } });
    expect(same.statusCode).toBe(400);

    const ok = await t.as(c, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: pw, newPassword: 'Harbor#2026x' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.as(c, { method: 'GET', url: '/api/orgs' })).statusCode).toBe(200);
  });

  it('expires after 90 days under 等保 and must be changed again', async () => {
    const c = await t.login('dept_zhujian');
    minutes(91 * 24 * 60);
    const fresh = await t.login('dept_zhujian');
    expect((await t.as(fresh, { method: 'GET', url: '/api/auth/me' })).json().passwordExpired).toBe(true);
    expect((await t.as(fresh, { method: 'GET', url: '/api/orgs' })).json().error.code).toBe('password_change_required');
    void c;
    t.now.value = new Date();
  });
});

describe('ASVS password profile', () => {
  it('asks for length and refuses breached passwords, with no composition rule', async () => {
    const asvs = await buildTestApp({ passwordProfile: 'asvs' });
    try {
      const c = await asvs.login('staff');
      const change = (newPassword: string) => asvs.as(c, { method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: 'Yingji@2026', newPassword } });
      expect((await change('Abc#12345')).json().error.message).toMatch(/至少 12 位/);
      expect((await change('qwertyuiop')).statusCode).toBe(400);
      expect((await change('password1234567')).statusCode).toBe(204);
      const policy = (await asvs.app.inject({ method: 'GET', url: '/api/auth/password-policy' })).json();
      expect(policy.profile).toBe('asvs');
      expect(policy.maxAgeDays).toBeNull();
    } finally { await asvs.close(); }
  });
});

describe('request protection', () => {
  it('sends security headers', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBeDefined();
  });

  it('refuses a state change from another site (CSRF)', async () => {
    const c = await t.login('staff');
    const r = await t.as(c, { method: 'POST', url: '/api/inbox/read-all', headers: { origin: 'https://evil.example' } });
    expect(r.statusCode).toBe(403);
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await buildTestApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally { await limited.close(); }
  });
});
