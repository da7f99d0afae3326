// 防汛责任人名单 export: each facility's three responsible people and phones, for publication (公示).
import { FACILITY_KINDS, type FacilityQuery, RESERVOIR_SCALES } from '../../../contracts/flood.js';
import type { Ctx } from '../../platform/context.js';
import { text, type XlsxColumn } from '../../platform/excel/columns.js';
import { exportXlsx } from '../../platform/excel/xlsx.js';
import { badRequest } from '../../platform/http/errors.js';
import { exportPersonal } from '../../platform/personal/personal.js';
import { FACILITY_PHONES } from './flood.personal.js';
import { listFacilities } from './flood.store.js';

const COLUMNS: XlsxColumn[] = [
  { key: 'town', header: '乡镇', type: text(), width: 12 },
  { key: 'region', header: '所在村（社区）', type: text(), width: 14 },
  { key: 'kind', header: '类别', type: text(), width: 10 },
  { key: 'name', header: '名称', type: text(), width: 28 },
  { key: 'scale', header: '规模', type: text(), width: 10 },
  { key: 'adminName', header: '行政责任人', type: text() },
  { key: 'adminPhone', header: '行政责任人电话', type: text(), width: 16 },
  { key: 'techName', header: '技术责任人', type: text() },
  { key: 'techPhone', header: '技术责任人电话', type: text(), width: 16 },
  { key: 'patrolName', header: '巡查责任人', type: text() },
  { key: 'patrolPhone', header: '巡查责任人电话', type: text(), width: 16 },
];
const MAX = 20_000;

/** The filtered, scoped roster as .xlsx. */
/** Phones in full only for a role holding personal:phone (then one audit record per export), masked otherwise. */
export async function exportRoster(ctx: Ctx, f: Omit<FacilityQuery, 'page' | 'pageSize'>) {
  const { items, total } = await listFacilities(ctx.db, ctx.actor.scope, f, 1, MAX);
  if (total > MAX) throw badRequest(`符合条件的设施有 ${total} 处，超过单次导出上限 ${MAX} 处，请按乡镇分批导出`, 'Too many rows');
  const rows = await exportPersonal(ctx, items, FACILITY_PHONES, { entityType: 'flood_facility', label: '防汛责任人名单' });
  return exportXlsx(COLUMNS, rows.map((x) => ({
    town: x.townName, region: x.regionName, kind: FACILITY_KINDS[x.kind as keyof typeof FACILITY_KINDS], name: x.name,
    scale: x.scale ? RESERVOIR_SCALES[x.scale as keyof typeof RESERVOIR_SCALES] : '', adminName: x.adminName, adminPhone: x.adminPhone,
    techName: x.techName ?? '', techPhone: x.techPhone ?? '', patrolName: x.patrolName, patrolPhone: x.patrolPhone,
  })), { sheet: '防汛责任人' });
}
