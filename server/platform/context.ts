// The platform every domain service receives as one explicit argument.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Actor } from './auth/actor.js';
import type { PasswordHasher } from './auth/passwords.js';
import type { AuditEntry, AuditLog, RequestMeta } from './audit/audit.js';
import type { Db, Queryable } from './db/db.js';
import type { EventBus } from './events/bus.js';
import type { FileStore } from './files/files.store.js';
import type { JobRunner } from './jobs/jobs.js';
import type { Notifier } from './notify/notify.js';

export interface Platform {
  config: Config;
  db: Db;
  audit: AuditLog;
  events: EventBus;
  jobs: JobRunner;
  notify: Notifier;
  files: FileStore;
  hasher: PasswordHasher;
  clock: () => Date;
  log: FastifyBaseLogger;
}

/** A platform bound to one caller: who, from where. */
export interface Ctx extends Platform {
  actor: Actor;
  meta: RequestMeta;
}

/** Write an audit record for the caller inside a transaction. */
export function audit(ctx: Ctx, tx: Queryable, e: AuditEntry) {
  return ctx.audit.record(tx, ctx.actor, ctx.meta, e);
}
