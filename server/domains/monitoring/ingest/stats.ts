// Counters of one process's ingestion: readings accepted, duplicates ignored, rejections by reason.
import type { RejectReason } from './payload.js';

/** Ingestion counters of this process. */
export class IngestStats {
  since = new Date();
  accepted = 0;
  duplicates = 0;
  batches = 0;
  /** Batches written again, skipping stored readings, after the all-new form met one (readings.store.ts). */
  retried = 0;
  /** Time spent writing batches (sum over lanes, ms): with `batches`, what the benchmark reports as the writers' load. */
  writeMs = 0;
  /** Of `writeMs`: the readings statement (round trip included), and judging the readings (their sensors' state and
   *  rules); the rest is writing what the rules decided (alarms), and taking a connection, begin and commit when a
   *  batch needs a transaction. */
  insertMs = 0;
  judgeMs = 0;
  readonly rejected: Partial<Record<RejectReason, number>> = {};

  /** Count `n` rejections of one reason. */
  reject(reason: RejectReason, n = 1) { this.rejected[reason] = (this.rejected[reason] ?? 0) + n; }

  snapshot() {
    return { since: this.since.toISOString(), accepted: this.accepted, duplicates: this.duplicates, batches: this.batches, retried: this.retried, rejected: { ...this.rejected } as Record<string, number> };
  }
}
