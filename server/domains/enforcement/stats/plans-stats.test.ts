import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../common/testing.js';

let t: TestApp; let officer: string; let team: string[];
const year = 2026;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-10T02:00:00Z');
  officer = await t.login('officer');
  team = [(await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id, (await makeOfficer(t)).id];
});
afterAll(async () => { await t.close(); });

async function inspect(enterpriseId: string, planId?: string) {
  const i = (await api(t).post(officer, '/api/enforcement/inspections', { origin: planId ? 'plan' : 'adhoc', planId, enterpriseId, officerIds: team })).json();
  const r = await api(t).post(officer, `/api/enforcement/inspections/${i.id}/complete`, { refusalNote: '负责人外出，由值班人员说明' });
  expect(r.statusCode, r.body).toBe(200);
  return i;
}

describe('annual plans and statistics', () => {
  it('shows progress against the plan by sector and month', async () => {
    const r = await api(t).post(officer, '/api/enforcement/plans', { year, name: '2026年度监督检查计划', items: [
      { sector: 'hazchem', month: 3, planned: 4 }, { sector: 'non_coal_mine', month: 3, planned: 2 }, { sector: 'hazchem', month: 4, planned: 4 }] });
    expect(r.statusCode, r.body).toBe(200);
    const plan = r.json();
    expect(plan).toMatchObject({ status: 'draft', planned: 10, done: 0 });
    expect((await api(t).post(officer, '/api/enforcement/plans', { year, name: '重复', items: [{ sector: 'hazchem', month: 3, planned: 1 }, { sector: 'hazchem', month: 3, planned: 2 }] })).json().error.message).toMatch(/重复/);
    const firms = await enterprisesOf(t, 'hazchem');
    await inspect(firms[0].id, plan.id);
    await inspect(firms[1].id, plan.id);
    const d = (await api(t).get(officer, `/api/enforcement/plans/${plan.id}`)).json();
    expect(d.done).toBe(2);
    expect(d.items.find((i: { sector: string; month: number }) => i.sector === 'hazchem' && i.month === 3)).toMatchObject({ planned: 4, done: 2, rate: 50 });
    expect(d.bySector.find((s: { sector: string }) => s.sector === 'hazchem')).toMatchObject({ label: '危险化学品', planned: 8, done: 2, rate: 25 });
    expect((await api(t).post(officer, `/api/enforcement/plans/${plan.id}/approve`)).json().status).toBe('approved');
    expect((await t.as(officer, { method: 'PUT', url: `/api/enforcement/plans/${plan.id}/items`, payload: { items: [{ sector: 'gas', month: 5, planned: 1 }] } })).statusCode).toBe(409);
  });

  it('counts inspections, units, documents, cases, fines and measures by sector, and the departments\' tallies', async () => {
    const mine = (await enterprisesOf(t, 'non_coal_mine'))[0];
    const i = await inspect(mine.id);
    const c = (await api(t).post(officer, '/api/enforcement/cases', { source: 'inspection', inspectionId: i.id, cause: '未按设计开采', officerIds: team })).json();
    await api(t).post(officer, `/api/enforcement/cases/${c.id}/approve`, { opinion: '同意立案' });
    await api(t).post(officer, `/api/enforcement/cases/${c.id}/notify`, { kinds: ['fine'], fine: 20000, basis: '安全生产法第九十九条' });
    await api(t).post(officer, `/api/enforcement/cases/${c.id}/decide`, { kinds: ['fine'], fine: 20000, basis: '安全生产法第九十九条', waived: true });
    await api(t).post(officer, '/api/enforcement/measures', { kind: 'stop_use', inspectionId: i.id, reason: '破碎机防护罩缺失' });
    const police = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市公安局'`)).id;
    expect((await api(t).post(officer, '/api/enforcement/tallies', { orgId: police, periodFrom: '2026-01-01', periodTo: '2026-03-31', item: '查处交通违法行为', quantity: 2561, unit: '起' })).statusCode).toBe(200);
    const s = (await api(t).get(officer, '/api/enforcement/stats?from=2026-01-01&to=2026-03-31&sector=non_coal_mine&by=month')).json();
    expect(s).toMatchObject({ inspections: 1, unitsInspected: 1, casesFiled: 1, fines: 20000, measures: 1, documents: 3 }); // 告、罚、处
    expect(s.measuresByKind).toEqual([{ key: 'stop_use', label: '责令停止使用相关设施、设备', count: 1 }]);
    expect(s.groups).toEqual([expect.objectContaining({ key: '2026-03', inspections: 1, cases: 1, fines: 20000 })]);
    const all = (await api(t).get(officer, '/api/enforcement/stats?from=2026-01-01&to=2026-03-31&by=sector')).json();
    expect(all.tallies).toEqual([{ item: '查处交通违法行为', unit: '起', quantity: 2561 }]);
    expect(all.groups.map((g: { label: string }) => g.label)).toEqual(expect.arrayContaining(['危险化学品', '非煤矿山']));
    const tab = (await api(t).get(officer, `/api/enforcement/enterprises/${mine.id}`)).json();
    // The demo's mine inspections are there too: this one is among them, with its case's fine.
    expect(tab.inspections.some((x: { id: string }) => x.id === i.id)).toBe(true);
    expect(tab.cases.find((x: { id: string }) => x.id === c.id).fine).toBe(20000);
    // Another town's officer: in this period (only this test's records) it counts nothing of the mine's town.
    const here = (await t.p.db.one<{ p: string }>(sql`select left(region_code, 9) as p from enforcement_inspections where id = ${i.id}`)).p;
    const town = (await t.p.db.one<{ code: string }>(sql`select code from regions where level = 'town' and left(code, 9) <> ${here} order by code limit 1`)).code;
    const far = await t.login((await makeOfficer(t, { region: town })).username);
    expect((await api(t).get(far, '/api/enforcement/stats?from=2026-01-01&to=2026-03-31')).json()).toMatchObject({ inspections: 0, casesFiled: 0, fines: 0 });
  });

  it('counts the demo half year\'s 行刑衔接, detentions, seizures and tip-off rewards', async () => {
    const h1 = (await api(t).get(officer, '/api/enforcement/stats?from=2022-01-01&to=2022-06-30')).json();
    expect(h1).toMatchObject({ transfers: 1, personsDetained: 3, rewards: 6000 });
    expect(h1.measuresByKind.find((k: { key: string }) => k.key === 'stop_use').count).toBe(1);
    expect(h1.documentsByKind.find((k: { key: string }) => k.key === 'service_receipt').count).toBeGreaterThanOrEqual(7); // 2 decisions + 5 orders served
  });

  it('shows an enterprise\'s measures and 行刑衔接 on its enforcement tab, inside the caller\'s scope', async () => {
    const t0 = await t.p.db.one<{ enterprise_id: string; region_code: string }>(sql`select enterprise_id, region_code from enforcement_transfers where persons_detained = 3 limit 1`);
    const tab = (await api(t).get(officer, `/api/enforcement/enterprises/${t0.enterprise_id}`)).json();
    expect(tab.transfers).toMatchObject([{ status: 'accepted', personsDetained: 3, policeOrg: '汨水市公安局' }]);
    expect(tab.measures.map((m: { kind: string }) => m.kind)).toContain('seize');
    const far = await t.login((await makeOfficer(t, { region: t0.region_code.startsWith('430699101') ? '430699102000' : '430699101000' })).username);
    expect((await api(t).get(far, `/api/enforcement/enterprises/${t0.enterprise_id}`)).statusCode).toBeGreaterThanOrEqual(400);
  });
});
