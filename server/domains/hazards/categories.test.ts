// Issue #14, the law library used on hazards: a managed list of 隐患类别 citing articles (edited by the library's
// editors, audited, registered for review), a hazard filed under one shows the articles as of the day it was found
// (detail and the printed notice), the ledger filters by category; a hazard raised from a failed self-check item
// carries the item's cites; self-check templates are edited in versions that filled checks keep.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { defaultId } from '../law/defaults/generate.js';

let t: TestApp; let staff: string; let town: string; let ent: string; let enterpriseId: string;
const AQSCF = defaultId('source', 1);
const send = (c: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) => t.as(c, { method, url, ...(payload ? { payload } : {}) });
const ok = async <T = any>(r: Promise<{ statusCode: number; body: string; json: () => any }>): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const x = await r;
  expect(x.statusCode, x.body).toBe(200);
  return x.json();
};
type Cited = { source: string; label: string | null; version: string | null; text: string | null; resolved: boolean; note: string | null };
const auditOf = (entityId: string) => t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${entityId} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  [staff, town, ent] = await Promise.all(['staff', 'town_baitang', 'ent_demo'].map((u) => t.login(u)));
  enterpriseId = (await send(ent, 'GET', '/api/auth/me')).json().scope.enterpriseId;
}, 600_000);
afterAll(async () => { await t.close(); });

describe('hazard categories', () => {
  it('ships the defaults with their articles, marking what is unconfirmed or not in the library', async () => {
    const list = await ok<{ code: string; name: string; parentCode: string | null; unconfirmed: boolean; cites: Cited[] }[]>(send(town, 'GET', '/api/hazard-categories'));
    const by = new Map(list.map((c) => [c.code, c]));
    expect(by.get('basic')?.name).toBe('基础管理类');
    expect(by.get('site')?.name).toBe('现场管理类');
    expect(by.get('basic.training')).toMatchObject({ parentCode: 'basic', unconfirmed: false });
    expect(by.get('basic.training')!.cites.map((c) => [c.label, c.resolved])).toEqual([['第二十八条', true], ['第三十条', true]]);
    expect(by.get('basic.training')!.cites[0].text).toMatch(/教育和培训/);
    const dust = by.get('industry_trade.dust')!;
    expect(dust).toMatchObject({ parentCode: 'industry_trade.major', unconfirmed: true });
    expect(dust.cites[0]).toMatchObject({ resolved: false });
    // The demo county's hazards are filed under them.
    const demo = await t.p.db.query<{ category_code: string; n: number }>(sql`select category_code, count(*)::int as n from hazards where category_code is not null group by 1`);
    expect(demo.map((r) => r.category_code)).toEqual(expect.arrayContaining(['site.signs', 'flood', 'fire_key.major', 'hazchem.major_source']));
    // Registered for review: the shipped 安全生产法 categories are on its citing list.
    const citing = (await ok<{ items: { subjectType: string; subjectId: string }[] }>(send(staff, 'GET', `/api/law/sources/${AQSCF}/citing`))).items;
    expect(citing.filter((c) => c.subjectType === 'hazard_category').map((c) => c.subjectId)).toEqual(expect.arrayContaining(['basic.training', 'site.signs', 'hazchem.major_source']));
  });

  it('is edited by the library editors only, audited, with clear refusals', async () => {
    const body = { code: 'site.electric', name: '用电安全', parentCode: 'site', cites: [{ source: '安全生产法', article: '36' }] };
    const denied = await send(town, 'POST', '/api/hazard-categories', body);
    expect(denied.statusCode).toBe(403);
    const c = await ok(send(staff, 'POST', '/api/hazard-categories', body));
    expect(c).toMatchObject({ code: 'site.electric', parentCode: 'site', active: true });
    expect(c.cites[0]).toMatchObject({ label: '第三十六条', resolved: true, version: '2021年修正' });
    const dup = await send(staff, 'POST', '/api/hazard-categories', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toMatch(/已存在/);
    const noParent = await send(staff, 'POST', '/api/hazard-categories', { ...body, code: 'x.y', parentCode: 'nope' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error.message).toMatch(/上级类别 nope 不存在/);
    const loop = await send(staff, 'PATCH', '/api/hazard-categories/site', { parentCode: 'site.electric' });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/下级/);
    expect(await t.p.db.one<{ parent_code: string | null }>(sql`select parent_code from hazard_categories where code = 'site'`)).toEqual({ parent_code: null });
    const sector = await send(staff, 'POST', '/api/hazard-categories', { ...body, code: 'x.z', name: '某类', sector: 'moon' });
    expect(sector.statusCode).toBe(400);
    expect(await t.p.db.maybeOne(sql`select code from hazard_categories where code in ('x.y', 'x.z')`)).toBeUndefined();

    // Citing a further article registers it; a removed one is no longer on the source's review list.
    const edited = await ok(send(staff, 'PATCH', '/api/hazard-categories/site.electric', { name: '用电安全（临时用电）', cites: [{ source: '安全生产法', article: '第四十三条' }] }));
    expect(edited.cites.map((x: Cited) => x.label)).toEqual(['第四十三条']);
    const regs = await t.p.db.query<{ article_label: string }>(sql`select article_label from law_citations where subject_type = 'hazard_category' and subject_id = 'site.electric'`);
    expect(regs.map((r) => r.article_label)).toEqual(['第四十三条']);
    expect((await auditOf('site.electric')).map((a) => a.action)).toEqual(['hazard_category.create', 'hazard_category.update']);

    // Switched off: gone from the pick list, kept for editors and old records.
    await ok(send(staff, 'PATCH', '/api/hazard-categories/site.electric', { active: false }));
    expect((await ok<{ code: string }[]>(send(town, 'GET', '/api/hazard-categories'))).some((x) => x.code === 'site.electric')).toBe(false);
    expect((await ok<{ code: string }[]>(send(staff, 'GET', '/api/hazard-categories?all=true'))).some((x) => x.code === 'site.electric')).toBe(true);
    const refused = await send(staff, 'POST', '/api/hazards', { enterpriseId, title: '配电箱无门', source: 'inspection', level: 'general', categoryCode: 'site.electric' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/不存在或已停用/);
  });
});

describe('migration 0100 on hazards with free-text categories', () => {
  it('files each under the category of that name, or a category of its own words, and keeps the words', async () => {
    const ids = (await t.p.db.query<{ id: string }>(sql`select id from hazards order by id limit 3`)).map((r) => r.id);
    const words = ['现场管理类', ' 道路交通类 ', '道路交通类'];
    for (const [k, id] of ids.entries()) await t.p.db.execute(sql`update hazards set category = ${words[k]}, category_code = null where id = ${id}`);
    // The statements of the migration that map the old words (everything after its comment on them), run again.
    const text = fs.readFileSync(new URL('../../../db/migrations/0100_hazard_categories.sql', import.meta.url), 'utf8');
    await t.p.db.exec(text.slice(text.indexOf('-- Free-text categories')));
    const rows = await t.p.db.query<{ id: string; category: string; category_code: string }>(sql`select id, category, category_code from hazards where id = any(${ids}::uuid[])`);
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get(ids[0])).toMatchObject({ category: '现场管理类', category_code: 'site' });
    expect(by.get(ids[1])!.category).toBe(' 道路交通类 ');
    expect(by.get(ids[1])!.category_code).toMatch(/^legacy\.[0-9a-f]{10}$/);
    expect(by.get(ids[2])!.category_code).toBe(by.get(ids[1])!.category_code);
    expect(await t.p.db.one(sql`select name, active, note from hazard_categories where code = ${by.get(ids[1])!.category_code}`))
      .toMatchObject({ name: '道路交通类', active: true, note: expect.stringMatching(/迁移/) });
  });
});

describe('a hazard filed under a category', () => {
  let id: string;
  it('shows the category\'s articles as of the day it was found, on its detail and its notice', async () => {
    // 安全生产法第九十九条 changed in 2021: a hazard found before 2021-09-01 is shown the 2014 text.
    const c = await ok(send(staff, 'POST', '/api/hazard-categories', { code: 'basic.rectify', name: '隐患未消除', parentCode: 'basic', cites: [{ source: '安全生产法', article: '第九十九条' }] }));
    expect(c.cites[0]).toMatchObject({ version: '2021年修正' });
    const before = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from hazards`);
    const bad = await send(staff, 'POST', '/api/hazards', { enterpriseId, title: '未整改', source: 'inspection', level: 'general', categoryCode: 'no.such' });
    expect(bad.statusCode).toBe(400);
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from hazards`)).n).toBe(before.n);

    const h = await ok(send(staff, 'POST', '/api/hazards', { enterpriseId, title: '上次检查的隐患仍未消除', source: 'inspection', level: 'general', categoryCode: 'basic.rectify',
      foundAt: '2021-08-02T10:00:00+08:00' }));
    id = h.id;
    expect(h).toMatchObject({ categoryCode: 'basic.rectify', category: '隐患未消除' });
    const d = await ok(send(staff, 'GET', `/api/hazards/${id}`));
    expect(d.categoryInfo).toMatchObject({ code: 'basic.rectify', path: ['基础管理类', '隐患未消除'], unconfirmed: false });
    expect(d.categoryInfo.cites[0]).toMatchObject({ label: '第九十九条', version: '2014年修正', resolved: true });
    expect(d.categoryInfo.cites[0].text).toMatch(/未采取措施消除事故隐患/);
    const html = await send(staff, 'GET', `/api/hazards/${id}/notice`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toMatch(/事故隐患整改通知书/);
    expect(html.body).toMatch(/基础管理类 \/ 隐患未消除/);
    expect(html.body).toMatch(/《安全生产法》第九十九条（2014年修正）：生产经营单位未采取措施消除事故隐患/);
    const docx = await send(staff, 'GET', `/api/hazards/${id}/notice.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Out of scope: another town sees neither the hazard nor its notice.
    const { region_code: where } = await t.p.db.one<{ region_code: string }>(sql`select region_code from enterprises where id = ${enterpriseId}`);
    const { code: baitang } = await t.p.db.one<{ code: string }>(sql`select code from regions where name = '白塘镇'`);
    const other = await t.login(where.slice(0, 9) === baitang.slice(0, 9) ? 'town_luojiang' : 'town_baitang');
    expect((await send(other, 'GET', `/api/hazards/${id}/notice`)).statusCode).toBe(404);
  });

  it('filters the ledger by a category and the categories under it; maps the old words to a category', async () => {
    const words = await ok(send(staff, 'POST', '/api/hazards', { enterpriseId, title: '叉车无证驾驶', source: 'inspection', level: 'general', category: '现场管理类' }));
    expect(words).toMatchObject({ categoryCode: 'site', category: '现场管理类' });
    const kept = await ok(send(staff, 'POST', '/api/hazards', { enterpriseId, title: '其他问题', source: 'inspection', level: 'general', category: '某种旧分类' }));
    expect(kept).toMatchObject({ categoryCode: null, category: '某种旧分类' });
    const list = async (code: string) => (await ok<{ items: { id: string; categoryCode: string }[]; total: number }>(send(staff, 'GET', `/api/hazards?categoryCode=${code}&pageSize=200`)));
    const basic = await list('basic');
    expect(basic.items.map((h) => h.id)).toContain(id);
    expect(basic.items.every((h) => h.categoryCode.startsWith('basic'))).toBe(true);
    const site = await list('site');
    expect(site.items.map((h) => h.id)).toContain(words.id);
    expect(site.items.map((h) => h.id)).not.toContain(id);
    expect((await list('basic.rectify')).total).toBe(1);
  });
});

describe('self-check items carry their cites; templates are edited in versions', () => {
  const TPL = '0190f000-0000-7000-8000-000000000006'; // 燃气用户日常检查表: RQ-1 cites 安全生产法第三十六条
  it('raises a hazard from a failed item with the item\'s cites', async () => {
    const r = await ok(send(ent, 'POST', '/api/check-records', { templateId: TPL, createHazards: true,
      results: [{ code: 'RQ-1', ok: false, note: '报警器不亮' }, { code: 'RQ-2', ok: true }, { code: 'RQ-3', ok: true }] }));
    expect(r).toMatchObject({ templateVersion: 1, failedCount: 1 });
    const h = await ok(send(ent, 'GET', `/api/hazards/${r.hazardIds[0]}`));
    expect(h.cites).toEqual([expect.objectContaining({ source: '安全生产法', label: '第三十六条', resolved: true })]);
    expect(await t.p.db.one<{ cites: unknown }>(sql`select cites from hazards where id = ${r.hazardIds[0]}`)).toMatchObject({ cites: [expect.objectContaining({ article: '第三十六条' })] });
  });

  it('edits a template: duplicates refused, a new version saved, earlier checks keep what they were judged by', async () => {
    const tpl = (await ok<{ id: string; name: string; sector: string; frequency: string; version: number; items: { code: string; text: string; basis?: string }[] }[]>(send(staff, 'GET', '/api/check-templates'))).find((x) => x.id === TPL)!;
    const items = tpl.items.map(({ code, text, basis }) => ({ code, text, ...(basis ? { basis } : {}) }));
    const body = { sector: tpl.sector, name: tpl.name, frequency: tpl.frequency, items: [...items.slice(1), { code: 'RQ-4', text: '用气场所通风良好', cites: [{ source: '安全生产法', article: '第三十六条' }] }] };

    const dup = await send(staff, 'PUT', `/api/check-templates/${TPL}`, { ...body, items: [...body.items, { code: 'RQ-2', text: '重复' }] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toBe('检查条目编号不能重复：RQ-2');
    expect((await send(ent, 'PUT', `/api/check-templates/${TPL}`, body)).statusCode).toBe(403);
    expect((await t.p.db.one<{ version: number }>(sql`select version from check_templates where id = ${TPL}`)).version).toBe(1);

    const saved = await ok(send(staff, 'PUT', `/api/check-templates/${TPL}`, body));
    expect(saved.version).toBe(2);
    expect(saved.items.map((i: { code: string }) => i.code)).toEqual(['RQ-2', 'RQ-3', 'RQ-4']);
    expect(saved.items[2].cites[0]).toMatchObject({ label: '第三十六条', resolved: true });
    const old = await ok(send(staff, 'GET', `/api/check-templates/${TPL}?version=1`));
    expect(old.items.map((i: { code: string }) => i.code)).toEqual(['RQ-1', 'RQ-2', 'RQ-3']);
    // The check made before keeps its version and each result's words and cites.
    const rec = await t.p.db.one<{ template_version: number; results: { code: string; text: string; cites?: { article: string }[] }[] }>(sql`select template_version, results
      from check_records where template_id = ${TPL} order by created_at desc limit 1`);
    expect(rec.template_version).toBe(1);
    expect(rec.results[0]).toMatchObject({ code: 'RQ-1', text: expect.stringMatching(/可燃气体报警装置/), cites: [expect.objectContaining({ article: '第三十六条' })] });
    // The removed item's review registration went with it; the new one is registered.
    const regs = await t.p.db.query<{ subject_id: string }>(sql`select subject_id from law_citations where subject_type = 'check_template_item' and subject_id like ${TPL + '#%'} order by subject_id`);
    expect(regs.map((r) => r.subject_id)).toEqual([`${TPL}#RQ-4`]);
    // A removed item can no longer be answered.
    const gone = await send(ent, 'POST', '/api/check-records', { templateId: TPL, results: [{ code: 'RQ-1', ok: true }] });
    expect(gone.statusCode).toBe(400);
    expect(gone.json().error.message).toMatch(/RQ-1/);
    expect((await auditOf(TPL)).map((a) => a.action)).toEqual(['check_template.update']);

    // Switched off: not offered, kept with its records.
    expect((await send(staff, 'DELETE', `/api/check-templates/${TPL}`)).statusCode).toBe(204);
    expect((await ok<{ id: string }[]>(send(ent, 'GET', '/api/check-templates'))).some((x) => x.id === TPL)).toBe(false);
    expect((await send(ent, 'POST', '/api/check-records', { templateId: TPL, results: [{ code: 'RQ-2', ok: true }] })).json().error.message).toMatch(/停用/);
  });
});
