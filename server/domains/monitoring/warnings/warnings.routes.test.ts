// 预警信息 end to end: draft → issue to the responsible people of the covered regions → confirmations (here and in the
// inbox) → re-sends and escalation of those who did not answer, over simulated time; CAP 1.2 export and import; scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, get, post, regionAccount } from '../testing.js';
import { parseXml } from './xml.js';
import { capProblems } from './cap.schema.js';
import { runWarningCallback } from './warnings.callback.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';
const T1 = '2026-06-11T02:00:00.000Z';
const BAITANG = '430699101000';
const LUOJIANG = '430699102000';

async function setNow(iso: string) { t.now.value = new Date(iso); staff = await t.login('staff'); }

beforeAll(async () => { t = await buildTestApp(); await setNow(T0); });
afterAll(async () => { await t.close(); });

const draft = async (extra: object = {}) => {
  const r = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'orange', headline: '白塘镇暴雨橙色预警',
    description: '预计未来 6 小时降雨量将达 100 毫米以上', guidance: '转移山洪危险区群众', regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 12 * 3600), ...extra });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const recipients = async (id: string) => (await get(t, staff, `/api/monitoring/warnings/${id}`)).json().recipientList as { accountId: string; name: string; sends: number; confirmedAt: string | null; escalatedAt: string | null }[];
const accountId = async (username: string) => (await t.p.db.one<{ id: string }>(sql`select id from accounts where username = ${username}`)).id;

describe('issuing a warning', () => {
  it('numbers it and sends it to the town station and the village 灾害信息员 of the covered town, not to other towns', async () => {
    const w = await draft();
    expect(w).toMatchObject({ status: 'draft', number: null, regionNames: ['白塘镇'] });
    const issued = (await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`)).json();
    expect(issued).toMatchObject({ status: 'issued', number: expect.stringMatching(/^YJ-2026-\d{6}$/), capIdentifier: expect.stringMatching(/^yingji-430699-YJ-2026-/) });
    const list = await recipients(w.id);
    const ids = list.map((r) => r.accountId);
    expect(ids).toContain(await accountId('town_baitang'));
    expect(ids).toContain(await accountId('informant_demo'));
    expect(ids).not.toContain(await accountId('town_luojiang'));
    const n = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications where link = ${`/monitoring/warnings/${w.id}`} and ack_required`);
    expect(n.n).toBeGreaterThanOrEqual(ids.length);
    expect((await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`)).statusCode).toBe(409);
  });

  it('refuses a period that ends before it starts or has already passed, and unknown regions', async () => {
    const bad = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'red', headline: 'x', description: 'x', guidance: 'x',
      regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, -60) });
    expect(bad.json().error.message).toMatch(/失效时间须晚于生效时间/);
    const unknown = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'red', headline: 'x', description: 'x', guidance: 'x',
      regionCodes: ['430699999000'], effectiveAt: T0, expiresAt: at(T0, 3600) });
    expect(unknown.json().error.message).toMatch(/区划代码不存在：430699999000/);
  });
});

describe('叫应: confirmations, re-sends and escalation over time', () => {
  it('tracks who confirmed, re-sends to the others every 10 minutes, and tells their superiors after 30', async () => {
    await setNow(T1); // a day on: the other tests' warnings have expired
    const silent = await regionAccount(t, 'informant', '430699101201'); // a village 灾害信息员 who never answers
    const w = await draft({ effectiveAt: T1, expiresAt: at(T1, 12 * 3600) });
    await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`);
    const town = await t.login('town_baitang');
    const informant = await t.login('informant_demo');
    const informantId = await accountId('informant_demo');
    // The town confirms on the warning; the informant (no monitoring rights) through the inbox.
    expect((await post(t, town, `/api/monitoring/warnings/${w.id}/confirm`)).json().confirmedAt).toBe(T1);
    const others = (await recipients(w.id)).filter((r) => !r.confirmedAt);
    t.now.value = new Date(at(T1, 599));
    expect((await runWarningCallback(t.p)).resent).toBe(0);
    t.now.value = new Date(at(T1, 600));
    const first = await runWarningCallback(t.p);
    expect(first.resent).toBe(others.length);
    await t.p.notify.deliverPending();
    const inbox = (await get(t, informant, '/api/inbox?pageSize=50')).json().items.filter((i: { link: string }) => i.link === `/monitoring/warnings/${w.id}`);
    expect(inbox.length).toBeGreaterThan(0);
    expect((await post(t, informant, `/api/inbox/${inbox[0].id}/ack`)).statusCode).toBe(204);
    t.now.value = new Date(at(T1, 1200));
    const second = await runWarningCallback(t.p);
    expect(second.confirmedInInbox).toBeGreaterThanOrEqual(1);
    expect(second.resent).toBe(others.length - 1);
    await setNow(at(T1, 1800));
    const third = await runWarningCallback(t.p);
    expect(third.escalated).toBe(others.length - 1);
    const list = await recipients(w.id);
    expect(list.find((r) => r.accountId === informantId)?.confirmedAt).toBeTruthy();
    expect(list.filter((r) => r.confirmedAt).length).toBe(2);
    expect(list.filter((r) => r.escalatedAt).length).toBe(others.length - 1);
    const escalation = await t.p.db.query<{ body: string; username: string }>(sql`select n.body, a.username from notifications n join accounts a on a.id = n.account_id
      where n.link = ${`/monitoring/warnings/${w.id}`} and n.title like '预警未确认%'`);
    expect(escalation.map((e) => e.username)).toContain('staff');
    expect(escalation.map((e) => e.username)).toContain('town_baitang'); // the town station over the silent village
    // Named, whoever else of the demo county's accounts is silent too.
    expect(escalation[0].body).toMatch(/^30 分钟内仍未确认收到「白塘镇暴雨橙色预警」的有：.*测试informant/);
    expect(list.find((r) => r.accountId === silent.id)?.escalatedAt).toBeTruthy();
    // Bounded re-sends: 3 more after the first send, then silence.
    for (const sec of [2400, 3000, 3600, 4200]) { await setNow(at(T1, sec)); await runWarningCallback(t.p); }
    expect(Math.max(...(await recipients(w.id)).map((r) => r.sends))).toBe(4);
  });

  it('lets only a recipient confirm', async () => {
    await setNow(T0);
    const w = await draft();
    await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`);
    expect((await post(t, await t.login('town_luojiang'), `/api/monitoring/warnings/${w.id}/confirm`)).statusCode).toBe(404);
  });
});

describe('CAP 1.2', () => {
  it('exports an issued warning as valid CAP, and a cancelled one as a Cancel', async () => {
    await setNow(T0);
    const w = await draft({ regionCodes: [BAITANG, LUOJIANG] });
    expect((await get(t, staff, `/api/monitoring/warnings/${w.id}/cap`)).statusCode).toBe(409);
    await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`);
    const r = await get(t, staff, `/api/monitoring/warnings/${w.id}/cap`);
    expect(r.headers['content-type']).toMatch(/application\/cap\+xml/);
    expect(capProblems(parseXml(r.body))).toEqual([]);
    expect(r.body).toContain('<geocode>');
    await post(t, staff, `/api/monitoring/warnings/${w.id}/cancel`);
    const c = await get(t, staff, `/api/monitoring/warnings/${w.id}/cap`);
    expect(capProblems(parseXml(c.body))).toEqual([]);
    expect(c.body).toContain('<msgType>Cancel</msgType>');
  });

  it('imports CAP (JSON or XML body), refuses it twice, issues on request, and a Cancel cancels it', async () => {
    await setNow(T0);
    const src = await draft({ headline: '导入测试', regionCodes: [LUOJIANG] });
    await post(t, staff, `/api/monitoring/warnings/${src.id}/issue`);
    const xml = (await get(t, staff, `/api/monitoring/warnings/${src.id}/cap`)).body.replaceAll('yingji-430699', 'qxj-430699');
    const imported = await t.as(staff, { method: 'POST', url: '/api/monitoring/warnings/import?issue=true', payload: xml, headers: { 'content-type': 'application/cap+xml' } });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ source: 'imported', status: 'issued', colour: 'orange', regionCodes: [LUOJIANG], headline: '导入测试' });
    expect((await post(t, staff, '/api/monitoring/warnings/import', { xml })).statusCode).toBe(409);
    const cancel = xml.replace('<msgType>Alert</msgType>', '<msgType>Cancel</msgType>')
      .replace('<scope>Public</scope>', `<scope>Public</scope>\n  <references>qxj-430699,${imported.json().capIdentifier},2026-06-10T10:00:00+08:00</references>`)
      .replace(/<identifier>[^<]+<\/identifier>/, '<identifier>qxj-cancel-1</identifier>');
    const cancelled = await post(t, staff, '/api/monitoring/warnings/import', { xml: cancel });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ id: imported.json().id, status: 'cancelled' });
  });

  it('refuses a document that is not CAP 1.2, listing what is wrong', async () => {
    const r = await post(t, staff, '/api/monitoring/warnings/import', { xml: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><sender>s</sender></alert>' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/不是有效的 CAP 1.2 预警：.*缺少必填元素 identifier/);
    expect((await post(t, staff, '/api/monitoring/warnings/import', { xml: '<alert' })).json().error.message).toMatch(/XML 格式错误/);
  });
});

describe('scope', () => {
  it('shows a town the warnings that touch it, and an enterprise those covering its place', async () => {
    await setNow(T0);
    const w = await draft({ headline: '罗江镇专属预警', regionCodes: [LUOJIANG] });
    await post(t, staff, `/api/monitoring/warnings/${w.id}/issue`);
    const baitang = await t.login('town_baitang');
    const luojiang = await t.login('town_luojiang');
    expect((await get(t, baitang, `/api/monitoring/warnings/${w.id}`)).statusCode).toBe(404);
    expect((await get(t, luojiang, `/api/monitoring/warnings/${w.id}`)).statusCode).toBe(200);
    const heads = (await get(t, baitang, '/api/monitoring/warnings?pageSize=200')).json().items.map((x: { headline: string }) => x.headline);
    expect(heads).not.toContain('罗江镇专属预警');
    const ent = await t.login('ent_demo');
    expect((await get(t, ent, '/api/monitoring/warnings?pageSize=200')).statusCode).toBe(200);
  });
});
