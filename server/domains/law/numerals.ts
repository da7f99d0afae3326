// Chinese numerals as law texts write them (九十九, 一百零二, 二〇二一) and back, and the normalised form searches compare.

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN = '零一二三四五六七八九';

/** 九十九 → 99, 一百零二 → 102, 十 → 10, 99 → 99; undefined when it is not a numeral. */
export function parseNumeral(s: string): number | undefined {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (!t || ![...t].every((c) => c in DIGITS || c in UNITS)) return undefined;
  let total = 0;
  let digit = -1;
  for (const c of t) {
    if (c in DIGITS) digit = DIGITS[c];
    else {
      total += (digit < 0 ? 1 : digit) * UNITS[c]; // 十 alone is 10
      digit = -1;
    }
  }
  return total + (digit > 0 ? digit : 0);
}

/** 99 → 九十九, 102 → 一百零二, 110 → 一百一十, 10 → 十 (how a law numbers its articles). */
export function numeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`numeral out of range: ${n}`);
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const ds = String(n).padStart(4, '0').split('').map(Number);
  let zero = false;
  ds.forEach((d, i) => {
    if (d === 0) { zero = parts.length > 0; return; }
    if (zero) { parts.push('零'); zero = false; }
    parts.push(CN[d] + units[i]);
  });
  return parts.join('');
}

/** 第九十九条 for 99. */
export const articleLabel = (n: number) => `第${numeral(n)}条`;
/** （五） for 5. */
export const itemLabel = (n: number) => `（${numeral(n)}）`;

/** The form searches compare: no spaces, half-width letters and digits, lower case, unified brackets. */
export function normalize(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（').replace(/\)/g, '）')
    .toLowerCase();
}
