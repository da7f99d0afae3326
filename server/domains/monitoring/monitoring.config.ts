// The monitoring settings now live in server/config.ts (Config.monitoring, parsed by loadConfig). This module only
// keeps the old names for callers outside the domain (main.ts, cli/simulate.ts) until they read config.monitoring.
import { loadMonitoringConfig, type Config, type MonitoringConfig } from '../../config.js';

export { loadMonitoringConfig, type MonitoringConfig };

/** The monitoring settings of a config. */
export const monitoringConfigOf = (config: Config): MonitoringConfig => config.monitoring;
