// Rows → API shapes: snake_case columns become camelCase keys, timestamps ISO strings. The response schemas of the
// routes keep only the fields the contract names, so a row may carry more than its shape.

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** A database row as the API returns it. */
export function present<T>(row: object): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v instanceof Date ? v.toISOString() : v;
  return out as T;
}

/** Several rows. */
export const presentAll = <T>(rows: readonly object[]): T[] => rows.map((r) => present<T>(r));

/** An API object → the columns it writes (camelCase → snake_case), leaving out undefined values. */
export function columnsOf(input: object, rename: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[rename[k] ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = v;
  return out;
}
