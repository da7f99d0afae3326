// Live values for the monitoring screen: at most one event a second per scope (region, enterprise, regulator),
// carrying the newest value of each sensor that reported since the last one.
import type { EventBus } from '../../../platform/events/bus.js';
import type { AlarmPlace } from '../alarms/alarms.raise.js';

const PER_EVENT = 80; // keeps a PostgreSQL NOTIFY payload under its 8000-byte limit

/** Throttled live values on the event bus. */
export class LiveValues {
  private pending = new Map<string, { place: AlarmPlace; values: Map<string, { ts: number; value: number }> }>();
  /** The scope key of each place object (a cached device's place is one object; a batch notes thousands of readings). */
  private readonly keys = new WeakMap<AlarmPlace, string>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly events: EventBus, everyMs = 1000) {
    this.timer = setInterval(() => this.flush(), everyMs);
    this.timer.unref();
  }

  /** Remember the newest value of a sensor. */
  note(place: AlarmPlace, sensorId: string, ts: number, value: number) {
    let key = this.keys.get(place);
    if (key === undefined) this.keys.set(place, (key = `${place.regionCode}|${place.enterpriseId ?? ''}|${place.regulatorOrgId ?? ''}`));
    let g = this.pending.get(key);
    if (!g) this.pending.set(key, (g = { place, values: new Map() }));
    const cur = g.values.get(sensorId);
    if (!cur || cur.ts < ts) g.values.set(sensorId, { ts, value });
  }

  /** Publish what gathered. */
  flush() {
    const groups = this.pending;
    this.pending = new Map();
    for (const { place, values } of groups.values()) {
      const list = [...values].map(([sensorId, v]) => ({ sensorId, ts: new Date(v.ts).toISOString(), value: v.value }));
      for (let i = 0; i < list.length; i += PER_EVENT) {
        void this.events.publish({ type: 'monitoring.values', regionCode: place.regionCode, enterpriseId: place.enterpriseId, orgId: place.regulatorOrgId,
          data: { values: list.slice(i, i + PER_EVENT) } }).catch(() => {});
      }
    }
  }

  stop() { clearInterval(this.timer); this.flush(); }
}
