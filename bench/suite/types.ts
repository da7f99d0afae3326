// What a pillar's benchmark file gets when the suite runs it. A file bench/<name>.ts that exports
// `async function suite(ctx: SuiteContext)` is imported by `npm run bench` and run against the suite's generated
// database and live server (files without that export are standalone scripts and are not imported).
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../server/platform/context.js';
import type { Db } from '../../server/platform/db/db.js';
import type { Scale } from './scales.js';

export interface Timing { runs: number; medianMs: number; p95Ms: number; p99Ms: number; bytes?: number; status?: number }
export interface Figure extends Timing { ceiling?: Timing; shareOfCeiling?: number; note?: string }

export interface SuiteContext {
  scale: Scale;
  db: Db;
  platform: Platform;
  app: FastifyInstance;
  /** http://127.0.0.1:port of the running server. */
  base: string;
  /** A session cookie of a demo account (password Yingji@2026), or of `bench_county` (the first generated county). */
  cookie(username: string): Promise<string>;
  /** Time a GET route `runs` times one after another, beside a constant response of the same size (the ceiling). */
  timeRoute(path: string, username: string, runs?: number): Promise<Figure>;
  /** Time any async function `runs` times (median, p95, p99). */
  time(fn: () => Promise<unknown>, runs?: number): Promise<Timing>;
}

export type SuiteBench = (ctx: SuiteContext) => Promise<Record<string, Figure | Record<string, unknown>>>;
