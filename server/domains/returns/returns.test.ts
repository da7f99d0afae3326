import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { sumField } from './directory.js';
import { scanReturns } from './reminders.js';
import { makeUnitAccount, monthlyForm } from './testing.js';

let t: TestApp;
let staff: string; let baitang: string; let luojiang: string; let dept: string;
let lead: { id: string; cookie: string; username: string }; let luoLead: { id: string; cookie: string; username: string };
let formId: string;
const code = `T${process.pid}`;

const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
let leadName = ''; let luoLeadName = '';
/** Move the clock to a day (10:00 in Shanghai) and sign everyone in again (sessions end after 12 hours). */
async function at(day: string) {
  t.now.value = new Date(`${day}T02:00:00Z`);
  [staff, baitang, luojiang, dept, lead.cookie, luoLead.cookie] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'dept_zhujian', leadName, luoLeadName].map((u) => t.login(u)));
}

/** The return of a town for a period (as the bureau sees it). */
async function returnOf(town: string, period: string) {
  const r = (await get(staff, `/api/returns?formId=${formId}&period=${period}&q=${encodeURIComponent(town)}`)).json();
  expect(r.items, JSON.stringify(r)).toHaveLength(1);
  return r.items[0] as { id: string; status: string };
}

/** Fill, submit, approve (by the leader) and accept one return. */
async function fileAndAccept(filler: string, leader: string, id: string, values: object) {
  expect((await post(filler, `/api/returns/${id}/submit`, { values })).statusCode).toBe(200);
  expect((await post(leader, `/api/returns/${id}/approve`)).statusCode).toBe(200);
  const r = await post(staff, `/api/returns/${id}/accept`, {});
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  lead = await makeUnitAccount(t, 'town_baitang', '白塘站长');
  luoLead = await makeUnitAccount(t, 'town_luojiang', '罗江站长');
  leadName = lead.username; luoLeadName = luoLead.username;
  await at('2026-02-10');
  const r = await post(staff, '/api/returns/forms', monthlyForm(code));
  expect(r.statusCode, r.body).toBe(200);
  formId = r.json().id;
  const pub = await post(staff, `/api/returns/forms/${formId}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);
});
afterAll(async () => { await t.close(); });

describe('return forms', () => {
  it('publishing opens the current month for every town station, due the 5th day after it ends', async () => {
    const list = (await get(staff, `/api/returns?formId=${formId}&period=2026-02&pageSize=100`)).json();
    const towns = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from organizations where kind = 'town_station' and not disabled`);
    expect(list.total).toBe(towns.n);
    expect(list.items[0]).toMatchObject({ status: 'not_started', dueOn: '2026-03-05', periodLabel: '2026年2月', overdue: false });
  });

  it('refuses a definition whose checks name unknown fields, and a duplicate code', async () => {
    const bad = monthlyForm(`${code}x`);
    const r = await post(staff, '/api/returns/forms', { ...bad, checks: [{ kind: 'sum', target: 'total', parts: ['a', 'zz'] }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('「zz」不是本表的数值字段');
    expect((await post(staff, '/api/returns/forms', monthlyForm(code))).statusCode).toBe(409);
    expect((await post(baitang, '/api/returns/forms', monthlyForm(`${code}y`))).statusCode).toBe(403);
  });
});

describe('filing', () => {
  it('refuses bad values with field-level messages, and a sum that does not add up', async () => {
    const { id } = await returnOf('白塘镇', '2026-02');
    const neg = await post(baitang, `/api/returns/${id}/save`, { values: { a: -1, b: 'x' } });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details.fields).toEqual([
      { field: 'a', message: '「甲项」不能为负数' }, { field: 'b', message: '「乙项」应为数字，实际为“x”' }]);
    const sum = await post(baitang, `/api/returns/${id}/submit`, { values: { a: 2, b: 3, total: 6 } });
    expect(sum.statusCode).toBe(400);
    expect(sum.json().error.details.fields).toEqual([{ field: 'total', message: '「合计」应等于 「甲项」 + 「乙项」 = 5，实际填了 6' }]);
    const missing = await post(baitang, `/api/returns/${id}/submit`, { values: { a: 2 } });
    expect(missing.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['b', 'total']);
    // A draft may be partial; nothing was written by the refusals.
    const draft = await post(baitang, `/api/returns/${id}/save`, { values: { a: 2 } });
    expect(draft.json()).toMatchObject({ status: 'draft', values: { a: 2 } });
  });

  it('needs the unit leader, not the filler, to approve; another town cannot touch it', async () => {
    const { id } = await returnOf('白塘镇', '2026-02');
    expect((await post(baitang, `/api/returns/${id}/submit`, { values: { a: 2, b: 3, total: 5 } })).json().status).toBe('pending_approval');
    const self = await post(baitang, `/api/returns/${id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('填报人不能审核');
    expect((await post(luoLead.cookie, `/api/returns/${id}/approve`)).statusCode).toBe(404);
    expect((await post(staff, `/api/returns/${id}/approve`)).statusCode).toBe(403);
    const ok = await post(lead.cookie, `/api/returns/${id}/approve`);
    expect(ok.json()).toMatchObject({ status: 'submitted', version: 1 });
    expect(ok.json().approvedByName).toContain('白塘站长');
  });

  it('sent back → corrected → resubmitted keeps every version; an accepted figure changes only by a correction with a reason', async () => {
    const { id } = await returnOf('白塘镇', '2026-02');
    expect((await post(staff, `/api/returns/${id}/send-back`, { comment: '乙项与台账不符，请核实' })).json()).toMatchObject({ status: 'returned', reviewComment: '乙项与台账不符，请核实' });
    expect((await post(baitang, `/api/returns/${id}/submit`, { values: { a: 2, b: 4, total: 6 } })).json().status).toBe('pending_approval');
    expect((await post(lead.cookie, `/api/returns/${id}/approve`)).json().version).toBe(2);
    const accepted = (await post(staff, `/api/returns/${id}/accept`, {})).json();
    expect(accepted).toMatchObject({ status: 'accepted', acceptedValues: { a: 2, b: 4, total: 6 } });
    expect((await post(baitang, `/api/returns/${id}/save`, { values: { a: 9 } })).statusCode).toBe(409);
    expect((await post(baitang, `/api/returns/${id}/correct`, { reason: '' })).statusCode).toBe(400);
    const corr = (await post(baitang, `/api/returns/${id}/correct`, { reason: '漏报一起乙项' })).json();
    expect(corr).toMatchObject({ status: 'draft', correctionReason: '漏报一起乙项', acceptedValues: { total: 6 } });
    const final = await fileAndAccept(baitang, lead.cookie, id, { a: 2, b: 5, total: 7 });
    expect(final).toMatchObject({ version: 3, acceptedValues: { total: 7 }, correctionReason: null });
    const versions = final.events.filter((e: { version: number | null }) => e.version !== null);
    expect(versions.map((e: { version: number; values: { total: number } }) => [e.version, e.values.total])).toEqual([[1, 5], [2, 6], [3, 7]]);
    expect(final.events.map((e: { action: string }) => e.action)).toEqual(
      ['save', 'submit', 'approve', 'send_back', 'submit', 'approve', 'accept', 'correct', 'submit', 'approve', 'accept']);
    const trail = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${id} and action like 'returns.%'`);
    expect(trail.n).toBe(11);
  });

  it('warns, without refusing, when a figure jumps more than the set percentage from the previous period', async () => {
    await at('2026-03-02');
    await scanReturns(t.p);
    const { id } = await returnOf('白塘镇', '2026-03');
    const r = (await post(baitang, `/api/returns/${id}/save`, { values: { a: 2, b: 20, total: 22 } })).json();
    expect(r.status).toBe('draft');
    expect(r.previous).toMatchObject({ b: 5 });
    expect(r.warnings).toEqual([{ field: 'b', message: '「乙项」比上期（5起）增加 300%，超过 50%，请核实' },
      { field: 'total', message: '「合计」比上期（7起）增加 214%，超过 50%，请核实' }]);
  });

  it('fills from the form\'s own Excel template', async () => {
    const { id } = await returnOf('罗江镇', '2026-03');
    const tpl = await get(luojiang, `/api/returns/${id}/template`);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '甲项（起）*', '乙项（起）*', '合计（起）*', '说明']);
    ws.getRow(2).values = [1, 1, 'x'];
    const send = async () => {
      const b = `----r${Date.now()}`;
      const body = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="f.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        Buffer.from(await wb.xlsx.writeBuffer()), Buffer.from(`\r\n--${b}--\r\n`)]);
      return t.as(luojiang, { method: 'POST', url: `/api/returns/${id}/upload`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
    };
    const bad = await send();
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('「合计（起）」应为整数');
    ws.getRow(2).values = [1, 1, 2, '上传'];
    const ok = await send();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'draft', values: { a: 1, b: 1, total: 2, note: '上传' } });
  });
});

describe('reminders', () => {
  it('writes reminders to the outbox on the form\'s days before and after the due day, once each', async () => {
    // 2026-03 is due 2026-04-05: reminders 3 days before (04-02) and 1 and 3 days after (04-06, 04-08).
    const sent = async (day: string) => {
      await at(day);
      const before = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link like '/returns/mine/%' and body like ${`%测试月报${code}%`}`);
      await scanReturns(t.p);
      const after = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link like '/returns/mine/%' and body like ${`%测试月报${code}%`}`);
      return after.n - before.n;
    };
    expect(await sent('2026-04-01')).toBe(0);
    const baitangId = (await returnOf('白塘镇', '2026-03')).id;
    expect(await sent('2026-04-02')).toBeGreaterThan(0);
    const toBaitang = await t.p.db.query<{ body: string; title: string; account_id: string }>(sql`select n.body, n.title, n.account_id from notifications n
      where n.link = ${`/returns/mine/${baitangId}`} and n.channel = 'inapp'`);
    expect(toBaitang.map((n) => n.account_id)).toContain(lead.id);
    expect(toBaitang[0].body).toMatch(/还有 3 天到期/);
    expect(await sent('2026-04-02')).toBe(0);
    expect(await sent('2026-04-04')).toBe(0);
    expect(await sent('2026-04-06')).toBeGreaterThan(0);
    const overdue = await t.p.db.one<{ title: string; body: string }>(sql`select title, body from notifications where link = ${`/returns/mine/${baitangId}`}
      and channel = 'inapp' and title = '报表逾期催报' limit 1`);
    expect(overdue.body).toMatch(/已逾期 1 天/);
    expect(await sent('2026-04-07')).toBe(0);
    // A filed return is not chased: 白塘 files before the 3rd day after.
    await fileAndAccept(baitang, lead.cookie, baitangId, { a: 2, b: 20, total: 22 });
    const chased = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link = ${`/returns/mine/${baitangId}`} and title = '报表逾期催报'`)).n;
    const before = await chased();
    expect(await sent('2026-04-08')).toBeGreaterThan(0);
    expect(await chased()).toBe(before);
    const late = (await get(staff, `/api/returns?formId=${formId}&period=2026-03&overdue=true&pageSize=100`)).json();
    expect(late.items.every((r: { overdue: boolean; lateDays: number }) => r.overdue && r.lateDays === 3)).toBe(true);
    expect(late.items.map((r: { unitName: string }) => r.unitName)).not.toContain('白塘镇应急管理站');
  });
});

describe('aggregation and scope', () => {
  it('totals by region and period with 环比, each figure linking to the returns behind it', async () => {
    const luo = await returnOf('罗江镇', '2026-03');
    await fileAndAccept(luojiang, luoLead.cookie, luo.id, { a: 1, b: 1, total: 2 });
    const byRegion = (await get(staff, `/api/returns/aggregate?formId=${formId}&from=2026-03&to=2026-03&groupBy=region`)).json();
    expect(byRegion.rows.map((r: { label: string; sums: { total: number } }) => [r.label, r.sums.total])).toEqual([['白塘镇', 22], ['罗江镇', 2]]);
    expect(byRegion.total).toMatchObject({ returns: 2, sums: { a: 3, b: 21, total: 24 } });
    const byPeriod = (await get(staff, `/api/returns/aggregate?formId=${formId}&from=2026-02&to=2026-03`)).json();
    expect(byPeriod.rows.map((r: { key: string; sums: { total: number }; previous: { total: number | null } }) => [r.key, r.sums.total, r.previous.total]))
      .toEqual([['2026-02', 7, null], ['2026-03', 24, 7]]);
    const ids = byPeriod.rows[1].returnIds as string[];
    const behind = (await get(staff, `/api/returns?ids=${ids.join(',')}`)).json();
    expect(behind.items.map((r: { id: string }) => r.id).sort()).toEqual([...ids].sort());
    const sum = await sumField(t.p.db, code, 'total', { from: '2026-02', to: '2026-03' }, '430699');
    expect(sum).toMatchObject({ total: 31, label: '合计', unit: '起' });
    expect(sum.returnIds).toHaveLength(3);
    const oneTown = await sumField(t.p.db, code, 'total', '2026-03', byRegion.rows[1].key);
    expect(oneTown.total).toBe(2);
    const xlsx = await get(staff, `/api/returns/aggregate/export?formId=${formId}&from=2026-02&to=2026-03`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].getRow(4).values).toEqual(expect.arrayContaining(['合计', 3, 31]));
    expect((await get(staff, `/api/returns/aggregate?formId=${formId}&from=2026-03&to=2026-01`)).statusCode).toBe(400);
  });

  it('a town sees and files only its own returns, a department none of the towns\', the bureau all', async () => {
    const mine = (await get(baitang, `/api/returns?formId=${formId}`)).json();
    const periods = (await get(staff, `/api/returns/forms/${formId}/periods`)).json();
    expect(periods.map((p: { period: string }) => p.period)).toEqual(['2026-04', '2026-03', '2026-02']);
    expect(mine.total).toBe(periods.length);
    expect(mine.items.every((r: { unitName: string }) => r.unitName === '白塘镇应急管理站')).toBe(true);
    expect((await get(dept, `/api/returns?formId=${formId}`)).json().total).toBe(0);
    const luo = await returnOf('罗江镇', '2026-02');
    expect((await get(baitang, `/api/returns/${luo.id}`)).statusCode).toBe(404);
    expect((await post(baitang, `/api/returns/${luo.id}/save`, { values: { a: 1 } })).statusCode).toBe(404);
    const agg = (await get(baitang, `/api/returns/aggregate?formId=${formId}&from=2026-03&to=2026-03&groupBy=unit`)).json();
    expect(agg.rows.map((r: { label: string }) => r.label)).toEqual(['白塘镇应急管理站']);
    const progress = (await get(staff, `/api/returns/forms/${formId}/progress?period=2026-03`)).json();
    expect(progress.byStatus.accepted).toBe(2);
    expect(progress.overdue).toBe(progress.total - 2);
  });

  it('a form changed after filing gets a new version; filed returns keep theirs', async () => {
    const def = monthlyForm(code);
    const r = await t.as(staff, { method: 'PUT', url: `/api/returns/forms/${formId}`, payload: { ...def, fields: [...def.fields, { key: 'c', label: '丙项', type: 'number', unit: '万元', min: 0 }] } });
    expect(r.json().version).toBe(2);
    const filed = (await get(staff, `/api/returns/${(await returnOf('白塘镇', '2026-03')).id}`)).json();
    expect(filed.formVersion).toBe(1);
    expect(filed.fields.map((f: { key: string }) => f.key)).not.toContain('c');
  });
});
