// The ingester shared by MQTT and HTTP: readings wait at most a few milliseconds to form a batch, each batch is
// written atomically (readings, their record for the rollups, latest values, and the alarms its readings raise or
// clear: one statement when no alarm moves, which is nearly always, else one transaction), and every submitter is
// answered only after it committed — the caller acknowledges (PUBACK, HTTP 2xx) only then. A quarter second after a
// batch, what is pending is folded into the 1-minute and 1-hour rollups (storage/rollups.ts).
// Group commit: while a batch is being written, what arrives queues and goes into the next batch, up to 2,000
// readings (one statement of 2,000 rows costs far less than four of 500, and an alarm's reading still waits for at most
// one such batch before its own; issue 12). Batches of one lane are written one after another, so rule state moves in
// reading order. On PostgreSQL there are two lanes, a device always in the same one (its sensors' rule state, rollup
// rows and alarms belong to it alone), so one lane's transaction runs while the other lane's waits on a round trip;
// PGlite has one connection and one lane.
import type { Platform } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { DomainEvent } from '../../../platform/events/bus.js';
import { applyActions, type AnyAction } from '../alarms/alarms.raise.js';
import { foldAllRollups } from '../storage/rollups.js';
import { evaluate, type SensorState } from '../rules/evaluate.js';
import { hydrateStates } from './hydrate.js';
import { DeviceCache } from './device-cache.js';
import { LiveValues } from './live-values.js';
import { insertNewReadings, insertReadings, isDuplicateReading, ReadingKeys, uniqueReadings, type ReadingRow } from './readings.store.js';
import { IngestStats } from './stats.js';

/** How long after a batch met a reading stored already batches skip stored readings rather than assume none. */
const CAREFUL_MS = 30_000;

/** A committed batch: its new readings, the sensors' new rule states, the events to publish. */
interface Written { inserted: ReadingRow[]; staged: Map<string, SensorState>; events: DomainEvent[] }

interface Submission { rows: ReadingRow[]; resolve: (inserted: number) => void; reject: (err: Error) => void }

export interface IngesterOptions { windowMs?: number; maxBatch?: number; lanes?: number; foldDelayMs?: number }

/** One writer: its queue and the loop that writes it, a batch at a time. */
interface Lane { queue: Submission[]; queued: number; timer?: NodeJS.Timeout; running?: Promise<void> }

/** A lane index for a device id (a stable hash, so a device always writes through the same lane). */
const laneOf = (deviceId: string | undefined, lanes: number) => {
  if (lanes === 1 || !deviceId) return 0;
  let h = 0;
  for (let i = 0; i < deviceId.length; i++) h = (h * 31 + deviceId.charCodeAt(i)) | 0;
  return Math.abs(h) % lanes;
};

/** The batch writer and rule evaluator shared by MQTT and HTTP ingestion. */
export class Ingester {
  readonly stats = new IngestStats();
  readonly cache: DeviceCache;
  private readonly live: LiveValues;
  private readonly states = new Map<string, SensorState>();
  private readonly lanes: Lane[];
  private readonly windowMs: number;
  private readonly maxBatch: number;
  private readonly foldDelayMs: number;
  private foldTimer?: NodeJS.Timeout;
  private folding?: Promise<void>;
  private stopped = false;
  private carefulUntil = 0;

  constructor(private readonly p: Platform, opts: IngesterOptions = {}) {
    this.windowMs = opts.windowMs ?? 5;
    this.maxBatch = opts.maxBatch ?? 2000;
    this.foldDelayMs = opts.foldDelayMs ?? 250;
    const lanes = opts.lanes ?? (p.db.kind === 'postgres' ? 2 : 1);
    this.lanes = Array.from({ length: Math.max(1, lanes) }, () => ({ queue: [], queued: 0 }));
    this.cache = new DeviceCache(p.db);
    this.live = new LiveValues(p.events);
    this.scheduleFold(); // what a stopped or killed process left pending
  }

  /** Queue readings (of one device, when `deviceId` is given); resolves with how many were new once their batch has committed. */
  submit(rows: ReadingRow[], deviceId?: string): Promise<number> {
    if (this.stopped) return Promise.reject(new Error('ingester stopped'));
    if (!rows.length) return Promise.resolve(0);
    const lane = this.lanes[laneOf(deviceId, this.lanes.length)];
    return new Promise((resolve, reject) => {
      lane.queue.push({ rows, resolve, reject });
      lane.queued += rows.length;
      if (lane.queued >= this.maxBatch) this.kick(lane, 0);
      else if (!lane.timer) this.kick(lane, this.windowMs);
    });
  }

  /** Forget cached devices and rule state of a device (its registry entry changed). */
  invalidate(deviceId: string) {
    for (const [id, s] of this.states) if (this.cache.sensor(id)?.device.id === deviceId) this.states.delete(id);
    this.cache.invalidate(deviceId);
  }

  /** Write what is queued and stop taking more. */
  async stop() {
    this.stopped = true;
    for (const lane of this.lanes) {
      clearTimeout(lane.timer);
      lane.timer = undefined;
      while (lane.running || lane.queue.length) await (lane.running ?? this.drain(lane));
    }
    clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    await this.foldNow();
    this.live.stop();
  }

  /** Fold what is pending into the rollups now (and wait for a fold already running); a fold scheduled is not needed. */
  async foldNow(): Promise<void> {
    clearTimeout(this.foldTimer);
    this.foldTimer = undefined;
    while (this.folding) await this.folding;
    this.folding = (async () => {
      try {
        await foldAllRollups(this.p.db);
      } catch (err) {
        this.p.log.warn({ err }, '监测读数汇总（分钟/小时）暂未完成，稍后重试；图表已包含未汇总的读数');
        if (!this.stopped) this.scheduleFold(5_000);
      }
    })().finally(() => { this.folding = undefined; });
    return this.folding;
  }

  /**
   * Fold in a moment: batches written meanwhile go in the same fold, so a busy sensor's rollup row is updated once
   * per fold, not once per batch (storage/rollups.ts).
   */
  private scheduleFold(delay = this.foldDelayMs) {
    if (this.foldTimer || this.stopped) return;
    this.foldTimer = setTimeout(() => { this.foldTimer = undefined; void this.foldNow(); }, delay);
    this.foldTimer.unref();
  }

  private kick(lane: Lane, delay: number) {
    if (lane.running) return; // the running loop takes the queue when its batch is done
    clearTimeout(lane.timer);
    lane.timer = setTimeout(() => { lane.timer = undefined; void this.drain(lane); }, delay);
  }

  private drain(lane: Lane): Promise<void> {
    if (lane.running) return lane.running;
    lane.running = (async () => {
      while (lane.queue.length) {
        const take: Submission[] = [];
        let n = 0;
        while (lane.queue.length && (n === 0 || n + lane.queue[0].rows.length <= this.maxBatch)) { const s = lane.queue.shift()!; take.push(s); n += s.rows.length; }
        lane.queued -= n;
        await this.flush(take);
      }
    })().finally(() => { lane.running = undefined; });
    return lane.running;
  }

  private async flush(take: Submission[]) {
    const rows = take.flatMap((s) => s.rows);
    let result: Written;
    const t0 = performance.now();
    try {
      result = await this.writeBatch(rows);
    } catch (err) {
      this.p.log.error({ err, readings: rows.length }, '监测读数写入失败（未确认，设备将重发）');
      this.stats.reject('write_failed', rows.length);
      for (const r of rows) this.states.delete(r.sensorId);
      for (const s of take) s.reject(err as Error);
      return;
    }
    this.stats.writeMs += performance.now() - t0;
    for (const [id, st] of result.staged) this.states.set(id, st);
    this.stats.batches++;
    this.stats.accepted += result.inserted.length;
    if (result.inserted.length) this.scheduleFold();
    this.stats.duplicates += rows.length - result.inserted.length;
    if (result.inserted.length === rows.length) for (const s of take) s.resolve(s.rows.length); // all new: the usual case
    else {
      const fresh = new ReadingKeys();
      for (const r of result.inserted) fresh.add(r);
      for (const s of take) s.resolve(s.rows.filter((r) => fresh.delete(r)).length);
    }
    for (const e of result.events) await this.p.events.publish(e).catch((err) => this.p.log.warn({ err }, 'alarm event not published'));
    if (result.events.length) this.p.jobs.kick();
    for (const r of result.inserted) {
      const c = this.cache.sensor(r.sensorId);
      if (c) this.live.note(c.device.place, r.sensorId, r.ts, r.value);
    }
  }

  /**
   * Write a batch. The usual way assumes its readings are new (readings.store.ts): they are judged first, and when
   * no alarm moves — nearly always — the batch is one statement committing on its own, one round trip; otherwise the
   * statement and the alarms' writes share a transaction. When a reading was stored already (a device resending what
   * it sent before its acknowledgement was lost), the batch is written again in a transaction that skips stored
   * readings and judges only the new ones — and for the next half minute every batch so, as resends come in runs.
   */
  private async writeBatch(rows: ReadingRow[]): Promise<Written> {
    if (performance.now() >= this.carefulUntil) {
      const list = uniqueReadings(rows);
      const { staged, moves } = await this.judge(this.p.db, list);
      try {
        if (!moves.length) {
          await this.timed('insertMs', () => insertReadings(this.p.db, list));
          return { inserted: list, staged, events: [] };
        }
        return await this.p.db.tx(async (tx) => {
          await this.timed('insertMs', () => insertReadings(tx, list));
          return { inserted: list, staged, events: await this.apply(tx, moves) };
        });
      } catch (err) {
        if (!isDuplicateReading(err)) throw err;
        this.carefulUntil = performance.now() + CAREFUL_MS;
        this.stats.retried++;
      }
    }
    return this.p.db.tx(async (tx) => {
      const inserted = await this.timed('insertMs', () => insertNewReadings(tx, rows));
      const { staged, moves } = await this.judge(tx, inserted);
      return { inserted, staged, events: await this.apply(tx, moves) };
    });
  }

  /** Runs `fn`, adding the time it took to a counter of IngestStats. */
  private async timed<T>(counter: 'insertMs' | 'judgeMs', fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try { return await fn(); } finally { this.stats[counter] += performance.now() - t0; }
  }

  /**
   * Evaluate the readings of each sensor in time order, from its state (read from the database for a sensor this
   * process has not judged yet). Pure but for that read: the new states are kept only once the batch committed.
   */
  private judge(q: Queryable, readings: ReadingRow[]) {
    return this.timed('judgeMs', () => this.evaluateAll(q, readings));
  }

  private async evaluateAll(q: Queryable, readings: ReadingRow[]) {
    const bySensor = new Map<string, ReadingRow[]>();
    for (const r of readings) {
      const c = this.cache.sensor(r.sensorId);
      if (!c || c.device.status !== 'active' || !c.sensor.enabled) continue; // 维护/停用: stored, not judged
      let list = bySensor.get(r.sensorId);
      if (!list) bySensor.set(r.sensorId, (list = []));
      list.push(r);
    }
    const staged = new Map<string, SensorState>();
    const moves: { sensorId: string; actions: AnyAction[] }[] = [];
    if (!bySensor.size) return { staged, moves };
    const unknown = [...bySensor.keys()].filter((id) => !this.states.has(id));
    const hydrated = unknown.length ? await hydrateStates(q, unknown.map((id) => ({ id, before: Math.min(...bySensor.get(id)!.map((r) => r.ts)) }))) : new Map();
    for (const [id, list] of bySensor) {
      const c = this.cache.sensor(id)!;
      let st = this.states.get(id) ?? hydrated.get(id) ?? {};
      const actions: AnyAction[] = [];
      for (const r of list.sort((a, b) => a.ts - b.ts)) {
        const out = evaluate(c.sensor, st, r.ts, r.value);
        st = out.state;
        actions.push(...out.actions);
      }
      staged.set(id, st);
      if (actions.length) moves.push({ sensorId: id, actions });
    }
    return { staged, moves };
  }

  /** In the batch's transaction: what the rules decided (alarms raised, cleared, escalated); the events to publish. */
  private async apply(tx: Queryable, moves: { sensorId: string; actions: AnyAction[] }[]) {
    const events: DomainEvent[] = [];
    for (const { sensorId, actions } of moves) {
      const c = this.cache.sensor(sensorId)!;
      events.push(...(await applyActions(this.p, tx, c.device.place, { id: sensorId, name: c.sensor.name, code: c.sensor.code, unit: c.sensor.unit }, actions)));
    }
    return events;
  }
}
