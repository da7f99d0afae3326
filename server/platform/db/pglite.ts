// PGlite back end: PostgreSQL in WebAssembly, one connection in this process, data under DATA_DIR.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { BaseQueryable, type Db, type Row, type Tx } from './db.js';

type PgTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

class PgliteTx extends BaseQueryable implements Tx {
  readonly inTransaction = true as const;
  constructor(private readonly t: PgTx) { super(); }
  protected async run(text: string, values: unknown[]) {
    const r = await this.t.query<Row>(text, values);
    return { rows: r.rows, affected: r.affectedRows ?? 0 };
  }
  async exec(text: string) { await this.t.exec(text); }
}

export class PgliteDb extends BaseQueryable implements Db {
  readonly kind = 'pglite' as const;
  constructor(readonly pg: PGlite) { super(); }

  /** Open (or create) a database in dataDir; `loadDataDir` clones a dumped template (tests). */
  static async open(opts: { dataDir?: string; loadDataDir?: Blob | File }): Promise<PgliteDb> {
    const pg = await PGlite.create({
      dataDir: opts.dataDir,
      loadDataDir: opts.loadDataDir,
      extensions: { pg_trgm },
    });
    await pg.exec("set timezone = 'Asia/Shanghai'");
    return new PgliteDb(pg);
  }

  protected async run(text: string, values: unknown[]) {
    const r = await this.pg.query<Row>(text, values);
    return { rows: r.rows, affected: r.affectedRows ?? 0 };
  }
  async exec(text: string) { await this.pg.exec(text); }
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.pg.transaction((t) => fn(new PgliteTx(t)));
  }
  /** PGlite runs the callbacks as the notifying statement (or its transaction) commits, before the query resolves. */
  async listen(channel: string, onPayload: (payload: string) => void) {
    const unlisten = await this.pg.listen(channel, onPayload);
    return async () => { if (!this.pg.closed) await unlisten(); };
  }
  async notify() {}
  async close() {
    if (this.pg.closed) return;
    await this.pg.exec('checkpoint');
    await this.pg.close();
  }
}
