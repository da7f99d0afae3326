// Factories for the duty, reports and map tests: accounts of a role and scope, an incident taken through the incident
// desk's own API, and short request helpers.
import { expect } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { DEMO_PASSWORD, type TestApp } from '../../../testing/app.js';

export type Res = { statusCode: number; body: string; json(): any };

/** GET / POST / PUT / PATCH as a logged-in account. */
export const http = (t: TestApp) => ({
  get: (c: string, url: string) => t.as(c, { method: 'GET', url }),
  post: (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload }),
  put: (c: string, url: string, payload: object) => t.as(c, { method: 'PUT', url, payload }),
  patch: (c: string, url: string, payload: object) => t.as(c, { method: 'PATCH', url, payload }),
});

/** The body of a 200 answer (fails the test with the body otherwise). */
export const ok = async <T = any>(r: Promise<Res>): Promise<T> => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };

let seq = 0;
/** A new account with roles and a scope (all, or a region subtree); returns its id, name and session cookie. */
export async function account(t: TestApp, roles: string[], region?: string): Promise<{ id: string; name: string; username: string; cookie: string }> {
  const id = uuidv7();
  const username = `duty_${roles.join('_')}_${process.pid}_${++seq}`;
  const name = `测试值班${seq}号`;
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, phone, roles, scope_kind, scope_region_code, password_hash, must_change_password)
    values (${id}, ${username}, ${name}, ${'1390000' + String(1000 + seq).slice(-4)}, ${roles}::text[], ${region ? 'region' : 'all'}, ${region ?? null},
    ${await t.p.hasher.hash(DEMO_PASSWORD)}, false)`);
  return { id, name, username, cookie: await t.login(username) };
}

/** A town of the demo county by name (its 12-digit code). */
export const townCode = async (t: TestApp, name: string) =>
  (await t.p.db.one<{ code: string }>(sql`select code from regions where name = ${name} and level = 'town'`)).code;

/** Take an incident (接报) through the incident desk's API at the test clock; returns its detail. */
export async function takeIncident(t: TestApp, cookie: string, extra: Record<string, unknown> = {}) {
  return ok(http(t).post(cookie, '/api/command/incidents', {
    source: 'phone', reporterName: '李报告', reporterPhone: '13900002222', occurredAt: new Date(t.now.value.getTime() - 10 * 60_000).toISOString(),
    address: '白塘镇测试村路口', kind: 'fire', description: '民房起火，火势较大', lng: 113.1, lat: 28.8, ...extra,
  }));
}

/** Move the test clock and sign everyone in again (sessions idle out when hours pass at once). */
export async function moveClock(t: TestApp, to: Date, people: { username: string; cookie: string }[]) {
  t.now.value = to;
  for (const p of people) p.cookie = await t.login(p.username);
}
