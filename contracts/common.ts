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
    /** Counted up to a cap: there are more than `total` (lists of millions; ask with `exactTotal=true` for the figure). */
    totalCapped: Type.Optional(Type.Boolean()),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
export interface PageOf<T> { items: T[]; total: number; totalCapped?: boolean; page: number; pageSize: number }

/**
 * Above this many rows a large list (hazards, enterprises) says "more than" unless asked for the exact total; a text
 * search stops at SEARCH_COUNT_CAP (each row it counts is matched against four names: 10,000 matches of 隐患 took 83 ms).
 */
export const LIST_COUNT_CAP = 10_000;
export const SEARCH_COUNT_CAP = 1_000;
/** The cap of a large list's total for its filters, or none when the exact total is asked for. */
export const countCap = (q: { q?: string; exactTotal?: boolean }) => (q.exactTotal ? undefined : q.q ? SEARCH_COUNT_CAP : LIST_COUNT_CAP);

/** The query flag of a large list asking for its exact total (the "统计总数" link): counting millions takes seconds. */
export const ExactTotalQuery = Type.Object({
  exactTotal: Type.Optional(Type.Boolean({ description: '精确统计总数（默认超过 10,000 条时只显示“超过 10,000 条”）' })),
});

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
