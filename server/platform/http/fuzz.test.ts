// A fuzzer over every API route, generated from the OpenAPI document: wrong types, huge strings, deep JSON, invalid
// UTF-8, SQL and HTML injection strings, path traversal, forged content types and oversized bodies. The promise:
// never a 5xx, every refusal a 4xx in the one error shape with a message, and a refused request writes nothing
// (no audit record of a business change appears for it — every business change writes one in its transaction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Permission } from '../../../contracts/roles.js';
import { sql } from '../db/sql.js';
import { MAY_CHANGE_NOTHING, NOT_AUDITED } from '../audit/audit-walk.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; required?: string[]; enum?: unknown[];
  anyOf?: Schema[]; format?: string; minimum?: number; maxLength?: number; minLength?: number; const?: unknown; nullable?: boolean };
interface Op { method: string; path: string; params: { name: string; in: string; schema?: Schema }[]; body?: Schema; multipart: boolean; permission?: Permission }

const HOSTILE = [
  "' OR '1'='1' --", "1; DROP TABLE enterprises; --", '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '%00', '\u0000', '${7*7}{{7*7}}', '😀'.repeat(50), 'Ａ'.repeat(300),
];
const HUGE = 'x'.repeat(200_000);
const UUID = '01900000-0000-7000-8000-000000000000';

/** The account that holds a permission: staff first (the broadest business role), then any role that has it. */
const USER_OF_ROLE: Record<string, string> = {
  staff: 'staff', admin: 'admin', leader: 'leader', officer: 'officer', town: 'town_baitang', dept: 'dept_zhujian',
  enterprise: 'ent_demo', informant: 'informant_demo', rescuer: 'rescuer_demo',
};
function userFor(perm?: Permission): string {
  if (!perm) return 'staff';
  const order = ['staff', ...ROLES.map((r) => r.code).filter((c) => c !== 'staff')];
  return USER_OF_ROLE[order.find((c) => ROLES.find((r) => r.code === c)!.permissions.includes(perm))!];
}

/** A value of the schema's type that passes basic validation (enough to reach the handler). */
function sample(s: Schema | undefined, depth = 0): unknown {
  if (!s || depth > 6) return null;
  if (s.anyOf?.length) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0], depth + 1);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) o[k] = sample(v, depth + 1);
      return o;
    }
    case 'array': return [sample(s.items, depth + 1)];
    case 'integer': case 'number': return Math.max(s.minimum ?? 1, 1);
    case 'boolean': return true;
    case 'string':
      switch (s.format) {
        case 'uuid': return UUID;
        case 'date': return '2022-03-01';
        case 'date-time': return '2022-03-01T08:00:00+08:00';
        default: return 'a'.repeat(Math.max(s.minLength ?? 1, 1)).slice(0, s.maxLength ?? 100);
      }
    default: return null;
  }
}

function deepJson(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

let ops: Op[] = [];
const cookies = new Map<string, string>();
async function cookieOf(user: string, renew = false) {
  if (renew || !cookies.has(user)) cookies.set(user, await t.login(user));
  return cookies.get(user)!;
}

async function lastAuditSeq(): Promise<number> {
  const [r] = await t.p.db.query<{ seq: string | null }>(sql`select max(seq) as seq from audit_log`);
  return Number(r.seq ?? 0);
}

interface Outcome { op: string; variant: string; status: number; body: string }
/** Mutating routes that accepted a fuzzed request, each with its audit record written. */
const auditedRoutes = new Set<string>();

const problems: Outcome[] = [];
let sent = 0;

async function send(op: Op, variant: string, url: string, init: { payload?: string | Buffer; headers?: Record<string, string> } = {}) {
  const user = userFor(op.permission);
  const before = await lastAuditSeq();
  const go = async () => t.as(await cookieOf(user), { method: op.method as 'POST', url, payload: init.payload, headers: init.headers });
  let res = await go();
  if (res.statusCode === 401) { await cookieOf(user, true); res = await go(); }
  sent++;
  const label = `${op.method} ${op.path}`;
  if (res.statusCode >= 500) { problems.push({ op: label, variant, status: res.statusCode, body: res.body.slice(0, 200) }); return; }
  if (res.statusCode < 300 && op.method !== 'GET') {
    // Accepted: a change of business data writes its audit record in the same request (the audit walk checks the same over every API test).
    const writes = await t.p.db.query<{ action: string }>(sql`select action from audit_log where seq > ${before} and action not like 'auth.%'`);
    if (writes.length) auditedRoutes.add(label);
    else if (!(label in NOT_AUDITED) && !(label in MAY_CHANGE_NOTHING)) problems.push({ op: label, variant, status: res.statusCode, body: 'accepted a change but wrote no audit record' });
  }
  if (res.statusCode >= 400) {
    const ok = (() => { try { const b = res.json(); return typeof b.error?.code === 'string' && typeof b.error?.message === 'string' && b.error.message.length > 0; } catch { return false; } })();
    if (!ok && res.statusCode !== 404) problems.push({ op: label, variant, status: res.statusCode, body: `not the error shape: ${res.body.slice(0, 120)}` });
    const writes = await t.p.db.query<{ action: string }>(sql`select action from audit_log where seq > ${before} and action not like 'auth.%'`);
    if (writes.length) problems.push({ op: label, variant, status: res.statusCode, body: `refused but wrote: ${writes.map((w) => w.action).join(', ')}` });
  }
}

/** Routes left out: the event stream never ends; logout would end the fuzzer's own session. */
const SKIP = new Set(['GET /api/events', 'POST /api/auth/logout',
  // On PostgreSQL every accepted variant would pg_dump the whole database; backup.test.ts walks the route there.
  ...(process.env.TEST_DATABASE_URL ? ['POST /api/system/backups'] : [])]);

describe('fuzzer over every route', () => {
  beforeAll(async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, {
      parameters?: Op['params']; requestBody?: { content: Record<string, { schema: Schema }> } }>> };
    const permOf = new Map(t.app.routeTable.map((r) => [`${r.method} ${r.url}`, r.permission]));
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const [m, o] of Object.entries(methods)) {
        const method = m.toUpperCase();
        const fastifyPath = p.replace(/\{(\w+)\}/g, ':$1');
        if (!fastifyPath.startsWith('/api/') || SKIP.has(`${method} ${fastifyPath}`) || fastifyPath.endsWith('/stream')) continue;
        ops.push({ method, path: fastifyPath, params: o.parameters ?? [], body: o.requestBody?.content['application/json']?.schema,
          multipart: !!o.requestBody?.content['multipart/form-data'], permission: permOf.get(`${method} ${fastifyPath}`) });
      }
    }
    ops = ops.sort((a, b) => (a.method === 'DELETE' ? 1 : 0) - (b.method === 'DELETE' ? 1 : 0)); // deletes last
  });

  it('finds the routes in the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(300);
  });

  it('answers every malformed request with a 4xx, never a 5xx, and writes nothing for it', { timeout: 1_500_000 }, async () => {
    for (const op of ops) {
      const pathParams = op.params.filter((x) => x.in === 'path');
      const query = op.params.filter((x) => x.in === 'query');
      const fill = (over: Record<string, string> = {}) => op.path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(over[n] ?? (pathParams.find((x) => x.name === n)?.schema?.format === 'uuid' || n.endsWith('id') || n.endsWith('Id') ? UUID : 'x')));
      // Path parameters: traversal, injection, huge.
      for (const pp of pathParams) {
        for (const bad of ['../../../../etc/passwd', "1' OR '1'='1", 'x'.repeat(5000), '%00']) await send(op, `path ${pp.name}=${bad.slice(0, 20)}`, fill({ [pp.name]: bad }));
      }
      // Query parameters: wrong types, hostile and huge strings.
      for (const q of query) {
        for (const bad of ['abc', '-1', '1e999', '[object Object]', HOSTILE[0], HOSTILE[2], HOSTILE[4], 'y'.repeat(10_000)]) {
          await send(op, `query ${q.name}=${bad.slice(0, 20)}`, `${fill()}?${q.name}=${encodeURIComponent(bad)}`);
        }
      }
      if (op.method === 'GET' || op.method === 'DELETE') continue;
      const url = fill();
      const json = { 'content-type': 'application/json' };
      if (op.multipart) {
        await send(op, 'multipart forged type, traversal name', url, { headers: { 'content-type': 'multipart/form-data; boundary=X' },
          payload: Buffer.from('--X\r\nContent-Disposition: form-data; name="file"; filename="../../../etc/passwd.png"\r\nContent-Type: image/png\r\n\r\nMZ\x90\x00not a png\r\n--X--\r\n') });
        await send(op, 'multipart broken', url, { headers: { 'content-type': 'multipart/form-data; boundary=X' }, payload: '--X\r\nbroken' });
        continue;
      }
      await send(op, 'no body', url, { headers: json });
      await send(op, 'array body', url, { headers: json, payload: '[]' });
      await send(op, 'string body', url, { headers: json, payload: '"x"' });
      await send(op, 'invalid JSON', url, { headers: json, payload: '{"a":' });
      await send(op, 'deep JSON', url, { headers: json, payload: deepJson(5000) });
      await send(op, 'invalid UTF-8', url, { headers: json, payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]) });
      await send(op, 'text/plain', url, { headers: { 'content-type': 'text/plain' }, payload: '{}' });
      await send(op, 'forged xml', url, { headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      await send(op, 'oversized', url, { headers: json, payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }) });
      if (!op.body?.properties) continue;
      const base = sample(op.body) as Record<string, unknown>;
      for (const [k, s] of Object.entries(op.body.properties)) {
        const wrong = s.type === 'string' || s.anyOf ? { n: 12345 } : 'not-a-number';
        await send(op, `field ${k} wrong type`, url, { headers: json, payload: JSON.stringify({ ...base, [k]: wrong }) });
        if (s.type === 'string' && !s.format && !s.enum) {
          await send(op, `field ${k} huge`, url, { headers: json, payload: JSON.stringify({ ...base, [k]: HUGE.slice(0, 300_000) }) });
        }
      }
      // Hostile strings in every free-text field of an otherwise plausible body: may be accepted (stored as text) or refused, never a 5xx.
      for (const h of [HOSTILE[0], HOSTILE[3], HOSTILE[7]]) {
        const body: Record<string, unknown> = { ...base };
        for (const [k, s] of Object.entries(op.body.properties)) if (s.type === 'string' && !s.format && !s.enum) body[k] = h.slice(0, s.maxLength ?? 1000);
        await send(op, `hostile ${h.slice(0, 12)}`, url, { headers: json, payload: JSON.stringify(body) });
      }
    }
    const mutating = ops.filter((o) => o.method !== 'GET').length;
    console.log(`fuzzer: ${ops.length} routes, ${sent} requests, ${problems.length} problems; ${auditedRoutes.size} of ${mutating} mutating routes accepted a fuzzed request, each writing its audit record`);
    for (const x of problems) console.log(`  ${x.status} ${x.op} [${x.variant}] ${x.body}`);
    expect(problems).toEqual([]);
  });
});
