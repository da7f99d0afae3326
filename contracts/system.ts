// 系统管理: regions, organisations, accounts, roles, audit trail.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';
import { Scope, ScopeKind } from './auth.js';
import { MASKED_PATTERN } from './personal.js';

export const RegionLevel = Type.Union(['province', 'city', 'county', 'town', 'village', 'park'].map((l) => Type.Literal(l)));
export const Region = Type.Object({
  code: RegionCode,
  parentCode: Type.Union([RegionCode, Type.Null()]),
  name: Type.String(),
  level: RegionLevel,
  sort: Type.Integer(),
  centerLng: Type.Union([Type.Number(), Type.Null()]),
  centerLat: Type.Union([Type.Number(), Type.Null()]),
});
export type Region = Static<typeof Region>;
export interface RegionNode extends Region { children: RegionNode[] }

export const RegionQuery = Type.Object({
  parent: Type.Optional(RegionCode),
  level: Type.Optional(RegionLevel),
  q: Type.Optional(Type.String({ maxLength: 50 })),
});
export const RegionCreate = Type.Object({
  code: RegionCode,
  parentCode: RegionCode,
  name: Type.String({ minLength: 1, maxLength: 50 }),
  level: RegionLevel,
  sort: Type.Optional(Type.Integer()),
});
export const RegionUpdate = Type.Partial(Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  sort: Type.Integer(),
}));

export const OrgKind = Type.Union(
  ['bureau', 'department', 'town_gov', 'town_station', 'park', 'committee', 'professional_committee', 'rescue_team', 'other'].map((k) => Type.Literal(k)),
);
export const Org = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: OrgKind,
  regionCode: RegionCode,
  regionName: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  sort: Type.Integer(),
  disabled: Type.Boolean(),
});
export type Org = Static<typeof Org>;
export const OrgQuery = Type.Composite([PageQuery, Type.Object({
  kind: Type.Optional(OrgKind),
  parentId: Type.Optional(Uuid),
  regionCode: Type.Optional(RegionCode),
  q: Type.Optional(Type.String({ maxLength: 50 })),
})]);
export const OrgCreate = Type.Object({
  parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  shortName: Type.Optional(Type.String({ maxLength: 30 })),
  kind: OrgKind,
  regionCode: RegionCode,
  contact: Type.Optional(Type.String({ maxLength: 30 })),
  phone: Type.Optional(Type.String({ maxLength: 30 })),
  sort: Type.Optional(Type.Integer()),
});
export const OrgUpdate = Type.Partial(Type.Composite([OrgCreate, Type.Object({ disabled: Type.Boolean() })]));

export const Role = Type.Object({
  code: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
});
export type Role = Static<typeof Role>;

export const ScopeInput = Type.Object({
  kind: ScopeKind,
  regionCode: Type.Optional(RegionCode),
  orgId: Type.Optional(Uuid),
  enterpriseId: Type.Optional(Uuid),
});
export const Account = Type.Object({
  id: Uuid,
  username: Type.String(),
  displayName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  orgId: Type.Union([Uuid, Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  scope: Scope,
  enforcementCertNo: Type.Union([Type.String(), Type.Null()]),
  disabled: Type.Boolean(),
  locked: Type.Boolean(),
  lockedUntil: Type.Union([Timestamp, Type.Null()]),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type Account = Static<typeof Account>;
export const AccountQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  role: Type.Optional(Type.String({ maxLength: 30 })),
  orgId: Type.Optional(Uuid),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled'), Type.Literal('locked')])),
})]);
export const AccountCreate = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 32, pattern: '^[A-Za-z0-9_.@-]+$' }),
  displayName: Type.String({ minLength: 1, maxLength: 30 }),
  phone: Type.Optional(Type.String({ pattern: `^(1[0-9]{10}|${MASKED_PATTERN})$`, description: '手机号（原样提交脱敏值表示不修改）' })),
  roles: Type.Array(Type.String({ maxLength: 30 }), { minItems: 1, maxItems: 5 }),
  orgId: Type.Optional(Uuid),
  scope: ScopeInput,
  enforcementCertNo: Type.Optional(Type.String({ minLength: 4, maxLength: 30 })),
});
export const AccountUpdate = Type.Partial(Type.Omit(AccountCreate, ['username']));
export const InitialPassword = Type.Object({ account: Account, initialPassword: Type.String() });

export const AuditRecord = Type.Object({
  seq: Type.Integer(),
  id: Uuid,
  at: Timestamp,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
});
export type AuditRecord = Static<typeof AuditRecord>;
export const AuditQuery = Type.Composite([PageQuery, Type.Object({
  actorId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  entityType: Type.Optional(Type.String({ maxLength: 60 })),
  entityId: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
})]);
export const AuditVerify = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  /** The first record whose hash or link does not match, when not ok. */
  brokenAtSeq: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  ms: Type.Number(),
});
export type AuditVerify = Static<typeof AuditVerify>;
