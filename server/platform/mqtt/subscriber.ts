// A subscriber to an external MQTT broker (Mosquitto, EMQX) with a persistent session (clean session off, fixed
// client id), whose PUBACK goes out only when the handler's promise resolves — after the commit. MQTT.js acknowledges
// one message at a time (its next packet waits for the previous handler), which would make every reading its own
// commit; this client keeps many messages in flight and acknowledges them in order (MQTT 3.1.1 §4.6).
import mqttPacket, { type IPublishPacket, type Packet } from 'mqtt-packet';
import net from 'node:net';
import tls from 'node:tls';

export interface SubscriberOptions {
  url: string;
  clientId: string;
  topic: string;
  /** Resolve to acknowledge; reject to drop the connection unacknowledged (the broker redelivers after reconnect). */
  onMessage(topic: string, payload: Buffer): Promise<void>;
  keepaliveSec?: number;
  onState?(state: 'connected' | 'disconnected', detail?: string): void;
}

export interface Subscriber { close(): Promise<void>; readonly connected: boolean }

/** Connect, subscribe at QoS 1, and keep reconnecting until closed. */
export function startSubscriber(o: SubscriberOptions): Subscriber {
  const url = new URL(o.url);
  const keepalive = o.keepaliveSec ?? 30;
  let socket: net.Socket | undefined;
  let closed = false;
  let connected = false;
  let backoff = 1000;
  let retry: NodeJS.Timeout | undefined;

  const connect = () => {
    if (closed) return;
    const port = Number(url.port) || (url.protocol === 'mqtts:' ? 8883 : 1883);
    const s = url.protocol === 'mqtts:' ? tls.connect({ host: url.hostname, port, servername: url.hostname }) : net.connect({ host: url.hostname, port });
    socket = s;
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    const inflight: { messageId: number; done: boolean }[] = [];
    let lastSeen = Date.now();
    const send = (p: Packet) => { if (!s.destroyed) s.write(mqttPacket.generate(p)); };
    const ping = setInterval(() => {
      if (Date.now() - lastSeen > keepalive * 1500) s.destroy(new Error('keepalive timeout'));
      else send({ cmd: 'pingreq' });
    }, (keepalive * 1000) / 2);
    // PUBACKs leave in the order the PUBLISHes came, each once its own handler finished.
    const flushAcks = () => {
      while (inflight.length && inflight[0].done) send({ cmd: 'puback', messageId: inflight.shift()!.messageId });
    };
    const onPublish = (p: IPublishPacket) => {
      const payload = Buffer.isBuffer(p.payload) ? p.payload : Buffer.from(p.payload);
      if (p.qos === 0) { void o.onMessage(p.topic, payload).catch(() => {}); return; }
      const slot = { messageId: p.messageId!, done: false };
      inflight.push(slot);
      o.onMessage(p.topic, payload).then(() => { slot.done = true; flushAcks(); }, (err) => s.destroy(err instanceof Error ? err : new Error(String(err))));
    };
    parser.on('packet', (p: Packet) => {
      lastSeen = Date.now();
      if (p.cmd === 'connack') {
        if (p.returnCode !== 0) { o.onState?.('disconnected', `broker refused the connection (CONNACK ${p.returnCode})`); s.destroy(); return; }
        connected = true; backoff = 1000;
        o.onState?.('connected');
        send({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic: o.topic, qos: 1 }] });
      } else if (p.cmd === 'publish') onPublish(p);
      else if (p.cmd === 'pubrel') send({ cmd: 'pubcomp', messageId: p.messageId! });
    });
    parser.on('error', (err: Error) => s.destroy(err));
    s.on('data', (buf: Buffer) => parser.parse(buf));
    s.on('error', () => {});
    s.on('close', () => {
      clearInterval(ping);
      if (connected) o.onState?.('disconnected', 'connection closed');
      connected = false;
      if (!closed) { retry = setTimeout(connect, backoff); backoff = Math.min(backoff * 2, 30_000); }
    });
    s.once(url.protocol === 'mqtts:' ? 'secureConnect' : 'connect', () => send({
      cmd: 'connect', protocolId: 'MQTT', protocolVersion: 4, clean: false, clientId: o.clientId, keepalive,
      username: url.username ? decodeURIComponent(url.username) : undefined, password: url.password ? Buffer.from(decodeURIComponent(url.password)) : undefined,
    }));
  };
  connect();
  return {
    get connected() { return connected; },
    async close() {
      closed = true;
      clearTimeout(retry);
      if (socket && !socket.destroyed) {
        socket.write(mqttPacket.generate({ cmd: 'disconnect' }));
        await new Promise<void>((resolve) => { socket!.once('close', () => resolve()); socket!.end(); setTimeout(() => { socket!.destroy(); resolve(); }, 1000).unref(); });
      }
    },
  };
}
