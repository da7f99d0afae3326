// The demo county's disaster data: the report's 379 officers at three levels with their A/B gaps, and the 2022 H1
// events whose summaries come from reports through the chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { drawSample } from './relief/sample.js';

let t: TestApp; let staff: string;
beforeAll(async () => { t = await buildTestApp(); t.now.value = new Date('2022-06-23T02:00:00Z'); staff = await t.login('staff'); }, 600_000); // cloning the database is slow when the shared machine is busy
afterAll(async () => { await t.close(); });

describe('demo disaster data', () => {
  it('379 officers: county A/B, 15 towns (one without its B), a village officer in all but 2 villages', async () => {
    const s = (await t.as(staff, { method: 'GET', url: '/api/disaster/informants/coverage/summary' })).json();
    expect(s.people).toBe(379);
    expect(s.byLevel).toEqual([{ level: 'county', posts: 1, people: 2, gaps: 0 }, { level: 'town', posts: 15, people: 29, gaps: 1 }, expect.objectContaining({ level: 'village', gaps: 2 })]);
  });

  it('the 6·21 flood in 罗江镇 is summed from its villages, linked to SJ-2022-0003, with one 续报 awaiting the town', async () => {
    const e = (await t.as(staff, { method: 'GET', url: '/api/disaster/events?q=6·21' })).json().items[0];
    expect(e).toMatchObject({ kind: 'flood', regionName: '罗江镇', pending: 1 });
    const linked = await t.p.db.one<{ number: string }>(sql`select i.number from disaster_events e join incidents i on i.id = e.incident_id where e.id = ${e.id}`);
    expect(linked.number).toBe('SJ-2022-0003');
    const s = (await t.as(staff, { method: 'GET', url: `/api/disaster/events/${e.id}/summary` })).json();
    expect(s.towns[0]).toMatchObject({ source: '村（社区）汇总', villages: 4 });
    expect(s.total.figures.relocated).toBeGreaterThan(0);
  });

  it('the relief audit covers 15 towns and 2 departments at 20%, its sample recomputable from the published seed', async () => {
    const a = (await t.as(staff, { method: 'GET', url: '/api/disaster/relief/audits' })).json().items[0];
    const d = (await t.as(staff, { method: 'GET', url: `/api/disaster/relief/audits/${a.id}` })).json();
    expect(d.ratePercent).toBe(20);
    expect(d.byRecipient).toHaveLength(17);
    expect(d.byRecipient.filter((r: { recipient: string }) => r.recipient.endsWith('局'))).toHaveLength(2);
    for (const r of d.byRecipient) expect(r.sampled).toBe(Math.ceil(r.population / 5));
    const pool = await t.p.db.query<{ id: string; unit: string }>(sql`select d.id, d.allocation_id as unit from relief_distributions d
      join relief_allocations a on a.id = d.allocation_id where a.parent_id = ${d.allocationId}`);
    expect(drawSample(d.seed, 20, pool).map((x) => x.distributionId)).toEqual(d.checks.map((c: { distributionId: string }) => c.distributionId));
  });

  it('numbers new 2022 records after the demo\'s own', async () => {
    const e = await t.as(staff, { method: 'POST', url: '/api/disaster/events', payload: { name: '补录干旱', kind: 'drought', startedAt: '2022-06-01T00:00:00Z', areas: ['430699101000'] } });
    expect(e.json().number).toBe('灾〔2022〕3号');
  });
});
