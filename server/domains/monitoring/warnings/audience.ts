// Who a warning reaches (预警对象), each asked to confirm (叫应): the town stations over a covered village and, inside
// the covered regions, the responsible people (town stations, village 灾害信息员) or, for audience "everyone", every
// region account there and the accounts of the enterprises located there. The 防汛责任人 of the facilities inside the
// regions (reservoirs, torrent points…: people without accounts) get it by SMS.
import { accountPlaces, recipientIds } from '../../../platform/auth/accounts.store.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
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

/** The phones of the 责任人 of the monitoring facilities inside the regions (SMS only: they have no account to confirm with). */
export async function facilityPhones(db: Queryable, regionCodes: string[]): Promise<string[]> {
  const rows = await db.query<{ phone: string }>(sql`select distinct r->>'phone' as phone from monitoring_facilities f, jsonb_array_elements(f.responsible) r
    where exists (select 1 from unnest(${regionCodes}::text[]) c where f.region_code like region_prefix(c) || '%') and coalesce(r->>'phone', '') <> '' order by 1`);
  return rows.map((r) => r.phone);
}
