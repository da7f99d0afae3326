import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { addWorkingDays } from './calendar.js';

let t: TestApp; let admin: string; let officer: string;
beforeAll(async () => { t = await buildTestApp(); admin = await t.login('admin'); officer = await t.login('officer'); });
afterAll(async () => { await t.close(); });

const year = async (cookie: string, y: number) => (await t.as(cookie, { method: 'GET', url: `/api/calendar?year=${y}` })).json() as
  { days: { day: string; isWorkday: boolean; note: string | null; assumed: boolean }[] };

// 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）, day by day.
const HOLIDAYS_2026 = ['2026-01-01', '2026-01-02', '2026-01-03', ...Array.from({ length: 9 }, (_, i) => `2026-02-${String(15 + i).padStart(2, '0')}`),
  '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-06-19', '2026-06-20', '2026-06-21',
  '2026-09-25', '2026-09-26', '2026-09-27', ...Array.from({ length: 7 }, (_, i) => `2026-10-0${1 + i}`)];
const WORKED_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('the working-day calendar', () => {
  it('holds the 2026 notice exactly, checked, and 2027 marked as assumed', async () => {
    const y26 = await year(officer, 2026);
    expect(y26.days.filter((d) => !d.isWorkday).map((d) => d.day).sort()).toEqual([...HOLIDAYS_2026].sort());
    expect(y26.days.filter((d) => d.isWorkday).map((d) => d.day).sort()).toEqual(WORKED_2026);
    expect(y26.days.every((d) => !d.assumed && d.note!.includes('2025年11月4日'))).toBe(true);
    const y27 = await year(officer, 2027);
    expect(y27.days.length).toBeGreaterThan(20);
    expect(y27.days.every((d) => d.assumed)).toBe(true);
  });

  it('lets an administrator correct an assumed day, audited, and refuses others', async () => {
    expect((await t.as(officer, { method: 'DELETE', url: '/api/calendar/days/2027-02-12' })).statusCode).toBe(403);
    expect((await t.as(officer, { method: 'PUT', url: '/api/calendar/days', payload: { day: '2027-02-20', isWorkday: true, note: '春节调休上班' } })).statusCode).toBe(403);
    // Suppose the 2027 notice ends 春节 on 11 Feb and has 20 Feb (Saturday) worked.
    const del = await t.as(admin, { method: 'DELETE', url: '/api/calendar/days/2027-02-12' });
    expect(del.statusCode, del.body).toBe(200);
    expect(del.json()).toEqual({ day: '2027-02-12', isWorkday: true });
    const put = await t.as(admin, { method: 'PUT', url: '/api/calendar/days', payload: { day: '2027-02-20', isWorkday: true, note: '春节调休上班（国务院办公厅关于2027年部分节假日安排的通知）' } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ assumed: false, isWorkday: true });
    expect(await addWorkingDays(t.p.db, '2027-02-11', 1)).toBe('2027-02-12');
    expect((await t.as(admin, { method: 'DELETE', url: '/api/calendar/days/2027-02-12' })).statusCode).toBe(404);
    const trail = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_type = 'calendar_day' and entity_id in ('2027-02-12', '2027-02-20') order by seq`);
    expect(trail.map((r) => r.action)).toEqual(['calendar.reset', 'calendar.set']);
  });
});
