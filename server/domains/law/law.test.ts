// The library and the benchmarks through HTTP on the demo county's database: versions in force, search, proposals at
// each band's boundary, departures, replacement review, and who may edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../enforcement/common/testing.js';
import { defaultId } from './defaults/generate.js';
import { registerCitation } from './directory.js';

let t: TestApp; let staff: string; let officer: string; let other: string; let caseId: string;
const AQF_099_01 = defaultId('item', 5); // 未设置明显的安全警示标志 (安全生产法第九十九条第（一）项)
const LING15 = defaultId('source', 4);
const first = { firstOffence: true, correctedInTime: true, consequence: 'none' };

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2022-05-10T10:00:00+08:00');
  [staff, officer] = [await t.login('staff'), await t.login('officer')];
  const second = await makeOfficer(t);
  other = await t.login(second.username);
  const me = await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`);
  const firm = (await enterprisesOf(t, 'hazchem'))[0];
  const r = await api(t).post(officer, '/api/enforcement/cases', { source: 'other', enterpriseId: firm.id, cause: '未设置明显的安全警示标志', officerIds: [me.id, second.id] });
  expect(r.statusCode, r.body).toBe(200);
  caseId = r.json().id;
});
afterAll(async () => { await t.close(); });

describe('the version in force on a day', () => {
  it('cites 安全生产法第九十九条 by the text then in force', async () => {
    const before = await api(t).get(officer, `/api/law/cite?source=${encodeURIComponent('安全生产法')}&article=${encodeURIComponent('第九十九条')}&on=2021-08-31`);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ version: '2014年修正', effectiveTo: '2021-09-01' });
    expect(before.json().text).toMatch(/未采取措施消除事故隐患/);
    const after = await api(t).get(officer, `/api/law/cite?source=${encodeURIComponent('安全生产法')}&article=99&on=2021-09-01`);
    expect(after.json()).toMatchObject({ version: '2021年修正', effectiveTo: null });
    expect(after.json().text).toMatch(/安全警示标志/);
    const none = await api(t).get(officer, `/api/law/cite?source=${encodeURIComponent('安全生产法')}&article=99&on=2014-11-30`);
    expect(none.statusCode).toBe(404);
  });

  it('gives each source its status on a day: 令15号 in force before 2026-02-01, repealed from it, 令18号 pending until then', async () => {
    const on = async (day: string) => (await api(t).get(officer, `/api/law/sources?q=${encodeURIComponent('行政处罚办法')}&on=${day}`)).json().items as { docNumber: string; status: string }[];
    const s = (items: { docNumber: string; status: string }[], n: string) => items.find((x) => x.docNumber.includes(n))!.status;
    expect([s(await on('2026-01-31'), '第15号'), s(await on('2026-01-31'), '第18号')]).toEqual(['in_force', 'pending']);
    expect([s(await on('2026-02-01'), '第15号'), s(await on('2026-02-01'), '第18号')]).toEqual(['repealed', 'in_force']);
  });
});

describe('checked article texts (issue #14)', () => {
  it('ships every article marked as checked, and an edited text loses the mark', async () => {
    const rows = await t.p.db.query<{ id: string; label: string; verified: boolean; verification_note: string }>(sql`select id, label, verified, verification_note from law_articles
      where id::text like '0190f202-%' order by position`);
    expect(rows.length).toBeGreaterThanOrEqual(22);
    expect(rows.filter((r) => !r.verified || !r.verification_note)).toEqual([]);
    const a98 = rows.find((r) => r.label === '第九十八条')!;
    expect(a98.verification_note).toMatch(/已更正.*装卸/);
    await t.p.db.execute(sql`update law_articles set text = text || '（测试）' where id = ${a98.id}`);
    const after = await t.p.db.one<{ verified: boolean; verification_note: string }>(sql`select verified, verification_note from law_articles where id = ${a98.id}`);
    expect(after.verified).toBe(false);
    expect(after.verification_note).toMatch(/^条文在核对后被修改，需重新核对（原核对：与国家法律法规数据库/);
    const shown = (await t.as(officer, { method: 'GET', url: `/api/law/articles/${a98.id}` })).json();
    expect(shown).toMatchObject({ verified: false, verificationNote: expect.stringMatching(/^条文在核对后被修改/) });
    await t.p.db.execute(sql`update law_articles set text = replace(text, '（测试）', ''), verified = true, verification_note = ${a98.verification_note} where id = ${a98.id}`);
    expect((await t.as(officer, { method: 'GET', url: `/api/law/articles/${a98.id}` })).json()).toMatchObject({ verified: true, verificationNote: a98.verification_note });
  });
});

describe('searching articles', () => {
  it('finds an article by its citation, by number alone and by words', async () => {
    const byCite = (await api(t).get(officer, `/api/law/articles?q=${encodeURIComponent('安全生产法第九十九条')}`)).json();
    expect(byCite.items.map((a: { label: string; version: string }) => [a.label, a.version])).toEqual([['第九十九条', '2021年修正']]);
    const byNumber = (await api(t).get(officer, `/api/law/articles?q=${encodeURIComponent('第99条')}&allVersions=true`)).json();
    expect(byNumber.total).toBeGreaterThanOrEqual(2);
    expect(byNumber.items.every((a: { number: number }) => a.number === 99)).toBe(true);
    const byWords = (await api(t).get(officer, `/api/law/articles?q=${encodeURIComponent('可燃气体 报警装置')}`)).json();
    expect(byWords.items.map((a: { label: string }) => a.label).sort()).toEqual(['第三十六条', '第九十九条']);
  });
});

describe('a penalty proposed from circumstances', () => {
  const tryout = (circumstances: object) => api(t).post(officer, '/api/law/proposals/try', { itemId: AQF_099_01, circumstances, on: '2022-05-10' });

  it('moves between bands at each circumstance boundary', async () => {
    const grade = async (c: object) => (await tryout(c)).json().grade;
    expect(await grade(first)).toBe('minor');
    expect(await grade({ ...first, consequence: 'minor' })).toBe('minor');
    expect(await grade({ ...first, correctedInTime: false })).toBe('general');
    expect(await grade({ ...first, firstOffence: false })).toBe('serious');
    expect(await grade({ ...first, consequence: 'danger' })).toBe('serious');
    expect(await grade({ ...first, consequence: 'accident' })).toBe('severe');
    expect(await grade({ ...first, overdueOrRefused: true })).toBe('severe');
    const r = (await tryout({ ...first, correctedInTime: false })).json();
    expect(r.band).toMatchObject({ gradeLabel: '一般', fineMin: 5000, fineMax: 20000, unconfirmed: true });
    expect(r.articles.map((a: { role: string; label: string; version: string }) => [a.role, a.label, a.version])).toEqual([['violated', '第三十五条', '2021年修正'], ['penalty', '第九十九条', '2021年修正']]);
    expect(r.warnings.join()).toMatch(/尚未经本局确认/);
  });

  const propose = (cookie: string, body: object) => api(t).post(cookie, '/api/law/proposals', { caseId, itemId: AQF_099_01, circumstances: { ...first, correctedInTime: false }, ...body });

  it('accepts the range\'s bounds and refuses a departure without a written reason', async () => {
    for (const fine of [5000, 20000]) {
      const ok = await propose(officer, { kinds: ['fine'], fine });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'accepted', withinRange: true, fine, grade: 'general' });
    }
    for (const fine of [4999, 20001]) {
      const r = await propose(officer, { kinds: ['fine'], fine });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.message).toMatch(/偏离裁量基准.*须写明偏离理由/);
    }
    const extraKind = await propose(officer, { kinds: ['fine', 'suspension'], fine: 10000 });
    expect(extraKind.json().error.message).toMatch(/基准未规定责令停产停业/);
    expect((await propose(officer, { kinds: ['fine'] })).json().error.message).toBe('处罚种类含罚款，请填写罚款金额');
  });

  it('holds a departure with a reason for another account\'s approval, keeping the articles\' versions', async () => {
    const r = await propose(officer, { kinds: ['fine'], fine: 30000, reason: '当事人拒不配合检查，且警示标志缺失区域为液氯储罐区' });
    expect(r.json()).toMatchObject({ status: 'pending', withinRange: false });
    const id = r.json().id;
    const self = await api(t).post(officer, `/api/law/proposals/${id}/approve`, { note: '同意' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('偏离裁量基准须由提出人以外的人员审批');
    const approved = await api(t).post(other, `/api/law/proposals/${id}/approve`, { note: '经集体讨论同意从重' });
    expect(approved.json()).toMatchObject({ status: 'approved', decisionNote: '经集体讨论同意从重' });
    expect((await api(t).post(other, `/api/law/proposals/${id}/reject`, { note: '再议' })).statusCode).toBe(409);
    const list = (await api(t).get(officer, `/api/law/proposals?caseId=${caseId}`)).json().items;
    expect(list[0].articles[1]).toMatchObject({ label: '第九十九条', versionId: defaultId('version', 2) });
    const trail = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_type = 'law_penalty_proposal' and entity_id = ${id} order by seq`);
    expect(trail.map((x) => x.action)).toEqual(['law.proposal.create', 'law.proposal.approve']);
  });

  it('keeps proposals inside the case\'s scope', async () => {
    const town = await t.login('town_baitang');
    expect((await api(t).get(town, `/api/law/proposals?caseId=${caseId}`)).statusCode).toBe(403);
    expect((await api(t).post(officer, '/api/law/proposals', { caseId: '01900000-0000-7000-8000-000000000000', itemId: AQF_099_01, circumstances: first, kinds: [] })).statusCode).toBe(404);
  });
});

describe('replacing a source', () => {
  it('lists what cites the old source for review, and records the review', async () => {
    const mk = async (title: string) => (await api(t).post(staff, '/api/law/sources', { kind: 'local_rule', title, docNumber: `汨政令〔2022〕${title.length}号` })).json().id as string;
    const oldId = await mk(`汨水市烟花爆竹安全管理办法${process.pid}`);
    const newId = await mk(`汨水市烟花爆竹安全管理规定${process.pid}`);
    const v = await api(t).post(staff, `/api/law/sources/${oldId}/versions`, { label: '2020年公布', effectiveFrom: '2020-03-01',
      articles: [{ label: '第八条', text: '烟花爆竹零售点不得设在居住场所内。' }, { label: '第二十条', text: '违反第八条的，责令改正，处五千元以下罚款。' }] });
    expect(v.statusCode, v.body).toBe(200);
    const arts = (await api(t).get(staff, `/api/law/articles?sourceId=${oldId}`)).json().items as { id: string; label: string }[];
    const item = await api(t).post(staff, '/api/law/violations', { code: `YH-${process.pid}`, name: '烟花爆竹零售点设在居住场所内', source: '本市规章', keywords: ['居住场所'],
      violatedArticleId: arts.find((a) => a.label === '第八条')!.id, penaltyArticleId: arts.find((a) => a.label === '第二十条')!.id,
      bands: [{ grade: 'general', circumstances: '一般', kinds: ['fine'], fineMin: 1000, fineMax: 5000 }] });
    expect(item.statusCode, item.body).toBe(200);
    await t.p.db.tx((tx) => registerCitation(tx, { subjectType: 'checklist_item', subjectId: `test-${process.pid}#YH-2`, label: '零售点检查 YH-2', source: `汨水市烟花爆竹安全管理办法${process.pid}`, article: '第八条' }));
    const replaced = await api(t).post(staff, `/api/law/sources/${oldId}/replace`, { bySourceId: newId, from: '2022-07-01' });
    expect(replaced.json()).toMatchObject({ repealedOn: '2022-07-01', replacedBy: { id: newId } });
    const citing = (await api(t).get(staff, `/api/law/sources/${oldId}/citing`)).json().items;
    expect(citing.map((c: { subjectType: string; cited: string }) => [c.subjectType, c.cited])).toEqual([['violation_item', '第八条、第二十条'], ['checklist_item', '第八条']]);
    const reviewed = await api(t).post(staff, `/api/law/citations/${citing[1].citationId}/review`, { note: '改引新规定第六条' });
    expect(reviewed.statusCode).toBe(200);
    expect((await api(t).get(staff, `/api/law/sources/${oldId}/citing`)).json().items[1]).toMatchObject({ reviewNote: '改引新规定第六条', reviewedAt: expect.any(String) });
    expect((await api(t).post(staff, `/api/law/sources/${newId}/replace`, { bySourceId: oldId, from: '2023-01-01' })).statusCode).toBe(409);
  });

  it('ships 令15号 as replaced by 令18号 from 2026-02-01 with the rules that cite it', async () => {
    const citing = (await api(t).get(officer, `/api/law/sources/${LING15}/citing`)).json().items;
    expect(citing.map((c: { subjectId: string }) => c.subjectId)).toEqual(expect.arrayContaining(['enforcement.case.limits']));
  });
});

describe('who may read and edit the library', () => {
  it('lets enforcement and hazard readers read, only law:write edit, and nobody else in', async () => {
    for (const u of ['officer', 'town_baitang', 'ent_demo', 'dept_zhujian']) {
      expect((await api(t).get(await t.login(u), '/api/law/articles?q=99')).statusCode, u).toBe(200);
    }
    expect((await api(t).get(await t.login('informant_demo'), '/api/law/articles')).statusCode).toBe(403);
    const body = { kind: 'normative', title: `测试文件${process.pid}` };
    for (const u of ['officer', 'town_baitang', 'leader']) expect((await api(t).post(await t.login(u), '/api/law/sources', body)).statusCode, u).toBe(403);
    expect((await api(t).post(staff, '/api/law/sources', body)).statusCode).toBe(200);
    expect((await api(t).post(staff, '/api/law/sources', body)).statusCode).toBe(409);
  });

  it('refuses a version whose article numbers repeat, writing nothing', async () => {
    const id = (await api(t).get(staff, `/api/law/sources?q=${encodeURIComponent('突发事件应对法')}`)).json().items[0].id;
    const r = await api(t).post(staff, `/api/law/sources/${id}/versions`, { label: '试', effectiveFrom: '2030-01-01', articles: [{ label: '第1条', text: '甲' }, { label: '第一条', text: '乙' }] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/条文编号重复：第一条/);
    expect((await api(t).get(staff, `/api/law/sources/${id}`)).json().versions).toHaveLength(2);
  });
});

describe('matching a finding to violation items', () => {
  it('proposes the item a finding describes', async () => {
    const r = (await api(t).get(officer, `/api/law/violations/match?text=${encodeURIComponent('液氯储罐区未设置明显的安全警示标志')}`)).json();
    expect(r.items[0].item.code).toBe('AQF-099-01');
  });
});
