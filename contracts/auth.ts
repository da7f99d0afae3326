// Login, the current account, password change, own sessions.
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, Uuid } from './common.js';

export const ScopeKind = Type.Union([Type.Literal('all'), Type.Literal('region'), Type.Literal('org'), Type.Literal('enterprise')]);
export const Scope = Type.Object({
  kind: ScopeKind,
  regionCode: Type.Optional(Type.String()),
  orgId: Type.Optional(Uuid),
  enterpriseId: Type.Optional(Uuid),
  /** Human-readable name of the scope, e.g. 白塘镇 or 某某化工有限公司. */
  label: Type.String(),
});
export type Scope = Static<typeof Scope>;

export const Me = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.String()),
  roleNames: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  orgId: Type.Union([Uuid, Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  scope: Scope,
  enforcementCertNo: Type.Union([Type.String(), Type.Null()]),
  /** Initial or reset password, or expired under the 等保 profile: the UI must send the user to change it. */
  mustChangePassword: Type.Boolean(),
  passwordExpired: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const PasswordPolicy = Type.Object({
  profile: Type.Union([Type.Literal('dengbao'), Type.Literal('asvs')]),
  minLength: Type.Integer(),
  /** Rules in Chinese, one per line, for the change-password form. */
  rules: Type.Array(Type.String()),
  maxAgeDays: Type.Union([Type.Integer(), Type.Null()]),
});
export type PasswordPolicy = Static<typeof PasswordPolicy>;

export const SessionInfo = Type.Object({
  id: Uuid,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
  active: Type.Boolean(),
});
export type SessionInfo = Static<typeof SessionInfo>;
