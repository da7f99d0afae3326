// The moves on a form and a return that the main returns test does not make (issue #11's audit walk): a past period
// issued by hand, a return the unit leader sends back to its filler, and a form archived. Each is seen through the API
// afterwards and leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { makeUnitAccount, monthlyForm } from './testing.js';

let t: TestApp; let staff: string; let baitang: string; let lead: string;
let formId: string;
const code = `E${process.pid}`;

const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const ok = async (r: ReturnType<typeof post>) => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };
/** The audit records of an action on an entity, oldest first. */
const auditOf = (action: string, entityId: string) => t.p.db.query<{ actor_name: string; before: any; after: any }>(
  sql`select actor_name, before, after from audit_log where action = ${action} and entity_id = ${entityId} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-02-10T02:00:00Z');
  const leader = await makeUnitAccount(t, 'town_baitang', '白塘站长');
  [staff, baitang, lead] = await Promise.all(['staff', 'town_baitang', leader.username].map((u) => t.login(u)));
  formId = (await ok(post(staff, '/api/returns/forms', monthlyForm(code)))).id;
  await ok(post(staff, `/api/returns/forms/${formId}/publish`));
});
afterAll(async () => { await t.close(); });

describe('a form and its returns after publishing', () => {
  it('the bureau issues a past month to collect late: every obliged unit gets its return for that month', async () => {
    const r = await post(staff, `/api/returns/forms/${formId}/issue`, { period: '2026-01' });
    expect(r.statusCode, r.body).toBe(200);
    const towns = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from organizations where kind = 'town_station' and not disabled`);
    expect(r.json()).toEqual({ period: '2026-01', label: '2026年1月', opened: towns.n });
    const periods = (await get(staff, `/api/returns/forms/${formId}/periods`)).json();
    expect(periods.map((p: { period: string }) => p.period)).toEqual(['2026-02', '2026-01']);
    const jan = (await get(baitang, `/api/returns?formId=${formId}&period=2026-01`)).json();
    expect(jan.items).toHaveLength(1);
    expect(jan.items[0]).toMatchObject({ status: 'not_started', dueOn: '2026-02-05', overdue: true });
    const [rec] = await auditOf('returns.form.issue', formId);
    expect(rec.after).toMatchObject({ period: '2026-01', opened: towns.n });
    // Issuing it again opens nothing new; a town cannot issue.
    expect((await post(staff, `/api/returns/forms/${formId}/issue`, { period: '2026-01' })).json().opened).toBe(0);
    expect((await post(baitang, `/api/returns/forms/${formId}/issue`, { period: '2025-12' })).statusCode).toBe(403);
  });

  it('the unit leader sends a submitted return back to its filler with a comment', async () => {
    const id = (await get(baitang, `/api/returns?formId=${formId}&period=2026-02`)).json().items[0].id as string;
    expect((await post(baitang, `/api/returns/${id}/submit`, { values: { a: 1, b: 2, total: 3 } })).json().status).toBe('pending_approval');
    expect((await post(baitang, `/api/returns/${id}/reject`, { comment: '自己不能退回' })).statusCode).toBe(403);
    const r = await post(lead, `/api/returns/${id}/reject`, { comment: '乙项请与台账核对' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'draft', values: { a: 1, b: 2, total: 3 } });
    const seen = (await get(baitang, `/api/returns/${id}`)).json();
    expect(seen.status).toBe('draft');
    expect(seen.moves).toContain('submit');
    expect(seen.events.at(-1)).toMatchObject({ action: 'reject', fromStatus: 'pending_approval', toStatus: 'draft', comment: '乙项请与台账核对' });
    const [rec] = await auditOf('returns.reject', id);
    expect(rec.before).toMatchObject({ status: 'pending_approval' });
    expect(rec.after).toMatchObject({ status: 'draft', comment: '乙项请与台账核对' });
    expect(rec.actor_name).toContain('白塘站长');
  });

  it('the bureau archives the form: it shows as 停用, keeps its returns, and issues no more periods', async () => {
    const r = await post(staff, `/api/returns/forms/${formId}/archive`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: formId, status: 'archived' });
    expect((await get(staff, `/api/returns/forms/${formId}`)).json().status).toBe('archived');
    expect((await get(staff, `/api/returns?formId=${formId}&period=2026-02&q=${encodeURIComponent('白塘镇')}`)).json().total).toBe(1);
    const [rec] = await auditOf('returns.form.archive', formId);
    expect(rec).toMatchObject({ before: { status: 'active' }, after: { status: 'archived' } });
    expect((await post(staff, `/api/returns/forms/${formId}/archive`)).statusCode).toBe(409);
    expect((await post(staff, `/api/returns/forms/${formId}/issue`, { period: '2025-12' })).statusCode).toBe(409);
  });
});
