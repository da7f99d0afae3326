// Change notices for in-process caches (issue 12). Triggers (migration 0104) NOTIFY `yingji_changes` when a cached
// table changes ('t:<table>', once per statement) or when an account or one of its sessions changes ('a:<account id>').
// NOTIFY is sent at commit, so a notice never announces a change that rolled back, and every server process on the
// database hears it — the caches of all of them drop what the change made stale.
//
// A cache may answer only while this listener is live: on PostgreSQL its connection can be lost (notices missed),
// and then nothing is answered from memory until it listens again, when everything cached before counts as stale.
// On PGlite notices arrive as the statement commits; on PostgreSQL a little after, so a process that has just written
// waits for its own `barrier()` before answering the writer (read your own writes, see http/response-cache.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';

const CHANNEL = 'yingji_changes';
const BARRIER_TIMEOUT_MS = 2000;

export class DataChanges {
  private readonly gens = new Map<string, number>();
  /** Bumped when listening (re)starts: anything may have changed while nobody listened. */
  private epoch = 0;
  private started?: Promise<void>;
  private live = false;
  private readonly accountHandlers = new Set<(accountId: string) => void>();
  private readonly barriers = new Map<string, () => void>();

  constructor(private readonly db: Db) {}

  /** Start listening (once; later calls wait for the first). Caches stay off until it resolves. */
  start(): Promise<void> {
    this.started ??= this.db.listen(CHANNEL, (payload) => this.receive(payload), {
      onLost: () => { this.live = false; },
      onRegained: () => { this.epoch++; this.live = true; },
    }).then(() => { this.live = true; }, (err) => { this.started = undefined; throw err; });
    return this.started;
  }

  /** Whether notices are being heard now (caches may answer only then). */
  get listening() { return this.live; }

  /** A number that grows whenever one of the tables changes (or listening restarts): equal numbers, nothing changed. */
  version(tables: readonly string[]): number {
    let v = this.epoch;
    for (const t of tables) v += this.gens.get(t) ?? 0;
    return v;
  }

  /** Called with an account's id when it or one of its sessions changed. */
  onAccountChange(fn: (accountId: string) => void): () => void {
    this.accountHandlers.add(fn);
    return () => { this.accountHandlers.delete(fn); };
  }

  /**
   * Resolves once every notice of a transaction this process committed before the call has been heard. PostgreSQL
   * delivers notices in commit order, so hearing our own later notice proves the earlier ones arrived. PGlite needs
   * nothing: its notices arrive before the commit returns.
   */
  async barrier(): Promise<void> {
    if (this.db.kind !== 'postgres' || !this.live) return;
    const token = randomUUID();
    const heard = new Promise<void>((resolve) => {
      // Not heard in time (an overloaded or broken listener): everything cached counts as stale instead.
      const timer = setTimeout(() => { this.barriers.delete(token); this.epoch++; resolve(); }, BARRIER_TIMEOUT_MS);
      this.barriers.set(token, () => { clearTimeout(timer); resolve(); });
    });
    await this.db.notify(CHANNEL, `b:${token}`);
    await heard;
  }

  private receive(payload: string) {
    const kind = payload.slice(0, 2); const value = payload.slice(2);
    if (kind === 't:') this.gens.set(value, (this.gens.get(value) ?? 0) + 1);
    else if (kind === 'a:') for (const fn of this.accountHandlers) fn(value);
    else if (kind === 'b:') { this.barriers.get(value)?.(); this.barriers.delete(value); }
  }
}

const all = new WeakMap<Db, DataChanges>();

/** The change notices of a database (one listener per database per process). */
export function dataChanges(db: Db): DataChanges {
  let c = all.get(db);
  if (!c) all.set(db, (c = new DataChanges(db)));
  return c;
}
