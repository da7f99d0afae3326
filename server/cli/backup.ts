// `yingji backup` and `yingji restore`: offline backup and restore of the database and the uploaded files.
// With PGlite the server holds the data directory, so these run with the server stopped (the running server
// backs itself up every BACKUP_EVERY_HOURS, and an administrator can start one from 系统管理 › 备份).
import path from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../platform/db/open.js';
import { lockDataDir } from '../platform/db/lock.js';
import { PgliteDb } from '../platform/db/pglite.js';
import { PostgresDb } from '../platform/db/postgres.js';
import { createPlatform } from '../platform/platform.js';
import { BackupError, listBackups, restoreBackup } from '../platform/backup/backup.js';
import { takeBackup } from '../platform/backup/backup.routes.js';

export const BACKUP_HELP = `  backup [--list]           备份数据库与附件到 BACKUP_DIR（默认 DATA_DIR/backups，保留 BACKUP_KEEP 份）；--list 列出已有备份
  restore <备份目录> --yes   从备份恢复（服务须已停止）；被替换的数据改名保留，恢复后逐表、逐文件核对`;

export async function runBackup(config: Config, args: string[]) {
  if (args.includes('--list')) {
    const all = listBackups(config.backupDir);
    if (!all.length) console.log(`${config.backupDir} 中还没有备份。运行 yingji backup 创建第一份。`);
    for (const b of all) {
      const rows = Object.values(b.manifest.tables).reduce((s, t) => s + t.rows, 0);
      console.log(`${b.name}  ${b.manifest.database}  ${Object.keys(b.manifest.tables).length} 张表 ${rows} 行  ${b.manifest.files.length} 个附件`);
    }
    return;
  }
  const { db, release } = await openDatabase(config);
  try {
    const r = await takeBackup(createPlatform(config, db), undefined, undefined, (m) => console.log(m));
    if (r.removed.length) console.log(`按保留份数（${config.backupKeep}）删除了旧备份：${r.removed.join('、')}`);
  } finally {
    await release();
  }
}

export async function runRestore(config: Config, args: string[]) {
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) throw new BackupError('请指定要恢复的备份目录，例如：yingji restore data/backups/yingji-20261130T020000Z --yes');
  if (!args.includes('--yes')) {
    throw new BackupError(`恢复会用备份替换当前的数据库和附件（被替换的数据会改名保留）。确认无误后加 --yes 再运行：yingji restore ${dir} --yes`);
  }
  const filesDir = path.join(config.dataDir, 'files');
  const log = (m: string) => console.log(m);
  if (config.databaseUrl) {
    const url = config.databaseUrl;
    const r = await restoreBackup(path.resolve(dir), { kind: 'postgres', databaseUrl: url, filesDir }, () => PostgresDb.open(url, 2), { log });
    report(r);
    return;
  }
  const unlock = lockDataDir(config.dataDir); // refuses while the server runs
  try {
    const pgliteDir = path.join(config.dataDir, 'pgdata');
    const r = await restoreBackup(path.resolve(dir), { kind: 'pglite', pgliteDir, filesDir }, () => PgliteDb.open({ dataDir: pgliteDir }), { log });
    report(r);
  } finally {
    unlock();
  }
}

function report(r: Awaited<ReturnType<typeof restoreBackup>>) {
  console.log(`恢复完成并已核对：${r.tablesCompared} 张表（${r.rowsCompared} 行）、${r.filesCompared} 个附件与备份一致。`);
  if (r.keptAside.length) console.log(`原数据已改名保留：${r.keptAside.join('、')}（确认无误后可删除）`);
}
