// The demo county's returns reproduce the half-year report's figures through the same reads the analytics use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { sumField } from './directory.js';

let t: TestApp; let staff: string;
beforeAll(async () => { t = await buildTestApp(); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

const H1 = (y: number) => ({ from: `${y}-01`, to: `${y}-06` });

describe('demo returns (报表填报)', () => {
  it('查处交通违法行为 10992 起; road accidents and deaths both down on the same period of 2021', async () => {
    expect((await sumField(t.p.db, 'JJ-WF', 'total', H1(2022))).total).toBe(10992);
    const [a21, a22, d21, d22] = await Promise.all([sumField(t.p.db, 'JJ-SG', 'accidents', H1(2021)), sumField(t.p.db, 'JJ-SG', 'accidents', H1(2022)),
      sumField(t.p.db, 'JJ-SG', 'deaths', H1(2021)), sumField(t.p.db, 'JJ-SG', 'deaths', H1(2022))]);
    expect(a22.total).toBeLessThan(a21.total);
    expect(d22.total).toBeLessThan(d21.total);
    expect(a22.returnIds).toHaveLength(6);
  });

  it('烟花爆竹打非, 防汛自查, 宣传 and 短信 tallies as the report states', async () => {
    const f = async (code: string, key: string, p: string | { from: string; to: string }) => (await sumField(t.p.db, code, key, p)).total;
    expect(await Promise.all(['shops', 'illegal', 'vehicles', 'firecrackers', 'fireworks', 'detained'].map((k) => f('YH-DF', k, '2022-YHDF'))))
      .toEqual([1865, 94, 1, 2865, 648, 3]);
    expect(await Promise.all(['batches', 'hazards', 'fixed'].map((k) => f('FX-ZC', k, H1(2022))))).toEqual([57, 50, 19]);
    expect(await f('XC-CL', 'vans', '2022-H1')).toBe(500);
    expect(await f('XC-CL', 'slogans', '2022-H1')).toBeGreaterThan(2000);
    expect(await f('XC-CL', 'brochures', '2022-H1')).toBeGreaterThan(19000);
    expect(await f('GX-DX', 'total', '2022-H1')).toBeGreaterThan(100000);
  });

  it('shows late and sent-back returns, a corrected return with its versions, and the 4 towns summoned', async () => {
    const forms = (await t.as(staff, { method: 'GET', url: '/api/returns/forms?q=FX-ZC' })).json();
    const fx = forms.items[0].id;
    const july = (await t.as(staff, { method: 'GET', url: `/api/returns/forms/${fx}/progress?period=2022-07` })).json();
    expect(july.byStatus).toMatchObject({ returned: 1, pending_approval: 1, draft: 1, not_started: 2 });
    expect(july.overdue).toBe(4);
    const late = (await t.as(staff, { method: 'GET', url: `/api/returns?formId=${fx}&period=2022-06` })).json();
    expect(late.items.filter((r: { lateDays: number }) => r.lateDays > 0)).toHaveLength(3);
    const jj = (await t.as(staff, { method: 'GET', url: '/api/returns?q=道路交通违法&period=2022-03' })).json().items[0];
    const detail = (await t.as(staff, { method: 'GET', url: `/api/returns/${jj.id}` })).json();
    expect(detail.version).toBe(2);
    expect(detail.events.filter((e: { version: number | null }) => e.version).map((e: { values: { total: number } }) => e.values.total)).toEqual([1890, 1902]);
    const s = (await t.as(staff, { method: 'GET', url: '/api/summons/stats?from=2022-01-01&to=2022-06-30' })).json();
    expect(s.byTargetKind).toEqual([{ key: 'town', label: '乡镇', count: 4 }]);
    expect(s.byReason).toEqual([{ key: 'accidents', label: '事故多发', count: 4 }]);
    // A town's filler and its leader sign in (demo accounts), and the town sees only its own returns.
    const lead = await t.login('town_baitang_lead');
    const mine = (await t.as(lead, { method: 'GET', url: '/api/returns?pageSize=200' })).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((r: { unitName: string }) => r.unitName))).toEqual(new Set(['白塘镇应急管理站']));
  });
});
