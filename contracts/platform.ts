// Files, inbox (in-app notifications), health.
import { Type, type Static } from '@sinclair/typebox';
import { PageQuery, Timestamp, Uuid } from './common.js';

export const FileMeta = Type.Object({
  id: Uuid,
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  enterpriseId: Type.Union([Uuid, Type.Null()]),
  uploadedBy: Type.Union([Uuid, Type.Null()]),
  createdAt: Timestamp,
});
export type FileMeta = Static<typeof FileMeta>;
export const FileQuery = Type.Composite([PageQuery, Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50 })),
  enterpriseId: Type.Optional(Uuid),
})]);

export const InboxItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  body: Type.String(),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
  ackRequired: Type.Boolean(),
  ackedAt: Type.Union([Timestamp, Type.Null()]),
});
export type InboxItem = Static<typeof InboxItem>;
export const InboxQuery = Type.Composite([PageQuery, Type.Object({
  unread: Type.Optional(Type.Boolean()),
})]);

export const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  version: Type.String(),
  database: Type.Object({ kind: Type.String(), reachable: Type.Boolean(), ms: Type.Number() }),
  migrations: Type.Object({ applied: Type.Integer(), latest: Type.Union([Type.String(), Type.Null()]), pending: Type.Integer() }),
  uptimeSeconds: Type.Number(),
});
export type Health = Static<typeof Health>;
