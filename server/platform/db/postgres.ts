// PostgreSQL back end over a `pg` pool (production durability comes from here).
import pg from 'pg';
import { BaseQueryable, type Db, type ListenHealth, type Tx } from './db.js';

const safeChannel = (channel: string) => channel.replace(/[^a-z0-9_]/g, '');

// Dates stay strings (YYYY-MM-DD) as in PGlite; bigint (int8) as number where it fits.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

class PgTx extends BaseQueryable implements Tx {
  readonly inTransaction = true as const;
  constructor(private readonly client: pg.PoolClient) { super(); }
  protected async run(text: string, values: unknown[]) {
    const r = await this.client.query(text, values as unknown[]);
    return { rows: r.rows, affected: r.rowCount ?? 0 };
  }
  async exec(text: string) { await this.client.query(text); }
}

export class PostgresDb extends BaseQueryable implements Db {
  readonly kind = 'postgres' as const;
  private listener?: pg.Client;
  private readonly handlers = new Map<string, Set<(p: string) => void>>();
  private readonly healths = new Set<ListenHealth>();
  private closing = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(readonly pool: pg.Pool, private readonly url: string) {
    super();
    pool.on('error', () => {}); // idle-client errors surface on the next query instead
  }

  static async open(url: string, max = 10): Promise<PostgresDb> {
    // Deadlines and periods are computed in Asia/Shanghai, on every connection from its start.
    const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=Asia/Shanghai' });
    const db = new PostgresDb(pool, url);
    await db.exec('select 1');
    return db;
  }

  protected async run(text: string, values: unknown[]) {
    const r = await this.pool.query(text, values as unknown[]);
    return { rows: r.rows, affected: r.rowCount ?? 0 };
  }
  async exec(text: string) { await this.pool.query(text); }

  async tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const result = await fn(new PgTx(client));
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async listen(channel: string, onPayload: (payload: string) => void, health?: ListenHealth) {
    if (health) this.healths.add(health);
    let set = this.handlers.get(channel);
    if (!set) { set = new Set(); this.handlers.set(channel, set); }
    set.add(onPayload);
    if (!this.listener) await this.connectListener();
    else await this.listener.query(`listen ${safeChannel(channel)}`);
    return async () => { set!.delete(onPayload); if (health) this.healths.delete(health); };
  }

  /** The listening connection: LISTEN on every channel asked for; when it is lost, those asking are told, and it is
   *  made again a second later (and again, until the database answers), after which they are told it is back. */
  private async connectListener() {
    const client = new pg.Client({ connectionString: this.url });
    this.listener = client;
    let lost = false;
    const onLost = () => {
      if (lost || this.closing) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      for (const h of this.healths) h.onLost?.();
      const retry = () => { if (!this.closing && !this.listener) this.connectListener().then(() => { for (const h of this.healths) h.onRegained?.(); }, () => { this.retryTimer = setTimeout(retry, 1000); }); };
      this.retryTimer = setTimeout(retry, 1000);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (n) => { for (const h of this.handlers.get(n.channel) ?? []) h(n.payload ?? ''); });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`listen ${safeChannel(channel)}`);
    } catch (err) {
      if (this.listener === client) this.listener = undefined;
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      throw err;
    }
  }

  async notify(channel: string, payload: string) {
    await this.pool.query('select pg_notify($1, $2)', [channel, payload]);
  }

  async close() {
    this.closing = true;
    clearTimeout(this.retryTimer);
    await this.listener?.end().catch(() => {});
    await this.pool.end();
  }
}
