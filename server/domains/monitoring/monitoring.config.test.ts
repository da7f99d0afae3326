// The monitoring settings are part of the one Config (server/config.ts): defaults, and refusals an operator can act on.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('monitoring settings in Config', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).monitoring).toEqual({ mqttEnabled: true, mqttPort: 1884, mqttHost: '0.0.0.0', mqttUrl: undefined, mqttClientId: 'yingji-ingest', rawRetentionDays: 90 });
  });

  it('reads every MQTT_* setting and RAW_RETENTION_DAYS', () => {
    const c = loadConfig({ MQTT_ENABLED: 'false', MQTT_PORT: '11883', MQTT_HOST: '127.0.0.1', MQTT_URL: 'mqtts://broker.example:8883', MQTT_CLIENT_ID: 'yj-2', RAW_RETENTION_DAYS: '30' });
    expect(c.monitoring).toEqual({ mqttEnabled: false, mqttPort: 11883, mqttHost: '127.0.0.1', mqttUrl: 'mqtts://broker.example:8883', mqttClientId: 'yj-2', rawRetentionDays: 30 });
  });

  it.each([
    [{ MQTT_URL: 'http://broker' }, /MQTT_URL=http:\/\/broker 无效：应形如 mqtt:\/\//],
    [{ MQTT_PORT: '99999' }, /MQTT_PORT=99999 无效/],
    [{ MQTT_ENABLED: 'perhaps' }, /MQTT_ENABLED=perhaps 无效：应为 true 或 false/],
    [{ RAW_RETENTION_DAYS: '7' }, /至少保存30天/],
    [{ RAW_RETENTION_DAYS: 'x' }, /RAW_RETENTION_DAYS=x 无效/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });
});
