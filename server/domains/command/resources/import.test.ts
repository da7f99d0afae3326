// Excel import of the registers and of initial stock: the template reads back, a file with errors writes nothing and
// names every bad row, a good file creates the records (audited), stock rows become inbound ledger lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { multipart, readSheet, xlsx } from '../../enterprises/test-helpers.js';
import { ctxFor, LUOJIANG } from './testing.js';
import { importResources } from './excel.import.js';

let t: TestApp;
let staff: string;
beforeAll(async () => { t = await buildTestApp(); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

const upload = (path: string, file: Buffer, mode?: string) =>
  t.as(staff, { method: 'POST', url: `/api/command/resources/${path}/import${mode ? `?mode=${mode}` : ''}`, ...multipart('导入.xlsx', file) });
const count = async (table: string) => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from ${sql.id(table)}`)).n;

describe('register import', () => {
  it('offers a template whose headers it reads back', async () => {
    const r = await t.as(staff, { method: 'GET', url: '/api/command/resources/teams/import-template' });
    expect(r.statusCode).toBe(200);
    const rows = await readSheet(r.rawPayload);
    expect((rows[0] as string[]).slice(0, 3)).toEqual(['队伍名称*', '队伍类别*', '所属单位']);
  });

  it('names every bad row and writes nothing from a file with errors', async () => {
    const before = await count('resource_teams');
    const file = await xlsx([
      ['队伍名称', '队伍类别', '所属单位', '区划', '负责人电话', '编制人数', '经度'],
      ['白塘镇测试抢险队', '乡镇救援队', '白塘镇应急救援分队', '白塘镇', '13800001111', 20],
      ['', '乡镇救援队', '', '白塘镇'],
      ['某队', '特种部队', '某某局', '不存在镇', '123', '二十', 113.1],
      ['汨水市综合应急救援大队', '专业救援队', '', '汨水市'],
      ['白塘镇测试抢险队', '乡镇救援队', '', '白塘镇'],
    ]);
    const r = await upload('teams', file);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ mode: 'all', rows: 5, created: 0, written: false, skipped: 4 });
    const byRow = (row: number) => body.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['队伍名称: 「队伍名称」必填']);
    expect(byRow(4)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^队伍类别: 「队伍类别」应为以下之一/), expect.stringMatching(/^负责人电话: 「负责人电话」格式不正确/),
      '编制人数: 「编制人数」应为整数，实际为“二十”', '区划: 区划「不存在镇」不存在，请填写系统中已有的区划', '所属单位: 单位「某某局」不存在，请填写系统中已有的单位',
      '纬度: 经度和纬度须同时填写']));
    expect(byRow(5)).toEqual(['队伍名称: 该区划已有同名的救援队伍']);
    expect(byRow(6)).toEqual(['队伍名称: 与第 2 行重复']);
    expect(await count('resource_teams')).toBe(before);
  });

  it('imports the good rows, each audited, when asked to', async () => {
    const before = await count('resource_shelters');
    const file = await xlsx([
      ['场所名称', '场所类型', '区划', '可容纳人数', '设施', '经度', '纬度'],
      ['测试广场避难场所', '室外', '罗江镇', 800, '厕所、广播', 113.0, 28.9],
      ['测试体育馆避难场所', '室内', LUOJIANG, 300],
      ['坏行', '室内', '罗江镇', -5],
    ]);
    const all = await upload('shelters', file);
    expect(all.json()).toMatchObject({ written: false, rows: 3 });
    const r = await upload('shelters', file, 'valid-only');
    expect(r.json()).toMatchObject({ written: true, created: 2, skipped: 1 });
    expect(await count('resource_shelters')).toBe(before + 2);
    const s = await t.p.db.one<{ id: string; facilities: string[]; region_code: string }>(sql`select id, facilities, region_code from resource_shelters where name = '测试广场避难场所'`);
    expect(s).toMatchObject({ facilities: ['厕所', '广播'], region_code: LUOJIANG });
    expect(await t.p.db.maybeOne(sql`select 1 as one from audit_log where entity_id = ${s.id} and action = 'command.resources.shelter.create'`)).toBeTruthy();
  });

  it('creates the teams of a clean file, each audited', async () => {
    const before = await count('resource_teams');
    const file = await xlsx([
      ['队伍名称', '队伍类别', '所属单位', '区划', '负责人电话', '编制人数'],
      ['罗江镇测试巡堤队', '乡镇救援队', '', '罗江镇', '13800002222', 12],
    ]);
    const r = await upload('teams', file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ mode: 'all', rows: 1, created: 1, written: true, skipped: 0 });
    expect(await count('resource_teams')).toBe(before + 1);
    const team = await t.p.db.one<{ id: string; region_code: string }>(sql`select id, region_code from resource_teams where name = '罗江镇测试巡堤队'`);
    expect(team.region_code).toBe(LUOJIANG);
    expect(await t.p.db.maybeOne(sql`select 1 as one from audit_log where entity_id = ${team.id} and action = 'command.resources.team.create'`)).toBeTruthy();
  });

  it('refuses rows outside the importer\'s region', async () => {
    const file = await xlsx([['姓名', '专业领域', '区划'], ['测试专家', '消防', '罗江镇']]);
    const r = await importResources(ctxFor(t, { kind: 'region', regionCode: '430699101000' }), 'experts', file, 'x.xlsx', 'all');
    expect(r.written).toBe(false);
    expect(r.errors).toEqual([{ row: 2, column: '区划', message: '该区划超出了您的数据范围' }]);
  });

  it('says plainly when the file is not a spreadsheet', async () => {
    const r = await upload('experts', Buffer.from('not a spreadsheet at all'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/不是 .xlsx 格式/);
  });
});

describe('initial stock import', () => {
  it('turns each row into an inbound batch, adds unknown items to the catalogue and sets minimum levels', async () => {
    const items = await count('resource_items');
    const file = await xlsx([
      ['储备库', '物资名称', '规格', '单位', '物资类别', '数量', '最低储备', '有效期至'],
      ['白塘镇应急物资储备点', '测试净水片', '100片', '瓶', '生活保障', 40, 50, '2027-03-01'],
      ['白塘镇应急物资储备点', '测试净水片', '100片', '瓶', '生活保障', 10, '', '2028-03-01'],
      ['不存在的库', '编织袋', '50×80cm', '条', '防汛物资', 5],
    ]);
    const bad = await upload('stock', file);
    expect(bad.json().errors).toEqual([{ row: 4, column: '储备库', message: '储备库「不存在的库」不存在，请填写系统中已有的储备库' }]);
    const r = await upload('stock', file, 'valid-only');
    expect(r.json()).toMatchObject({ written: true, created: 2 });
    expect(await count('resource_items')).toBe(items + 1);
    const line = await t.p.db.one<{ quantity: number; min_level: number; id: string }>(sql`select s.id, s.quantity::float8 as quantity, s.min_level::float8 as min_level
      from resource_stock s join resource_items i on i.id = s.item_id join resource_warehouses w on w.id = s.warehouse_id where i.name = '测试净水片' and w.name = '白塘镇应急物资储备点'`);
    expect(line).toMatchObject({ quantity: 50, min_level: 50 });
    const ledger = await t.p.db.query<{ kind: string; balance_after: number }>(sql`select kind, balance_after::float8 as balance_after from resource_stock_ledger where stock_id = ${line.id} order by seq`);
    expect(ledger).toEqual([{ kind: 'inbound', balance_after: 40 }, { kind: 'inbound', balance_after: 50 }]);
  });
});
