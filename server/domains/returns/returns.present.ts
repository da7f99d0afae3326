// The returns list as an Excel sheet: who files what, by when, its status and whether it is late.
import { RETURN_STATUSES, UNIT_TYPES } from '../../../contracts/returns.js';
import { int, oneOf, text, yesNo } from '../../platform/excel/columns.js';
import type { XlsxColumn } from '../../platform/excel/xlsx.js';
import type { ReturnRow } from './returns.store.js';

export const EXPORT_COLUMNS: XlsxColumn[] = [
  { key: 'form', header: '报表', type: text(), width: 28 },
  { key: 'period', header: '期别', type: text(), width: 16 },
  { key: 'unit', header: '填报单位', type: text(), width: 28 },
  { key: 'unitType', header: '单位类型', type: oneOf(UNIT_TYPES) },
  { key: 'dueOn', header: '截止日期', type: text() },
  { key: 'status', header: '状态', type: oneOf(RETURN_STATUSES) },
  { key: 'overdue', header: '逾期未报', type: yesNo() },
  { key: 'lateDays', header: '逾期天数', type: int() },
  { key: 'version', header: '版本', type: int() },
  { key: 'filledBy', header: '填报人', type: text() },
  { key: 'approvedBy', header: '审核人', type: text() },
  { key: 'comment', header: '退回意见', type: text(), width: 30 },
];

/** One row of the export. */
export const exportRow = (r: ReturnRow) => ({
  form: r.form_name, period: r.period_label, unit: r.unit_name, unitType: r.unit_type, dueOn: r.due_on, status: r.status, overdue: r.overdue,
  lateDays: r.late_days, version: r.version, filledBy: r.filled_by_name, approvedBy: r.approved_by_name, comment: r.status === 'returned' ? r.review_comment : null,
});
