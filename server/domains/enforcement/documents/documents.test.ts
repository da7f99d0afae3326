import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { api, makeOfficer, upload } from '../common/testing.js';

let t: TestApp; let officer: string; let inspectionId: string; let enterpriseId: string;
const hasLibreOffice = spawnSync('libreoffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-05-06T02:00:00Z'); // documents of the demo county are of 2022
  officer = await t.login('officer');
  const me = (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`)).id;
  const mate = await makeOfficer(t);
  enterpriseId = (await t.p.db.one<{ id: string }>(sql`select scope_enterprise_id as id from accounts where username = 'ent_demo'`)).id;
  const i = (await api(t).post(officer, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId, officerIds: [me, mate.id] })).json();
  inspectionId = i.id;
  await api(t).post(officer, `/api/enforcement/inspections/${i.id}/record`, { findings: [{ title: '液氯钢瓶未固定存放', level: 'general' }] });
});
afterAll(async () => { await t.close(); });

const order = (extra: object = {}) => api(t).post(officer, '/api/enforcement/documents', { kind: 'rectify_order', inspectionId, deadline: '2026-05-20', ...extra });

describe('执法文书', () => {
  it('numbers a kind per year like （汨）应急责改〔2026〕1号 and fills it from the inspection', async () => {
    const r = await order();
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().number).toMatch(/^（汨）应急责改〔2026〕\d+号$/);
    const d = (await api(t).get(officer, `/api/enforcement/documents/${r.json().id}`)).json();
    expect(d.text).toContain('汨水市恒达化工有限公司');
    expect(d.text).toContain('液氯钢瓶未固定存放');
    expect(d.text).toContain('2026年5月20日');
    expect(d.text).toMatch(/执法证号/);
  });

  it('stays unique and gap-free under 50 concurrent issues', async () => {
    const before = (await t.p.db.maybeOne<{ last: number }>(sql`select last from number_sequences where kind = 'doc:责改' and year = 2026`))?.last ?? 0;
    const all = await Promise.all(Array.from({ length: 50 }, () => order()));
    expect(all.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const seqs = all.map((r) => Number(/〔2026〕(\d+)号/.exec(r.json().number)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => Number(before) + i + 1));
    const stored = await t.p.db.query<{ n: number }>(sql`select count(distinct number)::int as n from enforcement_documents where kind = 'rectify_order' and year = 2026`);
    expect(stored[0].n).toBe(Number(before) + 50);
  });

  it('refuses what the form needs and what a workflow makes by itself', async () => {
    expect((await order({ deadline: undefined })).json().error.message).toMatch(/整改期限/);
    expect((await order({ deadline: '2026-05-01' })).json().error.message).toMatch(/不能早于今天/);
    const auto = await api(t).post(officer, '/api/enforcement/documents', { kind: 'penalty_decision', inspectionId });
    expect(auto.statusCode).toBe(400);
    expect(auto.json().error.message).toMatch(/自动制作/);
  });

  it('records 送达 with a receipt, and refuses 留置送达 without a witness', async () => {
    const doc = (await order()).json();
    const left = await api(t).post(officer, `/api/enforcement/documents/${doc.id}/service`, { method: 'left', recipient: '周建国', refusalNote: '拒收' });
    expect(left.json().error.message).toMatch(/见证人/);
    const s = await api(t).post(officer, `/api/enforcement/documents/${doc.id}/service`, { method: 'direct', recipient: '周建国', signatureFileId: await upload(t, officer) });
    expect(s.statusCode, s.body).toBe(200);
    const receipt = (await api(t).get(officer, `/api/enforcement/documents/${s.json().receiptDocumentId}`)).json();
    expect(receipt).toMatchObject({ kind: 'service_receipt', number: expect.stringMatching(/^（汨）应急送〔2026〕\d+号$/) });
    expect(receipt.text).toContain(doc.number);
    expect((await api(t).get(officer, `/api/enforcement/documents/${doc.id}`)).json().services).toHaveLength(1);
  });

  it('prints a page with every text escaped', async () => {
    const doc = (await order({ items: ['<b>仓库</b> & 通道堵塞'] })).json();
    const r = await api(t).get(officer, `/api/enforcement/documents/${doc.id}/html`);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain('&lt;b&gt;仓库&lt;/b&gt; &amp; 通道堵塞');
    expect(r.body).toContain(doc.number);
  });

  it.skipIf(!hasLibreOffice)('produces a .docx that LibreOffice opens, with the record\'s fields in its text', async () => {
    const doc = (await order({ items: ['二号罐区可燃气体报警器失效'] })).json();
    const r = await api(t).get(officer, `/api/enforcement/documents/${doc.id}/docx`);
    expect(r.headers['content-type']).toMatch(/wordprocessingml/);
    expect(r.headers['content-disposition']).toMatch(/\.docx/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yj-docx-'));
    fs.writeFileSync(path.join(dir, 'order.docx'), r.rawPayload);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'order.docx')], { timeout: 120_000, stdio: 'ignore' });
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'order.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const field of ['责令限期整改指令书', doc.number, '汨水市恒达化工有限公司', '二号罐区可燃气体报警器失效', '2026年5月20日', '汨水市应急管理局']) expect(text).toContain(field.replace(/\s+/g, ''));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('keeps documents inside the caller\'s scope', async () => {
    const doc = (await order()).json();
    const far = await t.login((await makeOfficer(t, { region: '430699102000' })).username);
    expect((await api(t).get(far, `/api/enforcement/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await api(t).get(far, `/api/enforcement/documents/${doc.id}/docx`)).statusCode).toBe(404);
    expect((await api(t).get(far, `/api/enforcement/documents?pageSize=200`)).json().items.some((x: { id: string }) => x.id === doc.id)).toBe(false);
    expect((await api(t).post(far, `/api/enforcement/documents/${doc.id}/service`, { method: 'mail', recipient: '某' })).statusCode).toBe(404);
  });
});

if (!hasLibreOffice) console.warn('跳过 .docx → PDF 测试：未安装 LibreOffice 或 pdftotext（apt-get install libreoffice-writer-nogui poppler-utils）');
