// Personal data (issue #11): phone and identity numbers masked in lists and details for every role, in full in exports
// only for a role that may see them; one value revealed at a time through POST /api/personal/reveal, each reveal audited,
// refused without the permission (403) or outside the caller's scope (404), with a Chinese message.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { keepIfMasked, maskIdNumber, maskPhone } from './personal.js';

let t: TestApp;
const cookies: Record<string, string> = {};
const get = (who: string, url: string) => t.as(cookies[who], { method: 'GET', url });
const reveal = (who: string, payload: object) => t.as(cookies[who], { method: 'POST', url: '/api/personal/reveal', payload });
const reveals = async (entityId: string) => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.reveal' and entity_id = ${entityId}`)).n;
const MASKED_MOBILE = /^1[3-9][0-9]\*{4}[0-9]{4}$/;

let baitangEnt: { id: string; phone: string; name: string };
let luojiangEnt: { id: string };

beforeAll(async () => {
  t = await buildTestApp();
  for (const u of ['staff', 'leader', 'officer', 'town_baitang', 'town_luojiang', 'dept_zhujian', 'informant_demo', 'rescuer_demo', 'ent_demo']) cookies[u] = await t.login(u);
  const pick = (town: string) => t.p.db.one<{ id: string; principal_phone: string; name: string }>(sql`select id, principal_phone, name from enterprises
    where principal_phone ~ '^1[3-9][0-9]{9}$' and region_code like ${`${town}%`} order by name limit 1`);
  const b = await pick('430699101');
  baitangEnt = { id: b.id, phone: b.principal_phone, name: b.name };
  luojiangEnt = { id: (await pick('430699102')).id };
}, 600_000);
afterAll(async () => { await t.close(); });

describe('masking rules', () => {
  it('masks mobiles, landlines and identity numbers, and keeps a stored value sent back masked', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0730-5212345')).toBe('073*-***2345');
    expect(maskPhone(null)).toBeNull();
    expect(maskIdNumber('430699198001011234')).toBe('430699********1234');
    expect(maskIdNumber('12345')).toBe('*****');
    expect(keepIfMasked('138****1234', '13812341234', 'phone', '电话')).toBe('13812341234');
    expect(keepIfMasked('13900000000', '13812341234', 'phone', '电话')).toBe('13900000000');
    expect(() => keepIfMasked('139****1234', '13812341234', 'phone', '电话')).toThrow('电话不完整');
  });
});

describe('enterprise contacts', () => {
  it('shows the phone masked in the list and the detail to every role, the changes history included', async () => {
    for (const who of ['staff', 'leader', 'town_baitang', 'officer']) {
      const list = (await get(who, `/api/enterprises?q=${encodeURIComponent(baitangEnt.name)}`)).json();
      const row = list.items.find((e: { id: string }) => e.id === baitangEnt.id);
      expect(row.principalPhone, who).toBe(maskPhone(baitangEnt.phone));
      expect(row.principalPhone).toMatch(MASKED_MOBILE);
      const detail = (await get(who, `/api/enterprises/${baitangEnt.id}`)).json();
      expect(detail.principalPhone, who).toBe(maskPhone(baitangEnt.phone));
    }
    const body = (await get('staff', `/api/enterprises?pageSize=200`)).body;
    expect(body).not.toContain(baitangEnt.phone);
  });

  it('exports phones in full to a role that may see them (audited), masked to one that may not', async () => {
    const sheet = async (who: string) => {
      const r = await get(who, `/api/enterprises/export?q=${encodeURIComponent(baitangEnt.name)}`);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      return JSON.stringify(wb.worksheets[0].getSheetValues());
    };
    const full = await sheet('town_baitang');
    expect(full).toContain(baitangEnt.phone);
    const [rec] = await t.p.db.query<{ after: { fullPersonalData?: string[] } }>(sql`select after from audit_log where action = 'enterprise.export' order by seq desc limit 1`);
    expect(rec.after.fullPersonalData).toContain('principalPhone');
    const masked = await sheet('officer');
    expect(masked).not.toContain(baitangEnt.phone);
    expect(masked).toContain(maskPhone(baitangEnt.phone));
  });

  it('reveals one phone to a role holding personal:phone within its scope, and audits every reveal', async () => {
    const before = await reveals(baitangEnt.id);
    const r = await reveal('town_baitang', { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ value: baitangEnt.phone, kind: 'phone' });
    await reveal('staff', { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' });
    expect(await reveals(baitangEnt.id)).toBe(before + 2);
    const [rec] = await t.p.db.query<{ actor_name: string; after: { what: string; field: string; masked: string } }>(sql`select actor_name, after from audit_log
      where action = 'personal.reveal' and entity_id = ${baitangEnt.id} order by seq desc limit 1`);
    expect(rec.after).toMatchObject({ field: 'principalPhone', masked: maskPhone(baitangEnt.phone) });
    expect(rec.after.what).toContain('查看敏感信息');
    expect(JSON.stringify(rec)).not.toContain(baitangEnt.phone);
  });

  it('refuses a reveal without the permission (403), outside the scope (404) or of an unknown field (400), unaudited', async () => {
    const before = await reveals(baitangEnt.id);
    const officer = await reveal('officer', { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' });
    expect(officer.statusCode).toBe(403);
    expect(officer.json().error.message).toContain('不能查看完整电话号码');
    const dept = await reveal('informant_demo', { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' });
    expect(dept.statusCode).toBe(403);
    expect(dept.json().error.message).toBe('您没有查看企业的权限');
    const other = await reveal('town_luojiang', { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('企业不存在或无权访问');
    const field = await reveal('staff', { entity: 'enterprise', id: baitangEnt.id, field: 'name' });
    expect(field.statusCode).toBe(400);
    expect(field.json().error.message).toContain('不支持查看该字段');
    expect((await reveal('staff', { entity: 'nothing', id: baitangEnt.id, field: 'phone' })).statusCode).toBe(400);
    expect(await reveals(baitangEnt.id)).toBe(before);
    expect((await reveal('town_luojiang', { entity: 'enterprise', id: luojiangEnt.id, field: 'principalPhone' })).statusCode).toBe(200);
  });

  it('bounds the reveals of one account per minute (429 with the wait in Chinese, the attempt audited); others go on', async () => {
    const limited = await buildTestApp({ revealRateLimitPerMinute: 3 });
    try {
      const [town, staff] = [await limited.login('town_baitang'), await limited.login('staff')];
      const ask = (c: string) => limited.as(c, { method: 'POST', url: '/api/personal/reveal', payload: { entity: 'enterprise', id: baitangEnt.id, field: 'principalPhone' } });
      for (let i = 0; i < 3; i++) expect((await ask(town)).statusCode).toBe(200);
      const over = await ask(town);
      expect(over.statusCode).toBe(429);
      expect(over.json().error.message).toMatch(/^查看完整号码过于频繁：每个账号每分钟最多 3 次，请 \d+ 秒后再试$/);
      expect((await ask(staff)).statusCode).toBe(200);
      const count = async (action: string) => (await limited.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = ${action}`)).n;
      expect(await count('personal.reveal')).toBe(4);
      await expect.poll(() => count('personal.reveal_limited')).toBe(1);
    } finally { await limited.close(); }
  });

  it('keeps the stored phone when the form sends the masked value back, and refuses a masked value typed by hand', async () => {
    const masked = maskPhone(baitangEnt.phone);
    const same = await t.as(cookies.town_baitang, { method: 'PATCH', url: `/api/enterprises/${baitangEnt.id}/contacts`, payload: { principalPhone: masked } });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json().principalPhone).toBe(masked);
    const stored = await t.p.db.one<{ principal_phone: string }>(sql`select principal_phone from enterprises where id = ${baitangEnt.id}`);
    expect(stored.principal_phone).toBe(baitangEnt.phone);
    const forged = await t.as(cookies.town_baitang, { method: 'PATCH', url: `/api/enterprises/${baitangEnt.id}/contacts`, payload: { principalPhone: '199****0000' } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.message).toContain('主要负责人电话不完整');
  });
});

describe('disaster information officers', () => {
  it('masks the roster phone, reveals it to the town (audited) and not to the village informant', async () => {
    const list = (await get('town_baitang', '/api/disaster/informants?pageSize=5')).json();
    const one = list.items[0];
    expect(one.phone).toMatch(MASKED_MOBILE);
    const plain = (await t.p.db.one<{ phone: string }>(sql`select phone from disaster_informants where id = ${one.id}`)).phone;
    const before = await reveals(one.id);
    const r = await reveal('town_baitang', { entity: 'disaster_informant', id: one.id, field: 'phone' });
    expect(r.json().value).toBe(plain);
    expect(await reveals(one.id)).toBe(before + 1);
    const v = await reveal('informant_demo', { entity: 'disaster_informant', id: one.id, field: 'phone' });
    expect(v.statusCode).toBe(403);
    const edit = await t.as(cookies.town_baitang, { method: 'PUT', url: `/api/disaster/informants/${one.id}`,
      payload: { name: one.name, phone: one.phone, regionCode: one.regionCode, role: one.role, unit: one.unit, position: one.position } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await t.p.db.one<{ phone: string }>(sql`select phone from disaster_informants where id = ${one.id}`)).phone).toBe(plain);
  });
});

describe('command resources and the flood roster', () => {
  it('masks a team leader\'s phone in the list and the detail; the rescue team reveals it (audited), an officer may not', async () => {
    const team = await t.p.db.one<{ id: string; leader_phone: string }>(sql`select id, leader_phone from resource_teams where leader_phone ~ '^1[3-9][0-9]{9}$' order by name limit 1`);
    const list = (await get('staff', '/api/command/resources/teams?pageSize=200')).json();
    expect(list.items.find((x: { id: string }) => x.id === team.id).leaderPhone).toBe(maskPhone(team.leader_phone));
    const detail = (await get('staff', `/api/command/resources/teams/${team.id}`)).json();
    expect(detail.leaderPhone).toBe(maskPhone(team.leader_phone));
    expect(detail.members.every((m: { phone: string | null }) => !m.phone || m.phone.includes('*'))).toBe(true);
    const before = await reveals(team.id);
    const r = await reveal('staff', { entity: 'resource_team', id: team.id, field: 'leaderPhone' });
    expect(r.json().value).toBe(team.leader_phone);
    expect(await reveals(team.id)).toBe(before + 1);
    const officer = await reveal('officer', { entity: 'resource_team', id: team.id, field: 'leaderPhone' });
    expect(officer.statusCode).toBe(403);
    expect(officer.json().error.message).toBe('您没有查看救援队伍的权限');
  });

  it('exports the flood responsible-person roster in full to the town (audited as personal.export) and masked to the village informant', async () => {
    // A facility in the village informant's own village, so both accounts export the same row.
    const f = await t.p.db.one<{ id: string; name: string; admin_phone: string }>(sql`select f.id, f.name, f.admin_phone from flood_facilities f
      join accounts a on a.username = 'informant_demo' where f.region_code = a.scope_region_code order by f.name limit 1`);
    const sheet = async (who: string) => {
      const r = await get(who, `/api/flood/facilities/roster.xlsx?q=${encodeURIComponent(f.name)}`);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      return JSON.stringify(wb.worksheets[0].getSheetValues());
    };
    const exports = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'personal.export' and entity_type = 'flood_facility'`)).n;
    const n = await exports();
    expect(await sheet('town_baitang')).toContain(f.admin_phone);
    expect(await exports()).toBe(n + 1);
    const masked = await sheet('informant_demo');
    expect(masked).toContain(f.name);
    expect(masked).not.toContain(f.admin_phone);
    expect(masked).toContain(maskPhone(f.admin_phone));
    expect(await exports()).toBe(n + 1);
    const list = (await get('informant_demo', `/api/flood/facilities?q=${encodeURIComponent(f.name)}`)).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((x: { adminPhone: string }) => x.adminPhone.includes('*'))).toBe(true);
  });
});

describe('incidents', () => {
  it('masks the reporter\'s phone in the detail and the timeline; the duty desk reveals it (audited); a masked one typed in is refused', async () => {
    const payload = { source: 'phone', reporterName: '王报告', reporterPhone: '13900007788', occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      address: '白塘镇枫树村', regionCode: '430699101000', kind: 'other', description: '测试接报：路面塌陷' };
    const made = await t.as(cookies.staff, { method: 'POST', url: '/api/command/incidents', payload });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id as string;
    const detail = await get('staff', `/api/command/incidents/${id}`);
    expect(detail.json().reporterPhone).toBe('139****7788');
    const timeline = (await get('staff', `/api/command/incidents/${id}/timeline`)).body;
    expect(timeline).toContain('139****7788');
    expect(timeline).not.toContain('13900007788');
    const before = await reveals(id);
    expect((await reveal('staff', { entity: 'incident', id, field: 'reporterPhone' })).json().value).toBe('13900007788');
    expect(await reveals(id)).toBe(before + 1);
    const forged = await t.as(cookies.staff, { method: 'POST', url: '/api/command/incidents', payload: { ...payload, reporterPhone: '139****7788' } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.message).toContain('报告人电话不完整');
  });
});
