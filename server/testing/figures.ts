// Checks that a figure is what its list says: GET `trace.api` as the same account and compare the list's `total`
// (or the sum of `trace.sumOf` over every item, paging through) with the figure's value.
import type { Figure } from '../../contracts/figures.js';
import type { TestApp } from './app.js';

export interface TraceCheck {
  key: string;
  value: number;
  fromList: number;
}

/** The value the figure's list gives, as `cookie`'s account sees it. Throws when the list route refuses. */
export async function valueFromTrace(t: TestApp, cookie: string, f: Figure): Promise<number> {
  if (!f.trace) throw new Error(`figure ${f.key} has no trace`);
  const url = new URL(f.trace.api, 'http://x');
  if (!f.trace.sumOf) {
    url.searchParams.set('pageSize', '1');
    const r = await t.as(cookie, { method: 'GET', url: url.pathname + url.search });
    if (r.statusCode !== 200) throw new Error(`${f.key}: GET ${f.trace.api} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    const body = r.json() as { total?: number };
    if (typeof body.total !== 'number') throw new Error(`${f.key}: ${f.trace.api} is not a paged list`);
    return body.total;
  }
  let sum = 0;
  for (let page = 1; ; page++) {
    url.searchParams.set('pageSize', '200');
    url.searchParams.set('page', String(page));
    const r = await t.as(cookie, { method: 'GET', url: url.pathname + url.search });
    if (r.statusCode !== 200) throw new Error(`${f.key}: GET ${url.pathname + url.search} → ${r.statusCode} ${r.body.slice(0, 300)}`);
    const body = r.json() as { items: Record<string, unknown>[]; total: number };
    for (const it of body.items) sum += sumAt(it, f.trace.sumOf);
    if (page * 200 >= body.total) break;
  }
  return Math.round(sum * 1e6) / 1e6;
}

/** Every traced figure's value next to its list's; the caller asserts they are equal (one expect, all mismatches shown). */
export async function traceChecks(t: TestApp, cookie: string, figures: Figure[]): Promise<TraceCheck[]> {
  const out: TraceCheck[] = [];
  for (const f of figures) {
    if (!f.trace) continue;
    out.push({ key: f.key, value: f.value, fromList: await valueFromTrace(t, cookie, f) });
  }
  return out;
}

/**
 * The number at `path` in a list item: a field (`fine`), a nested field (`acceptedValues.total`), or a sum over the
 * elements of an array that match a condition (`items[name=鞭炮].quantity`).
 */
export function sumAt(item: unknown, path: string): number {
  let values: unknown[] = [item];
  for (const seg of path.split('.')) {
    const m = /^([^[\]]+)(?:\[([^=\]]+)=([^\]]*)\])?$/.exec(seg);
    if (!m) throw new Error(`bad sumOf path ${path}`);
    const [, key, whereKey, whereValue] = m;
    values = values.flatMap((v) => {
      const x = (v as Record<string, unknown> | null)?.[key];
      const arr = Array.isArray(x) ? x : [x];
      return whereKey ? arr.filter((e) => String((e as Record<string, unknown> | null)?.[whereKey]) === whereValue) : arr;
    });
  }
  return values.reduce<number>((a, v) => a + (v === null || v === undefined ? 0 : Number(v)), 0);
}
