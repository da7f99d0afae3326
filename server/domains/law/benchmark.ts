// The discretion benchmark's rules: circumstances → grade, grade → band, a decided penalty against the band's range.
// Pure, so the try-out form, a case's proposal and the tests apply one rule.
import type { Circumstances } from '../../../contracts/law.js';
import { GRADES } from '../../../contracts/law.js';
import { PENALTY_KINDS } from '../../../contracts/enforcement.js';
import type { BandRow } from './violations.store.js';

export type Grade = keyof typeof GRADES;
const ORDER: Grade[] = ['minor', 'general', 'serious', 'severe'];

/**
 * The grade of the circumstances. 严重 when 逾期未改正/拒不执行 or an accident followed; 较重 when not a first offence or
 * there was a real danger of an accident; 轻微 when a first offence with no or slight consequence was corrected in time
 * (行政处罚法第三十三条第一款); otherwise 一般. The order is that of the common provincial benchmarks [M].
 */
export function gradeOf(c: Circumstances): { grade: Grade; reasons: string[] } {
  if (c.overdueOrRefused) return { grade: 'severe', reasons: ['逾期未改正或拒不执行'] };
  if (c.consequence === 'accident') return { grade: 'severe', reasons: ['导致发生生产安全事故'] };
  const serious = [!c.firstOffence && '非初次违法（一年内因同一违法行为再次被查处）', c.consequence === 'danger' && '存在导致生产安全事故的现实危险'].filter(Boolean) as string[];
  if (serious.length) return { grade: 'serious', reasons: serious };
  if (c.firstOffence && c.correctedInTime && (c.consequence === 'none' || c.consequence === 'minor')) {
    return { grade: 'minor', reasons: ['初次违法', c.consequence === 'none' ? '没有造成危害后果' : '危害后果轻微', '及时改正'] };
  }
  return { grade: 'general', reasons: [c.correctedInTime ? '不属于轻微、较重、严重情形' : '未及时改正'] };
}

/** The band of a grade; when the benchmark has none for it, the nearest milder band, else the nearest harsher one. */
export function bandFor(bands: BandRow[], grade: Grade): { band: BandRow; exact: boolean } | undefined {
  const exact = bands.find((b) => b.grade === grade);
  if (exact) return { band: exact, exact: true };
  const i = ORDER.indexOf(grade);
  const near = [...ORDER.slice(0, i).reverse(), ...ORDER.slice(i + 1)].map((g) => bands.find((b) => b.grade === g)).find(Boolean);
  return near ? { band: near, exact: false } : undefined;
}

const yuan = (n: number) => `${n.toLocaleString('zh-CN')}元`;

/** 一万元至四万元罚款 / 不予行政处罚 — the band's range in words. */
export function rangeText(b: Pick<BandRow, 'kinds' | 'fine_min' | 'fine_max'>): string {
  const kinds = b.kinds.filter((k) => k !== 'fine').map((k) => PENALTY_KINDS[k as keyof typeof PENALTY_KINDS] ?? k);
  const fine = b.fine_min !== null || b.fine_max !== null ? [`罚款${yuan(b.fine_min ?? 0)}至${yuan(b.fine_max ?? 0)}`] : [];
  const all = [...fine, ...kinds];
  return all.length ? all.join('，') : '不予行政处罚';
}

/** Whether a decided penalty (kinds, fine) lies within the band: the same kinds, and the fine inside [min, max] inclusive. */
export function withinBand(b: Pick<BandRow, 'kinds' | 'fine_min' | 'fine_max'>, kinds: string[], fine: number | null | undefined): { within: boolean; why: string[] } {
  const why: string[] = [];
  const extra = kinds.filter((k) => !b.kinds.includes(k));
  const missing = b.kinds.filter((k) => !kinds.includes(k));
  const label = (k: string) => PENALTY_KINDS[k as keyof typeof PENALTY_KINDS] ?? k;
  if (extra.length) why.push(`基准未规定${extra.map(label).join('、')}`);
  if (missing.length) why.push(`未给予基准规定的${missing.map(label).join('、')}`);
  const amount = fine ?? 0;
  if (b.fine_min !== null || b.fine_max !== null) {
    if (kinds.includes('fine') && (amount < (b.fine_min ?? 0) || amount > (b.fine_max ?? Infinity))) why.push(`罚款${yuan(amount)}不在${yuan(b.fine_min ?? 0)}至${yuan(b.fine_max ?? 0)}之间`);
  } else if (amount > 0) why.push('基准未规定罚款');
  return { within: why.length === 0, why };
}

/** Checks of a decided penalty that hold whatever the band: known kinds, and a fine exactly when 罚款 is chosen. */
export function penaltyProblems(kinds: string[], fine: number | null | undefined): string | undefined {
  const unknown = kinds.filter((k) => !(k in PENALTY_KINDS));
  if (unknown.length) return `未知的处罚种类：${unknown.join('、')}（可选：${Object.values(PENALTY_KINDS).join('、')}）`;
  if (kinds.includes('fine') && !(fine && fine > 0)) return '处罚种类含罚款，请填写罚款金额';
  if (!kinds.includes('fine') && fine) return '填写了罚款金额，请在处罚种类中选择“罚款”';
  return undefined;
}
