// The API shapes the web uses, taken from contracts/ (types only: nothing of TypeBox reaches the bundle).
import type { Static } from '@sinclair/typebox';
import type { InitialPassword, OrgKind, RegionLevel } from '../../../contracts/system';

export type { PageOf } from '../../../contracts/common';
export type { Me, PasswordPolicy, Scope, SessionInfo } from '../../../contracts/auth';
export type { Account, AuditRecord, AuditVerify, Org, Region, RegionNode, Role } from '../../../contracts/system';
export type { InboxItem } from '../../../contracts/platform';

export type OrgKindCode = Static<typeof OrgKind>;
export type RegionLevelCode = Static<typeof RegionLevel>;
/** `{ account, initialPassword }`: the answer of account creation and password reset. */
export type AccountWithPassword = Static<typeof InitialPassword>;
