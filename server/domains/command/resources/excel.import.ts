// Excel import of the resource registers (teams, experts, shelters, equipment) and of initial stock: every bad row is
// reported with its row number, column and a Chinese reason; a file with errors writes nothing unless the caller
// asks for the good rows only (as the enterprise import does). One transaction; each record audited.
import type { ImportResult } from '../../../../contracts/command-resources.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { parseXlsx, SheetFileError, type SheetError, type XlsxColumn } from '../../../platform/excel/xlsx.js';
import { badRequest } from '../../../platform/http/errors.js';
import { EQUIPMENT_COLUMNS, EXPERT_COLUMNS, SHELTER_COLUMNS, STOCK_COLUMNS, TEAM_COLUMNS } from './excel.columns.js';
import { createRecord } from './registry.service.js';
import { existingNames, REGISTERS, type RegisterKind } from './registry.store.js';
import { inbound } from './stock.service.js';
import { allItems, ensureStockLine, insertItem, setMinLevel } from './stock.store.js';

export const MAX_IMPORT_ROWS = 5000;
export type ImportMode = 'all' | 'valid-only';
export type ImportKind = 'teams' | 'experts' | 'shelters' | 'equipment' | 'stock';
type Values = Record<string, unknown>;
type Err = (column: string | null, message: string) => void;

/** Name → one id, or why not. */
function lookup(rows: { id: string; keys: (string | null)[] }[]) {
  const map = new Map<string, Set<string>>();
  for (const r of rows) for (const k of r.keys) if (k) map.set(k, (map.get(k) ?? new Set()).add(r.id));
  return (name: string): { id: string } | { error: 'unknown' | 'ambiguous' } => {
    const ids = map.get(name.trim());
    if (!ids) return { error: 'unknown' };
    return ids.size === 1 ? { id: [...ids][0] } : { error: 'ambiguous' };
  };
}

async function lookups(db: Queryable) {
  const regions = await db.query<{ code: string; name: string }>(sql`select code, name from regions`);
  const orgs = await db.query<{ id: string; name: string; short_name: string | null }>(sql`select id, name, short_name from organizations`);
  const teams = await db.query<{ id: string; name: string }>(sql`select id, name from resource_teams`);
  const warehouses = await db.query<{ id: string; name: string; region_code: string; owner_org_id: string | null }>(sql`select id, name, region_code, owner_org_id from resource_warehouses`);
  return {
    region: lookup(regions.map((r) => ({ id: r.code, keys: [r.code, r.name] }))),
    org: lookup(orgs.map((o) => ({ id: o.id, keys: [o.name, o.short_name] }))),
    team: lookup(teams.map((t) => ({ id: t.id, keys: [t.name] }))),
    warehouse: lookup(warehouses.map((w) => ({ id: w.id, keys: [w.name] }))),
    warehouses: new Map(warehouses.map((w) => [w.id, w])),
  };
}
type Lookups = Awaited<ReturnType<typeof lookups>>;

function resolve(l: ReturnType<typeof lookup>, value: unknown, column: string, what: string, err: Err): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const r = l(value);
  if ('id' in r) return r.id;
  err(column, r.error === 'unknown' ? `${what}「${value}」不存在，请填写系统中已有的${what}` : `「${value}」对应多个${what}，请改填全称或代码`);
  return undefined;
}

/** The place columns of a register row → its API input (regionCode and coordinates), checked. */
function placeOf(ctx: Ctx, v: Values, look: Lookups, err: Err) {
  const regionCode = resolve(look.region, v.region, '区划', '区划', err);
  if ((v.lng === undefined) !== (v.lat === undefined)) err(v.lng === undefined ? '经度' : '纬度', '经度和纬度须同时填写');
  if (regionCode && !inScope(ctx.actor, { regionCode })) err('区划', '该区划超出了您的数据范围');
  return { regionCode, address: v.address, lng: v.lng, lat: v.lat };
}

interface Spec { columns: XlsxColumn[]; register?: RegisterKind; label: string; plan(ctx: Ctx, v: Values, look: Lookups, err: Err): Values }

const SPECS: Record<ImportKind, Spec> = {
  teams: { columns: TEAM_COLUMNS, register: 'team', label: '救援队伍', plan: (ctx, v, look, err) => ({
    ...v, region: undefined, ownerOrg: undefined, ...placeOf(ctx, v, look, err), ownerOrgId: resolve(look.org, v.ownerOrg, '所属单位', '单位', err) }) },
  experts: { columns: EXPERT_COLUMNS, register: 'expert', label: '专家', plan: (ctx, v, look, err) => ({ ...v, region: undefined, ...placeOf(ctx, v, look, err), address: undefined }) },
  shelters: { columns: SHELTER_COLUMNS, register: 'shelter', label: '避难场所', plan: (ctx, v, look, err) => ({ ...v, region: undefined, ...placeOf(ctx, v, look, err) }) },
  equipment: { columns: EQUIPMENT_COLUMNS, register: 'equipment', label: '装备车辆', plan: (ctx, v, look, err) => ({
    ...v, region: undefined, ownerOrg: undefined, ownerTeam: undefined, ...placeOf(ctx, v, look, err),
    ownerOrgId: resolve(look.org, v.ownerOrg, '所属单位', '单位', err), ownerTeamId: resolve(look.team, v.ownerTeam, '所属队伍', '救援队伍', err) }) },
  stock: { columns: STOCK_COLUMNS, label: '库存', plan: (ctx, v, look, err) => {
    const warehouseId = resolve(look.warehouse, v.warehouse, '储备库', '储备库', err);
    const w = warehouseId ? look.warehouses.get(warehouseId)! : undefined;
    if (w && !inScope(ctx.actor, { regionCode: w.region_code, orgId: w.owner_org_id })) err('储备库', `储备库「${w.name}」超出了您的数据范围`);
    return { ...v, warehouseId };
  } },
};

/** Import a filled template of one kind; see the file comment for the rules. */
export async function importResources(ctx: Ctx, kind: ImportKind, buffer: Buffer, filename: string, mode: ImportMode): Promise<ImportResult> {
  const spec = SPECS[kind];
  let parsed;
  try {
    parsed = await parseXlsx<Values>(buffer, spec.columns, { maxRows: MAX_IMPORT_ROWS });
  } catch (e) {
    if (e instanceof SheetFileError) throw badRequest(e.message, 'The spreadsheet cannot be used');
    throw e;
  }
  const look = await lookups(ctx.db);
  const reg = spec.register ? REGISTERS[spec.register] : undefined;
  const taken = new Map((reg ? await existingNames(ctx.db, reg) : []).map((r) => [`${r.name}|${r.region_code.trim()}`, 0]));
  const errors: SheetError[] = [...parsed.errors];
  const plans: { row: number; input: Values }[] = [];
  for (const { row, values, ok } of parsed.rows) {
    const before = errors.length;
    const err: Err = (column, message) => errors.push({ row, column, message });
    const input = spec.plan(ctx, values, look, err);
    if (reg && typeof input.regionCode === 'string') {
      const key = `${String(input.name)}|${input.regionCode}`;
      const seen = taken.get(key);
      if (seen !== undefined) err(spec.columns[0].header, seen ? `与第 ${seen} 行重复` : `该区划已有同名的${reg.label}`);
      else taken.set(key, row);
    }
    if (ok && errors.length === before) plans.push({ row, input });
  }
  errors.sort((a, b) => a.row - b.row);
  const skipped = new Set(errors.map((e) => e.row)).size;
  const result: ImportResult = { mode, rows: parsed.rows.length, created: 0, updated: 0, skipped, written: false, errors };
  if ((errors.length && mode === 'all') || !plans.length) return result;

  await ctx.db.tx(async (tx) => {
    const items = new Map((await allItems(tx)).map((i) => [`${i.name}|${i.spec}`, i.id]));
    for (const p of plans) {
      if (reg) await createRecord(ctx, reg, p.input, tx);
      else await importStockRow(ctx, tx, p.input, items, filename, p.row);
      result.created++;
    }
    await audit(ctx, tx, { action: `command.resources.import.${kind}`, entityType: 'resource_import', entityId: filename.slice(0, 200),
      after: { mode, rows: result.rows, created: result.created, skipped } });
  });
  return { ...result, written: true };
}

async function importStockRow(ctx: Ctx, tx: Queryable, v: Values, items: Map<string, string>, filename: string, row: number) {
  const key = `${String(v.itemName)}|${String(v.spec ?? '')}`;
  let itemId = items.get(key);
  if (!itemId) {
    itemId = (await insertItem(tx, { name: String(v.itemName), spec: String(v.spec ?? ''), unit: String(v.unit), category: String(v.category) })).id;
    items.set(key, itemId);
    await audit(ctx, tx, { action: 'command.resources.item.create', entityType: 'resource_items', entityId: itemId, after: { name: v.itemName, spec: v.spec ?? '', unit: v.unit, category: v.category } });
  }
  const ledgerId = await inbound(tx, { actor: ctx.actor, at: ctx.clock() }, { warehouseId: String(v.warehouseId), itemId, quantity: Number(v.quantity),
    reason: `期初库存导入（${filename}，第 ${row} 行）`, batchNo: (v.batchNo as string) ?? null, expiresOn: (v.expiresOn as string) ?? null, refType: 'import', refId: filename.slice(0, 100) });
  const stockId = await ensureStockLine(tx, String(v.warehouseId), itemId);
  if (v.minLevel !== undefined) await setMinLevel(tx, stockId, Number(v.minLevel));
  await audit(ctx, tx, { action: 'command.resources.stock.inbound', entityType: 'resource_stock', entityId: stockId,
    after: { ledgerId, warehouseId: v.warehouseId, itemId, quantity: v.quantity, minLevel: v.minLevel, expiresOn: v.expiresOn ?? null, source: 'import' } });
}
