// Tests: unit and API tests (app.inject against a real database) and browser tests. `npm test` runs the
// browser tests (e2e/) in a second pass, one file at a time (bin/test-browser.js).
// One migrated database with the demo county is built once (global setup) and cloned per test file.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'demo/**/*.test.ts', 'e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only contend for them (each PGlite is CPU-bound WebAssembly).
    maxWorkers: 2,
    reporters: ['default'],
  },
});
