import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { makeEnterprise } from './test-helpers.js';

let t: TestApp;
let staff: string;
let ent: string;
let demoId: string;
const NOPE = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  ent = await t.login('ent_demo');
  demoId = (await t.p.db.one<{ id: string }>(sql`select id from enterprises where name = '汨水市恒达化工有限公司'`)).id;
});
afterAll(async () => { await t.close(); });

const TANK_FARM = { name: '二号罐区', unitKind: 'storage', peopleExposed: 60, chemicals: [
  { chemicalCode: '7664-41-7', quantity: 30 }, { chemicalCode: '67-56-1', quantity: 200 }, { chemicalCode: '7782-50-5', quantity: 10 }] };

describe('major hazard sources', () => {
  it('shows the demo enterprise\'s 三级 tank farm and its unit below S = 1, with the working', async () => {
    const list = (await t.as(ent, { method: 'GET', url: `/api/enterprises/${demoId}/major-hazard-sources` })).json();
    expect(list.map((s: { name: string; evaluation: { grade: number | null } }) => [s.name, s.evaluation.grade])).toEqual([['液氨、液氯及甲醇储罐区', 3], ['合成车间', null]]);
    expect(list[0].evaluation).toMatchObject({ s: 5.4, alpha: 1.5, r: 21.6, gradeLabel: '三级', ruleVersion: 'major_hazard.gb18218@default' });
    expect(list[0].evaluation.working.at(-1)).toBe('10 ≤ R < 50，为三级重大危险源');
  });

  it('computes S, R and the grade from the catalogue when an enterprise account records one, audited', async () => {
    const r = await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/major-hazard-sources`, payload: TANK_FARM });
    expect(r.statusCode).toBe(200);
    expect(r.json().evaluation).toMatchObject({ s: 5.4, identified: true, alpha: 1.5, r: 21.6, grade: 3 });
    expect(r.json().evaluation.terms.map((x: { name: string; criticalQuantity: number; beta: number }) => [x.name, x.criticalQuantity, x.beta]))
      .toEqual([['氨', 10, 2], ['甲醇', 500, 1], ['氯', 5, 4]]);
    // More people nearby: α = 2, R = 28.8; a bigger stock of chlorine: R ≥ 50 → 二级.
    const edit = await t.as(ent, { method: 'PATCH', url: `/api/major-hazard-sources/${r.json().id}`, payload: { peopleExposed: 150,
      chemicals: [{ chemicalCode: '7782-50-5', quantity: 35 }] } });
    expect(edit.json().evaluation).toMatchObject({ s: 7, alpha: 2, r: 56, grade: 2, gradeLabel: '二级' });
    const trail = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${demoId}/changes?pageSize=2` })).json().items;
    expect(trail.map((c: { action: string }) => c.action)).toEqual(['enterprise.hazard_source.update', 'enterprise.hazard_source.create']);
    expect(trail[0]).toMatchObject({ before: { grade: 3 }, after: { grade: 2 } });
    expect((await t.as(staff, { method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('恒达化工')}` })).json().items[0]).toMatchObject({ majorHazardCount: 2, majorHazardGrade: 2 });
    expect((await t.as(ent, { method: 'DELETE', url: `/api/major-hazard-sources/${r.json().id}` })).json()).toEqual({ ok: true });
  });

  it('takes a substance not listed by its hazard category, and needs its name then', async () => {
    const noName = await t.as(staff, { method: 'POST', url: '/api/major-hazard-sources/evaluate', payload: { peopleExposed: 0, chemicals: [{ chemicalCode: 'W5.1', quantity: 12 }] } });
    expect(noName.json().error.message).toBe('第 1 种物质按类别「易燃液体类别1；类别2、3且工作温度高于沸点」填写，须写明物质名称');
    const ok = await t.as(staff, { method: 'POST', url: '/api/major-hazard-sources/evaluate', payload: { peopleExposed: 0, chemicals: [{ chemicalCode: 'W5.1', name: '石油醚', quantity: 12 }] } });
    expect(ok.json()).toMatchObject({ s: 1.2, identified: true, alpha: 0.5, r: 0.6, grade: 4 });
    const unknown = await t.as(staff, { method: 'POST', url: '/api/major-hazard-sources/evaluate', payload: { peopleExposed: 0, chemicals: [{ chemicalCode: '0000-00-0', quantity: 1 }] } });
    expect(unknown.json().error.message).toMatch(/危险化学品目录中没有代码「0000-00-0」/);
  });

  it('lists the catalogue with Q and β per DOMAIN.md (硫化氢 β 5, 氯化氢 β 3), searchable', async () => {
    const all = (await t.as(staff, { method: 'GET', url: '/api/chemicals' })).json();
    const by = (name: string) => all.find((c: { name: string }) => c.name.startsWith(name));
    expect(by('硫化氢')).toMatchObject({ beta: 5, kind: 'listed' });
    expect(by('氯化氢')).toMatchObject({ beta: 3 });
    expect(by('氨')).toMatchObject({ criticalQuantity: 10, beta: 2 });
    expect(all.filter((c: { kind: string }) => c.kind === 'category').length).toBeGreaterThan(20);
    expect((await t.as(staff, { method: 'GET', url: `/api/chemicals?q=${encodeURIComponent('甲')}` })).json().map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['甲醇', '甲苯', '甲烷']));
  });

  it('answers 400 for bad input, 403 to a department, 404 for unknown or foreign sources', async () => {
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/major-hazard-sources`, payload: { ...TANK_FARM, chemicals: [] } })).statusCode).toBe(400);
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/major-hazard-sources`, payload: { ...TANK_FARM, peopleExposed: -1 } })).statusCode).toBe(400);
    const other = await makeEnterprise(t, staff, { sector: 'hazchem', sectorDetail: 'storage' });
    const theirs = (await t.as(staff, { method: 'POST', url: `/api/enterprises/${other.id}/major-hazard-sources`, payload: TANK_FARM })).json();
    expect((await t.as(ent, { method: 'PATCH', url: `/api/major-hazard-sources/${theirs.id}`, payload: { peopleExposed: 1 } })).statusCode).toBe(404);
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${other.id}/major-hazard-sources`, payload: TANK_FARM })).statusCode).toBe(404);
    expect((await t.as(staff, { method: 'DELETE', url: `/api/major-hazard-sources/${NOPE}` })).statusCode).toBe(404);
    const dept = await t.login('dept_zhujian');
    const lpg = (await t.as(dept, { method: 'GET', url: `/api/enterprises?subtype=${encodeURIComponent('液化气站')}&hasMajorHazard=true` })).json().items[0];
    expect((await t.as(dept, { method: 'POST', url: `/api/enterprises/${lpg.id}/major-hazard-sources`, payload: TANK_FARM })).statusCode).toBe(403);
  });
});
