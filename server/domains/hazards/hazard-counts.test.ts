// The hazard tallies kept by triggers (0102) against the table itself, after every kind of write; and every count the
// tallies answer against counting the table, for each kind of viewer and filter, on days around a month's start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataScope } from '../../platform/auth/actor.js';
import { countRows } from '../../platform/db/count.js';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { countFromTallies, countHazards, kept, openTallyFromTallies, recount } from './hazard-counts.store.js';
import { filterSql, type HazardFilter } from './hazards.filter.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

const db = () => t.p.db;
async function expectTalliesHold() {
  const [byStatus, byMonth, byFound] = await kept(db());
  const [wantStatus, wantMonth, wantFound] = await recount(db());
  expect(byStatus).toEqual(wantStatus);
  expect(byMonth).toEqual(wantMonth);
  expect(byFound).toEqual(wantFound);
}
const tableCount = async (viewer: DataScope, f: HazardFilter, today: string) =>
  (await countRows(db(), sql`hazards h where ${filterSql(viewer, f, today)}`)).total;

describe('the tallies follow every write to hazards', () => {
  it('hold for the demo county as loaded', async () => {
    expect((await db().query(sql`select 1 from hazards limit 1`)).length).toBe(1);
    await expectTalliesHold();
  });

  it('hold after a bulk insert, bulk moves of status, deadline, level, supervision and place, and deletes', async () => {
    // Copies of the demo's hazards with new ids and numbers, in one statement.
    await db().execute(sql`insert into hazards (id, number, enterprise_id, enterprise_name, region_code, place_name, title, found_at, found_by,
        reported_by, source, level, major_basis, status, deadline, supervise_level)
      select gen_random_uuid(), 'T-' || number, enterprise_id, enterprise_name, region_code, place_name, title, found_at - interval '17 days', found_by,
        reported_by, source, level, major_basis, status, deadline, supervise_level from hazards`);
    await expectTalliesHold();
    await db().execute(sql`update hazards set status = 'rectifying', deadline = coalesce(deadline, '2026-03-15') - 40 where number like 'T-%' and status = 'pending'`);
    await expectTalliesHold();
    await db().execute(sql`update hazards set level = 'major', major_basis = '测试', supervise_level = 'county' where number like 'T-%' and status = 'rectifying'`);
    await expectTalliesHold();
    await db().execute(sql`update hazards set region_code = (select code from regions where code like '430699%' and length(rtrim(code, '0')) > 6 order by code desc limit 1)
      where number like 'T-%' and level = 'general'`);
    await expectTalliesHold();
    await db().execute(sql`update hazards set found_at = found_at + interval '9 hours' where number like 'T-%'`); // crosses a day for some
    await expectTalliesHold();
    await db().execute(sql`update hazards set title = title || '（复核）' where number like 'T-%'`); // keys unchanged: nothing to write
    await expectTalliesHold();
    await db().execute(sql`update hazards set status = 'closed', closed_at = now() where number like 'T-%' and status = 'rectifying'`);
    await expectTalliesHold();
    await db().execute(sql`delete from hazards where number like 'T-%' and status <> 'closed'`);
    await expectTalliesHold();
  });

  it('hold after hazards reported and moved through the API', async () => {
    t.now.value = new Date('2026-06-10T02:00:00Z');
    const ent = await t.login('ent_demo');
    const r = await t.as(ent, { method: 'POST', url: '/api/hazards', payload: { title: '配电箱未接地', source: 'self_check', level: 'general' } });
    expect(r.statusCode, r.body).toBe(200);
    await expectTalliesHold();
    const staff = await t.login('staff');
    const a = await t.as(staff, { method: 'POST', url: `/api/hazards/${r.json().id}/assign`,
      payload: { responsiblePerson: '赵工', measures: '重新接地并检测', deadline: '2026-06-20' } });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().status).toBe('rectifying');
    await expectTalliesHold();
    // Overdue from the 21st: counted from the tallies' tail (due this month) and then, next month, from the tallies.
    for (const day of ['2026-06-20', '2026-06-21', '2026-07-01']) {
      expect(await countFromTallies(db(), { kind: 'all' }, { overdue: true }, day)).toBe(await tableCount({ kind: 'all' }, { overdue: true }, day));
    }
  });
});

describe('counts from the tallies equal counting the table', () => {
  const viewers: DataScope[] = [
    { kind: 'all' },
    { kind: 'region', regionCode: '430699000000' },
    { kind: 'region', regionCode: '430000000000' },
    { kind: 'region', regionCode: '430600000000' },
  ];
  const filters: HazardFilter[] = [
    {}, { open: true }, { open: false }, { overdue: true }, { overdue: false }, { level: 'major', open: true },
    { level: 'major', open: true, supervised: true }, { status: 'rectifying', overdue: true }, { status: 'review' }, { status: 'pending', overdue: false },
    { supervised: false, level: 'general' }, { regionCode: '430699000000', overdue: true }, { regionCode: '430699000000', open: true },
    { from: '2022-01-01', to: '2022-06-30' }, { from: '2022-06-21' }, { to: '2022-03-31' }, { regionCode: '430699000000', from: '2022-01-01', to: '2026-12-31' },
  ];
  // The first of a month, the day after, mid-month and the last of a month: the overdue tail is "since the month began".
  const days = ['2022-07-01', '2022-07-02', '2022-06-15', '2022-06-30', '2026-11-30'];

  it('for every viewer over a county or more, filter and day', async () => {
    let answered = 0;
    for (const viewer of viewers) for (const f of filters) for (const today of days) {
      const n = await countFromTallies(db(), viewer, f, today);
      expect(n, JSON.stringify({ viewer, f, today })).not.toBeNull();
      expect(n, JSON.stringify({ viewer, f, today })).toBe(await tableCount(viewer, f, today));
      answered++;
    }
    expect(answered).toBe(viewers.length * filters.length * days.length);
  });

  it('the dashboard\'s open tally too', async () => {
    for (const viewer of viewers) for (const today of days) {
      const t1 = await openTallyFromTallies(db(), viewer, undefined, today);
      expect(t1).toEqual({
        open: await tableCount(viewer, { open: true }, today),
        overdue: await tableCount(viewer, { overdue: true }, today),
        major_open: await tableCount(viewer, { open: true, level: 'major' }, today),
        major_supervised: await tableCount(viewer, { open: true, level: 'major', supervised: true }, today),
      });
    }
  });

  it('leaves what they cannot answer to the table: a town, an enterprise, a search, a sector', async () => {
    const town = { kind: 'region', regionCode: '430699101000' } as const;
    expect(await countFromTallies(db(), town, {}, '2022-07-01')).toBeNull();
    expect(await countFromTallies(db(), { kind: 'all' }, { regionCode: '430699101000' }, '2022-07-01')).toBeNull();
    expect(await countFromTallies(db(), { kind: 'enterprise', enterpriseId: '00000000-0000-0000-0000-000000000000' }, {}, '2022-07-01')).toBeNull();
    expect(await countFromTallies(db(), { kind: 'all' }, { q: '报警器' }, '2022-07-01')).toBeNull();
    expect(await countFromTallies(db(), { kind: 'all' }, { sector: 'hazchem', open: true }, '2022-07-01')).toBeNull();
    expect(await countFromTallies(db(), { kind: 'all' }, { from: '2022-01-01', open: true }, '2022-07-01')).toBeNull();
    // What the tallies answer is exact whatever the cap…
    const open = await tableCount({ kind: 'all' }, { open: true }, '2022-07-01');
    expect(open).toBeGreaterThan(3);
    expect(await countHazards(db(), { kind: 'all' }, { open: true }, '2022-07-01', 3)).toEqual({ total: open, capped: false });
    // …and countHazards counts the rest over the table, exactly or up to a cap.
    const exact = await tableCount(town, {}, '2022-07-01');
    expect(exact).toBeGreaterThan(3);
    expect(await countHazards(db(), town, {}, '2022-07-01')).toEqual({ total: exact, capped: false });
    expect(await countHazards(db(), town, {}, '2022-07-01', 3)).toEqual({ total: 3, capped: true });
    expect(await countHazards(db(), town, {}, '2022-07-01', exact)).toEqual({ total: exact, capped: false });
  });
});

describe('the ledger\'s total', () => {
  it('is exact from the tallies, counted up to the cap otherwise, and exact when asked', async () => {
    const staff = await t.login('staff');
    const all = await t.as(staff, { method: 'GET', url: '/api/hazards?open=true&pageSize=5' });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(await tableCount({ kind: 'all' }, { open: true }, '2026-06-10'));
    expect(all.json().totalCapped).toBeUndefined();
    const search = await t.as(staff, { method: 'GET', url: `/api/hazards?q=${encodeURIComponent('隐患')}&pageSize=5` });
    const exact = await t.as(staff, { method: 'GET', url: `/api/hazards?q=${encodeURIComponent('隐患')}&pageSize=5&exactTotal=true` });
    expect(search.json().total).toBe(exact.json().total);
    expect(search.json().items).toEqual(exact.json().items);
    // Past the last page: no rows to carry the total, which is then read alone.
    const past = await t.as(staff, { method: 'GET', url: '/api/hazards?open=true&page=9999' });
    expect(past.json()).toMatchObject({ items: [], total: all.json().total, page: 9999 });
    const pastSearch = await t.as(staff, { method: 'GET', url: `/api/hazards?q=${encodeURIComponent('隐患')}&page=9999` });
    expect(pastSearch.json()).toMatchObject({ items: [], total: exact.json().total });
    const none = await t.as(staff, { method: 'GET', url: `/api/hazards?q=${encodeURIComponent('没有这样的隐患标题')}` });
    expect(none.json()).toMatchObject({ items: [], total: 0 });
  });
});
