// Monitoring facilities (水库、水闸、山洪监测点、雨量站): create and edit, audited.
import type { Static } from '@sinclair/typebox';
import type { FacilityCreate, FacilityUpdate } from '../../../../contracts/monitoring.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { unmaskResponsible } from './facilities.personal.js';
import { type FacilityRow, type FacilityWrite, findFacility, insertFacility, updateFacility } from './facilities.store.js';

async function checkRegion(ctx: Ctx, code: string) {
  if (!(await ctx.db.maybeOne(sql`select 1 as one from regions where code = ${code}`))) throw badRequest(`区划代码 ${code} 不存在，请从区划列表中选择`, 'Unknown region');
  if (!inScope(ctx.actor, { regionCode: code })) throw forbidden('不能在您的管辖范围以外登记设施', 'Outside your scope');
}

const toWrite = (i: Partial<Static<typeof FacilityCreate>>): FacilityWrite => ({
  name: i.name, kind: i.kind, region_code: i.regionCode, lng: i.lng, lat: i.lat, note: i.note,
  characteristics: i.characteristics && JSON.stringify(i.characteristics), responsible: i.responsible && JSON.stringify(i.responsible),
});

/** Register a facility in a region of the caller's scope. */
export async function createFacility(ctx: Ctx, input: Static<typeof FacilityCreate>): Promise<FacilityRow> {
  await checkRegion(ctx, input.regionCode);
  return ctx.db.tx(async (tx) => {
    const id = uuidv7();
    await insertFacility(tx, id, toWrite({ ...input, responsible: unmaskResponsible(input.responsible, undefined) }));
    await audit(ctx, tx, { action: 'monitoring.facility.create', entityType: 'monitoring_facility', entityId: id, regionCode: input.regionCode, after: input });
    return (await findFacility(tx, { kind: 'all' }, id))!;
  });
}

/** Edit a facility the caller can see. */
export async function editFacility(ctx: Ctx, id: string, input: Static<typeof FacilityUpdate>): Promise<FacilityRow> {
  if (input.regionCode) await checkRegion(ctx, input.regionCode);
  return ctx.db.tx(async (tx) => {
    const before = await findFacility(tx, ctx.actor.scope, id);
    if (!before) throw notFound('设施', 'Facility');
    await updateFacility(tx, id, toWrite({ ...input, responsible: unmaskResponsible(input.responsible, before.responsible) }));
    await audit(ctx, tx, { action: 'monitoring.facility.update', entityType: 'monitoring_facility', entityId: id, regionCode: before.region_code,
      before: { name: before.name, kind: before.kind, regionCode: before.region_code, characteristics: before.characteristics }, after: input });
    return (await findFacility(tx, { kind: 'all' }, id))!;
  });
}
