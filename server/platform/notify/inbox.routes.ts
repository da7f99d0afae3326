// /api/inbox: the caller's in-app notifications; read and acknowledge (叫应).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams, Page } from '../../../contracts/common.js';
import { InboxItem, InboxQuery } from '../../../contracts/platform.js';
import { sql } from '../db/sql.js';
import { notFound } from '../http/errors.js';
import { paging } from '../http/types.js';

const tags = ['消息 inbox'];

interface Row { id: string; title: string; body: string; link: string | null; created_at: Date; read_at: Date | null; ack_required: boolean; acked_at: Date | null }
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const present = (r: Row) => ({ id: r.id, title: r.title, body: r.body, link: r.link, createdAt: iso(r.created_at)!, readAt: iso(r.read_at),
  ackRequired: r.ack_required, ackedAt: iso(r.acked_at) });

export const inboxRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const mine = (accountId: string) => sql`account_id = ${accountId} and channel = 'inapp' and status = 'sent'`;

  app.get('/api/inbox', { schema: { tags, summary: '我的消息', querystring: InboxQuery, response: { 200: Page(InboxItem) } } }, async (req) => {
    const { page, pageSize } = paging(req.query);
    const where = sql.and([mine(req.ctx.actor.id!), req.query.unread ? sql`read_at is null` : undefined]);
    const [{ total }] = await req.ctx.db.query<{ total: number }>(sql`select count(*)::int as total from notifications where ${where}`);
    const rows = await req.ctx.db.query<Row>(sql`select * from notifications where ${where} order by created_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
    return { items: rows.map(present), total, page, pageSize };
  });

  app.get('/api/inbox/unread-count', { schema: { tags, summary: '未读消息数', response: { 200: Type.Object({ count: Type.Integer() }) } } }, async (req) => {
    const [{ count }] = await req.ctx.db.query<{ count: number }>(sql`select count(*)::int as count from notifications where ${mine(req.ctx.actor.id!)} and read_at is null`);
    return { count };
  });

  app.post('/api/inbox/:id/read', { schema: { tags, summary: '标为已读', params: IdParams, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    const n = await req.ctx.db.execute(sql`update notifications set read_at = coalesce(read_at, ${req.ctx.clock().toISOString()}::timestamptz) where id = ${req.params.id} and ${mine(req.ctx.actor.id!)}`);
    if (!n) throw notFound('消息', 'Message');
    return reply.status(204).send(null);
  });

  app.post('/api/inbox/:id/ack', { schema: { tags, summary: '确认收到（叫应）', params: IdParams, response: { 204: Type.Null(), 404: ErrorBody } } }, async (req, reply) => {
    const now = req.ctx.clock().toISOString();
    const ok = await req.ctx.db.tx(async (tx) => {
      const n = await tx.execute(sql`update notifications set read_at = coalesce(read_at, ${now}::timestamptz), acked_at = coalesce(acked_at, ${now}::timestamptz)
        where id = ${req.params.id} and ${mine(req.ctx.actor.id!)}`);
      if (n) await req.ctx.audit.record(tx, req.ctx.actor, req.ctx.meta, { action: 'notification.ack', entityType: 'notification', entityId: req.params.id });
      return n > 0;
    });
    if (!ok) throw notFound('消息', 'Message');
    return reply.status(204).send(null);
  });

  app.post('/api/inbox/read-all', { schema: { tags, summary: '全部标为已读', response: { 200: Type.Object({ updated: Type.Integer() }) } } }, async (req) => ({
    updated: await req.ctx.db.execute(sql`update notifications set read_at = ${req.ctx.clock().toISOString()}::timestamptz where ${mine(req.ctx.actor.id!)} and read_at is null`),
  }));
};
