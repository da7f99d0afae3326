// Answers of busy read routes kept in memory (issue 12): a route names the tables its answer is read from
// (`config.cache`), and the answer to the same caller for the same URL is served from memory until one of those
// tables changes — in any server process (db/changes.ts) — or a minute passes (lists judge "overdue" and licence
// expiry against today's date). While the change notices are not heard, nothing is served from memory.
//
// - Per caller: the key is the account, its roles and scope, and the whole URL, so no answer crosses accounts.
// - Read your own writes: a changing request by a signed-in person waits, before its answer, until this process has
//   heard the notices of what it committed (`barrier`); the web client also sends `Cache-Control: no-cache` for a
//   few seconds after its own changes, which this honours, so a change is seen at once even on another process.
// - One computation per key at a time: requests arriving while it runs wait for its answer (up to 10 s; a caller that
//   goes away releases them) instead of each querying.
// - Only 200 answers are kept; at most MAX_ENTRIES answers and MAX_BYTES in all, the oldest dropped first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../context.js';
import { dataChanges } from '../db/changes.js';
import { UNSAFE } from './auth-hook.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Serve this GET's answers from memory until one of these tables changes (http/response-cache.ts). */
    cache?: readonly string[];
  }
  interface FastifyRequest {
    cacheSlot?: Slot;
  }
}

const TTL_MS = 60_000;
/** How long a request waits for the same answer being computed by another before computing its own. */
const SHARE_WAIT_MS = 10_000;
const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 2 ** 20;

/** The promise's value, or undefined when it has not settled within `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), ms); });
  try { return await Promise.race([promise, late]); } finally { clearTimeout(timer); }
}

interface Entry { body: Buffer; type: string; version: number; at: number }
interface Slot { key: string; version: number; at: number; done: (e: Entry | undefined) => void }

/** Counters, for tests and the benchmark: how often the memory answered. */
export interface ResponseCacheStats { hits: number; misses: number; shared: number; stored: number }

export function installResponseCache(app: FastifyInstance, p: Platform): ResponseCacheStats {
  const changes = dataChanges(p.db);
  const entries = new Map<string, Entry>();
  const running = new Map<string, Promise<Entry | undefined>>();
  const stats: ResponseCacheStats = { hits: 0, misses: 0, shared: 0, stored: 0 };
  let bytes = 0;

  const drop = (key: string) => { const e = entries.get(key); if (e) { bytes -= e.body.length; entries.delete(key); } };
  const fresh = (e: Entry | undefined, tables: readonly string[]) => {
    if (!e) return false;
    const age = p.clock().getTime() - e.at;
    return age >= 0 && age <= TTL_MS && e.version === changes.version(tables);
  };
  const send = (reply: FastifyReply, e: Entry, how: string) => reply.header('content-type', e.type).header('x-cache', how).send(e.body);

  app.addHook('onRequest', async (req, reply) => {
    const tables = req.routeOptions.config.cache;
    if (!tables || req.method !== 'GET' || !changes.listening || !req.ctx?.actor.id) return;
    const a = req.ctx.actor;
    const key = `${a.id}|${a.roles.join(',')}|${JSON.stringify(a.scope)}|${req.url}`;
    const noCache = /no-cache|no-store|max-age=0/.test(String(req.headers['cache-control'] ?? '') + String(req.headers.pragma ?? ''));
    if (!noCache) {
      const e = entries.get(key);
      if (fresh(e, tables)) { stats.hits++; return send(reply, e!, 'hit'); }
      const pending = running.get(key);
      if (pending) {
        const shared = await within(pending, SHARE_WAIT_MS);
        if (fresh(shared, tables)) { stats.shared++; return send(reply, shared!, 'shared'); }
      }
    }
    stats.misses++;
    let done!: (e: Entry | undefined) => void;
    const promise = new Promise<Entry | undefined>((resolve) => { done = resolve; });
    if (!running.has(key)) {
      running.set(key, promise);
      void promise.then(() => { if (running.get(key) === promise) running.delete(key); });
    }
    req.cacheSlot = { key, version: changes.version(tables), at: p.clock().getTime(), done };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.cacheSlot;
    if (!slot) return payload;
    req.cacheSlot = undefined;
    const tables = req.routeOptions.config.cache!;
    // Kept only if nothing it was read from changed while it was being computed.
    if (reply.statusCode !== 200 || typeof payload !== 'string' || slot.version !== changes.version(tables) || !changes.listening) {
      slot.done(undefined);
      return payload;
    }
    // Kept as bytes: sending a string costs its UTF-8 length and encoding on every answer (the Chinese text of a page).
    const body = Buffer.from(payload);
    const e: Entry = { body, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'), version: slot.version, at: slot.at };
    drop(slot.key);
    while (entries.size && (entries.size >= MAX_ENTRIES || bytes + body.length > MAX_BYTES)) drop(entries.keys().next().value!);
    entries.set(slot.key, e);
    bytes += body.length;
    stats.stored++;
    slot.done(e);
    reply.header('x-cache', 'miss');
    return body;
  });

  // An answer that failed before onSend (a thrown error is sent through onSend too), or whose caller went away.
  const release = async (req: FastifyRequest) => { req.cacheSlot?.done(undefined); req.cacheSlot = undefined; };
  app.addHook('onResponse', release);
  app.addHook('onRequestAbort', release);

  // Read your own writes: answer a signed-in person's change only after this process heard its notices.
  app.addHook('onSend', async (req: FastifyRequest, _reply, payload) => {
    if (UNSAFE.has(req.method) && req.ctx?.actor.sessionId) await changes.barrier();
    return payload;
  });

  return stats;
}
