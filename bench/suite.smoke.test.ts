// The benchmark suite as a smoke test (issue 12): `npm run bench -- --scale county` runs end to end — generates the
// county into a fresh PGlite folder, serves it, loads every section — and prints and records its figures. Figures
// are not asserted (the machine is shared); that each section produced one is. Once per CI run: the PostgreSQL pass
// skips it. Short load phases (--seconds 1) keep it to about two minutes on the two loaded cores.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const loader = path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs');

describe.skipIf(!!process.env.TEST_DATABASE_URL)('npm run bench -- --scale county (smoke)', () => {
  it('generates the county, runs every section and records figures', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-bench-smoke-'));
    const results = path.join(dir, 'results.json');
    try {
      const child = spawn(process.execPath, ['--import', `file://${loader}`, path.join(root, 'bench', 'suite.ts'), '--scale', 'county', '--seconds', '1', '--results', results], {
        cwd: root, env: { ...process.env, BENCH_PGLITE_DIR: dir, BENCH_DATABASE_URL: '', NODE_ENV: 'development' },
      });
      let out = '';
      child.stdout.on('data', (d) => { out += d; });
      child.stderr.on('data', (d) => { out += d; });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code, out).toBe(0);

      // Printed: a line per list route, the ingest figure beside its ceiling, the memory.
      expect(out).toMatch(/enterprises, first page\s+alone [\d.]+ ms \|\s+\d+ req\/s/);
      expect(out).toMatch(/ingest \d+ readings\/s acked .* \| ceiling \d+ rows\/s/);
      expect(out).toMatch(/memory of the server process: peak RSS \d+ MB/);

      // Recorded: every section, with figures that are numbers.
      const run = JSON.parse(fs.readFileSync(results, 'utf8')).runs['county/pglite'];
      expect(run.data.generated).toBeTruthy();
      expect(run.machine.loadAvg).toHaveLength(3);
      const lists = Object.values(run.results.lists) as { ours: { reqPerSec: number; errors: number }; ceiling: { reqPerSec: number }; computed?: unknown }[];
      expect(lists.length).toBe(10); // nine lists and the signed-in floor
      for (const l of lists) { expect(l.ceiling.reqPerSec).toBeGreaterThan(0); expect(l.ours.errors).toBe(0); }
      // The nine lists are answered from memory (the product's default), and also measured computed every time.
      const computed = lists.filter((l) => l.computed) as { computed: { reqPerSec: number; errors: number; non2xx: number } }[];
      expect(computed).toHaveLength(9);
      for (const l of computed) { expect(l.computed.reqPerSec).toBeGreaterThan(0); expect(l.computed.errors + l.computed.non2xx).toBe(0); }
      expect(Object.keys(run.results.dashboard).length).toBeGreaterThan(0);
      expect(run.results.ingest.ours.readingsPerSec).toBeGreaterThan(0);
      expect(run.results.ingest.ours.failed).toBe(0);
      expect(run.results.ingest.ceiling.bare5000PerSec).toBeGreaterThan(0);
      expect(run.results.ingest.ceiling.sameTable5000PerSec).toBeGreaterThan(0);
      expect(run.results.memory.peakRssMb).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 360_000);
});
