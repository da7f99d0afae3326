// Risk points (风险点): graded by LEC or LS under the rule in force, kept with their inputs and rule version;
// an enterprise's risk colour follows its highest risk point.
import type { RiskPointInput } from '../../../contracts/hazards.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { ruleValue } from '../../platform/settings/rules.js';
import { findEnterpriseBrief, setRiskFromPoints } from '../enterprises/directory.js';
import { gradeLec, gradeLs, LEC_BANDS, LS_BANDS } from './risk.rules.js';
import { deleteRiskPoint, findRiskPoint, type RiskRow, topLevelOf, upsertRiskPoint } from './risk.store.js';

/** Grade inputs with the bands in force now; the working and the rule version go with the record. */
export async function grade(ctx: Ctx, method: 'LEC' | 'LS', inputs: Record<string, number>) {
  try {
    if (method === 'LEC') {
      const bands = await ruleValue(ctx.db, LEC_BANDS, ctx.clock());
      return { ...gradeLec(inputs as { L: number; E: number; C: number }, bands.value), ruleVersion: bands.version };
    }
    const bands = await ruleValue(ctx.db, LS_BANDS, ctx.clock());
    return { ...gradeLs(inputs as { L: number; S: number }, bands.value), ruleVersion: bands.version };
  } catch (e) {
    if (e instanceof RangeError) throw badRequest(e.message, e.message);
    throw e;
  }
}

export const workingOf = (r: RiskRow) => r.method === 'LEC'
  ? `D = L×E×C = ${r.inputs.L}×${r.inputs.E}×${r.inputs.C} = ${r.score}` : `R = L×S = ${r.inputs.L}×${r.inputs.S} = ${r.score}`;

export async function saveRiskPoint(ctx: Ctx, id: string | undefined, input: RiskPointInput) {
  const keys = Object.keys(input.inputs).sort().join('');
  if ((input.method === 'LEC' && keys !== 'CEL') || (input.method === 'LS' && keys !== 'LS')) {
    throw badRequest(input.method === 'LEC' ? 'LEC 法须填写 L、E、C 三项' : 'LS 法须填写 L、S 两项', 'Inputs do not match the method');
  }
  const g = await grade(ctx, input.method, input.inputs);
  return ctx.db.tx(async (tx) => {
    const before = id ? await findRiskPoint(tx, ctx.actor.scope, id) : undefined;
    if (id && !before) throw notFound('风险点', 'Risk point');
    const enterpriseId = ctx.actor.scope.kind === 'enterprise' ? ctx.actor.scope.enterpriseId! : (before?.enterprise_id ?? input.enterpriseId);
    let regionCode: string;
    let where = { lng: input.lng ?? null, lat: input.lat ?? null };
    if (enterpriseId) {
      const e = await findEnterpriseBrief(tx, ctx.actor.scope, enterpriseId);
      if (!e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not in scope');
      regionCode = e.regionCode;
      where = { lng: where.lng ?? e.lng, lat: where.lat ?? e.lat }; // on the map at the enterprise unless placed
    } else {
      if (!input.regionCode || !input.placeName) throw badRequest('公共场所的风险点须填写区划和地点', 'A public place needs region and name');
      if (!inScope(ctx.actor, { regionCode: input.regionCode })) throw forbidden('不能在管辖范围以外登记风险点', 'Outside your scope');
      regionCode = input.regionCode;
    }
    const rowId = id ?? uuidv7();
    await upsertRiskPoint(tx, {
      id: rowId, enterprise_id: enterpriseId ?? null, region_code: regionCode, place_name: input.placeName ?? null, name: input.name,
      hazard_desc: input.hazardDesc, method: input.method, inputs: JSON.stringify(input.inputs), score: g.score, level: g.level,
      rule_version: g.ruleVersion, control_measures: input.controlMeasures ?? null, responsible: JSON.stringify(input.responsible ?? []),
      lng: where.lng, lat: where.lat, created_by: ctx.actor.id,
    });
    if (enterpriseId) await setRiskFromPoints(tx, enterpriseId, await topLevelOf(tx, enterpriseId), ctx.clock());
    await audit(ctx, tx, { action: id ? 'risk_point.update' : 'risk_point.create', entityType: 'risk_point', entityId: rowId, regionCode,
      before: before ? { level: before.level, score: before.score, inputs: before.inputs } : null, after: { level: g.level, score: g.score, inputs: input.inputs, ruleVersion: g.ruleVersion } });
    return (await findRiskPoint(tx, { kind: 'all' }, rowId))!;
  });
}

export async function removeRiskPoint(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const r = await findRiskPoint(tx, ctx.actor.scope, id);
    if (!r) throw notFound('风险点', 'Risk point');
    await deleteRiskPoint(tx, id);
    if (r.enterprise_id) await setRiskFromPoints(tx, r.enterprise_id, await topLevelOf(tx, r.enterprise_id), ctx.clock());
    await audit(ctx, tx, { action: 'risk_point.delete', entityType: 'risk_point', entityId: id, regionCode: r.region_code, before: { name: r.name, level: r.level } });
  });
}
