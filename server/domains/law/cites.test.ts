// The library used everywhere (issue #14): checklist and template items cite articles, a failed item proposes its
// violation item, a case filed from it carries the item, documents print the articles as of the act's day, and the
// review list of a replaced source includes the items citing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { api, enterprisesOf, makeOfficer } from '../enforcement/common/testing.js';
import { defaultId } from './defaults/generate.js';
import { citesAsOf } from './directory.js';

let t: TestApp; let staff: string; let officer: string; let town: string; let officerIds: string[]; let firm: { id: string };
const HAZCHEM_LIST = '0190f100-0000-7000-8000-000000000002';
const LING15 = defaultId('source', 4);
const LING18 = defaultId('source', 5);
/** Move the clock (and log in again: sessions end after 12 hours). */
const at = async (iso: string) => {
  t.now.value = new Date(iso);
  [staff, officer] = [await t.login('staff'), await t.login('officer')];
};
const put = (cookie: string, url: string, payload: object) => t.as(cookie, { method: 'PUT', url, payload });

/** An article added to a version of a shipped source that has no text (令15号/令18号 are not loaded). */
async function addArticle(sourceId: string, label: string, number: number, text: string) {
  const v = await t.p.db.one<{ id: string }>(sql`select id from law_versions where source_id = ${sourceId} order by effective_from desc limit 1`);
  const id = uuidv7();
  await t.p.db.execute(sql`insert into law_articles (id, version_id, source_id, position, label, number, text, paragraphs, search)
    values (${id}, ${v.id}, ${sourceId}, ${number}, ${label}, ${number}, ${text}, ${JSON.stringify([{ text, items: [] }])}::jsonb, ${label + text})`);
  return id;
}

async function inspect(checklistId: string, code: string, note: string) {
  const r = await api(t).post(officer, '/api/enforcement/inspections', { origin: 'adhoc', enterpriseId: firm.id, officerIds, checklistId });
  expect(r.statusCode, r.body).toBe(200);
  const rec = await api(t).post(officer, `/api/enforcement/inspections/${r.json().id}/record`, { results: [{ code, ok: false, note, toHazard: true }] });
  expect(rec.statusCode, rec.body).toBe(200);
  return r.json().id as string;
}

beforeAll(async () => {
  t = await buildTestApp();
  await at('2026-01-20T10:00:00+08:00');
  town = await t.login('town_baitang');
  const me = await t.p.db.one<{ id: string }>(sql`select id from accounts where username = 'officer'`);
  officerIds = [me.id, (await makeOfficer(t)).id];
  firm = (await enterprisesOf(t, 'hazchem'))[0];
}, 600_000); // cloning the demo database takes minutes when the shared machine is loaded
afterAll(async () => { await t.close(); });

describe('checklist items cite articles of the library', () => {
  it('ships the checklists with their citations resolved where the library has the article, and marks the rest', async () => {
    const r = await api(t).get(officer, '/api/enforcement/checklists');
    expect(r.statusCode, r.body).toBe(200);
    const items = (r.json() as { items: { code: string; cites?: { source: string; article: string | null; resolved: boolean; version: string | null; text: string | null; note: string | null }[] }[] }[])
      .flatMap((l) => l.items);
    const wh2 = items.find((i) => i.code === 'WH-2')!;
    expect(wh2.cites).toEqual([expect.objectContaining({ source: '安全生产法', article: '第四十条', resolved: true, version: '2021年修正' })]);
    expect(wh2.cites![0].text).toMatch(/重大危险源/);
    const fm1 = items.find((i) => i.code === 'FM-1')!;
    expect(fm1.cites![0]).toMatchObject({ source: '安全生产许可证条例', resolved: false, note: '法规库未收录该法规标准' });
    const gm2 = items.find((i) => i.code === 'GM-2')!;
    expect(gm2.cites![0]).toMatchObject({ resolved: false });
    expect(gm2.cites![0].note).toMatch(/未收录第十一条/);
  });

  it('resolves a cite to the article of the version in force, and prints it as of any day', async () => {
    const r = await api(t).post(officer, '/api/enforcement/checklists', { sector: 'hazchem', name: '测试：隐患排查检查表', items: [
      { code: 'T-1', text: '事故隐患已采取措施消除', basis: '安全生产法第99条', cites: [{ source: '安全生产法', article: '99' }] }] });
    expect(r.statusCode, r.body).toBe(200);
    const cite = r.json().items[0].cites[0];
    expect(cite).toMatchObject({ source: '安全生产法', article: '第九十九条', resolved: true, version: '2021年修正' });
    const stored = await t.p.db.one<{ items: { cites: { articleId: string }[] }[] }>(sql`select items from enforcement_checklists where id = ${r.json().id}`);
    const articleId = stored.items[0].cites[0].articleId;
    expect(articleId).toBe(cite.articleId);
    const [old] = await citesAsOf(t.p.db, [{ source: '安全生产法', article: '第九十九条', articleId }], '2021-08-31');
    expect(old).toMatchObject({ resolved: true, version: '2014年修正' });
    expect(old.text).toMatch(/未采取措施消除事故隐患/);
    const [none] = await citesAsOf(t.p.db, [{ source: '安全生产法', article: '第九十九条', articleId }], '2014-11-30');
    expect(none.resolved).toBe(false);
    // Picking the old version's article stores the one in force today.
    const picked = await put(officer, `/api/enforcement/checklists/${r.json().id}`, { sector: 'hazchem', name: '测试：隐患排查检查表', items: [
      { code: 'T-1', text: '事故隐患已采取措施消除', cites: [{ source: '安全生产法', articleId: old.articleId }] }] });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json().items[0].cites[0]).toMatchObject({ articleId, version: '2021年修正' });
  });

  it('refuses a cited article the library does not hold, and leaves editing to enforcement:write', async () => {
    const bad = await api(t).post(officer, '/api/enforcement/checklists', { sector: 'hazchem', name: '测试：错误引用', items: [
      { code: 'X-1', text: '检查内容', cites: [{ source: '安全生产法', articleId: uuidv7() }] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/不存在，请重新选择/);
    const byTown = await put(town, `/api/enforcement/checklists/${HAZCHEM_LIST}`, { sector: 'hazchem', name: 'x', items: [{ code: 'A', text: '检查内容' }] });
    expect(byTown.statusCode).toBe(403);
  });

  it('lets only law:write edit the library the items cite', async () => {
    const a = await t.p.db.one<{ id: string; text: string; label: string; chapter: string | null }>(sql`select id, text, label, chapter from law_articles where id = ${defaultId('article', 10)}`);
    const byOfficer = await t.as(officer, { method: 'PATCH', url: `/api/law/articles/${a.id}`, payload: { label: a.label, chapter: a.chapter ?? undefined, text: a.text } });
    expect(byOfficer.statusCode).toBe(403);
    const source = await api(t).post(officer, '/api/law/sources', { kind: 'normative', title: '测试：无权新增' });
    expect(source.statusCode).toBe(403);
    const byStaff = await t.as(staff, { method: 'PATCH', url: `/api/law/articles/${a.id}`, payload: { label: a.label, chapter: a.chapter ?? undefined, text: a.text } });
    expect(byStaff.statusCode, byStaff.body).toBe(200);
  });

  it('resolves and registers the cites of a self-check template item', async () => {
    const r = await api(t).post(staff, '/api/check-templates', { sector: 'gas', name: '测试：餐饮燃气自查表', frequency: 'daily', items: [
      { code: 'Z-1', text: '使用燃气已安装可燃气体报警装置', cites: [{ source: '安全生产法', article: '第三十六条' }] }] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items[0].cites[0]).toMatchObject({ resolved: true, label: '第三十六条' });
    const c = await t.p.db.maybeOne(sql`select 1 from law_citations where subject_type = 'check_template_item' and subject_id = ${`${r.json().id}#Z-1`} and article_label = '第三十六条'`);
    expect(c).toBeTruthy();
  });
});

describe('a finding proposes its violation item', () => {
  let inspectionId: string;
  it('proposes the item breaking the article the failed checklist item cites, with its benchmark', async () => {
    inspectionId = await inspect(HAZCHEM_LIST, 'WH-2', '储罐区未备案');
    const r = await api(t).get(officer, `/api/enforcement/inspections/${inspectionId}/violations`);
    expect(r.statusCode, r.body).toBe(200);
    const [entry] = r.json().items;
    expect(entry).toMatchObject({ itemCode: 'WH-2', cites: [expect.objectContaining({ label: '第四十条', resolved: true })] });
    expect(entry.hazardNumber).toBeTruthy();
    expect(entry.items[0]).toMatchObject({ code: 'AQF-101-02', byArticle: true });
    expect(entry.items[0].bands.map((b: { grade: string }) => b.grade)).toEqual(['minor', 'general', 'serious', 'severe']);
    expect(entry.items[0].bands[1].range).toMatch(/罚款/);
  });

  it('carries the item into the case filed from the finding, and refuses an unknown item', async () => {
    const item = defaultId('item', 9); // AQF-101-02
    expect((await t.p.db.one<{ code: string }>(sql`select code from law_violation_items where id = ${item}`)).code).toBe('AQF-101-02');
    const r = await api(t).post(officer, '/api/enforcement/cases', { source: 'inspection', inspectionId, cause: '重大危险源未登记建档', officerIds, violationItemId: item,
      finding: '储罐区未备案' });
    expect(r.statusCode, r.body).toBe(200);
    const p = await api(t).get(officer, `/api/law/proposals?caseId=${r.json().id}`);
    expect(p.json().violations).toEqual([expect.objectContaining({ itemId: item, code: 'AQF-101-02', inspectionId, finding: '储罐区未备案' })]);
    const bad = await api(t).post(officer, '/api/enforcement/cases', { source: 'inspection', inspectionId, cause: '重大危险源未登记建档', officerIds, violationItemId: uuidv7() });
    expect(bad.statusCode).toBe(400);
    expect(await t.p.db.maybeOne(sql`select 1 from enforcement_cases where cause = '重大危险源未登记建档' and id <> ${r.json().id}`)).toBeFalsy();
  });

  it('prints the articles of the case\'s penalty proposal, as of its 立案 day, on the 行政处罚告知书', async () => {
    const item = defaultId('item', 9);
    const r = await api(t).post(officer, '/api/enforcement/cases', { source: 'inspection', inspectionId, cause: '重大危险源未登记建档（告知）', officerIds, violationItemId: item });
    expect(r.statusCode, r.body).toBe(200);
    const caseId = r.json().id as string;
    expect((await api(t).post(officer, `/api/enforcement/cases/${caseId}/approve`, { opinion: '同意立案' })).statusCode).toBe(200);
    const circumstances = { firstOffence: false, correctedInTime: false, consequence: 'none' };
    const tried = (await api(t).post(officer, '/api/law/proposals/try', { itemId: item, circumstances })).json();
    const fine = tried.band.fineMin as number;
    const p = await api(t).post(officer, '/api/law/proposals', { caseId, itemId: item, circumstances, kinds: tried.band.kinds, fine });
    expect(p.statusCode, p.body).toBe(200);
    const n = await api(t).post(officer, `/api/enforcement/cases/${caseId}/notify`, { kinds: tried.band.kinds, fine, basis: '《安全生产法》第一百零一条' });
    expect(n.statusCode, n.body).toBe(200);
    const docs = (await api(t).get(officer, `/api/enforcement/documents?caseId=${caseId}&kind=penalty_notice`)).json().items as { id: string }[];
    const text = (await api(t).get(officer, `/api/enforcement/documents/${docs[0].id}`)).json().text as string;
    expect(text).toContain('所依据的条文（按2026年1月20日施行的文本）');
    expect(text).toMatch(/违法依据：《安全生产法》第四十条（2021年修正）：生产经营单位对重大危险源应当登记建档/);
    expect(text).toMatch(/处罚依据：《安全生产法》第一百零一条（2021年修正）：/);
  });

  it('hides an inspection outside the caller\'s scope', async () => {
    const other = await t.login('town_luojiang');
    const r = await api(t).get(other, `/api/enforcement/inspections/${inspectionId}/violations`);
    expect([403, 404]).toContain(r.statusCode);
  });
});

describe('documents print the cited articles as of the day of the act', () => {
  let listId: string;
  beforeAll(async () => {
    await addArticle(LING15, '第四十五条', 45, '（测试文本·总局令第15号）生产经营单位及其主要负责人或者其他人员有下列行为之一的，给予警告。');
    await addArticle(LING18, '第四十五条', 45, '（测试文本·应急管理部令第18号）生产经营单位有下列行为之一的，依照本办法处理。');
    const a15 = await t.p.db.one<{ id: string }>(sql`select id from law_articles where source_id = ${LING15} and label = '第四十五条'`);
    const r = await api(t).post(officer, '/api/enforcement/checklists', { sector: 'hazchem', name: '测试：处罚办法检查表', items: [
      { code: 'P-1', text: '如实提供有关资料', cites: [{ source: '安全生产违法行为行政处罚办法', articleId: a15.id }] }] });
    expect(r.statusCode, r.body).toBe(200);
    listId = r.json().id;
  });

  const rectifyText = async (inspectionId: string) => {
    const d = await api(t).post(officer, '/api/enforcement/documents', { kind: 'rectify_order', inspectionId, deadline: '2026-03-31' });
    expect(d.statusCode, d.body).toBe(200);
    return (await api(t).get(officer, `/api/enforcement/documents/${d.json().id}`)).json().text as string;
  };

  it('cites 总局令第15号 for an inspection on 2026-01-31 and 令18号 for one on 2026-02-01', async () => {
    await at('2026-01-31T23:30:00+08:00');
    const before = await rectifyText(await inspect(listId, 'P-1', '拒不提供资料'));
    expect(before).toContain('按2026年1月31日施行的文本');
    expect(before).toContain('总局令第15号');
    expect(before).toContain('测试文本·总局令第15号');
    expect(before).not.toContain('测试文本·应急管理部令第18号');
    await at('2026-02-01T00:10:00+08:00');
    const after = await rectifyText(await inspect(listId, 'P-1', '拒不提供资料'));
    expect(after).toContain('测试文本·应急管理部令第18号');
    expect(after).not.toContain('测试文本·总局令第15号');
  });

  it('lists the checklist items citing a replaced source for review', async () => {
    const r = await api(t).get(staff, `/api/law/sources/${LING15}/citing`);
    expect(r.statusCode, r.body).toBe(200);
    const mine = (r.json().items as { subjectType: string; subjectId: string; label: string; cited: string | null }[]).filter((c) => c.subjectId === `${listId}#P-1`);
    expect(mine).toEqual([expect.objectContaining({ subjectType: 'checklist_item', label: expect.stringContaining('测试：处罚办法检查表 P-1') })]);
    // Dropping the cite takes the item off the list.
    await at('2026-02-02T10:00:00+08:00');
    const edit = await put(officer, `/api/enforcement/checklists/${listId}`, { sector: 'hazchem', name: '测试：处罚办法检查表', items: [{ code: 'P-1', text: '如实提供有关资料' }] });
    expect(edit.statusCode, edit.body).toBe(200);
    const again = (await api(t).get(staff, `/api/law/sources/${LING15}/citing`)).json().items as { subjectId: string }[];
    expect(again.filter((c) => c.subjectId === `${listId}#P-1`)).toEqual([]);
  });

  it('lists the shipped checklist and template items citing a source', async () => {
    const aqsf = defaultId('source', 1);
    const items = (await api(t).get(staff, `/api/law/sources/${aqsf}/citing`)).json().items as { subjectType: string; subjectId: string }[];
    expect(items.some((c) => c.subjectType === 'checklist_item' && c.subjectId === `${HAZCHEM_LIST}#WH-2`)).toBe(true);
    expect(items.some((c) => c.subjectType === 'check_template_item' && c.subjectId === '0190f000-0000-7000-8000-000000000006#RQ-1')).toBe(true);
  });
});
