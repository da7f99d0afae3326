import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { upload } from '../enforcement/common/testing.js';
import { scanTasks } from './tasks.service.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let dept: string; let ent: string;
let baitangGov: string; let zhujian: string; let transport: string;
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const orgId = async (name: string) => (await t.p.db.one<{ id: string }>(sql`select id from organizations where name = ${name}`)).id;
const R = '/api/responsibility';

// Sessions expire when the clock jumps days ahead: log in again at the new time.
const login = async () => { [staff, baitang, luojiang, dept, ent] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo'].map((u) => t.login(u))); };

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-02T02:00:00Z');
  await login();
  [baitangGov, zhujian, transport] = await Promise.all(['白塘镇人民政府', '汨水市住房和城乡建设局', '汨水市交通运输局'].map(orgId));
}, 300_000);
afterAll(async () => { await t.close(); });

describe('responsibility letters (安全生产责任状)', () => {
  it('counts the 2022 letters by signer kind as the report does, and lists who has not signed', async () => {
    const s = (await get(staff, `${R}/pledges/status?year=2022`)).json();
    const kind = (k: string) => s.byKind.find((x: { key: string }) => x.key === k);
    expect(kind('park_unit')).toMatchObject({ label: '园区及市直单位', signed: 27 });
    expect(kind('town')).toMatchObject({ total: 15, signed: 15 });
    expect(kind('key_enterprise').signed).toBe(9);
    expect(s.signed).toBe(51);
    expect(s.unsigned.length).toBe(s.total - 51);
    expect(s.unsigned.length).toBeGreaterThan(0);
    const page = (await get(staff, `${R}/pledges?year=2022&signed=false&pageSize=50`)).json();
    expect(page.total).toBe(s.unsigned.length);
  });

  it('registers a letter for a new year, refuses a second one for the same signer, and records the signing with its file', async () => {
    const before = (await get(staff, `${R}/pledges/status?year=2027`)).json();
    const input = { year: 2027, signerKind: 'town', signerOrgId: baitangGov, issuerName: '市人民政府', targets: '全年不发生较大及以上生产安全事故' };
    const r = await post(staff, `${R}/pledges`, input);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ signerName: '白塘镇人民政府', signedOn: null, regionCode: '430699101000' });
    expect((await post(staff, `${R}/pledges`, input)).statusCode).toBe(409);
    const wrongKind = await post(staff, `${R}/pledges`, { ...input, signerOrgId: zhujian });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toBe('乡镇的责任状应由乡镇人民政府签订');
    const after = (await get(staff, `${R}/pledges/status?year=2027`)).json();
    expect(after.total).toBe(before.total + 1);
    expect(after.unsigned.map((u: { signerName: string }) => u.signerName)).toContain('白塘镇人民政府');
    const file = await upload(t, staff);
    const signed = await post(staff, `${R}/pledges/${r.json().id}/sign`, { signedOn: '2027-01-20', fileId: file });
    expect(signed.json()).toMatchObject({ signedOn: '2027-01-20', fileId: file });
    expect((await get(staff, `${R}/pledges/status?year=2027`)).json().signed).toBe(after.signed + 1);
    const audit = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${r.json().id}`);
    expect(audit.n).toBe(2);
  });

  it('scopes letters: a town sees its own, a department its own, an enterprise none of others; only the bureau registers', async () => {
    const mine = (await get(baitang, `${R}/pledges?year=2022`)).json();
    expect(mine.items.map((p: { signerName: string }) => p.signerName)).toEqual(['白塘镇人民政府']);
    expect((await get(dept, `${R}/pledges?year=2022`)).json().items.map((p: { signerName: string }) => p.signerName)).toEqual(['汨水市住房和城乡建设局']);
    expect((await get(luojiang, `${R}/pledges/status?year=2022`)).json().total).toBe(1);
    expect((await post(baitang, `${R}/pledges`, { year: 2028, signerKind: 'town', signerOrgId: baitangGov, issuerName: '市人民政府', targets: '目标任务四字' })).statusCode).toBe(403);
    expect((await get(ent, `${R}/pledges`)).statusCode).toBe(403);
  });
});

describe('committees and decisions (安委会、专委会)', () => {
  it('lists the 安委会 and its 13 professional committees with their lead units', async () => {
    const list = (await get(staff, `${R}/committees?pageSize=50`)).json().items;
    expect(list.filter((c: { kind: string }) => c.kind === 'professional_committee')).toHaveLength(13);
    expect(list.find((c: { name: string }) => c.name === '道路交通安全专业委员会').leadName).toBe('汨水市公安局');
    const c = list.find((x: { kind: string }) => x.kind === 'committee');
    const detail = (await get(staff, `${R}/committees/${c.id}`)).json();
    expect(detail.memberList.length).toBeGreaterThanOrEqual(16);
    expect(detail.meetingList.length).toBeGreaterThanOrEqual(2);
  });

  it('turns a meeting decision into a task the assignee answers and the bureau closes', async () => {
    const c = (await get(staff, `${R}/committees?pageSize=50`)).json().items.find((x: { name: string }) => x.name === '城镇燃气安全专业委员会');
    const m = await post(staff, `${R}/committees/${c.id}/meetings`, { heldOn: '2026-03-01', title: '燃气专委会专题会议', minutes: '部署瓶装液化气安全整治。',
      decisions: [{ title: '完成餐饮场所燃气报警器安装排查', assigneeOrgId: zhujian, dueOn: '2026-03-20' }, { title: '白塘镇液化气瓶排查', assigneeOrgId: baitangGov, dueOn: '2026-03-25' }] });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ tasksTotal: 2, tasksDone: 0 });
    const bad = await post(staff, `${R}/committees/${c.id}/meetings`, { heldOn: '2026-03-01', title: '错误', minutes: '承办单位错误',
      decisions: [{ title: '交给专委会自己', assigneeOrgId: c.id, dueOn: '2026-03-20' }] });
    expect(bad.statusCode).toBe(400);
    expect((await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from committee_meetings where title = '错误'`)).n).toBe(0);
    expect((await post(dept, `${R}/committees/${c.id}/meetings`, { heldOn: '2026-03-01', title: '部门', minutes: '部门不能登记' })).statusCode).toBe(403);

    const mine = (await get(dept, `${R}/tasks?meetingId=${m.json().id}`)).json();
    expect(mine.items.map((x: { title: string }) => x.title)).toEqual(['完成餐饮场所燃气报警器安装排查']);
    const task = mine.items[0];
    expect((await get(luojiang, `${R}/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await get(dept, `${R}/meetings/${m.json().id}`)).json().tasks).toHaveLength(1);
    const answered = await post(dept, `${R}/tasks/${task.id}/feedback`, { feedback: '已排查餐饮场所 126 家，安装报警器 118 家', fileIds: [await upload(t, dept)] });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered', feedbackByName: expect.any(String) });
    expect((await post(dept, `${R}/tasks/${task.id}/close`)).statusCode).toBe(403);
    expect((await post(staff, `${R}/tasks/${task.id}/close`)).json().status).toBe('done');
    expect((await post(dept, `${R}/tasks/${task.id}/feedback`, { feedback: '再次反馈' })).statusCode).toBe(409);
    expect((await get(staff, `${R}/meetings/${m.json().id}`)).json()).toMatchObject({ tasksTotal: 2, tasksDone: 1 });
  });
});

describe('supervision (督查督办)', () => {
  it('has the report campaigns in the demo, with tasks and overdue feedback', async () => {
    const list = (await get(staff, `${R}/campaigns?year=2022`)).json();
    expect(list.total).toBeGreaterThanOrEqual(6);
    const kinds = new Set(list.items.map((c: { kind: string }) => c.kind));
    expect([...kinds].sort()).toEqual(['illegal', 'special', 'unannounced']);
    expect(list.items.some((c: { tasksOverdue: number }) => c.tasksOverdue > 0)).toBe(true);
    const flood = list.items.find((c: { title: string }) => c.title === '强对流极端天气防范应对专项督查');
    expect((await get(staff, `${R}/campaigns/${flood.id}`)).json().findings).toMatchObject({ name: '2022年备汛检查', found: 50 });
  });

  it('reminds the day before, escalates overdue feedback once to the bureau, and the town answers with an attachment', async () => {
    const c = await post(staff, `${R}/campaigns`, { kind: 'unannounced', title: '春季敲门行动', periodFrom: '2026-03-01', periodTo: '2026-03-31',
      scopeText: '白塘镇、罗江镇生产经营单位', teams: '第一暗访组' });
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().number).toMatch(/^督查〔2026〕\d+号$/);
    expect((await post(staff, `${R}/campaigns`, { kind: 'special', title: '倒置', periodFrom: '2026-03-10', periodTo: '2026-03-01', scopeText: '全市', teams: '一组' })).statusCode).toBe(400);
    expect((await post(baitang, `${R}/campaigns`, { kind: 'special', title: '镇里发起', periodFrom: '2026-03-01', periodTo: '2026-03-02', scopeText: '全镇', teams: '一组' })).statusCode).toBe(403);
    const id = c.json().id;
    const assigned = await post(staff, `${R}/campaigns/${id}/tasks`, { tasks: [{ title: '整改暗访发现的消防通道堵塞问题', assigneeOrgId: baitangGov, dueOn: '2026-03-04' }] });
    expect(assigned.json().tasksTotal).toBe(1);
    const taskId = assigned.json().tasks[0].id;
    expect((await get(luojiang, `${R}/campaigns/${id}`)).statusCode).toBe(404);
    expect((await get(baitang, `${R}/campaigns/${id}`)).json().tasks).toHaveLength(1);

    const inbox = (who: string) => t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications n join accounts a on a.id = n.account_id
      where a.username = ${who} and n.channel = 'inapp' and n.body like ${'%整改暗访发现的消防通道堵塞问题%'}`).then((r) => r.n);
    t.now.value = new Date('2026-03-03T01:00:00Z');           // the day before the deadline
    expect((await scanTasks(t.p)).reminded).toBeGreaterThanOrEqual(1);
    expect(await inbox('town_baitang')).toBe(1);
    expect(await inbox('staff')).toBe(0);
    t.now.value = new Date('2026-03-05T01:00:00Z');           // one day overdue
    const first = await scanTasks(t.p);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect(await inbox('town_baitang')).toBe(2);
    expect(await inbox('staff')).toBe(1);
    expect(await inbox('town_luojiang')).toBe(0);
    t.now.value = new Date('2026-03-06T01:00:00Z');
    await scanTasks(t.p);
    expect(await inbox('staff')).toBe(1);                      // escalated once
    await login();
    const overdue = (await get(staff, `${R}/tasks?campaignId=${id}&overdue=true`)).json();
    expect(overdue.items[0]).toMatchObject({ id: taskId, overdue: true, escalatedAt: expect.any(String) });

    const foreign = await upload(t, luojiang);
    expect((await post(baitang, `${R}/tasks/${taskId}/feedback`, { feedback: '已清理', fileIds: [foreign] })).statusCode).toBe(400);
    const file = await upload(t, baitang);
    const a = await post(baitang, `${R}/tasks/${taskId}/feedback`, { feedback: '已清理消防通道并约谈业主', fileIds: [file] });
    expect(a.json()).toMatchObject({ status: 'answered', overdue: false, feedbackFiles: [file] });
    expect((await post(staff, `${R}/tasks/${taskId}/return`)).json().status).toBe('open');
  });

  it('downloads the campaign report as a Word file with the tasks and their feedback', async () => {
    const c = (await get(staff, `${R}/campaigns?q=春季敲门行动`)).json().items[0];
    const r = await get(staff, `${R}/campaigns/${c.id}/report.docx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(r.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`关于${c.title}情况的通报`);
    expect(xml).toContain('督办事项及反馈情况');
    expect(xml).toContain('白塘镇人民政府');
    expect(xml).toContain('已清理消防通道并约谈业主');
    expect((await get(baitang, `${R}/campaigns/${c.id}/report.docx`)).statusCode).toBe(200);
    expect((await get(ent, `${R}/campaigns/${c.id}/report.docx`)).statusCode).toBe(403);
    expect((await get(luojiang, `${R}/campaigns/${c.id}/report.docx`)).statusCode).toBe(404);
  });
});

describe('duty lists (责任清单)', () => {
  it('lists a department its own duties with the legal basis; the bureau list names its enforcement plan', async () => {
    const mine = (await get(dept, `${R}/duties?year=2022&pageSize=100`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((d: { orgName: string }) => d.orgName))).toEqual(new Set(['汨水市住房和城乡建设局']));
    expect(mine.items.some((d: { post: string | null }) => d.post === '分管副局长')).toBe(true);
    const town = (await get(baitang, `${R}/duties?year=2022&pageSize=100`)).json();
    expect(town.total).toBeGreaterThan(0);
    expect(new Set(town.items.map((d: { orgName: string }) => d.orgName))).toEqual(new Set(['白塘镇人民政府']));
    const bureau = (await get(staff, `${R}/duties?q=应急管理局&year=2022`)).json();
    expect(bureau.items[0].enforcementPlanName).toBe('2022年度安全生产监督检查计划');
    const add = await post(dept, `${R}/duties`, { orgId: zhujian, year: 2026, principle: 'industry', duty: '督促燃气经营企业落实安全主体责任', legalBasis: '《城镇燃气管理条例》' });
    expect(add.statusCode, add.body).toBe(200);
    expect((await post(dept, `${R}/duties`, { orgId: transport, year: 2026, principle: 'industry', duty: '不是本部门的清单', legalBasis: '无依据' })).statusCode).toBe(404);
    expect((await t.as(luojiang, { method: 'DELETE', url: `${R}/duties/${add.json().id}` })).statusCode).toBe(404);
    expect((await t.as(dept, { method: 'DELETE', url: `${R}/duties/${add.json().id}` })).statusCode).toBe(200);
  });
});
