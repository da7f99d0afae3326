// SQL of 安全生产责任状 (responsibility letters), scoped: a town sees the letters signed in its town, a department or
// an enterprise its own; the bureau all.
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';

export interface PledgeRow { id: string; year: number; signer_kind: string; signer_org_id: string | null; signer_enterprise_id: string | null; signer_name: string;
  issuer_name: string; region_code: string; targets: string; signed_on: string | null; file_id: string | null }
export interface PledgeFilter { year?: number; signerKind?: string; kind?: string; signed?: boolean; q?: string; from?: string; to?: string; regionCode?: string; orgId?: string }

export const pledgeScope = (v: DataScope) => scopeWhere(v, { region: 'p.region_code', org: 'p.signer_org_id', enterprise: 'p.signer_enterprise_id' });
const scope = pledgeScope;
const cols = sql`p.id, p.year, p.signer_kind, p.signer_org_id, p.signer_enterprise_id, p.signer_name, p.issuer_name, p.region_code, p.targets, p.signed_on::text, p.file_id`;
const where = (v: DataScope, f: PledgeFilter) => sql.and([
  scope(v),
  f.year ? sql`p.year = ${f.year}` : undefined,
  f.signerKind || f.kind ? sql`p.signer_kind = ${f.signerKind || f.kind}` : undefined,
  // from/to: signed in these dates
  f.from ? sql`p.signed_on >= ${f.from}::date` : undefined,
  f.to ? sql`p.signed_on <= ${f.to}::date` : undefined,
  f.regionCode ? sql`p.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
  f.orgId ? sql`p.signer_org_id = ${f.orgId}` : undefined,
  f.signed === true ? sql`p.signed_on is not null` : f.signed === false ? sql`p.signed_on is null` : undefined,
  f.q ? sql`(p.signer_name like ${'%' + f.q + '%'} or p.targets like ${'%' + f.q + '%'})` : undefined,
]);

export async function listPledges(db: Queryable, v: DataScope, f: PledgeFilter, page: number, pageSize: number) {
  const w = where(v, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from pledges p where ${w}`);
  const items = await db.query<PledgeRow>(sql`select ${cols} from pledges p where ${w} order by p.year desc, p.signer_kind, p.signer_name limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findPledge = (db: Queryable, v: DataScope, id: string) => db.maybeOne<PledgeRow>(sql`select ${cols} from pledges p where p.id = ${id} and ${scope(v)}`);

/** The year's letters by signer kind: how many, how many signed; and who has not signed. */
export async function pledgeCounts(db: Queryable, v: DataScope, year: number) {
  const w = where(v, { year });
  const byKind = await db.query<{ key: string; total: number; signed: number }>(sql`select p.signer_kind as key, count(*)::int as total,
    count(p.signed_on)::int as signed from pledges p where ${w} group by 1 order by 1`);
  const unsigned = await db.query<{ id: string; signer_name: string; signer_kind: string }>(sql`select p.id, p.signer_name, p.signer_kind from pledges p
    where ${w} and p.signed_on is null order by p.signer_kind, p.signer_name`);
  return { byKind, unsigned };
}

export async function insertPledge(db: Queryable, r: Omit<PledgeRow, 'signed_on' | 'file_id'> & { signed_on: string | null; file_id: string | null; created_by: string | null }) {
  await db.execute(sql`insert into pledges (id, year, signer_kind, signer_org_id, signer_enterprise_id, signer_name, issuer_name, region_code, targets, signed_on, file_id, created_by)
    values (${r.id}, ${r.year}, ${r.signer_kind}, ${r.signer_org_id}, ${r.signer_enterprise_id}, ${r.signer_name}, ${r.issuer_name}, ${r.region_code}, ${r.targets},
    ${r.signed_on}::date, ${r.file_id}, ${r.created_by})`);
}
export const signPledge = (db: Queryable, id: string, signedOn: string, fileId: string | null) =>
  db.execute(sql`update pledges set signed_on = ${signedOn}::date, file_id = coalesce(${fileId}::uuid, file_id) where id = ${id}`);
// Units' and enterprises' names are unique, so one letter per name and year.
export const pledgeExists = (db: Queryable, year: number, name: string) =>
  db.maybeOne<{ id: string }>(sql`select id from pledges where year = ${year} and signer_name = ${name}`);
export const updatePledge = (db: Queryable, id: string, r: { signer_kind: string; issuer_name: string; targets: string; signed_on: string | null; file_id: string | null }) =>
  db.execute(sql`update pledges set signer_kind = ${r.signer_kind}, issuer_name = ${r.issuer_name}, targets = ${r.targets}, signed_on = ${r.signed_on}::date,
    file_id = ${r.file_id}::uuid where id = ${id}`);
export const deletePledge = (db: Queryable, id: string) => db.execute(sql`delete from pledges where id = ${id}`);
/** Whether the year has letters in the viewer's scope, and the latest year that has. */
export const yearsWithLetters = (db: Queryable, v: DataScope, year: number) => db.one<{ has: boolean; latest: number | null }>(sql`select
  exists (select 1 from pledges p where p.year = ${year} and ${pledgeScope(v)}) as has, (select max(p.year) from pledges p where ${pledgeScope(v)}) as latest`);
