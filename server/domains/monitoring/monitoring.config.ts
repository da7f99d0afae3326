// Settings of monitoring ingestion, read from the environment and validated like server/config.ts.
// Until they are folded into Config, main.ts sets `config.monitoring` from loadMonitoringConfig(process.env).
import { ConfigError, type Config } from '../../config.js';

export interface MonitoringConfig {
  /** Run MQTT ingestion at all (embedded broker, or the external one of MQTT_URL). */
  mqttEnabled: boolean;
  /** Port and address of the embedded broker. */
  mqttPort: number;
  mqttHost: string;
  /** An external broker (mqtt://, mqtts://); when set, no embedded broker is started. */
  mqttUrl?: string;
  /** Client id of the persistent session at the external broker. */
  mqttClientId: string;
  /** Days raw readings are kept; rollups stay. 总局令40号: electronic records at least 30 days. */
  rawRetentionDays: number;
}

declare module '../../config.js' {
  interface Config {
    /** Monitoring settings (see server/domains/monitoring/monitoring.config.ts). */
    monitoring?: MonitoringConfig;
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number, hint = ''): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`配置项 ${name}=${raw} 无效：应为 ${min}–${max} 之间的整数${hint} (invalid ${name}: expected an integer ${min}–${max})`);
  }
  return n;
}

function bool(env: Env, name: string, def: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`配置项 ${name}=${raw} 无效：应为 true 或 false (invalid ${name})`);
}

/** Parse and validate the monitoring settings; throws ConfigError with a message an operator can act on. */
export function loadMonitoringConfig(env: Env): MonitoringConfig {
  const mqttUrl = env.MQTT_URL || undefined;
  if (mqttUrl && !/^mqtts?:\/\/[^/]+/.test(mqttUrl)) {
    throw new ConfigError(`配置项 MQTT_URL=${mqttUrl} 无效：应形如 mqtt://主机:1883 或 mqtts://主机:8883 (invalid MQTT_URL)`);
  }
  return {
    mqttEnabled: bool(env, 'MQTT_ENABLED', true),
    mqttPort: int(env, 'MQTT_PORT', 1884, 0, 65535),
    mqttHost: env.MQTT_HOST || '0.0.0.0',
    mqttUrl,
    mqttClientId: env.MQTT_CLIENT_ID || 'yingji-ingest',
    rawRetentionDays: int(env, 'RAW_RETENTION_DAYS', 90, 30, 3650, '（总局令40号要求监测数据至少保存30天）'),
  };
}

/** The monitoring settings of a config: its own, or the defaults. */
export function monitoringConfigOf(config: Config): MonitoringConfig {
  return config.monitoring ?? loadMonitoringConfig({});
}
