// /api/calendar: the working-day calendar (holidays and adjusted workdays) and a due-date helper.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../contracts/common.js';
import { sql } from '../db/sql.js';
import { badRequest, notFound } from '../http/errors.js';
import { addWorkingDays, isWeekend } from './calendar.js';

const tags = ['系统管理 system'];
const Day = Type.String({ format: 'date' });
const CalendarDay = Type.Object({ day: Day, isWorkday: Type.Boolean(), note: Type.Union([Type.String(), Type.Null()]),
  assumed: Type.Boolean({ description: '推定：国务院尚未公布该年安排，按法定节日推定，公布后请核对' }) });
/** A row is assumed (推定) until the year's State Council notice is checked; its note says so. */
const present = (r: { day: string; is_workday: boolean; note: string | null }) => ({ day: r.day, isWorkday: r.is_workday, note: r.note, assumed: /推定/.test(r.note ?? '') });

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/calendar', {
    schema: { tags, summary: '工作日历：某年的法定节假日与调休上班日（未列出的日子：周一至周五为工作日）', querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      response: { 200: Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) }) } },
  }, async (req) => {
    const rows = await req.ctx.db.query<{ day: string; is_workday: boolean; note: string | null }>(sql`select day::text as day, is_workday, note
      from calendar_days where day >= make_date(${req.query.year}::int, 1, 1) and day < make_date(${req.query.year}::int + 1, 1, 1) order by day`);
    return { year: req.query.year, days: rows.map(present) };
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
    return present({ day, is_workday: isWorkday, note });
  });

  app.delete('/api/calendar/days/:day', {
    config: { permission: 'system:admin' },
    schema: { tags, summary: '删除某日的设置（恢复为周一至周五上班、周末休息），用于纠正推定的节假日', params: Type.Object({ day: Day }),
      response: { 200: Type.Object({ day: Day, isWorkday: Type.Boolean() }), 404: ErrorBody } },
  }, async (req) => {
    const { day } = req.params;
    await req.ctx.db.tx(async (tx) => {
      const before = await tx.maybeOne(sql`select is_workday, note from calendar_days where day = ${day}::date`);
      if (!before) throw notFound(`${day} 的节假日设置`, 'Calendar day');
      await tx.execute(sql`delete from calendar_days where day = ${day}::date`);
      await req.ctx.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'calendar.reset', entityType: 'calendar_day', entityId: day, before, after: null });
    });
    return { day, isWorkday: !isWeekend(day) };
  });
};
