import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let dept: string;
let baitangGov: string; let zhujian: string;
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const input = (o: object) => ({ targetKind: 'town', reason: 'accidents', reasonDetail: '一季度发生道路交通亡人事故 2 起', heldAt: '2026-03-12T02:00:00Z',
  place: '市应急管理局三楼会议室', convenedBy: '市安委会', hostName: '安委办主任', attendees: '镇长、分管副镇长、应急站站长',
  commitments: '一个月内完成“三车”整治', tasks: [{ title: '完成辖区“三车”违法集中整治', dueOn: '2026-04-12' }, { title: '报送事故整改报告', dueOn: '2026-03-20' }], ...o });

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-25T02:00:00Z');
  [staff, baitang, luojiang, dept] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'dept_zhujian'].map((u) => t.login(u)));
  baitangGov = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '白塘镇人民政府'`)).id;
  zhujian = (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = '汨水市住房和城乡建设局'`)).id;
});
afterAll(async () => { await t.close(); });

describe('summons (约谈)', () => {
  it('records a summons with numbered follow-up tasks; checks the target fits its kind', async () => {
    const r = await post(staff, '/api/summons', input({ targetOrgId: baitangGov }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ targetName: '白塘镇人民政府', regionCode: '430699101000', tasksTotal: 2, tasksOverdue: 1 });
    expect(r.json().number).toMatch(/^约谈〔2026〕\d+号$/);
    expect(r.json().tasks.map((x: { overdue: boolean }) => x.overdue)).toEqual([false, true]);
    const wrong = await post(staff, '/api/summons', input({ targetKind: 'department', targetOrgId: baitangGov }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('所选单位不是行业部门');
    expect((await post(baitang, '/api/summons', input({ targetOrgId: baitangGov }))).statusCode).toBe(403);
  });

  it('the summoned town sees it and reports a task done; another town and a department do not see it', async () => {
    const mine = (await get(baitang, '/api/summons?q=白塘')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    const s = mine.items.find((x: { targetName: string }) => x.targetName === '白塘镇人民政府');
    expect((await get(luojiang, `/api/summons/${s.id}`)).statusCode).toBe(404);
    expect((await get(dept, `/api/summons/${s.id}`)).statusCode).toBe(404);
    const detail = (await get(baitang, `/api/summons/${s.id}`)).json();
    const done = await post(baitang, `/api/summons/tasks/${detail.tasks[1].id}/done`, { note: '已于3月18日报送整改报告' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ tasksDone: 1, tasksOverdue: 0 });
    expect((await post(baitang, `/api/summons/tasks/${detail.tasks[1].id}/done`, { note: '再次' })).statusCode).toBe(409);
    const audit = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${s.id}`);
    expect(audit.n).toBe(2);
  });

  it('counts by period, target kind and reason; exports the filtered list', async () => {
    const before = (await get(staff, '/api/summons/stats?from=2026-01-01&to=2026-12-31')).json();
    await post(staff, '/api/summons', input({ targetKind: 'department', targetOrgId: zhujian, reason: 'poor_inspection', heldAt: '2026-05-06T02:00:00Z', tasks: [] }));
    const s = (await get(staff, '/api/summons/stats?from=2026-01-01&to=2026-12-31&by=quarter')).json();
    expect(s.total).toBe(before.total + 1);
    expect(s.byPeriod).toEqual(expect.arrayContaining([{ key: '2026-Q2', count: 1 }]));
    expect(s.byTargetKind).toEqual(expect.arrayContaining([{ key: 'department', label: '部门', count: 1 }]));
    expect(s.byReason.find((x: { key: string }) => x.key === 'poor_inspection')).toMatchObject({ label: '检查考核结果差' });
    expect((await get(dept, '/api/summons')).json().items.map((x: { targetName: string }) => x.targetName)).toEqual(['汨水市住房和城乡建设局']);
    const x = await get(staff, '/api/summons/export?targetKind=department&from=2026-01-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].getRow(2).getCell(4).value).toBe('汨水市住房和城乡建设局');
    expect(wb.worksheets[0].getRow(2).getCell(5).value).toBe('检查考核结果差');
  });
});
