// Login, logout, password change and the session check of every request.
import type { Ctx, Platform } from '../context.js';
import { sql } from '../db/sql.js';
import { AppError, badRequest, unauthorized } from '../http/errors.js';
import type { Permission } from '../../../contracts/roles.js';
import { permissionsOf, ROLE_BY_CODE } from '../../../contracts/roles.js';
import type { Actor } from './actor.js';
import { SYSTEM_ACTOR } from './actor.js';
import { sessionCache } from './session-cache.js';
import { type AccountRow, findAccountById, findAccountByUsername, findSessionAccount, registerFailedLogin, updateAccount } from './accounts.store.js';
import { checkPassword, policyInfo } from './passwords.js';
import { createSession, hashToken, revokeSession, touchSession } from './sessions.store.js';

// A hash to verify against when the username is unknown, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;

/** The actor of an account row. */
export function actorOf(a: AccountRow, sessionId?: string): Actor {
  return {
    kind: 'account', id: a.id, name: a.display_name, roles: a.roles, orgId: a.org_id, sessionId,
    permissions: new Set<Permission>(permissionsOf(a.roles)),
    scope: {
      kind: a.scope_kind,
      regionCode: a.scope_region_code ?? undefined,
      orgId: a.scope_org_id ?? undefined,
      enterpriseId: a.scope_enterprise_id ?? undefined,
    },
  };
}

export function passwordExpired(p: Platform, a: AccountRow, now: Date): boolean {
  const maxAge = policyInfo(p.config.passwordProfile).maxAgeDays;
  return maxAge !== null && now.getTime() - new Date(a.password_changed_at).getTime() > maxAge * 86400_000;
}

/** The account as the API shows it to itself. */
export function presentMe(p: Platform, a: AccountRow) {
  return {
    id: a.id, username: a.username, displayName: a.display_name, roles: a.roles,
    roleNames: a.roles.map((r) => ROLE_BY_CODE.get(r)?.name ?? r),
    permissions: permissionsOf(a.roles), orgId: a.org_id, orgName: a.org_name,
    scope: { kind: a.scope_kind, regionCode: a.scope_region_code ?? undefined, orgId: a.scope_org_id ?? undefined,
      enterpriseId: a.scope_enterprise_id ?? undefined, label: a.scope_label ?? '' },
    enforcementCertNo: a.enforcement_cert_no,
    mustChangePassword: a.must_change_password,
    passwordExpired: passwordExpired(p, a, p.clock()),
  };
}

const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));

/** Check a username and password; on success open a session. Every outcome is audited. */
export async function login(p: Platform, meta: Ctx['meta'] & { userAgent?: string }, username: string, password: string) {
  const now = p.clock();
  const a = await findAccountByUsername(p.db, username);
  const fail = async (reason: string, actorName = username) => {
    await p.audit.recordAlone(p.db, { ...SYSTEM_ACTOR, id: a?.id ?? null, name: actorName }, meta,
      { action: 'auth.login_failed', entityType: 'account', entityId: a?.id ?? null, after: { username, reason } });
  };
  if (!a) {
    dummyHash ??= p.hasher.hash('not-a-real-password');
    await p.hasher.verify(await dummyHash, password);
    await fail('unknown_username');
    throw new AppError(401, 'invalid_credentials', '用户名或密码错误', 'Wrong username or password');
  }
  if (a.locked_until && new Date(a.locked_until) > now) {
    await fail('locked', a.display_name);
    throw new AppError(423, 'locked', `账号因多次密码错误已锁定，请 ${minutesLeft(new Date(a.locked_until), now)} 分钟后再试，或联系管理员解锁`, 'Account locked');
  }
  if (!(await p.hasher.verify(a.password_hash, password))) {
    if (a.locked_until && a.failed_logins >= p.config.lockoutThreshold) await updateAccount(p.db, a.id, { failed_logins: 0, locked_until: null });
    const r = await registerFailedLogin(p.db, a.id, p.config.lockoutThreshold, new Date(now.getTime() + p.config.lockoutMinutes * 60000));
    await fail('wrong_password', a.display_name);
    if (r.locked_until && new Date(r.locked_until) > now) {
      throw new AppError(423, 'locked', `密码连续错误 ${p.config.lockoutThreshold} 次，账号已锁定 ${p.config.lockoutMinutes} 分钟`, 'Account locked');
    }
    const left = p.config.lockoutThreshold - r.failed_logins;
    throw new AppError(401, 'invalid_credentials', `用户名或密码错误（再错 ${left} 次将锁定账号）`, 'Wrong username or password');
  }
  if (a.disabled) {
    await fail('disabled', a.display_name);
    throw new AppError(403, 'disabled', '账号已停用，请联系系统管理员', 'Account disabled');
  }
  if (a.is_demo && p.config.env === 'production') {
    await fail('demo_in_production', a.display_name);
    throw new AppError(403, 'demo_account', '演示账号在生产环境中不可使用，请由管理员重置该账号密码后再登录', 'Demo accounts cannot log in in production until their password is reset');
  }
  const session = await p.db.tx(async (tx) => {
    await updateAccount(tx, a.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    const s = await createSession(tx, { accountId: a.id, now, absoluteHours: p.config.sessionAbsoluteHours, ip: meta.ip ?? undefined, userAgent: meta.userAgent });
    await p.audit.record(tx, actorOf(a, s.id), meta, { action: 'auth.login', entityType: 'session', entityId: s.id, after: { username: a.username } });
    return s;
  });
  return { session, account: a };
}

/** The actor behind a session token, or 401 when absent, revoked, idle too long or past its lifetime. */
export async function authenticate(p: Platform, token: string | undefined): Promise<{ actor: Actor; account: AccountRow }> {
  if (!token) throw unauthorized();
  const hash = hashToken(token);
  const cache = sessionCache(p.db);
  let row = cache.get(hash);
  if (!row) {
    const mark = cache.mark();
    row = await findSessionAccount(p.db, hash);
    if (row) cache.set(hash, row, mark);
  }
  const now = p.clock();
  if (!row || row.session_revoked_at) throw unauthorized('登录已失效，请重新登录', 'Session ended, please log in again');
  const { session_id: sessionId, session_expires_at: expiresAt, session_last_seen_at: lastSeenAt, session_revoked_at: _r, ...a } = row;
  if (new Date(expiresAt) <= now) throw unauthorized('登录已超过 12 小时，请重新登录', 'Session expired');
  if (now.getTime() - new Date(lastSeenAt).getTime() > p.config.sessionIdleMinutes * 60000) {
    await revokeSession(p.db, sessionId, 'idle', now);
    throw unauthorized(`超过 ${p.config.sessionIdleMinutes} 分钟未操作，请重新登录`, 'Session idle timeout');
  }
  if (a.id === null || a.disabled) {
    await revokeSession(p.db, sessionId, 'disabled', now);
    throw unauthorized('账号已停用，请联系系统管理员', 'Account disabled');
  }
  const account = a as AccountRow;
  // Refresh the idle clock at most once a minute: one write per minute per session, not per request.
  if (now.getTime() - new Date(lastSeenAt).getTime() > 60_000) {
    await touchSession(p.db, sessionId, now);
    row.session_last_seen_at = now;
  }
  // An entry of the session cache is one object for as long as it stays: its actor is made once (permissions and all).
  let actor = actors.get(row);
  if (!actor) actors.set(row, (actor = actorOf(account, sessionId)));
  return { actor: { ...actor }, account };
}

const actors = new WeakMap<object, Actor>();

export async function logout(ctx: Ctx) {
  if (!ctx.actor.sessionId) return;
  await ctx.db.tx(async (tx) => {
    await revokeSession(tx, ctx.actor.sessionId!, 'logout', ctx.clock());
    await ctx.audit.record(tx, ctx.actor, ctx.meta, { action: 'auth.logout', entityType: 'session', entityId: ctx.actor.sessionId });
  });
}

/** Change one's own password under the configured policy; clears the forced-change flag. */
export async function changePassword(ctx: Ctx, current: string, next: string) {
  const a = await findAccountById(ctx.db, ctx.actor.id!);
  if (!a) throw unauthorized();
  if (!(await ctx.hasher.verify(a.password_hash, current))) throw badRequest('当前密码不正确', 'Current password is wrong');
  const problems = checkPassword(ctx.config.passwordProfile, next, a.username);
  if (current === next) problems.push('新密码不能与当前密码相同');
  for (const old of a.password_history.slice(0, 5)) {
    if (await ctx.hasher.verify(old, next)) { problems.push('不能与最近 5 次使用过的密码相同'); break; }
  }
  if (problems.length) throw new AppError(400, 'password_policy', problems.join('；'), 'Password does not meet the policy', problems);
  const hash = await ctx.hasher.hash(next);
  await ctx.db.tx(async (tx) => {
    await updateAccount(tx, a.id, {
      password_hash: hash, must_change_password: false, is_demo: false, password_changed_at: ctx.clock().toISOString(),
      password_history: [a.password_hash, ...a.password_history].slice(0, 5), updated_at: ctx.clock().toISOString(),
    });
    // Other sessions of this account end; the one that changed the password stays.
    await tx.execute(sql`update sessions set revoked_at = ${ctx.clock().toISOString()}, revoked_reason = 'password_changed'
      where account_id = ${a.id} and revoked_at is null and id <> ${ctx.actor.sessionId ?? null}`);
    await ctx.audit.record(tx, ctx.actor, ctx.meta, { action: 'account.change_password', entityType: 'account', entityId: a.id });
  });
}
