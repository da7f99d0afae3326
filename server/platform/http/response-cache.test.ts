// The memory caches (issue 12): sessions and the busy lists answered from memory, and every way an answer must stop
// being served — a change through the API, a change made with SQL behind the API's back, another account, a minute
// passing, a request asking for a fresh answer, a session ended or an account disabled, the notices going deaf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataChanges } from '../db/changes.js';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let staff: string;
beforeAll(async () => {
  t = await buildTestApp({ memoryCache: true });
  staff = await t.login('staff');
});
afterAll(async () => { await t.close(); });

const get = (cookie: string, url: string, headers: Record<string, string> = {}) => t.as(cookie, { method: 'GET', url, headers });
/** Resolves once this process heard the notices of what was committed before (PostgreSQL delivers them a moment later). */
const heard = () => dataChanges(t.p.db).barrier();

describe('lists answered from memory', () => {
  it('answers the same caller the same URL from memory, byte for byte', async () => {
    const first = await get(staff, '/api/hazards?pageSize=5');
    const second = await get(staff, '/api/hazards?pageSize=5');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    const e1 = await get(staff, '/api/enterprises?pageSize=5');
    expect((await get(staff, '/api/enterprises?pageSize=5')).headers['x-cache']).toBe('hit');
    expect(e1.statusCode).toBe(200);
  });

  it('answers afresh after a change through the API, and the writer sees it at once', async () => {
    const before = (await get(staff, '/api/hazards?pageSize=5')).json() as { total: number };
    const ent = await t.login('ent_demo');
    const r = await t.as(ent, { method: 'POST', url: '/api/hazards', payload: { title: '缓存测试：消防通道堆放杂物', source: 'self_check', level: 'general' } });
    expect(r.statusCode, r.body).toBe(200);
    const after = await get(staff, '/api/hazards?pageSize=5');
    expect(after.headers['x-cache']).toBe('miss');
    expect((after.json() as { total: number }).total).toBe(before.total + 1);
    expect((after.json() as { items: { title: string }[] }).items.map((h) => h.title)).toContain('缓存测试：消防通道堆放杂物');
  });

  it('answers afresh after a change made with SQL, not through the API', async () => {
    const list = (await get(staff, '/api/enterprises?pageSize=1')).json() as { items: { id: string; name: string }[] };
    expect((await get(staff, '/api/enterprises?pageSize=1')).headers['x-cache']).toBe('hit');
    await t.p.db.execute(sql`update enterprises set name = name || '（更名）' where id = ${list.items[0].id}`);
    await heard();
    const after = await get(staff, '/api/enterprises?pageSize=1');
    expect(after.headers['x-cache']).toBe('miss');
    expect((after.json() as { items: { name: string }[] }).items[0].name).toBe(`${list.items[0].name}（更名）`);
    // A table the answer is not read from changes nothing.
    await get(staff, '/api/enterprises?pageSize=1');
    await t.p.db.execute(sql`update monitoring_devices set name = name`);
    await heard();
    expect((await get(staff, '/api/enterprises?pageSize=1')).headers['x-cache']).toBe('hit');
  });

  it('keeps answers apart per account: a town never gets the county list, nor the county the town list', async () => {
    const county = (await get(staff, '/api/hazards?pageSize=50')).json() as { total: number };
    const town = await t.login('town_baitang');
    const r = await get(town, '/api/hazards?pageSize=50');
    expect(r.headers['x-cache']).toBe('miss');
    const mine = r.json() as { total: number; items: { regionCode: string }[] };
    expect(mine.total).toBeLessThan(county.total);
    expect(new Set(mine.items.map((h) => h.regionCode.slice(0, 9))).size).toBe(1);
    expect((await get(staff, '/api/hazards?pageSize=50')).json()).toMatchObject({ total: county.total });
  });

  it('answers afresh when asked for (Cache-Control: no-cache), and after a minute', async () => {
    await get(staff, '/api/hazards?pageSize=3');
    expect((await get(staff, '/api/hazards?pageSize=3', { 'cache-control': 'no-cache' })).headers['x-cache']).toBe('miss');
    expect((await get(staff, '/api/hazards?pageSize=3')).headers['x-cache']).toBe('hit');
    t.now.value = new Date(t.now.value.getTime() + 61_000);
    expect((await get(staff, '/api/hazards?pageSize=3')).headers['x-cache']).toBe('miss');
  });

  it('computes once for requests that arrive together', async () => {
    await t.p.db.execute(sql`update regions set name = name where code = (select min(code) from regions)`);
    await heard();
    const all = await Promise.all(Array.from({ length: 20 }, () => get(staff, '/api/hazards?pageSize=7&status=pending')));
    expect(all.every((r) => r.statusCode === 200 && r.body === all[0].body)).toBe(true);
    const how = all.map((r) => r.headers['x-cache']);
    expect(how.filter((x) => x === 'miss')).toHaveLength(1);
  });

  it('does not keep refusals or errors', async () => {
    const bad = await get(staff, '/api/hazards?pageSize=abc');
    expect(bad.statusCode).toBe(400);
    expect((await get(staff, '/api/hazards?pageSize=abc')).statusCode).toBe(400);
    const ent = await t.login('ent_demo');
    const r = await get(ent, '/api/enterprises');
    expect([200, 403]).toContain(r.statusCode);
  });
});

describe('sessions answered from memory', () => {
  it('refuses a session at once after logout, though it was answered from memory a moment before', async () => {
    const c = await t.login('officer');
    expect((await get(c, '/api/auth/me')).statusCode).toBe(200);
    expect((await get(c, '/api/auth/me')).statusCode).toBe(200);
    expect((await t.as(c, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await get(c, '/api/auth/me')).statusCode).toBe(401);
    expect((await get(c, '/api/hazards')).statusCode).toBe(401);
  });

  it('refuses a disabled account at once, and takes a role change on the next request', async () => {
    const c = await t.login('town_luojiang');
    expect((await get(c, '/api/hazards?pageSize=1')).statusCode).toBe(200);
    const admin = await t.login('admin');
    const acc = await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'town_luojiang'`);
    // Roles changed with SQL behind the API: the cached session goes once the notice is heard.
    await t.p.db.execute(sql`update accounts set roles = array['informant'] where id = ${acc.id}`);
    await heard();
    expect(((await get(c, '/api/auth/me')).json() as { roles: string[] }).roles).toEqual(['informant']);
    await t.p.db.execute(sql`update accounts set roles = array['town'] where id = ${acc.id}`);
    const r = await t.as(admin, { method: 'POST', url: `/api/accounts/${acc.id}/disable` });
    expect(r.statusCode, r.body).toBe(200);
    expect((await get(c, '/api/hazards?pageSize=1')).statusCode).toBe(401);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('while the notices are not heard (PostgreSQL)', () => {
  it('answers nothing from memory, and listens again by itself', async () => {
    const changes = dataChanges(t.p.db);
    await get(staff, '/api/hazards?pageSize=2');
    expect((await get(staff, '/api/hazards?pageSize=2')).headers['x-cache']).toBe('hit');
    await t.p.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen %'`);
    for (let i = 0; i < 100 && changes.listening; i++) await new Promise((r) => setTimeout(r, 20));
    expect(changes.listening).toBe(false);
    expect((await get(staff, '/api/hazards?pageSize=2')).headers['x-cache']).toBeUndefined();
    for (let i = 0; i < 200 && !changes.listening; i++) await new Promise((r) => setTimeout(r, 20));
    expect(changes.listening).toBe(true);
    // What was kept before counts as stale: the first answer is computed again.
    expect((await get(staff, '/api/hazards?pageSize=2')).headers['x-cache']).toBe('miss');
    expect((await get(staff, '/api/hazards?pageSize=2')).headers['x-cache']).toBe('hit');
  }, 15_000);
});
