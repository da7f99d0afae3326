// /api/events: Server-Sent Events, each browser receiving only what its account's scope allows.
import type { FastifyPluginAsync } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { inScope } from '../auth/scope.js';
import { authenticate } from '../auth/auth.service.js';
import type { Platform } from '../context.js';
import { SESSION_COOKIE } from '../http/types.js';
import type { DomainEvent } from './bus.js';

/** Whether an event may reach this actor. */
export function visibleTo(actor: Actor, e: DomainEvent): boolean {
  if (e.accountId) return e.accountId === actor.id;
  if (!e.regionCode && !e.orgId && !e.enterpriseId) return actor.scope.kind === 'all';
  return inScope(actor, e);
}

export function eventsRoutes(p: Platform, heartbeatMs = 25_000): FastifyPluginAsync {
  return async (app) => {
    app.get('/api/events', { schema: { tags: ['事件 events'], summary: '实时事件流（Server-Sent Events）', produces: ['text/event-stream'] } }, async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      const actor = req.ctx.actor;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(`retry: 5000\n: connected\n\n`);
      const unsubscribe = p.events.subscribe((e) => {
        if (visibleTo(actor, e)) res.write(`event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`);
      });
      // The heartbeat also re-checks the session, so a revoked or disabled account's stream ends.
      const beat = setInterval(() => {
        authenticate(p, token).then(() => res.write(': ping\n\n'), () => close());
      }, heartbeatMs);
      const close = () => { clearInterval(beat); unsubscribe(); res.end(); };
      req.raw.on('close', close);
    });
  };
}
