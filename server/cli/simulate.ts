// `yingji simulate`: drive sensors of a running Yingji over MQTT or HTTP with realistic signals and injected faults
// (for the demo and for load). It logs in through the API, issues the devices it drives new keys, optionally creates
// simulated devices first, and prints what was sent and acknowledged every few seconds.
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { Api, httpTransport, mqttTransport, prepareDevices, type Reading, type SimDevice, type SimSensor, type Transport } from '../domains/monitoring/simulate/driver.js';
import { FAULTS } from '../domains/monitoring/simulate/signals.js';

export const SIMULATE_HELP = `  simulate [选项]            模拟监测设备上报（服务须已启动）：
      --transport mqtt|http   上报方式（默认 mqtt）      --url URL           服务地址（默认 http://127.0.0.1:PORT）
      --mqtt-url URL          MQTT 地址（默认内置服务器 mqtt://127.0.0.1:MQTT_PORT）
      --user 账号 --password 密码   有监测预警处置权限的账号（默认演示账号 staff）
      --create N              先新建 N 个模拟测点（每台设备 8 个）  --enterprise ID  只驱动该企业的测点
      --speed K               按上报周期的 K 倍速发送（默认 1）       --duration 秒    运行时长（默认一直运行，Ctrl+C 停止）
      --faults P              每个测点每小时注入故障的概率（默认 0.2；超高高限、漂移、卡死、掉线）
      --malformed P           每条消息改为错误格式的概率（默认 0）`;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

/** Create `n` simulated sensors (8 per device) at a place in the county, through the API. */
async function createSimulated(api: Api, n: number): Promise<void> {
  const regions = await api.call<{ code: string; level: string }[]>('GET', '/api/regions');
  const county = regions.find((r) => r.level === 'county')?.code ?? regions[0]?.code;
  const stamp = Date.now().toString(36);
  for (let i = 0; i < n; i += 8) {
    const d = await api.call<{ id: string }>('POST', '/api/monitoring/devices', { code: `SIM-${stamp}-${i / 8 + 1}`, name: `模拟设备 ${i / 8 + 1}`, placeName: '模拟监测点', regionCode: county });
    for (let j = 0; j < Math.min(8, n - i); j++) {
      await api.call('POST', '/api/monitoring/sensors', { deviceId: d.id, code: `T${j + 1}`, name: `模拟液位 ${j + 1}`, type: 'level', unit: 'm', rangeMin: 0, rangeMax: 10,
        low: 1, high: 8, highHigh: 9, hysteresis: 0.1, alarmDelaySec: 5, rateLimit: 5, stuckAfterSec: 600, expectedIntervalSec: 10 });
    }
  }
}

/** Run the simulator until --duration elapses or Ctrl+C. */
export async function runSimulate(config: Config, argv: string[]) {
  const { values: v } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: {
    transport: { type: 'string' }, url: { type: 'string' }, 'mqtt-url': { type: 'string' }, user: { type: 'string' }, password: { type: 'string' },
    create: { type: 'string' }, enterprise: { type: 'string' }, speed: { type: 'string' }, duration: { type: 'string' }, faults: { type: 'string' },
    malformed: { type: 'string' }, seed: { type: 'string' },
  } });
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const num = (k: string, def: number) => { const x = Number(str(k) ?? def); if (!Number.isFinite(x) || x < 0) throw new Error(`--${k} 应为非负数`); return x; };
  const transportName = str('transport') ?? 'mqtt';
  if (!['mqtt', 'http'].includes(transportName)) throw new Error('--transport 只能是 mqtt 或 http');
  const base = str('url') ?? `http://127.0.0.1:${config.port}`;
  const mqttUrl = str('mqtt-url') ?? config.monitoring.mqttUrl ?? `mqtt://127.0.0.1:${config.monitoring.mqttPort}`;
  const rand = rng(num('seed', Date.now() % 1e9));
  const api = new Api(base);
  await api.login(str('user') ?? 'staff', str('password') ?? 'Yingji@2026');
  if (str('create')) await createSimulated(api, num('create', 0));
  const sensors: SimSensor[] = (await api.sensors(str('enterprise') ? `&enterpriseId=${str('enterprise')}` : '')).filter((s) => (s as unknown as { enabled: boolean }).enabled);
  if (!sensors.length) { console.log('没有可模拟的测点：请先登记设备和测点，或加 --create N 新建模拟测点'); return; }
  const devices = await prepareDevices(api, sensors, rand, num('speed', 1));
  const transport: Transport = transportName === 'mqtt' ? await mqttTransport(mqttUrl, devices) : httpTransport(base);
  console.log(`模拟 ${devices.length} 台设备、${sensors.length} 个测点，经 ${transportName === 'mqtt' ? mqttUrl : base} 上报；Ctrl+C 停止`);
  const faultP = num('faults', 0.2); const malformedP = num('malformed', 0);
  const stats = { sent: 0, acked: 0, failed: 0, faults: 0, malformed: 0, last: '' };
  let stop = false;
  process.once('SIGINT', () => { stop = true; });
  const until = str('duration') ? Date.now() + num('duration', 0) * 1000 : Infinity;
  const report = setInterval(() => console.log(`已发送 ${stats.sent} 条，已确认 ${stats.acked}，失败 ${stats.failed}，注入故障 ${stats.faults}，错误格式 ${stats.malformed}${stats.last ? `；最近错误：${stats.last}` : ''}`), 5000);
  const tick = async (d: SimDevice, now: number) => {
    const readings: Reading[] = [];
    for (const s of d.sensors) {
      if (s.next > now) continue;
      s.next += s.intervalMs;
      if (!s.signal.faulted && rand() < (faultP * s.intervalMs) / 3600_000) { s.signal.inject(FAULTS[Math.floor(rand() * FAULTS.length)], now, 60_000 + rand() * 240_000); stats.faults++; }
      const value = s.signal.value(now);
      if (value !== undefined) readings.push({ sensor: s.code, ts: new Date(now).toISOString(), value });
    }
    if (!readings.length) return;
    stats.sent += readings.length;
    if (rand() < malformedP) { stats.malformed++; await transport.sendRaw(d, '{"sensor": 坏数据'); return; }
    await transport.send(d, readings).then(() => { stats.acked += readings.length; }, (e: Error) => { stats.failed += readings.length; stats.last = e.message; });
  };
  while (!stop && Date.now() < until) {
    const now = Date.now();
    await Promise.all(devices.map((d) => tick(d, now)));
    const next = Math.min(...devices.flatMap((d) => d.sensors.map((s) => s.next)));
    await new Promise((r) => setTimeout(r, Math.max(1, Math.min(1000, next - Date.now()))));
  }
  clearInterval(report);
  await transport.close();
  console.log(`结束：发送 ${stats.sent} 条，确认 ${stats.acked} 条，失败 ${stats.failed} 条`);
}
