// The offline check (a job, every minute): a device with no reading for `intervals` × its shortest reporting interval
// raises one offline alarm; its next reading clears it. Devices silent for longer than the look-back are shown as
// offline on the map but not raised anew (a device long out of use belongs in 维护 or 停用).
import type { Platform } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { applyActions } from '../alarms/alarms.raise.js';
import { ingesterFor } from '../ingest/accept.js';
import { OFFLINE } from '../monitoring.rules.js';

interface Row { id: string; last_ms: number; interval_s: number; open_uncleared: boolean }

/** Check every active device once; returns how many alarms were raised and cleared. */
export async function checkOffline(p: Platform): Promise<{ raised: number; cleared: number }> {
  const now = p.clock();
  const rule = await ruleValue(p.db, OFFLINE, now);
  const { intervals, lookbackHours } = rule.value;
  const rows = await p.db.query<Row>(sql`select d.id, (extract(epoch from coalesce(max(l.ts), d.created_at)) * 1000)::float8 as last_ms,
      min(s.expected_interval_s) as interval_s,
      exists (select 1 from monitoring_alarms a where a.device_id = d.id and a.rule = 'offline' and a.status <> 'closed' and a.cleared_at is null) as open_uncleared
    from monitoring_devices d join monitoring_sensors s on s.device_id = d.id and s.enabled left join sensor_latest l on l.sensor_id = s.id
    where d.status = 'active' group by d.id`);
  const ing = ingesterFor(p);
  const out = { raised: 0, cleared: 0 };
  for (const r of rows) {
    const limitMs = intervals * r.interval_s * 1000;
    const silent = now.getTime() - Number(r.last_ms);
    const offline = silent >= limitMs;
    const recent = now.getTime() - Number(r.last_ms) <= lookbackHours * 3600_000;
    if (offline === r.open_uncleared || (offline && !recent)) continue;
    const device = await ing.cache.device(r.id);
    if (!device) continue;
    const events = await p.db.tx((tx) => applyActions(p, tx, device.place, null, offline
      ? [{ kind: 'raise', rule: 'offline', condition: 'offline', level: 1, value: null, threshold: Math.round(limitMs / 1000), ts: now.getTime() }]
      : [{ kind: 'clear', rule: 'offline', value: 0, peak: null, ts: now.getTime() }], rule.version));
    if (offline) out.raised++; else out.cleared++;
    for (const e of events) await p.events.publish(e);
  }
  if (out.raised) p.jobs.kick();
  return out;
}
