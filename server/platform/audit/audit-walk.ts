// The audit walk (issue #11): every change of business data writes its audit record.
//
// A test instrument, off unless `auditWalkDir` is configured (the test configuration sets it for every API test run).
// For each accepted (2xx) request to a mutating /api route it looks up, before the response leaves, the audit records
// written under that request's id, and appends one line to `<dir>/<pid>.jsonl`. Each app also writes the list of its
// mutating routes. After the API suite, `audit-walk.check.ts` reads them all: every mutating route must have been
// walked by some test with a valid request, and every accepted request must have written its audit record.
// The API suite's own tests supply the valid requests: a route no test exercises successfully is a gap either way.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../context.js';
import { sql } from '../db/sql.js';
import { UNSAFE } from '../http/auth-hook.js';

/** Mutating routes whose accepted requests change no business data, so write no audit record; each with the reason. */
export const NOT_AUDITED: Record<string, string> = {
  // Reads and trial computations sent by POST (a body too rich for a query string); nothing is stored.
  'POST /api/inbox/read-all': 'marks the caller\'s own notifications read: not business data',
  'POST /api/inbox/:id/read': 'marks one of the caller\'s own notifications read: not business data',
  'POST /api/command/incidents/grade': 'computes the grade a set of casualties and losses would give',
  'POST /api/command/plans/match': 'finds the plans matching an incident\'s kind and grade',
  'POST /api/law/import/preview': 'splits a text into articles to show before importing',
  'POST /api/law/import/preview-file': 'splits an uploaded file into articles to show before importing',
  'POST /api/law/proposals/try': 'computes a 裁量 proposal without saving it',
  'POST /api/major-hazard-sources/evaluate': 'computes a GB 18218 identification and grade without saving it',
  'POST /api/monitoring/warnings/import/preview': 'reads a CAP file and shows the warnings it would create',
  'POST /api/public/tipoffs/track': 'the public looks up a tip-off\'s progress by its tracking code',
  // Telemetry: readings are measurements kept as they arrived (append-only, retained ≥ 30 days, 总局令40号); the alarms
  // they raise carry their own timeline, and every person's move on an alarm is audited.
  'POST /api/monitoring/readings': 'sensor readings (telemetry), stored append-only as measured',
};

/**
 * Mutating routes that may accept a request and change nothing: an import refused whole (mode `all` with a bad row)
 * answers 200 with the rows at fault and writes nothing. The walk still requires one accepted request of each that
 * changed data and wrote its audit record.
 */
export const MAY_CHANGE_NOTHING: Record<string, string> = Object.fromEntries([
  'POST /api/enterprises/import', 'POST /api/command/duty/roster/import', 'POST /api/command/resources/shelters/import',
  'POST /api/command/resources/stock/import', 'POST /api/command/resources/teams/import', 'POST /api/command/resources/equipment/import',
  'POST /api/command/resources/experts/import', 'POST /api/flood/facilities/import',
].map((r) => [r, 'an import with a bad row is refused whole: 200 with the rows at fault, nothing written']));

/** One accepted mutating request, as the walk records it. */
export interface WalkLine { route: string; status: number; actions: string[] }

export function installAuditWalk(app: FastifyInstance, p: Platform, dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}.jsonl`);
  app.addHook('onReady', async () => {
    const routes = app.routeTable.filter((r) => UNSAFE.has(r.method) && r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    fs.writeFileSync(path.join(dir, `routes-${process.pid}.json`), JSON.stringify([...new Set(routes)].sort()));
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const url = req.routeOptions.url;
    if (!UNSAFE.has(req.method) || !url?.startsWith('/api/') || reply.statusCode >= 300) return payload;
    // The handler has committed its transaction by now: its audit records carry this request's id.
    const rows = await p.db.query<{ action: string }>(sql`select action from audit_log where request_id = ${req.id} order by seq`).catch(() => null);
    if (!rows) return payload; // the database is closing under a test's teardown: nothing to learn
    const line: WalkLine = { route: `${req.method} ${url}`, status: reply.statusCode, actions: rows.map((r) => r.action) };
    fs.appendFileSync(file, JSON.stringify(line) + '\n');
    return payload;
  });
}

/** Mutating routes the API suite does not walk with an accepted request, each with the reason. Keep it short. */
export const NOT_WALKED: Record<string, string> = {};
