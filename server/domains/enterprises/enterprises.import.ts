// Import of the enterprise list from the Excel template: upsert by 统一社会信用代码, every bad row reported
// with its row number and reason, nothing written from a file with errors unless mode is 'valid-only';
// rows outside the caller's scope are row errors. One transaction, each row audited.
import { ENTERPRISE_STATUSES, type ImportResult, labelOf } from '../../../contracts/enterprises.js';
import { inScope } from '../../platform/auth/scope.js';
import { checkUscc, normaliseUscc } from '../../platform/codes/uscc.js';
import { audit, type Ctx } from '../../platform/context.js';
import { parseXlsx, SheetFileError, type SheetError } from '../../platform/excel/xlsx.js';
import { badRequest } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { IMPORT_COLUMNS, type ImportValues } from './enterprises.columns.js';
import { snapshot } from './enterprises.present.js';
import { checkSector, today, toWrite } from './enterprises.service.js';
import {
  allOrgs, allRegions, type CodeOwner, type EnterpriseWrite, findByCreditCodes, findEnterprise, insertEnterprise, insertStatusChange, updateEnterprise,
} from './enterprises.store.js';

export const MAX_IMPORT_ROWS = 5000;
export type ImportMode = 'all' | 'valid-only';

interface Plan { row: number; code: string; existing?: CodeOwner; write: EnterpriseWrite; status?: string }

/** Name → one id, or why not (unknown, or several with that name). */
function lookup<T>(items: T[], keys: (t: T) => (string | null)[], id: (t: T) => string) {
  const map = new Map<string, Set<string>>();
  for (const t of items) for (const k of keys(t)) if (k) map.set(k, (map.get(k) ?? new Set()).add(id(t)));
  return (name: string): { id: string } | { error: 'unknown' | 'ambiguous' } => {
    const ids = map.get(name.trim());
    if (!ids) return { error: 'unknown' };
    return ids.size === 1 ? { id: [...ids][0] } : { error: 'ambiguous' };
  };
}

/** Validate every row against the rules, the references and the caller's scope; returns the writes and the errors. */
async function plan(ctx: Ctx, rows: { row: number; values: Partial<ImportValues>; ok: boolean }[]) {
  const region = lookup(await allRegions(ctx.db), (r) => [r.code, r.name], (r) => r.code);
  const org = lookup(await allOrgs(ctx.db), (o) => [o.name, o.short_name], (o) => o.id);
  const codes = rows.map((r) => (r.values.creditCode ? normaliseUscc(r.values.creditCode) : '')).filter(Boolean);
  const owners = new Map((await findByCreditCodes(ctx.db, codes)).map((o) => [o.credit_code, o]));
  const seen = new Map<string, number>();
  const plans: Plan[] = [];
  const errors: SheetError[] = [];
  for (const { row, values: v, ok } of rows) {
    const err = (column: string | null, message: string) => errors.push({ row, column, message });
    const before = errors.length;
    const code = normaliseUscc(v.creditCode ?? '');
    const problem = v.creditCode ? checkUscc(code) : null;
    if (problem) err('统一社会信用代码', problem.message);
    else if (code && seen.has(code)) err('统一社会信用代码', `与第 ${seen.get(code)} 行的统一社会信用代码重复`);
    else if (code) seen.set(code, row);
    const existing = owners.get(code);
    const w = toWrite({ ...v, regionCode: undefined, sector: v.sector as never, sectorDetail: v.sectorDetail as never, flags: v.flags as never,
      scale: v.scale as never, standardGrade: v.standardGrade as never, riskLevel: v.riskLevel as never, creditCode: undefined });
    if (v.regionCode) {
      const r = region(v.regionCode);
      if ('id' in r) w.region_code = r.id;
      else err('区划代码', r.error === 'unknown' ? `区划「${v.regionCode}」不存在，请填写 12 位区划代码或系统中的村（社区）、镇、园区名称` : `名称「${v.regionCode}」对应多个区划，请改填 12 位区划代码`);
    }
    if (v.regulatorName) {
      const o = org(v.regulatorName);
      if ('id' in o) w.supervising_org_id = o.id;
      else err('行业主管部门', o.error === 'unknown' ? `行业主管部门「${v.regulatorName}」不存在，请填写系统中单位的全称或简称` : `「${v.regulatorName}」对应多个单位，请改填全称`);
    }
    // A changed sector clears a detail that is not given again; an unchanged one keeps it.
    const sectorChanged = !!v.sector && v.sector !== existing?.sector;
    const detail = v.sectorDetail !== undefined ? v.sectorDetail : sectorChanged || !existing ? null : undefined;
    const sector = v.sector ?? existing?.sector;
    if (sector && detail !== undefined) {
      try { w.sector_detail = checkSector(sector, detail); } catch (e) { err('行业细分', (e as Error).message); }
    }
    if ((v.lng === undefined) !== (v.lat === undefined)) err(v.lng === undefined ? '经度' : '纬度', '经度和纬度须同时填写');
    if (existing) {
      if (!inScope(ctx.actor, { regionCode: existing.region_code, orgId: existing.supervising_org_id, enterpriseId: existing.id })) {
        err('统一社会信用代码', '该企业不在您的数据范围内，不能通过导入修改');
      } else if (v.status && v.status !== existing.status) {
        err('经营状态', `已有企业的经营状态（当前为“${labelOf(ENTERPRISE_STATUSES, existing.status)}”）须在企业页面填写原因后变更，导入时不能修改`);
      }
    }
    const place = { regionCode: w.region_code ?? existing?.region_code, orgId: w.supervising_org_id ?? existing?.supervising_org_id };
    if (errors.length === before && !inScope(ctx.actor, place)) err('区划代码', '所属区划或行业主管部门超出了您的数据范围');
    if (ok && errors.length === before) plans.push({ row, code, existing, write: { ...w, credit_code: code }, status: existing ? undefined : v.status });
  }
  return { plans, errors };
}

/** Import a template file; see the file comment for the rules. */
export async function importEnterprises(ctx: Ctx, buffer: Buffer, filename: string, mode: ImportMode): Promise<ImportResult> {
  let parsed;
  try {
    parsed = await parseXlsx<ImportValues>(buffer, IMPORT_COLUMNS, { maxRows: MAX_IMPORT_ROWS });
  } catch (e) {
    if (e instanceof SheetFileError) throw badRequest(e.message, 'The spreadsheet cannot be used');
    throw e;
  }
  const planned = await plan(ctx, parsed.rows);
  const plans = planned.plans;
  // Per row: the cells' own errors (left to right), then the rules and references.
  const errors = [...parsed.errors, ...planned.errors].sort((a, b) => a.row - b.row);
  const skipped = new Set(errors.map((e) => e.row)).size;
  const result = { mode, rows: parsed.rows.length, created: 0, updated: 0, skipped, written: false, errors };
  if ((errors.length && mode === 'all') || !plans.length) return result;

  const now = ctx.clock().toISOString();
  const day = today(ctx);
  await ctx.db.tx(async (tx) => {
    for (const p of plans) {
      const w = p.write;
      if (w.risk_level) { w.risk_level_at = now; w.risk_level_source = `批量导入（${ctx.actor.name}）`; }
      if (p.existing) {
        const before = (await findEnterprise(tx, { kind: 'all' }, p.existing.id, day))!;
        await updateEnterprise(tx, p.existing.id, { ...w, updated_at: now });
        const after = (await findEnterprise(tx, { kind: 'all' }, p.existing.id, day))!;
        await audit(ctx, tx, { action: 'enterprise.import.update', entityType: 'enterprise', entityId: after.id, regionCode: after.region_code, before: snapshot(before), after: snapshot(after) });
        result.updated++;
      } else {
        const id = uuidv7();
        await insertEnterprise(tx, id, { ...w, sector: w.sector ?? 'other', status: (p.status ?? 'operating') as never, status_changed_at: p.status ? now : undefined, created_at: now, updated_at: now });
        if (p.status && p.status !== 'operating') {
          await insertStatusChange(tx, { id: uuidv7(), enterprise_id: id, from_status: null, to_status: p.status, reason: `批量导入时登记（文件：${filename}，第 ${p.row} 行）`,
            ordered_by_org_id: null, ordered_by: null, document_no: null, effective_on: day, recorded_by: ctx.actor.id, recorded_by_name: ctx.actor.name, recorded_at: now });
        }
        const after = (await findEnterprise(tx, { kind: 'all' }, id, day))!;
        await audit(ctx, tx, { action: 'enterprise.import.create', entityType: 'enterprise', entityId: id, regionCode: after.region_code, after: snapshot(after) });
        result.created++;
      }
    }
    await audit(ctx, tx, { action: 'enterprise.import', entityType: 'enterprise_import', entityId: filename.slice(0, 200),
      after: { mode, rows: result.rows, created: result.created, updated: result.updated, skipped } });
  });
  return { ...result, written: true };
}
