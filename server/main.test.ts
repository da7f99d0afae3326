// The real process: first start loads the demo county, a second process on the same folder is refused,
// SIGTERM closes cleanly, and a restart keeps the data. PGlite only (the PostgreSQL run skips it).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function start(dataDir: string, port: number) {
  const child = spawn(process.execPath, [tsx, path.join(root, 'server', 'main.ts'), 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ARGON2_MEMORY_KIB: '1024', NODE_ENV: 'development', TEST_DATABASE_URL: '', DATABASE_URL: '' },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async () => {
    // First start migrates and loads the whole demo county: allow for a slow, busy machine.
    for (let i = 0; i < 1500 && !out.includes('Yingji 已启动'); i++) {
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return out;
  };
  return { child, exited, ready, output: () => out };
}

const stop = async (p: { child: ChildProcess; exited: Promise<number | null> }) => { p.child.kill('SIGTERM'); return p.exited; };

describe.skipIf(!!process.env.TEST_DATABASE_URL)('yingji serve on PGlite', () => {
  it('loads the demo county once, refuses a second process, shuts down cleanly and keeps the data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-main-'));
    const port = 39000 + Math.floor(Math.random() * 1000);
    const first = start(dataDir, port);
    const out = await first.ready();
    expect(out).toContain('已载入演示县');
    expect(out).toContain('town_baitang');
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health.status).toBe('ok');

    const second = start(dataDir, port + 1);
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/正被另一个 Yingji 进程/);

    expect(await stop(first)).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'yingji.lock'))).toBe(false);

    const again = start(dataDir, port + 2);
    const out2 = await again.ready();
    expect(out2).toContain('Yingji 已启动');
    expect(out2).not.toContain('已载入演示县');
    const login = await fetch(`http://127.0.0.1:${port + 2}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Yingji@2026' }) });
    expect(login.status).toBe(200);
    expect(await stop(again)).toBe(0);
  }, 400_000);

  it('stops with a clear message on a bad setting', async () => {
    const p = start(fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-main-')), 0);
    p.child.kill();
    const bad = spawn(process.execPath, [tsx, path.join(root, 'server', 'main.ts'), 'serve'], { env: { ...process.env, PORT: 'eighty' } });
    let err = '';
    bad.stderr.on('data', (d) => { err += d; });
    const code = await new Promise((r) => bad.on('exit', r));
    expect(code).toBe(1);
    expect(err).toMatch(/启动失败：配置项 PORT=eighty 无效/);
  });
});
