// The demo county's disaster data: the report's 379 officers at three levels with their A/B gaps, and the 2022 H1
// events whose summaries come from reports through the chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let staff: string;
beforeAll(async () => { t = await buildTestApp(); t.now.value = new Date('2022-06-23T02:00:00Z'); staff = await t.login('staff'); });
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
});
