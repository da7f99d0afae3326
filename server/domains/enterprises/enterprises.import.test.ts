import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { freshCode, makeEnterprise, multipart, readSheet, xlsx } from './test-helpers.js';

let t: TestApp;
let staff: string;
beforeAll(async () => { t = await buildTestApp(); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

const upload = (file: Buffer, mode?: string) =>
  t.as(staff, { method: 'POST', url: `/api/enterprises/import${mode ? `?mode=${mode}` : ''}`, ...multipart('企业名录.xlsx', file) });
const total = async () => (await t.as(staff, { method: 'GET', url: '/api/enterprises?pageSize=1' })).json().total;
const HEADER = ['企业名称', '统一社会信用代码', '区划代码', '监管行业', '行业细分', '从业人数', '行业主管部门', '重点企业', '主要负责人电话', '经营状态'];

describe('import', () => {
  it('reports every bad row with its row number and reason, and writes nothing from a file with errors', async () => {
    const good = freshCode();
    const wrong = freshCode();
    const badCheck = wrong.slice(0, 17) + (wrong[17] === 'A' ? 'B' : 'A');
    const before = await total();
    const file = await xlsx([
      HEADER,
      ['导入甲有限公司', good, '白塘镇', '危险化学品', '经营', 12, '危化股', '是', '13800001111', '在营'],
      ['导入乙有限公司', badCheck, '430699101201', '工贸', '机械', 30],
      ['', freshCode(), '不存在村', '燃气', '零售', '三十', '某某局', '也许', '123'],
      ['导入丁有限公司', good, '430699101201', '其他'],
      [],
      ['导入戊有限公司', freshCode(), '430699101201', '矿山'],
    ]);
    const r = await upload(file);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ mode: 'all', rows: 5, created: 0, updated: 0, skipped: 4, written: false, errors: [
      { row: 3, column: '统一社会信用代码', message: `统一社会信用代码第 18 位校验码应为 ${wrong[17]}，实际为 ${badCheck[17]}；请核对前 17 位是否抄错` },
      { row: 4, column: '企业名称', message: '「企业名称」必填' },
      { row: 4, column: '从业人数', message: '「从业人数」应为整数，实际为“三十”' },
      { row: 4, column: '重点企业', message: '「重点企业」应填“是”或“否”，实际为“也许”' },
      { row: 4, column: '主要负责人电话', message: '「主要负责人电话」格式不正确：“123”；应为手机号或固话（如 0730-5212345）' },
      { row: 4, column: '区划代码', message: '区划「不存在村」不存在，请填写 12 位区划代码或系统中的村（社区）、镇、园区名称' },
      { row: 4, column: '行业主管部门', message: '行业主管部门「某某局」不存在，请填写系统中单位的全称或简称' },
      { row: 4, column: '行业细分', message: '行业细分与监管行业「燃气」不匹配；该行业没有细分' },
      { row: 5, column: '统一社会信用代码', message: '与第 2 行的统一社会信用代码重复' },
      { row: 7, column: '监管行业', message: '「监管行业」应为以下之一：危险化学品、非煤矿山、烟花爆竹、工贸、燃气、消防重点单位、建筑施工、交通运输、特种设备、其他；实际为“矿山”' },
    ] });
    expect(await total()).toBe(before);

    const partial = (await upload(file, 'valid-only')).json();
    expect(partial).toMatchObject({ mode: 'valid-only', created: 1, skipped: 4, written: true });
    expect(await total()).toBe(before + 1);
    const made = (await t.as(staff, { method: 'GET', url: `/api/enterprises?q=${good}` })).json().items[0];
    expect(made).toMatchObject({ name: '导入甲有限公司', townName: '白塘镇', sector: 'hazchem', sectorDetail: 'trading', employees: 12, isKey: true, regulatorName: '危险化学品安全监督管理股' });
  });

  it('upserts by credit code: fills the given columns of an existing enterprise, leaves blank ones, audits each row', async () => {
    const e = await makeEnterprise(t, staff, { employees: 7, principalName: '原负责人' });
    const newOne = freshCode();
    const file = await xlsx([
      ['统一社会信用代码', '企业名称', '区划代码', '监管行业', '从业人数', '主要负责人', '经营状态', '风险等级'],
      [e.creditCode, e.name, '430699101201', '其他', 25, '', '', '一般风险'],
      [newOne, '导入新建停业有限公司', '430699101201', '其他', 3, '', '停业', ''],
    ]);
    expect((await upload(file)).json()).toMatchObject({ created: 1, updated: 1, skipped: 0, written: true, errors: [] });
    const after = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${e.id}` })).json();
    expect(after).toMatchObject({ employees: 25, principalName: '原负责人', riskLevel: 'yellow', riskLevelSource: expect.stringMatching(/^批量导入/) });
    const trail = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${e.id}/changes` })).json().items[0];
    expect(trail).toMatchObject({ action: 'enterprise.import.update', before: { employees: 7 }, after: { employees: 25 } });
    const created = (await t.as(staff, { method: 'GET', url: `/api/enterprises?q=${newOne}` })).json().items[0];
    expect(created.status).toBe('closed_business');
    const history = (await t.as(staff, { method: 'GET', url: `/api/enterprises/${created.id}/status-history` })).json();
    expect(history[0]).toMatchObject({ fromStatus: null, toStatus: 'closed_business', reason: expect.stringContaining('批量导入时登记') });
    // A status change of an existing enterprise is not an import's business.
    const again = await upload(await xlsx([['统一社会信用代码', '企业名称', '区划代码', '监管行业', '经营状态'], [e.creditCode, e.name, '430699101201', '其他', '关闭']]));
    expect(again.json().errors[0].message).toMatch(/须在企业页面填写原因后变更/);
    const summary = await t.p.db.one<{ after: { created: number } }>(sql`select after from audit_log where action = 'enterprise.import' order by seq desc limit 1`);
    expect(summary.after.created).toBe(1);
  });

  it('imports an exported file back unchanged (the headers mean the same both ways)', async () => {
    const exported = await t.as(staff, { method: 'GET', url: '/api/enterprises/export?sector=non_coal_mine' });
    expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    expect(exported.headers['content-disposition']).toMatch(/filename\*=UTF-8''%E4%BC%81%E4%B8%9A%E5%90%8D%E5%BD%95-\d{8}\.xlsx/);
    const rows = await readSheet(exported.rawPayload);
    expect(rows).toHaveLength(6);
    expect((await upload(exported.rawPayload)).json()).toMatchObject({ rows: 5, updated: 5, created: 0, errors: [] });
  });

  it('gives a template with the required columns, drop-downs and instructions', async () => {
    const r = await t.as(staff, { method: 'GET', url: '/api/enterprises/import-template' });
    expect(r.statusCode).toBe(200);
    const header = (await readSheet(r.rawPayload))[0];
    expect(header.slice(0, 4)).toEqual(['企业名称*', '统一社会信用代码*', '区划代码*', '监管行业*']);
    const empty = (await upload(r.rawPayload)).json();
    expect(empty).toMatchObject({ rows: 0, written: false, errors: [] });
  });

  it('refuses a file that is not .xlsx, an empty upload, a missing required column and a non-multipart body', async () => {
    const csv = await upload(Buffer.from('企业名称,统一社会信用代码\n'));
    expect(csv.statusCode).toBe(400);
    expect(csv.json().error.message).toMatch(/不是 \.xlsx 格式/);
    expect((await upload(Buffer.alloc(0))).statusCode).toBe(400);
    const missing = (await upload(await xlsx([['企业名称'], ['某']]))).json();
    expect(missing.errors.map((e: { message: string }) => e.message)).toEqual(['缺少必填列「统一社会信用代码」', '缺少必填列「区划代码」', '缺少必填列「监管行业」']);
    expect((await t.as(staff, { method: 'POST', url: '/api/enterprises/import', payload: { a: 1 } })).statusCode).toBe(415);
    expect((await t.as(staff, { method: 'POST', url: '/api/enterprises/import?mode=some', ...multipart('x.xlsx', await xlsx([['企业名称']])) })).statusCode).toBe(400);
  });

  it('exports the whole filtered list in one file (about 2,000 rows of the demo county)', async () => {
    const r = await t.as(staff, { method: 'GET', url: '/api/enterprises/export?status=operating&sort=name' });
    expect(r.statusCode).toBe(200);
    const rows = await readSheet(r.rawPayload);
    expect(rows.length).toBeGreaterThan(1900);
    const names = rows.slice(1).map((row) => String(row[0]));
    expect(names).toEqual([...names].sort());
    const trail = await t.p.db.one<{ after: { rows: number } }>(sql`select after from audit_log where action = 'enterprise.export' order by seq desc limit 1`);
    expect(trail.after.rows).toBe(rows.length - 1);
  });
});
