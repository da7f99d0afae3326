// Sensors (测点): add to a device, edit thresholds and rule parameters; audited, and every ingester reloads them.
import type { SensorCreate, SensorUpdate } from '../../../../contracts/monitoring.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { badRequest, conflict, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { announceDeviceChange } from './devices.service.js';
import { findDevice } from './devices.store.js';
import { type SensorConfigRow, type SensorWrite, findSensorConfig, insertSensor, sensorCodeTaken, updateSensor } from './sensors.store.js';

type Limits = Pick<SensorConfigRow, 'range_min' | 'range_max' | 'low_low' | 'low' | 'high' | 'high_high' | 'hysteresis'>;

/** Check thresholds read in order and lie in the range; the message names the numbers. */
export function checkThresholds(s: Limits) {
  const fmt = (v: number | null) => (v === null ? '未设' : String(v));
  if (s.range_min !== null && s.range_max !== null && s.range_min >= s.range_max) throw badRequest(`量程下限 ${s.range_min} 须小于上限 ${s.range_max}`, 'Range min must be below max');
  const chain: [string, number | null][] = [['低低限', s.low_low], ['低限', s.low], ['高限', s.high], ['高高限', s.high_high]];
  const set = chain.filter(([, v]) => v !== null) as [string, number][];
  for (let i = 1; i < set.length; i++) {
    const [an, av] = set[i - 1]; const [bn, bv] = set[i];
    const strict = !((an === '低低限' && bn === '低限') || (an === '高限' && bn === '高高限'));
    if (strict ? av >= bv : av > bv) {
      throw badRequest(`阈值须满足 低低限 ≤ 低限 < 高限 ≤ 高高限；现为 低低限 ${fmt(s.low_low)}、低限 ${fmt(s.low)}、高限 ${fmt(s.high)}、高高限 ${fmt(s.high_high)}（${an} ${av} 与 ${bn} ${bv} 顺序不对）`, 'Thresholds out of order');
    }
  }
  for (const [name, v] of set) {
    if ((s.range_min !== null && v < s.range_min) || (s.range_max !== null && v > s.range_max)) {
      throw badRequest(`${name} ${v} 超出量程 ${fmt(s.range_min)}～${fmt(s.range_max)}`, 'Threshold outside the range');
    }
  }
}

const toWrite = (i: SensorUpdate): SensorWrite => ({
  name: i.name, unit: i.unit, range_min: i.rangeMin, range_max: i.rangeMax, low_low: i.lowLow, low: i.low, high: i.high, high_high: i.highHigh,
  hysteresis: i.hysteresis, alarm_delay_s: i.alarmDelaySec, rate_limit: i.rateLimit, stuck_after_s: i.stuckAfterSec,
  expected_interval_s: i.expectedIntervalSec, enabled: i.enabled,
});

/** Add a sensor to a device the caller can see. The default 回差 is 1% of the range (0 without one). */
export async function createSensor(ctx: Ctx, input: SensorCreate): Promise<SensorConfigRow> {
  const device = await findDevice(ctx.db, ctx.actor.scope, input.deviceId);
  if (!device) throw badRequest('所选设备不存在或不在您的管辖范围内', 'Device not found in your scope');
  const w: SensorWrite = { ...toWrite(input), device_id: device.id, code: input.code, type: input.type };
  const span = input.rangeMin != null && input.rangeMax != null ? input.rangeMax - input.rangeMin : 0;
  w.hysteresis ??= Math.round(span * 0.01 * 1e6) / 1e6;
  const limits: Limits = { range_min: w.range_min ?? null, range_max: w.range_max ?? null, low_low: w.low_low ?? null, low: w.low ?? null,
    high: w.high ?? null, high_high: w.high_high ?? null, hysteresis: w.hysteresis };
  checkThresholds(limits);
  const row = await ctx.db.tx(async (tx) => {
    if (await sensorCodeTaken(tx, device.id, input.code)) throw conflict(`设备 ${device.code} 已有位号为 ${input.code} 的测点`, 'Sensor code taken on this device');
    const id = uuidv7();
    await insertSensor(tx, id, w);
    await audit(ctx, tx, { action: 'monitoring.sensor.create', entityType: 'monitoring_sensor', entityId: id, regionCode: device.region_code, after: input });
    return (await findSensorConfig(tx, ctx.actor.scope, id))!;
  });
  await announceDeviceChange(ctx, device.id);
  return row;
}

/** Edit a sensor's name, unit, thresholds and rule parameters. */
export async function editSensor(ctx: Ctx, id: string, input: SensorUpdate): Promise<SensorConfigRow> {
  const row = await ctx.db.tx(async (tx) => {
    const before = await findSensorConfig(tx, ctx.actor.scope, id, true);
    if (!before) throw notFound('测点', 'Sensor');
    const w = toWrite(input);
    const merged = { ...before, ...Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined)) } as SensorConfigRow;
    checkThresholds(merged);
    await updateSensor(tx, id, w);
    await audit(ctx, tx, { action: 'monitoring.sensor.update', entityType: 'monitoring_sensor', entityId: id, regionCode: before.region_code,
      before: Object.fromEntries(Object.keys(w).filter((k) => w[k as keyof SensorWrite] !== undefined).map((k) => [k, before[k as keyof SensorConfigRow]])), after: input });
    return (await findSensorConfig(tx, { kind: 'all' }, id))!;
  });
  await announceDeviceChange(ctx, row.device_id);
  return row;
}
