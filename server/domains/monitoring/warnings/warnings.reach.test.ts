// Who a warning reaches and the bureau's hand on the 叫应: audience "everyone" reaches every account whose scope lies
// inside the covered regions (enterprises located there included), the default only the responsible people; 再次叫应
// re-sends at once to those who have not confirmed, through the outbox, audited; facilities' 防汛责任人 get an SMS; a CAP
// file is previewed before saving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, get, post, regionAccount } from '../testing.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';
const BAITANG = '430699101000';
const LUOJIANG = '430699102000';
let baitangEnterpriseAccount: string; let luojiangEnterpriseAccount: string; let villageStaff: string;

/** An enterprise account for an enterprise of the given town (demo password hash copied). */
async function enterpriseAccount(townCode: string) {
  const id = uuidv7();
  await t.p.db.execute(sql`insert into accounts (id, username, display_name, roles, scope_kind, scope_enterprise_id, password_hash, must_change_password, is_demo)
    select ${id}, ${`ent_${townCode}_${id.slice(-6)}`}, '测试企业用户', array['enterprise'], 'enterprise',
      (select id from enterprises where region_code like ${townCode.slice(0, 9) + '%'} order by id limit 1), password_hash, false, true from accounts where username = 'staff'`);
  return id;
}

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  staff = await t.login('staff');
  baitangEnterpriseAccount = await enterpriseAccount(BAITANG);
  luojiangEnterpriseAccount = await enterpriseAccount(LUOJIANG);
  villageStaff = (await regionAccount(t, 'staff', '430699101201')).id;
});
afterAll(async () => { await t.close(); });

const issue = async (extra: object = {}) => {
  const r = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'orange', headline: '白塘镇暴雨橙色预警',
    description: '预计未来 6 小时降雨量将达 100 毫米以上', guidance: '转移山洪危险区群众', regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 12 * 3600), ...extra });
  expect(r.statusCode, r.body).toBe(200);
  const issued = await post(t, staff, `/api/monitoring/warnings/${r.json().id}/issue`);
  expect(issued.statusCode, issued.body).toBe(200);
  return issued.json();
};
const recipientIdsOf = async (id: string) =>
  ((await get(t, staff, `/api/monitoring/warnings/${id}`)).json().recipientList as { accountId: string; regionCode: string }[]);
const idOf = async (username: string) => (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = ${username}`)).id;

describe('who a warning reaches', () => {
  it('by default reaches the responsible people only: no enterprise, no other region account', async () => {
    const w = await issue();
    expect(w.audience).toBe('responsible');
    const ids = (await recipientIdsOf(w.id)).map((r) => r.accountId);
    expect(ids).toEqual(expect.arrayContaining([await idOf('town_baitang'), await idOf('informant_demo')]));
    expect(ids).not.toContain(baitangEnterpriseAccount);
    expect(ids).not.toContain(villageStaff);
  });

  it('with audience "everyone" also reaches every account inside the regions, enterprises there included, and none outside', async () => {
    const w = await issue({ audience: 'everyone', headline: '白塘镇全体暴雨预警' });
    expect(w.audience).toBe('everyone');
    const list = await recipientIdsOf(w.id);
    const ids = list.map((r) => r.accountId);
    expect(ids).toEqual(expect.arrayContaining([await idOf('town_baitang'), await idOf('informant_demo'), baitangEnterpriseAccount, villageStaff]));
    expect(ids).not.toContain(luojiangEnterpriseAccount);
    expect(ids).not.toContain(await idOf('town_luojiang'));
    // Each is listed under their own place: the village account under its village, the enterprise under its town.
    expect(list.find((r) => r.accountId === villageStaff)?.regionCode).toBe('430699101201');
    expect(list.find((r) => r.accountId === baitangEnterpriseAccount)?.regionCode.startsWith('430699101')).toBe(true);
    // The enterprise sees the warning and confirms it.
    const notes = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where account_id = ${baitangEnterpriseAccount} and link = ${`/monitoring/warnings/${w.id}`}`);
    expect(notes.n).toBeGreaterThanOrEqual(1);
  });

  it('texts the 防汛责任人 of the facilities inside the regions (no account: SMS only), not those outside', async () => {
    const facility = async (name: string, regionCode: string, phone: string) => {
      const r = await post(t, staff, '/api/monitoring/facilities', { name, kind: 'reservoir', regionCode, characteristics: { 汛限水位: 45 },
        responsible: [{ role: '巡查责任人', name: '测试巡查员', phone }] });
      expect(r.statusCode, r.body).toBe(200);
    };
    await facility('测试山塘', '430699101202', '13912340001');
    await facility('罗江测试水库', '430699102201', '13912340002');
    const w = await issue({ headline: '防汛责任人短信测试' });
    const sms = await t.p.db.query<{ address: string; account_id: string | null; ack_required: boolean }>(sql`select address, account_id, ack_required from notifications
      where link = ${`/monitoring/warnings/${w.id}`} and channel = 'sms' and account_id is null`);
    expect(sms.map((s) => s.address)).toContain('13912340001');
    expect(sms.map((s) => s.address)).not.toContain('13912340002');
    expect(sms.every((s) => !s.ack_required)).toBe(true);
  });

  it('refuses an unknown audience with a message', async () => {
    const r = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'orange', headline: 'x', description: 'x', guidance: 'x',
      regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 3600), audience: 'all' });
    expect(r.statusCode).toBe(400);
  });
});

describe('再次叫应 (manual re-send)', () => {
  it('re-sends at once to those who have not confirmed, through the outbox, audited, counting the send', async () => {
    const w = await issue({ headline: '再次叫应测试' });
    const town = await t.login('town_baitang');
    expect((await post(t, town, `/api/monitoring/warnings/${w.id}/confirm`)).statusCode).toBe(200);
    const before = await recipientIdsOf(w.id) as unknown as { accountId: string; sends: number; confirmedAt: string | null }[];
    const pending = before.filter((r) => !r.confirmedAt).map((r) => r.accountId);
    expect(pending.length).toBeGreaterThan(0);
    t.now.value = new Date(at(T0, 120));
    staff = await t.login('staff');
    const r = await post(t, staff, `/api/monitoring/warnings/${w.id}/resend`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().recipients).toBe(pending.length);
    const notes = await t.p.db.query<{ account_id: string }>(sql`select account_id from notifications where link = ${`/monitoring/warnings/${w.id}`} and title like '【再次提醒】%'`);
    expect(r.json().notifications).toBe(notes.length);
    expect(new Set(notes.map((n) => n.account_id))).toEqual(new Set(pending));
    const after = await recipientIdsOf(w.id) as unknown as { accountId: string; sends: number }[];
    expect(after.find((x) => x.accountId === pending[0])?.sends).toBe(2);
    expect(after.find((x) => x.accountId === (before.find((b) => b.confirmedAt)!.accountId))?.sends).toBe(1);
    const audit = await t.p.db.one<{ after: { manual: boolean; accounts: string[] } }>(sql`select after from audit_log where entity_id = ${w.id} and action = 'monitoring.warning.resend'`);
    expect(audit.after).toMatchObject({ manual: true });
    expect(audit.after.accounts.sort()).toEqual([...pending].sort());
  });

  it('counts a confirmation given in the inbox before re-sending, and says so when everyone has confirmed', async () => {
    const w = await issue({ headline: '全部确认测试', regionCodes: ['430699101201'] });
    const list = await recipientIdsOf(w.id);
    for (const r of list) {
      await t.p.db.execute(sql`update notifications set acked_at = ${at(T0, 60)} where account_id = ${r.accountId} and link = ${`/monitoring/warnings/${w.id}`}`);
    }
    const r = await post(t, staff, `/api/monitoring/warnings/${w.id}/resend`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/都已确认收到，无需再次叫应/);
  });

  it('refuses a draft and a cancelled warning, and the town and the enterprise (403)', async () => {
    const d = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'blue', headline: '草稿', description: 'x', guidance: 'x',
      regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 3600) });
    expect((await post(t, staff, `/api/monitoring/warnings/${d.json().id}/resend`)).json().error.message).toMatch(/尚未发布/);
    const w = await issue({ headline: '解除后叫应' });
    expect((await post(t, await t.login('town_baitang'), `/api/monitoring/warnings/${w.id}/resend`)).statusCode).toBe(403);
    expect((await post(t, await t.login('ent_demo'), `/api/monitoring/warnings/${w.id}/resend`)).statusCode).toBe(403);
    await post(t, staff, `/api/monitoring/warnings/${w.id}/cancel`);
    expect((await post(t, staff, `/api/monitoring/warnings/${w.id}/resend`)).json().error.message).toMatch(/已解除/);
  });
});

describe('CAP 1.2 preview', () => {
  it('shows what a CAP file would become without saving it, and that it was imported once saved', async () => {
    const src = await issue({ headline: 'CAP 预览测试', regionCodes: [LUOJIANG] });
    const xml = (await get(t, staff, `/api/monitoring/warnings/${src.id}/cap`)).body.replaceAll('yingji-430699', 'qxj-430699')
      .replace('<value>430699102000</value>', '<value>430699102000</value></geocode><geocode><valueName>GB/T 2260</valueName><value>110101000000</value>');
    const count = async () => (await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from early_warnings`)).n;
    const n0 = await count();
    const p = await post(t, staff, '/api/monitoring/warnings/import/preview', { xml });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json()).toMatchObject({ msgType: 'Alert', sender: 'qxj-430699', alreadyImported: false, cancels: null, regionNames: ['罗江镇'], unknownRegions: ['110101000000'],
      warning: { headline: 'CAP 预览测试', colour: 'orange', regionCodes: ['430699102000', '110101000000'] } });
    expect(await count()).toBe(n0);
    expect((await post(t, staff, '/api/monitoring/warnings/import', { xml })).statusCode).toBe(200);
    expect((await post(t, staff, '/api/monitoring/warnings/import/preview', { xml })).json().alreadyImported).toBe(true);
    const bad = await post(t, staff, '/api/monitoring/warnings/import/preview', { xml: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/缺少必填元素 identifier/);
  });
});
