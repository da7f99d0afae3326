// After the API suite (npm test runs it): did every mutating route get walked, and did each accepted change write its
// audit record? Reads what audit-walk.ts recorded during the run; exits 1 with the routes at fault.
import fs from 'node:fs';
import path from 'node:path';
import { MAY_CHANGE_NOTHING, NOT_AUDITED, NOT_WALKED, type WalkLine } from './audit-walk.js';

// The folder of the run to check: an argument, or the last run's (npm test runs the suite, then this).
const root = path.resolve('.test-tmp', 'audit-walk');
const pointer = path.join(root, 'last-run');
if (!process.argv[2] && !fs.existsSync(pointer)) {
  console.error('审计遍历：没有找到本次测试的记录（先运行 API 测试）。 audit walk: no recorded run, run the API suite first');
  process.exit(1);
}
const dir = process.argv[2] ? path.resolve(process.argv[2]) : fs.readFileSync(pointer, 'utf8').trim();
const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];

const routes = new Set<string>();
for (const f of files.filter((x) => x.startsWith('routes-'))) for (const r of JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as string[]) routes.add(r);

const accepted = new Map<string, number>();
const unaudited = new Map<string, number>();
const audited = new Map<string, number>();
let requests = 0;
let records = 0;
for (const f of files.filter((x) => x.endsWith('.jsonl'))) {
  for (const text of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
    if (!text) continue;
    const line = JSON.parse(text) as WalkLine;
    requests++;
    accepted.set(line.route, (accepted.get(line.route) ?? 0) + 1);
    // Any record counts: login, logout and password changes write auth.* records.
    records += line.actions.length;
    if (line.actions.length > 0) audited.set(line.route, (audited.get(line.route) ?? 0) + 1);
    else if (!(line.route in NOT_AUDITED)) unaudited.set(line.route, (unaudited.get(line.route) ?? 0) + 1);
  }
}

const problems: string[] = [];
for (const [route, n] of [...unaudited].sort()) {
  if (!(route in MAY_CHANGE_NOTHING)) problems.push(`${route}: ${n} of ${accepted.get(route)} accepted requests wrote no audit record`);
  else if (!audited.has(route)) problems.push(`${route}: none of its ${n} accepted requests changed data and wrote its audit record (walk one that does)`);
}
const notWalked = [...routes].filter((r) => !accepted.has(r) && !(r in NOT_WALKED)).sort();
for (const r of notWalked) problems.push(`${r}: no test sent it a request it accepted (walk it, or list it in NOT_WALKED with the reason)`);
for (const r of Object.keys(NOT_WALKED)) {
  if (accepted.has(r)) problems.push(`${r}: listed in NOT_WALKED but walked now: remove it from the list`);
  else if (!routes.has(r)) problems.push(`${r}: listed in NOT_WALKED but no such route`);
}

const walked = [...routes].filter((r) => accepted.has(r)).length;
console.log(`audit walk: ${routes.size} mutating routes; ${walked} walked with ${requests} accepted requests writing ${records} audit records; `
  + `${Object.keys(NOT_AUDITED).length} change no business data, ${Object.keys(NOT_WALKED).length} not walked (listed with reasons)`);
if (routes.size === 0) problems.push('no route list recorded: did the API suite run with the audit walk on?');
if (problems.length) {
  console.error(`审计遍历发现 ${problems.length} 个问题 (audit walk problems):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
