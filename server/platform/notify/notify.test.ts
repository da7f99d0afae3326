// The outbox queues one notification per account and channel (SMS only where there is a number) and per extra phone,
// in the caller's transaction, and tells the caller which ones it made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
beforeAll(async () => { t = await buildTestApp(); });
afterAll(async () => { await t.close(); });

describe('Notifier.send', () => {
  it('returns the ids of the notifications it queued, one per account and channel and per extra phone', async () => {
    const [withPhone, withoutPhone] = await t.p.db.query<{ id: string }>(sql`select id from accounts where username in ('town_baitang', 'town_luojiang') order by username`);
    await t.p.db.execute(sql`update accounts set phone = '13900000001' where id = ${withPhone.id}`);
    await t.p.db.execute(sql`update accounts set phone = null where id = ${withoutPhone.id}`);
    const ids = await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [withPhone.id, withoutPhone.id], phones: ['13900000002'], title: '测试', body: '正文', channels: ['inapp', 'sms'] }));
    expect(ids).toHaveLength(4); // in-app ×2, SMS to the one with a phone, SMS to the extra phone
    const rows = await t.p.db.query<{ id: string; account_id: string | null; channel: string; address: string | null }>(
      sql`select id, account_id, channel, address from notifications where id = any(${ids}::uuid[])`);
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(rows.filter((r) => r.channel === 'sms').map((r) => r.address).sort()).toEqual(['13900000001', '13900000002']);
  });

  it('returns nothing and queues nothing when nobody is to be told, and nothing survives a rolled-back transaction', async () => {
    expect(await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [], title: 'x', body: 'y' }))).toEqual([]);
    let ids: string[] = [];
    const me = await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'staff'`);
    await expect(t.p.db.tx(async (tx) => { ids = await t.p.notify.send(tx, { accountIds: [me.id], title: 'x', body: 'y' }); throw new Error('rollback'); })).rejects.toThrow('rollback');
    expect(ids).toHaveLength(1);
    expect((await t.p.db.query(sql`select id from notifications where id = any(${ids}::uuid[])`))).toHaveLength(0);
  });
});
