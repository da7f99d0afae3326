// 监测预警 of the demo county: sensors on the identified 重大危险源 (tank level, temperature, pressure, gas), reservoirs
// with their 特征水位, river stations, mountain-torrent points and rain gauges; the last 24 hours of history up to the
// end of the report period (2022-06-30 24:00) every 10 minutes, with rollups; a few open alarms and a closed one with
// its whole trail; two early warnings with their 叫应. Signals come from the simulator's own shapes.
import { createHash } from 'node:crypto';
import { type Fault, Signal } from '../server/domains/monitoring/simulate/signals.js';
import { COUNTY_CODE, towns, villagesOf } from './county.js';
import { demoEnterprise } from './enterprises.js';
import type { DemoContext } from './random.js';
import type { DemoData } from './types.js';

const END = Date.UTC(2022, 5, 30, 16, 0, 0); // 2022-07-01 00:00 Asia/Shanghai
const HISTORY_MS = 24 * 3600_000;
const STEP_MS = 10 * 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

type Spec = [code: string, name: string, type: string, unit: string, min: number, max: number, ll: number | null, l: number | null, h: number | null, hh: number | null, interval: number, rate?: number];
const TANK: Spec[] = [['LT-101', '储罐液位', 'level', 'm', 0, 12, 1, 1.5, 9.6, 10.4, 60, 1.5], ['TT-101', '储罐温度', 'temperature', '℃', -20, 80, null, null, 40, 50, 60],
  ['PT-101', '储罐压力', 'pressure', 'MPa', 0, 2.5, null, null, 1.6, 1.8, 60], ['AT-101', '可燃气体浓度', 'combustible_gas', '%LEL', 0, 100, null, null, 20, 40, 30]];
const WORKSHOP: Spec[] = [['AT-201', '有毒气体（氨）浓度', 'toxic_gas', 'ppm', 0, 100, null, null, 20, 40, 30], ['TT-201', '反应釜温度', 'temperature', '℃', 0, 200, null, null, 120, 140, 60],
  ['PT-201', '反应釜压力', 'pressure', 'MPa', 0, 4, null, null, 2.5, 3, 60]];

export interface DemoRows {
  monitoringFacilities: object[]; monitoringDevices: object[]; monitoringSensors: object[]; sensorReadings: object[]; sensorReadings1m: object[];
  sensorReadings1h: object[]; sensorLatest: object[]; monitoringAlarms: object[]; monitoringAlarmEvents: object[]; earlyWarnings: object[]; warningRecipients: object[];
  /** The devices' keys (api_keys rows, hashed; the keys themselves are never known — issue a new one to connect a device). */
  monitoringApiKeys: object[];
}
export type MonitoringDemo = DemoRows;

/** Generates the monitoring data of the demo county. */
export function generate(ctx: DemoContext, base: Pick<DemoData, 'regions' | 'enterprises' | 'accounts' | 'majorHazardSources'>): DemoRows {
  const { rng } = ctx;
  const rand = () => rng.next();
  const out: DemoRows = { monitoringFacilities: [], monitoringDevices: [], monitoringSensors: [], sensorReadings: [], sensorReadings1m: [], sensorReadings1h: [],
    sensorLatest: [], monitoringAlarms: [], monitoringAlarmEvents: [], earlyWarnings: [], warningRecipients: [], monitoringApiKeys: [] };
  const sensors: { id: string; deviceId: string; spec: Spec; signal: Signal; regionCode: string; enterpriseId: string | null; facilityId: string | null; name: string }[] = [];
  let deviceSeq = 0;
  const device = (name: string, place: { enterprise_id?: string; hazard_source_id?: string; facility_id?: string; region_code: string; lng: number | null; lat: number | null }, specs: Spec[]) => {
    const id = ctx.id();
    out.monitoringDevices.push({ id, code: `MS-${String(++deviceSeq).padStart(4, '0')}`, name, model: rng.pick(['RTU-2000', 'GD-8800', 'SL-651 遥测终端']), enterprise_id: place.enterprise_id ?? null,
      hazard_source_id: place.hazard_source_id ?? null, facility_id: place.facility_id ?? null, place_name: null, region_code: place.region_code, lng: place.lng, lat: place.lat,
      status: 'active', created_at: iso(END - 400 * 86400_000) });
    for (const s of specs) {
      const sid = ctx.id();
      const [code, sname, type, unit, min, max, ll, l, h, hh, interval, rate] = s;
      out.monitoringSensors.push({ id: sid, device_id: id, code, name: sname, type, unit, range_min: min, range_max: max, low_low: ll, low: l, high: h, high_high: hh,
        hysteresis: Math.round((max - min) * 0.01 * 1000) / 1000, alarm_delay_s: type.endsWith('gas') ? 0 : 30, rate_limit: rate ?? null, stuck_after_s: type === 'rainfall' ? null : 6 * 3600,
        expected_interval_s: interval, enabled: true });
      sensors.push({ id: sid, deviceId: id, spec: s, regionCode: place.region_code, enterpriseId: place.enterprise_id ?? null, facilityId: place.facility_id ?? null, name: `${name} ${sname}`,
        signal: new Signal({ type, rangeMin: min, rangeMax: max, low: l, high: h, highHigh: hh, lowLow: ll }, rand) });
    }
  };

  // 重大危险源: the identified ones of hazchem enterprises (the demo enterprise first).
  const demo = demoEnterprise(base);
  const byId = new Map(base.enterprises.map((e) => [e.id, e]));
  const sources = base.majorHazardSources.filter((s) => s.identified).sort((a, b) => Number(b.enterprise_id === demo.id) - Number(a.enterprise_id === demo.id));
  for (const s of sources.slice(0, 12)) {
    const e = byId.get(s.enterprise_id)!;
    device(`${s.name}监测终端`, { enterprise_id: e.id, hazard_source_id: s.id, region_code: e.region_code, lng: e.lng, lat: e.lat }, s.unit_kind === 'storage' ? TANK : WORKSHOP);
  }

  // Facilities in the towns: reservoirs (汛限 / 设计 / 校核 水位), river stations, torrent points, rain gauges.
  const townList = towns(base);
  const facility = (kind: string, name: string, regionCode: string, lng: number, lat: number, characteristics: object = {}) => {
    const id = ctx.id();
    out.monitoringFacilities.push({ id, name, kind, region_code: regionCode, lng, lat, characteristics, note: null,
      responsible: JSON.stringify([{ role: '行政责任人', name: ctx.personName(), phone: ctx.mobile() }, { role: '巡查责任人', name: ctx.personName(), phone: ctx.mobile() }]) });
    return id;
  };
  for (const [i, t] of townList.slice(0, 8).entries()) {
    const village = rng.pick(villagesOf(base, t.code));
    const [lng, lat] = [Math.round((village.center_lng + rng.float(-0.01, 0.01)) * 1e5) / 1e5, Math.round((village.center_lat + rng.float(-0.01, 0.01)) * 1e5) / 1e5];
    const place = (fid: string) => ({ facility_id: fid, region_code: village.code, lng, lat });
    if (i < 4) {
      const flood = Math.round(rng.float(40, 80) * 10) / 10;
      const fid = facility('reservoir', `${village.name.replace(/村|社区$/, '')}水库`, village.code, lng, lat, { 死水位: flood - 8, 汛限水位: flood, 正常蓄水位: flood + 1, 设计洪水位: flood + 3, 校核洪水位: flood + 4 });
      device('水库水位雨量站', place(fid), [['WL-1', '库水位', 'water_level', 'm', flood - 10, flood + 6, null, flood - 8, flood, flood + 3, 300], ['RF-1', '雨量', 'rainfall', 'mm', 0, 100, null, null, 20, 40, 300]]);
    } else if (i < 6) {
      const warn = Math.round(rng.float(28, 35) * 10) / 10;
      const fid = facility('river_station', `${t.name}河道水位站`, village.code, lng, lat, { 设防水位: warn - 1, 警戒水位: warn, 保证水位: warn + 2 });
      device('河道水位站', place(fid), [['WL-1', '河道水位', 'water_level', 'm', warn - 8, warn + 5, null, null, warn, warn + 2, 300]]);
    } else {
      const fid = facility('torrent_point', `${village.name.replace(/村|社区$/, '')}山洪监测点`, village.code, lng, lat);
      device('山洪监测点', place(fid), [['RF-1', '雨量', 'rainfall', 'mm', 0, 100, null, null, 30, 50, 300], ['WL-1', '溪沟水位', 'water_level', 'm', 0, 5, null, null, 2.5, 3.5, 300]]);
    }
    const gauge = facility('rain_gauge', `${t.name}雨量站`, t.code, t.center_lng, t.center_lat);
    device('自动雨量站', { facility_id: gauge, region_code: t.code, lng: t.center_lng, lat: t.center_lat }, [['RF-1', '雨量', 'rainfall', 'mm', 0, 100, null, null, 30, 50, 300]]);
  }

  // Faults that become the demo's alarms: [sensor index, fault, start before END, minutes].
  const open: [number, Fault, number, 'raised' | 'acknowledged'][] = [[0, 'drift', 3 * 3600_000, 'raised'], [3, 'spike', 50 * 60_000, 'acknowledged']];
  const waterIdx = sensors.findIndex((s) => s.spec[2] === 'water_level');
  if (waterIdx >= 0) open.push([waterIdx, 'spike', 40 * 60_000, 'raised']);
  for (const [i, kind, before] of open) sensors[i].signal.inject(kind, END - before, before + 60_000);
  const closedIdx = sensors.findIndex((s, i) => i > 4 && s.spec[2] === 'combustible_gas');
  if (closedIdx >= 0) sensors[closedIdx].signal.inject('spike', END - 14 * 3600_000, 30 * 60_000);

  for (const s of sensors) {
    const m = new Map<number, number[]>(); const h = new Map<number, number[]>();
    let last: [number, number] | undefined;
    for (let ts = END - HISTORY_MS; ts < END; ts += STEP_MS) {
      const v = s.signal.value(ts);
      if (v === undefined) continue;
      out.sensorReadings.push({ sensor_id: s.id, ts: iso(ts), value: v });
      for (const [map, size] of [[m, 60_000], [h, 3600_000]] as const) { const b = Math.floor(ts / size) * size; map.set(b, [...(map.get(b) ?? []), v]); }
      last = [ts, v];
    }
    for (const [map, rows] of [[m, out.sensorReadings1m], [h, out.sensorReadings1h]] as const) {
      for (const [b, vs] of map) rows.push({ sensor_id: s.id, bucket: iso(b), n: vs.length, sum: vs.reduce((x, y) => x + y, 0), min: Math.min(...vs), max: Math.max(...vs) });
    }
    if (last) out.sensorLatest.push({ sensor_id: s.id, ts: iso(last[0]), value: last[1] });
  }

  const accounts = new Map(base.accounts.map((a) => [a.username, a.id]));
  const staffId = accounts.get('staff') ?? null;
  const alarm = (i: number, status: string, closed: boolean) => {
    const s = sensors[i];
    const [, , , unit, , , , , h, hh] = s.spec;
    const first = (out.sensorReadings as { sensor_id: string; ts: string; value: number }[]).find((r) => r.sensor_id === s.id && h !== null && r.value >= h);
    if (!first) return;
    const level = hh !== null && first.value >= hh ? 2 : 1;
    const id = ctx.id();
    const raised = Date.parse(first.ts);
    const t = (min: number) => iso(raised + min * 60_000);
    out.monitoringAlarms.push({ id, device_id: s.deviceId, sensor_id: s.id, rule: 'threshold', condition: level === 2 ? 'high_high' : 'high', level, value: first.value,
      threshold: level === 2 ? hh : h, peak_value: first.value, message: `${s.name}（${s.spec[0]}）${level === 2 ? '高高限' : '高限'}报警：当前 ${first.value} ${unit}，限值 ${level === 2 ? hh : h} ${unit}`,
      raised_at: first.ts, status: closed ? 'closed' : status, cleared_at: closed ? t(35) : null, acknowledged_at: status === 'raised' && !closed ? null : t(4),
      acknowledged_by: status === 'raised' && !closed ? null : staffId, disposed_at: closed ? t(40) : null, disposed_by: closed ? staffId : null,
      cause: closed ? '检测探头附近管道法兰渗漏' : null, measures: closed ? '关闭阀门，更换法兰垫片，现场通风后复测正常' : null, false_alarm: closed ? false : null,
      closed_at: closed ? t(60) : null, closed_by: closed ? staffId : null, escalation_step: 0, escalated_at: null, region_code: s.regionCode, enterprise_id: s.enterpriseId,
      regulator_org_id: s.enterpriseId ? byId.get(s.enterpriseId)?.supervising_org_id ?? null : null, facility_id: s.facilityId, rule_version: null, created_at: first.ts });
    const ev = (action: string, min: number, from: string | null, to: string | null, by: string | null, comment: string | null) =>
      out.monitoringAlarmEvents.push({ id: ctx.id(), alarm_id: id, at: t(min), actor_id: by, actor_name: by ? '局机关工作人员' : '监测报警规则', action, from_status: from, to_status: to, comment, data: null });
    ev('raise', 0, null, 'raised', null, null);
    if (status !== 'raised' || closed) ev('acknowledge', 4, 'raised', 'acknowledged', staffId, '已电话通知企业现场核查');
    if (closed) { ev('clear', 35, null, null, null, null); ev('dispose', 40, 'acknowledged', 'disposed', staffId, null); ev('close', 60, 'disposed', 'closed', staffId, null); }
  };
  for (const [i, , , status] of open) alarm(i, status, false);
  if (closedIdx >= 0) alarm(closedIdx, 'closed', true);

  // Early warnings of the period: a 暴雨 yellow for the county (cancelled) and a 山洪 orange for two towns, with 叫应.
  const recipients = ['town_baitang', 'town_luojiang', 'informant_demo'].map((u) => accounts.get(u)).filter((x): x is string => !!x);
  const warning = (n: number, kind: string, event: string, colour: string, headline: string, regions: string[], start: number, hours: number, status: string) => {
    const id = ctx.id();
    out.earlyWarnings.push({ id, number: `YJ-2022-${String(n).padStart(6, '0')}`, kind, event, colour, headline, description: `${headline}。预计未来 ${hours} 小时内有强降雨，局地伴有雷电大风。`,
      guidance: '1. 加强值班值守，做好防范准备；2. 转移山洪、地质灾害危险区群众；3. 停止户外作业和集会。', region_codes: regions, region_code: regions.length > 1 ? COUNTY_CODE : regions[0],
      effective_at: iso(start), expires_at: iso(start + hours * 3600_000), sender: 'yingji-430699', sender_name: '汨水市应急管理局', sender_org_id: null, source: 'issued', status,
      cap_identifier: `yingji-430699-YJ-2022-${String(n).padStart(6, '0')}`, cap_xml: null, issued_at: iso(start), issued_by: staffId, cancelled_at: status === 'cancelled' ? iso(start + hours * 1800_000) : null,
      created_by: staffId, created_at: iso(start - 600_000) });
    recipients.forEach((a, i) => out.warningRecipients.push({ warning_id: id, account_id: a, region_code: regions[0], sends: i === 2 ? 3 : 1, first_sent_at: iso(start),
      last_sent_at: iso(start + (i === 2 ? 20 : 0) * 60_000), confirmed_at: iso(start + (i === 2 ? 25 : 3 + i) * 60_000), escalated_at: null }));
  };
  warning(1, 'weather', '暴雨', 'yellow', '汨水市气象台发布暴雨黄色预警', [COUNTY_CODE], END - 5 * 86400_000, 12, 'cancelled');
  warning(2, 'hydrological', '山洪', 'orange', '白塘镇、罗江镇山洪灾害气象风险橙色预警', townList.slice(0, 2).map((t) => t.code), END - 8 * 3600_000, 24, 'issued');

  // Keys of the devices in service (the last two were just registered and wait for theirs). Made last, so that the ids
  // and values of everything above stay as they were. Only their hashes are stored: nobody knows a demo key.
  const devices = out.monitoringDevices as { id: string; code: string; region_code: string; enterprise_id: string | null; api_key_id?: string | null }[];
  for (const d of devices.slice(0, -2)) {
    const id = ctx.id();
    const key = `yj_${Array.from({ length: 43 }, () => KEY_ALPHABET[rng.int(0, KEY_ALPHABET.length - 1)]).join('')}`;
    // Scoped as devices.service issues them: to the device's enterprise, or its region.
    out.monitoringApiKeys.push({ id, name: `监测设备 ${d.code}`, key_hash: createHash('sha256').update(key, 'utf8').digest('hex'), prefix: key.slice(0, 10),
      permissions: ['monitoring:ingest'], scope_kind: d.enterprise_id ? 'enterprise' : 'region', scope_region_code: d.enterprise_id ? null : d.region_code,
      scope_enterprise_id: d.enterprise_id, created_by: staffId, created_at: iso(END - 400 * 86400_000) });
    d.api_key_id = id;
  }
  for (const d of devices.slice(-2)) d.api_key_id = null;
  return out;
}
