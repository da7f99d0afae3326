// Import of the flood registry from the Excel template (the house pattern of enterprises.import.ts): a row updates the
// facility of the same 类别, 区划 and 名称 (each spring the three responsible people change) or adds a new one; every bad
// row is reported with its row number and reason, and nothing is written from a file with errors unless mode is
// 'valid-only'. Rows outside the caller's scope are row errors. One transaction, each row audited.
import { FACILITY_KINDS, RESERVOIR_SCALES, type FacilityImportResult, type FacilityInput } from '../../../contracts/flood.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import { decimal, int, oneOf, text, type XlsxColumn } from '../../platform/excel/columns.js';
import { parseXlsx, SheetFileError, type SheetError } from '../../platform/excel/xlsx.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { checkFacility, keepsRegistry } from './flood.service.js';
import { facilitiesByKey, facilityColumns, insertFacility, placeRegions, updateFacility } from './flood.store.js';

export const MAX_IMPORT_ROWS = 3000;
export type ImportMode = 'all' | 'valid-only';
const table = (o: Record<string, string>) => Object.entries(o).map(([code, label]) => ({ code, label }));
const PHONE = { pattern: /^[0-9-]{7,20}$/, hint: '电话号码（数字，可带区号横线）', max: 20 };
const DURATIONS = ['1h', '3h', '6h', '24h'] as const;

/** The template's columns; a row's values are named by `key`. */
export const FACILITY_COLUMNS: XlsxColumn[] = [
  { key: 'kind', header: '类别', type: oneOf(table(FACILITY_KINDS)), required: true, width: 12 },
  { key: 'name', header: '名称', type: text({ max: 60 }), required: true, width: 24 },
  { key: 'region', header: '所在村（社区）或乡镇', type: text({ max: 40 }), required: true, width: 20, note: '12 位区划代码，或“乡镇名+村名”（如 白塘镇枫树村），或唯一的村（社区）、乡镇名称' },
  { key: 'lng', header: '经度', type: decimal({ min: 73, max: 136 }) }, { key: 'lat', header: '纬度', type: decimal({ min: 3, max: 54 }) },
  { key: 'scale', header: '水库规模', type: oneOf(table(RESERVOIR_SCALES)), note: '水库必填' },
  { key: 'capacityWanM3', header: '总库容（万m³）', type: decimal({ min: 0 }) },
  { key: 'deadLevel', header: '死水位（m）', type: decimal() }, { key: 'floodLimitLevel', header: '汛限水位（m）', type: decimal() },
  { key: 'normalLevel', header: '正常蓄水位（m）', type: decimal() }, { key: 'designFloodLevel', header: '设计洪水位（m）', type: decimal() },
  { key: 'checkFloodLevel', header: '校核洪水位（m）', type: decimal() },
  { key: 'householdsAtRisk', header: '危险区户数', type: int({ min: 0 }) }, { key: 'peopleAtRisk', header: '危险区人数', type: int({ min: 0 }) },
  { key: 'transferRoute', header: '转移路线', type: text({ max: 300 }), width: 30 }, { key: 'shelter', header: '安置点', type: text({ max: 100 }) },
  ...DURATIONS.flatMap((d) => [
    { key: `prepare${d}`, header: `准备转移临界雨量${d}（mm）`, type: decimal({ min: 0, max: 2000 }) },
    { key: `evacuate${d}`, header: `立即转移临界雨量${d}（mm）`, type: decimal({ min: 0, max: 2000 }) },
  ]),
  { key: 'adminName', header: '行政责任人', type: text({ max: 30 }), required: true }, { key: 'adminPhone', header: '行政责任人电话', type: text(PHONE), required: true, width: 16 },
  { key: 'techName', header: '技术责任人', type: text({ max: 30 }) }, { key: 'techPhone', header: '技术责任人电话', type: text(PHONE), width: 16 },
  { key: 'patrolName', header: '巡查责任人', type: text({ max: 30 }), required: true }, { key: 'patrolPhone', header: '巡查责任人电话', type: text(PHONE), required: true, width: 16 },
];
export const TEMPLATE_NOTES = [
  '每行一处设施；类别、名称和所在区划相同的设施视为同一处，导入时更新其信息（如每年汛前调整的三个责任人），否则新增。',
  '水库填写规模和特征水位；山洪危险区填写危险区户数、人数、转移路线、安置点和各时段临界雨量（准备转移应小于立即转移）。',
  '有错误的行会逐行列出原因；整份文件无误才写入，也可以选择只导入无误的行。',
];
export const TEMPLATE_EXAMPLE = [{ kind: 'torrent_point', name: '枫树冲山洪危险区', region: '白塘镇枫树村', householdsAtRisk: 12, peopleAtRisk: 35, transferRoute: '沿村道向北转移至枫树村部',
  shelter: '枫树村部', prepare1h: 35, evacuate1h: 45, prepare3h: 55, evacuate3h: 75, adminName: '张建国', adminPhone: '13907301001', patrolName: '李四', patrolPhone: '13907301002' }];

type Row = Record<string, string | number | undefined>;
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** A row → the facility input (the same shape the form sends), before the rules. */
function toInput(v: Row, regionCode: string): FacilityInput {
  const levels = Object.fromEntries(['deadLevel', 'floodLimitLevel', 'normalLevel', 'designFloodLevel', 'checkFloodLevel'].filter((k) => num(v[k]) != null).map((k) => [k, num(v[k])]));
  const durations = (p: string) => Object.fromEntries(DURATIONS.filter((d) => num(v[`${p}${d}`]) != null).map((d) => [d, num(v[`${p}${d}`])!]));
  const prepare = durations('prepare'); const evacuate = durations('evacuate');
  const input = {
    kind: v.kind as FacilityInput['kind'], name: String(v.name).trim(), regionCode, lng: num(v.lng), lat: num(v.lat), scale: v.kind === 'reservoir' ? (str(v.scale) as FacilityInput['scale']) : undefined,
    levels: Object.keys(levels).length ? levels : undefined, capacityWanM3: num(v.capacityWanM3), householdsAtRisk: num(v.householdsAtRisk), peopleAtRisk: num(v.peopleAtRisk),
    transferRoute: str(v.transferRoute), shelter: str(v.shelter),
    thresholds: Object.keys(prepare).length || Object.keys(evacuate).length ? { ...(Object.keys(prepare).length ? { prepare } : {}), ...(Object.keys(evacuate).length ? { evacuate } : {}) } : undefined,
    adminName: String(v.adminName).trim(), adminPhone: String(v.adminPhone).trim(), techName: str(v.techName), techPhone: str(v.techPhone),
    patrolName: String(v.patrolName).trim(), patrolPhone: String(v.patrolPhone).trim(),
  };
  return Object.fromEntries(Object.entries(input).filter(([, x]) => x !== undefined)) as FacilityInput;
}

/** Import a filled template; see the file comment for the rules. */
export async function importFacilities(ctx: Ctx, buffer: Buffer, filename: string, mode: ImportMode): Promise<FacilityImportResult> {
  keepsRegistry(ctx);
  let parsed;
  try {
    parsed = await parseXlsx<Row>(buffer, FACILITY_COLUMNS, { maxRows: MAX_IMPORT_ROWS });
  } catch (e) {
    if (e instanceof SheetFileError) throw badRequest(e.message, 'The spreadsheet cannot be used');
    throw e;
  }
  // A region cell: its code, 乡镇名+村名, or a name only one town or village has.
  const byKey = new Map<string, Set<string>>();
  const add = (k: string | null, code: string) => { if (k) byKey.set(k, (byKey.get(k) ?? new Set()).add(code)); };
  for (const r of await placeRegions(ctx.db)) { add(r.code, r.code); add(r.name, r.code); if (r.town_name) add(r.town_name + r.name, r.code); }
  const errors: SheetError[] = [];
  const plans: { row: number; input: FacilityInput }[] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v, ok } of parsed.rows) {
    const err = (column: string | null, message: string) => errors.push({ row, column, message });
    const before = errors.length;
    const region = str(v.region);
    const codes = region ? byKey.get(region.replace(/\s/g, '')) : undefined;
    if (region && !codes) err('所在村（社区）或乡镇', `区划「${region}」不存在，请填写 12 位区划代码或“乡镇名+村名”`);
    else if (codes && codes.size > 1) err('所在村（社区）或乡镇', `「${region}」对应多个区划，请改填“乡镇名+村名”或 12 位区划代码`);
    const code = codes?.size === 1 ? [...codes][0] : '';
    if (code && !inScope(ctx.actor, { regionCode: code })) err('所在村（社区）或乡镇', `${region}不在您的管辖范围内`);
    if (!ok || errors.length > before) continue;
    const input = toInput(v, code);
    try { checkFacility(input); } catch (e) { if (e instanceof AppError) { err(null, e.message); continue; } throw e; }
    const key = `${input.kind}|${code}|${input.name}`;
    if (seen.has(key)) { err('名称', `与第 ${seen.get(key)} 行是同一处设施（类别、区划、名称相同）`); continue; }
    seen.set(key, row);
    plans.push({ row, input });
  }
  errors.push(...parsed.errors);
  errors.sort((a, b) => a.row - b.row);
  const skipped = new Set(errors.map((e) => e.row)).size;
  const result: FacilityImportResult = { mode, rows: parsed.rows.length, created: 0, updated: 0, skipped, written: false, errors };
  if ((errors.length && mode === 'all') || !plans.length) return result;

  const now = ctx.clock();
  await ctx.db.tx(async (tx) => {
    const existing = new Map((await facilitiesByKey(tx, plans.map((p) => ({ kind: p.input.kind, region_code: p.input.regionCode, name: p.input.name }))))
      .map((f) => [`${f.kind}|${f.region_code}|${f.name}`, f]));
    for (const { input } of plans) {
      const old = existing.get(`${input.kind}|${input.regionCode}|${input.name}`);
      // The link to a monitoring site is made on the facility page; an import keeps it.
      const cols = facilityColumns({ ...input, monitoringFacilityId: old?.monitoring_facility_id ?? undefined });
      if (old) {
        await updateFacility(tx, old.id, cols, now);
        await audit(ctx, tx, { action: 'flood.facility.import.update', entityType: 'flood_facility', entityId: old.id, regionCode: input.regionCode, after: input });
        result.updated++;
      } else {
        const id = uuidv7();
        await insertFacility(tx, id, cols, now);
        await audit(ctx, tx, { action: 'flood.facility.import.create', entityType: 'flood_facility', entityId: id, regionCode: input.regionCode, after: input });
        result.created++;
      }
    }
    await audit(ctx, tx, { action: 'flood.facility.import', entityType: 'flood_facility_import', entityId: filename.slice(0, 200),
      after: { mode, rows: result.rows, created: result.created, updated: result.updated, skipped } });
  });
  return { ...result, written: true };
}
