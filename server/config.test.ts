import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('config', () => {
  it('has sensible defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', passwordProfile: 'dengbao', sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 });
    expect(c.dataDir).toMatch(/data$/);
    expect(c.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, /PORT=abc 无效/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL=loud 无效：可选值为/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL 无效/],
    [{ PASSWORD_POLICY: 'weak' }, /dengbao \| asvs/],
    [{ COOKIE_SECURE: 'maybe' }, /true 或 false/],
    [{ AUDIT_KEY: 'short' }, /AUDIT_KEY 太短/],
  ])('refuses %o with a clear message', (env, message) => {
    expect(() => loadConfig(env as Record<string, string>)).toThrow(ConfigError);
    expect(() => loadConfig(env as Record<string, string>)).toThrow(message);
  });
});
