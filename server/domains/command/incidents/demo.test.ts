// The demo county's past incidents: handled end to end, consistent with the plans and resources they used, with no
// death (the report's 事故起数和死亡人数"双下降"), and served by the API like any other incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../demo/index.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';

const d = generateDemo();
const c = d.commandIncidents;
const r = d.commandResources;

describe('demo incidents of 汨水市', () => {
  it('has a forest fire, a hazchem leak and a flash flood in 2022 H1, all closed, none with a death', () => {
    expect(c.incidents.map((i) => i.kind)).toEqual(['forest_fire', 'hazchem', 'flood']);
    expect(c.incidents.map((i) => i.number)).toEqual(['SJ-2022-0001', 'SJ-2022-0002', 'SJ-2022-0003']);
    for (const i of c.incidents) {
      expect(i.status).toBe('closed');
      expect(i.reported_at >= '2022-01-01' && i.reported_at < '2022-07-01', i.title).toBe(true);
      expect(i.dead + i.missing + i.injured, i.title).toBe(0);
      expect(i.plan_version_id).toBe(d.commandPlans.plans.find((p) => p.id === i.plan_id)!.published_version_id);
    }
    expect(c.numberSequences).toEqual([{ kind: 'incident', year: 2022, last: 3 }]);
  });

  it('grades the flood 较大 by its relocation and records the level raised and lowered with approval', () => {
    const flood = c.incidents[2];
    expect(flood.grade).toBe('larger');
    expect(flood.grade_rule).toMatch(/转移安置 \d+ 人，达 1000 人以上/);
    const changes = c.levelChanges.filter((x) => x.incident_id === flood.id).map((x) => [x.kind, x.from_level, x.to_level, x.status]);
    expect(changes).toEqual([['start', null, 4, 'approved'], ['raise', 4, 3, 'approved'], ['lower', 3, 4, 'approved']]);
    const leak = c.incidents[1];
    expect(c.levelChanges.filter((x) => x.incident_id === leak.id).map((x) => x.status)).toEqual(['approved', 'rejected']);
  });

  it('tasks each plan action once, and every task is signed for, answered and accepted', () => {
    for (const i of c.incidents) {
      const tasks = c.tasks.filter((t) => t.incident_id === i.id);
      const keys = tasks.filter((t) => t.plan_action_id).map((t) => `${t.group_name}|${t.title}`);
      expect(new Set(keys).size, i.title).toBe(keys.length);
      for (const t of tasks) {
        expect(t.status).toBe('accepted');
        expect(c.feedback.filter((f) => f.task_id === t.id).at(-1)?.status).toBe('accepted');
      }
    }
    const rescuerOrg = d.accounts.find((a) => a.username === 'rescuer_demo')!.org_id;
    expect(c.tasks.some((t) => t.assignee_org_id === rescuerOrg)).toBe(true);
  });

  it('takes the leak\'s absorbent out of the park store\'s ledger and ties the flood\'s supplies to the flood', () => {
    const leak = c.incidents[1];
    const pads = c.dispatches.find((x) => x.incident_id === leak.id && x.resource_kind === 'warehouse')!;
    const line = r.ledger.find((l) => l.id === pads.ledger_id)!;
    expect(line).toMatchObject({ kind: 'outbound', quantity: -Number(pads.quantity), ref_type: 'incident', ref_id: leak.id });
    const stock = r.stock.find((s) => s.id === line.stock_id)!;
    expect(r.ledger.filter((l) => l.stock_id === stock.id).at(-1)!.balance_after).toBe(Number(stock.quantity));
    expect(r.batches.filter((b) => b.stock_id === stock.id).reduce((a, b) => a + Number(b.quantity), 0)).toBe(Number(stock.quantity));
    const flood = c.incidents[2];
    const floodLines = r.ledger.filter((l) => l.ref_type === 'incident' && l.ref_id === flood.id);
    expect(floodLines.length).toBe(2);
    expect(c.dispatches.filter((x) => x.incident_id === flood.id && x.ledger_id).map((x) => x.ledger_id).sort()).toEqual(floodLines.map((l) => l.id).sort());
  });

  it('turns a lesson into a hazard numbered in the hazards\' sequence, and the others into plan revisions', () => {
    const done = c.lessons.filter((l) => l.action === 'hazard');
    expect(done).toHaveLength(1);
    const h = d.hazards.find((x) => x.id === done[0].hazard_id)!;
    expect(h).toMatchObject({ enterprise_id: c.incidents[1].enterprise_id, status: 'closed' });
    expect(Number(h.number.slice(-6))).toBe(d.numberSequences.find((s) => s.kind === 'hazard' && s.year === 2022)!.last);
    expect(c.lessons.every((l) => l.status === 'done' && (l.hazard_id || (l.plan_id && l.revision_note)))).toBe(true);
  });

  it('is the same data for the same seed', () => {
    expect(generateDemo().commandIncidents).toEqual(c);
  });
});

describe('demo incidents through the API', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(); });
  afterAll(async () => { await t.close(); });

  it('lists them, opens the command view with its timeline, and shows the rescuer its tasks', async () => {
    const staff = await t.login('staff');
    const list = (await t.as(staff, { method: 'GET', url: '/api/command/incidents?q=SJ-2022&pageSize=50' })).json();
    expect(list.items.map((x: { number: string }) => x.number).sort()).toEqual(['SJ-2022-0001', 'SJ-2022-0002', 'SJ-2022-0003']);
    const flood = c.incidents[2];
    const view = await t.as(staff, { method: 'GET', url: `/api/command/incidents/${flood.id}` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({ status: 'closed', gradeLabel: '较大', responseLevel: 4, actions: [] });
    const tl = (await t.as(staff, { method: 'GET', url: `/api/command/incidents/${flood.id}/timeline` })).json() as { kind: string }[];
    expect(tl[0].kind).toBe('report');
    expect(tl.at(-1)!.kind).toBe('close');
    const rescuer = await t.login('rescuer_demo');
    const mine = (await t.as(rescuer, { method: 'GET', url: '/api/command/incidents/tasks' })).json();
    expect(mine.items.some((x: { incidentId: string; mine: boolean }) => x.incidentId === flood.id && x.mine)).toBe(true);
  });
});
