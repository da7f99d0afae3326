// What `yingji simulate` drives: devices taken from (or created through) a running server's API, each with a fresh
// key, sending their sensors' signals over MQTT (QoS 1, one connection per device) or HTTP batches.
import mqtt, { type MqttClient } from 'mqtt';
import { deviceTopic } from '../ingest/payload.js';
import { Signal, type SignalSensor } from './signals.js';

export interface SimSensor extends SignalSensor { id: string; code: string; deviceId: string; expectedIntervalSec: number }
export interface SimDevice { id: string; code: string; key: string; sensors: { code: string; signal: Signal; intervalMs: number; next: number }[] }
export interface Reading { sensor: string; ts: string; value: number }

/** A logged-in client of the server's API. */
export class Api {
  private cookie = '';
  constructor(readonly base: string) {}

  async login(username: string, password: string) {
    const r = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (r.status !== 200) throw new Error(`登录 ${username} 失败（${r.status}）：${await r.text()}`);
    this.cookie = (r.headers.get('set-cookie') ?? '').split(';')[0];
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await fetch(`${this.base}${path}`, { method, headers: { cookie: this.cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}：${await r.text()}`);
    return (await r.json()) as T;
  }

  /** Every sensor the account can see (all pages). */
  async sensors(query = ''): Promise<SimSensor[]> {
    const out: SimSensor[] = [];
    for (let page = 1; ; page++) {
      const r = await this.call<{ items: SimSensor[]; total: number }>('GET', `/api/monitoring/sensors?pageSize=200&page=${page}${query}`);
      out.push(...r.items);
      if (out.length >= r.total || !r.items.length) return out;
    }
  }
}

/** Group sensors by device and issue each device a new key (the old one stops working). */
export async function prepareDevices(api: Api, sensors: SimSensor[], rand: () => number, speed: number): Promise<SimDevice[]> {
  const byDevice = new Map<string, SimSensor[]>();
  for (const s of sensors) byDevice.set(s.deviceId, [...(byDevice.get(s.deviceId) ?? []), s]);
  const devices: SimDevice[] = [];
  const now = Date.now();
  for (const [id, list] of byDevice) {
    const k = await api.call<{ key: string }>('POST', `/api/monitoring/devices/${id}/key`);
    devices.push({ id, code: id, key: k.key, sensors: list.map((s) => {
      const intervalMs = Math.max(10, (s.expectedIntervalSec * 1000) / speed);
      return { code: s.code, signal: new Signal(s, rand), intervalMs, next: now + rand() * intervalMs };
    }) });
  }
  return devices;
}

export interface Transport { send(d: SimDevice, readings: Reading[]): Promise<void>; sendRaw(d: SimDevice, payload: string): Promise<void>; close(): Promise<void> }

/** One MQTT connection per device, publishing QoS 1 to its own topic. */
export async function mqttTransport(url: string, devices: SimDevice[]): Promise<Transport> {
  const clients = new Map<string, MqttClient>();
  await Promise.all(devices.map(async (d) => {
    const c = await mqtt.connectAsync(url, { username: d.id, password: d.key, clientId: `sim-${d.id}`, clean: true, reconnectPeriod: 1000, connectTimeout: 10_000 });
    clients.set(d.id, c);
  }));
  const publish = (d: SimDevice, payload: string) => clients.get(d.id)!.publishAsync(deviceTopic(d.id), payload, { qos: 1 }).then(() => {});
  return {
    send: (d, readings) => publish(d, JSON.stringify(readings.length === 1 ? readings[0] : readings)),
    sendRaw: publish,
    async close() { await Promise.all([...clients.values()].map((c) => c.endAsync())); },
  };
}

/** HTTP batches to POST /api/monitoring/readings. */
export function httpTransport(base: string): Transport {
  const post = async (d: SimDevice, body: string) => {
    const r = await fetch(`${base}/api/monitoring/readings`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': d.key }, body });
    if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${(await r.text()).slice(0, 200)}`);
  };
  return {
    send: (d, readings) => post(d, JSON.stringify({ readings })),
    sendRaw: (d, payload) => post(d, payload).catch(() => {}),
    async close() {},
  };
}
