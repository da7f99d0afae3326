// Facts about enterprises, as the enforcement domain needs them, all through the enterprise domain:
// single facts from its service (loadEnterprise, scoped), the draw pool from its directory.
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import { loadEnterprise } from '../../enterprises/enterprises.service.js';

/** What a document, an inspection or a case needs to know about an enterprise (a snapshot). */
export interface UnitFacts {
  enterpriseId: string; name: string; creditCode: string | null; address: string | null; legalRep: string | null; regionCode: string;
  sector: string | null; subtype: string | null; riskLevel: string | null; regulatorOrgId: string | null; status: string;
}

/** The enterprise's facts if the caller may see it, else 400 (the form named an enterprise it cannot use). */
export async function enterpriseFacts(ctx: Ctx, db: Queryable, id: string): Promise<UnitFacts> {
  try {
    const e = await loadEnterprise(ctx, db, id);
    return { enterpriseId: e.id, name: e.name, creditCode: e.credit_code, address: e.address, legalRep: e.legal_representative, regionCode: e.region_code,
      sector: e.sector, subtype: e.subtype, riskLevel: e.risk_level, regulatorOrgId: e.supervising_org_id, status: e.status };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not found in your scope');
    throw err;
  }
}

export { listPoolUnits, type PoolFilter, type PoolUnitRow } from '../../enterprises/directory.js';
