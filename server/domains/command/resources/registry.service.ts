// Create and edit records of the resource registers, audited in the same transaction; references (region, owner
// organisation, owner team) checked with Chinese messages, places kept inside the caller's scope.
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { columnsOf } from './present.js';
import { findInRegister, insertRecord, type Register, updateRecord } from './registry.store.js';
import { requireWritable } from './scope.js';
import { unmaskColumns } from './personal.js';

type Row = Record<string, unknown> & { id: string; region_code: string; owner_org_id?: string | null; enterprise_id?: string | null };

/** Check the references a write names; throws 400 with what to fix. */
export async function checkReferences(db: Queryable, cols: Record<string, unknown>, pair = true) {
  if (typeof cols.region_code === 'string' && !(await db.maybeOne(sql`select 1 as one from regions where code = ${cols.region_code}`))) {
    throw badRequest(`区划代码 ${cols.region_code} 不存在，请从区划列表中选择`, 'Unknown region');
  }
  if (typeof cols.owner_org_id === 'string' && !(await db.maybeOne(sql`select 1 as one from organizations where id = ${cols.owner_org_id}`))) {
    throw badRequest('所属单位不存在，请从单位列表中选择', 'Unknown organisation');
  }
  if (typeof cols.owner_team_id === 'string' && !(await db.maybeOne(sql`select 1 as one from resource_teams where id = ${cols.owner_team_id}`))) {
    throw badRequest('所属队伍不存在，请从救援队伍中选择', 'Unknown team');
  }
  if (pair && ((cols.lng === null) !== (cols.lat === null) || (cols.lng === undefined) !== (cols.lat === undefined))) {
    throw badRequest('经度和纬度须同时填写（或同时清空）', 'lng and lat go together');
  }
}

function writableColumns(reg: Register, input: object) {
  const cols = columnsOf(input);
  for (const k of Object.keys(cols)) if (!reg.writable.includes(k)) delete cols[k];
  return cols;
}

const placeOf = (r: { region_code: string; owner_org_id?: string | null; enterprise_id?: string | null }) =>
  ({ regionCode: r.region_code, orgId: r.owner_org_id ?? null, enterpriseId: r.enterprise_id ?? null });

/** Register a new record of a register. */
export async function createRecord<T extends Row>(ctx: Ctx, reg: Register, input: object, tx?: Queryable): Promise<T> {
  const cols = unmaskColumns(reg.kind, writableColumns(reg, input));
  await checkReferences(tx ?? ctx.db, cols);
  requireWritable(ctx.actor, placeOf(cols as Row), `所填区划或所属单位`);
  const run = async (q: Queryable) => {
    const id = uuidv7();
    await insertRecord(q, reg, id, cols);
    const after = (await findInRegister<T>(q, reg, { kind: 'all' }, id))!;
    await audit(ctx, q, { action: `command.resources.${reg.kind}.create`, entityType: reg.table, entityId: id, regionCode: after.region_code, after: cols });
    return after;
  };
  return tx ? run(tx) : ctx.db.tx(run);
}

/** Edit a record the caller can see and may change. */
export async function editRecord<T extends Row>(ctx: Ctx, reg: Register, id: string, input: object): Promise<T> {
  const cols = writableColumns(reg, input);
  if (!Object.keys(cols).length) throw badRequest('没有要修改的内容', 'Nothing to change');
  // Coordinates are checked as a pair once merged with the record (one of them may change alone).
  await checkReferences(ctx.db, cols, false);
  return ctx.db.tx(async (tx) => {
    const before = await findInRegister<T>(tx, reg, ctx.actor, id);
    if (!before) throw notFound(reg.label, reg.kind);
    requireWritable(ctx.actor, placeOf(before), reg.label);
    unmaskColumns(reg.kind, cols, before);
    requireWritable(ctx.actor, placeOf({ ...before, ...cols } as Row), '修改后的区划或所属单位');
    const merged = { ...before, ...cols };
    if ((merged.lng === null) !== (merged.lat === null)) throw badRequest('经度和纬度须同时填写（或同时清空）', 'lng and lat go together');
    await updateRecord(tx, reg, id, cols);
    const after = (await findInRegister<T>(tx, reg, { kind: 'all' }, id))!;
    const changed = Object.fromEntries(Object.keys(cols).map((k) => [k, before[k]]));
    await audit(ctx, tx, { action: `command.resources.${reg.kind}.update`, entityType: reg.table, entityId: id, regionCode: after.region_code, before: changed, after: cols });
    return after;
  });
}
