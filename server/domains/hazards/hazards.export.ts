// Export of the hazard ledger to Excel: the filtered, scoped list with Chinese headers (一单四制 fields included).
import { sectorLabel } from '../../../contracts/enterprises.js';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, SUPERVISE_LEVELS } from '../../../contracts/hazards.js';
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { date, decimal, oneOf, text, yesNo, type XlsxColumn } from '../../platform/excel/columns.js';
import { exportXlsx } from '../../platform/excel/xlsx.js';
import { badRequest } from '../../platform/http/errors.js';
import { type HazardFilter, listHazards } from './hazards.store.js';

const table = (o: Record<string, string>) => Object.entries(o).map(([code, label]) => ({ code, label }));

const COLUMNS: XlsxColumn[] = [
  { key: 'number', header: '隐患编号', type: text(), width: 18 },
  { key: 'place', header: '企业或场所', type: text(), width: 30 },
  { key: 'regionName', header: '所在区划', type: text(), width: 14 },
  { key: 'title', header: '隐患内容', type: text({ max: 400 }), width: 40 },
  { key: 'level', header: '等级', type: oneOf(table(HAZARD_LEVELS)) },
  { key: 'majorBasis', header: '重大隐患判定依据', type: text({ max: 400 }), width: 30 },
  { key: 'source', header: '来源', type: oneOf(table(HAZARD_SOURCES)) },
  { key: 'sector', header: '行业', type: text() },
  { key: 'foundOn', header: '发现日期', type: date() },
  { key: 'foundBy', header: '发现人', type: text() },
  { key: 'status', header: '状态', type: oneOf(table(HAZARD_STATUSES)) },
  { key: 'overdue', header: '是否逾期', type: yesNo() },
  { key: 'responsiblePerson', header: '整改责任人', type: text() },
  { key: 'measures', header: '整改措施', type: text({ max: 2000 }), width: 30 },
  { key: 'funds', header: '整改资金（元）', type: decimal() },
  { key: 'deadline', header: '整改期限', type: date() },
  { key: 'closedOn', header: '销号日期', type: date() },
  { key: 'supervise', header: '挂牌督办', type: text() },
];

const day = (d: Date | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : null);

export const MAX_EXPORT_ROWS = 50_000;

/** The whole filtered ledger as .xlsx; more than MAX_EXPORT_ROWS is refused (a silently cut file would mislead). */
export async function exportHazards(db: Queryable, viewer: DataScope, f: HazardFilter, today: string, max = MAX_EXPORT_ROWS) {
  const { items, total } = await listHazards(db, viewer, f, today, 1, max);
  if (total > max) {
    throw badRequest(`符合条件的隐患有 ${total} 条，超过单次导出上限 ${max} 条，请增加筛选条件（如时间段、区域）后分批导出`, 'Too many rows to export');
  }
  const rows = items.map((h) => ({
    number: h.number, place: h.enterprise_name ?? h.place_name, regionName: h.region_name, title: h.title, level: h.level, majorBasis: h.major_basis,
    source: h.source, sector: h.sector ? sectorLabel(h.sector) || h.sector : null, foundOn: day(h.found_at), foundBy: h.found_by, status: h.status,
    overdue: h.overdue, responsiblePerson: h.responsible_person, measures: h.measures, funds: h.funds === null ? null : Number(h.funds),
    deadline: h.deadline, closedOn: day(h.closed_at),
    supervise: h.supervise_level ? `${SUPERVISE_LEVELS[h.supervise_level as keyof typeof SUPERVISE_LEVELS]}（${h.supervising_org_name ?? ''}，限 ${h.supervise_deadline}）` : null,
  }));
  return { buffer: await exportXlsx(COLUMNS, rows, { sheet: '隐患台账' }), total, exported: rows.length };
}
