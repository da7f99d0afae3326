// A town corrects a flood facility it registered (issue #11's audit walk): new name, levels and people, the phones it
// sends back masked keep the stored numbers; seen through the API afterwards, with its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let luojiang: string; let informant: string;
const P = '/api/flood';
const call = (c: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.as(c, { method, url, payload });

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-07-01T04:00:00Z');
  [luojiang, informant] = await Promise.all(['town_luojiang', 'informant_demo'].map((u) => t.login(u)));
}, 600_000);
afterAll(async () => { await t.close(); });

describe('editing a flood facility', () => {
  it('the town changes its reservoir; masked phones sent back keep the stored numbers', async () => {
    const village = (await t.p.db.one<{ code: string }>(sql`select code from regions where parent_code = '430699102000' and name like '%村' order by code limit 1`)).code;
    const created = await call(luojiang, 'POST', `${P}/facilities`, { kind: 'reservoir', scale: 'small2', name: `编辑测试水库${process.pid}`, regionCode: village,
      levels: { floodLimitLevel: 48, designFloodLevel: 50.5 }, adminName: '周行政', adminPhone: '13900000001', patrolName: '郑巡查', patrolPhone: '13900000003' });
    expect(created.statusCode, created.body).toBe(200);
    const f = created.json();
    expect(f.adminPhone).not.toBe('13900000001'); // masked
    const edit = { kind: 'reservoir', scale: 'small1', name: `编辑测试水库${process.pid}（改）`, regionCode: village, levels: { floodLimitLevel: 47.5, designFloodLevel: 51 },
      capacityWanM3: 120, peopleAtRisk: 300, adminName: '周行政', adminPhone: f.adminPhone, techName: '吴技术', techPhone: '13900000002', patrolName: '钱巡查', patrolPhone: f.patrolPhone };
    expect((await call(informant, 'PUT', `${P}/facilities/${f.id}`, edit)).statusCode).toBe(403);
    const r = await call(luojiang, 'PUT', `${P}/facilities/${f.id}`, edit);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: f.id, name: edit.name, scale: 'small1', levels: { floodLimitLevel: 47.5, designFloodLevel: 51 }, capacityWanM3: 120, peopleAtRisk: 300,
      techName: '吴技术', patrolName: '钱巡查', adminPhone: f.adminPhone, patrolPhone: f.patrolPhone });
    expect((await call(luojiang, 'GET', `${P}/facilities/${f.id}`)).json()).toMatchObject({ name: edit.name, techName: '吴技术', adminPhone: f.adminPhone });
    const stored = await t.p.db.one<{ admin_phone: string; patrol_phone: string; tech_phone: string }>(sql`select admin_phone, patrol_phone, tech_phone from flood_facilities where id = ${f.id}`);
    expect(stored).toEqual({ admin_phone: '13900000001', patrol_phone: '13900000003', tech_phone: '13900000002' });
    const [rec] = await t.p.db.query<{ before: { name: string; scale: string }; after: { name: string; adminPhone: string } }>(
      sql`select before, after from audit_log where action = 'flood.facility.update' and entity_id = ${f.id}`);
    expect(rec.before).toMatchObject({ name: f.name, scale: 'small2' });
    expect(rec.after).toMatchObject({ name: edit.name, adminPhone: '13900000001' });
  });
});
