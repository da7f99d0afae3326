// Database errors the monitoring services turn into messages a person can act on.

/** A foreign-key violation (23503) whose constraint or message names `hint` (e.g. a column). */
export function isForeignKeyViolation(err: unknown, hint: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; detail?: string };
  return e?.code === '23503' && [e.constraint, e.message, e.detail].some((t) => typeof t === 'string' && t.includes(hint));
}
