// Environment → one typed, validated Config. Read once at start and passed down; nothing else reads process.env.
import path from 'node:path';

export type PasswordProfile = 'dengbao' | 'asvs';

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  passwordProfile: PasswordProfile;
  /** HMAC-SM3 key for the audit chain; lives outside the database (file or env). */
  auditKeyFile: string;
  auditKey?: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  loginRateLimitPerMinute: number;
  /** Full phone/identity numbers one account may reveal per minute (POST /api/personal/reveal): a bound on harvesting. */
  revealRateLimitPerMinute: number;
  uploadMaxBytes: number;
  /** Test instrument: where the audit walk records accepted mutating requests (server/platform/audit/audit-walk.ts). */
  auditWalkDir?: string;
  cookieSecure: boolean;
  trustProxy: boolean;
  loadDemo: boolean;
  /** Keep busy read answers and sessions in memory, invalidated by change notices (http/response-cache.ts). */
  memoryCache: boolean;
  smsProvider: 'log';
  /** argon2id memory cost in KiB (tests lower it; production keeps the default). */
  argon2MemoryKiB: number;
  jobsPollMs: number;
  webDir: string;
  /** Optional tile layer for maps (e.g. 天地图), {z}/{x}/{y} template; maps work without one. */
  mapTileUrl?: string;
  mapTileAttribution?: string;
  /** Monitoring ingestion (监测预警): MQTT broker and raw-reading retention. */
  monitoring: MonitoringConfig;
  /** Backups (备份): where, how many to keep, and how often the server takes one (0 = never). */
  backupDir: string;
  backupKeep: number;
  backupEveryHours: number;
}

/** Settings of monitoring ingestion (MQTT_*, RAW_RETENTION_DAYS). */
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

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`配置项 ${name}=${raw} 无效：应为 ${min}–${max} 之间的整数 (invalid ${name}: expected an integer ${min}–${max})`);
  }
  return n;
}

function oneOf<T extends string>(env: Env, name: string, def: T, allowed: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!allowed.includes(raw as T)) {
    throw new ConfigError(`配置项 ${name}=${raw} 无效：可选值为 ${allowed.join(' | ')} (invalid ${name})`);
  }
  return raw as T;
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
  const days = env.RAW_RETENTION_DAYS;
  if (days && Number(days) < 30 && Number.isInteger(Number(days))) {
    throw new ConfigError(`配置项 RAW_RETENTION_DAYS=${days} 无效：总局令40号要求监测数据至少保存30天 (RAW_RETENTION_DAYS must be at least 30)`);
  }
  return {
    mqttEnabled: bool(env, 'MQTT_ENABLED', true),
    mqttPort: int(env, 'MQTT_PORT', 1884, 0, 65535),
    mqttHost: env.MQTT_HOST || '0.0.0.0',
    mqttUrl,
    mqttClientId: env.MQTT_CLIENT_ID || 'yingji-ingest',
    rawRetentionDays: int(env, 'RAW_RETENTION_DAYS', 90, 30, 3650),
  };
}

/** Parse and validate the environment; throws ConfigError with a message an operator can act on. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`配置项 DATABASE_URL 无效：应以 postgres:// 开头 (invalid DATABASE_URL: expected postgres://…)`);
  }
  const host = env.HOST || '0.0.0.0';
  const cfg: Config = {
    env: nodeEnv,
    port: int(env, 'PORT', 3000, 0, 65535),
    host,
    dataDir,
    databaseUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const),
    passwordProfile: oneOf(env, 'PASSWORD_POLICY', 'dengbao', ['dengbao', 'asvs'] as const),
    auditKeyFile: path.resolve(env.AUDIT_KEY_FILE || path.join(dataDir, 'secrets', 'audit.key')),
    auditKey: env.AUDIT_KEY || undefined,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    lockoutThreshold: int(env, 'LOCKOUT_THRESHOLD', 5, 1, 100),
    lockoutMinutes: int(env, 'LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT', 20, 1, 100000),
    revealRateLimitPerMinute: int(env, 'REVEAL_RATE_LIMIT', 30, 1, 100000),
    uploadMaxBytes: int(env, 'UPLOAD_MAX_MB', 20, 1, 1024) * 1024 * 1024,
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    loadDemo: bool(env, 'LOAD_DEMO', nodeEnv !== 'production'),
    memoryCache: bool(env, 'MEMORY_CACHE', true),
    smsProvider: oneOf(env, 'SMS_PROVIDER', 'log', ['log'] as const),
    argon2MemoryKiB: int(env, 'ARGON2_MEMORY_KIB', 19456, 1024, 1024 * 1024),
    jobsPollMs: int(env, 'JOBS_POLL_MS', 2000, 50, 600000),
    webDir: path.resolve(env.WEB_DIR || path.join(import.meta.dirname, '..', 'web', 'dist')),
    mapTileUrl: env.MAP_TILE_URL || undefined,
    auditWalkDir: nodeEnv === 'test' && env.AUDIT_WALK_DIR ? path.resolve(env.AUDIT_WALK_DIR) : undefined,
    mapTileAttribution: env.MAP_TILE_ATTRIBUTION || undefined,
    monitoring: loadMonitoringConfig(env),
    backupDir: path.resolve(env.BACKUP_DIR || path.join(dataDir, 'backups')),
    backupKeep: int(env, 'BACKUP_KEEP', 14, 1, 10000),
    backupEveryHours: int(env, 'BACKUP_EVERY_HOURS', 24, 0, 24 * 365),
  };
  if (cfg.mapTileUrl && !/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(cfg.mapTileUrl)) {
    throw new ConfigError('配置项 MAP_TILE_URL 无效：应为含 {z}/{x}/{y} 的 http(s) 地址 (invalid MAP_TILE_URL: expected an http(s) URL template with {z}, {x} and {y})');
  }
  if (cfg.auditKey && cfg.auditKey.length < 32) {
    throw new ConfigError('配置项 AUDIT_KEY 太短：至少 32 个字符 (AUDIT_KEY must be at least 32 characters)');
  }
  return { ...cfg, ...overrides };
}
