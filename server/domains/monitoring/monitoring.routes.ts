// The monitoring domain wired into the app: its routes, HTTP ingestion, and its jobs (offline check, alarm escalation,
// warning 叫应, raw-data retention). MQTT ingestion is started by `yingji serve` (ingest/start.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../../platform/context.js';
import { alarmsRoutes } from './alarms/alarms.routes.js';
import { escalateAlarms } from './alarms/alarms.escalate.js';
import { ingesterFor } from './ingest/accept.js';
import { httpIngestRoutes } from './ingest/http.routes.js';
import { registryRoutes } from './registry/registry.routes.js';
import { checkOffline } from './rules/offline.js';
import { applyRetention } from './storage/retention.js';
import { runWarningCallback } from './warnings/warnings.callback.js';
import { warningsRoutes } from './warnings/warnings.routes.js';

/** Register the monitoring jobs on the platform's schedule. */
export function scheduleMonitoringJobs(p: Platform) {
  p.jobs.register('monitoring.offline', async () => { await checkOffline(p); });
  p.jobs.every('monitoring.offline', 60_000, 'monitoring.offline');
  p.jobs.register('monitoring.alarms.escalate', async () => { await escalateAlarms(p); });
  p.jobs.every('monitoring.alarms.escalate', 60_000, 'monitoring.alarms.escalate');
  p.jobs.register('monitoring.warnings.callback', async () => { await runWarningCallback(p); });
  p.jobs.every('monitoring.warnings.callback', 60_000, 'monitoring.warnings.callback');
  p.jobs.register('monitoring.retention', async () => { await applyRetention(p, p.config.monitoring.rawRetentionDays); });
  p.jobs.every('monitoring.retention', 24 * 3600_000, 'monitoring.retention');
}

/** Everything the monitoring domain adds to the app (one line in app.ts). */
export function monitoringRoutes(p: Platform): FastifyPluginAsync {
  const plugin: FastifyPluginAsync = async (app) => {
    scheduleMonitoringJobs(p);
    await app.register(registryRoutes);
    await app.register(alarmsRoutes(p));
    await app.register(warningsRoutes);
    await app.register(httpIngestRoutes(p));
    // Readings already taken are written before the database closes.
    app.addHook('onClose', async () => { await ingesterFor(p).stop(); });
  };
  return plugin;
}
