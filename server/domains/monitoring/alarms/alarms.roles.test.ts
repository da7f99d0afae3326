// Who handles an alarm (decision 0004): the enterprise acknowledges and disposes of its own enterprise's alarms, a
// town those in its region — each only inside its scope — and neither can change the registry or issue warnings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../../testing/app.js';
import { at, get, makeDevice, post, sendReadings } from '../testing.js';

let t: TestApp;
let staff: string; let ent: string; let town: string;
const T0 = '2026-06-10T02:00:00.000Z';
const BAITANG = '430699101000';
const LUOJIANG = '430699102000';
let entId: string;

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  [staff, ent, town] = [await t.login('staff'), await t.login('ent_demo'), await t.login('town_baitang')];
  entId = (await get(t, ent, '/api/auth/me')).json().scope.enterpriseId;
});
afterAll(async () => { await t.close(); });

/** A sensor at `at` that is raised to a high-high alarm; returns the alarm's id and the device. */
async function alarmAt(place: object) {
  const made = await makeDevice(t, staff, { at: place });
  const r = await sendReadings(t, made.key, [{ sensor: 'S1', ts: at(T0, -30), value: 9.5 }]);
  expect(r.json().accepted).toBe(1);
  const items = (await get(t, staff, `/api/monitoring/alarms?sensorId=${made.sensors[0].id}`)).json().items;
  expect(items).toHaveLength(1);
  return { alarmId: items[0].id as string, ...made };
}

const otherEnterprise = async () => (await t.p.db.one<{ id: string }>(sql`select id from enterprises where id <> ${entId} order by id limit 1`)).id;

describe('the enterprise handles its own alarms', () => {
  it('acknowledges and disposes of an alarm of its enterprise, audited under its name', async () => {
    const { alarmId } = await alarmAt({ enterpriseId: entId });
    const ack = await post(t, ent, `/api/monitoring/alarms/${alarmId}/acknowledge`, { comment: '中控室已知悉' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().status).toBe('acknowledged');
    const disp = await post(t, ent, `/api/monitoring/alarms/${alarmId}/dispose`, { cause: '液位计故障', measures: '更换液位计', falseAlarm: true });
    expect(disp.json()).toMatchObject({ status: 'disposed', falseAlarm: true });
    const audit = await t.p.db.query<{ action: string; actor_name: string }>(sql`select action, actor_name from audit_log where entity_id = ${alarmId} and action like 'monitoring.alarm.%' order by seq`);
    const me = (await get(t, ent, '/api/auth/me')).json();
    expect(audit.filter((a) => a.actor_name === me.displayName).map((a) => a.action)).toEqual(['monitoring.alarm.acknowledge', 'monitoring.alarm.dispose']);
  });

  it('cannot see or handle another enterprise\'s alarm (404)', async () => {
    const { alarmId } = await alarmAt({ enterpriseId: await otherEnterprise() });
    expect((await get(t, ent, `/api/monitoring/alarms/${alarmId}`)).statusCode).toBe(404);
    expect((await post(t, ent, `/api/monitoring/alarms/${alarmId}/acknowledge`, {})).statusCode).toBe(404);
    expect((await get(t, staff, `/api/monitoring/alarms/${alarmId}`)).json().status).toBe('raised');
  });
});

describe('the town handles alarms in its region', () => {
  it('acknowledges an alarm in its town and not one in another town', async () => {
    const mine = await alarmAt({ placeName: '白塘镇山塘', regionCode: BAITANG });
    const theirs = await alarmAt({ placeName: '罗江水位站', regionCode: LUOJIANG });
    expect((await post(t, town, `/api/monitoring/alarms/${mine.alarmId}/acknowledge`, {})).json().status).toBe('acknowledged');
    expect((await post(t, town, `/api/monitoring/alarms/${theirs.alarmId}/acknowledge`, {})).statusCode).toBe(404);
    expect((await get(t, staff, `/api/monitoring/alarms/${theirs.alarmId}`)).json().status).toBe('raised');
  });
});

describe('without editing the registry or the warnings', () => {
  it('answers 403 to the enterprise and the town on every registry and warning write, leaving the data as it was', async () => {
    const { device, sensors, alarmId } = await alarmAt({ enterpriseId: entId });
    const writes: [string, string, object][] = [
      ['POST', '/api/monitoring/facilities', { name: '私建水库', kind: 'reservoir', regionCode: BAITANG }],
      ['POST', '/api/monitoring/devices', { code: 'ENT-OWN-1', name: '自建设备', enterpriseId: entId }],
      ['PATCH', `/api/monitoring/devices/${device.id}`, { status: 'disabled' }],
      ['POST', '/api/monitoring/sensors', { deviceId: device.id, code: 'X1', name: 'x', type: 'level', unit: 'm', expectedIntervalSec: 60 }],
      ['PATCH', `/api/monitoring/sensors/${sensors[0].id}`, { highHigh: 99 }],
      ['POST', `/api/monitoring/devices/${device.id}/key`, {}],
      ['POST', `/api/monitoring/devices/${device.id}/key/revoke`, {}],
      ['POST', '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'red', headline: 'x', description: 'x', guidance: 'x', regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 3600) }],
    ];
    for (const cookie of [ent, town]) {
      for (const [method, url, payload] of writes) {
        const r = await t.as(cookie, { method: method as 'POST', url, payload });
        expect(r.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    expect((await get(t, staff, `/api/monitoring/sensors/${sensors[0].id}`)).json()).toMatchObject({ highHigh: 9 });
    expect((await get(t, staff, `/api/monitoring/devices/${device.id}`)).json()).toMatchObject({ status: 'active', hasKey: true });
    // Reading stays allowed, and the alarm is theirs to handle.
    expect((await get(t, ent, `/api/monitoring/alarms/${alarmId}`)).statusCode).toBe(200);
  });
});
