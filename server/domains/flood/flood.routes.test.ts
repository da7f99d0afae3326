// 防汛 through the API against the demo county: the registry and its scope, the season's inspection coverage and the
// report's figures, findings that become hazards, a response's 叫应 tracking and re-sending over simulated time,
// and transfers per danger point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
let staff: string; let luojiang: string; let baitang: string; let informant: string; let enterprise: string;
const P = '/api/flood';
const T0 = '2026-06-01T01:00:00.000Z';
const LUOJIANG = '430699102000';
const BAITANG = '430699101000';

const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const put = (c: string, url: string, payload: object) => t.as(c, { method: 'PUT', url, payload });
const ok = async <T = any>(r: Promise<{ statusCode: number; body: string; json(): any }>): Promise<T> => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };
const villageOf = async (town: string) => (await t.p.db.one<{ code: string }>(sql`select code from regions where parent_code = ${town} and name like '%村' order by code limit 1`)).code;
let n = 0;
const facility = (regionCode: string, over: object = {}) => ({
  kind: 'reservoir', scale: 'small2', name: `测试水库${Date.now()}${++n}`, regionCode, lng: 113.1, lat: 28.8,
  levels: { deadLevel: 40, floodLimitLevel: 48, normalLevel: 48.5, designFloodLevel: 50.5, checkFloodLevel: 51.5 }, capacityWanM3: 35,
  adminName: '周行政', adminPhone: '13900000001', techName: '吴技术', techPhone: '13900000002', patrolName: '郑巡查', patrolPhone: '13900000003', ...over,
});

/** Move the simulated clock; sessions time out after 30 idle minutes, so everyone logs in again at the new time. */
async function at(iso: string | number) {
  t.now.value = new Date(iso);
  [staff, luojiang, baitang, informant, enterprise] = await Promise.all(['staff', 'town_luojiang', 'town_baitang', 'informant_demo', 'ent_demo'].map((u) => t.login(u)));
}
beforeAll(async () => { t = await buildTestApp(); await at(T0); }, 600_000); // cloning the database is slow when the shared machine is busy
afterAll(async () => { await t.close(); });

describe('the registry and its scope', () => {
  it('gives a town its own facilities only, and an informant their village', async () => {
    const all = await ok(get(staff, `${P}/facilities?pageSize=1`));
    const mine = await ok(get(luojiang, `${P}/facilities?pageSize=200`));
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    expect(mine.items.every((f: any) => f.regionCode.startsWith('430699102'))).toBe(true);
    const other = (await ok(get(baitang, `${P}/facilities?pageSize=1`))).items[0];
    expect((await get(luojiang, `${P}/facilities/${other.id}`)).statusCode).toBe(404);
    const village = await ok(get(informant, `${P}/facilities?pageSize=200`));
    expect(new Set(village.items.map((f: any) => f.regionCode)).size).toBeLessThanOrEqual(1);
    expect((await get(enterprise, `${P}/facilities`)).statusCode).toBe(403);
  });

  it('registers a facility with its three responsible people and refuses bad input in Chinese', async () => {
    const v = await villageOf(LUOJIANG);
    const f = await ok(post(luojiang, `${P}/facilities`, facility(v)));
    expect(f).toMatchObject({ kind: 'reservoir', townName: '罗江镇', adminName: '周行政', levels: { floodLimitLevel: 48 }, lastInspectedOn: null });
    const noScale = await post(luojiang, `${P}/facilities`, facility(v, { scale: undefined }));
    expect(noScale.statusCode).toBe(400);
    expect(noScale.json().error.message).toContain('水库须选择规模');
    const badLevels = await post(luojiang, `${P}/facilities`, facility(v, { levels: { deadLevel: 50, floodLimitLevel: 48 } }));
    expect(badLevels.json().error.message).toBe('死水位应低于汛限水位，请核对特征水位');
    const outside = await post(luojiang, `${P}/facilities`, facility(await villageOf(BAITANG)));
    expect(outside.statusCode).toBe(403);
    const audit = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'flood.facility.create' and entity_id = ${f.id}`);
    expect(audit.n).toBe(1);
  });

  it('exports the responsible-person roster as a real workbook', async () => {
    const r = await get(luojiang, `${P}/facilities/roster.xlsx?kind=reservoir`);
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('巡查责任人电话');
    const total = (await ok(get(luojiang, `${P}/facilities?kind=reservoir&pageSize=1`))).total;
    expect(ws.actualRowCount - 1).toBe(total);
  });
});

describe('备汛检查', () => {
  it('reproduces the report: all facilities inspected, 57 + 12 batches, 9 teams of 41, 50 found and 19 rectified by 2022-06-30', async () => {
    const c = await ok(get(staff, `${P}/coverage?season=2022&asOf=2022-06-30`));
    const kinds = Object.fromEntries(c.kinds.map((k: any) => [k.kind, k]));
    expect(kinds.reservoir.inspected).toBe(352);
    expect([kinds.polder.inspected, kinds.sluice.inspected, kinds.torrent_point.inspected, kinds.hydropower.inspected, kinds.dike.inspected]).toEqual([5, 19, 139, 10, 1]);
    expect(c.batches).toEqual({ county: 12, town: 57 });
    expect([c.teams, c.inspectors, c.hazardsFound, c.hazardsRectified]).toEqual([9, 41, 50, 19]);
  });

  it('counts a facility as covered once a batch of the season includes it', async () => {
    const v = await villageOf(LUOJIANG);
    const f = await ok(post(staff, `${P}/facilities`, facility(v)));
    const before = await ok(get(staff, `${P}/coverage?season=2026`));
    const gap = await ok(get(staff, `${P}/facilities?uninspectedIn=2026&regionCode=${LUOJIANG}&pageSize=200`));
    expect(gap.items.map((x: any) => x.id)).toContain(f.id);
    const team = await ok(post(luojiang, `${P}/teams`, { name: `罗江镇测试自查组${Date.now()}`, level: 'town', regionCode: LUOJIANG, leader: '陈组长', members: ['李队员'] }));
    const b = await ok(post(luojiang, `${P}/batches`, { teamId: team.id, level: 'town', regionCode: LUOJIANG, inspectedOn: '2026-05-20', facilityIds: [f.id] }));
    expect(b).toMatchObject({ season: 2026, facilities: 1, findings: 0 });
    const after = await ok(get(staff, `${P}/coverage?season=2026`));
    const inspected = (c: any) => c.kinds.find((k: any) => k.kind === 'reservoir').inspected;
    expect(inspected(after)).toBe(inspected(before) + 1);
    expect(after.batches.town).toBe(before.batches.town + 1);
    const still = await ok(get(staff, `${P}/facilities?uninspectedIn=2026&regionCode=${LUOJIANG}&pageSize=200`));
    expect(still.items.map((x: any) => x.id)).not.toContain(f.id);
    // A county batch needs a county team; a town cannot check another town's facilities.
    const wrong = await post(luojiang, `${P}/batches`, { teamId: team.id, level: 'county', regionCode: LUOJIANG, inspectedOn: '2026-05-20', facilityIds: [f.id] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('县级检查须由县级检查组开展');
    const foreign = await post(baitang, `${P}/batches`, { teamId: team.id, level: 'town', regionCode: BAITANG, inspectedOn: '2026-05-20', facilityIds: [f.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('不在本批次的检查区域内');
  });

  it('records a finding as a hazard that the hazard workflow then carries (一单四制)', async () => {
    const v = await villageOf(LUOJIANG);
    const [f, g] = [await ok(post(staff, `${P}/facilities`, facility(v))), await ok(post(staff, `${P}/facilities`, facility(v, { kind: 'sluice', scale: undefined, name: `测试闸${Date.now()}` })))];
    const team = (await ok(get(luojiang, `${P}/teams`))).find((x: any) => x.regionCode === LUOJIANG);
    const b = await ok(post(luojiang, `${P}/batches`, { teamId: team.id, level: 'town', regionCode: LUOJIANG, inspectedOn: '2026-05-25', facilityIds: [f.id] }));
    const hz = await ok(post(luojiang, `${P}/batches/${b.id}/findings`, { facilityId: f.id, title: '溢洪道堵塞', description: '溢洪道有杂物' }));
    const h = await ok(get(luojiang, `/api/hazards/${hz.id}`));
    expect(h).toMatchObject({ title: '溢洪道堵塞', status: 'pending', regionCode: v });
    const assign = await post(luojiang, `/api/hazards/${hz.id}/assign`, { responsiblePerson: '王站长', measures: '清理溢洪道', funds: 2000, deadline: '2026-06-10' });
    expect(assign.statusCode, assign.body).toBe(200);
    const detail = await ok(get(luojiang, `${P}/batches/${b.id}`));
    expect(detail.findingList).toEqual([expect.objectContaining({ hazardId: hz.id, facilityId: f.id, responsiblePerson: '王站长', measures: '清理溢洪道', deadline: '2026-06-10' })]);
    expect(detail.findings).toBe(1);
    const notIn = await post(luojiang, `${P}/batches/${b.id}/findings`, { facilityId: g.id, title: '闸门启闭不灵' });
    expect(notIn.statusCode).toBe(400);
    expect((await post(baitang, `${P}/batches/${b.id}/findings`, { facilityId: f.id, title: '闸门启闭不灵' })).statusCode).toBe(404);
  });
});

describe('flood response: tasks, 叫应 and re-sending, transfers', () => {
  it('gives every responsible person in the town a task, tracks who confirmed, flags the silent after 30 minutes and re-sends to them', async () => {
    const town = '430699112000';
    const account = await t.p.db.one<{ id: string; phone: string }>(sql`select id, phone from accounts where username = 'town_luojiang'`);
    // A facility whose 行政责任人 is the town account's holder: they confirm in their own inbox.
    const v = await villageOf(town);
    await ok(post(staff, `${P}/facilities`, facility(v, { adminPhone: account.phone })));
    const expected = await t.p.db.one<{ n: number }>(sql`select (count(*) * 2 + count(tech_name))::int as n from flood_facilities where region_code like '430699112%'`);
    const r = await ok(post(staff, `${P}/responses`, { level: 4, townCodes: [town], reason: '测试：强降雨' }));
    const tasks = await ok(get(staff, `${P}/responses/${r.id}/tasks?pageSize=200`));
    expect(tasks.total).toBe(expected.n);
    expect(tasks.items[0].task).toContain('防汛Ⅳ级应急响应已启动');
    // Phone confirmation recorded by the duty officer, and the account holder's own 叫应 through the inbox.
    await t.as(staff, { method: 'POST', url: `${P}/responses/${r.id}/tasks/${tasks.items[0].id}/ack`, payload: { note: '电话确认' } }).then((x) => expect(x.statusCode, x.body).toBe(204));
    const again = await post(staff, `${P}/responses/${r.id}/tasks/${tasks.items[0].id}/ack`, {});
    expect(again.statusCode).toBe(409);
    const ids = await t.p.db.query<{ id: string }>(sql`select unnest(notification_ids) as id from flood_response_tasks where response_id = ${r.id} and account_id = ${account.id}`);
    const inapp = await t.p.db.one<{ id: string }>(sql`select id from notifications where id = any(${ids.map((x) => x.id)}::uuid[]) and channel = 'inapp'`);
    await t.p.db.execute(sql`update notifications set status = 'sent' where id = ${inapp.id}`);
    expect((await post(luojiang, `/api/inbox/${inapp.id}/ack`)).statusCode).toBe(204);
    const acked = await ok(get(staff, `${P}/responses/${r.id}/tasks?acked=true&pageSize=200`));
    expect(acked.total).toBe(2);
    // 31 minutes later the rest are overdue; re-sending reaches exactly them and resets the clock.
    await at(Date.parse(T0) + 31 * 60_000);
    const listed = (await ok(get(staff, `${P}/responses?pageSize=50`))).items.find((x: any) => x.id === r.id);
    expect(listed).toMatchObject({ tasks: expected.n, acked: 2, overdue: expected.n - 2 });
    expect(await ok(post(staff, `${P}/responses/${r.id}/resend`))).toEqual({ resent: expected.n - 2 });
    const silent = await ok(get(staff, `${P}/responses/${r.id}/tasks?acked=false&pageSize=200`));
    expect(silent.items.every((x: any) => x.sentCount === 2 && !x.overdue)).toBe(true);
    await at(Date.parse(T0) + 62 * 60_000);
    const later = (await ok(get(staff, `${P}/responses?pageSize=50`))).items.find((x: any) => x.id === r.id);
    expect(later.overdue).toBe(expected.n - 2);
    // Another town sees neither the response nor its tasks.
    expect((await get(baitang, `${P}/responses/${r.id}/tasks`)).statusCode).toBe(404);
    expect((await ok(get(baitang, `${P}/responses?pageSize=200`))).items.map((x: any) => x.id)).not.toContain(r.id);
    await at(T0);
  });

  it('opens a transfer per danger point with the people at risk, and counts transferred and returned', async () => {
    const r = await ok(post(luojiang, `${P}/responses`, { level: 3, townCodes: [LUOJIANG], reason: '测试：山洪预警' }));
    const rows = await ok(get(luojiang, `${P}/responses/${r.id}/transfers`));
    const atRisk = await t.p.db.one<{ n: number; people: number }>(sql`select count(*)::int as n, coalesce(sum(people_at_risk), 0)::int as people from flood_facilities
      where kind = 'torrent_point' and region_code like '430699102%'`);
    expect(rows.length).toBe(atRisk.n);
    expect(rows.reduce((a: number, x: any) => a + x.planned, 0)).toBe(atRisk.people);
    const [a, b] = rows;
    await t.as(luojiang, { method: 'PUT', url: `${P}/responses/${r.id}/transfers/${a.facilityId}`, payload: { planned: a.planned, transferred: a.planned, returned: 0 } }).then((x) => expect(x.statusCode, x.body).toBe(204));
    await t.as(luojiang, { method: 'PUT', url: `${P}/responses/${r.id}/transfers/${b.facilityId}`, payload: { planned: b.planned, transferred: 5, returned: 2 } }).then((x) => expect(x.statusCode, x.body).toBe(204));
    const bad = await put(luojiang, `${P}/responses/${r.id}/transfers/${b.facilityId}`, { planned: b.planned, transferred: 5, returned: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('返回人数不能多于已转移人数');
    const listed = (await ok(get(luojiang, `${P}/responses?open=true`))).items.find((x: any) => x.id === r.id);
    expect(listed).toMatchObject({ planned: atRisk.people, transferred: a.planned + 5, returned: 2 });
    expect((await put(baitang, `${P}/responses/${r.id}/transfers/${a.facilityId}`, { planned: 1, transferred: 0, returned: 0 })).statusCode).toBe(404);
    await t.as(luojiang, { method: 'POST', url: `${P}/responses/${r.id}/end` }).then((x) => expect(x.statusCode).toBe(204));
    expect((await post(luojiang, `${P}/responses/${r.id}/resend`)).statusCode).toBe(409);
  });

  it('holds the 6·21 response of the demo with its transfers, linked to incident SJ-2022-0003', async () => {
    const r = (await ok(get(luojiang, `${P}/responses?pageSize=50`))).items.find((x: any) => x.number === 'FXXY-2022-001');
    expect(r).toMatchObject({ level: 4, townCodes: [LUOJIANG] });
    expect(r.acked).toBe(r.tasks);
    expect(r.transferred).toBeGreaterThan(0);
    const inc = await t.p.db.one<{ number: string }>(sql`select number from incidents where id = ${r.incidentId}`);
    expect(inc.number).toBe('SJ-2022-0003');
  });
});

describe('plans', () => {
  it('holds 267 plans under the county 防汛抗旱 plan, and a town registers its own', async () => {
    const all = await ok(get(staff, `${P}/plans?pageSize=1`));
    expect(all.total).toBeGreaterThanOrEqual(267);
    expect(all.items[0].commandPlanTitle).toBe('汨水市防汛抗旱应急预案');
    const v = await villageOf(LUOJIANG);
    const created = await ok(post(luojiang, `${P}/plans`, { level: 'village', title: '测试村山洪灾害防御预案', regionCode: v, revisedOn: '2026-05-01' }));
    const mine = await ok(get(luojiang, `${P}/plans?q=测试村山洪&pageSize=5`));
    expect(mine.items.map((p: any) => p.id)).toContain(created.id);
    expect((await ok(get(baitang, `${P}/plans?q=测试村山洪`))).total).toBe(0);
    const noFacility = await post(luojiang, `${P}/plans`, { level: 'facility', title: '测试预案', regionCode: v, revisedOn: '2026-05-01' });
    expect(noFacility.json().error.message).toBe('工程（设施）预案须选择所属设施');
  });
});
