// Data scope: a town account never reaches another town's records, through any list, detail, count,
// file or event; an enterprise account reaches its own enterprise only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { visibleTo } from '../../platform/events/events.routes.js';
import { authenticate } from '../../platform/auth/auth.service.js';
import { sql } from '../../platform/db/sql.js';

let t: TestApp;
let baitang: string;
let luojiang: string;
let luojiangFileId: string;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function multipart(name: string, content: Buffer, fields: Record<string, string> = {}) {
  const boundary = '----yingji' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  const body = Buffer.concat([
    Buffer.from(parts.join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await buildTestApp();
  baitang = await t.login('town_baitang');
  luojiang = await t.login('town_luojiang');
  const up = await t.as(luojiang, { method: 'POST', url: '/api/files', ...multipart('罗江现场照片.png', PNG) });
  expect(up.statusCode).toBe(200);
  luojiangFileId = up.json().id;
});
afterAll(async () => { await t.close(); });

describe('town scope', () => {
  it('files: the other town sees neither the list entry, the count, the detail nor the content', async () => {
    const own = (await t.as(luojiang, { method: 'GET', url: '/api/files' })).json();
    expect(own.items.map((f: { id: string }) => f.id)).toContain(luojiangFileId);
    const other = (await t.as(baitang, { method: 'GET', url: '/api/files' })).json();
    expect(other.items.map((f: { id: string }) => f.id)).not.toContain(luojiangFileId);
    expect(other.total).toBe(0);
    expect((await t.as(baitang, { method: 'GET', url: `/api/files/${luojiangFileId}` })).statusCode).toBe(404);
    expect((await t.as(baitang, { method: 'GET', url: `/api/files/${luojiangFileId}/content` })).statusCode).toBe(404);
    // The county-wide leader sees it.
    expect((await t.as(await t.login('leader'), { method: 'GET', url: `/api/files/${luojiangFileId}/content` })).statusCode).toBe(200);
  });

  it('files: cannot upload into another town', async () => {
    const r = await t.as(baitang, { method: 'POST', url: '/api/files', ...multipart('x.png', PNG, { regionCode: '430699102000' }) });
    expect(r.statusCode).toBe(403);
  });

  it('regions: a town account reads its own subtree only', async () => {
    const list = (await t.as(baitang, { method: 'GET', url: '/api/regions' })).json() as { code: string }[];
    expect(list.length).toBeGreaterThan(5);
    expect(list.every((r) => r.code.startsWith('430699101'))).toBe(true);
    const tree = (await t.as(baitang, { method: 'GET', url: '/api/regions/tree' })).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].name).toBe('白塘镇');
  });

  it('events: another town\'s event does not reach the stream', async () => {
    const { actor } = await authenticate(t.p, baitang.split('=')[1]);
    expect(visibleTo(actor, { type: 'x', regionCode: '430699101203' })).toBe(true);
    expect(visibleTo(actor, { type: 'x', regionCode: '430699102201' })).toBe(false);
    expect(visibleTo(actor, { type: 'x' })).toBe(false);
    expect(visibleTo(actor, { type: 'notification', accountId: actor.id! })).toBe(true);
    expect(visibleTo(actor, { type: 'notification', accountId: 'someone-else' })).toBe(false);
  });

  it('inbox: a message to one account is invisible to another', async () => {
    const { actor } = await authenticate(t.p, luojiang.split('=')[1]);
    const [id] = await t.p.db.tx((tx) => t.p.notify.send(tx, { accountIds: [actor.id!], title: '罗江镇预警', body: '请注意' }));
    await t.p.jobs.drain();
    const own = (await t.as(luojiang, { method: 'GET', url: '/api/inbox?pageSize=100' })).json();
    expect(own.items.map((i: { id: string }) => i.id)).toContain(id);
    const other = (await t.as(baitang, { method: 'GET', url: '/api/inbox?pageSize=100' })).json();
    expect(other.items.map((i: { title: string }) => i.title)).not.toContain('罗江镇预警');
    expect((await t.as(baitang, { method: 'POST', url: `/api/inbox/${id}/read` })).statusCode).toBe(404);
  });
});

describe('enterprise scope', () => {
  it('an enterprise account sees only its enterprise\'s files', async () => {
    const ent = await t.login('ent_demo');
    const up = await t.as(ent, { method: 'POST', url: '/api/files', ...multipart('本企业.png', PNG) });
    expect(up.statusCode).toBe(200);
    expect(up.json().enterpriseId).toBeTruthy();
    const list = (await t.as(ent, { method: 'GET', url: '/api/files' })).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([up.json().id]);
    expect((await t.as(ent, { method: 'GET', url: `/api/files/${luojiangFileId}` })).statusCode).toBe(404);
    const other = await t.p.db.one<{ id: string }>(sql`select id from enterprises where name <> '汨水市恒达化工有限公司' limit 1`);
    const foreign = await t.as(ent, { method: 'POST', url: '/api/files', ...multipart('x.png', PNG, { enterpriseId: other.id }) });
    expect(foreign.statusCode).toBe(403);
  });
});
