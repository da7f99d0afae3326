// /api/health, /api/openapi.json and the API reference page /api/docs.
import type { FastifyPluginAsync } from 'fastify';
import { Health } from '../../../contracts/platform.js';
import type { Platform } from '../context.js';
import { sql } from '../db/sql.js';
import { readMigrations } from '../db/migrate.js';
import { renderApiDocs } from './api-docs.js';
import { VERSION } from '../../version.js';

export function healthRoutes(p: Platform): FastifyPluginAsync {
  const started = Date.now();
  const shipped = readMigrations().length; // the files this build ships, read once
  return async (app) => {
    app.get('/api/health', { config: { public: true }, schema: { tags: ['平台 platform'], summary: '健康检查', response: { 200: Health, 503: Health } } }, async (_req, reply) => {
      const t = performance.now();
      let reachable = true;
      let applied: { version: string; name: string }[] = [];
      try { applied = await p.db.query(sql`select version, name from schema_migrations order by version`); } catch { reachable = false; }
      const body = {
        status: reachable && applied.length === shipped ? 'ok' as const : 'degraded' as const,
        version: VERSION,
        database: { kind: p.db.kind, reachable, ms: Math.round((performance.now() - t) * 10) / 10 },
        migrations: { applied: applied.length, latest: applied.at(-1) ? `${applied.at(-1)!.version}_${applied.at(-1)!.name}` : null, pending: shipped - applied.length },
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      };
      return reply.status(body.status === 'ok' ? 200 : 503).send(body);
    });

    app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
    app.get('/api/docs', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(renderApiDocs(app.swagger() as never)));
  };
}
