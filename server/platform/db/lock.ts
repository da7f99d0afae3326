// PGlite is single-process: a lock file on the data folder keeps a second process out.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Take the lock (stale locks of dead processes are taken over); returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'yingji.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try { if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file); } catch { /* gone */ }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(`数据目录 ${dir} 正被另一个 Yingji 进程（PID ${pid}）使用。嵌入式数据库只允许一个进程访问；请先停止该进程，或设置不同的 DATA_DIR，或配置 DATABASE_URL 使用 PostgreSQL (data folder is locked by process ${pid})`);
      }
      fs.unlinkSync(file); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`无法锁定数据目录 ${dir}`);
}
