// buildApp(platform) → Fastify instance: the only place plugins and domains are wired.
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { PERMISSIONS, type Permission } from '../contracts/roles.js';
import { accountsRoutes } from './domains/system/accounts.routes.js';
import { auditRoutes } from './domains/system/audit.routes.js';
import { orgsRoutes } from './domains/system/orgs.routes.js';
import { regionsRoutes } from './domains/system/regions.routes.js';
import { enterprisesRoutes } from './domains/enterprises/enterprises.routes.js';
import { hazardsRoutes } from './domains/hazards/hazards.routes.js';
import { scheduleHazardScan } from './domains/hazards/hazards.scan.js';
import { riskRoutes } from './domains/hazards/risk.routes.js';
import { campaignsRoutes } from './domains/hazards/campaigns.js';
import { selfCheckRoutes } from './domains/hazards/selfcheck.js';
import { monitoringRoutes } from './domains/monitoring/monitoring.routes.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import type { Platform } from './platform/context.js';
import { eventsRoutes } from './platform/events/events.routes.js';
import { filesRoutes } from './platform/files/files.routes.js';
import { installAuthHook } from './platform/http/auth-hook.js';
import { installResponseCache } from './platform/http/response-cache.js';
import { dataChanges } from './platform/db/changes.js';
import { errorHandler, frameworkErrors } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { lazyCompilersFactory } from './platform/http/lazy-schemas.js';
import { nullableUnions } from './platform/http/nullable.js';
import './platform/http/types.js';
import { inboxRoutes } from './platform/notify/inbox.routes.js';
import { settingsRoutes } from './platform/settings/settings.routes.js';
import { VERSION } from './version.js';

/** One route as registered: what the permission-matrix tests walk. */
export interface RouteInfo { method: string; url: string; permission?: Permission; public: boolean }

declare module 'fastify' {
  interface FastifyInstance { routeTable: RouteInfo[] }
}

export async function buildApp(p: Platform): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: p.log,
    trustProxy: p.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    ajv: { customOptions: { allErrors: false, coerceTypes: 'array', removeAdditional: false, strictNumbers: true } },
    schemaController: { compilersFactory: lazyCompilersFactory() }, // schemas compile on first use (start time, issue 12)
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);

  // The permission a route needs is written into its OpenAPI entry too, and kept for the access tests.
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (route.schema?.body) route.schema = { ...route.schema, body: nullableUnions(route.schema.body) };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, permission: route.config?.permission, public: !!route.config?.public });
    }
    const perm = route.config?.permission;
    if (route.schema && !route.schema.hide) {
      const who = route.config?.public ? '公开接口（无需登录）' : perm ? `需要权限 ${perm}（${PERMISSIONS[perm]}）` : '需要登录';
      route.schema = { ...route.schema, description: [route.schema.description, who].filter(Boolean).join('。') };
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Yingji 应急管理综合应用平台', version: VERSION, description: '所有接口位于 /api/ 下；错误统一为 { error: { code, message, details? } }，message 默认中文（Accept-Language: en 返回英文）。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yj_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(cookie);
  // Security headers. Helmet's middleware is made once here: @fastify/helmet made it anew on every request, a tenth of
  // the cost of a list answered from memory (issue 12).
  const securityHeaders = helmet({
    contentSecurityPolicy: { directives: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
      // Map tiles come from the configured tile server only (none by default).
      imgSrc: ["'self'", 'data:', 'blob:', ...(p.config.mapTileUrl ? [new URL(p.config.mapTileUrl.replace(/\{[a-z]\}/g, '0')).origin] : [])],
      connectSrc: ["'self'"], fontSrc: ["'self'", 'data:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
    } },
    hsts: p.config.cookieSecure ? undefined : false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: p.config.uploadMaxBytes, files: 1, fields: 10, fieldSize: 1000, parts: 12 } });

  installAuthHook(app, p);
  // Sessions and busy lists answered from memory while change notices are heard (issue 12; MEMORY_CACHE=false: off).
  if (p.config.memoryCache) {
    await dataChanges(p.db).start();
    installResponseCache(app, p);
  }
  if (p.config.auditWalkDir) (await import('./platform/audit/audit-walk.js')).installAuditWalk(app, p, p.config.auditWalkDir);

  await app.register(healthRoutes(p));
  await app.register(authRoutes(p));
  await app.register(accountsRoutes);
  await app.register(regionsRoutes);
  await app.register(orgsRoutes);
  await app.register(auditRoutes);
  await app.register(filesRoutes);
  await app.register(inboxRoutes);
  await app.register(settingsRoutes);
  await app.register(enterprisesRoutes(p));
  await app.register(hazardsRoutes);
  await app.register(riskRoutes);
  await app.register(campaignsRoutes);
  await app.register(selfCheckRoutes);
  await app.register((await import('./domains/enforcement/enforcement.routes.js')).enforcementRoutes(p));
  await app.register((await import('./platform/calendar/calendar.routes.js')).calendarRoutes);
  scheduleHazardScan(p);
  await app.register(monitoringRoutes(p));
  await app.register((await import('./platform/backup/backup.routes.js')).backupRoutes);
  await app.register((await import('./domains/command/plans/plans.routes.js')).plansRoutes(p));
  await app.register((await import('./domains/command/resources/resources.routes.js')).resourcesRoutes(p));
  await app.register((await import('./domains/command/incidents/incidents.routes.js')).incidentsRoutes(p));
  await app.register((await import('./domains/law/law.routes.js')).lawRoutes);
  await app.register((await import('./domains/command/duty/duty.routes.js')).dutyRoutes(p));
  await app.register((await import('./domains/command/reports/reports.routes.js')).reportsRoutes(p));
  await app.register((await import('./domains/reports/work.routes.js')).workReportRoutes);
  await app.register((await import('./domains/command/map/map.routes.js')).mapRoutes(p));
  await app.register((await import('./domains/situation/situation.routes.js')).situationRoutes(p));
  await app.register((await import('./domains/returns/returns.routes.js')).returnsRoutes(p));
  await app.register((await import('./domains/summons/summons.routes.js')).summonsRoutes);
  await app.register((await import('./domains/outreach/outreach.routes.js')).outreachRoutes);
  await app.register((await import('./domains/disaster/disaster.routes.js')).disasterRoutes(p));
  await app.register((await import('./domains/flood/flood.routes.js')).floodRoutes(p));
  await app.register((await import('./domains/responsibility/responsibility.routes.js')).responsibilityRoutes(p));
  await app.register((await import('./domains/statistics/statistics.routes.js')).statisticsRoutes);
  await app.register((await import('./domains/dashboard/dashboard.routes.js')).dashboardRoutes);
  await app.register((await import('./platform/personal/personal.routes.js')).personalRoutes); // after the domains: they declare what may be revealed
  await app.register(eventsRoutes(p));

  const index = path.join(p.config.webDir, 'index.html');
  // wildcard: files are looked up per request, so a rebuilt web/dist is served without a restart.
  if (fs.existsSync(index)) {
    await app.register(fastifyStatic, { root: p.config.webDir, wildcard: true, index: false });
    // The site root is the app itself (the static catch-all would refuse to list the folder).
    app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) => reply.type('text/html; charset=utf-8').send(fs.readFileSync(index)));
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing asset is a 404, never the SPA page (a browser would try to run HTML as a script).
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
    }
    if (fs.existsSync(index)) return reply.type('text/html; charset=utf-8').send(fs.readFileSync(index));
    return reply.type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><p>前端尚未构建：请运行 <code>npm run build</code> 后刷新。API 文档见 <a href="/api/docs">/api/docs</a>。</p>');
  });
  return app;
}
