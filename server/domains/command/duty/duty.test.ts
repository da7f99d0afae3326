// 值班值守 through the API on the demo county: the roster grid, the shift in force at its boundaries (the night shift
// crossing midnight), handovers, the duty log, the Excel round trip, the duty desk, and scope.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { DUTY_SHIFTS, nextShiftAfter, shiftAt } from './shifts.js';
import { account, http, moveClock, ok, takeIncident, townCode } from './testing.js';

let t: TestApp; let h: ReturnType<typeof http>;
let staffP: { username: string; cookie: string }; let townP: { username: string; cookie: string };
let ent: string;
const staffC = () => staffP.cookie; const townC = () => townP.cookie;
let lead: Awaited<ReturnType<typeof account>>; let dayOfficer: Awaited<ReturnType<typeof account>>; let nightOfficer: Awaited<ReturnType<typeof account>>;
let baitang: string; let luojiang: string;
const at = (local: string) => new Date(`${local}+08:00`);
// A month just ahead of the real date: demo passwords age out 90 days after the template was built, and the demo's own
// roster lies in 2022, so the clock stays near today.
const M = (() => { const d = new Date(); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() + 1); return d.toISOString().slice(0, 7); })();
const DAYS = new Date(Date.UTC(Number(M.slice(0, 4)), Number(M.slice(5, 7)), 0)).getUTCDate();

beforeAll(async () => {
  t = await buildTestApp();
  h = http(t);
  t.now.value = at(`${M}-10T10:00:00`);
  staffP = { username: 'staff', cookie: await t.login('staff') };
  townP = { username: 'town_baitang', cookie: await t.login('town_baitang') };
  ent = await t.login('ent_demo');
  [lead, dayOfficer, nightOfficer] = [await account(t, ['leader']), await account(t, ['staff']), await account(t, ['staff'])];
  [baitang, luojiang] = [await townCode(t, '白塘镇'), await townCode(t, '罗江镇')];
  await ok(h.put(staffC(), '/api/command/duty/roster', { slots: [
    { date: `${M}-10`, shift: 'day', leaderIds: [lead.id], officerIds: [dayOfficer.id] },
    { date: `${M}-10`, shift: 'night', leaderIds: [lead.id], officerIds: [nightOfficer.id] },
    { date: `${M}-11`, shift: 'day', leaderIds: [lead.id], officerIds: [dayOfficer.id] },
  ] }));
});
afterAll(async () => { await t.close(); });
const moveTo = (local: string) => moveClock(t, at(local), [staffP, townP, lead, dayOfficer, nightOfficer]);

describe('shifts (班次)', () => {
  const shifts = DUTY_SHIFTS.defaultValue;
  it('puts 08:29 in the previous night shift and 08:30 in the day shift', () => {
    expect(shiftAt(shifts, at(`${M}-10T08:29:59`))).toMatchObject({ code: 'night', date: `${M}-09` });
    expect(shiftAt(shifts, at(`${M}-10T08:30:00`))).toMatchObject({ code: 'day', date: `${M}-10` });
    expect(shiftAt(shifts, at(`${M}-10T17:29:59`))).toMatchObject({ code: 'day', date: `${M}-10` });
    expect(shiftAt(shifts, at(`${M}-10T17:30:00`))).toMatchObject({ code: 'night', date: `${M}-10` });
  });
  it('keeps the night shift across midnight on the day it started', () => {
    const s = shiftAt(shifts, at(`${M}-11T00:30:00`))!;
    expect(s).toMatchObject({ code: 'night', date: `${M}-10` });
    expect(s.endsAt).toBe(at(`${M}-11T08:30:00`).toISOString());
    expect(nextShiftAfter(shifts, new Date(s.endsAt))).toMatchObject({ code: 'day', date: `${M}-11` });
  });
});

describe('roster (排班)', () => {
  it('shows the month grid with each shift\'s leader and officers', async () => {
    const r = await ok(h.get(staffC(), `/api/command/duty/roster?month=${M}`));
    expect(r.days).toHaveLength(DAYS);
    expect(r.shifts.map((s: { code: string }) => s.code)).toEqual(['day', 'night']);
    const d10 = r.days.find((d: { date: string }) => d.date === `${M}-10`);
    expect(d10.slots[0]).toMatchObject({ shift: 'day', leaders: [{ id: lead.id }], officers: [{ id: dayOfficer.id }] });
    expect(d10.slots[1].officers.map((p: { id: string }) => p.id)).toEqual([nightOfficer.id]);
  });

  it('replaces and clears a cell, and audits the change', async () => {
    const extra = await account(t, ['staff']);
    await ok(h.put(staffC(), '/api/command/duty/roster', { slots: [{ date: `${M}-20`, shift: 'day', leaderIds: [lead.id], officerIds: [dayOfficer.id, extra.id] }] }));
    await ok(h.put(staffC(), '/api/command/duty/roster', { slots: [{ date: `${M}-20`, shift: 'day', leaderIds: [lead.id], officerIds: [extra.id] }] }));
    let d = (await ok(h.get(staffC(), `/api/command/duty/roster?month=${M}`))).days.find((x: { date: string }) => x.date === `${M}-20`);
    expect(d.slots[0].officers.map((p: { id: string }) => p.id)).toEqual([extra.id]);
    await ok(h.put(staffC(), '/api/command/duty/roster', { slots: [{ date: `${M}-20`, shift: 'day', leaderIds: [], officerIds: [] }] }));
    d = (await ok(h.get(staffC(), `/api/command/duty/roster?month=${M}`))).days.find((x: { date: string }) => x.date === `${M}-20`);
    expect(d.slots[0]).toMatchObject({ leaders: [], officers: [] });
    const audits = await t.p.db.query<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'command.duty.roster.set' and after->>'date' = ${`${M}-20`}`);
    expect(audits[0].n).toBe(3);
  });

  it('refuses an unknown shift, officers without a leader, one person in two roles and accounts that may not stand duty', async () => {
    const bad = async (slot: object, text: string) => {
      const r = await h.put(staffC(), '/api/command/duty/roster', { slots: [{ date: `${M}-21`, leaderIds: [], officerIds: [], shift: 'day', ...slot }] });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toContain(text);
    };
    await bad({ shift: 'evening' }, '不在值班班次设置中');
    await bad({ officerIds: [dayOfficer.id] }, '请安排带班领导');
    await bad({ leaderIds: [lead.id], officerIds: [lead.id] }, '既任带班领导又任值班员');
    const officerRole = await account(t, ['officer']);
    await bad({ leaderIds: [officerRole.id] }, '没有应急指挥权限');
    const d = (await ok(h.get(staffC(), `/api/command/duty/roster?month=${M}`))).days.find((x: { date: string }) => x.date === `${M}-21`);
    expect(d.slots[0].leaders).toEqual([]);
  });

  it('keeps each unit\'s roster in its scope: a town reads its own, not the county\'s, and cannot edit', async () => {
    const own = await ok(h.get(townC(), `/api/command/duty/roster?month=${M}`));
    expect(own.regionCode).toBe(baitang);
    expect((await h.get(townC(), `/api/command/duty/roster?month=${M}&regionCode=430699000000`)).statusCode).toBe(404);
    expect((await h.get(townC(), `/api/command/duty/roster?month=${M}&regionCode=${luojiang}`)).statusCode).toBe(404);
    expect((await h.put(townC(), '/api/command/duty/roster', { slots: [{ date: `${M}-22`, shift: 'day', leaderIds: [], officerIds: [] }] })).statusCode).toBe(403);
    expect((await h.get(ent, `/api/command/duty/roster?month=${M}`)).statusCode).toBe(403);
  });

  it('exports the month to Excel and imports it into another unit, refusing a file with an unknown name whole', async () => {
    const x = await t.as(staffC(), { method: 'GET', url: `/api/command/duty/roster.xlsx?month=${M}` });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['日期', '白班带班领导', '白班值班员', '夜班带班领导', '夜班值班员']));
    expect(ws.getRow(11).getCell(2).value).toBe(lead.name);

    const upload = (buf: Buffer, region: string) => {
      const boundary = '----yj' + Date.now();
      const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`), buf,
        Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return t.as(staffC(), { method: 'POST', url: `/api/command/duty/roster/import?regionCode=${region}`, payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const imported = await upload(x.rawPayload, baitang);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ written: DAYS * 2, errors: [] });
    const town = await ok(h.get(townC(), `/api/command/duty/roster?month=${M}`));
    expect(town.days.find((d: { date: string }) => d.date === `${M}-10`).slots[1].officers[0].id).toBe(nightOfficer.id);

    ws.getRow(12).getCell(3).value = '查无此人';
    ws.getRow(13).getCell(2).value = '';
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()), luojiang);
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json().written).toBe(0);
    expect(bad.json().errors[0]).toMatchObject({ row: 12, column: '白班值班员' });
    expect(bad.json().errors[0].message).toContain('查无此人');
    const luo = await ok(h.get(staffC(), `/api/command/duty/roster?month=${M}&regionCode=${luojiang}`));
    expect(luo.days.every((d: { slots: { leaders: unknown[] }[] }) => d.slots.every((s) => s.leaders.length === 0))).toBe(true);
  });
});

describe('current shift (当前班次)', () => {
  it('finds the night shift\'s people after midnight and the day shift\'s at 08:30', async () => {
    const night = await ok(h.get(staffC(), `/api/command/duty/current?at=${encodeURIComponent(at(`${M}-11T00:30:00`).toISOString())}`));
    expect(night.shift).toMatchObject({ code: 'night', date: `${M}-10`, label: '夜班' });
    expect(night.officers.map((p: { id: string }) => p.id)).toEqual([nightOfficer.id]);
    expect(night.next).toMatchObject({ code: 'day', date: `${M}-11` });
    expect(night.nextOfficers.map((p: { id: string }) => p.id)).toEqual([dayOfficer.id]);
    const day = await ok(h.get(staffC(), `/api/command/duty/current?at=${encodeURIComponent(at(`${M}-11T08:30:00`).toISOString())}`));
    expect(day.shift).toMatchObject({ code: 'day', date: `${M}-11` });
  });
});

describe('handover (交接班)', () => {
  it('lets the shift on duty hand over to the next, received by someone on the next shift only', async () => {
    await moveTo(`${M}-10T17:10:00`);
    const body = { notes: '白班接报2起，均已处置；罗江镇山洪点水位偏高，请夜班关注。', openItems: [{ text: '跟踪罗江镇山洪点水位' }] };
    expect((await h.post(staffC(), '/api/command/duty/handovers', body)).statusCode).toBe(403);
    const made = await ok(h.post(dayOfficer.cookie, '/api/command/duty/handovers', body));
    expect(made).toMatchObject({ from: { code: 'day', date: `${M}-10` }, to: { code: 'night', date: `${M}-10` }, receivedAt: null });
    expect((await h.post(dayOfficer.cookie, '/api/command/duty/handovers', body)).statusCode).toBe(409);

    await moveTo(`${M}-10T17:35:00`);
    expect((await h.post(dayOfficer.cookie, `/api/command/duty/handovers/${made.id}/receive`, {})).statusCode).toBe(403);
    const other = await account(t, ['staff']);
    expect((await h.post(other.cookie, `/api/command/duty/handovers/${made.id}/receive`, {})).statusCode).toBe(403);
    const got = await ok(h.post(nightOfficer.cookie, `/api/command/duty/handovers/${made.id}/receive`, { note: '已接班' }));
    expect(got).toMatchObject({ receivedBy: { id: nightOfficer.id }, receiveNote: '已接班' });
    expect((await h.post(lead.cookie, `/api/command/duty/handovers/${made.id}/receive`, {})).statusCode).toBe(403);
    expect((await h.post(nightOfficer.cookie, `/api/command/duty/handovers/${made.id}/receive`, {})).statusCode).toBe(409);
    const list = await ok(h.get(staffC(), `/api/command/duty/handovers?from=${M}-10&to=${M}-10`));
    expect(list.items.map((x: { id: string }) => x.id)).toContain(made.id);
    expect((await ok(h.get(townC(), '/api/command/duty/handovers'))).items.map((x: { id: string }) => x.id)).not.toContain(made.id);
  });
});

describe('duty log and desk (值班日志、值班台)', () => {
  it('records calls on the shift their time falls in, searchable and exportable, linked to an incident', async () => {
    await moveTo(`${M}-10T18:00:00`);
    const inc = await takeIncident(t, staffC(), { regionCode: baitang });
    const log = await ok(h.post(nightOfficer.cookie, '/api/command/duty/logs', { kind: 'call', party: '白塘镇村民王某', phone: '13900003333',
      content: '报告测试村民房起火', actionTaken: '已通知消防救援大队出警', incidentId: inc.id }));
    expect(log).toMatchObject({ dutyDate: `${M}-10`, shift: 'night', shiftLabel: '夜班', incidentTitle: inc.title, recordedBy: { id: nightOfficer.id } });
    const found = await ok(h.get(staffC(), '/api/command/duty/logs?q=' + encodeURIComponent('消防救援')));
    expect(found.items.map((l: { id: string }) => l.id)).toContain(log.id);
    expect((await ok(h.get(staffC(), '/api/command/duty/logs?kind=notice&q=' + encodeURIComponent('消防救援')))).items).toHaveLength(0);
    const x = await t.as(staffC(), { method: 'GET', url: `/api/command/duty/logs.xlsx?from=${M}-10&to=${M}-10` });
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const r = await h.post(staffC(), '/api/command/duty/logs', { kind: 'call', content: '未来的记录', at: at(`${M}-12T00:00:00`).toISOString() });
    expect(r.statusCode).toBe(400);
    expect((await h.post(staffC(), '/api/command/duty/logs', { kind: 'gossip', content: 'x' })).statusCode).toBe(400);
  });

  it('keeps a town\'s log in the town', async () => {
    const townStaff = await account(t, ['staff'], baitang);
    const log = await ok(h.post(townStaff.cookie, '/api/command/duty/logs', { kind: 'notice', content: '转发县防指暴雨预警通知' }));
    expect(log.regionCode).toBe(baitang);
    const luoStaff = await account(t, ['staff'], luojiang);
    expect((await ok(h.get(luoStaff.cookie, '/api/command/duty/logs'))).items.map((l: { id: string }) => l.id)).not.toContain(log.id);
    expect((await ok(h.get(staffC(), '/api/command/duty/logs'))).items.map((l: { id: string }) => l.id)).toContain(log.id);
    expect((await h.post(luoStaff.cookie, '/api/command/duty/logs', { kind: 'notice', content: 'x', regionCode: baitang })).statusCode).toBe(404);
  });

  it('shows the shift on duty, the incident just taken and the reports it owes on the desk', async () => {
    await moveTo(`${M}-10T19:00:00`);
    const inc = await takeIncident(t, staffC(), { regionCode: baitang, title: '值班台测试火情' });
    const desk = await ok(h.get(staffC(), '/api/command/duty/desk'));
    expect(desk.current.shift).toMatchObject({ code: 'night', date: `${M}-10` });
    expect(desk.current.officers.map((p: { id: string }) => p.id)).toEqual([nightOfficer.id]);
    const item = desk.newIncidents.find((i: { id: string }) => i.id === inc.id);
    expect(item).toMatchObject({ title: '值班台测试火情', nextReportKind: '初报', reportsOverdue: 0 });
    expect(desk.recentLogs.length).toBeGreaterThan(0);
    const town = await ok(h.get(townC(), '/api/command/duty/desk'));
    expect(town.newIncidents.map((i: { id: string }) => i.id)).toContain(inc.id);
    const luo = await t.login('town_luojiang');
    expect((await ok(h.get(luo, '/api/command/duty/desk'))).newIncidents.map((i: { id: string }) => i.id)).not.toContain(inc.id);
  });
});

describe('demo county (演示数据)', () => {
  it('has a leader and officers on every shift of June 2022, a received handover between shifts, and the incidents\' 接报 calls in the log', async () => {
    const june = await ok(h.get(staffC(), '/api/command/duty/roster?month=2022-06'));
    for (const d of june.days) for (const s of d.slots) { expect(s.leaders.length, `${d.date} ${s.shift}`).toBe(1); expect(s.officers.length).toBeGreaterThan(0); }
    const handovers = await ok(h.get(staffC(), '/api/command/duty/handovers?from=2022-06-01&to=2022-06-30&pageSize=200'));
    expect(handovers.total).toBe(60);
    expect(handovers.items.every((x: { receivedAt: string | null }) => x.receivedAt)).toBe(true);
    const [{ n }] = await t.p.db.query<{ n: number }>(sql`select count(*)::int as n from incidents i where not exists (select 1 from duty_logs l where l.incident_id = i.id)
      and i.reported_at < '2022-07-01'`);
    expect(n).toBe(0);
    const [{ villages, people }] = await t.p.db.query<{ villages: number; people: number }>(sql`select count(*)::int as villages, count(p.population)::int as people
      from regions r left join region_populations p on p.region_code = r.code where r.level = 'village'`);
    expect(people).toBe(villages);
  });
});

