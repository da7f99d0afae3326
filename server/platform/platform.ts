// Assemble the platform services over an open database.
import path from 'node:path';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import { AuditLog, loadAuditKey } from './audit/audit.js';
import { argon2Hasher } from './auth/passwords.js';
import { purgeOldSessions } from './auth/sessions.store.js';
import type { Platform } from './context.js';
import type { Db } from './db/db.js';
import { EventBus } from './events/bus.js';
import { FileStore } from './files/files.store.js';
import { JobRunner } from './jobs/jobs.js';
import { loggingSmsProvider, Notifier } from './notify/notify.js';

export function createLogger(config: Config): FastifyBaseLogger {
  return pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-api-key"]'] }) as unknown as FastifyBaseLogger;
}

export function createPlatform(config: Config, db: Db, opts: { clock?: () => Date; log?: FastifyBaseLogger } = {}): Platform {
  const log = opts.log ?? createLogger(config);
  const clock = opts.clock ?? (() => new Date());
  const events = new EventBus(db);
  const jobs = new JobRunner(db, log, config.jobsPollMs, clock);
  const notify = new Notifier(db, jobs, events, loggingSmsProvider(log));
  jobs.register('sessions.purge', async () => { await purgeOldSessions(db, clock()); });
  jobs.every('sessions.purge', 3600_000, 'sessions.purge');
  return {
    config, db, log, clock, events, jobs, notify,
    audit: new AuditLog(loadAuditKey(config), clock),
    files: new FileStore(path.join(config.dataDir, 'files'), config.uploadMaxBytes),
    hasher: argon2Hasher(config.argon2MemoryKiB),
  };
}
