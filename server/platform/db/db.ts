// One database interface over PGlite (embedded, default) and PostgreSQL (DATABASE_URL).
import { Sql } from './sql.js';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** Rows of a query. */
  query<T = Row>(q: Sql): Promise<T[]>;
  /** The single row, or an error when there is none. */
  one<T = Row>(q: Sql): Promise<T>;
  /** The single row or undefined. */
  maybeOne<T = Row>(q: Sql): Promise<T | undefined>;
  /** Statement for its affected-row count. */
  execute(q: Sql): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run fn in one transaction; it commits when fn resolves and rolls back when it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Subscribe to NOTIFY on a channel. PostgreSQL: on a connection of its own, reconnected when lost (`onLost` and
   *  `onRegained` say when notices may have been missed); PGlite: delivered as the notifying statement commits. */
  listen(channel: string, onPayload: (payload: string) => void, health?: ListenHealth): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Flush to disk (PGlite CHECKPOINT) and close. */
  close(): Promise<void>;
}

/** Told when a listener's connection is lost (notices may be missed from then) and when it listens again. */
export interface ListenHealth { onLost?: () => void; onRegained?: () => void }

export interface Tx extends Queryable {
  readonly inTransaction: true;
}

/** Shared helpers so each back end implements only `run`. */
export abstract class BaseQueryable implements Queryable {
  protected abstract run(text: string, values: unknown[]): Promise<{ rows: Row[]; affected: number }>;
  abstract exec(text: string): Promise<void>;

  async query<T = Row>(q: Sql): Promise<T[]> {
    const { text, values } = q.compile();
    return (await this.run(text, values)).rows as T[];
  }
  async one<T = Row>(q: Sql): Promise<T> {
    const rows = await this.query<T>(q);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0];
  }
  async maybeOne<T = Row>(q: Sql): Promise<T | undefined> {
    return (await this.query<T>(q))[0];
  }
  async execute(q: Sql): Promise<number> {
    const { text, values } = q.compile();
    return (await this.run(text, values)).affected;
  }
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}
