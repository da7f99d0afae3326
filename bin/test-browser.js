// `npm test`, second half: the browser tests, one file at a time (each drives a real server and Chromium,
// and on two cores they time out when run beside each other or beside the API tests). They run once, on the
// PGlite run: with TEST_DATABASE_URL set they are skipped here, saying so.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

if (process.env.TEST_DATABASE_URL) {
  console.log('浏览器测试已跳过：设置了 TEST_DATABASE_URL，浏览器测试只在 PGlite 那一轮运行。');
  process.exit(0);
}
const vitest = path.join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs');
// One retry: on a loaded two-core machine a browser step occasionally misses its 30 s window (seen in the enforcement
// and outreach flows, which pass alone); a second failure is a real one. Retries are reported in the output.
// `node bin/test-browser.js e2e/flood.e2e.test.ts` runs that file only; without arguments, every file under e2e/.
const files = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const r = spawnSync(process.execPath, [vitest, 'run', ...(files.length ? [] : ['e2e']), '--no-file-parallelism', '--retry=1', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
