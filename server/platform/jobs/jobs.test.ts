import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { backoffMs } from './jobs.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

describe('jobs', () => {
  it('retries a failing job with growing delays, then marks it failed', async () => {
    let calls = 0;
    t.p.jobs.register('test.flaky', async () => { calls++; throw new Error('网关超时'); });
    await t.p.jobs.enqueue(t.p.db, 'test.flaky', {}, { maxAttempts: 3 });
    await t.p.jobs.drain();
    expect(calls).toBe(1);
    await t.p.jobs.drain();
    expect(calls).toBe(1); // not due yet: backoff
    for (let i = 0; i < 3; i++) { t.now.value = new Date(t.now.value.getTime() + backoffMs(i + 1) + 1000); await t.p.jobs.drain(); }
    expect(calls).toBe(3);
    const job = await t.p.db.one<{ status: string; last_error: string }>(sql`select status, last_error from jobs where kind = 'test.flaky'`);
    expect(job).toEqual({ status: 'failed', last_error: '网关超时' });
  });

  it('runs a scheduled job once per interval', async () => {
    let runs = 0;
    t.p.jobs.register('test.tick', async () => { runs++; });
    t.p.jobs.every('test.tick', 60_000, 'test.tick');
    await t.p.jobs.drain();
    await t.p.jobs.drain();
    expect(runs).toBe(1);
    t.now.value = new Date(t.now.value.getTime() + 61_000);
    await t.p.jobs.drain();
    expect(runs).toBe(2);
  });
});

describe('notifications', () => {
  it('delivers in-app and SMS, and records the acknowledgement (叫应)', async () => {
    const cookie = await t.login('town_baitang');
    const me = (await t.as(cookie, { method: 'GET', url: '/api/auth/me' })).json();
    // Other scheduled jobs (reminders of returns, plans …) may write to the same account when the queue drains:
    // follow this message by the ids send returns.
    const ids = await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [me.id], title: '暴雨红色预警', body: '请立即组织转移', channels: ['inapp', 'sms'], ackRequired: true }));
    expect(ids).toHaveLength(2);
    await t.p.jobs.drain();
    const sent = await t.p.db.query<{ channel: string; status: string }>(sql`select channel, status from notifications where id = any(${ids}::uuid[]) order by channel`);
    expect(sent).toEqual([{ channel: 'inapp', status: 'sent' }, { channel: 'sms', status: 'sent' }]);
    const unreadBefore = (await t.as(cookie, { method: 'GET', url: '/api/inbox/unread-count' })).json().count;
    const inbox = (await t.as(cookie, { method: 'GET', url: '/api/inbox?unread=true&pageSize=100' })).json();
    const mine = inbox.items.find((i: { id: string }) => ids.includes(i.id));
    expect(mine).toMatchObject({ title: '暴雨红色预警', ackRequired: true, ackedAt: null });
    expect((await t.as(cookie, { method: 'POST', url: `/api/inbox/${mine.id}/ack` })).statusCode).toBe(204);
    const after = (await t.as(cookie, { method: 'GET', url: '/api/inbox?pageSize=100' })).json().items.find((i: { id: string }) => i.id === mine.id);
    expect(after.ackedAt).not.toBeNull();
    expect(after.readAt).not.toBeNull();
    expect((await t.as(cookie, { method: 'GET', url: '/api/inbox/unread-count' })).json().count).toBe(unreadBefore - 1);
  });
});
