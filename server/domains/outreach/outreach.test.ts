import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { halvesOverlapping } from './outreach.stats.js';

let t: TestApp; let staff: string; let baitang: string; let luojiang: string; let dept: string; let ent: string;
const BAITANG = '430699101000';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 2)]);
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const put = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'PUT', url, payload });
const activity = (o: object = {}) => ({ kind: 'community', title: '防汛避险知识进社区', organiser: '白塘镇应急管理站', regionCode: BAITANG, place: '白塘镇沿河村',
  heldOn: '2026-03-20', participants: 80, vans: 2, slogans: 12, brochures: 300, ...o });
async function photo(cookie: string) {
  const b = '----o' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="现场.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${b}--\r\n`)]);
  const r = await t.as(cookie, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().id as string;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date('2026-03-25T02:00:00Z');
  [staff, baitang, luojiang, dept, ent] = await Promise.all(['staff', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'ent_demo'].map((u) => t.login(u)));
}, 300_000);
afterAll(async () => { await t.close(); });

describe('activities (宣传教育活动)', () => {
  it('a town records an activity with a photo in its town; the totals by kind and period count it', async () => {
    const period = 'from=2026-03-01&to=2026-03-31';
    const before = (await get(staff, `/api/outreach/stats?${period}`)).json();
    const pic = await photo(baitang);
    const r = await post(baitang, '/api/outreach/activities', activity({ photos: [pic] }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ kindLabel: '进社区', regionName: '白塘镇', photos: [pic], vans: 2, sms: 0 });
    await post(staff, '/api/outreach/activities', activity({ kind: 'contest', title: '安全知识竞赛', rounds: 3, regionCode: '430699000000', heldOn: '2026-03-10', vans: 0, brochures: 50 }));
    await post(staff, '/api/outreach/activities', activity({ kind: 'contest', title: '上年竞赛', rounds: 2, regionCode: '430699000000', heldOn: '2026-02-27' }));
    const s = (await get(staff, `/api/outreach/stats?${period}`)).json();
    expect(s.activities.total.value).toBe(before.activities.total.value + 2);
    const kind = (x: typeof s, k: string) => x.activities.byKind.find((f: { key: string }) => f.key === k).value;
    expect(kind(s, 'community') - kind(before, 'community')).toBe(1);
    expect(kind(s, 'contest') - kind(before, 'contest')).toBe(1); // the February one is outside the period
    const mat = (x: typeof s, k: string) => x.activities.materials.find((f: { key: string }) => f.key === k).value;
    expect(mat(s, 'brochures') - mat(before, 'brochures')).toBe(350);
    expect(s.activities.byKind.find((f: { key: string }) => f.key === 'contest').link).toContain('kind=contest');
    // The town's own statistics hold its activity, not the county's contest.
    const town = (await get(baitang, `/api/outreach/stats?${period}`)).json();
    expect(kind(town, 'contest')).toBe(0);
    expect(kind(town, 'community')).toBeGreaterThanOrEqual(1);
    const x = await get(baitang, '/api/outreach/activities/export?q=防汛避险知识进社区&from=2026-03-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].rowCount).toBe(2);
    expect([3, 12, 15].map((c) => wb.worksheets[0].getRow(2).getCell(c).value)).toEqual(['防汛避险知识进社区', 300, 1]);
  });

  it('refuses bad input with a message a person can act on, and writes nothing', async () => {
    const n = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from outreach_activities`)).n;
    const count = await n();
    const contest = await post(staff, '/api/outreach/activities', activity({ kind: 'contest' }));
    expect(contest.statusCode).toBe(400);
    expect(contest.json().error.message).toMatch(/竞赛轮次/);
    expect((await post(staff, '/api/outreach/activities', activity({ heldOn: '2026-04-20' }))).json().error.message).toMatch(/不能晚于今天/);
    const foreign = await post(luojiang, '/api/outreach/activities', activity());
    expect(foreign.statusCode).toBe(403);
    const notMine = await photo(luojiang);
    expect((await post(baitang, '/api/outreach/activities', activity({ photos: [notMine] }))).json().error.message).toMatch(/照片/);
    expect(await n()).toBe(count);
  });

  it('scopes lists and records: another town sees nothing of it, an enterprise has no access', async () => {
    const mine = (await get(baitang, '/api/outreach/activities?q=防汛避险知识进社区&from=2026-01-01')).json();
    expect(mine.total).toBe(1);
    const id = mine.items[0].id;
    expect((await get(luojiang, `/api/outreach/activities/${id}`)).statusCode).toBe(404);
    expect((await get(luojiang, '/api/outreach/activities?from=2026-01-01')).json().items.every((a: { regionCode: string }) => a.regionCode.startsWith('430699102'))).toBe(true);
    expect((await get(dept, '/api/outreach/activities')).json().total).toBe(0); // the department organised none
    expect((await get(ent, '/api/outreach/activities')).statusCode).toBe(403);
    expect((await t.as(luojiang, { method: 'DELETE', url: `/api/outreach/activities/${id}` })).statusCode).toBe(404);
    expect((await t.as(baitang, { method: 'DELETE', url: `/api/outreach/activities/${id}` })).statusCode).toBe(200);
    const trail = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${id} order by id`);
    expect(trail.map((x) => x.action)).toEqual(['outreach.activity.create', 'outreach.activity.delete']);
  });
});

describe('training and certificates (三项岗位)', () => {
  it('flags certificates expiring within 60 days and expired ones; refuses a duplicate number with nothing written', async () => {
    const e = await t.p.db.one<{ id: string }>(sql`select id from enterprises where region_code like '430699101%' and sector <> 'fireworks' order by id limit 1`);
    const trainee = (no: string, expiresOn: string, post = 'safety_manager', operation?: string) =>
      ({ enterpriseId: e.id, personName: `学员${no}`, post, operation, certificateNo: no, issuedOn: '2023-04-01', expiresOn });
    const body = { title: '白塘镇企业安全管理人员培训', organiser: '白塘镇应急管理站', regionCode: BAITANG, place: '白塘镇政府会议室', heldOn: '2026-03-18', hours: 16,
      trainees: [trainee('TEST-0001', '2026-05-10'), trainee('TEST-0002', '2029-03-18', 'special_operator', '电工作业'), trainee('TEST-0003', '2026-03-01', 'principal')] };
    const r = await post(baitang, '/api/outreach/trainings', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().items.map((c: { status: string; daysLeft: number }) => [c.status, c.daysLeft])).toEqual([['expired', -24], ['expiring', 46], ['valid', 1089]]);
    const expiring = (await get(baitang, `/api/outreach/certificates?status=expiring&enterpriseId=${e.id}`)).json();
    expect(expiring.items.map((c: { certificateNo: string }) => c.certificateNo)).toEqual(['TEST-0001']);
    const again = await post(baitang, '/api/outreach/trainings', { ...body, trainees: [trainee('TEST-0009', '2027-01-01'), trainee('TEST-0001', '2027-01-01')] });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe('证书编号已登记过：TEST-0001');
    expect((await get(baitang, '/api/outreach/certificates?q=TEST-0009')).json().total).toBe(0);
    expect((await post(baitang, '/api/outreach/trainings', { ...body, trainees: [trainee('TEST-0010', '2027-01-01', 'special_operator')] })).json().error.message).toMatch(/作业类别/);
    expect((await get(luojiang, '/api/outreach/certificates?q=TEST-000')).json().total).toBe(0);
    const s = (await get(baitang, '/api/outreach/stats?from=2026-03-01&to=2026-03-31')).json();
    expect(s.training.sessions.value).toBe(1);
    expect(s.training.byPost.map((f: { value: number }) => f.value)).toEqual([1, 1, 1]);
    expect(s.training.expiring.value).toBeGreaterThanOrEqual(1);
    const x = await get(baitang, `/api/outreach/certificates/export?q=TEST-000&status=expiring`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0].rowCount).toBe(2);
    expect([5, 8].map((c) => wb.worksheets[0].getRow(2).getCell(c).value)).toEqual(['TEST-0001', '即将到期']);
  });
});

describe('drills (应急演练)', () => {
  let drillId: string;
  beforeAll(async () => {
    drillId = (await t.p.db.one<{ id: string }>(sql`select d.id from command_plan_drills d join command_plans p on p.id = d.plan_id
      where d.region_code = ${BAITANG} and p.kind = 'town' order by d.drilled_on desc limit 1`)).id;
  });

  it('records scenario, timeline and evaluation; a problem becomes a task or a hazard in the hazards ledger', async () => {
    const saved = await put(baitang, `/api/outreach/drills/${drillId}/detail`, { scenario: '暴雨引发山洪，沿河村组需紧急转移群众', score: 82, evaluation: '转移及时',
      timeline: [{ at: '09:00', text: '发布山洪预警' }, { at: '09:12', text: '村组敲锣转移' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ hasDetail: true, score: 82, timeline: [{ at: '09:00' }, { at: '09:12' }] });
    expect((await put(baitang, `/api/outreach/drills/${drillId}/detail`, { scenario: '倒序的过程', timeline: [{ at: '10:00', text: 'b' }, { at: '09:00', text: 'a' }] }))
      .json().error.message).toMatch(/时间先后/);
    const before = saved.json().problems;
    const task = await post(baitang, `/api/outreach/drills/${drillId}/problems`, { description: '转移路线指示牌缺失', followUp: 'task', owner: '白塘镇沿河村', dueOn: '2026-04-30' });
    expect(task.statusCode, task.body).toBe(200);
    const noOwner = await post(baitang, `/api/outreach/drills/${drillId}/problems`, { description: '无责任单位的问题', followUp: 'task' });
    expect(noOwner.json().error.message).toBe('整改任务请填写责任单位和完成期限');
    const hz = await post(baitang, `/api/outreach/drills/${drillId}/problems`, { description: '安置点应急照明损坏', followUp: 'hazard' });
    expect(hz.statusCode, hz.body).toBe(200);
    const d = hz.json();
    expect(d.problems).toBe(before + 2);
    const h = d.items.find((p: { followUp: string; description: string }) => p.description === '安置点应急照明损坏');
    expect(h.hazardNumber).toMatch(/^YH-\d{4}-\d{6}$/);
    const hazard = (await get(baitang, `/api/hazards/${h.hazardId}`)).json();
    expect(hazard).toMatchObject({ title: '安置点应急照明损坏', status: 'pending', regionCode: BAITANG });
    const tk = d.items.find((p: { description: string }) => p.description === '转移路线指示牌缺失');
    expect((await post(baitang, `/api/outreach/problems/${h.id}/done`, { note: '已修好' })).statusCode).toBe(409);
    const done = await post(baitang, `/api/outreach/problems/${tk.id}/done`, { note: '已设置指示牌 12 块' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().items.find((p: { id: string }) => p.id === tk.id).doneNote).toBe('已设置指示牌 12 块');
    const listed = (await get(staff, '/api/outreach/drills?withProblems=true&q=' + encodeURIComponent(d.title))).json();
    expect(listed.items.find((x: { id: string }) => x.id === drillId)).toMatchObject({ openProblems: d.openProblems - 1 });
  });

  it('reports a problem of a drill held today as a hazard before noon too (found now, not at the drill day\'s noon)', async () => {
    const was = t.now.value;
    try {
      t.now.value = new Date('2026-03-25T17:30:00Z'); // 01:30 on 26 March in 汨水
      await t.p.db.execute(sql`update command_plan_drills set drilled_on = '2026-03-26' where id = ${drillId}`);
      const town = await t.login('town_baitang'); // the morning's session has ended by then
      const r = await post(town, `/api/outreach/drills/${drillId}/problems`, { description: '夜间演练发现应急灯不亮', followUp: 'hazard' });
      expect(r.statusCode, r.body).toBe(200);
      const p = r.json().items.find((x: { description: string }) => x.description === '夜间演练发现应急灯不亮');
      const hazard = (await get(town, `/api/hazards/${p.hazardId}`)).json();
      expect(hazard.foundAt).toBe('2026-03-25T17:30:00.000Z');
    } finally { t.now.value = was; }
  });

  it('another town reads the county drills but cannot write to this one; a department cannot see it', async () => {
    expect((await get(luojiang, `/api/outreach/drills/${drillId}`)).statusCode).toBe(404);
    expect((await put(luojiang, `/api/outreach/drills/${drillId}/detail`, { scenario: '别的镇来改', timeline: [] })).statusCode).toBe(404);
    expect((await post(luojiang, `/api/outreach/drills/${drillId}/problems`, { description: '别的镇来加', followUp: 'hazard' })).statusCode).toBe(404);
    expect((await get(dept, `/api/outreach/drills/${drillId}`)).statusCode).toBe(404);
    const county = (await t.p.db.one<{ id: string }>(sql`select d.id from command_plan_drills d join command_plans p on p.id = d.plan_id where p.kind = 'overall' limit 1`)).id;
    expect((await get(baitang, `/api/outreach/drills/${county}`)).statusCode).toBe(200);
    const w = await put(baitang, `/api/outreach/drills/${county}/detail`, { scenario: '镇里改县里的演练', timeline: [] });
    expect(w.statusCode).toBe(403);
    expect((await get(ent, '/api/outreach/drills')).statusCode).toBe(403);
  });
});

describe('statistics of the report period (demo county)', () => {
  it('reproduces the report: the returns give 宣传车 500, 短信 10万+, 手册 近2万; 30+ drills, each figure linked', async () => {
    const s = (await get(staff, '/api/outreach/stats?from=2022-01-01&to=2022-06-30')).json();
    expect(s.returns.periods).toEqual(['2022-H1']);
    const r = (k: string) => s.returns.figures.find((f: { key: string }) => f.key === k);
    expect(r('XC-CL.vans').value).toBe(500);
    expect(r('XC-CL.brochures').value).toBeGreaterThan(19000);
    expect(r('GX-DX.total').value).toBeGreaterThan(100000);
    expect(r('XC-CL.vans').link).toMatch(/^\/returns\/filings\?ids=/);
    expect(s.drills.total.value).toBeGreaterThanOrEqual(30);
    expect(s.activities.byKind.find((f: { key: string }) => f.key === 'contest').value).toBeGreaterThanOrEqual(1);
    expect(s.activities.total.value).toBeGreaterThan(30);
    expect(s.training.byPost.find((f: { key: string }) => f.key === 'principal').value).toBeGreaterThanOrEqual(20);
    expect((await get(staff, '/api/outreach/stats?from=2022-06-30&to=2022-01-01')).json().error.message).toBe('统计开始日期不能晚于结束日期');
  });

  it('maps a date range to the half-years the returns are filed for', () => {
    expect(halvesOverlapping('2022-01-01', '2022-06-30')).toEqual(['2022-H1']);
    expect(halvesOverlapping('2021-05-01', '2022-07-01')).toEqual(['2021-H1', '2021-H2', '2022-H1', '2022-H2']);
  });
});
