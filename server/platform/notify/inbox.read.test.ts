// Marking one in-app notification read (issue #11's audit walk). Like read-all, it is the caller's own reading state,
// not business data: it writes no audit record, and changes only that notification's read flag, only for its owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp; let staff: string; let leader: string;
const call = (c: string, method: 'GET' | 'POST', url: string) => t.as(c, { method, url });
const readAt = async (id: string) => (await t.p.db.one<{ read_at: Date | null }>(sql`select read_at from notifications where id = ${id}`)).read_at;

beforeAll(async () => {
  t = await buildTestApp();
  [staff, leader] = await Promise.all(['staff', 'leader'].map((u) => t.login(u)));
});
afterAll(async () => { await t.close(); });

describe('POST /api/inbox/:id/read', () => {
  it('marks one of the caller\'s notifications read, and nothing else; writes no audit record', async () => {
    const accounts = await t.p.db.query<{ id: string; username: string }>(sql`select id, username from accounts where username in ('staff', 'leader')`);
    const idOf = (u: string) => accounts.find((a) => a.username === u)!.id;
    const [mine, other] = await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [idOf('staff'), idOf('staff')], title: '已读测试', body: '正文' }));
    const [theirs] = await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [idOf('leader')], title: '已读测试', body: '正文' }));
    await t.p.notify.deliverPending();
    const unread = async (c: string) => (await call(c, 'GET', '/api/inbox/unread-count')).json().count as number;
    const [staffUnread, leaderUnread] = [await unread(staff), await unread(leader)];
    const { seq } = await t.p.db.one<{ seq: string }>(sql`select coalesce(max(seq), 0)::text as seq from audit_log`);

    const r = await call(staff, 'POST', `/api/inbox/${mine}/read`);
    expect(r.statusCode, r.body).toBe(204);
    expect(await readAt(mine)).toEqual(t.now.value); // the platform's clock, as every other time the platform records
    const items = (await call(staff, 'GET', '/api/inbox?pageSize=100')).json().items as { id: string; readAt: string | null }[];
    expect(items.find((i) => i.id === mine)!.readAt).not.toBeNull();
    expect(items.find((i) => i.id === other)!.readAt).toBeNull();
    expect((await call(staff, 'GET', '/api/inbox?unread=true&pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(mine);
    expect(await unread(staff)).toBe(staffUnread - 1);

    // Read again: still 204, the first reading time kept. Someone else's notification: not found, left unread.
    const first = await readAt(mine);
    expect((await call(staff, 'POST', `/api/inbox/${mine}/read`)).statusCode).toBe(204);
    expect(await readAt(mine)).toEqual(first);
    expect((await call(staff, 'POST', `/api/inbox/${theirs}/read`)).statusCode).toBe(404);
    expect(await readAt(theirs)).toBeNull();
    expect(await unread(leader)).toBe(leaderUnread);

    const written = await t.p.db.query<{ action: string }>(sql`select action from audit_log where seq > ${seq}::bigint and action not like 'auth.%'`);
    expect(written).toEqual([]);
  });
});
