// First `npm start` on a fresh clone (after install) serving the demo county, and a later start of the same
// clone: the time from `npm start` to the first answered GET /api/health and to a successful demo login.
// The clone is `git clone` of this checkout's HEAD in a temporary folder; node_modules is linked from this checkout
// (it stands for `npm ci`, which is not timed). The first start builds the web front end (prestart), migrates a new
// PGlite database and loads the demo county; the later start finds all of that done.
// Run: npx tsx bench/first-start.ts            (writes bench/results/first-start.json)
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-fresh-'));
execFileSync('git', ['clone', '--quiet', repo, dir]);
fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'));
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir }).toString().trim();

async function start(label: string) {
  const t0 = performance.now();
  const proc = spawn('npm', ['start'], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MQTT_ENABLED: 'false', NODE_ENV: 'development', LOG_LEVEL: 'warn' } });
  let out = '';
  const marks: Record<string, number> = {};
  const url = await new Promise<string>((resolve, reject) => {
    const on = (d: Buffer) => {
      out += d;
      if (!marks.webBuildStarted && /正在构建前端/.test(out)) marks.webBuildStarted = performance.now() - t0;
      const m = /Yingji 已启动：http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    };
    proc.stdout!.on('data', on); proc.stderr!.on('data', on);
    proc.on('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
  marks.listening = performance.now() - t0;
  while ((await fetch(`${url}/api/health`).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 50));
  marks.health = performance.now() - t0;
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'leader', password: 'Yingji@2026' }) });
  if (login.status !== 200) throw new Error(`demo login: ${login.status}`);
  const page = await fetch(`${url}/`);
  marks.loginAndPage = performance.now() - t0;
  const r = Object.fromEntries(Object.entries(marks).map(([k, v]) => [k + 'Ms', Math.round(v)]));
  console.log(`${label}: listening ${r.listeningMs} ms, health ${r.healthMs} ms, demo login + page ${r.loginAndPageMs} ms (page ${page.status})`);
  // Stop as an operator would (SIGTERM: the database is checkpointed and closed); force after a minute.
  const exited = new Promise((res) => proc.once('exit', res));
  process.kill(-proc.pid!, 'SIGTERM');
  const force = setTimeout(() => process.kill(-proc.pid!, 'SIGKILL'), 60_000);
  await exited;
  // npm may exit before its child: wait until no process of the group is left (the data folder's lock is free).
  const alive = () => { try { process.kill(-proc.pid!, 0); return true; } catch { return false; } };
  while (alive()) await new Promise((res) => setTimeout(res, 100));
  clearTimeout(force);
  return r;
}

const first = await start('first start (web build, new database, demo county)');
const later = await start('later start');
const out = { commit, at: new Date().toISOString(), cpus: os.cpus().length, loadAvg: os.loadavg().map((x) => Math.round(x * 10) / 10), first, later };
fs.mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(repo, 'bench', 'results', 'first-start.json'), JSON.stringify(out, null, 2) + '\n');
fs.rmSync(dir, { recursive: true, force: true });
