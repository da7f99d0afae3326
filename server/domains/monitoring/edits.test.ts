// Editing a monitoring device (name, model, place, status) and a warning draft (wording, colour, regions, period)
// (issue #11's audit walk): each change is seen through the API afterwards and leaves its audit record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../platform/db/sql.js';
import { buildTestApp, type TestApp } from '../../testing/app.js';
import { at, get, post, uniqueCode } from './testing.js';

let t: TestApp; let staff: string; let officer: string;
const T0 = '2026-06-10T02:00:00.000Z';
const BAITANG = '430699101000';
const LUOJIANG = '430699102000';
const patch = (cookie: string, url: string, payload: object) => t.as(cookie, { method: 'PATCH', url, payload });
const auditOf = (action: string, entityId: string) => t.p.db.query<{ before: any; after: any }>(
  sql`select before, after from audit_log where action = ${action} and entity_id = ${entityId} order by seq`);

beforeAll(async () => {
  t = await buildTestApp();
  t.now.value = new Date(T0);
  [staff, officer] = await Promise.all(['staff', 'officer'].map((u) => t.login(u)));
});
afterAll(async () => { await t.close(); });

describe('editing the monitoring registry and warnings', () => {
  it('the bureau renames a device, moves it on the map and puts it under maintenance', async () => {
    const d = await post(t, staff, '/api/monitoring/devices', { code: uniqueCode('EDIT'), name: '山塘水位计', placeName: '白塘镇山塘', regionCode: BAITANG, lng: 113.1, lat: 28.8 });
    expect(d.statusCode, d.body).toBe(200);
    const id = d.json().id as string;
    expect(d.json().status).toBe('active');
    expect((await patch(officer, `/api/monitoring/devices/${id}`, { status: 'disabled' })).statusCode).toBe(403);
    const r = await patch(staff, `/api/monitoring/devices/${id}`, { name: '白塘山塘水位计', model: 'WL-200', lng: 113.12, lat: 28.81, status: 'maintenance' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id, name: '白塘山塘水位计', model: 'WL-200', lng: 113.12, lat: 28.81, status: 'maintenance' });
    expect((await get(t, staff, `/api/monitoring/devices/${id}`)).json()).toMatchObject({ name: '白塘山塘水位计', status: 'maintenance', placeName: '白塘镇山塘' });
    const [rec] = await auditOf('monitoring.device.update', id);
    expect(rec.before).toMatchObject({ name: '山塘水位计', model: null, status: 'active' });
    expect(rec.after).toMatchObject({ name: '白塘山塘水位计', status: 'maintenance' });
  });

  it('the bureau rewords a warning draft, raises its colour and widens it to a second town', async () => {
    const w = await post(t, staff, '/api/monitoring/warnings', { kind: 'weather', event: '暴雨', colour: 'yellow', headline: '白塘镇暴雨黄色预警',
      description: '预计未来 6 小时降雨量将达 50 毫米以上', guidance: '注意防范', regionCodes: [BAITANG], effectiveAt: T0, expiresAt: at(T0, 6 * 3600) });
    expect(w.statusCode, w.body).toBe(200);
    const id = w.json().id as string;
    const r = await patch(staff, `/api/monitoring/warnings/${id}`, { colour: 'orange', headline: '白塘镇、罗江镇暴雨橙色预警', regionCodes: [BAITANG, LUOJIANG],
      expiresAt: at(T0, 12 * 3600), audience: 'everyone' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'draft', colour: 'orange', headline: '白塘镇、罗江镇暴雨橙色预警', regionCodes: [BAITANG, LUOJIANG],
      regionNames: ['白塘镇', '罗江镇'], expiresAt: at(T0, 12 * 3600), audience: 'everyone', guidance: '注意防范' });
    expect((await get(t, staff, `/api/monitoring/warnings/${id}`)).json()).toMatchObject({ colour: 'orange', regionCodes: [BAITANG, LUOJIANG], audience: 'everyone' });
    const [rec] = await auditOf('monitoring.warning.update', id);
    expect(rec.before).toEqual({ headline: '白塘镇暴雨黄色预警' });
    expect(rec.after).toMatchObject({ colour: 'orange', regionCodes: [BAITANG, LUOJIANG] });
    // Issued, it is no longer a draft to edit.
    expect((await post(t, staff, `/api/monitoring/warnings/${id}/issue`)).statusCode).toBe(200);
    expect((await patch(staff, `/api/monitoring/warnings/${id}`, { headline: '改不了' })).statusCode).toBe(409);
  });
});
