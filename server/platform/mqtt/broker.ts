// The embedded MQTT broker (aedes), so devices work with nothing else installed. Domain code decides who may connect
// and what a publish means; the broker acknowledges a QoS 1 publish only after authorizePublish's callback, so a
// caller that writes there and answers after the commit gets PUBACK-after-commit (aedes sends PUBACK before its
// publish handlers run: never write in a subscriber).
import { Aedes, type Client } from 'aedes';
import net from 'node:net';

export interface BrokerHooks<C> {
  /** Who a connection is, from its username and password; undefined refuses it (CONNACK 4). */
  authenticate(clientId: string, username: string | undefined, password: Buffer | undefined): Promise<C | undefined>;
  /** Handle a publish; resolve to acknowledge it, reject to drop the connection without acknowledging (the client resends). */
  publish(who: C, topic: string, payload: Buffer, qos: number): Promise<void>;
  /** Whether a client may subscribe to a topic filter. */
  subscribe?(who: C, topic: string): boolean;
}

/** The embedded broker's port is taken. */
export class MqttPortInUseError extends Error {}

export interface EmbeddedBroker<C> {
  port: number;
  /** Drop every connection whose identity matches (e.g. a device whose key was revoked). */
  disconnect(match: (who: C) => boolean): number;
  close(): Promise<void>;
}

/** Start the broker on host:port (0 = any free port). */
export async function startBroker<C>(opts: { port: number; host: string; hooks: BrokerHooks<C>; onError?: (err: Error) => void }): Promise<EmbeddedBroker<C>> {
  const who = new WeakMap<Client, C>();
  const aedes = await Aedes.createBroker({
    maxClientsIdLength: 128,
    authenticate: (client, username, password, done) => {
      opts.hooks.authenticate(client.id, username, password).then((c) => {
        if (!c) return done(Object.assign(new Error('bad username or password'), { returnCode: 4 }), false);
        who.set(client, c);
        done(null, true);
      }, (err) => done(Object.assign(err instanceof Error ? err : new Error(String(err)), { returnCode: 3 }), false));
    },
    authorizePublish: (client, packet, done) => {
      const c = client && who.get(client);
      if (!c) return done(new Error('not authenticated'));
      opts.hooks.publish(c, packet.topic, packet.payload as Buffer, packet.qos).then(() => done(null), (err) => done(err instanceof Error ? err : new Error(String(err))));
    },
    authorizeSubscribe: (client, sub, done) => {
      const c = who.get(client);
      if (!c || !opts.hooks.subscribe?.(c, sub.topic)) return done(new Error('subscription not allowed'));
      done(null, sub);
    },
  });
  aedes.on('clientError', (_client, err) => opts.onError?.(err));
  const server = net.createServer(aedes.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      aedes.close();
      reject(err.code === 'EADDRINUSE' ? new MqttPortInUseError(`MQTT 端口 ${opts.port} 已被占用`) : err);
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    disconnect(match) {
      let n = 0;
      for (const client of Object.values((aedes as unknown as { clients: Record<string, Client> }).clients)) {
        const c = who.get(client);
        if (c && match(c)) { client.close(); n++; }
      }
      return n;
    },
    async close() {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
