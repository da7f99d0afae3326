// Signed-in requests without a database round trip (issue 12): the session and account behind a token's hash, kept
// in memory while the change notices (db/changes.ts) are heard. Any change to the account, or a session of it ending,
// drops that account's entries in every process; an entry is also re-read after a minute (a renamed region in the
// scope label, say). Expiry and idle time are still judged on every request against the clock.
import type { Db } from '../db/db.js';
import { dataChanges, type DataChanges } from '../db/changes.js';
import type { findSessionAccount } from './accounts.store.js';

export type SessionAccount = NonNullable<Awaited<ReturnType<typeof findSessionAccount>>>;

const TTL_MS = 60_000;
const MAX_ENTRIES = 20_000;

export class SessionCache {
  private readonly byHash = new Map<string, { row: SessionAccount; at: number }>();
  private readonly byAccount = new Map<string, Set<string>>();
  /** Bumped by every account notice: a read that began before one may not be kept. */
  private gen = 0;

  constructor(private readonly changes: DataChanges) {
    changes.onAccountChange((id) => this.forgetAccount(id));
  }

  get(hash: string): SessionAccount | undefined {
    if (!this.changes.listening) return undefined;
    const e = this.byHash.get(hash);
    if (!e) return undefined;
    if (performance.now() - e.at > TTL_MS) { this.forget(hash); return undefined; }
    return e.row;
  }

  /** Taken before reading from the database; `set` keeps the row only if nothing changed since. */
  mark() { return `${this.changes.version([])}:${this.gen}`; }

  set(hash: string, row: SessionAccount, mark: string) {
    if (!this.changes.listening || mark !== this.mark() || row.session_revoked_at || row.id === null) return;
    if (this.byHash.size >= MAX_ENTRIES) this.forget(this.byHash.keys().next().value!);
    this.byHash.set(hash, { row, at: performance.now() });
    let set = this.byAccount.get(row.id);
    if (!set) this.byAccount.set(row.id, (set = new Set()));
    set.add(hash);
  }

  forget(hash: string) {
    const e = this.byHash.get(hash);
    if (!e) return;
    this.byHash.delete(hash);
    if (e.row.id !== null) this.byAccount.get(e.row.id)?.delete(hash);
  }

  forgetAccount(accountId: string) {
    this.gen++;
    for (const hash of this.byAccount.get(accountId) ?? []) this.byHash.delete(hash);
    this.byAccount.delete(accountId);
  }
}

const all = new WeakMap<Db, SessionCache>();

/** The session cache of a database. */
export function sessionCache(db: Db): SessionCache {
  let c = all.get(db);
  if (!c) all.set(db, (c = new SessionCache(dataChanges(db))));
  return c;
}
