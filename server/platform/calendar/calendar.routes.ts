// /api/calendar: the working-day calendar (holidays and adjusted workdays) and a due-date helper.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { sql } from '../db/sql.js';
import { badRequest } from '../http/errors.js';
import { addWorkingDays, isWeekend } from './calendar.js';

const tags = ['系统管理 system'];
const Day = Type.String({ format: 'date' });
const CalendarDay = Type.Object({ day: Day, isWorkday: Type.Boolean(), note: Type.Union([Type.String(), Type.Null()]) });

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/calendar', {
    schema: { tags, summary: '工作日历：某年的法定节假日与调休上班日（未列出的日子：周一至周五为工作日）', querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      response: { 200: Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) }) } },
  }, async (req) => {
    const rows = await req.ctx.db.query<{ day: string; is_workday: boolean; note: string | null }>(sql`select day::text as day, is_workday, note
      from calendar_days where day >= make_date(${req.query.year}::int, 1, 1) and day < make_date(${req.query.year}::int + 1, 1, 1) order by day`);
    return { year: req.query.year, days: rows.map((r) => ({ day: r.day, isWorkday: r.is_workday, note: r.note })) };
  });

  app.get('/api/calendar/working-days', {
    schema: { tags, summary: '自某日起第 N 个工作日（不含当日）', querystring: Type.Object({ from: Day, days: Type.Integer({ minimum: 0, maximum: 366 }) }),
      response: { 200: Type.Object({ from: Day, days: Type.Integer(), due: Day }) } },
  }, async (req) => ({ from: req.query.from, days: req.query.days, due: await addWorkingDays(req.ctx.db, req.query.from, req.query.days) }));

  app.put('/api/calendar/days', {
    config: { permission: 'system:admin' },
    schema: { tags, summary: '设置某日为节假日或调休上班日（依国务院办公厅节假日安排通知）', body: Type.Object({ day: Day, isWorkday: Type.Boolean(), note: Type.String({ minLength: 2, maxLength: 200 }) }),
      response: { 200: CalendarDay, 400: ErrorBody } },
  }, async (req) => {
    const { day, isWorkday, note } = req.body;
    if (isWorkday === !isWeekend(day)) throw badRequest(`${day} 按周一至周五的常规已是${isWorkday ? '工作日' : '休息日'}，无需设置`, 'Already so by default');
    await req.ctx.db.tx(async (tx) => {
      const before = await tx.maybeOne(sql`select is_workday, note from calendar_days where day = ${day}::date`);
      await tx.execute(sql`insert into calendar_days (day, is_workday, note) values (${day}::date, ${isWorkday}, ${note})
        on conflict (day) do update set is_workday = excluded.is_workday, note = excluded.note`);
      await req.ctx.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'calendar.set', entityType: 'calendar_day', entityId: day, before: before ?? null, after: req.body });
    });
    return { day, isWorkday, note };
  });
};
