// Load the demo county through the platform (audited), used by `serve` on first run and `yingji demo`.
import { isDemoLoaded, loadDemo } from '../../demo/index.js';
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import type { Platform } from '../platform/context.js';
import { sql } from '../platform/db/sql.js';

export const DEMO_HELP = `  demo [--reset]            载入演示县（已存在则跳过）；--reset 清空区划、组织、企业、账号后重新生成`;

export interface DemoLoaded { county: string; ms: number; password: string; accounts: { username: string; roleName: string; scopeLabel: string }[] }

/** Load the demo county unless present (or reset it); returns undefined when nothing was loaded.
 *  `onlyIfEmpty`: a database that already has accounts (a real deployment) never gets demo data. */
export async function loadDemoCounty(p: Platform, opts: { onlyIfEmpty?: boolean; reset?: boolean; seed?: number }): Promise<DemoLoaded | undefined> {
  if (!opts.reset && (await isDemoLoaded(p.db))) return undefined;
  if (opts.onlyIfEmpty && (await p.db.maybeOne(sql`select 1 from accounts limit 1`))) return undefined;
  const s = await loadDemo(p.db, { seed: opts.seed, reset: opts.reset, hashPassword: (plain) => p.hasher.hash(plain) });
  await p.audit.recordAlone(p.db, { ...SYSTEM_ACTOR, name: '演示数据生成器' }, { requestId: 'demo' }, {
    action: opts.reset ? 'demo.reset' : 'demo.load', entityType: 'demo', entityId: String(s.seed), after: s.counts,
  });
  return { county: '汨水市', ms: Math.round(s.elapsedMs), password: s.password, accounts: s.accounts };
}
