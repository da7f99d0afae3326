// Account administration: create, edit, reset password, disable, unlock, sessions. Every change audited.
import type { Static } from '@sinclair/typebox';
import type { AccountCreate, AccountUpdate, ScopeInput } from '../../../contracts/system.js';
import { ROLE_BY_CODE } from '../../../contracts/roles.js';
import { audit, type Ctx } from '../context.js';
import type { Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import { badRequest, conflict, forbidden, notFound } from '../http/errors.js';
import { type AccountRow, type AccountWrite, findAccountById, findAccountByUsername, insertAccount, updateAccount } from './accounts.store.js';
import { generateInitialPassword } from './passwords.js';
import { inScope } from './scope.js';
import { listAccountSessions, revokeAccountSessions, type SessionRow } from './sessions.store.js';
import { keepIfMasked, maskPhone } from '../personal/personal.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Account row → API shape (never the hash or history; the phone masked, issue #11 — personal data is not the administrator's to read). */
export function presentAccount(a: AccountRow, now: Date) {
  const locked = !!a.locked_until && new Date(a.locked_until) > now;
  return {
    id: a.id, username: a.username, displayName: a.display_name, phone: maskPhone(a.phone), roles: a.roles, orgId: a.org_id, orgName: a.org_name,
    scope: { kind: a.scope_kind, regionCode: a.scope_region_code ?? undefined, orgId: a.scope_org_id ?? undefined,
      enterpriseId: a.scope_enterprise_id ?? undefined, label: a.scope_label ?? '' },
    enforcementCertNo: a.enforcement_cert_no, disabled: a.disabled, locked, lockedUntil: locked ? iso(a.locked_until) : null,
    mustChangePassword: a.must_change_password, lastLoginAt: iso(a.last_login_at), createdAt: iso(a.created_at)!,
  };
}

export function presentSession(s: SessionRow, now: Date, currentId?: string) {
  return {
    id: s.id, createdAt: iso(s.created_at)!, lastSeenAt: iso(s.last_seen_at)!, expiresAt: iso(s.expires_at)!, revokedAt: iso(s.revoked_at),
    ip: s.ip, userAgent: s.user_agent, current: s.id === currentId, active: !s.revoked_at && new Date(s.expires_at) > now,
  };
}

/** A readable snapshot for the audit trail. */
const snapshot = (a: AccountRow) => ({
  username: a.username, displayName: a.display_name, phone: a.phone, roles: a.roles, orgId: a.org_id, scopeKind: a.scope_kind,
  scopeRegionCode: a.scope_region_code, scopeOrgId: a.scope_org_id, scopeEnterpriseId: a.scope_enterprise_id,
  enforcementCertNo: a.enforcement_cert_no, disabled: a.disabled,
});

async function checkScopeInput(ctx: Ctx, db: Queryable, s: Static<typeof ScopeInput>): Promise<AccountWrite> {
  const w: AccountWrite = { scope_kind: s.kind, scope_region_code: null, scope_org_id: null, scope_enterprise_id: null };
  if (s.kind === 'region') {
    if (!s.regionCode) throw badRequest('数据范围为“区域”时须选择区域', 'Pick a region for a region scope');
    if (!(await db.maybeOne(sql`select 1 from regions where code = ${s.regionCode}`))) throw badRequest('所选区域不存在', 'Region not found');
    if (!inScope(ctx.actor, { regionCode: s.regionCode })) throw forbidden('不能授予超出自己数据范围的区域', 'Scope beyond your own');
    w.scope_region_code = s.regionCode;
  } else if (s.kind === 'org') {
    if (!s.orgId) throw badRequest('数据范围为“部门”时须选择部门', 'Pick an organisation for an org scope');
    const org = await db.maybeOne<{ region_code: string }>(sql`select region_code from organizations where id = ${s.orgId}`);
    if (!org) throw badRequest('所选部门不存在', 'Organisation not found');
    if (!inScope(ctx.actor, { regionCode: org.region_code, orgId: s.orgId })) throw forbidden('不能授予超出自己数据范围的部门', 'Scope beyond your own');
    w.scope_org_id = s.orgId;
  } else if (s.kind === 'enterprise') {
    if (!s.enterpriseId) throw badRequest('数据范围为“企业”时须选择企业', 'Pick an enterprise for an enterprise scope');
    const e = await db.maybeOne<{ region_code: string }>(sql`select region_code from enterprises where id = ${s.enterpriseId}`);
    if (!e) throw badRequest('所选企业不存在', 'Enterprise not found');
    if (!inScope(ctx.actor, { regionCode: e.region_code, enterpriseId: s.enterpriseId })) throw forbidden('不能授予超出自己数据范围的企业', 'Scope beyond your own');
    w.scope_enterprise_id = s.enterpriseId;
  } else if (ctx.actor.scope.kind !== 'all') {
    throw forbidden('只有全市范围的管理员才能授予全市数据范围', 'Only county-wide administrators may grant a county-wide scope');
  }
  return w;
}

function checkRoles(roles: string[], certNo: string | null | undefined) {
  const unknown = roles.filter((r) => !ROLE_BY_CODE.has(r));
  if (unknown.length) throw badRequest(`未知角色：${unknown.join('、')}`, `Unknown roles: ${unknown.join(', ')}`);
  if (roles.includes('officer') && !certNo) throw badRequest('执法人员须填写执法证号', 'Law-enforcement officers need a certificate number');
}

async function checkOrg(db: Queryable, orgId: string | null | undefined) {
  if (orgId && !(await db.maybeOne(sql`select 1 from organizations where id = ${orgId}`))) throw badRequest('所属单位不存在', 'Organisation not found');
}

async function load(ctx: Ctx, db: Queryable, id: string) {
  const a = await findAccountById(db, id, ctx.actor.scope);
  if (!a) throw notFound('账号', 'Account');
  return a;
}

export async function createAccount(ctx: Ctx, input: Static<typeof AccountCreate>) {
  checkRoles(input.roles, input.enforcementCertNo);
  const initialPassword = generateInitialPassword();
  const hash = await ctx.hasher.hash(initialPassword);
  const account = await ctx.db.tx(async (tx) => {
    if (await findAccountByUsername(tx, input.username)) throw conflict(`用户名 ${input.username} 已被使用`, 'Username taken');
    await checkOrg(tx, input.orgId);
    const scope = await checkScopeInput(ctx, tx, input.scope);
    const id = uuidv7();
    await insertAccount(tx, id, {
      username: input.username, display_name: input.displayName, phone: keepIfMasked(input.phone, null, 'phone', '手机号') ?? null, roles: input.roles,
      org_id: input.orgId ?? null, ...scope, scope_kind: input.scope.kind, enforcement_cert_no: input.enforcementCertNo ?? null,
      password_hash: hash, must_change_password: true,
    });
    const a = (await findAccountById(tx, id))!;
    await audit(ctx, tx, { action: 'account.create', entityType: 'account', entityId: id, regionCode: a.scope_region_code, after: snapshot(a) });
    return a;
  });
  return { account: presentAccount(account, ctx.clock()), initialPassword };
}

export async function editAccount(ctx: Ctx, id: string, input: Static<typeof AccountUpdate>) {
  const a = await ctx.db.tx(async (tx) => {
    const before = await load(ctx, tx, id);
    const w: AccountWrite = { updated_at: ctx.clock().toISOString() };
    if (input.displayName !== undefined) w.display_name = input.displayName;
    if (input.phone !== undefined) w.phone = keepIfMasked(input.phone, before.phone, 'phone', '手机号');
    if (input.roles !== undefined) w.roles = input.roles;
    if (input.enforcementCertNo !== undefined) w.enforcement_cert_no = input.enforcementCertNo;
    if (input.orgId !== undefined) { await checkOrg(tx, input.orgId); w.org_id = input.orgId; }
    if (input.scope) Object.assign(w, await checkScopeInput(ctx, tx, input.scope));
    checkRoles(w.roles ?? before.roles, w.enforcement_cert_no !== undefined ? w.enforcement_cert_no : before.enforcement_cert_no);
    if (id === ctx.actor.id && w.roles && !w.roles.includes('admin') && before.roles.includes('admin')) {
      throw badRequest('不能移除自己的系统管理员角色', 'You cannot remove your own administrator role');
    }
    await updateAccount(tx, id, w);
    const after = (await findAccountById(tx, id))!;
    await audit(ctx, tx, { action: 'account.update', entityType: 'account', entityId: id, regionCode: after.scope_region_code, before: snapshot(before), after: snapshot(after) });
    return after;
  });
  return presentAccount(a, ctx.clock());
}

/** A new initial password, shown once; the account must change it and its sessions end. */
export async function resetPassword(ctx: Ctx, id: string) {
  const initialPassword = generateInitialPassword();
  const hash = await ctx.hasher.hash(initialPassword);
  const a = await ctx.db.tx(async (tx) => {
    const a = await load(ctx, tx, id);
    await updateAccount(tx, id, { password_hash: hash, must_change_password: true, is_demo: false, failed_logins: 0, locked_until: null,
      password_changed_at: ctx.clock().toISOString(), updated_at: ctx.clock().toISOString() });
    await revokeAccountSessions(tx, id, 'password_reset', ctx.clock());
    await audit(ctx, tx, { action: 'account.reset_password', entityType: 'account', entityId: id, regionCode: a.scope_region_code });
    return (await findAccountById(tx, id))!;
  });
  return { account: presentAccount(a, ctx.clock()), initialPassword };
}

/** Disable/enable/unlock: a flag change, audited; disabling ends the account's sessions at once. */
export async function setAccountState(ctx: Ctx, id: string, op: 'disable' | 'enable' | 'unlock') {
  if (op === 'disable' && id === ctx.actor.id) throw badRequest('不能停用自己的账号', 'You cannot disable your own account');
  const a = await ctx.db.tx(async (tx) => {
    const before = await load(ctx, tx, id);
    const w: AccountWrite = op === 'disable' ? { disabled: true } : op === 'enable' ? { disabled: false } : { failed_logins: 0, locked_until: null };
    await updateAccount(tx, id, { ...w, updated_at: ctx.clock().toISOString() });
    if (op === 'disable') await revokeAccountSessions(tx, id, 'disabled', ctx.clock());
    await audit(ctx, tx, { action: `account.${op}`, entityType: 'account', entityId: id, regionCode: before.scope_region_code,
      before: { disabled: before.disabled, lockedUntil: iso(before.locked_until) }, after: w });
    return (await findAccountById(tx, id))!;
  });
  return presentAccount(a, ctx.clock());
}

export async function accountSessions(ctx: Ctx, id: string) {
  await load(ctx, ctx.db, id);
  return (await listAccountSessions(ctx.db, id)).map((s) => presentSession(s, ctx.clock(), ctx.actor.sessionId));
}

export async function revokeSessionsOf(ctx: Ctx, id: string) {
  return ctx.db.tx(async (tx) => {
    const a = await load(ctx, tx, id);
    const revoked = await revokeAccountSessions(tx, id, 'revoked_by_admin', ctx.clock(), id === ctx.actor.id ? ctx.actor.sessionId : undefined);
    await audit(ctx, tx, { action: 'account.revoke_sessions', entityType: 'account', entityId: id, regionCode: a.scope_region_code, after: { revoked } });
    return { revoked };
  });
}
