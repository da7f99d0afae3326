#!/usr/bin/env node
// `npm start` (= `node bin/start.js serve`): bring the web front end and the server bundle up to date — each only
// when its inputs changed — and run the server from the bundle in this process. The web build (a child process)
// runs beside the server's own start (database, migrations, demo county); the server waits for it only before it
// registers the web folder. Without a usable esbuild the server runs through tsx, as before.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureWebBuilt } from './build-web-if-needed.js';
import { ensureServerBundle } from './server-bundle.js';

const args = process.argv.slice(2);
const serving = (args[0] ?? 'serve') === 'serve';

// server/main.ts awaits this before it builds the app (it decides then whether web/dist can be served).
const web = serving
  ? ensureWebBuilt().catch((err) => { console.error(`${err.message}；页面暂不可用，API 照常服务。修复后运行 npm run build。`); })
  : Promise.resolve();
globalThis.yingjiWebReady = web;

let entry;
try {
  entry = await ensureServerBundle();
} catch (err) {
  console.error(`服务端打包失败，改用 tsx 运行：${err.message}`);
}
if (entry) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(entry).href);
} else {
  await web;
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsx, path.join(import.meta.dirname, '..', 'server', 'main.ts'), ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
