// MQTT ingestion: the embedded broker (devices log in with their id and key, and publish only to
// yingji/<own id>/readings), or, with MQTT_URL, a persistent-session subscription to an external broker whose ACLs
// do the device authentication. Either way a message is acknowledged only after its readings committed; a bad
// message is acknowledged, dropped and counted (a resend would be just as bad); a failed write is not acknowledged.
import type { Platform } from '../../../platform/context.js';
import { type EmbeddedBroker, MqttPortInUseError, startBroker } from '../../../platform/mqtt/broker.js';
import { startSubscriber, type Subscriber } from '../../../platform/mqtt/subscriber.js';
import type { MonitoringConfig } from '../../../config.js';
import { acceptReadings, ingesterFor, oldestAccepted } from './accept.js';
import type { Ingester } from './ingester.js';
import { deviceIdOfTopic, parseMessage, TOPIC_PREFIX } from './payload.js';

interface DeviceSession { deviceId: string; apiKeyId: string | null }

export interface MqttIngestion {
  mode: 'embedded' | 'external' | 'off';
  port?: number;
  /** One line for the console: where devices connect, or why MQTT is not running. */
  message: string;
  stop(): Promise<void>;
}

/** Handle one message of a device: parse, check, submit; resolves after the commit. */
async function handleMessage(p: Platform, ing: Ingester, deviceId: string, payload: Buffer) {
  const device = await ing.cache.device(deviceId);
  if (!device || device.status === 'disabled') { ing.stats.reject('unauthorized'); return; }
  const parsed = parseMessage(payload, p.clock().getTime(), oldestAccepted(p));
  if ('error' in parsed) { ing.stats.reject(parsed.error.reason); return; }
  await acceptReadings(ing, device, parsed.readings, parsed.rejected);
}

async function embedded(p: Platform, ing: Ingester, mc: MonitoringConfig): Promise<EmbeddedBroker<DeviceSession>> {
  const broker = await startBroker<DeviceSession>({
    port: mc.mqttPort, host: mc.mqttHost,
    onError: (err) => p.log.debug({ err }, 'MQTT client error'),
    hooks: {
      async authenticate(_clientId, username, password) {
        const device = await ing.cache.deviceByKey(password?.toString('utf8'));
        if (!device || (username && username !== device.id && username !== device.code)) { ing.stats.reject('unauthorized'); return undefined; }
        return { deviceId: device.id, apiKeyId: device.apiKeyId };
      },
      async publish(who, topic, payload) {
        if (deviceIdOfTopic(topic) !== who.deviceId) { ing.stats.reject('forbidden'); return; }
        const device = await ing.cache.device(who.deviceId);
        if (!device || device.apiKeyId !== who.apiKeyId) throw new Error('device key revoked'); // drop the connection
        await handleMessage(p, ing, who.deviceId, payload);
      },
      subscribe: (who, topic) => topic === `${TOPIC_PREFIX}/${who.deviceId}/commands`,
    },
  });
  // A revoked or rotated key, or a disabled device, loses its connection at once.
  p.events.subscribe((e) => {
    if (e.type !== 'monitoring.device.changed') return;
    const id = String((e.data as { deviceId: string }).deviceId);
    void ing.cache.device(id).then((d) => broker.disconnect((w) => w.deviceId === id && (!d || d.status === 'disabled' || d.apiKeyId !== w.apiKeyId)), () => {});
  });
  return broker;
}

/** Start MQTT ingestion as configured; a taken port is reported plainly, not thrown. */
export async function startMqttIngestion(p: Platform, mc: MonitoringConfig): Promise<MqttIngestion> {
  const ing = ingesterFor(p);
  if (!mc.mqttEnabled) return { mode: 'off', message: 'MQTT 接入已关闭（MQTT_ENABLED=false）；设备可通过 HTTP POST /api/monitoring/readings 上报', stop: async () => {} };
  if (mc.mqttUrl) {
    const shown = mc.mqttUrl.replace(/\/\/[^@/]*@/, '//***@');
    const sub: Subscriber = startSubscriber({
      url: mc.mqttUrl, clientId: mc.mqttClientId, topic: `${TOPIC_PREFIX}/+/readings`,
      onMessage: async (topic, payload) => {
        const deviceId = deviceIdOfTopic(topic);
        if (!deviceId) { ing.stats.reject('forbidden'); return; }
        await handleMessage(p, ing, deviceId, payload);
      },
      onState: (state, detail) => (state === 'connected' ? p.log.info(`已连接外部 MQTT 服务器 ${shown}`) : p.log.warn(`与外部 MQTT 服务器 ${shown} 的连接断开（${detail ?? ''}），正在重连`)),
    });
    return { mode: 'external', message: `MQTT：订阅外部服务器 ${shown} 的 ${TOPIC_PREFIX}/+/readings（持久会话 ${mc.mqttClientId}）`, stop: () => sub.close() };
  }
  try {
    const broker = await embedded(p, ing, mc);
    return { mode: 'embedded', port: broker.port, message: `MQTT：内置服务器监听 ${mc.mqttHost}:${broker.port}（设备以设备ID为用户名、设备密钥为密码，发布到 ${TOPIC_PREFIX}/<设备ID>/readings）`,
      stop: () => broker.close() };
  } catch (err) {
    if (!(err instanceof MqttPortInUseError)) throw err;
    return {
      mode: 'off',
      message: `MQTT 未启动：端口 ${mc.mqttPort} 已被占用。请停止占用该端口的程序，或设置 MQTT_PORT 为空闲端口；如本机已有 MQTT 服务器（如 Mosquitto、EMQX），设置 MQTT_URL=mqtt://127.0.0.1:1883 让 Yingji 订阅它。HTTP 上报（POST /api/monitoring/readings）不受影响。`,
      stop: async () => {},
    };
  }
}
