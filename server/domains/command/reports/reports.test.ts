// 信息报送 through the API: deadlines and overdue flags over simulated time (the platform job), 定时续报 when the rule is on,
// drafting order, approval by someone other than the drafter, sending to the configured recipients, the Word file and the
// EDXL-SitRep XML, the peacetime/emergency switch, and scope.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { account, http, moveClock, ok, takeIncident, townCode } from '../duty/testing.js';

const hasLibreOffice = spawnSync('libreoffice', ['--version']).status === 0 && spawnSync('pdftotext', ['-v']).status === 0;

let t: TestApp; let h: ReturnType<typeof http>;
type Who = { username: string; cookie: string };
let staff: Who; let leader: Who; let admin: Who; let baitangTown: Who; let luojiangTown: Who;
let both: Awaited<ReturnType<typeof account>>;
let baitang: string;
const everyone = () => [staff, leader, admin, baitangTown, luojiangTown, both];
const login = async (username: string): Promise<Who> => ({ username, cookie: await t.login(username) });
const R = (id: string) => `/api/command/incidents/${id}/reports`;
// A day just ahead of the real date (demo passwords age out 90 days after the template was built).
const DAY = shanghaiDate(new Date(Date.now() + 20 * 86400_000));
const at = (hhmm: string, day = DAY) => new Date(`${day}T${hhmm}:00+08:00`);
const moveTo = (d: Date) => moveClock(t, d, everyone());

/** Draft → submit → approve (leader) → send a report of a kind; returns the sent report. */
async function fileReport(incidentId: string, kind: string, drafter: Who = staff) {
  const r = await ok(h.post(drafter.cookie, R(incidentId), { kind }));
  await ok(h.post(drafter.cookie, `${R(incidentId)}/${r.id}/submit`, {}));
  await ok(h.post(leader.cookie, `${R(incidentId)}/${r.id}/approve`, { note: '同意报送' }));
  return ok(h.post(staff.cookie, `${R(incidentId)}/${r.id}/send`, {}));
}

beforeAll(async () => {
  t = await buildTestApp();
  h = http(t);
  t.now.value = at('07:00');
  [staff, leader, admin, baitangTown, luojiangTown] = await Promise.all(['staff', 'leader', 'admin', 'town_baitang', 'town_luojiang'].map(login));
  both = await account(t, ['staff', 'leader']);
  baitang = await townCode(t, '白塘镇');
});
afterAll(async () => { await t.close(); });

describe('deadlines (报送时限)', () => {
  it('owes 初报 within the rule\'s time after intake, reminds the shift before, flags it overdue once through the job, and records a late send', async () => {
    await moveTo(at('07:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '时限测试火情' });
    let r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.nextKind).toBe('initial');
    expect(r.dues).toHaveLength(1);
    expect(r.dues[0]).toMatchObject({ kind: 'initial', dueAt: new Date(Date.parse(inc.reportedAt) + 60 * 60_000).toISOString(), overdue: false, metAt: null });
    expect(r.dues[0].basis).toContain('command.reports.limits@default');

    await moveTo(new Date(Date.parse(inc.reportedAt) + 50 * 60_000));
    await t.p.jobs.drain();
    r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.dues[0].remindedAt).not.toBeNull();
    expect(r.dues[0].overdue).toBe(false);
    const notes = () => t.p.db.query<{ title: string; channel: string }>(sql`select title, channel from notifications where title like ${'%' + '时限测试火情'}`);
    expect((await notes()).some((n) => n.title.startsWith('初报即将到期'))).toBe(true);

    await moveTo(new Date(Date.parse(inc.reportedAt) + 61 * 60_000));
    await t.p.jobs.drain();
    r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.dues[0].overdue).toBe(true);
    const flagged = (await notes()).filter((n) => n.title.startsWith('初报逾期') && n.channel === 'inapp').length;
    expect(flagged).toBeGreaterThan(0);
    await moveTo(new Date(Date.parse(inc.reportedAt) + 75 * 60_000));
    await t.p.jobs.drain();
    expect((await notes()).filter((n) => n.title.startsWith('初报逾期') && n.channel === 'inapp')).toHaveLength(flagged);
    const timeline = await ok(h.get(staff.cookie, `/api/command/incidents/${inc.id}/timeline`));
    expect(timeline.some((l: { text: string }) => l.text.includes('初报已逾期'))).toBe(true);

    const sent = await fileReport(inc.id, 'initial');
    expect(sent.status).toBe('sent');
    r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.dues[0]).toMatchObject({ overdue: false, late: true, metReportId: sent.id });
    expect(r.nextKind).toBe('follow_up');
    const after = await ok(h.get(staff.cookie, `/api/command/incidents/${inc.id}/timeline`));
    expect(after.some((l: { text: string }) => l.text.includes('初报已报送') && l.text.includes('逾期报送'))).toBe(true);
  });

  it('sets 定时续报 at the rule\'s times once it is on, and 终报 after the response ends', async () => {
    await moveTo(at('07:00'));
    const rule = await h.put(admin.cookie, '/api/settings/rules/command.reports.limits', { effectiveFrom: DAY, source: '测试：河南做法', value: {
      initialMinutes: { especially_major: 35, major: 35, larger: 60, ordinary: 360 }, followUpTimed: true, followUpTimes: ['08:00', '17:00'], finalHours: 24, remindBeforeMinutes: 15 } });
    expect(rule.statusCode, rule.body).toBe(200);
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '定时续报测试' });
    let r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.dues[0]).toMatchObject({ kind: 'initial', dueAt: new Date(Date.parse(inc.reportedAt) + 360 * 60_000).toISOString() });
    await fileReport(inc.id, 'initial');
    r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.dues.filter((d: { kind: string }) => d.kind === 'follow_up').map((d: { dueAt: string }) => d.dueAt)).toEqual([at('08:00').toISOString()]);

    await moveTo(at('07:50'));
    await fileReport(inc.id, 'follow_up');
    await moveTo(at('08:01'));
    r = await ok(h.get(staff.cookie, R(inc.id)));
    const follow = r.dues.filter((d: { kind: string }) => d.kind === 'follow_up');
    expect(follow.map((d: { dueAt: string; late: boolean; metAt: string | null }) => [d.dueAt, !!d.metAt, d.late]))
      .toEqual([[at('08:00').toISOString(), true, false], [at('17:00').toISOString(), false, false]]);

    expect((await h.post(staff.cookie, R(inc.id), { kind: 'final' })).statusCode).toBe(409);
    await ok(h.post(leader.cookie, `/api/command/incidents/${inc.id}/start`, { level: 4, reason: '测试启动Ⅳ级响应' }));
    await moveTo(at('09:00'));
    await ok(h.post(leader.cookie, `/api/command/incidents/${inc.id}/terminate`, { dead: 0, injured: 0, missing: 0, trapped: 0, lossWan: 3, relocated: 0, note: '明火已扑灭，响应终止' }));
    r = await ok(h.get(staff.cookie, R(inc.id)));
    expect(r.nextKind).toBe('final');
    expect(r.dues.find((d: { kind: string }) => d.kind === 'final').dueAt).toBe(new Date(at('09:00').getTime() + 24 * 3600_000).toISOString());
    await ok(h.put(admin.cookie, '/api/settings/rules/command.reports.limits', { effectiveFrom: DAY, source: '测试还原', value: {
      initialMinutes: { especially_major: 60, major: 60, larger: 60, ordinary: 60 }, followUpTimed: false, followUpTimes: ['08:00', '17:00'], finalHours: 24, remindBeforeMinutes: 15 } }));
  });
});

describe('drafting and approval (起草、审核、报送)', () => {
  it('drafts in order: 初报 first and once, no second draft while one is unsent', async () => {
    await moveTo(at('10:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '起草顺序测试', injured: 2 });
    expect((await h.post(staff.cookie, R(inc.id), { kind: 'follow_up' })).statusCode).toBe(409);
    const first = await ok(h.post(staff.cookie, R(inc.id), { kind: 'initial' }));
    expect(first.content).toMatchObject({ injured: 2, address: '白塘镇测试村路口', reporterUnit: '汨水市应急管理局' });
    expect(first.content.summary).toContain('受伤2人');
    expect(first.number).toMatch(/^汨应急报〔\d{4}〕\d+号$/);
    expect(first.actions).toEqual(['edit', 'submit']);
    expect((await h.post(staff.cookie, R(inc.id), { kind: 'initial' })).statusCode).toBe(409);
  });

  it('lets only the drafter edit and submit, and only someone else with approval rights approve or return', async () => {
    await moveTo(at('10:30'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '审核规则测试' });
    const r = await ok(h.post(both.cookie, R(inc.id), { kind: 'initial' }));
    const u = `${R(inc.id)}/${r.id}`;
    expect((await h.patch(staff.cookie, u, { title: '别人改的标题' })).statusCode).toBe(403);
    const edited = await ok(h.patch(both.cookie, u, { title: '关于审核规则测试的初报（修改）', content: { ...r.content, measures: '已调派消防救援力量到场处置' } }));
    expect(edited.content.measures).toBe('已调派消防救援力量到场处置');
    expect((await h.post(staff.cookie, `${u}/submit`, {})).statusCode).toBe(403);
    await ok(h.post(both.cookie, `${u}/submit`, {}));
    expect((await h.patch(both.cookie, u, { title: '提交后再改' })).statusCode).toBe(409);
    const self = await h.post(both.cookie, `${u}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toContain('审核人不能是起草人');
    expect((await h.post(staff.cookie, `${u}/approve`, {})).statusCode).toBe(403);
    expect((await h.post(staff.cookie, `${u}/send`, {})).statusCode).toBe(409);
    expect((await h.post(leader.cookie, `${u}/return`, {})).statusCode).toBe(400);
    const back = await ok(h.post(leader.cookie, `${u}/return`, { note: '伤亡人数请再核实' }));
    expect(back).toMatchObject({ status: 'draft', returnedNote: '伤亡人数请再核实' });
    await ok(h.post(both.cookie, `${u}/submit`, {}));
    const approved = await ok(h.post(leader.cookie, `${u}/approve`, { note: '同意' }));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: { name: expect.any(String) }, actions: [] });
    const sent = await ok(h.post(staff.cookie, `${u}/send`, {}));
    expect(sent).toMatchObject({ status: 'sent', recipients: [{ name: '岳阳市应急管理局总值班室', phone: '138****0110' }] }); // masked (issue #11)
    const sms = await t.p.db.query<{ address: string }>(sql`select address from notifications where channel = 'sms' and title like ${'%审核规则测试'}`);
    expect(sms.map((s) => s.address)).toContain('13807300110');
    const audit = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${r.id} order by seq`);
    expect(audit.map((a) => a.action)).toEqual(['command.report.draft', 'command.report.edit', 'command.report.submit', 'command.report.return',
      'command.report.submit', 'command.report.approve', 'command.report.send']);
  });

  it('exports a Word file that opens and carries the report\'s fields, and an EDXL-SitRep XML', async () => {
    await moveTo(at('11:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '文书导出测试', dead: 1, injured: 3 });
    const sent = await fileReport(inc.id, 'initial');
    const d = await t.as(staff.cookie, { method: 'GET', url: `${R(inc.id)}/${sent.id}/docx` });
    expect(d.statusCode).toBe(200);
    expect(d.headers['content-type']).toContain('wordprocessingml');
    expect(d.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const x = await t.as(staff.cookie, { method: 'GET', url: `${R(inc.id)}/${sent.id}/sitrep.xml` });
    expect(x.statusCode).toBe(200);
    expect(x.body).toContain('<ReportVersion>Initial</ReportVersion>');
    expect(x.body).toContain(`<IncidentID>${inc.number}</IncidentID>`);
    expect(x.body).toContain('dead="1" injured="3"');
    if (!hasLibreOffice) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yj-report-'));
    fs.writeFileSync(path.join(dir, 'report.docx'), d.rawPayload);
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { timeout: 120_000, stdio: 'ignore' });
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of [sent.number, '突发事件信息初报', '文书导出测试', '死亡1人，受伤3人', '白塘镇测试村路口', '岳阳市应急管理局总值班室']) expect(text).toContain(s.replace(/\s+/g, ''));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});

describe('peacetime/emergency switch (平战转换) and scope', () => {
  it('turns to emergency for those who can see a response at or above the set level', async () => {
    await moveTo(at('12:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '平战转换测试' });
    const has = async (who: Who) => (await ok(h.get(who.cookie, '/api/command/mode'))).incidents.some((i: { id: string }) => i.id === inc.id);
    expect(await has(staff)).toBe(false);
    await ok(h.post(leader.cookie, `/api/command/incidents/${inc.id}/start`, { level: 3, reason: '火势蔓延，启动Ⅲ级响应' }));
    await moveTo(at('12:45'));
    const mode = await ok(h.get(staff.cookie, '/api/command/mode'));
    expect(mode.mode).toBe('emergency');
    expect(mode.threshold).toBe(3);
    expect(mode.incidents.find((i: { id: string }) => i.id === inc.id)).toMatchObject({ responseLevel: 3, elapsedMinutes: 45, link: `/command/incidents/${inc.id}` });
    expect(await has(baitangTown)).toBe(true);
    expect(await has(luojiangTown)).toBe(false);
    const low = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '低级别响应' });
    await ok(h.post(leader.cookie, `/api/command/incidents/${low.id}/start`, { level: 4, reason: '一般火情，Ⅳ级响应' }));
    expect((await ok(h.get(staff.cookie, '/api/command/mode'))).incidents.some((i: { id: string }) => i.id === low.id)).toBe(false);
  });

  it('keeps reports inside the incident\'s scope on every route', async () => {
    await moveTo(at('13:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '报送范围测试' });
    const sent = await fileReport(inc.id, 'initial');
    const u = `${R(inc.id)}/${sent.id}`;
    for (const url of [R(inc.id), u, `${u}/docx`, `${u}/sitrep.xml`]) {
      expect((await h.get(luojiangTown.cookie, url)).statusCode, url).toBe(404);
      expect((await h.get(baitangTown.cookie, url)).statusCode, url).toBe(200);
    }
    expect((await h.post(baitangTown.cookie, R(inc.id), { kind: 'follow_up' })).statusCode).toBe(403);
    const ledger = async (who: Who) => (await ok(h.get(who.cookie, '/api/command/reports?q=' + encodeURIComponent('报送范围测试')))).items.map((x: { id: string }) => x.id);
    expect(await ledger(staff)).toContain(sent.id);
    expect(await ledger(baitangTown)).toContain(sent.id);
    expect(await ledger(luojiangTown)).not.toContain(sent.id);
    const ent = await t.login('ent_demo');
    expect((await h.get(ent, R(inc.id))).statusCode).toBe(403);
  });

  it('masks the recipients\' phones in every report shown, and reveals one (audited) to a role with personal:phone that sees the incident', async () => {
    await moveTo(at('14:00'));
    const inc = await takeIncident(t, staff.cookie, { regionCode: baitang, title: '报送电话脱敏测试' });
    const sent = await fileReport(inc.id, 'initial');
    expect(sent.recipients).toEqual([{ name: '岳阳市应急管理局总值班室', phone: '138****0110', username: null }]);
    expect((await ok(h.get(baitangTown.cookie, R(inc.id)))).reports[0].recipients[0].phone).toBe('138****0110');
    expect((await ok(h.get(leader.cookie, `${R(inc.id)}/${sent.id}`))).recipients[0].phone).toBe('138****0110');
    const reveals = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${sent.id}`)).n;
    const reveal = (who: Who) => h.post(who.cookie, '/api/personal/reveal', { entity: 'incident_report', id: sent.id, field: 'recipientPhone0' });
    expect((await ok(reveal(baitangTown))).value).toBe('13807300110');
    const [rec] = await t.p.db.query<{ after: { what: string; masked: string } }>(sql`select after from audit_log where action = 'personal.reveal' and entity_id = ${sent.id}`);
    expect(rec.after).toMatchObject({ what: `查看敏感信息：信息报送「${sent.number}」的电话号码`, masked: '138****0110' });
    expect((await reveal(luojiangTown)).statusCode).toBe(404); // another town's incident
    expect((await reveal(admin)).statusCode).toBe(403);
    expect(await reveals()).toBe(1);
  });
});
