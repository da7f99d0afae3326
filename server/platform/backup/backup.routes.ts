// /api/system/backups: the list of backups, and "back up now" for an administrator; the server also takes one
// every BACKUP_EVERY_HOURS through the job runner (one process enqueues it, so a cluster backs up once).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import path from 'node:path';
import type { Platform } from '../context.js';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { RequestMeta } from '../audit/audit.js';
import { VERSION } from '../../version.js';
import { AppError } from '../http/errors.js';
import { BackupError, createBackup, listBackups } from './backup.js';

const tags = ['系统管理 system'];

const BackupSummary = Type.Object({
  name: Type.String(), createdAt: Type.String(), database: Type.String(), version: Type.String(),
  tables: Type.Integer(), rows: Type.Integer(), files: Type.Integer(), bytes: Type.Integer(), elapsedMs: Type.Integer(),
});
const BackupList = Type.Object({
  dir: Type.String(), keep: Type.Integer(), everyHours: Type.Integer(), items: Type.Array(BackupSummary),
});

let running: Promise<unknown> | undefined;

/** One backup at a time per process, audited; used by the schedule and the admin's button. */
export async function takeBackup(p: Platform, actor = SYSTEM_ACTOR, meta: RequestMeta = { requestId: 'job' }, log: (m: string) => void = (m) => p.log.info(m)) {
  if (running) throw new AppError(409, 'backup_running', '已有备份正在进行，请稍后刷新查看', 'A backup is already running');
  const work = createBackup(
    { db: p.db, databaseUrl: p.config.databaseUrl, filesDir: path.join(p.config.dataDir, 'files'), version: VERSION },
    p.config.backupDir, { now: p.clock(), keep: p.config.backupKeep, log },
  );
  running = work;
  try {
    const r = await work;
    await p.audit.recordAlone(p.db, actor, meta, {
      action: 'system.backup', entityType: 'backup', entityId: path.basename(r.dir),
      after: { tables: Object.keys(r.manifest.tables).length, files: r.manifest.files.length, removed: r.removed },
    });
    return r;
  } catch (e) {
    if (e instanceof BackupError) throw new AppError(500, 'backup_failed', `备份失败：${e.message}`, 'Backup failed');
    throw e;
  } finally {
    running = undefined;
  }
}

export function scheduleBackups(p: Platform) {
  p.jobs.register('system.backup', async () => { await takeBackup(p); });
  if (p.config.backupEveryHours > 0) p.jobs.every('system.backup', p.config.backupEveryHours * 3600_000, 'system.backup');
}

export const backupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const summarize = (b: ReturnType<typeof listBackups>[number]) => ({
    name: b.name, createdAt: b.manifest.createdAt, database: b.manifest.database, version: b.manifest.version,
    tables: Object.keys(b.manifest.tables).length, rows: Object.values(b.manifest.tables).reduce((s, t) => s + t.rows, 0),
    files: b.manifest.files.length, bytes: b.manifest.files.reduce((s, f) => s + f.bytes, 0), elapsedMs: b.manifest.elapsedMs,
  });

  app.get('/api/system/backups', { config: { permission: 'system:admin' }, schema: { tags, summary: '备份列表', response: { 200: BackupList } } },
    async (req) => ({
      dir: req.ctx.config.backupDir, keep: req.ctx.config.backupKeep, everyHours: req.ctx.config.backupEveryHours,
      items: listBackups(req.ctx.config.backupDir).map(summarize),
    }));

  app.post('/api/system/backups', { config: { permission: 'system:admin' }, schema: { tags, summary: '立即备份（数据库与附件）', response: { 201: BackupSummary } } },
    async (req, reply) => {
      const r = await takeBackup(req.ctx, req.ctx.actor, req.ctx.meta);
      reply.status(201);
      return summarize({ name: path.basename(r.dir), dir: r.dir, manifest: r.manifest });
    });
};
