// Data scope of the registry: a town account reaches its town's enterprises only, a department account
// the enterprises it regulates, an enterprise account itself — in the list, detail, export, map and import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { freshCode, LUOJIANG_VILLAGE, makeEnterprise, multipart, readSheet, xlsx } from './test-helpers.js';

let t: TestApp;
let staff: string;
let baitang: string;
let dept: string;
let ent: string;
let luojiangEnterprise: { id: string; creditCode: string };
let zhujianId: string;

beforeAll(async () => {
  t = await buildTestApp();
  [staff, baitang, dept, ent] = await Promise.all(['staff', 'town_baitang', 'dept_zhujian', 'ent_demo'].map((u) => t.login(u)));
  luojiangEnterprise = await makeEnterprise(t, staff, { regionCode: LUOJIANG_VILLAGE });
  zhujianId = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市住房和城乡建设局'`)).id;
});
afterAll(async () => { await t.close(); });

const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
const count = async (where: ReturnType<typeof sql>) => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from enterprises e where ${where}`)).n;

describe('a town account (白塘镇)', () => {
  it('lists, counts, maps and exports its town\'s enterprises only', async () => {
    const expected = await count(sql`e.region_code like '430699101%'`);
    const list = (await get(baitang, '/api/enterprises?pageSize=200')).json();
    expect(list.total).toBe(expected);
    expect(list.items.every((e: { regionCode: string }) => e.regionCode.startsWith('430699101'))).toBe(true);
    const map = (await get(baitang, '/api/enterprises/map')).json();
    expect(map).toMatchObject({ total: expected, truncated: false });
    expect(map.items.every((p: { id: string }) => p.id)).toBe(true);
    const exp = await get(baitang, '/api/enterprises/export');
    expect(exp.statusCode).toBe(200);
    const rows = await readSheet(exp.rawPayload);
    expect(rows).toHaveLength(expected + 1);
    const codeCol = (rows[0] as string[]).indexOf('区划代码');
    expect(rows.slice(1).every((r) => String(r[codeCol]).startsWith('430699101'))).toBe(true);
    // Asking for another town's region gives nothing rather than its enterprises.
    expect((await get(baitang, '/api/enterprises?regionCode=430699102000')).json().total).toBe(0);
  });

  it('gets 404 for another town\'s enterprise, on read and write', async () => {
    for (const url of ['', '/status-history', '/changes', '/licences', '/major-hazard-sources']) {
      expect((await get(baitang, `/api/enterprises/${luojiangEnterprise.id}${url}`)).statusCode, url).toBe(404);
    }
    expect((await t.as(baitang, { method: 'PATCH', url: `/api/enterprises/${luojiangEnterprise.id}`, payload: { employees: 3 } })).statusCode).toBe(404);
  });

  it('cannot create an enterprise in, or move one to, another town', async () => {
    const r = await t.as(baitang, { method: 'POST', url: '/api/enterprises', payload: { name: '越界有限公司', creditCode: freshCode(), regionCode: LUOJIANG_VILLAGE, sector: 'other' } });
    expect(r.statusCode).toBe(403);
    const own = await makeEnterprise(t, baitang);
    expect((await t.as(baitang, { method: 'PATCH', url: `/api/enterprises/${own.id}`, payload: { regionCode: LUOJIANG_VILLAGE } })).statusCode).toBe(403);
  });

  it('imports rows of its town and reports another town\'s rows as row errors', async () => {
    const mine = freshCode();
    const file = await xlsx([
      ['企业名称', '统一社会信用代码', '区划代码', '监管行业'],
      ['白塘导入测试有限公司', mine, '430699101201', '其他'],
      ['罗江新企业有限公司', freshCode(), LUOJIANG_VILLAGE, '其他'],
      ['罗江已有企业', luojiangEnterprise.creditCode, '430699101201', '其他'],
    ]);
    const r = await t.as(baitang, { method: 'POST', url: '/api/enterprises/import?mode=valid-only', ...multipart('白塘.xlsx', file) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ created: 1, updated: 0, skipped: 2, written: true, errors: [
      { row: 3, column: '区划代码', message: '所属区划或行业主管部门超出了您的数据范围' },
      { row: 4, column: '统一社会信用代码', message: '该企业不在您的数据范围内，不能通过导入修改' },
    ] });
    expect((await get(staff, `/api/enterprises/${luojiangEnterprise.id}`)).json().name).not.toBe('罗江已有企业');
  });
});

describe('a department account (住建局)', () => {
  it('reaches the enterprises it regulates, in the list, the map, the detail and the export', async () => {
    const expected = await count(sql`e.supervising_org_id = ${zhujianId}`);
    expect(expected).toBeGreaterThan(20);
    const list = (await get(dept, '/api/enterprises?pageSize=200')).json();
    expect(list.total).toBe(expected);
    expect(list.items.every((e: { regulatorId: string }) => e.regulatorId === zhujianId)).toBe(true);
    expect((await get(dept, '/api/enterprises/map')).json().total).toBe(expected);
    expect((await readSheet((await get(dept, '/api/enterprises/export')).rawPayload)).length).toBe(expected + 1);
    expect((await get(dept, `/api/enterprises/${luojiangEnterprise.id}`)).statusCode).toBe(404);
  });

  it('cannot import or download the template (no enterprise:write)', async () => {
    expect((await get(dept, '/api/enterprises/import-template')).statusCode).toBe(403);
    expect((await t.as(dept, { method: 'POST', url: '/api/enterprises/import', ...multipart('x.xlsx', await xlsx([['企业名称']])) })).statusCode).toBe(403);
  });
});

describe('an enterprise account', () => {
  it('sees only its own enterprise in the list, the map, the detail and the export', async () => {
    const list = (await get(ent, '/api/enterprises')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].name).toBe('汨水市恒达化工有限公司');
    expect((await get(ent, '/api/enterprises/map')).json().items.map((p: { name: string }) => p.name)).toEqual(['汨水市恒达化工有限公司']);
    expect((await get(ent, `/api/enterprises/${list.items[0].id}`)).statusCode).toBe(200);
    expect((await get(ent, `/api/enterprises/${luojiangEnterprise.id}`)).statusCode).toBe(404);
    const rows = await readSheet((await get(ent, '/api/enterprises/export')).rawPayload);
    expect(rows.map((r) => r[0])).toEqual(['企业名称', '汨水市恒达化工有限公司']);
  });

  it('cannot import (no enterprise:write)', async () => {
    expect((await t.as(ent, { method: 'POST', url: '/api/enterprises/import', ...multipart('x.xlsx', await xlsx([['企业名称']])) })).statusCode).toBe(403);
  });

  it('tells its regulator when it changes its own record', async () => {
    const admin = await t.login('admin');
    const lpg = (await get(staff, `/api/enterprises?subtype=${encodeURIComponent('液化气站')}&status=operating`)).json().items[0];
    const created = await t.as(admin, { method: 'POST', url: '/api/accounts', payload: { username: 'ent_lpg', displayName: '气站账号', roles: ['enterprise'], scope: { kind: 'enterprise', enterpriseId: lpg.id } } });
    expect(created.statusCode).toBe(200);
    await t.p.db.execute(sql`update accounts set must_change_password = false where username = 'ent_lpg'`);
    const own = await t.login('ent_lpg', created.json().initialPassword);
    expect((await t.as(own, { method: 'PATCH', url: `/api/enterprises/${lpg.id}/contacts`, payload: { principalPhone: '13700001234' } })).statusCode).toBe(200);
    await t.p.jobs.drain();
    const inbox = (await get(dept, '/api/inbox')).json();
    expect(inbox.items.map((i: { body: string }) => i.body)).toContain(`${lpg.name}更新了联系人信息`);
  });
});
