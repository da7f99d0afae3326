// HTTP load from a child process: `connections` keep-alive connections each sending GET requests back to back for
// `seconds` after `warmup` seconds; prints one JSON line with requests/s and the exact latency percentiles
// (autocannon's histogram has no p95). Used for our routes and for the constant-response ceiling alike.
import http from 'node:http';

export interface LoadPlan { url: string; headers?: Record<string, string>; connections: number; seconds: number; warmup?: number }
export interface LoadResult { requests: number; seconds: number; reqPerSec: number; p50: number; p95: number; p99: number; max: number; errors: number; non2xx: number; bytes: number }

export const percentile = (sorted: ArrayLike<number>, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);

async function run(plan: LoadPlan): Promise<LoadResult> {
  const u = new URL(plan.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.connections });
  const lat: number[] = [];
  let errors = 0; let non2xx = 0; let bytes = 0;
  const t0 = performance.now();
  const measureFrom = t0 + (plan.warmup ?? 1) * 1000;
  const until = measureFrom + plan.seconds * 1000;
  const once = () => new Promise<void>((resolve) => {
    const start = performance.now();
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'GET', agent, headers: plan.headers }, (res) => {
      let n = 0;
      res.on('data', (c: Buffer) => { n += c.length; });
      res.on('end', () => {
        if (start >= measureFrom) { lat.push(performance.now() - start); bytes += n; if ((res.statusCode ?? 0) >= 300) non2xx++; }
        resolve();
      });
    });
    req.on('error', () => { if (start >= measureFrom) errors++; resolve(); });
    req.end();
  });
  await Promise.all(Array.from({ length: plan.connections }, async () => { while (performance.now() < until) await once(); }));
  agent.destroy();
  const secs = (performance.now() - measureFrom) / 1000;
  const s = Float64Array.from(lat).sort();
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { requests: lat.length, seconds: r1(secs), reqPerSec: Math.round(lat.length / secs), p50: r1(percentile(s, 0.5)), p95: r1(percentile(s, 0.95)), p99: r1(percentile(s, 0.99)),
    max: r1(s[s.length - 1] ?? NaN), errors, non2xx, bytes };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const r = await run(JSON.parse(process.argv[2]) as LoadPlan);
  process.stdout.write(JSON.stringify(r) + '\n');
  process.exit(0);
}
