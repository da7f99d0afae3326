// Typed columns for the one Excel import/export path: each type parses a cell (with a Chinese message a
// person can act on) and formats a value for export. Domains declare their columns with these.

/** A cell as exceljs gives it: primitives, dates, rich text, formulas, hyperlinks, error values. */
export type CellValue = unknown;

export type Parsed<T> = { value: T } | { error: string };

export interface ColumnType<T = unknown> {
  /** How the template's 填写说明 sheet describes the format (e.g. 整数, 日期 YYYY-MM-DD). */
  describe: string;
  /** Allowed labels (enum and boolean): the template offers them as a drop-down. */
  options?: readonly string[];
  /** Excel number format of the column (text columns are '@' so long digit strings stay text). */
  numFmt?: string;
  /** Parse a non-empty cell; `header` names the column in the message. */
  parse(cell: CellValue, header: string): Parsed<T>;
  /** Value → what the exported cell shows. */
  format(value: T): string | number | null;
}

/** One column of a sheet: the row property it fills or shows, its Chinese header, its type. */
export interface XlsxColumn<K extends string = string> {
  key: K;
  header: string;
  type: ColumnType<any>; // one sheet mixes column types
  required?: boolean;
  width?: number;
  note?: string;
}

/** The plain text of a cell (rich text joined, formula result, hyperlink text), or an error for error cells. */
export function cellText(cell: CellValue): { text: string } | { error: string } | { number: number } | { date: Date } | { bool: boolean } {
  if (cell instanceof Date) return { date: cell };
  if (typeof cell === 'number') return { number: cell };
  if (typeof cell === 'boolean') return { bool: cell };
  if (typeof cell === 'string') return { text: cell.trim() };
  if (cell && typeof cell === 'object') {
    const o = cell as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string; formula?: string };
    if (o.error) return { error: `单元格是错误值 ${o.error}，请改为实际内容` };
    if (o.richText) return { text: o.richText.map((r) => r.text).join('').trim() };
    if ('result' in o || o.formula) return cellText(o.result ?? '');
    if (typeof o.text === 'string') return { text: o.text.trim() };
    if (o.text && typeof o.text === 'object') return cellText(o.text);
  }
  return { text: String(cell ?? '').trim() };
}

/** True for a cell with nothing in it. */
export function isEmptyCell(cell: CellValue): boolean {
  const c = cellText(cell);
  return 'text' in c && c.text === '';
}

const quote = (v: unknown) => `“${String(v).slice(0, 40)}”`;

/** Text up to `max` characters, optionally matching a pattern (then `hint` says what is expected). */
export function text(opts: { max?: number; pattern?: RegExp; hint?: string } = {}): ColumnType<string> {
  const max = opts.max ?? 200;
  return {
    describe: opts.hint ?? `文本，不超过 ${max} 个字`, numFmt: '@',
    parse(cell, header) {
      const c = cellText(cell);
      if ('error' in c) return c;
      if ('number' in c && !Number.isSafeInteger(c.number)) {
        return { error: `「${header}」被 Excel 存成了数字，末几位已经丢失；请把该列设为“文本”格式后重新填写` };
      }
      const s = 'text' in c ? c.text : 'number' in c ? String(c.number) : 'date' in c ? c.date.toISOString().slice(0, 10) : c.bool ? '是' : '否';
      if (s.length > max) return { error: `「${header}」不能超过 ${max} 个字，实际 ${s.length} 个` };
      if (opts.pattern && !opts.pattern.test(s)) return { error: `「${header}」格式不正确：${quote(s)}；应为${opts.hint ?? '规定格式'}` };
      return { value: s };
    },
    format: (v) => v ?? null,
  };
}

function numberOf(cell: CellValue): number | null {
  const c = cellText(cell);
  if ('number' in c) return c.number;
  if ('text' in c && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(c.text.replace(/,/g, ''))) return Number(c.text.replace(/,/g, ''));
  return null;
}

/** A whole number within [min, max]. */
export function int(opts: { min?: number; max?: number } = {}): ColumnType<number> {
  const { min = 0, max = 1e9 } = opts;
  return {
    describe: `整数（${min}～${max}）`,
    parse(cell, header) {
      const n = numberOf(cell);
      if (n === null || !Number.isInteger(n)) return { error: `「${header}」应为整数，实际为${quote(describeCell(cell))}` };
      if (n < min || n > max) return { error: `「${header}」应在 ${min}～${max} 之间，实际为 ${n}` };
      return { value: n };
    },
    format: (v) => v ?? null,
  };
}

/** A decimal number within [min, max]. */
export function decimal(opts: { min?: number; max?: number } = {}): ColumnType<number> {
  const { min = -1e12, max = 1e12 } = opts;
  return {
    describe: `数字（${min}～${max}）`,
    parse(cell, header) {
      const n = numberOf(cell);
      if (n === null || !Number.isFinite(n)) return { error: `「${header}」应为数字，实际为${quote(describeCell(cell))}` };
      if (n < min || n > max) return { error: `「${header}」应在 ${min}～${max} 之间，实际为 ${n}` };
      return { value: n };
    },
    format: (v) => v ?? null,
  };
}

const DAY_RE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** A day, YYYY-MM-DD: a date cell, an Excel serial number, or text such as 2026-01-05, 2026/1/5, 2026年1月5日. */
export function date(): ColumnType<string> {
  return {
    describe: '日期，如 2026-01-05', numFmt: 'yyyy-mm-dd',
    parse(cell, header) {
      const c = cellText(cell);
      let d: Date | null = null;
      // exceljs gives a date cell as the UTC midnight of the day shown, so the UTC fields are the day.
      if ('date' in c) d = c.date;
      else if ('number' in c && c.number > 0 && c.number < 2958466) d = new Date(Math.round((c.number - 25569) * 86400_000));
      else if ('text' in c) {
        const m = DAY_RE.exec(c.text);
        if (m) {
          d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
          if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) d = null;
        }
      }
      if (!d || Number.isNaN(d.getTime())) return { error: `「${header}」应为日期（如 2026-01-05），实际为${quote(describeCell(cell))}` };
      return { value: d.toISOString().slice(0, 10) };
    },
    format: (v) => v ?? null,
  };
}

/** One of a code table's entries, written by its Chinese label (the code itself is accepted too). */
export function oneOf<C extends string>(table: readonly { code: C; label: string }[]): ColumnType<C> {
  const labels = table.map((t) => t.label);
  return {
    describe: `选填以下之一：${labels.join('、')}`, options: labels,
    parse(cell, header) {
      const c = cellText(cell);
      const s = 'text' in c ? c.text : 'number' in c ? String(c.number) : '';
      const hit = table.find((t) => t.label === s || t.code === s);
      return hit ? { value: hit.code } : { error: `「${header}」应为以下之一：${labels.join('、')}；实际为${quote(s)}` };
    },
    format: (v) => table.find((t) => t.code === v)?.label ?? v ?? null,
  };
}

/** 是/否 (also Y/N, TRUE/FALSE, 1/0). */
export function yesNo(): ColumnType<boolean> {
  return {
    describe: '是 或 否', options: ['是', '否'],
    parse(cell, header) {
      const c = cellText(cell);
      if ('bool' in c) return { value: c.bool };
      const s = ('text' in c ? c.text : 'number' in c ? String(c.number) : '').toUpperCase();
      if (['是', 'Y', 'YES', 'TRUE', '1'].includes(s)) return { value: true };
      if (['否', 'N', 'NO', 'FALSE', '0'].includes(s)) return { value: false };
      return { error: `「${header}」应填“是”或“否”，实际为${quote(s)}` };
    },
    format: (v) => (v === true ? '是' : v === false ? '否' : null),
  };
}

/** Several values in one cell, separated by 、，,；; (each parsed by `item`). */
export function list<T>(item: ColumnType<T>): ColumnType<T[]> {
  return {
    describe: `多个值用“、”分隔；每个值：${item.describe}`, numFmt: '@',
    parse(cell, header) {
      const c = cellText(cell);
      const s = 'text' in c ? c.text : 'number' in c ? String(c.number) : '';
      const out: T[] = [];
      for (const part of s.split(/[、，,；;\n]/).map((x) => x.trim()).filter(Boolean)) {
        const p = item.parse(part, header);
        if ('error' in p) return p;
        out.push(p.value);
      }
      return { value: out };
    },
    format: (v) => (v?.length ? v.map((x) => item.format(x)).join('、') : null),
  };
}

function describeCell(cell: CellValue): string {
  const c = cellText(cell);
  if ('text' in c) return c.text;
  if ('number' in c) return String(c.number);
  if ('date' in c) return c.date.toISOString().slice(0, 10);
  if ('bool' in c) return c.bool ? 'TRUE' : 'FALSE';
  return c.error;
}
