// The incident ledger as .xlsx, by the list's filters; more than MAX_EXPORT_ROWS is refused rather than cut.
import { INCIDENT_GRADES, INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENT_STATUSES, LEVEL_LABELS, type IncidentQuery } from '../../../../contracts/command-incidents.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { decimal, int, oneOf, text, type XlsxColumn } from '../../../platform/excel/columns.js';
import { exportXlsx } from '../../../platform/excel/xlsx.js';
import { badRequest } from '../../../platform/http/errors.js';
import { listIncidents } from './incidents.store.js';

const table = (o: Record<string, string>) => Object.entries(o).map(([code, label]) => ({ code, label }));
const at = (d: Date | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : null);

const COLUMNS: XlsxColumn[] = [
  { key: 'number', header: '事件编号', type: text(), width: 16 },
  { key: 'title', header: '事件名称', type: text(), width: 32 },
  { key: 'kind', header: '类别', type: oneOf(table(INCIDENT_KINDS)) },
  { key: 'grade', header: '等级', type: oneOf(table(INCIDENT_GRADES)) },
  { key: 'level', header: '响应级别', type: text() },
  { key: 'status', header: '状态', type: oneOf(table(INCIDENT_STATUSES)) },
  { key: 'source', header: '接报来源', type: oneOf(table(INCIDENT_SOURCES)) },
  { key: 'occurredAt', header: '事发时间', type: text(), width: 17 },
  { key: 'reportedAt', header: '接报时间', type: text(), width: 17 },
  { key: 'regionName', header: '区划', type: text(), width: 14 },
  { key: 'address', header: '事发地点', type: text(), width: 30 },
  { key: 'enterprise', header: '涉事企业', type: text(), width: 28 },
  { key: 'dead', header: '死亡', type: int() },
  { key: 'injured', header: '重伤', type: int() },
  { key: 'missing', header: '失踪', type: int() },
  { key: 'trapped', header: '被困', type: int() },
  { key: 'lossWan', header: '直接经济损失（万元）', type: decimal() },
  { key: 'relocated', header: '转移安置', type: int() },
];

export const MAX_EXPORT_ROWS = 50_000;

export async function exportIncidents(db: Queryable, actor: Actor, f: Partial<IncidentQuery>, max = MAX_EXPORT_ROWS): Promise<Buffer> {
  const { items, total } = await listIncidents(db, actor, f, 1, max);
  if (total > max) throw badRequest(`符合条件的事件有 ${total} 起，超过单次导出上限 ${max} 起，请缩小时间段或区域后分批导出`, 'Too many rows');
  return exportXlsx(COLUMNS, items.map((i) => ({
    number: i.number, title: i.title, kind: i.kind, grade: i.grade, level: i.response_level ? LEVEL_LABELS[i.response_level as 1] : '未启动', status: i.status, source: i.source,
    occurredAt: at(i.occurred_at), reportedAt: at(i.reported_at), regionName: i.region_name, address: i.address, enterprise: i.enterprise_name, dead: i.dead, injured: i.injured,
    missing: i.missing, trapped: i.trapped, lossWan: Number(i.loss_wan), relocated: i.relocated,
  })), { sheet: '突发事件台账' });
}
