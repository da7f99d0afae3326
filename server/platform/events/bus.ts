// Domain events: in-process, plus PostgreSQL LISTEN/NOTIFY so several server processes share them.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/db.js';

export interface DomainEvent {
  type: string;                 // e.g. notification, alarm.raised, hazard.overdue
  /** Who may see it: a single account, or records of a region / org / enterprise. Unscoped → county-wide accounts only. */
  accountId?: string;
  regionCode?: string | null;
  orgId?: string | null;
  enterpriseId?: string | null;
  data?: unknown;
  at?: string;
}

const CHANNEL = 'yingji_events';

export class EventBus {
  private readonly emitter = new EventEmitter();
  private readonly origin = randomUUID();
  private unlisten?: () => Promise<void>;

  constructor(private readonly db?: Db) { this.emitter.setMaxListeners(0); }

  /** Join the other processes' events (PostgreSQL only). */
  async start() {
    if (this.db?.kind !== 'postgres') return;
    this.unlisten = await this.db.listen(CHANNEL, (payload) => {
      try {
        const { origin, event } = JSON.parse(payload) as { origin: string; event: DomainEvent };
        if (origin !== this.origin) this.emitter.emit('event', event);
      } catch { /* a malformed payload is not ours */ }
    });
  }

  /** Publish after the change committed. */
  async publish(event: DomainEvent) {
    const e = { ...event, at: event.at ?? new Date().toISOString() };
    this.emitter.emit('event', e);
    if (this.db?.kind === 'postgres') {
      const payload = JSON.stringify({ origin: this.origin, event: e });
      // NOTIFY payloads are limited to 8000 bytes; big events travel without data and are re-read by the client.
      await this.db.notify(CHANNEL, payload.length < 7900 ? payload : JSON.stringify({ origin: this.origin, event: { ...e, data: undefined } }));
    }
  }

  subscribe(fn: (e: DomainEvent) => void): () => void {
    this.emitter.on('event', fn);
    return () => { this.emitter.off('event', fn); };
  }

  async stop() { await this.unlisten?.(); this.emitter.removeAllListeners(); }
}
