// 防汛 registry upkeep through the API: live water level and rainfall judged against 汛限/设计洪水位 and the 临界雨量,
// the rectification notice (一单四制) as Word, deleting a facility (refused while referenced) and the Excel import
// with per-row errors; village accounts read but do not keep the registry.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { makeOfficer } from '../enforcement/common/testing.js';
import { multipart, xlsx } from '../enterprises/test-helpers.js';
import { rainStatus, waterStatus } from './flood.live.js';

let t: TestApp; let staff: string; let luojiang: string; let baitang: string; let informant: string;
const P = '/api/flood';
const NOW = new Date('2026-07-01T04:00:00Z');
const LUOJIANG = '430699102000';
const get = (c: string, url: string) => t.as(c, { method: 'GET', url });
const post = (c: string, url: string, payload: object = {}) => t.as(c, { method: 'POST', url, payload });
const ok = async <T = any>(r: Promise<{ statusCode: number; body: string; json(): any }>): Promise<T> => { const x = await r; expect(x.statusCode, x.body).toBe(200); return x.json(); };
const docText = async (buf: Buffer) => (await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
let n = 0;
const reservoir = (regionCode: string, over: object = {}) => ({
  kind: 'reservoir', scale: 'small2', name: `登记测试水库${++n}`, regionCode, levels: { floodLimitLevel: 48, designFloodLevel: 50.5 },
  adminName: '周行政', adminPhone: '13900000001', patrolName: '郑巡查', patrolPhone: '13900000003', ...over,
});
const villageOf = async (town: string) => (await t.p.db.one<{ code: string }>(sql`select code from regions where parent_code = ${town} and name like '%村' order by code limit 1`)).code;

/** Readings of a linked site's sensor of `type`: the latest value, and minute rollups of rain `mm` spread over the last `hours`. */
async function setReadings(monitoringFacilityId: string, type: 'water_level' | 'rainfall', latest: number, rain?: { mm: number; hours: number }) {
  const s = await t.p.db.one<{ id: string }>(sql`select s.id from monitoring_sensors s join monitoring_devices d on d.id = s.device_id
    where d.facility_id = ${monitoringFacilityId} and s.type = ${type} order by s.code limit 1`);
  await t.p.db.execute(sql`insert into sensor_latest (sensor_id, ts, value) values (${s.id}, ${NOW.toISOString()}, ${latest})
    on conflict (sensor_id) do update set ts = excluded.ts, value = excluded.value`);
  if (rain) {
    const steps = rain.hours * 6; // one rollup per 10 minutes
    for (let i = 0; i < steps; i++) {
      await t.p.db.execute(sql`insert into sensor_readings_1m (sensor_id, bucket, n, sum, min, max) values (${s.id}, ${new Date(NOW.getTime() - i * 600_000).toISOString()}, 1, ${rain.mm / steps}, 0, 0)
        on conflict (sensor_id, bucket) do update set sum = excluded.sum`);
    }
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = NOW;
  [staff, luojiang, baitang, informant] = await Promise.all(['staff', 'town_luojiang', 'town_baitang', 'informant_demo'].map((u) => t.login(u)));
}, 600_000); // building the app over a cloned database can take minutes when the shared machine is busy
afterAll(async () => { await t.close(); });

describe('live water level and rainfall against the registry', () => {
  it('judges a water level against 汛限 and 设计洪水位, and rainfall per duration against 准备转移 / 立即转移', () => {
    const levels = { floodLimitLevel: 48, designFloodLevel: 50.5 };
    expect(waterStatus(levels, 47.2)).toMatchObject({ status: 'normal', text: '低于汛限水位 0.8 m' });
    expect(waterStatus(levels, 48)).toMatchObject({ status: 'normal' }); // at the limit is not above it
    expect(waterStatus(levels, 48.3)).toMatchObject({ status: 'warning', text: '超汛限水位 0.3 m' });
    expect(waterStatus(levels, 50.5)).toMatchObject({ status: 'danger' });
    expect(waterStatus({}, 50)).toMatchObject({ status: 'unknown' });
    const th = { prepare: { '1h': 35, '3h': 55 }, evacuate: { '1h': 45, '3h': 75 } };
    expect(rainStatus(th, [{ hours: 1, mm: 20 }, { hours: 3, mm: 54.9 }]).status).toBe('normal');
    expect(rainStatus(th, [{ hours: 1, mm: 20 }, { hours: 3, mm: 55 }])).toMatchObject({ status: 'warning', text: '3h 雨量 55 mm，达到准备转移临界值 55 mm' });
    expect(rainStatus(th, [{ hours: 1, mm: 46 }, { hours: 3, mm: 60 }])).toMatchObject({ status: 'danger', text: expect.stringContaining('立即转移') });
    expect(rainStatus({}, []).status).toBe('unknown');
  });

  it('reads the linked monitoring site: a reservoir over 汛限, a torrent point at 立即转移, worst first on the board', async () => {
    const linked = async (kind: string) => ok(get(staff, `${P}/facilities/${(await t.p.db.one<{ id: string }>(sql`select id from flood_facilities
      where kind = ${kind} and monitoring_facility_id is not null order by name limit 1`)).id}`));
    const res = await linked('reservoir');
    const tp = await linked('torrent_point');
    expect(tp.thresholds.evacuate['3h']).toBe(75);
    await setReadings(res.monitoringFacilityId, 'water_level', res.levels.floodLimitLevel + 0.4);
    const r = await ok(get(staff, `${P}/facilities/${res.id}/live`));
    expect(r).toMatchObject({ monitored: true, status: 'warning', water: { status: 'warning', stale: false, floodLimitLevel: res.levels.floodLimitLevel } });
    expect(r.text).toBe('超汛限水位 0.4 m');
    await setReadings(tp.monitoringFacilityId, 'rainfall', 2, { mm: 80, hours: 3 });
    const l = await ok(get(staff, `${P}/facilities/${tp.id}/live`));
    expect(l.status).toBe('danger');
    expect(l.rain.windows.find((w: any) => w.duration === '3h')).toMatchObject({ mm: 80, reached: 'evacuate' });
    expect(l.rain.windows.find((w: any) => w.duration === '1h')).toMatchObject({ reached: null }); // 26.7 mm in the last hour
    const board = await ok(get(staff, `${P}/live`));
    expect(board[0]).toMatchObject({ facilityId: tp.id, status: 'danger' });
    expect(board.map((b: any) => b.facilityId)).toContain(res.id);
    // Two hours later nothing new has come in: the reading is stale and says so.
    t.now.value = new Date(NOW.getTime() + 3 * 3600_000);
    staff = await t.login('staff');
    expect((await ok(get(staff, `${P}/facilities/${res.id}/live`))).text).toContain('未更新');
    t.now.value = NOW;
    staff = await t.login('staff');
    const plain = (await ok(get(staff, `${P}/facilities?kind=sluice&pageSize=1`))).items[0];
    expect(await ok(get(staff, `${P}/facilities/${plain.id}/live`))).toMatchObject({ monitored: false, text: '未接入监测设备' });
    // A town sees only its own linked facilities on the board.
    for (const b of await ok(get(baitang, `${P}/live`))) expect(b.townName).toBe('白塘镇');
  });
});

describe('rectification notice (一单四制)', () => {
  it('prints each finding with 责任、措施、资金、时限、预案, marking what is not yet settled', async () => {
    const v = await villageOf(LUOJIANG);
    const f = await ok(post(luojiang, `${P}/facilities`, reservoir(v)));
    await ok(post(luojiang, `${P}/plans`, { level: 'facility', title: `${f.name}度汛方案`, regionCode: v, facilityId: f.id, revisedOn: '2026-04-01' }));
    const team = (await ok(get(luojiang, `${P}/teams`))).find((x: any) => x.regionCode === LUOJIANG);
    const b = await ok(post(luojiang, `${P}/batches`, { teamId: team.id, level: 'town', regionCode: LUOJIANG, inspectedOn: '2026-05-25', facilityIds: [f.id] }));
    expect((await get(luojiang, `${P}/batches/${b.id}/notice.docx`)).json().error.message).toBe('本批次没有发现问题，无需下达整改通知书');
    const h1 = await ok(post(luojiang, `${P}/batches/${b.id}/findings`, { facilityId: f.id, title: '溢洪道堵塞', description: '溢洪道有杂物和树木' }));
    const h2 = await ok(post(luojiang, `${P}/batches/${b.id}/findings`, { facilityId: f.id, title: '坝体渗水' }));
    expect((await post(luojiang, `/api/hazards/${h1.id}/assign`, { responsiblePerson: '王站长', measures: '清理溢洪道', funds: 2000, deadline: '2026-07-20' })).statusCode).toBe(200);
    const w = await get(luojiang, `${P}/batches/${b.id}/notice.docx`);
    expect(w.statusCode).toBe(200);
    expect(w.headers['content-type']).toContain('wordprocessingml');
    const text = await docText(w.rawPayload as Buffer);
    for (const s of ['防汛隐患整改通知书', '罗江镇人民政府', '溢洪道堵塞', '王站长', '清理溢洪道', '2,000 元', '2026年7月20日前', `${f.name}度汛方案（2026-04-01 修订）`, '坝体渗水', '待落实', '其中 1 处问题']) {
      expect(text).toContain(s);
    }
    const one = await docText((await get(luojiang, `${P}/batches/${b.id}/notice.docx?hazardId=${h2.id}`)).rawPayload as Buffer);
    expect(one).toContain('坝体渗水');
    expect(one).not.toContain('溢洪道堵塞');
    expect((await get(baitang, `${P}/batches/${b.id}/notice.docx`)).statusCode).toBe(404);
  });

  it('prints the responsible phone in full for a role that may see it (audited as personal.export), masked for any other (issue #11)', async () => {
    const v = await villageOf(LUOJIANG);
    const f = await ok(post(luojiang, `${P}/facilities`, reservoir(v)));
    const team = (await ok(get(luojiang, `${P}/teams`))).find((x: any) => x.regionCode === LUOJIANG);
    const b = await ok(post(luojiang, `${P}/batches`, { teamId: team.id, level: 'town', regionCode: LUOJIANG, inspectedOn: '2026-05-26', facilityIds: [f.id] }));
    const h = await ok(post(luojiang, `${P}/batches/${b.id}/findings`, { facilityId: f.id, title: '泄洪闸启闭机锈蚀' }));
    expect((await post(luojiang, `/api/hazards/${h.id}/assign`, { responsiblePerson: '刘站长', responsiblePhone: '13600004444', measures: '更换启闭机', deadline: '2026-07-20' })).statusCode).toBe(200);
    const exports = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.export' and entity_type = 'flood_batch'`)).n;
    const n = await exports();
    const full = await docText((await get(luojiang, `${P}/batches/${b.id}/notice.docx`)).rawPayload as Buffer);
    expect(full).toContain('刘站长 13600004444');
    expect(await exports()).toBe(n + 1);
    const reader = await t.login((await makeOfficer(t, { roles: ['informant'] })).username); // disaster:read without personal:phone
    const masked = await docText((await get(reader, `${P}/batches/${b.id}/notice.docx`)).rawPayload as Buffer);
    expect(masked).toContain('刘站长 136****4444');
    expect(masked).not.toContain('13600004444');
    expect(await exports()).toBe(n + 1);
  });
});

describe('deleting and importing facilities', () => {
  it('deletes a facility registered by mistake, but not one with inspections or plans; a village account may not', async () => {
    const v = await villageOf(LUOJIANG);
    const f = await ok(post(luojiang, `${P}/facilities`, reservoir(v)));
    expect((await t.as(informant, { method: 'DELETE', url: `${P}/facilities/${f.id}` })).statusCode).toBe(403);
    expect((await t.as(baitang, { method: 'DELETE', url: `${P}/facilities/${f.id}` })).statusCode).toBe(404);
    const used = (await ok(get(luojiang, `${P}/facilities?pageSize=1`))).items[0];
    const refused = await t.as(luojiang, { method: 'DELETE', url: `${P}/facilities/${used.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toMatch(/^「.+」已有 \d+ 次备汛检查.*不能删除/);
    expect((await t.as(luojiang, { method: 'DELETE', url: `${P}/facilities/${f.id}` })).statusCode).toBe(204);
    expect((await get(luojiang, `${P}/facilities/${f.id}`)).statusCode).toBe(404);
    const a = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity_id = ${f.id} and action = 'flood.facility.delete'`);
    expect(a.n).toBe(1);
  });

  it('imports facilities from the template: updates the same facility, adds new ones, lists every bad row and writes nothing until asked', async () => {
    const tpl = await get(luojiang, `${P}/facilities/import-template`);
    expect(tpl.statusCode).toBe(200);
    const existing = (await ok(get(luojiang, `${P}/facilities?kind=torrent_point&pageSize=1`))).items[0];
    const head = ['类别', '名称', '所在村（社区）或乡镇', '危险区户数', '危险区人数', '准备转移临界雨量1h（mm）', '立即转移临界雨量1h（mm）', '行政责任人', '行政责任人电话', '巡查责任人', '巡查责任人电话', '水库规模', '汛限水位（m）'];
    const file = await xlsx([head,
      ['山洪危险区', existing.name, existing.regionCode, 20, 60, 30, 40, '新行政', '13911112222', '新巡查', '13911113333'],
      ['水库', '导入新水库', `罗江镇${existing.regionName}`, null, null, null, null, '甲', '13911114444', '乙', '13911115555', '小(二)型', 52],
      ['山洪危险区', '阈值颠倒', existing.regionCode, 5, 10, 50, 40, '丙', '13911116666', '丁', '13911117777'],
      ['水库', '没有规模', existing.regionCode, null, null, null, null, '戊', '13911118888', '己', '13911119999'],
      ['水闸', '外镇的闸', '430699101201', null, null, null, null, '庚', '13911110000', '辛', '13911110001'],
      ['水闸', '无名村的闸', '不存在村', null, null, null, null, '壬', '13911110002', '癸', '13911110003'],
      ['水闸', '缺电话', existing.regionCode, null, null, null, null, '子', null, '丑', '13911110004'],
    ]);
    const imp = (mode?: string) => t.as(luojiang, { method: 'POST', url: `${P}/facilities/import${mode ? `?mode=${mode}` : ''}`, ...multipart('防汛设施.xlsx', file) });
    const first = await ok(imp());
    expect(first).toMatchObject({ rows: 7, written: false, created: 0, updated: 0, skipped: 5 });
    const msg = (row: number) => first.errors.filter((e: any) => e.row === row).map((e: any) => e.message).join(' ');
    expect(msg(4)).toBe('1h 临界雨量：准备转移（50 mm）应小于立即转移（40 mm）');
    expect(msg(5)).toContain('水库须选择规模');
    expect(msg(6)).toContain('不在您的管辖范围内');
    expect(msg(7)).toContain('区划「不存在村」不存在');
    expect(msg(8)).toContain('「行政责任人电话」必填');
    expect((await get(luojiang, `${P}/facilities/${existing.id}`)).json().adminName).toBe(existing.adminName);
    const second = await ok(imp('valid-only'));
    expect(second).toMatchObject({ written: true, created: 1, updated: 1, skipped: 5 });
    expect(await ok(get(luojiang, `${P}/facilities/${existing.id}`))).toMatchObject({ adminName: '新行政', peopleAtRisk: 60, thresholds: { prepare: { '1h': 30 }, evacuate: { '1h': 40 } },
      monitoringFacilityId: existing.monitoringFacilityId });
    const added = (await ok(get(luojiang, `${P}/facilities?q=导入新水库`))).items[0];
    expect(added).toMatchObject({ kind: 'reservoir', scale: 'small2', regionCode: existing.regionCode, levels: { floodLimitLevel: 52 } });
    expect((await t.as(informant, { method: 'POST', url: `${P}/facilities/import`, ...multipart('x.xlsx', file) })).statusCode).toBe(403);
  });
});
