// Every SQL statement about accounts. Reads are scoped: an account manager sees accounts in its scope.
import type { Queryable } from '../db/db.js';
import { sql, type Sql } from '../db/sql.js';
import type { DataScope } from './actor.js';
import { scopeWhere } from './scope.js';

export interface AccountRow {
  id: string; username: string; display_name: string; phone: string | null; roles: string[]; org_id: string | null;
  org_name: string | null; scope_kind: DataScope['kind']; scope_region_code: string | null; scope_org_id: string | null;
  scope_enterprise_id: string | null; scope_label: string | null; enforcement_cert_no: string | null; password_hash: string;
  password_changed_at: Date; must_change_password: boolean; password_history: string[]; is_demo: boolean; disabled: boolean;
  failed_logins: number; locked_until: Date | null; last_login_at: Date | null; created_at: Date; updated_at: Date;
}

const SELECT = sql`select a.*, o.name as org_name,
  coalesce(r.name, so.name, e.name, case when a.scope_kind = 'all' then '全市' end) as scope_label
  from accounts a
  left join organizations o on o.id = a.org_id
  left join regions r on a.scope_kind = 'region' and r.code = a.scope_region_code
  left join organizations so on a.scope_kind = 'org' and so.id = a.scope_org_id
  left join enterprises e on a.scope_kind = 'enterprise' and e.id = a.scope_enterprise_id`;

/** An account's place for scoping: its scope region, or its org's region. */
const visible = (viewer: DataScope) => scopeWhere(viewer, { region: 'a.scope_region_code', org: 'a.org_id', enterprise: 'a.scope_enterprise_id' });

export const findAccountByUsername = (db: Queryable, username: string) =>
  db.maybeOne<AccountRow>(sql`${SELECT} where lower(a.username) = lower(${username})`);

/** The session of a token's hash and its account (account columns null when it is gone): one query for every signed-in request. */
export const findSessionAccount = (db: Queryable, tokenHash: string) =>
  db.maybeOne<{ session_id: string; session_revoked_at: Date | null; session_expires_at: Date; session_last_seen_at: Date } & (AccountRow | { [K in keyof AccountRow]: null })>(
    sql`select s.id as session_id, s.revoked_at as session_revoked_at, s.expires_at as session_expires_at, s.last_seen_at as session_last_seen_at, acc.*
      from sessions s left join lateral (${SELECT} where a.id = s.account_id) acc on true where s.token_hash = ${tokenHash}`);

export const findAccountById = (db: Queryable, id: string, viewer?: DataScope) =>
  db.maybeOne<AccountRow>(sql`${SELECT} where a.id = ${id} and ${viewer ? visible(viewer) : sql`true`}`);

export interface AccountFilter { q?: string; role?: string; orgId?: string; status?: 'active' | 'disabled' | 'locked' }

export async function listAccounts(db: Queryable, viewer: DataScope, f: AccountFilter, page: number, pageSize: number, now: Date) {
  const conds: Sql[] = [visible(viewer)];
  if (f.q) conds.push(sql`(a.username ilike ${'%' + f.q + '%'} or a.display_name ilike ${'%' + f.q + '%'} or a.phone like ${'%' + f.q + '%'})`);
  if (f.role) conds.push(sql`${f.role} = any(a.roles)`);
  if (f.orgId) conds.push(sql`a.org_id = ${f.orgId}`);
  if (f.status === 'disabled') conds.push(sql`a.disabled`);
  if (f.status === 'active') conds.push(sql`not a.disabled and (a.locked_until is null or a.locked_until <= ${now.toISOString()})`);
  if (f.status === 'locked') conds.push(sql`a.locked_until > ${now.toISOString()}`);
  const where = sql.and(conds);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from accounts a where ${where}`);
  const items = await db.query<AccountRow>(sql`${SELECT} where ${where} order by a.created_at, a.username limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export interface AccountWrite {
  username?: string; display_name?: string; phone?: string | null; roles?: string[]; org_id?: string | null;
  scope_kind?: DataScope['kind']; scope_region_code?: string | null; scope_org_id?: string | null; scope_enterprise_id?: string | null;
  enforcement_cert_no?: string | null; password_hash?: string; must_change_password?: boolean; password_changed_at?: string;
  password_history?: string[]; is_demo?: boolean; disabled?: boolean; failed_logins?: number; locked_until?: string | null;
  last_login_at?: string; updated_at?: string;
}

export async function insertAccount(db: Queryable, id: string, w: Required<Pick<AccountWrite, 'username' | 'display_name' | 'roles' | 'scope_kind' | 'password_hash'>> & AccountWrite) {
  const cols = Object.keys(w) as (keyof AccountWrite)[];
  await db.execute(sql`insert into accounts (id, ${sql.join(cols.map((c) => sql.id(c)))}) values (${id}, ${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

export async function updateAccount(db: Queryable, id: string, w: AccountWrite) {
  const cols = (Object.keys(w) as (keyof AccountWrite)[]).filter((c) => w[c] !== undefined);
  if (!cols.length) return;
  await db.execute(sql`update accounts set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))} where id = ${id}`);
}

/** Record a failed login atomically; returns the new counter and lock. */
export async function registerFailedLogin(db: Queryable, id: string, threshold: number, lockUntil: Date) {
  return db.one<{ failed_logins: number; locked_until: Date | null }>(sql`update accounts set
    failed_logins = failed_logins + 1,
    locked_until = case when failed_logins + 1 >= ${threshold} then ${lockUntil.toISOString()}::timestamptz else locked_until end
    where id = ${id} returning failed_logins, locked_until`);
}

/** Who should hear about a record (see recipientIds). */
export interface RecipientQuery {
  /** The accounts of this enterprise. */
  enterpriseId?: string | null;
  /** The accounts of these organisations (members, or scoped to them). */
  orgIds?: (string | null | undefined)[];
  /** Region accounts of `regionRoles` whose scope covers `regionCode` (a town station for a village's hazard). */
  regionCode?: string;
  regionRoles?: string[];
  /** County-wide accounts of these roles. */
  countyRoles?: string[];
  /** Everyone whose scope lies inside these regions' subtrees: region accounts at or below them (only of `insideRoles`
   *  when given) and, with `insideEnterprises`, the accounts of the enterprises located there. */
  insideRegions?: string[];
  insideRoles?: string[];
  insideEnterprises?: boolean;
}

/** Who should hear about a record: the union of the groups the query names. Disabled accounts are left out. */
export async function recipientIds(db: Queryable, to: RecipientQuery) {
  const orgIds = (to.orgIds ?? []).filter((x): x is string => !!x);
  const conds: Sql[] = [];
  if (to.enterpriseId) conds.push(sql`(a.scope_kind = 'enterprise' and a.scope_enterprise_id = ${to.enterpriseId})`);
  if (orgIds.length) conds.push(sql`(a.org_id = any(${orgIds}::uuid[]) or a.scope_org_id = any(${orgIds}::uuid[]))`);
  if (to.regionCode && to.regionRoles?.length) {
    conds.push(sql`(a.scope_kind = 'region' and a.roles && ${to.regionRoles}::text[] and ${to.regionCode} like region_prefix(a.scope_region_code) || '%')`);
  }
  if (to.countyRoles?.length) conds.push(sql`(a.scope_kind = 'all' and a.roles && ${to.countyRoles}::text[])`);
  const inside = to.insideRegions ?? [];
  if (inside.length) {
    const within = (col: Sql) => sql`exists (select 1 from unnest(${inside}::text[]) c where ${col} like region_prefix(c) || '%')`;
    conds.push(sql`(a.scope_kind = 'region' and ${within(sql`a.scope_region_code`)}${to.insideRoles ? sql` and a.roles && ${to.insideRoles}::text[]` : sql``})`);
    if (to.insideEnterprises) {
      conds.push(sql`(a.scope_kind = 'enterprise' and exists (select 1 from enterprises e where e.id = a.scope_enterprise_id and ${within(sql`e.region_code`)}))`);
    }
  }
  if (!conds.length) return [];
  const rows = await db.query<{ id: string }>(sql`select a.id from accounts a where not a.disabled and (${sql.join(conds, ' or ')}) order by a.id`);
  return rows.map((r) => r.id);
}

/** Where each account is, for lists of recipients: its scope region, its enterprise's region, or its organisation's. */
export async function accountPlaces(db: Queryable, ids: string[]): Promise<Map<string, string | null>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; region_code: string | null }>(sql`select a.id, coalesce(a.scope_region_code, e.region_code, o.region_code) as region_code
    from accounts a left join enterprises e on e.id = a.scope_enterprise_id left join organizations o on o.id = coalesce(a.scope_org_id, a.org_id)
    where a.id = any(${ids}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.region_code]));
}
