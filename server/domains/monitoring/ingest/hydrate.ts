// Rule state of sensors this process has not seen since it started: the reading before the batch (for rate and
// stuck) and the open alarms (so hysteresis and "one open alarm" carry on across a restart).
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import type { SensorState, ThresholdCondition } from '../rules/evaluate.js';

/** States for sensors, each given the time of its first reading in the batch. */
export async function hydrateStates(tx: Queryable, sensors: { id: string; before: number }[]): Promise<Map<string, SensorState>> {
  const ids = sensors.map((s) => s.id);
  const before = sensors.map((s) => new Date(s.before).toISOString());
  const prev = await tx.query<{ id: string; ms: number | null; value: number | null }>(sql`select s.id, (extract(epoch from p.ts) * 1000)::float8 as ms, p.value
    from unnest(${ids}::uuid[], ${before}::timestamptz[]) as s(id, first)
    left join lateral (select r.ts, r.value from sensor_readings r where r.sensor_id = s.id and r.ts < s.first order by r.ts desc limit 1) p on true`);
  const open = await tx.query<{ sensor_id: string; rule: string; condition: string }>(sql`select sensor_id, rule, condition from monitoring_alarms
    where sensor_id = any(${ids}::uuid[]) and status <> 'closed' and cleared_at is null`);
  const out = new Map<string, SensorState>();
  for (const p of prev) {
    const st: SensorState = {};
    if (p.ms !== null && p.value !== null) {
      st.lastTs = Math.round(Number(p.ms)); st.lastValue = Number(p.value);
      st.stuck = { value: st.lastValue, since: st.lastTs };
    }
    out.set(p.id, st);
  }
  for (const a of open) {
    const st = out.get(a.sensor_id) ?? {};
    if (a.rule === 'threshold') st.active = a.condition as ThresholdCondition;
    if (a.rule === 'rate') st.rateActive = true;
    if (a.rule === 'stuck') st.stuckActive = true;
    out.set(a.sensor_id, st);
  }
  return out;
}
