// Scope on every route of 防灾减灾救灾 and 防汛: walked as a village officer (informant_demo, 白塘镇 枫树村 430699101201)
// and as a town (town_luojiang, 罗江镇 430699102000). Every region a list, a detail, an export or a summary returns must lie
// in the account's region; another region's records answer 404; writes outside the region are refused.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
const VILLAGE = '430699101201';
const LUOJIANG = '430699102000';
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });

/** Every region code in a JSON answer (regionCode / townCodes fields at any depth), except an event's own area list, which names where it struck. */
function codesIn(x: unknown, out: string[] = []): string[] {
  if (Array.isArray(x)) x.forEach((v) => codesIn(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'regionCode' && typeof v === 'string' && v !== '430699000000') out.push(v); // the summary's 合计 row carries the county code
      else if (k === 'townCodes' && Array.isArray(v)) out.push(...(v as string[]));
      else if (k !== 'areas') codesIn(v, out);
    }
  }
  return out;
}
/** The 12-digit codes in the first sheet of an .xlsx answer. */
async function codesInSheet(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.worksheets[0].eachRow((row, n) => { if (n > 1) (row.values as unknown[]).forEach((v) => { if (typeof v === 'string' && /^\d{12}$/.test(v)) out.push(v); }); });
  return out;
}

const LISTS = [
  '/api/disaster/informants', '/api/disaster/informants/coverage?all=true', '/api/disaster/events', '/api/disaster/reports', '/api/disaster/relief/allocations',
  '/api/disaster/relief/distributions', '/api/disaster/relief/audits', '/api/flood/facilities', '/api/flood/live', '/api/flood/batches', '/api/flood/plans', '/api/flood/responses',
];

async function walk(cookie: string, prefix: string) {
  const seen: Record<string, number> = {};
  const check = (url: string, codes: string[]) => {
    seen[url] = codes.length;
    const out = codes.filter((c) => !c.startsWith(prefix) && !prefix.startsWith(c.replace(/0+$/, '')));
    expect(out, `${url} returned regions outside ${prefix}`).toEqual([]);
  };
  for (const url of LISTS) {
    const r = await get(cookie, `${url}${url.includes('?') ? '&' : '?'}pageSize=200`);
    expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBe(200);
    check(url, codesIn(r.json()));
    for (const item of (r.json().items ?? []).slice(0, 3) as { id?: string }[]) {
      if (!item.id) continue;
      const detail = url.startsWith('/api/flood/responses') ? `${url}/${item.id}/tasks?pageSize=200` : `${url}/${item.id}`;
      const d = await get(cookie, detail);
      if (d.statusCode === 200) check(detail, codesIn(d.json()));
      if (url === '/api/disaster/events') check(`${url}/${item.id}/summary`, codesIn((await get(cookie, `${url}/${item.id}/summary`)).json()));
      if (url === '/api/flood/responses') check(`${url}/${item.id}/transfers`, codesIn((await get(cookie, `${url}/${item.id}/transfers`)).json()));
    }
  }
  for (const x of ['/api/disaster/informants/export', '/api/flood/facilities/roster.xlsx']) {
    const r = await get(cookie, x);
    expect(r.statusCode).toBe(200);
    check(x, await codesInSheet(r.rawPayload as Buffer));
  }
  return seen;
}

/** One record of each kind outside `prefix` (another town's), by id. */
async function othersOutside(prefix: string) {
  const one = async (table: string, col = 'region_code') => (await t.p.db.one<{ id: string }>(sql`select id from ${sql.id(table)} where ${sql.id(col)} not like ${prefix + '%'} order by id limit 1`)).id;
  return {
    '/api/disaster/informants': await one('disaster_informants'), '/api/disaster/reports': await one('disaster_reports'),
    '/api/disaster/relief/allocations': await one('relief_allocations'), '/api/flood/facilities': await one('flood_facilities'), '/api/flood/batches': await one('flood_inspection_batches'),
  };
}

beforeAll(async () => { t = await buildTestApp(); t.now.value = new Date('2022-06-30T08:00:00Z'); }, 600_000);
afterAll(async () => { await t.close(); });

describe('scope of the disaster and flood routes', () => {
  it('a village officer sees only their village on every list, detail, export and summary, and reports only for it', async () => {
    const c = await t.login('informant_demo');
    const seen = await walk(c, VILLAGE);
    expect(seen['/api/disaster/informants']).toBeGreaterThan(0); // the walk saw records, so the check had something to hold
    expect(seen['/api/flood/facilities']).toBeGreaterThan(0);
    for (const [url, id] of Object.entries(await othersOutside('430699101201'))) expect((await get(c, `${url}/${id}`)).statusCode, url).toBe(404);
    const event = (await get(c, '/api/disaster/events?pageSize=1')).json().items[0];
    const other = await t.as(c, { method: 'POST', url: '/api/disaster/reports', payload: { eventId: event?.id ?? '00000000-0000-7000-8000-000000000000', regionCode: '430699101202', stage: 'initial', asOf: '2022-06-30T07:00:00Z', figures: {} } });
    expect([400, 404]).toContain(other.statusCode);
    expect((await t.as(c, { method: 'POST', url: '/api/flood/responses', payload: { level: 4, townCodes: ['430699101000'], reason: '村里启动' } })).statusCode).toBe(403);
  }, 300_000);

  it('a town sees only its own region everywhere, and another town\'s records are not found', async () => {
    const c = await t.login('town_luojiang');
    const seen = await walk(c, '430699102');
    expect(seen['/api/disaster/reports']).toBeGreaterThan(0);
    expect(seen['/api/flood/batches']).toBeGreaterThan(0);
    for (const [url, id] of Object.entries(await othersOutside('430699102'))) expect((await get(c, `${url}/${id}`)).statusCode, url).toBe(404);
    expect((await t.as(c, { method: 'POST', url: '/api/flood/responses', payload: { level: 4, townCodes: ['430699101000'], reason: '越界启动' } })).statusCode).toBe(403);
    expect((await t.as(c, { method: 'POST', url: '/api/disaster/events', payload: { name: '越界事件', kind: 'flood', startedAt: '2022-06-30T06:00:00Z', areas: ['430699101000'] } })).statusCode).toBe(400);
    expect(LUOJIANG.startsWith('430699102')).toBe(true);
  }, 300_000);
});
