// The alarm workflow (raised → acknowledged → disposed → closed, audited, in the trail), one open alarm per sensor
// and rule, escalation of unacknowledged alarms over simulated time, the offline check at its boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { checkOffline } from '../rules/offline.js';
import { at, get, makeDevice, post, sendReadings } from '../testing.js';
import { escalateAlarms } from './alarms.escalate.js';

let t: TestApp;
let staff: string;
const T0 = '2026-06-10T02:00:00.000Z';

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  staff = await t.login('staff');
});
afterAll(async () => { await t.close(); });

const alarmsOf = async (sensorId: string) => (await get(t, staff, `/api/monitoring/alarms?sensorId=${sensorId}`)).json().items;
const detail = async (id: string) => (await get(t, staff, `/api/monitoring/alarms/${id}`)).json();
const setNow = async (iso: string) => { t.now.value = new Date(iso); staff = await t.login('staff'); };

describe('the alarm workflow', () => {
  it('runs raised → acknowledged → disposed → closed, each move audited and in the trail', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -60), value: 8.4 }]);
    const [a] = await alarmsOf(sensors[0].id);
    expect(a).toMatchObject({ status: 'raised', level: 1, condition: 'high', allowedMoves: ['acknowledge'] });
    expect((await post(t, staff, `/api/monitoring/alarms/${a.id}/acknowledge`, { comment: '已通知现场' })).json().status).toBe('acknowledged');
    const disposed = await post(t, staff, `/api/monitoring/alarms/${a.id}/dispose`, { cause: '进料阀未及时关闭', measures: '关闭进料阀，倒罐', falseAlarm: false });
    expect(disposed.json()).toMatchObject({ status: 'disposed', cause: '进料阀未及时关闭', falseAlarm: false, allowedMoves: [] });
    const early = await post(t, staff, `/api/monitoring/alarms/${a.id}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/恢复正常后才能关闭/);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -30), value: 7.5 }]);
    expect((await detail(a.id)).allowedMoves).toEqual(['close']);
    expect((await post(t, staff, `/api/monitoring/alarms/${a.id}/close`, {})).json().status).toBe('closed');
    const d = await detail(a.id);
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['raise', 'acknowledge', 'dispose', 'clear', 'close']);
    const audit = await t.p.db.query<{ action: string }>(sql`select action from audit_log where entity_id = ${a.id} order by seq`);
    expect(audit.map((r) => r.action)).toEqual(['monitoring.alarm.raise', 'monitoring.alarm.acknowledge', 'monitoring.alarm.dispose', 'monitoring.alarm.clear', 'monitoring.alarm.close']);
  });

  it('refuses a move the state does not allow, naming the state', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -60), value: 9.1 }]);
    const [a] = await alarmsOf(sensors[0].id);
    const r = await post(t, staff, `/api/monitoring/alarms/${a.id}/dispose`, { cause: 'x', measures: 'y', falseAlarm: true });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('当前状态「待确认」不能执行「处置报警」');
    expect((await post(t, staff, `/api/monitoring/alarms/${a.id}/dispose`, {})).statusCode).toBe(400);
  });

  it('closes a false alarm while the value is still high', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -60), value: 8.6 }]);
    const [a] = await alarmsOf(sensors[0].id);
    await post(t, staff, `/api/monitoring/alarms/${a.id}/acknowledge`, {});
    await post(t, staff, `/api/monitoring/alarms/${a.id}/dispose`, { cause: '探头进水', measures: '更换探头', falseAlarm: true });
    expect((await post(t, staff, `/api/monitoring/alarms/${a.id}/close`, {})).json().status).toBe('closed');
  });
});

describe('one open alarm per sensor and rule', () => {
  it('marks a recurrence on the open alarm, and a new exceedance after closing is a new alarm', async () => {
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [8.5, 7.0, 8.7, 9.2].map((value, i) => ({ sensor: 'S1', ts: at(T0, -100 + i * 10), value })));
    const open = await alarmsOf(sensors[0].id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ level: 2, condition: 'high_high', clearedAt: null });
    expect((await detail(open[0].id)).events.map((e: { action: string }) => e.action)).toEqual(['raise', 'clear', 'recur', 'upgrade']);
    await post(t, staff, `/api/monitoring/alarms/${open[0].id}/acknowledge`, {});
    await post(t, staff, `/api/monitoring/alarms/${open[0].id}/dispose`, { cause: '液位超高', measures: '停止进料', falseAlarm: false });
    await post(t, staff, `/api/monitoring/alarms/${open[0].id}/close`, {});
    expect((await alarmsOf(sensors[0].id))[0].status).toBe('disposed'); // still high: not closed
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -50), value: 6 }]);
    await post(t, staff, `/api/monitoring/alarms/${open[0].id}/close`, {});
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -40), value: 8.1 }]);
    const all = await alarmsOf(sensors[0].id);
    expect(all.map((a: { status: string }) => a.status).sort()).toEqual(['closed', 'raised']);
  });
});

describe('escalation of unacknowledged alarms', () => {
  it('goes to the duty staff, then the leaders, one step per time limit, and stops when acknowledged', async () => {
    await setNow(T0);
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -5), value: 9.3 }]); // level 2: 10 minutes
    const [a] = await alarmsOf(sensors[0].id);
    const stepAt = async (sec: number) => { t.now.value = new Date(at(T0, sec)); await escalateAlarms(t.p); return (await detail(a.id)).escalationStep; };
    expect(await stepAt(599)).toBe(0);
    expect(await stepAt(600)).toBe(1);
    expect(await stepAt(1199)).toBe(1);
    expect(await stepAt(1200)).toBe(2);
    await setNow(at(T0, 3600));
    await escalateAlarms(t.p);
    const d = await detail(a.id);
    expect(d.escalationStep).toBe(2);
    expect(d.events.filter((e: { action: string }) => e.action === 'escalate').map((e: { comment: string }) => e.comment)).toEqual([
      expect.stringMatching(/第 1 级：staff/), expect.stringMatching(/第 2 级：leader/)]);
    const leader = await t.p.db.one<{ n: number }>(sql`select count(*)::int as n from notifications n join accounts a on a.id = n.account_id
      where a.username = 'leader' and n.link = ${`/monitoring/alarms/${a.id}`} and n.ack_required`);
    expect(leader.n).toBeGreaterThan(0);
  });

  it('leaves an acknowledged alarm alone', async () => {
    await setNow(T0);
    const { sensors, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -5), value: 9.3 }]);
    const [a] = await alarmsOf(sensors[0].id);
    await post(t, staff, `/api/monitoring/alarms/${a.id}/acknowledge`, {});
    await setNow(at(T0, 7200));
    await escalateAlarms(t.p);
    expect((await detail(a.id)).escalationStep).toBe(0);
  });
});

describe('device offline', () => {
  it('raises at exactly two reporting intervals of silence, once, and clears when data comes back', async () => {
    await setNow(T0);
    const { device, key } = await makeDevice(t, staff, { sensors: [{ expectedIntervalSec: 60 }, { code: 'S2', expectedIntervalSec: 300 }] });
    await sendReadings(t, key, [{ sensor: 'S1', ts: T0, value: 5 }]);
    const offline = async () => (await get(t, staff, `/api/monitoring/alarms?deviceId=${device.id}&rule=offline`)).json().items;
    t.now.value = new Date(at(T0, 119.999));
    await checkOffline(t.p);
    expect(await offline()).toHaveLength(0);
    t.now.value = new Date(at(T0, 120));
    await checkOffline(t.p);
    await checkOffline(t.p);
    const [a] = await offline();
    expect(a).toMatchObject({ rule: 'offline', sensorId: null, status: 'raised', clearedAt: null });
    expect(a.message).toMatch(/超过 2 分钟未收到数据/);
    const sensorsNow = (await get(t, staff, `/api/monitoring/sensors?deviceId=${device.id}`)).json().items;
    expect(sensorsNow.find((s: { code: string }) => s.code === 'S1').state).toBe('offline');
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, 125), value: 5 }]);
    t.now.value = new Date(at(T0, 130));
    await checkOffline(t.p);
    expect((await offline())[0].clearedAt).not.toBeNull();
  });

  it('does not raise anew for a device silent longer than the look-back (72 hours)', async () => {
    await setNow(T0);
    const { device, key } = await makeDevice(t, staff);
    await sendReadings(t, key, [{ sensor: 'S1', ts: at(T0, -73 * 3600), value: 5 }]);
    await checkOffline(t.p);
    expect((await get(t, staff, `/api/monitoring/alarms?deviceId=${device.id}&rule=offline`)).json().total).toBe(0);
  });
});
