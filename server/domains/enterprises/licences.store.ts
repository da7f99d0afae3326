// SQL of 证照 (licences and certificates) and of their expiry reminders.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { visibleEnterprises } from './enterprises.store.js';

export interface LicenceRow {
  id: string; enterprise_id: string; kind: string; number: string; issuer: string | null; issued_on: string | null; expires_on: string | null;
  file_id: string | null; note: string | null; days_left: number | null; created_at: Date; updated_at: Date;
}
export type LicenceWrite = Partial<Pick<LicenceRow, 'kind' | 'number' | 'issuer' | 'issued_on' | 'expires_on' | 'file_id' | 'note'>>;

const COLS = (today: string) => sql`l.id, l.enterprise_id, l.kind, l.number, l.issuer, l.issued_on::text as issued_on, l.expires_on::text as expires_on,
  l.file_id, l.note, (l.expires_on - ${today}::date) as days_left, l.created_at, l.updated_at`;

/** The licences of one enterprise, soonest expiry first (长期 last). */
export const listLicences = (db: Queryable, enterpriseId: string, today: string) =>
  db.query<LicenceRow>(sql`select ${COLS(today)} from enterprise_licences l where l.enterprise_id = ${enterpriseId} order by l.expires_on nulls last, l.kind, l.id`);

/** One licence whose enterprise the viewer may see. */
export const findLicence = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<LicenceRow>(sql`select ${COLS(today)} from enterprise_licences l join enterprises e on e.id = l.enterprise_id
    where l.id = ${id} and ${visibleEnterprises(viewer)}`);

export async function insertLicence(db: Queryable, r: LicenceWrite & { id: string; enterprise_id: string; created_at: string }) {
  await db.execute(sql`insert into enterprise_licences (id, enterprise_id, kind, number, issuer, issued_on, expires_on, file_id, note, created_at, updated_at)
    values (${r.id}, ${r.enterprise_id}, ${r.kind}, ${r.number}, ${r.issuer ?? null}, ${r.issued_on ?? null}, ${r.expires_on ?? null},
      ${r.file_id ?? null}, ${r.note ?? null}, ${r.created_at}, ${r.created_at})`);
}

export async function updateLicence(db: Queryable, id: string, w: LicenceWrite & { updated_at: string }) {
  const cols = (Object.keys(w) as (keyof typeof w)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`update enterprise_licences set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))} where id = ${id}`);
}

export const deleteLicence = (db: Queryable, id: string) => db.execute(sql`delete from enterprise_licences where id = ${id}`);

export interface DueLicence {
  id: string; kind: string; number: string; expires_on: string; days_left: number;
  enterprise_id: string; enterprise_name: string; region_code: string; supervising_org_id: string | null;
}

/** Licences of trading enterprises (在营/停产整顿) with a reminder due today and not yet sent for this expiry date. */
export const dueLicences = (db: Queryable, today: string, days: number[]) =>
  db.query<DueLicence>(sql`select l.id, l.kind, l.number, l.expires_on::text as expires_on, (l.expires_on - ${today}::date) as days_left,
      e.id as enterprise_id, e.name as enterprise_name, e.region_code, e.supervising_org_id
    from enterprise_licences l join enterprises e on e.id = l.enterprise_id
    where l.expires_on >= ${today}::date and l.expires_on <= ${today}::date + ${Math.max(...days)}::int and e.status in ('operating', 'suspended')
      and exists (select 1 from unnest(${days}::int[]) d where l.expires_on - ${today}::date <= d and not exists (
        select 1 from enterprise_licence_reminders r where r.licence_id = l.id and r.expires_on = l.expires_on and r.days_before = d))
    order by l.expires_on, l.id limit 2000`);

/** Record the reminders as sent; returns the thresholds that were not recorded before (none when another run got there first). */
export async function markReminders(db: Queryable, licenceId: string, expiresOn: string, thresholds: number[], at: string) {
  const rows = await db.query<{ days_before: number }>(sql`insert into enterprise_licence_reminders (licence_id, expires_on, days_before, sent_at)
    select ${licenceId}, ${expiresOn}::date, d, ${at} from unnest(${thresholds}::int[]) d on conflict do nothing returning days_before`);
  return rows.map((r) => r.days_before);
}
