// Build the web front end (web/dist) only when its inputs changed since the last build: the web sources, the
// contracts they import, the Vite config and the locked dependency versions. The inputs' sizes and times are
// checked first (a few milliseconds); when they moved (an edit, a checkout, a fresh clone) their contents are
// hashed, and only a different hash rebuilds. The stamp lives in .build/ (not in git).
// Run as a script (`node bin/build-web-if-needed.js`, used by the test set-up) or import `ensureWebBuilt`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const dist = path.join(root, 'web', 'dist', 'index.html');
const stampFile = path.join(root, '.build', 'web-inputs.json');
const INPUTS = ['web/src', 'web/public', 'web/index.html', 'contracts', 'vite.config.ts', 'tsconfig.web.json', 'package-lock.json'];

/** Every input file (relative path) with its size and modification time, in a stable order. */
function inputStats() {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    let st;
    try { st = fs.statSync(abs); } catch { return; }
    if (st.isDirectory()) for (const name of fs.readdirSync(abs).sort()) walk(path.posix.join(rel, name));
    else out.push([rel, st.size, Math.round(st.mtimeMs)]);
  };
  for (const rel of INPUTS) walk(rel);
  return out;
}

/** SHA-256 over the inputs' paths and contents. */
function contentHash(stats) {
  const h = createHash('sha256');
  for (const [rel] of stats) h.update(rel).update('\0').update(fs.readFileSync(path.join(root, rel))).update('\0');
  return h.digest('hex');
}

const readStamp = () => { try { return JSON.parse(fs.readFileSync(stampFile, 'utf8')); } catch { return undefined; } };
function writeStamp(stats, hash) {
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, JSON.stringify({ hash, stats }));
}

/** Why web/dist must be (re)built, or undefined when it matches its inputs. Refreshes the stamp when only times moved. */
export function webBuildReason() {
  if (!fs.existsSync(dist)) return 'web/dist 不存在';
  const stats = inputStats();
  const stamp = readStamp();
  if (stamp && JSON.stringify(stamp.stats) === JSON.stringify(stats)) return undefined;
  const hash = contentHash(stats);
  if (stamp) {
    if (stamp.hash !== hash) return '前端源文件有改动';
    writeStamp(stats, hash);
    return undefined;
  }
  // No stamp (first run of this script in a checkout built before it existed): trust a web/dist newer than every input.
  const built = fs.statSync(dist).mtimeMs;
  if (stats.some(([, , mtime]) => mtime > built)) return '前端源文件比 web/dist 新';
  writeStamp(stats, hash);
  return undefined;
}

/** Build web/dist when needed; resolves when it is current (rejects when the build fails). */
export function ensureWebBuilt({ log = console.log } = {}) {
  const reason = webBuildReason();
  if (!reason) return Promise.resolve(false);
  log(`正在构建前端（web/dist，${reason}）…`);
  const stats = inputStats();
  const hash = contentHash(stats);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit', cwd: root });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) { reject(new Error(`前端构建失败（vite build 退出码 ${code}）`)); return; }
      writeStamp(stats, hash);
      resolve(true);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  ensureWebBuilt().catch((err) => { console.error(err.message); process.exit(1); });
}
