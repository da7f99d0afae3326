// What devices send: the MQTT topic of a device and the JSON readings of a message or an HTTP batch.
// A reading is { "sensor": "<位号>", "ts": "<ISO 8601>" | <epoch ms>, "value": <number> }; a message holds one
// reading, an array of them, or { "readings": [...] }. Bad input is described, never thrown.

export const TOPIC_PREFIX = 'yingji';
/** The topic a device publishes its readings to. */
export const deviceTopic = (deviceId: string) => `${TOPIC_PREFIX}/${deviceId}/readings`;
const TOPIC_RE = /^yingji\/([0-9a-f-]{36})\/readings$/i;
/** The device id in a readings topic, or undefined. */
export const deviceIdOfTopic = (topic: string) => TOPIC_RE.exec(topic)?.[1]?.toLowerCase();

export const MAX_MESSAGE_BYTES = 256 * 1024;
export const MAX_MESSAGE_READINGS = 1000;
export const MAX_BATCH_READINGS = 5000;
/** How far ahead of the server clock a device's clock may run. */
export const MAX_FUTURE_MS = 5 * 60_000;

export type RejectReason = 'malformed' | 'invalid_reading' | 'unknown_sensor' | 'future_time' | 'too_old' | 'too_large' | 'forbidden' | 'unauthorized' | 'write_failed';

export const REJECT_MESSAGES: Record<RejectReason, string> = {
  malformed: '内容不是有效的 JSON 读数（应为 {sensor, ts, value}、其数组或 {readings: [...]}）',
  invalid_reading: '读数缺少字段或格式不对：sensor 为位号字符串，ts 为 ISO 8601 时间或毫秒时间戳，value 为数值',
  unknown_sensor: '该设备没有这个位号的测点（或测点已停用），请先在平台登记测点',
  future_time: '读数时间比服务器时间晚 5 分钟以上，请校准设备时钟',
  too_old: '读数时间早于原始数据保存期限，不再接收',
  too_large: '一次提交的读数过多或内容过大',
  forbidden: '设备只能向自己的主题 yingji/<设备ID>/readings 发布自己的测点',
  unauthorized: '设备密钥无效或已吊销',
  write_failed: '写入数据库失败，请稍后重发',
};

export interface RawReading { sensor: string; ts: number; value: number; index: number }
export interface Rejection { index: number; reason: RejectReason; message: string }

const reject = (index: number, reason: RejectReason): Rejection => ({ index, reason, message: REJECT_MESSAGES[reason] });

function parseTime(ts: unknown): number | undefined {
  if (typeof ts === 'number') return Number.isInteger(ts) && ts > 0 ? ts : undefined;
  if (typeof ts !== 'string' || ts.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/.test(ts)) return undefined;
  const t = Date.parse(ts);
  return Number.isFinite(t) ? t : undefined;
}

/** Check one reading against the time window [oldest, now + 5 min]. */
export function checkReading(item: unknown, index: number, now: number, oldest: number): RawReading | Rejection {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return reject(index, 'invalid_reading');
  const r = item as Record<string, unknown>;
  const ts = parseTime(r.ts);
  if (typeof r.sensor !== 'string' || !r.sensor || r.sensor.length > 50 || ts === undefined || typeof r.value !== 'number' || !Number.isFinite(r.value)) {
    return reject(index, 'invalid_reading');
  }
  if (ts > now + MAX_FUTURE_MS) return reject(index, 'future_time');
  if (ts < oldest) return reject(index, 'too_old');
  return { sensor: r.sensor, ts, value: r.value, index };
}

/** The readings list of a decoded message: one reading, an array, or { readings: [...] }. */
export function readingsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    if (Array.isArray(o.readings)) return o.readings;
    if ('sensor' in o) return [o];
  }
  return undefined;
}

export type Parsed = { readings: RawReading[]; rejected: Rejection[] } | { error: Rejection };

/** Check a list of readings (an HTTP batch or a decoded MQTT message). */
export function checkReadings(items: unknown[], max: number, now: number, oldest: number): Parsed {
  if (items.length > max) return { error: reject(-1, 'too_large') };
  const readings: RawReading[] = [];
  const rejected: Rejection[] = [];
  items.forEach((item, i) => {
    const r = checkReading(item, i, now, oldest);
    if ('reason' in r) rejected.push(r); else readings.push(r);
  });
  return { readings, rejected };
}

/** Decode and check an MQTT payload. */
export function parseMessage(payload: Buffer, now: number, oldest: number): Parsed {
  if (payload.length > MAX_MESSAGE_BYTES) return { error: reject(-1, 'too_large') };
  let doc: unknown;
  try { doc = JSON.parse(payload.toString('utf8')); } catch { return { error: reject(-1, 'malformed') }; }
  const items = readingsOf(doc);
  if (!items) return { error: reject(-1, 'malformed') };
  return checkReadings(items, MAX_MESSAGE_READINGS, now, oldest);
}
