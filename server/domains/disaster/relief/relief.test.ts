// 救灾资金: shares never exceed allocations, payments never exceed shares, ID numbers checked and masked (full number
// audited), the 专项督查 sample reproducible from its seed at the chosen rate, findings by town, and scope.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ricCheckChar } from '../../../platform/codes/ric.js';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { drawSample, sampleSize } from './sample.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let informant: string;
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object) => t.as(c, { method: 'POST', url, payload });
const P = '/api/disaster/relief';
/** A valid 居民身份证号码 for the n-th test household. */
const ric = (n: number) => { const f = `4306991980${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0')}`; return f + ricCheckChar(f); };
let county: string; let baitangShare: string; let deptShare: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-07-01T02:00:00Z');
  [staff, baitang, luojiang, informant] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'informant_demo'].map((u) => t.login(u)));
}, 600_000); // cloning the database is slow when the shared machine is busy
afterAll(async () => { await t.close(); });

const pay = (c: string, o: object) => post(c, `${P}/distributions`, { allocationId: baitangShare, regionCode: '430699101201', name: '张桂兰', idNumber: ric(1), amount: 500, paidOn: '2026-06-28', method: 'signature', ...o });

describe('relief funds (救灾资金)', () => {
  it('the county allocates and shares it out to towns and departments, never beyond the allocation', async () => {
    expect((await post(baitang, `${P}/allocations`, { purpose: 'emergency_living', amount: 1000, allocatedOn: '2026-06-25' })).statusCode).toBe(403);
    const a = await post(staff, `${P}/allocations`, { purpose: 'emergency_living', amount: 100000, allocatedOn: '2026-06-25', note: '测试应急生活救助资金' });
    expect(a.statusCode, a.body).toBe(200);
    county = a.json().id;
    const s = await post(staff, `${P}/allocations`, { parentId: county, regionCode: '430699101000', purpose: 'emergency_living', amount: 30000, allocatedOn: '2026-06-26' });
    expect(s.json()).toMatchObject({ recipient: '白塘镇', amount: 30000 });
    baitangShare = s.json().id;
    const over = await post(staff, `${P}/allocations`, { parentId: county, regionCode: '430699102000', purpose: 'emergency_living', amount: 80000, allocatedOn: '2026-06-26' });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe('分配金额 80000 元超过该笔资金尚未分配的 70000 元');
    const dept = (await t.p.db.one<{ id: string }>(sql`select id from organizations where kind = 'department' order by name limit 1`)).id;
    deptShare = (await post(staff, `${P}/allocations`, { parentId: county, orgId: dept, purpose: 'emergency_living', amount: 20000, allocatedOn: '2026-06-26' })).json().id;
    expect((await get(staff, `${P}/allocations/${county}`)).json()).toMatchObject({ allocatedDown: 50000 });
    expect((await get(baitang, `${P}/allocations/${baitangShare}`)).statusCode).toBe(200);
    expect((await get(luojiang, `${P}/allocations/${baitangShare}`)).statusCode).toBe(404);
  });

  it('pays a household with a valid ID number, masked in lists; refuses bad check digits, duplicates, overspending and other towns\' villages', async () => {
    const bad = ric(1).slice(0, 17) + (ric(1)[17] === '0' ? '1' : '0');
    const wrong = await pay(baitang, { idNumber: bad });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/^身份证号码第 18 位校验码应为/);
    const ok = await pay(baitang, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().idNumber).toBe(`430699********${ric(1).slice(14)}`);
    expect((await pay(baitang, {})).statusCode).toBe(409);
    expect((await pay(baitang, { idNumber: ric(2), amount: 29600 })).json().error.message).toBe('发放金额 29600 元超过该笔资金余额 29500 元');
    expect((await pay(baitang, { idNumber: ric(3), regionCode: '430699102201' })).statusCode).toBe(400);
    expect((await pay(baitang, { idNumber: ric(3), method: 'bank' })).json().error.message).toBe('一卡通转账请填写转账流水号或账号尾号');
    expect((await pay(luojiang, { idNumber: ric(3) })).statusCode).toBe(404);
    const list = (await get(baitang, `${P}/distributions?allocationId=${baitangShare}`)).json();
    expect(list.items.every((d: { idNumber: string }) => d.idNumber.includes('********'))).toBe(true);
    expect((await get(luojiang, `${P}/distributions?allocationId=${baitangShare}`)).json().total).toBe(0);
    // The full number: the town may see it, and the view is audited; a village officer may not.
    const id = ok.json().id;
    expect((await get(informant, `${P}/distributions/${id}/id-number`)).statusCode).toBe(403);
    expect((await get(baitang, `${P}/distributions/${id}/id-number`)).json().idNumber).toBe(ric(1));
    const seen = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action = 'relief.id.reveal'`);
    expect(seen.n).toBe(1);
    // The household roster exports with the list's filters, ID numbers masked as in the list.
    const x = await get(baitang, `${P}/distributions/export?allocationId=${baitangShare}`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.actualRowCount).toBe(list.total + 1);
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(['张桂兰', `430699********${ric(1).slice(14)}`, '现金签领']));
  });

  it('draws the audit sample at the rate per town and department, reproducibly from the published seed; records findings by town', async () => {
    for (let i = 10; i < 29; i++) expect((await pay(staff, { idNumber: ric(i), name: `测试户${i}`, amount: 300 })).statusCode).toBe(200);
    for (let i = 30; i < 40; i++) expect((await pay(staff, { allocationId: deptShare, idNumber: ric(i), name: `部门户${i}`, amount: 400 })).statusCode).toBe(200);
    expect((await post(baitang, `${P}/audits`, { allocationId: county, name: '越权', seed: '20260701-12345', ratePercent: 20 })).statusCode).toBe(403);
    const first = await post(staff, `${P}/audits`, { allocationId: county, name: '2026年救灾资金专项督查', seed: '20260701-12345', ratePercent: 20 });
    expect(first.statusCode, first.body).toBe(200);
    const a = first.json();
    expect(a).toMatchObject({ population: 30, sampleSize: sampleSize(20, 20) + sampleSize(10, 20), algorithm: 'yingji-relief-sample-v1' });
    expect(a.sampleSize).toBe(6);
    expect(a.byRecipient.find((r: { recipient: string }) => r.recipient === '白塘镇')).toMatchObject({ population: 20, sampled: 4 });
    const again = (await post(staff, `${P}/audits`, { allocationId: county, name: '复算', seed: '20260701-12345', ratePercent: 20 })).json();
    expect(again.checks.map((c: { distributionId: string }) => c.distributionId)).toEqual(a.checks.map((c: { distributionId: string }) => c.distributionId));
    const pool = await t.p.db.query<{ id: string; unit: string }>(sql`select d.id, d.allocation_id as unit from relief_distributions d where d.allocation_id in (${baitangShare}, ${deptShare})`);
    expect(drawSample('20260701-12345', 20, pool).map((d) => d.distributionId)).toEqual(a.checks.map((c: { distributionId: string }) => c.distributionId));
    const other = (await post(staff, `${P}/audits`, { allocationId: county, name: '另一种子', seed: '20260702-99999', ratePercent: 50 })).json();
    expect(other.sampleSize).toBe(15);
    expect(new Set(a.checks.map((c: { method: string }) => c.method))).toEqual(new Set(['home', 'phone']));
    const target = a.checks.find((c: { recipient: string }) => c.recipient === '白塘镇');
    const url = `${P}/audits/${a.id}/checks/${target.distributionId}`;
    expect((await post(staff, url, { outcome: 'discrepancy' })).statusCode).toBe(400);
    const done = (await post(staff, url, { outcome: 'discrepancy', finding: '户主称实际领到 200 元' })).json();
    expect(done.byRecipient.find((r: { recipient: string }) => r.recipient === '白塘镇')).toMatchObject({ checked: 1, discrepancies: 1, findings: [expect.stringContaining('户主称实际领到 200 元')] });
    expect((await get(luojiang, `${P}/audits/${a.id}`)).statusCode).toBe(404);
    // The findings by town and department as a Word report: the same figures, each problem, what is still unchecked.
    const w = await get(staff, `${P}/audits/${a.id}/report.docx`);
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toContain('wordprocessingml');
    const text = (await (await JSZip.loadAsync(w.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const x of ['2026年救灾资金专项督查情况报告', '20260701-12345', '发放 30 户，抽查 6 户', '按乡镇（部门）汇总', '户主称实际领到 200 元', '尚未核查', '白塘镇 3 户']) expect(text).toContain(x);
    expect(text).not.toContain(ric(1).slice(6, 14)); // no birth dates of ID numbers in the report
    expect((await get(luojiang, `${P}/audits/${a.id}/report.docx`)).statusCode).toBe(404);
  }, 300_000); // 29 payments and three draws: minutes when the shared machine is busy
});
