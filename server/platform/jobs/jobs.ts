// Durable jobs (a table, retried with backoff) and a schedule that one process runs per tick.
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';

export type JobHandler = (payload: Record<string, unknown>) => Promise<void>;
interface Schedule { name: string; everyMs: number; kind: string; payload?: Record<string, unknown> }
interface JobRow { id: string; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }

/** Retry delay after the n-th failed attempt: 2^n seconds, at most one hour. */
export const backoffMs = (attempts: number) => Math.min(3600_000, 1000 * 2 ** attempts);

export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Schedule[] = [];
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

  constructor(private readonly db: Db, private readonly log: FastifyBaseLogger, private readonly pollMs: number, private readonly clock: () => Date = () => new Date()) {}

  register(kind: string, handler: JobHandler) { this.handlers.set(kind, handler); }

  /** Run `kind` every `everyMs` (one process enqueues it per tick). */
  every(name: string, everyMs: number, kind: string, payload?: Record<string, unknown>) { this.schedules.push({ name, everyMs, kind, payload }); }

  /** Queue a job, in the caller's transaction when given one. */
  async enqueue(db: Queryable, kind: string, payload: Record<string, unknown> = {}, opts: { runAt?: Date; maxAttempts?: number } = {}) {
    const id = uuidv7();
    await db.execute(sql`insert into jobs (id, kind, payload, run_at, max_attempts)
      values (${id}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${(opts.runAt ?? this.clock()).toISOString()}, ${opts.maxAttempts ?? 8})`);
    return id;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.drain().then(() => {}, (err) => this.log.error({ err }, 'job loop failed'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.pollMs);
    };
    this.timer = setTimeout(loop, 10);
  }

  /** Process due work now (after a commit that queued something). */
  kick() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.stopped = true; this.start(); }, 0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Run the schedule tick, then every due job; returns how many jobs ran. Tests call this directly. */
  async drain(limit = 100): Promise<number> {
    await this.tickSchedules();
    let n = 0;
    while (n < limit && (await this.runOne())) n++;
    return n;
  }

  private async tickSchedules() {
    if (!this.schedules.length) return;
    await this.db.tx(async (tx) => {
      // One process runs the schedule at a time (the leader for this tick).
      const [{ leader }] = await tx.query<{ leader: boolean }>(sql`select pg_try_advisory_xact_lock(724003) as leader`);
      if (!leader) return;
      const now = this.clock();
      for (const s of this.schedules) {
        const row = await tx.maybeOne<{ next_run_at: Date }>(sql`select next_run_at from job_schedules where name = ${s.name}`);
        if (row && new Date(row.next_run_at) > now) continue;
        await this.enqueue(tx, s.kind, s.payload ?? {});
        const next = new Date(now.getTime() + s.everyMs).toISOString();
        await tx.execute(sql`insert into job_schedules (name, next_run_at, last_run_at) values (${s.name}, ${next}, ${now.toISOString()})
          on conflict (name) do update set next_run_at = excluded.next_run_at, last_run_at = excluded.last_run_at`);
      }
    });
  }

  private async runOne(): Promise<boolean> {
    const now = this.clock();
    const job = await this.db.maybeOne<JobRow>(sql`update jobs set status = 'running', attempts = attempts + 1,
        locked_until = ${new Date(now.getTime() + 5 * 60_000).toISOString()}
      where id = (select id from jobs where status in ('queued', 'running') and run_at <= ${now.toISOString()}
        and (locked_until is null or locked_until < ${now.toISOString()}) order by run_at limit 1 for update skip locked)
      returning id, kind, payload, attempts, max_attempts`);
    if (!job) return false;
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload);
      await this.db.execute(sql`update jobs set status = 'done', finished_at = ${this.clock().toISOString()}, locked_until = null, last_error = null where id = ${job.id}`);
    } catch (err) {
      const failed = job.attempts >= job.max_attempts;
      this.log.warn({ err, job: job.id, kind: job.kind, attempts: job.attempts }, failed ? 'job failed for good' : 'job failed, will retry');
      await this.db.execute(sql`update jobs set status = ${failed ? 'failed' : 'queued'}, locked_until = null,
        last_error = ${String((err as Error).message ?? err).slice(0, 2000)},
        run_at = ${new Date(this.clock().getTime() + backoffMs(job.attempts)).toISOString()},
        finished_at = ${failed ? this.clock().toISOString() : null} where id = ${job.id}`);
    }
    return true;
  }
}
