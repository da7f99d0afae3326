// Shapes every domain shares: pagination, errors, ids.
import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid', description: 'UUID' });
export const RegionCode = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 (GB/T 2260 + 统计用区划)' });
export const Timestamp = Type.String({ format: 'date-time' });

/** Query string of every list: page is 1-based. */
export const PageQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type PageQuery = Static<typeof PageQuery>;

/** The one pagination shape of every list response. */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
export interface PageOf<T> { items: T[]; total: number; page: number; pageSize: number }

/** The one error shape: `{ error: { code, message, details? } }`. */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object({ id: Uuid });
export const Ok = Type.Object({ ok: Type.Boolean() });
