// CLI entry: `yingji serve|migrate|demo|user|audit|help`.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './app.js';
import { MigrationError, migrate, migrationStatus } from './platform/db/migrate.js';
import { DataDirLockedError } from './platform/db/lock.js';
import { openDatabase } from './platform/db/open.js';
import { createPlatform } from './platform/platform.js';
import type { Platform } from './platform/context.js';
import { runUserCommand, USER_HELP } from './cli/user.js';
import { loadDemoCounty, DEMO_HELP } from './cli/demo.js';
import { runSimulate, SIMULATE_HELP } from './cli/simulate.js';
import { BACKUP_HELP, runBackup, runRestore } from './cli/backup.js';
import { BackupError } from './platform/backup/backup.js';
import { scheduleBackups } from './platform/backup/backup.routes.js';
import { startIngestion } from './domains/monitoring/ingest/start.js';

const HELP = `Yingji 应急管理综合应用平台

用法 Usage: yingji <command> [options]

  serve                     启动服务（默认）：迁移数据库，首次运行载入演示县，监听 HOST:PORT
  migrate [--status]        执行（或查看）数据库迁移
${DEMO_HELP}
${USER_HELP}
${SIMULATE_HELP}
${BACKUP_HELP}
  audit verify              校验审计哈希链
  help                      显示本帮助

配置通过环境变量（见 README）：PORT HOST DATA_DIR DATABASE_URL LOG_LEVEL PASSWORD_POLICY AUDIT_KEY_FILE …`;

async function withPlatform<T>(config: Config, fn: (p: Platform) => Promise<T>): Promise<T> {
  const { db, release } = await openDatabase(config);
  try {
    await migrate(db);
    return await fn(createPlatform(config, db));
  } finally {
    await release();
  }
}

/** Where a start's time went: each phase since the previous mark, and since the process started. */
function startMarks() {
  let last = 0; // performance.now() counts from the process's start
  const parts: string[] = [];
  return {
    mark(label: string) { const now = performance.now(); parts.push(`${label} ${((now - last) / 1000).toFixed(1)} s`); last = now; },
    line: () => `启动用时 ${(performance.now() / 1000).toFixed(1)} s（${parts.join('，')}）`,
  };
}

async function serve(config: Config) {
  const marks = startMarks();
  marks.mark('加载程序');
  const { db, release } = await openDatabase(config);
  marks.mark('打开数据库');
  let closing = false;
  let stopIngestion: (() => Promise<void>) | undefined;
  try {
    const applied = await migrate(db, undefined, (m) => console.log(m));
    marks.mark('迁移');
    const p = createPlatform(config, db);
    if (config.loadDemo) {
      const summary = await loadDemoCounty(p, { onlyIfEmpty: true });
      if (summary) {
        console.log(`已载入演示县 ${summary.county}（${summary.ms} ms）。演示账号（密码均为 ${summary.password}）：`);
        for (const a of summary.accounts) console.log(`  ${a.username.padEnd(16)} ${a.roleName}  ${a.scopeLabel}`);
      }
      marks.mark('演示县');
    }
    // `npm start` (bin/start.js) builds the web front end beside this start-up; the app registers web/dist if it exists.
    await (globalThis as { yingjiWebReady?: Promise<unknown> }).yingjiWebReady;
    marks.mark('等待前端构建');
    const app = await buildApp(p);
    await p.events.start();
    scheduleBackups(p);
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      console.log(`收到 ${signal}，正在关闭…`);
      await stopIngestion?.().catch(() => {});
      await app.close().catch(() => {});
      await p.jobs.stop();
      await p.events.stop();
      await release();
      process.exit(0);
    };
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    process.on('SIGINT', () => void shutdown('SIGINT'));
    await app.listen({ port: config.port, host: config.host });
    marks.mark('建立应用并监听');
    // Jobs start once the server answers: their first tick (PGlite has one connection) would otherwise delay it.
    p.jobs.start();
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const port = (app.server.address() as { port: number }).port;
    console.log(`Yingji 已启动：http://${shown}:${port}  （数据库：${db.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL'}；迁移 ${applied.length} 个新执行）`);
    console.log(`API 文档：http://${shown}:${port}/api/docs`);
    console.log(marks.line());
    stopIngestion = await startIngestion(p);
  } catch (e) {
    await release().catch(() => {});
    throw e;
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true, strict: false,
    options: {
      reset: { type: 'boolean' }, status: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      name: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' }, cert: { type: 'string' },
    },
  });
  const [cmd = 'serve', ...rest] = positionals;
  if (values.help || cmd === 'help') { console.log(HELP); return; }
  const config = loadConfig();
  switch (cmd) {
    case 'serve': return serve(config);
    case 'migrate': {
      const { db, release } = await openDatabase(config);
      try {
        if (values.status) {
          const s = await migrationStatus(db);
          console.log(`已执行 ${s.applied.length} 个，待执行 ${s.pending.length} 个${s.pending.length ? '：' + s.pending.map((m) => m.file).join(', ') : ''}`);
        } else {
          const done = await migrate(db, undefined, (m) => console.log(m));
          console.log(done.length ? `完成，执行了 ${done.length} 个迁移` : '数据库已是最新');
        }
      } finally { await release(); }
      return;
    }
    case 'demo': return withPlatform(config, async (p) => {
      const s = await loadDemoCounty(p, { reset: !!values.reset });
      console.log(s ? `已载入演示县 ${s.county}（${s.ms} ms）` : '演示县已存在；用 --reset 重新生成');
    });
    case 'backup': return runBackup(config, argv.slice(argv.indexOf('backup') + 1));
    case 'restore': return runRestore(config, argv.slice(argv.indexOf('restore') + 1));
    case 'simulate': return runSimulate(config, argv.slice(argv.indexOf('simulate') + 1));
    case 'user': return withPlatform(config, (p) => runUserCommand(p, rest, values as Record<string, unknown>));
    case 'audit': return withPlatform(config, async (p) => {
      const r = await p.audit.verify(p.db);
      console.log(r.ok ? `审计链完整：校验 ${r.checked} 条，用时 ${r.ms} ms` : `审计链异常：${r.reason}`);
      if (!r.ok) process.exitCode = 3;
    });
    default:
      console.error(`未知命令 ${cmd}\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigError || e instanceof MigrationError || e instanceof DataDirLockedError || e instanceof BackupError) {
    console.error(`${e instanceof BackupError ? '' : '启动失败：'}${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
