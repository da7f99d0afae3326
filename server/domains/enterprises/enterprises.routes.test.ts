import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { BAITANG_VILLAGE, freshCode, makeEnterprise } from './test-helpers.js';

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

const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });

describe('enterprise list', () => {
  it('pages the demo county and answers the report\'s figures through its filters', async () => {
    const all = (await get(staff, '/api/enterprises?pageSize=5')).json();
    expect(all).toMatchObject({ total: 2065, page: 1, pageSize: 5 });
    expect(all.items).toHaveLength(5);
    const count = async (q: string) => (await get(staff, `/api/enterprises?pageSize=1&${q}`)).json().total;
    expect(await count('sector=fireworks&sectorDetail=retail')).toBe(1865);
    expect(await count('subtype=液化气站')).toBe(18);
    expect(await count('subtype=液化气站&status=closed')).toBe(16);
    expect(await count('sector=non_coal_mine')).toBe(5);
    expect(await count('flag=high_temp_melt&status=suspended')).toBe(12);
    expect(await count('status=banned')).toBe(1);
    expect(await count('status=suspended&status=closed')).toBe(await count('status=suspended') + await count('status=closed'));
    expect(await count('hasMajorHazard=true')).toBeGreaterThan(5);
    expect(await count('hasMajorHazard=true') + await count('hasMajorHazard=false')).toBe(2065);
    expect(await count('riskLevel=none') + await count('riskLevel=red&riskLevel=orange&riskLevel=yellow&riskLevel=blue')).toBe(2065);
    expect(await count('regionCode=430699402000')).toBeGreaterThan(3); // 循环园
    expect(await count('isKey=true')).toBeGreaterThan(50);
  });

  it('searches by part of the name, a former name, the credit code and the address', async () => {
    const mine = await makeEnterprise(t, staff, { name: '汨水市青禾测试新材料有限公司', formerNames: ['汨水市旧名搜索化工厂'], address: '白塘镇搜索测试路 88 号' });
    const ids = async (q: string) => (await get(staff, `/api/enterprises?q=${encodeURIComponent(q)}`)).json().items.map((e: { id: string }) => e.id);
    expect(await ids('青禾测试')).toEqual([mine.id]);
    expect(await ids('旧名搜索')).toEqual([mine.id]);
    expect(await ids(mine.creditCode.toLowerCase())).toEqual([mine.id]);
    expect(await ids('搜索测试路')).toEqual([mine.id]);
    expect(await ids('100%_')).toEqual([]);
    const hengda = (await get(staff, `/api/enterprises?q=${encodeURIComponent('恒达')}`)).json();
    expect(hengda.items[0]).toMatchObject({ name: '汨水市恒达化工有限公司', townName: '循环园', majorHazardCount: 1, majorHazardGrade: 3 });
  });

  it('sorts by the column asked, both ways, and pages without overlap', async () => {
    const names = async (q: string) => (await get(staff, `/api/enterprises?sector=non_coal_mine&${q}`)).json().items.map((e: { name: string }) => e.name);
    const asc = await names('sort=name&order=asc');
    expect(asc).toEqual([...asc].sort());
    expect(await names('sort=name&order=desc')).toEqual([...asc].reverse());
    const byEmployees = (await get(staff, '/api/enterprises?sector=non_coal_mine&sort=employees&order=desc')).json().items.map((e: { employees: number }) => e.employees);
    expect(byEmployees).toEqual([...byEmployees].sort((a, b) => b - a));
    const p1 = (await get(staff, '/api/enterprises?sort=name&pageSize=7&page=1')).json().items.map((e: { id: string }) => e.id);
    const p2 = (await get(staff, '/api/enterprises?sort=name&pageSize=7&page=2')).json().items.map((e: { id: string }) => e.id);
    expect(new Set([...p1, ...p2]).size).toBe(14);
  });

  it('refuses bad filters with 400', async () => {
    for (const q of ['status=open', 'sector=mining', 'riskLevel=green', 'pageSize=500', 'regionCode=4306', 'licenceExpiringDays=-1', 'sort=password']) {
      expect((await get(staff, `/api/enterprises?${q}`)).statusCode, q).toBe(400);
    }
  });
});

describe('enterprise record', () => {
  it('creates with a valid credit code and refuses a wrong one, saying which character is wrong', async () => {
    const code = freshCode();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const bad = await t.as(staff, { method: 'POST', url: '/api/enterprises', payload: { name: '校验测试有限公司', creditCode: wrong, regionCode: BAITANG_VILLAGE, sector: 'other' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe(`统一社会信用代码第 18 位校验码应为 ${code[17]}，实际为 ${wrong[17]}；请核对前 17 位是否抄错`);
    const letter = await t.as(staff, { method: 'POST', url: '/api/enterprises', payload: { name: '校验测试有限公司', creditCode: 'I' + code.slice(1), regionCode: BAITANG_VILLAGE, sector: 'other' } });
    expect(letter.json().error.message).toMatch(/第 1 位“I”不是有效字符/);
    const ok = await t.as(staff, { method: 'POST', url: '/api/enterprises', payload: { name: '校验测试有限公司', creditCode: ` ${code.toLowerCase()} `, regionCode: BAITANG_VILLAGE,
      sector: 'hazchem', sectorDetail: 'storage', flags: ['confined_space'], lng: 113.1, lat: 28.8, employees: 12, principalName: '王五', principalPhone: '13900001111' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ creditCode: code, status: 'operating', sector: 'hazchem', sectorDetail: 'storage', townName: '白塘镇', flags: ['confined_space'] });
    const dup = await t.as(staff, { method: 'POST', url: '/api/enterprises', payload: { name: '重复', creditCode: code, regionCode: BAITANG_VILLAGE, sector: 'other' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toBe(`统一社会信用代码 ${code} 已登记为「校验测试有限公司」`);
  });

  it('refuses a detail of another sector, a half coordinate, unknown references', async () => {
    const base = { name: '规则测试有限公司', regionCode: BAITANG_VILLAGE };
    const cases: [object, number, RegExp][] = [
      [{ sector: 'gas', sectorDetail: 'retail' }, 400, /行业细分与监管行业「燃气」不匹配；该行业没有细分/],
      [{ sector: 'hazchem', sectorDetail: 'retail' }, 400, /可选：生产、经营、使用、储存/],
      [{ sector: 'other', lng: 113 }, 400, /经度和纬度须同时填写/],
      [{ sector: 'other', regionCode: '430699199000' }, 400, /所属区划不存在/],
      [{ sector: 'other', regulatorId: '01900000-0000-7000-8000-000000000000' }, 400, /行业主管部门不存在/],
      [{ sector: 'other', principalPhone: '12345' }, 400, /principalPhone.*格式不正确/],
    ];
    for (const [over, status, message] of cases) {
      const r = await t.as(staff, { method: 'POST', url: '/api/enterprises', payload: { ...base, creditCode: freshCode(), ...over } });
      expect(r.statusCode, JSON.stringify(over)).toBe(status);
      expect(r.json().error.message).toMatch(message);
    }
  });

  it('edits, auditing before and after, and sets the risk colour by hand with its source', async () => {
    const e = await makeEnterprise(t, staff);
    const r = await t.as(staff, { method: 'PATCH', url: `/api/enterprises/${e.id}`, payload: { employees: 40, isKey: true, riskLevel: 'orange', industryCode: 'C2614' } });
    expect(r.json()).toMatchObject({ employees: 40, isKey: true, riskLevel: 'orange', riskLevelSource: expect.stringMatching(/^人工录入/), industryCode: 'C2614' });
    const changes = (await get(staff, `/api/enterprises/${e.id}/changes`)).json();
    expect(changes.items.map((c: { action: string }) => c.action)).toEqual(['enterprise.update', 'enterprise.create']);
    expect(changes.items[0].before.employees).toBeNull();
    expect(changes.items[0].after.employees).toBe(40);
  });

  it('answers 404 for an unknown enterprise on every read and write, 400 for a malformed id', async () => {
    for (const [method, url, payload] of [['GET', `/api/enterprises/${NOPE}`], ['PATCH', `/api/enterprises/${NOPE}`, { employees: 1 }],
      ['PATCH', `/api/enterprises/${NOPE}/contacts`, { principalName: '某' }], ['POST', `/api/enterprises/${NOPE}/status`, { status: 'closed', reason: '测试原因' }],
      ['GET', `/api/enterprises/${NOPE}/status-history`], ['GET', `/api/enterprises/${NOPE}/changes`]] as const) {
      expect((await t.as(staff, { method, url, payload })).statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await get(staff, '/api/enterprises/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('status changes', () => {
  it('needs a reason, records who ordered it, the document and the day, and shows the history newest first', async () => {
    const e = await makeEnterprise(t, staff);
    expect((await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'suspended' } })).statusCode).toBe(400);
    expect((await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'suspended', reason: '  ' } })).statusCode).toBe(400);
    const bureau = (await t.p.db.one<{ id: string }>(sql`select id from organizations where kind = 'bureau'`)).id;
    const s1 = await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'suspended', reason: '存在重大事故隐患，责令停产整顿',
      orderedByOrgId: bureau, orderedBy: '市应急管理局', documentNo: '汨应急责改〔2026〕9号', effectiveOn: '2026-01-05' } });
    expect(s1.statusCode).toBe(200);
    expect(s1.json().status).toBe('suspended');
    expect((await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'suspended', reason: '再次' } })).statusCode).toBe(409);
    const future = await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'operating', reason: '复产', effectiveOn: '2999-01-01' } });
    expect(future.json().error.message).toMatch(/生效日期不能晚于今天/);
    await t.as(staff, { method: 'POST', url: `/api/enterprises/${e.id}/status`, payload: { status: 'operating', reason: '整改验收合格，同意复产' } });
    const history = (await get(staff, `/api/enterprises/${e.id}/status-history`)).json();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ fromStatus: 'suspended', toStatus: 'operating', reason: '整改验收合格，同意复产', recordedByName: expect.any(String) });
    expect(history[1]).toMatchObject({ fromStatus: 'operating', toStatus: 'suspended', orderedByOrgName: '汨水市应急管理局', documentNo: '汨应急责改〔2026〕9号', effectiveOn: '2026-01-05' });
    const audit = (await get(staff, `/api/enterprises/${e.id}/changes`)).json().items[0];
    expect(audit).toMatchObject({ action: 'enterprise.status', before: { status: 'suspended' }, after: { status: 'operating' } });
  });

  it('shows the demo county\'s 2022 history: 12 smelters and 33 工贸 enterprises ordered to stop in the first half', async () => {
    const rows = await t.p.db.query<{ subtype: string; n: number }>(sql`select e.subtype, count(*)::int as n from enterprise_status_changes c join enterprises e on e.id = c.enterprise_id
      where c.to_status = 'suspended' and c.effective_on between '2022-01-01' and '2022-06-30' group by e.subtype order by e.subtype`);
    expect(Object.fromEntries(rows.map((r) => [r.subtype, r.n]))).toEqual({ 金属冶炼: 12, 钢纤维: 2, 鞋楦: 4, 特种制泵: 5, 林木加工: 22 });
  });
});

describe('enterprise accounts', () => {
  it('change their own contacts (audited, the regulator told) but not the record, the status, or another enterprise', async () => {
    const r = await t.as(ent, { method: 'PATCH', url: `/api/enterprises/${demoId}/contacts`, payload: { safetyManagerName: '安全员甲', safetyManagerPhone: '0730-5212345' } });
    expect(r.statusCode).toBe(200);
    // The answer shows the phone masked like every detail (issue #11); the full number is stored.
    expect(r.json()).toMatchObject({ safetyManagerName: '安全员甲', safetyManagerPhone: '073*-***2345' });
    expect((await t.p.db.one<{ p: string }>(sql`select safety_manager_phone as p from enterprises where id = ${demoId}`)).p).toBe('0730-5212345');
    const trail = (await get(staff, `/api/enterprises/${demoId}/changes`)).json().items[0];
    expect(trail).toMatchObject({ action: 'enterprise.contacts', after: { safetyManagerName: '安全员甲' } });
    expect((await t.as(ent, { method: 'PATCH', url: `/api/enterprises/${demoId}`, payload: { name: '改名' } })).statusCode).toBe(403);
    expect((await t.as(ent, { method: 'POST', url: `/api/enterprises/${demoId}/status`, payload: { status: 'closed', reason: '自行关闭' } })).statusCode).toBe(403);
    const other = await makeEnterprise(t, staff);
    expect((await t.as(ent, { method: 'PATCH', url: `/api/enterprises/${other.id}/contacts`, payload: { principalName: '某' } })).statusCode).toBe(404);
  });

  it('a department account may read but not change contacts', async () => {
    const dept = await t.login('dept_zhujian');
    const lpg = (await get(dept, '/api/enterprises?subtype=液化气站&pageSize=1')).json().items[0];
    const r = await t.as(dept, { method: 'PATCH', url: `/api/enterprises/${lpg.id}/contacts`, payload: { principalName: '某' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toMatch(/企业档案维护/);
  });
});
