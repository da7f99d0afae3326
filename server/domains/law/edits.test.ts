// Library and benchmark edits no other test walked (issue #11): editing a source, a violation item with its bands,
// refusing a departure from the benchmark, and the file import preview (which must change nothing and audit nothing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../enforcement/common/testing.js';
import { defaultId } from './defaults/generate.js';

let t: TestApp; let staff: string; let officer: string;
const AQF_099_01 = defaultId('item', 5); // 未设置明显的安全警示标志 (安全生产法第九十九条第（一）项)
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'anquan-shengchan-fa-2021-excerpt.txt');

/** The audit records of one action on one entity. */
const audited = (action: string, id: string) => t.p.db.query<{ actor_name: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
  sql`select actor_name, before, after from audit_log where action = ${action} and entity_id = ${id} order by seq`);
const send = (cookie: string, method: 'PATCH' | 'PUT', url: string, payload: object) => t.as(cookie, { method, url, payload });

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2022-05-10T10:00:00+08:00');
  [staff, officer] = [await t.login('staff'), await t.login('officer')];
});
afterAll(async () => { await t.close(); });

describe('editing a source', () => {
  it('changes its fields and repeal date, and finds it by the new title', async () => {
    const title = `汨水市危险化学品安全管理办法${process.pid}`;
    const created = await api(t).post(staff, '/api/law/sources', { kind: 'local_rule', title, docNumber: '汨政令〔2021〕3号' });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const renamed = `汨水市危险化学品安全监督管理办法${process.pid}`;
    const r = await send(staff, 'PATCH', `/api/law/sources/${id}`, { title: renamed, shortTitle: '危化品管理办法', issuer: '汨水市人民政府', repealedOn: '2023-01-01' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ title: renamed, shortTitle: '危化品管理办法', issuer: '汨水市人民政府', docNumber: '汨政令〔2021〕3号', repealedOn: '2023-01-01' });
    expect((await api(t).get(officer, `/api/law/sources/${id}`)).json()).toMatchObject({ title: renamed, shortTitle: '危化品管理办法', repealedOn: '2023-01-01' });
    const found = (await api(t).get(officer, `/api/law/sources?q=${encodeURIComponent('危险化学品安全监督管理办法')}`)).json().items;
    expect(found.map((s: { id: string }) => s.id)).toContain(id);
    const [a, ...more] = await audited('law.source.update', id);
    expect(more).toEqual([]);
    expect(a).toMatchObject({ actor_name: expect.any(String), before: { title, short_title: null, repealed_on: null }, after: { title: renamed, repealedOn: '2023-01-01' } });
  });
});

describe('editing a violation item', () => {
  it('replaces its name, keywords and bands, keeping what it was in the audit record', async () => {
    const code = `WF-${process.pid}`;
    const created = await api(t).post(staff, '/api/law/violations', { code, name: '未按规定建立安全生产教育培训档案', source: '本局拟定', keywords: ['培训档案'],
      bands: [{ grade: 'general', circumstances: '一般', kinds: ['fine'], fineMin: 10000, fineMax: 50000 }] });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as string;
    const body = { code, name: '未如实记录安全生产教育和培训情况', source: '本局拟定', keywords: ['培训记录', '教育培训'],
      bands: [{ grade: 'minor', circumstances: '首次且及时改正', kinds: ['warning'] }, { grade: 'general', circumstances: '一般', kinds: ['fine'], fineMin: 20000, fineMax: 60000 }] };
    const r = await send(staff, 'PUT', `/api/law/violations/${id}`, body);
    expect(r.statusCode, r.body).toBe(200);
    const seen = (await api(t).get(officer, `/api/law/violations/${id}`)).json();
    expect(seen).toMatchObject({ id, code, name: '未如实记录安全生产教育和培训情况', keywords: ['培训记录', '教育培训'] });
    expect(seen.bands.map((b: { grade: string; fineMin: number | null; fineMax: number | null }) => [b.grade, b.fineMin, b.fineMax]).sort())
      .toEqual([['general', 20000, 60000], ['minor', null, null]]);
    const [a, ...more] = await audited('law.violation.update', id);
    expect(more).toEqual([]);
    expect(a.before).toMatchObject({ name: '未按规定建立安全生产教育培训档案', bands: [{ grade: 'general', fineMin: 10000, fineMax: 50000 }] });
    expect(a.after).toMatchObject({ name: '未如实记录安全生产教育和培训情况', bands: body.bands });
    expect((await send(officer, 'PUT', `/api/law/violations/${id}`, body)).statusCode).toBe(403);
  });
});

describe('refusing a departure from the benchmark', () => {
  it('rejects a pending proposal by another officer, once', async () => {
    const second = await makeOfficer(t);
    const me = await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`);
    const firm = (await enterprisesOf(t, 'hazchem'))[0];
    const c = await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firm.id, cause: '未设置明显的安全警示标志', officerIds: [me.id, second.id] });
    expect(c.statusCode, c.body).toBe(200);
    const caseId = c.json().id as string;
    const p = await api(t).post(officer, '/api/law/proposals', { caseId, itemId: AQF_099_01, circumstances: { firstOffence: true, correctedInTime: false, consequence: 'none' },
      kinds: ['fine'], fine: 40000, reason: '储罐区多处缺少警示标志' });
    expect(p.json()).toMatchObject({ status: 'pending', withinRange: false });
    const id = p.json().id as string;
    const other = await t.login(second.username);
    const r = await api(t).post(other, `/api/law/proposals/${id}/reject`, { note: '理由不足，按基准幅度处罚' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, status: 'rejected', decisionNote: '理由不足，按基准幅度处罚' });
    const listed = (await api(t).get(officer, `/api/law/proposals?caseId=${caseId}`)).json().items;
    expect(listed.find((x: { id: string }) => x.id === id)).toMatchObject({ status: 'rejected', decisionNote: '理由不足，按基准幅度处罚' });
    expect(await audited('law.proposal.reject', id)).toMatchObject([{ before: { status: 'pending' }, after: { status: 'rejected', note: '理由不足，按基准幅度处罚' } }]);
    expect((await api(t).post(other, `/api/law/proposals/${id}/reject`, { note: '再议' })).statusCode).toBe(409);
  });
});

describe('the file import preview', () => {
  it('splits an uploaded text into articles, saving nothing and auditing nothing', async () => {
    const state = async () => t.p.db.one<{ audit: number; sources: number; versions: number; articles: number }>(sql`select
      (select count(*)::int from audit_log) as audit, (select count(*)::int from law_sources) as sources,
      (select count(*)::int from law_versions) as versions, (select count(*)::int from law_articles) as articles`);
    const before = await state();
    const b = `----law${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="aqf.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      fs.readFileSync(FIXTURE), Buffer.from(`\r\n--${b}--\r\n`)]);
    const r = await t.as(staff, { method: 'POST', url: '/api/law/import/preview-file', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
    expect(r.statusCode, r.body).toBe(200);
    const preview = r.json();
    expect(preview.title).toBe('中华人民共和国安全生产法');
    expect(preview.articles.map((a: { label: string }) => a.label)).toContain('第九十九条');
    expect(await state()).toEqual(before);
  });
});
