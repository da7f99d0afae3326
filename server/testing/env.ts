// The configuration every test process uses: fixed audit key, cheap argon2, silent logs.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig, type Config } from '../config.js';

export const TEST_AUDIT_KEY = 'test-audit-key-0123456789abcdef-0123456789abcdef';

/** A config for a test: its own temporary DATA_DIR (files, lock), no demo auto-load. */
export function testConfig(overrides: Partial<Config> = {}, env: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-test-'));
  return loadConfig({
    NODE_ENV: 'test', DATA_DIR: dataDir, AUDIT_KEY: TEST_AUDIT_KEY, ARGON2_MEMORY_KIB: '1024', LOAD_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', JOBS_POLL_MS: '60000', LOGIN_RATE_LIMIT: '100000',
    ...(process.env.YINGJI_AUDIT_WALK_DIR ? { AUDIT_WALK_DIR: process.env.YINGJI_AUDIT_WALK_DIR } : {}), ...env,
  }, overrides);
}

export const pgTemplateFile = () => path.join(os.tmpdir(), `yingji-test-template-${process.env.YINGJI_TEST_RUN ?? 'x'}.tar.gz`);
