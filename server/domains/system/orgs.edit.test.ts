// Editing an organisation (issue #11: no test walked PATCH /api/orgs/:id with an accepted request): the change shows in
// the directory, only the administrator may make it, and the audit record keeps the organisation before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let admin: string;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('admin'); });
afterAll(async () => { await t.close(); });

describe('editing an organisation', () => {
  it('renames, moves and disables it, and audits what it was', async () => {
    const post = (payload: object) => t.as(admin, { method: 'POST', url: '/api/orgs', payload });
    const parent = (await post({ name: '编辑测试上级', kind: 'other', regionCode: '430699000000' })).json();
    const created = await post({ name: '编辑测试单位', kind: 'other', regionCode: '430699000000', contact: '张三' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const patch = { name: '编辑测试单位（更名）', shortName: '编测', parentId: parent.id, regionCode: '430699101000', phone: '0730-1234567', disabled: true };
    const r = await t.as(admin, { method: 'PATCH', url: `/api/orgs/${id}`, payload: patch });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, ...patch, contact: '张三', kind: 'other' });
    expect((await t.as(admin, { method: 'GET', url: `/api/orgs/${id}` })).json()).toMatchObject({ ...patch, regionName: '白塘镇' });
    const rows = await t.p.db.query<{ region_code: string; before: unknown; after: unknown }>(sql`select region_code, before, after from audit_log where action = 'org.update' and entity_id = ${id} order by seq`);
    expect(rows).toMatchObject([{ region_code: '430699101000', before: { name: '编辑测试单位', parentId: null, disabled: false }, after: { name: '编辑测试单位（更名）', parentId: parent.id, disabled: true } }]);
    const staff = await t.login('staff');
    expect((await t.as(staff, { method: 'PATCH', url: `/api/orgs/${id}`, payload: { name: '越权' } })).statusCode).toBe(403);
    expect((await t.as(admin, { method: 'GET', url: `/api/orgs/${id}` })).json().name).toBe('编辑测试单位（更名）');
  });
});
