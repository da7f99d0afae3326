// MQTT ingestion through the embedded broker: mosquitto_pub lands in the database; PUBACK comes after the commit;
// malformed messages and other devices' topics are acknowledged, dropped and counted; bad keys are refused; a revoked
// key loses its connection. And the external-broker subscriber with a persistent session.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { startBroker } from '../../../platform/mqtt/broker.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, get, makeDevice, post } from '../testing.js';
import { type MqttIngestion, startMqttIngestion } from './mqtt.js';

const run = promisify(execFile);
let t: TestApp;
let staff: string;
let ingestion: MqttIngestion;
let url: string;
const T0 = '2026-06-10T02:00:00.000Z';
const config = { mqttEnabled: true, mqttPort: 0, mqttHost: '127.0.0.1', mqttClientId: 'yingji-test', rawRetentionDays: 90 };

beforeAll(async () => {
  t = await buildTestApp({ monitoring: config });
  t.now.value = new Date(T0);
  staff = await t.login('staff');
  ingestion = await startMqttIngestion(t.p, config);
  url = `mqtt://127.0.0.1:${ingestion.port}`;
});
afterAll(async () => { await ingestion.stop(); await t.close(); });

const readings = (sensorId: string) => t.p.db.query<{ value: number }>(sql`select value from sensor_readings where sensor_id = ${sensorId} order by ts`);
const stats = async () => (await get(t, staff, '/api/monitoring/ingest/stats')).json();
const connect = (username: string, password: string) => mqtt.connectAsync(url, { username, password, reconnectPeriod: 0, clientId: `t-${Math.random().toString(16).slice(2)}` });

describe('embedded broker', () => {
  it('says where devices connect', () => {
    expect(ingestion.mode).toBe('embedded');
    expect(ingestion.message).toMatch(/内置服务器监听 127\.0\.0\.1:\d+/);
  });

  // mosquitto-clients (Debian) provides mosquitto_pub; without it this one check is skipped.
  it.skipIf(!fs.existsSync('/usr/bin/mosquitto_pub'))('takes a reading published with mosquitto_pub into the database', async () => {
    const { device, sensors, key } = await makeDevice(t, staff);
    const payload = JSON.stringify({ sensor: 'S1', ts: at(T0, -5), value: 4.25 });
    await run('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(ingestion.port), '-u', device.id, '-P', key, '-q', '1', '-t', `yingji/${device.id}/readings`, '-m', payload]);
    expect((await readings(sensors[0].id)).map((r) => r.value)).toEqual([4.25]);
  });

  it('acknowledges a QoS 1 message only once its readings are committed', async () => {
    const { device, sensors, key } = await makeDevice(t, staff);
    const c = await connect(device.id, key);
    const batch = Array.from({ length: 50 }, (_, i) => ({ sensor: 'S1', ts: at(T0, -100 + i), value: i }));
    await c.publishAsync(`yingji/${device.id}/readings`, JSON.stringify(batch), { qos: 1 });
    expect(await readings(sensors[0].id)).toHaveLength(50); // PUBACK received: the rows are there
    await c.endAsync();
  });

  it('acknowledges, drops and counts a malformed message, and keeps the connection', async () => {
    const { device, sensors, key } = await makeDevice(t, staff);
    const before = (await stats()).rejected.malformed ?? 0;
    const c = await connect(device.id, key);
    await c.publishAsync(`yingji/${device.id}/readings`, '{"sensor": 坏', { qos: 1 });
    await c.publishAsync(`yingji/${device.id}/readings`, JSON.stringify([{ sensor: 'S1', ts: at(T0, -1), value: 1 }]), { qos: 1 });
    expect(c.connected).toBe(true);
    expect((await stats()).rejected.malformed).toBe(before + 1);
    expect(await readings(sensors[0].id)).toHaveLength(1);
    await c.endAsync();
  });

  it('lets a device publish only to its own topic and its own sensors', async () => {
    const a = await makeDevice(t, staff);
    const b = await makeDevice(t, staff);
    const before = await stats();
    const c = await connect(a.device.id, a.key);
    await c.publishAsync(`yingji/${b.device.id}/readings`, JSON.stringify({ sensor: 'S1', ts: at(T0, -1), value: 1 }), { qos: 1 });
    await c.publishAsync(`yingji/${a.device.id}/readings`, JSON.stringify({ sensor: 'OTHER', ts: at(T0, -1), value: 1 }), { qos: 1 });
    const after = await stats();
    expect(after.rejected.forbidden).toBe((before.rejected.forbidden ?? 0) + 1);
    expect(after.rejected.unknown_sensor).toBe((before.rejected.unknown_sensor ?? 0) + 1);
    expect(await readings(b.sensors[0].id)).toHaveLength(0);
    await c.endAsync();
  });

  it('refuses a wrong key and drops the connection of a revoked one', async () => {
    const { device, key } = await makeDevice(t, staff);
    await expect(connect(device.id, 'yj_wrong')).rejects.toThrow();
    const c = await connect(device.id, key);
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    expect((await post(t, staff, `/api/monitoring/devices/${device.id}/key/revoke`)).statusCode).toBe(200);
    await closed;
    await expect(connect(device.id, key)).rejects.toThrow();
    c.end(true);
  });
});

describe('external broker (MQTT_URL)', () => {
  it('subscribes with a persistent session and takes what was published while it was away', async () => {
    // A second broker on a free port stands in for Mosquitto or EMQX.
    const ext = await startBroker<string>({ port: 0, host: '127.0.0.1', hooks: { authenticate: async (id) => id, publish: async () => {}, subscribe: () => true } });
    const extUrl = `mqtt://127.0.0.1:${ext.port}`;
    const { device, sensors } = await makeDevice(t, staff);
    const sub = await startMqttIngestion(t.p, { ...config, mqttUrl: extUrl, mqttClientId: `yingji-ext-${Date.now()}` });
    expect(sub.mode).toBe('external');
    const pub = await mqtt.connectAsync(extUrl, { clientId: 'device-x' });
    for (let i = 0; i < 50 && (await readings(sensors[0].id)).length === 0; i++) {
      await pub.publishAsync(`yingji/${device.id}/readings`, JSON.stringify({ sensor: 'S1', ts: at(T0, -60 + i), value: i }), { qos: 1 });
      await new Promise((r) => setTimeout(r, 100));
    }
    await sub.stop();
    // Published while the subscriber is gone: the broker keeps it for the persistent session.
    await pub.publishAsync(`yingji/${device.id}/readings`, JSON.stringify({ sensor: 'S1', ts: at(T0, -2), value: 99 }), { qos: 1 });
    const again = await startMqttIngestion(t.p, { ...config, mqttUrl: extUrl, mqttClientId: (sub.message.match(/持久会话 (\S+)）/) ?? [])[1]! });
    for (let i = 0; i < 50 && !(await readings(sensors[0].id)).some((r) => r.value === 99); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await readings(sensors[0].id)).map((r) => r.value)).toContain(99);
    await again.stop();
    await pub.endAsync();
    await ext.close();
  });
});

describe.skipIf(!fs.existsSync('/usr/sbin/mosquitto') || !fs.existsSync('/usr/bin/mosquitto_pub'))('a real Mosquitto (on a free port)', () => {
  it('keeps the session: what mosquitto_pub sent while Yingji was away arrives after it reconnects', async () => {
    const port = await new Promise<number>((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => resolve(p)); }); });
    const broker = spawn('/usr/sbin/mosquitto', ['-p', String(port)], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const extUrl = `mqtt://127.0.0.1:${port}`;
      const { device, sensors } = await makeDevice(t, staff);
      const clientId = `yingji-mosq-${Date.now()}`;
      const pub = (value: number, sec: number) => run('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(port), '-q', '1', '-t', `yingji/${device.id}/readings`,
        '-m', JSON.stringify({ sensor: 'S1', ts: at(T0, sec), value })]);
      const waitFor = async (value: number) => { for (let i = 0; i < 50 && !(await readings(sensors[0].id)).some((r) => r.value === value); i++) await new Promise((r) => setTimeout(r, 100)); };
      const sub = await startMqttIngestion(t.p, { ...config, mqttUrl: extUrl, mqttClientId: clientId });
      await new Promise((r) => setTimeout(r, 300)); // subscribed
      await pub(1, -30);
      await waitFor(1);
      await sub.stop();
      await pub(2, -20); // queued by Mosquitto for the persistent session
      const again = await startMqttIngestion(t.p, { ...config, mqttUrl: extUrl, mqttClientId: clientId });
      await waitFor(2);
      expect((await readings(sensors[0].id)).map((r) => r.value)).toEqual([1, 2]);
      await again.stop();
    } finally { broker.kill(); }
  });
});
