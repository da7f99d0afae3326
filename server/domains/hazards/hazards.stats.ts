// 隐患统计: found, rectified, rate, overdue and major-open, grouped by region, sector, source, level or month.
import { sectorLabel } from '../../../contracts/enterprises.js';
import { HAZARD_LEVELS, HAZARD_SOURCES } from '../../../contracts/hazards.js';
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql, type Sql } from '../../platform/db/sql.js';
import { filterSql, overdueSql } from './hazards.store.js';

export type GroupBy = 'region' | 'sector' | 'source' | 'level' | 'month';

// Region groups are the towns (and parks): the code cut to 9 digits, padded back to 12.
const GROUP_KEY: Record<GroupBy, Sql> = {
  region: sql`rpad(substr(h.region_code, 1, 9), 12, '0')`,
  sector: sql`coalesce(h.sector, '未分类')`,
  source: sql`h.source`,
  level: sql`h.level`,
  month: sql`to_char(h.found_at at time zone 'Asia/Shanghai', 'YYYY-MM')`,
};

export async function hazardStats(db: Queryable, viewer: DataScope, f: { regionCode?: string; campaignId?: string; sector?: string; from?: string; to?: string }, by: GroupBy, today: string) {
  const where = filterSql(viewer, f, today);
  // Rectified means closed by the end of the period (when one is given): the count a report of that period would state.
  const closedBy = f.to ? sql`h.closed_at < ${f.to}::date + 1` : sql`true`;
  const measures = sql`count(*)::int as found, count(*) filter (where h.status = 'closed' and ${closedBy})::int as closed,
    count(*) filter (where ${overdueSql(today)})::int as overdue,
    count(*) filter (where h.level = 'major' and h.status <> 'closed')::int as major_open`;
  const [total] = await db.query<{ found: number; closed: number; overdue: number; major_open: number }>(sql`select ${measures} from hazards h where ${where}`);
  const rows = await db.query<{ key: string; found: number; closed: number; overdue: number; major_open: number }>(
    sql`select ${GROUP_KEY[by]} as key, ${measures} from hazards h where ${where} group by 1 order by 1`);
  const names = by === 'region' && rows.length
    ? new Map((await db.query<{ code: string; name: string }>(sql`select code, name from regions where code = any(${rows.map((r) => r.key)})`)).map((r) => [r.code, r.name]))
    : new Map<string, string>();
  const label = (k: string) => by === 'region' ? names.get(k) ?? k : by === 'source' ? HAZARD_SOURCES[k as keyof typeof HAZARD_SOURCES] ?? k
    : by === 'level' ? HAZARD_LEVELS[k as keyof typeof HAZARD_LEVELS] ?? k : by === 'sector' ? sectorLabel(k) || k : k;
  return {
    found: total.found, closed: total.closed, open: total.found - total.closed, overdue: total.overdue, majorOpen: total.major_open,
    rectificationRate: total.found ? Math.round((total.closed / total.found) * 1000) / 10 : 0,
    groups: rows.map((r) => ({ key: r.key, label: label(r.key), found: r.found, closed: r.closed, overdue: r.overdue, majorOpen: r.major_open })),
  };
}
