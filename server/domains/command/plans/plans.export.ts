// 预案台账 export: the filtered, scoped list of plans with their publication, filing, revision and drill state.
import { FILING_STATUSES, INCIDENT_KINDS, PLAN_KINDS, type PlanQuery } from '../../../../contracts/command-plans.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { date, int, oneOf, text, yesNo, type XlsxColumn } from '../../../platform/excel/columns.js';
import { exportXlsx } from '../../../platform/excel/xlsx.js';
import { badRequest } from '../../../platform/http/errors.js';
import { listPlans, type PlanClock } from './plans.store.js';

const table = (o: Record<string, string>) => Object.entries(o).map(([code, label]) => ({ code, label }));

const COLUMNS: XlsxColumn[] = [
  { key: 'kind', header: '预案类别', type: oneOf(table(PLAN_KINDS)), width: 16 },
  { key: 'title', header: '预案名称', type: text(), width: 40 },
  { key: 'owner', header: '编制单位', type: text(), width: 30 },
  { key: 'region', header: '所属区划', type: text(), width: 12 },
  { key: 'scope', header: '适用事件类别', type: text({ max: 400 }), width: 30 },
  { key: 'version', header: '现行版本', type: text() },
  { key: 'publishedOn', header: '发布日期', type: date() },
  { key: 'filing', header: '备案状态', type: text() },
  { key: 'filingNumber', header: '备案编号', type: text(), width: 22 },
  { key: 'revisionDue', header: '修订期限', type: date() },
  { key: 'lastDrill', header: '最近演练', type: date() },
  { key: 'drillMonths', header: '演练周期（月）', type: int() },
  { key: 'drillOverdue', header: '演练逾期', type: yesNo() },
];

const MAX = 20_000;

/** The whole filtered list as .xlsx; more than MAX rows is refused with a message. */
export async function exportPlans(db: Queryable, viewer: DataScope, c: PlanClock, f: Omit<PlanQuery, 'page' | 'pageSize'>) {
  const { items, total } = await listPlans(db, viewer, c, f, 1, MAX);
  if (total > MAX) throw badRequest(`符合条件的预案有 ${total} 件，超过单次导出上限 ${MAX} 件，请增加筛选条件后分批导出`, 'Too many rows');
  const rows = items.map((p) => ({
    kind: p.kind, title: p.title, owner: p.enterprise_name ?? p.owner_name, region: p.region_name,
    scope: p.scope_kinds.map((k) => INCIDENT_KINDS[k as keyof typeof INCIDENT_KINDS] ?? k).join('、'), version: p.published_label ?? '未发布',
    publishedOn: p.published_at ? new Date(new Date(p.published_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null,
    filing: p.filing_status ? FILING_STATUSES[p.filing_status as keyof typeof FILING_STATUSES] : (p.kind === 'enterprise' ? '未报备' : '—'),
    filingNumber: p.filing_number, revisionDue: p.revision_due, lastDrill: p.last_drill?.drilled_on ?? null, drillMonths: Number(p.drill_months), drillOverdue: p.drill_overdue,
  }));
  return exportXlsx(COLUMNS, rows, { sheet: '应急预案' });
}
