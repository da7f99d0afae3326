import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => { await t.close(); });

/** Open the stream as an account and collect the event names it receives. */
function stream(cookie: string) {
  const names: string[] = [];
  let req!: http.ClientRequest;
  const opened = new Promise<void>((resolve) => {
    req = http.get(`${base}/api/events`, { headers: { cookie } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/^event: (.+)$/gm)) names.push(m[1]);
        resolve();
      });
    });
  });
  return { names, opened, close: () => req.destroy() };
}

describe('server-sent events', () => {
  it('deliver an event to the accounts whose scope covers it, and to no one else', async () => {
    const baitang = stream(await t.login('town_baitang'));
    const luojiang = stream(await t.login('town_luojiang'));
    const leader = stream(await t.login('leader'));
    await Promise.all([baitang.opened, luojiang.opened, leader.opened]);
    await t.p.events.publish({ type: 'alarm.raised', regionCode: '430699101203', data: { level: '红' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(baitang.names).toEqual(['alarm.raised']);
    expect(leader.names).toEqual(['alarm.raised']);
    expect(luojiang.names).toEqual([]);
    [baitang, luojiang, leader].forEach((s) => s.close());
  });

  it('refuse a caller without a session', async () => {
    const r = await fetch(`${base}/api/events`);
    expect(r.status).toBe(401);
  });
});

describe('event bus across processes', () => {
  it.skipIf(!process.env.TEST_DATABASE_URL)('carries an event from one server process to another over LISTEN/NOTIFY', async () => {
    const { EventBus } = await import('./bus.js');
    const other = new EventBus(t.p.db);
    const mine = new EventBus(t.p.db);
    await other.start();
    await mine.start();
    const got: string[] = [];
    other.subscribe((e) => got.push(e.type));
    await mine.publish({ type: 'hazard.overdue', regionCode: '430699101000' });
    for (let i = 0; i < 50 && got.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual(['hazard.overdue']);
    await other.stop();
    await mine.stop();
  });
});
