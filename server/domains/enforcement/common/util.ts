// Small shared helpers of the enforcement domain: today, numbers, ISO dates, money.
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';

/** Today in Asia/Shanghai (YYYY-MM-DD) by the platform clock. */
export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock());
/** The Shanghai day of a moment. */
export const dayOf = (d: Date | string) => shanghaiDate(new Date(d));
/** An ISO timestamp or null. */
export const iso = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : new Date(d).toISOString());
/** A numeric column (numeric comes back as text from some drivers) as a number. */
export const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
/** Round to fen (0.01 元). */
export const money = (x: number) => Math.round(x * 100) / 100;

/** A sequential internal number like JC-2022-000123, gap-free per prefix and year. */
export async function serial(tx: Queryable & { inTransaction: true }, prefix: string, year: number, width = 6): Promise<string> {
  return `${prefix}-${year}-${String(await nextNumber(tx, `enforcement.${prefix}`, year)).padStart(width, '0')}`;
}

/** 2022-06-01 → 2022年6月1日 (the form documents use). */
export function cnDate(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 40000 → 40000.00 元（肆万元整 is left to the printed form). */
export const yuan = (x: number) => `${money(x).toFixed(2)} 元`;
