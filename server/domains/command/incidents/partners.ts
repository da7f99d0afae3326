// The plans and resources parts' directories, the only modules of theirs the incident desk imports (ports.ts).
// Kept behind these accessors so the desk reads "is the part there" in one place (the API says `available`).
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { plansDirectory as plans } from '../plans/directory.js';
import type { PlansDirectory, ResourcesDirectory, StockOut } from '../ports.js';
import { resourcesDirectory as resources, stockOutAudited } from '../resources/directory.js';

/** The plans part (PlansDirectory). */
export async function plansDirectory(): Promise<PlansDirectory | null> {
  return plans;
}

/** The resources part (ResourcesDirectory). */
export async function resourcesDirectory(): Promise<ResourcesDirectory | null> {
  return resources;
}

/** Supplies out of a warehouse inside the caller's transaction, with the audit record at the caller's clock. */
export const stockOut = (ctx: Ctx, tx: Queryable, m: StockOut) => stockOutAudited(ctx, tx, m);
