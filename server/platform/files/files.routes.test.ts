import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let staff: string;
beforeAll(async () => { t = await buildTestApp({ uploadMaxBytes: 64 * 1024 }); staff = await t.login('staff'); });
afterAll(async () => { await t.close(); });

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 7)]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n');

function upload(name: string, content: Buffer, declared = 'application/octet-stream') {
  const boundary = '----b' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${declared}\r\n\r\n`),
    content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.as(staff, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('files', () => {
  it('stores an upload by content, sniffs its type and gives it back byte for byte', async () => {
    const r = await upload('现场.png', PNG, 'text/plain');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: '现场.png', mime: 'image/png', size: PNG.length });
    const back = await t.as(staff, { method: 'GET', url: `/api/files/${r.json().id}/content` });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(PNG)).toBe(true);
    expect(back.headers['content-disposition']).toContain(encodeURIComponent('现场.png'));
  });

  it('takes the type from the content, not from what the client claims', async () => {
    const r = await upload('evil.png', Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(r.statusCode).toBe(415);
    expect(r.json().error.message).toMatch(/不支持的文件类型/);
    expect((await upload('报告.pdf', PDF)).json().mime).toBe('application/pdf');
  });

  it('refuses a file over the size limit and keeps nothing of it', async () => {
    const before = (await t.as(staff, { method: 'GET', url: '/api/files' })).json().total;
    const r = await upload('big.png', Buffer.concat([PNG, Buffer.alloc(70 * 1024)]));
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toMatch(/大小限制/);
    expect((await t.as(staff, { method: 'GET', url: '/api/files' })).json().total).toBe(before);
  });

  it('refuses an empty file and a request without one', async () => {
    expect((await upload('empty.png', Buffer.alloc(0))).statusCode).toBe(400);
    const r = await t.as(staff, { method: 'POST', url: '/api/files', payload: { a: 1 } });
    expect(r.statusCode).toBe(415);
  });

  it('keeps a path-traversal file name as a harmless label', async () => {
    const r = await upload('../../etc/passwd.png', PNG);
    expect(r.statusCode).toBe(200);
    expect(r.json().name).not.toContain('/');
  });

  it('lists with paging and search', async () => {
    const page = (await t.as(staff, { method: 'GET', url: '/api/files?q=现场&pageSize=1' })).json();
    expect(page).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    expect((await t.as(staff, { method: 'GET', url: '/api/files?pageSize=500' })).statusCode).toBe(400);
  });
});
