// The ingester shared by MQTT and HTTP: readings wait at most a few milliseconds to form a batch (up to 500), each
// batch is one transaction (readings, rollups, latest values, rule evaluation, alarms), and every submitter is
// answered only after that transaction committed — the caller acknowledges (PUBACK, HTTP 2xx) only then.
// Batches are written one after another, so rule state moves in reading order.
import type { Platform } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { DomainEvent } from '../../../platform/events/bus.js';
import { applyActions, type AnyAction } from '../alarms/alarms.raise.js';
import { evaluate, type SensorState } from '../rules/evaluate.js';
import { hydrateStates } from './hydrate.js';
import { DeviceCache } from './device-cache.js';
import { LiveValues } from './live-values.js';
import { insertReadings, type ReadingRow } from './readings.store.js';
import { IngestStats } from './stats.js';

interface Submission { rows: ReadingRow[]; resolve: (inserted: number) => void; reject: (err: Error) => void }

export interface IngesterOptions { windowMs?: number; maxBatch?: number }

/** The batch writer and rule evaluator shared by MQTT and HTTP ingestion. */
export class Ingester {
  readonly stats = new IngestStats();
  readonly cache: DeviceCache;
  private readonly live: LiveValues;
  private readonly states = new Map<string, SensorState>();
  private queue: Submission[] = [];
  private queued = 0;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly windowMs: number;
  private readonly maxBatch: number;
  private stopped = false;

  constructor(private readonly p: Platform, opts: IngesterOptions = {}) {
    this.windowMs = opts.windowMs ?? 5;
    this.maxBatch = opts.maxBatch ?? 500;
    this.cache = new DeviceCache(p.db);
    this.live = new LiveValues(p.events);
  }

  /** Queue readings; resolves with how many were new once their batch has committed. */
  submit(rows: ReadingRow[]): Promise<number> {
    if (this.stopped) return Promise.reject(new Error('ingester stopped'));
    if (!rows.length) return Promise.resolve(0);
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queued += rows.length;
      if (this.queued >= this.maxBatch) this.kick(0);
      else if (!this.timer) this.kick(this.windowMs);
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
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running || this.queue.length) await (this.running ?? this.drain());
    this.live.stop();
  }

  private kick(delay: number) {
    if (this.running) return; // the running loop takes the queue when its batch is done
    clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; void this.drain(); }, delay);
  }

  private drain(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      while (this.queue.length) {
        const take: Submission[] = [];
        let n = 0;
        while (this.queue.length && (n === 0 || n + this.queue[0].rows.length <= this.maxBatch)) { const s = this.queue.shift()!; take.push(s); n += s.rows.length; }
        this.queued -= n;
        await this.flush(take);
      }
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async flush(take: Submission[]) {
    const rows = take.flatMap((s) => s.rows);
    let result: { inserted: ReadingRow[]; events: DomainEvent[]; staged: Map<string, SensorState> };
    try {
      result = await this.p.db.tx((tx) => this.write(tx, rows));
    } catch (err) {
      this.p.log.error({ err, readings: rows.length }, '监测读数写入失败（未确认，设备将重发）');
      this.stats.reject('write_failed', rows.length);
      for (const r of rows) this.states.delete(r.sensorId);
      for (const s of take) s.reject(err as Error);
      return;
    }
    for (const [id, st] of result.staged) this.states.set(id, st);
    this.stats.batches++;
    this.stats.accepted += result.inserted.length;
    this.stats.duplicates += rows.length - result.inserted.length;
    const fresh = new Set(result.inserted.map((r) => `${r.sensorId}|${r.ts}`));
    for (const s of take) s.resolve(s.rows.filter((r) => fresh.delete(`${r.sensorId}|${r.ts}`)).length);
    for (const e of result.events) await this.p.events.publish(e).catch((err) => this.p.log.warn({ err }, 'alarm event not published'));
    if (result.events.length) this.p.jobs.kick();
    for (const r of result.inserted) {
      const c = this.cache.sensor(r.sensorId);
      if (c) this.live.note(c.device.place, r.sensorId, r.ts, r.value);
    }
  }

  /** One batch inside its transaction: insert, then evaluate the new rows of each sensor in time order. */
  private async write(tx: Queryable, rows: ReadingRow[]) {
    const inserted = await insertReadings(tx, rows);
    const bySensor = new Map<string, ReadingRow[]>();
    for (const r of inserted) {
      const c = this.cache.sensor(r.sensorId);
      if (!c || c.device.status !== 'active' || !c.sensor.enabled) continue; // 维护/停用: stored, not judged
      let list = bySensor.get(r.sensorId);
      if (!list) bySensor.set(r.sensorId, (list = []));
      list.push(r);
    }
    const staged = new Map<string, SensorState>();
    const events: DomainEvent[] = [];
    if (!bySensor.size) return { inserted, events, staged };
    const unknown = [...bySensor.keys()].filter((id) => !this.states.has(id));
    const hydrated = unknown.length ? await hydrateStates(tx, unknown.map((id) => ({ id, before: Math.min(...bySensor.get(id)!.map((r) => r.ts)) }))) : new Map();
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
      if (actions.length) {
        events.push(...(await applyActions(this.p, tx, c.device.place, { id, name: c.sensor.name, code: c.sensor.code, unit: c.sensor.unit }, actions)));
      }
    }
    return { inserted, events, staged };
  }
}
