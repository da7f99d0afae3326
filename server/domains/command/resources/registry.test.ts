// The register changes through the API (issue #11: every mutating route walked): equipment, experts and shelters
// registered and edited, equipment and experts imported from the filled template, and the edits of teams,
// warehouses and stock lines and of a team's members; each answer checked, the change read back through the API,
// and its audit record found by action and entity.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { multipart } from '../../enterprises/test-helpers.js';
import { BAITANG, post, stockedLine } from './testing.js';

const R = '/api/command/resources';
let t: TestApp;
let staff: string;
let team: { id: string; name: string };
const tag = Date.now().toString(36);

beforeAll(async () => {
  t = await buildTestApp();
  staff = await t.login('staff');
  team = await post(t, staff, `${R}/teams`, { name: `登记测试抢险队${tag}`, kind: 'flood', regionCode: BAITANG, plannedStrength: 12 });
});
afterAll(async () => { await t.close(); });

async function ok<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
  const r = await t.as(staff, { method, url, payload });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(200);
  return r.json();
}

interface AuditRow { actor_name: string | null; region_code: string | null; before: any; after: any }
/** The audit records of one action on one entity, oldest first. */
const audits = (action: string, entityId: string) => t.p.db.query<AuditRow>(sql`select actor_name, region_code, before, after from audit_log
  where action = ${action} and entity_id = ${entityId} order by seq`);

/** The register's import template, downloaded and filled in with rows keyed by column header (without the *). */
async function filledTemplate(path: string, rows: Record<string, unknown>[]): Promise<Buffer> {
  const r = await t.as(staff, { method: 'GET', url: `${R}/${path}/import-template` });
  expect(r.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const col = new Map<string, number>();
  ws.getRow(1).eachCell((cell, n) => col.set(String(cell.value).replace(/\*$/, ''), n));
  rows.forEach((values, i) => {
    for (const [header, v] of Object.entries(values)) {
      expect(col.has(header), `${path} template has no column ${header}`).toBe(true);
      ws.getRow(i + 2).getCell(col.get(header)!).value = v as ExcelJS.CellValue;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (path: string, filename: string, file: Buffer) => t.as(staff, { method: 'POST', url: `${R}/${path}/import`, ...multipart(filename, file) });

describe('equipment (装备车辆)', () => {
  it('registers a vehicle: answered, readable, audited', async () => {
    const e = await ok('POST', `${R}/equipment`, { name: `排涝抢险车${tag}`, kind: 'vehicle', model: 'EQ5160', plateNo: '湘F·A1234', quantity: 1,
      ownerTeamId: team.id, regionCode: BAITANG, lng: 113.1, lat: 28.8, keeper: '周保管', keeperPhone: '13800001234' });
    expect(e).toMatchObject({ name: `排涝抢险车${tag}`, kind: 'vehicle', status: 'ready', ownerTeamId: team.id, ownerTeamName: team.name, regionCode: BAITANG, keeperPhone: '138****1234' });
    expect(await ok('GET', `${R}/equipment/${e.id}`)).toMatchObject({ plateNo: '湘F·A1234', quantity: 1, keeper: '周保管', keeperPhone: '138****1234' });
    expect((await ok('GET', `${R}/equipment?ownerTeamId=${team.id}`)).items.map((x: { id: string }) => x.id)).toContain(e.id);
    const [a] = await audits('command.resources.equipment.create', e.id);
    expect(a).toMatchObject({ region_code: BAITANG, after: { name: `排涝抢险车${tag}`, plate_no: '湘F·A1234', owner_team_id: team.id } });
    expect(a.actor_name).toBeTruthy();
  });

  it('edits one, keeping the stored phone when the masked one comes back unchanged', async () => {
    const e = await post<{ id: string }>(t, staff, `${R}/equipment`, { name: `发电机${tag}`, kind: 'generator', quantity: 2, regionCode: BAITANG, keeperPhone: '13900005678' });
    const shown = await ok('GET', `${R}/equipment/${e.id}`);
    const edited = await ok('PATCH', `${R}/equipment/${e.id}`, { status: 'repair', quantity: 3, keeperPhone: shown.keeperPhone, note: '返厂维修' });
    expect(edited).toMatchObject({ status: 'repair', quantity: 3, note: '返厂维修', keeperPhone: '139****5678' });
    expect(await ok('GET', `${R}/equipment/${e.id}`)).toMatchObject({ status: 'repair', quantity: 3, note: '返厂维修' });
    expect((await t.p.db.one<{ keeper_phone: string }>(sql`select keeper_phone from resource_equipment where id = ${e.id}`)).keeper_phone).toBe('13900005678');
    const [a] = await audits('command.resources.equipment.update', e.id);
    expect(a).toMatchObject({ region_code: BAITANG, before: { status: 'ready', quantity: 2, note: null }, after: { status: 'repair', quantity: 3, note: '返厂维修' } });
  });

  it('imports the filled template: the record readable, its creation and the import audited', async () => {
    const name = `导入冲锋舟${tag}`;
    const file = await filledTemplate('equipment', [{ 装备名称: name, 装备类别: '舟艇', 数量: 4, 状态: '完好', 所属队伍: team.name, 区划: '白塘镇', 保管人: '吴保管' }]);
    const r = await upload('equipment', 'equipment-import.xlsx', file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ mode: 'all', rows: 1, created: 1, skipped: 0, written: true, errors: [] });
    const list = await ok('GET', `${R}/equipment?q=${encodeURIComponent(name)}`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name, kind: 'boat', quantity: 4, status: 'ready', ownerTeamId: team.id, regionCode: BAITANG, keeper: '吴保管' });
    expect(await audits('command.resources.equipment.create', list.items[0].id)).toHaveLength(1);
    const imports = await audits('command.resources.import.equipment', 'equipment-import.xlsx');
    expect(imports.at(-1)).toMatchObject({ after: { mode: 'all', rows: 1, created: 1, skipped: 0 } });
  });
});

describe('experts (专家)', () => {
  it('registers an expert: answered, readable, audited', async () => {
    const x = await ok('POST', `${R}/experts`, { name: `危化专家${tag}`.slice(0, 30), fields: ['危险化学品', '消防'], title: '高级工程师', unit: '汨水市化工研究所',
      phone: '13712345678', regionCode: BAITANG, available: true });
    expect(x).toMatchObject({ fields: ['危险化学品', '消防'], title: '高级工程师', available: true, phone: '137****5678', regionCode: BAITANG });
    expect(await ok('GET', `${R}/experts/${x.id}`)).toMatchObject({ name: x.name, unit: '汨水市化工研究所', phone: '137****5678' });
    const [a] = await audits('command.resources.expert.create', x.id);
    expect(a).toMatchObject({ region_code: BAITANG, after: { name: x.name, fields: ['危险化学品', '消防'], phone: '13712345678' } });
  });

  it('edits an expert: answered, readable, audited with the values before', async () => {
    const x = await post<{ id: string }>(t, staff, `${R}/experts`, { name: `防汛专家${tag}`.slice(0, 30), fields: ['防汛抗旱'], regionCode: BAITANG });
    const edited = await ok('PATCH', `${R}/experts/${x.id}`, { available: false, fields: ['防汛抗旱', '地质灾害'], note: '外出学习至月底' });
    expect(edited).toMatchObject({ available: false, fields: ['防汛抗旱', '地质灾害'], note: '外出学习至月底' });
    expect(await ok('GET', `${R}/experts/${x.id}`)).toMatchObject({ available: false, fields: ['防汛抗旱', '地质灾害'] });
    const [a] = await audits('command.resources.expert.update', x.id);
    expect(a).toMatchObject({ before: { available: true, fields: ['防汛抗旱'], note: null }, after: { available: false, fields: ['防汛抗旱', '地质灾害'] } });
  });

  it('imports the filled template: the expert readable, its creation and the import audited', async () => {
    const name = `导入专家${tag}`.slice(0, 30);
    const file = await filledTemplate('experts', [{ 姓名: name, 专业领域: '危险化学品、安全生产', 职称: '工程师', 电话: '13655556666', 区划: BAITANG, 可调用: '是' }]);
    const r = await upload('experts', 'experts-import.xlsx', file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ rows: 1, created: 1, written: true, errors: [] });
    const list = await ok('GET', `${R}/experts?q=${encodeURIComponent(name)}`);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ name, fields: ['危险化学品', '安全生产'], title: '工程师', available: true, phone: '136****6666', regionCode: BAITANG });
    expect(await audits('command.resources.expert.create', list.items[0].id)).toHaveLength(1);
    expect((await audits('command.resources.import.experts', 'experts-import.xlsx')).at(-1)).toMatchObject({ after: { rows: 1, created: 1 } });
  });
});

describe('shelters (避难场所)', () => {
  it('registers a shelter and records its occupancy: answered, readable, audited', async () => {
    const s = await ok('POST', `${R}/shelters`, { name: `白塘中学避难场所${tag}`, kind: 'indoor', regionCode: '430699101201', address: '白塘镇学府路 1 号',
      lng: 113.12, lat: 28.81, capacity: 500, facilities: ['饮用水', '医疗点'], manager: '陈校长', managerPhone: '0730-5212345' });
    expect(s).toMatchObject({ capacity: 500, occupancy: 0, facilities: ['饮用水', '医疗点'], regionCode: '430699101201', managerPhone: '073*-***2345' });
    expect((await audits('command.resources.shelter.create', s.id))[0]).toMatchObject({ region_code: '430699101201', after: { capacity: 500, manager: '陈校长' } });

    const edited = await ok('PATCH', `${R}/shelters/${s.id}`, { occupancy: 500, note: '已满员' });
    expect(edited).toMatchObject({ occupancy: 500, note: '已满员' });
    expect(await ok('GET', `${R}/shelters/${s.id}`)).toMatchObject({ occupancy: 500, capacity: 500, note: '已满员' });
    expect((await ok('GET', `${R}/shelters?full=true&regionCode=430699101201&pageSize=200`)).items.map((x: { id: string }) => x.id)).toContain(s.id);
    const [a] = await audits('command.resources.shelter.update', s.id);
    expect(a).toMatchObject({ before: { occupancy: 0, note: null }, after: { occupancy: 500, note: '已满员' } });
  });
});

describe('edits of teams, warehouses and stock lines', () => {
  it('edits a team: answered, readable, audited', async () => {
    const edited = await ok('PATCH', `${R}/teams/${team.id}`, { readiness: 'dispatched', leader: '刘队长', leaderPhone: '13511112222', specialities: ['排涝', '水上救援'] });
    expect(edited).toMatchObject({ readiness: 'dispatched', leader: '刘队长', leaderPhone: '135****2222', specialities: ['排涝', '水上救援'] });
    expect(await ok('GET', `${R}/teams/${team.id}`)).toMatchObject({ readiness: 'dispatched', leader: '刘队长', plannedStrength: 12 });
    const [a] = await audits('command.resources.team.update', team.id);
    expect(a).toMatchObject({ region_code: BAITANG, before: { readiness: 'ready', leader: null }, after: { readiness: 'dispatched', leader: '刘队长', leader_phone: '13511112222' } });
  });

  it('edits a warehouse: answered, readable, audited', async () => {
    const { warehouseId } = await stockedLine(t, staff, 0);
    const edited = await ok('PATCH', `${R}/warehouses/${warehouseId}`, { keeper: '孙保管', keeperPhone: '13822223333', areaM2: 320, address: '白塘镇物流园 3 号库' });
    expect(edited).toMatchObject({ keeper: '孙保管', keeperPhone: '138****3333', areaM2: 320, address: '白塘镇物流园 3 号库' });
    expect(await ok('GET', `${R}/warehouses/${warehouseId}`)).toMatchObject({ keeper: '孙保管', areaM2: 320 });
    const [a] = await audits('command.resources.warehouse.update', warehouseId);
    expect(a).toMatchObject({ region_code: BAITANG, before: { keeper: null }, after: { keeper: '孙保管', area_m2: 320 } });
  });

  it('sets a stock line\'s minimum level: answered, readable, audited', async () => {
    const { warehouseId } = await stockedLine(t, staff, 10);
    const [line] = (await ok('GET', `${R}/stock?warehouseId=${warehouseId}`)).items;
    expect(line).toMatchObject({ quantity: 10, minLevel: 0, belowMinimum: false });
    const set = await ok('PATCH', `${R}/stock/${line.id}`, { minLevel: 25 });
    expect(set).toMatchObject({ id: line.id, quantity: 10, minLevel: 25, belowMinimum: true });
    expect(await ok('GET', `${R}/stock/${line.id}`)).toMatchObject({ minLevel: 25, belowMinimum: true });
    expect((await ok('GET', `${R}/warehouses/${warehouseId}`)).belowMinimum).toBe(1);
    const [a] = await audits('command.resources.stock.min_level', line.id);
    expect(a.after).toEqual({ minLevel: 25 });
    expect(Number(a.before.minLevel)).toBe(0);
    expect(a.region_code).toBe(BAITANG);
  });
});

describe('team members (队员)', () => {
  it('adds, edits and removes a member: each answered, read back on the team, audited', async () => {
    const m = await ok('POST', `${R}/teams/${team.id}/members`, { name: '赵队员', role: '驾驶员', phone: '13966667777',
      certificates: [{ name: '机动车驾驶证', no: 'A2-001', expiresOn: '2027-05-01' }] });
    expect(m).toMatchObject({ teamId: team.id, name: '赵队员', role: '驾驶员', phone: '139****7777', certificates: [{ name: '机动车驾驶证', expiresOn: '2027-05-01' }] });
    let detail = await ok('GET', `${R}/teams/${team.id}`);
    expect(detail.memberCount).toBe(1);
    expect(detail.members).toMatchObject([{ id: m.id, name: '赵队员', phone: '139****7777' }]);
    expect((await audits('command.resources.member.create', m.id))[0]).toMatchObject({ region_code: BAITANG, after: { teamId: team.id, name: '赵队员', phone: '13966667777' } });

    const edited = await ok('PATCH', `${R}/teams/${team.id}/members/${m.id}`, { name: '赵队员', role: '副队长', phone: m.phone,
      certificates: [{ name: '机动车驾驶证', no: 'A2-001', expiresOn: '2027-05-01' }, { name: '救生员证', expiresOn: '2026-12-31' }] });
    expect(edited).toMatchObject({ id: m.id, role: '副队长', phone: '139****7777' });
    expect(edited.certificates).toHaveLength(2);
    detail = await ok('GET', `${R}/teams/${team.id}`);
    expect(detail.members).toMatchObject([{ id: m.id, role: '副队长', certificates: [{ name: '机动车驾驶证' }, { name: '救生员证', expiresOn: '2026-12-31' }] }]);
    const [u] = await audits('command.resources.member.update', m.id);
    expect(u).toMatchObject({ before: { role: '驾驶员', phone: '13966667777' }, after: { role: '副队长', phone: '13966667777' } });

    expect(await ok('DELETE', `${R}/teams/${team.id}/members/${m.id}`)).toEqual({ ok: true });
    detail = await ok('GET', `${R}/teams/${team.id}`);
    expect(detail).toMatchObject({ memberCount: 0, members: [] });
    const [d] = await audits('command.resources.member.delete', m.id);
    expect(d).toMatchObject({ region_code: BAITANG, before: { id: m.id, name: '赵队员', role: '副队长' } });
    expect((await t.as(staff, { method: 'DELETE', url: `${R}/teams/${team.id}/members/${m.id}` })).statusCode).toBe(404);
  });
});
