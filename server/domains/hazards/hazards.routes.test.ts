import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { scanHazardDeadlines } from './hazards.scan.js';

let t: TestApp;
let ent: string; let staff: string; let officer: string; let baitang: string; let luojiang: string;
let enterpriseId: string;
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);

async function photo(cookie: string) {
  const b = '----h' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${b}--\r\n`)]);
  const r = await t.as(cookie, { method: 'POST', url: '/api/files', payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } });
  expect(r.statusCode).toBe(200);
  return r.json().id as string;
}
const post = (cookie: string, url: string, payload: object = {}) => t.as(cookie, { method: 'POST', url, payload });
const get = (cookie: string, url: string) => t.as(cookie, { method: 'GET', url });
/** Move the clock, and log everyone in again (sessions end after 12 hours of clock time). */
async function setNow(iso: string) {
  t.now.value = new Date(iso);
  [ent, staff, officer, baitang, luojiang] = await Promise.all(['ent_demo', 'staff', 'officer', 'town_baitang', 'town_luojiang'].map((u) => t.login(u)));
}

async function report(cookie: string, extra: object = {}) {
  const r = await post(cookie, '/api/hazards', { title: '储罐区可燃气体报警器失效', source: 'self_check', level: 'general', ...extra });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  await setNow('2026-06-10T02:00:00Z'); // 10:00 in Shanghai
  enterpriseId = (await get(ent, '/api/auth/me')).json().scope.enterpriseId;
});
afterAll(async () => { await t.close(); });

describe('reporting', () => {
  it('numbers hazards per year and takes the enterprise\'s place and name from the registry', async () => {
    const h = await report(ent);
    expect(h.number).toMatch(/^YH-2026-\d{6}$/);
    expect(h).toMatchObject({ enterpriseId, enterpriseName: '汨水市恒达化工有限公司', status: 'pending', overdue: false });
    const next = await report(ent);
    expect(Number(next.number.slice(-6))).toBe(Number(h.number.slice(-6)) + 1);
  });

  it('needs the determination basis for a major hazard', async () => {
    const r = await post(ent, '/api/hazards', { title: '液化烃储罐无注水措施', source: 'self_check', level: 'major' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/判定依据/);
  });

  it('needs region and place for a hazard at a public place, inside the reporter\'s scope', async () => {
    expect((await post(baitang, '/api/hazards', { title: '桥梁护栏缺失', source: 'supervision', level: 'general' })).statusCode).toBe(400);
    const outside = await post(baitang, '/api/hazards', { title: '桥梁护栏缺失', source: 'supervision', level: 'general', regionCode: '430699102201', placeName: '罗江大桥' });
    expect(outside.statusCode).toBe(403);
    const ok = await post(baitang, '/api/hazards', { title: '山塘溢洪道堵塞', source: 'supervision', level: 'general', regionCode: '430699101203', placeName: '上峰村山塘' });
    expect(ok.statusCode).toBe(200);
  });
});

describe('the 一单四制 workflow', () => {
  it('runs report → assign → submit → accept, each move in the trail', async () => {
    const h = await report(ent);
    const assigned = await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', responsiblePhone: '13900001111', measures: '更换报警探头并联锁', funds: 8000, deadline: '2026-06-20' });
    expect(assigned.json()).toMatchObject({ status: 'rectifying', deadline: '2026-06-20', funds: 8000 });
    const noPhoto = await post(ent, `/api/hazards/${h.id}/submit`, { comment: '已更换' });
    expect(noPhoto.statusCode).toBe(400);
    const submitted = await post(ent, `/api/hazards/${h.id}/submit`, { comment: '已更换', photos: [await photo(ent)] });
    expect(submitted.json().status).toBe('review');
    expect((await post(officer, `/api/hazards/${h.id}/accept`, { comment: '现场复查合格' })).json().status).toBe('closed');
    const detail = (await get(staff, `/api/hazards/${h.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['report', 'assign', 'submit', 'accept']);
    expect(detail.events[2].photos).toHaveLength(1);
  });

  it('refuses every move the state does not allow', async () => {
    const h = await report(ent);
    for (const move of ['submit', 'accept', 'reject']) {
      const r = await post(staff, `/api/hazards/${h.id}/${move}`, { comment: '测试', photos: [] });
      expect(r.statusCode, move).toBe(409);
      expect(r.json().error.message).toMatch(/当前状态「待整改」不能执行/);
    }
  });

  it('sends a failed review back to rectification', async () => {
    const h = await report(ent);
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', measures: '整改', deadline: '2026-06-30' });
    await post(ent, `/api/hazards/${h.id}/submit`, { photos: [await photo(ent)] });
    expect((await post(officer, `/api/hazards/${h.id}/reject`, {})).statusCode).toBe(400);
    expect((await post(officer, `/api/hazards/${h.id}/reject`, { comment: '探头未联锁' })).json().status).toBe('rectifying');
  });

  it('does not let the rectifier accept their own work, nor an enterprise review', async () => {
    const h = await report(ent);
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', measures: '整改', deadline: '2026-06-30' });
    await post(staff, `/api/hazards/${h.id}/submit`, { photos: [await photo(staff)] });
    const own = await post(staff, `/api/hazards/${h.id}/accept`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/整改人不能复查/);
    expect((await post(ent, `/api/hazards/${h.id}/accept`, {})).statusCode).toBe(403);
    expect((await get(officer, `/api/hazards/${h.id}`)).json().allowedMoves).toEqual(['reject', 'accept']);
  });

  it('closes a supervised major hazard only by its supervising unit', async () => {
    const h = await report(staff, { enterpriseId, level: 'major', majorBasis: '化工和危险化学品重大隐患判定标准 第6项 全压力式液化烃储罐未按规定设置注水措施', source: 'inspection' });
    expect((await post(ent, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周', measures: '加装注水', deadline: '2026-08-01' })).statusCode).toBe(403);
    const bureau = (await t.p.db.one<{ id: string }>(sql`select org_id as id from accounts where username = 'leader'`)).id;
    expect((await post(officer, `/api/hazards/${h.id}/supervise`, { level: 'county', supervisingOrgId: bureau, deadline: '2026-09-30' })).json().superviseLevel).toBe('county');
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周', measures: '加装注水', deadline: '2026-08-01' });
    await post(ent, `/api/hazards/${h.id}/submit`, { photos: [await photo(ent)] });
    const notSupervisor = await post(officer, `/api/hazards/${h.id}/accept`, {});
    expect(notSupervisor.statusCode).toBe(403);
    expect(notSupervisor.json().error.message).toMatch(/督办单位/);
  });
});

describe('deadlines', () => {
  it('counts a hazard overdue from midnight after its deadline, in Asia/Shanghai', async () => {
    const h = await report(ent);
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周', measures: '整改', deadline: '2026-06-12' });
    await setNow('2026-06-12T15:59:00Z'); // 23:59 on the 12th in Shanghai
    expect((await get(staff, `/api/hazards/${h.id}`)).json().overdue).toBe(false);
    await setNow('2026-06-12T16:00:00Z'); // 00:00 on the 13th
    expect((await get(staff, `/api/hazards/${h.id}`)).json().overdue).toBe(true);
    expect((await get(staff, `/api/hazards?overdue=true&q=${h.number}`)).json().total).toBe(1);
    await setNow('2026-06-10T02:00:00Z');
  });

  it('writes due-soon, overdue and escalation reminders to the outbox once each', async () => {
    const h = await report(ent);
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', responsiblePhone: '13900002222', measures: '整改', deadline: '2026-06-12' });
    const outbox = () => t.p.db.query<{ title: string; channel: string; address: string | null }>(sql`select title, channel, address from notifications where body like ${'%' + h.number + '%'} order by created_at, channel`);
    await scanHazardDeadlines(t.p);
    const soon = await outbox();
    expect(soon.filter((n) => n.title === '隐患整改即将到期').length).toBeGreaterThan(1);
    expect(soon.some((n) => n.channel === 'sms' && n.address === '13900002222')).toBe(true);
    await scanHazardDeadlines(t.p);
    expect((await outbox()).length).toBe(soon.length);
    await setNow('2026-06-13T01:00:00Z');
    await scanHazardDeadlines(t.p);
    expect((await outbox()).some((n) => n.title === '隐患整改已逾期')).toBe(true);
    expect((await outbox()).some((n) => n.title === '逾期隐患上报')).toBe(false);
    await setNow('2026-06-14T01:00:00Z');
    await scanHazardDeadlines(t.p);
    expect((await outbox()).some((n) => n.title === '逾期隐患上报')).toBe(true);
    await setNow('2026-06-10T02:00:00Z');
  });

  it('moves the deadline by an approved extension, decided by someone else', async () => {
    const h = await report(ent);
    await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周', measures: '整改', deadline: '2026-06-20' });
    expect((await post(ent, `/api/hazards/${h.id}/extensions`, { newDeadline: '2026-06-19', reason: '设备到货延迟' })).statusCode).toBe(400);
    const ext = (await post(ent, `/api/hazards/${h.id}/extensions`, { newDeadline: '2026-07-20', reason: '设备到货延迟' })).json();
    expect((await post(ent, `/api/hazards/${h.id}/extensions/${ext.id}/decision`, { approve: true })).statusCode).toBe(403);
    const decided = await post(staff, `/api/hazards/${h.id}/extensions/${ext.id}/decision`, { approve: true, note: '同意' });
    expect(decided.json().deadline).toBe('2026-07-20');
  });
});

describe('scope and statistics', () => {
  it('keeps each town to its own hazards, and an enterprise to its own', async () => {
    const h = (await post(baitang, '/api/hazards', { title: '白塘镇危房', source: 'supervision', level: 'general', regionCode: '430699101000', placeName: '老供销社' })).json();
    expect((await get(luojiang, `/api/hazards/${h.id}`)).statusCode).toBe(404);
    expect((await get(luojiang, '/api/hazards')).json().items.some((x: { id: string }) => x.id === h.id)).toBe(false);
    expect((await post(luojiang, `/api/hazards/${h.id}/assign`, { responsiblePerson: '某', measures: '修复', deadline: '2026-07-01' })).statusCode).toBe(404);
    expect((await get(ent, `/api/hazards/${h.id}`)).statusCode).toBe(404);
    const entList = (await get(ent, '/api/hazards?pageSize=200')).json();
    expect(entList.items.every((x: { enterpriseId: string }) => x.enterpriseId === enterpriseId)).toBe(true);
    // Its statistics count exactly the hazards its list shows, none of 白塘镇's.
    expect((await get(luojiang, '/api/hazards/stats')).json().found).toBe((await get(luojiang, '/api/hazards')).json().total);
    const byRegion = (await get(luojiang, '/api/hazards/stats?by=region')).json();
    expect(byRegion.groups.map((g: { label: string }) => g.label)).toEqual(['罗江镇']);
  });

  it('counts found, closed, rate, overdue and major open by group', async () => {
    const s = (await get(staff, '/api/hazards/stats?by=level')).json();
    expect(s.found).toBeGreaterThan(5);
    expect(s.closed).toBeGreaterThanOrEqual(1);
    expect(s.rectificationRate).toBeCloseTo((s.closed / s.found) * 100, 0);
    expect(s.groups.map((g: { label: string }) => g.label)).toContain('一般隐患');
    const byRegion = (await get(staff, '/api/hazards/stats?by=region')).json();
    expect(byRegion.groups.map((g: { label: string }) => g.label)).toEqual(expect.arrayContaining(['白塘镇', '循环园']));
  });
});

describe('to-do and read-only callers', () => {
  it('lists what waits on the caller, and offers no moves to a reader', async () => {
    const h = await report(ent);
    const staffTodo = (await get(staff, '/api/hazards?todo=true&pageSize=200')).json();
    expect(staffTodo.items.some((x: { id: string }) => x.id === h.id)).toBe(true);
    const entTodo = (await get(ent, '/api/hazards?todo=true&pageSize=200')).json();
    expect(entTodo.items.every((x: { status: string; level: string }) => x.status === 'rectifying' || (x.status === 'pending' && x.level === 'general'))).toBe(true);
    const leader = await t.login('leader');
    expect((await get(leader, `/api/hazards/${h.id}`)).json().allowedMoves).toEqual([]);
    expect((await get(leader, '/api/hazards?todo=true')).json().total).toBe(0);
    expect((await get(staff, '/api/hazards?open=true&pageSize=200')).json().items.every((x: { status: string }) => x.status !== 'closed')).toBe(true);
  });

  it('files an enterprise\'s hazard under its sector when the reporter gives none', async () => {
    expect((await report(ent)).sector).toBe('hazchem');
  });
});

describe('export', () => {
  it('gives the filtered, scoped ledger as an Excel file with Chinese headers', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const r = await t.as(ent, { method: 'GET', url: '/api/hazards/export?status=pending' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain(encodeURIComponent('隐患台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('隐患编号');
    const listed = (await get(ent, '/api/hazards?status=pending&pageSize=200')).json();
    expect(ws.rowCount - 1).toBe(listed.total);
    for (let i = 2; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(2).value).toBe('汨水市恒达化工有限公司');
  });

  it('refuses, rather than cuts, an export larger than the limit', async () => {
    const { exportHazards } = await import('./hazards.export.js');
    await expect(exportHazards(t.p.db, { kind: 'all' }, {}, '2026-06-10', 5)).rejects.toThrow(/超过单次导出上限 5 条/);
  });
});

describe('personal data (issue #11): the responsible person\'s phone', () => {
  it('is masked in the list, the detail and a move\'s answer; revealed (audited) only with personal:phone, in scope', async () => {
    const h = await report(ent);
    const assigned = await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', responsiblePhone: '13900003333', measures: '更换报警探头', deadline: '2026-06-20' });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().responsiblePhone).toBe('139****3333');
    expect((await get(staff, `/api/hazards/${h.id}`)).json().responsiblePhone).toBe('139****3333');
    expect((await get(ent, `/api/hazards/${h.id}`)).json().responsiblePhone).toBe('139****3333');
    const listed = (await get(staff, `/api/hazards?q=${encodeURIComponent(h.number)}&pageSize=200`)).json().items.find((x: { id: string }) => x.id === h.id);
    expect(listed.responsiblePhone).toBe('139****3333');
    const stored = await t.p.db.one<{ p: string }>(sql`select responsible_phone as p from hazards where id = ${h.id}`);
    expect(stored.p).toBe('13900003333');

    const reveals = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${h.id}`)).n;
    const reveal = (cookie: string) => post(cookie, '/api/personal/reveal', { entity: 'hazard', id: h.id, field: 'responsiblePhone' });
    const r = await reveal(staff);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ value: '13900003333', kind: 'phone' });
    const [rec] = await t.p.db.query<{ after: { what: string; field: string; masked: string } }>(sql`select after from audit_log
      where action = 'personal.reveal' and entity_id = ${h.id} order by seq desc limit 1`);
    expect(rec.after).toMatchObject({ field: 'responsiblePhone', masked: '139****3333' });
    expect(rec.after.what).toContain(`隐患「${h.number}」的电话号码`);
    expect(await reveals()).toBe(1);
    expect((await reveal(ent)).statusCode).toBe(403); // 企业用户: no personal:phone
    expect((await reveal(officer)).statusCode).toBe(403);
    expect((await reveal(luojiang)).statusCode).toBe(404); // another town's hazard
    expect(await reveals()).toBe(1);
  });

  it('refuses a masked phone typed on assignment (nothing masked is stored)', async () => {
    const h = await report(ent);
    const r = await post(staff, `/api/hazards/${h.id}/assign`, { responsiblePerson: '周建国', responsiblePhone: '139****3333', measures: '更换报警探头', deadline: '2026-06-20' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/责任人电话不完整/);
    expect((await get(staff, `/api/hazards/${h.id}`)).json().status).toBe('pending');
  });
});
