import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, makeOfficer } from '../common/testing.js';

// Inspections started from a plan, a campaign or a tip-off; checklists edited by the bureau; measures taken on site.
let t: TestApp; let officer: string; let team: string[]; let firm: { id: string; name: string; region_code: string };

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-04-08T02:00:00Z');
  officer = await t.login('officer');
  team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
  firm = await t.p.db.one(sql`select id, name, region_code from enterprises where sector = 'hazchem' and status = 'operating' order by credit_code limit 1`);
});
afterAll(async () => { await t.close(); });

const create = (body: object) => api(t).post(officer, '/api/enforcement/inspections', { enterpriseId: firm.id, officerIds: team, ...body });

describe('starting an inspection from where it comes from', () => {
  it('keeps the plan, the campaign or the tip-off it was started from', async () => {
    const plan = await t.p.db.one<{ id: string }>(sql`select id from enforcement_plans order by year desc, id limit 1`);
    const campaign = await t.p.db.one<{ id: string }>(sql`select id from campaigns order by id limit 1`);
    const tipoff = await t.p.db.one<{ id: string }>(sql`select id from enforcement_tipoffs order by id limit 1`);
    const byPlan = await create({ origin: 'plan', planId: plan.id });
    expect(byPlan.statusCode, byPlan.body).toBe(200);
    expect(byPlan.json()).toMatchObject({ origin: 'plan', planId: plan.id, enterpriseId: firm.id, status: 'on_site' });
    const byCampaign = (await create({ origin: 'campaign', campaignId: campaign.id })).json();
    expect(byCampaign).toMatchObject({ origin: 'campaign', campaignId: campaign.id });
    const byTipoff = (await create({ origin: 'tipoff', tipoffId: tipoff.id, plannedOn: '2026-04-10' })).json();
    expect(byTipoff).toMatchObject({ origin: 'tipoff', tipoffId: tipoff.id, status: 'planned', plannedOn: '2026-04-10' });
    const listed = (await api(t).get(officer, `/api/enforcement/inspections?campaignId=${campaign.id}&pageSize=200`)).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(byCampaign.id);
  });

  it('refuses an origin without its record, saying which one to choose', async () => {
    const r = await create({ origin: 'tipoff' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/举报核查须选择举报件/);
    expect((await create({ origin: 'campaign', campaignId: firm.id })).json().error.message).toMatch(/专项行动/);
  });
});

describe('checklists (检查表)', () => {
  it('are edited with their legal basis, audited, and refuse duplicate item codes', async () => {
    const made = await api(t).post(officer, '/api/enforcement/checklists', { sector: 'hazchem', name: '危化品储存专项检查表', items: [
      { code: 'A1', text: '储罐区设置可燃气体检测报警装置', basis: 'GB 50493-2019 第3.0.1条' }] });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    const edited = await t.as(officer, { method: 'PUT', url: `/api/enforcement/checklists/${id}`, payload: { sector: 'hazchem', name: '危化品储存专项检查表（2026版）', items: [
      { code: 'A1', text: '储罐区设置可燃气体检测报警装置', basis: 'GB 50493-2019 第3.0.1条' }, { code: 'A2', text: '重大危险源实行双人双锁管理', basis: '危险化学品安全管理条例第二十四条' }] } });
    expect(edited.statusCode, edited.body).toBe(200);
    const lists = (await api(t).get(officer, '/api/enforcement/checklists?sector=hazchem')).json() as { id: string; name: string; items: { basis?: string }[] }[];
    expect(lists.find((l) => l.id === id)).toMatchObject({ name: '危化品储存专项检查表（2026版）', items: [{}, { basis: '危险化学品安全管理条例第二十四条' }] });
    const dup = await t.as(officer, { method: 'PUT', url: `/api/enforcement/checklists/${id}`, payload: { sector: 'hazchem', name: '重复', items: [
      { code: 'A1', text: '条目一' }, { code: 'A1', text: '条目二' }] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('「A1」重复');
    const trail = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${id} order by seq`);
    expect(trail.map((r) => r.action)).toEqual(['enforcement.checklist.create', 'enforcement.checklist.update']);
    const enterprise = await t.login('ent_demo');
    expect((await t.as(enterprise, { method: 'PUT', url: `/api/enforcement/checklists/${id}`, payload: { sector: 'hazchem', name: '改', items: [{ code: 'B', text: '条目' }] } })).statusCode).toBe(403);
  });
});

describe('measures taken in an inspection', () => {
  it('stops the use of equipment on site, lists it under the inspection and lifts it', async () => {
    const i = (await create({ origin: 'adhoc' })).json();
    const m = await api(t).post(officer, '/api/enforcement/measures', { kind: 'stop_use', inspectionId: i.id, reason: '破碎机防护罩缺失，责令停止使用', basis: '安全生产法第七十条' });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ kind: 'stop_use', inspectionId: i.id, enterpriseId: firm.id, liftedAt: null });
    const listed = (await api(t).get(officer, `/api/enforcement/measures?inspectionId=${i.id}`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([m.json().id]);
    const docs = (await api(t).get(officer, `/api/enforcement/documents?inspectionId=${i.id}`)).json();
    expect(docs.items.map((d: { kind: string }) => d.kind)).toContain('onsite_measure');
    const lifted = await api(t).post(officer, `/api/enforcement/measures/${m.json().id}/lift`, { reason: '已加装防护罩，复查合格' });
    expect(lifted.json()).toMatchObject({ liftReason: '已加装防护罩，复查合格' });
    expect((await api(t).post(officer, `/api/enforcement/measures/${m.json().id}/lift`, { reason: '再次解除' })).statusCode).toBe(409);
    const seize = await api(t).post(officer, '/api/enforcement/measures', { kind: 'seize', inspectionId: i.id, reason: '超量储存' });
    expect(seize.statusCode).toBe(400);
    expect(seize.json().error.message).toMatch(/清单/);
  });
});
