// Who a warning reaches (预警对象), each asked to confirm (叫应): the town stations over a covered village and, inside
// the covered regions, the responsible people (town stations, village 灾害信息员) or, for audience "everyone", every
// region account there and the accounts of the enterprises located there.
import { accountPlaces, recipientIds } from '../../../platform/auth/accounts.store.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { WarningRow } from './warnings.store.js';

/** The roles of the responsible people a warning always reaches. */
export const WARNING_ROLES = ['town', 'informant'];

/** The recipients of a warning, each with the region that makes them one (their own place, or the covered region above it). */
export async function warningRecipients(db: Queryable, w: Pick<WarningRow, 'region_codes' | 'region_code' | 'audience'>): Promise<Map<string, string>> {
  const who = new Map<string, string>();
  // Over the area: whose scope covers a covered region (the town station of a warned village).
  for (const code of [...w.region_codes].sort()) {
    for (const id of await recipientIds(db, { regionCode: code, regionRoles: WARNING_ROLES })) if (!who.has(id)) who.set(id, code);
  }
  const everyone = w.audience === 'everyone';
  const inside = await recipientIds(db, { insideRegions: w.region_codes, insideRoles: everyone ? undefined : WARNING_ROLES, insideEnterprises: everyone });
  for (const [id, place] of await accountPlaces(db, inside.filter((id) => !who.has(id)))) who.set(id, place ?? w.region_code);
  return who;
}
