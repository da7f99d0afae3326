// The 双随机 draw algorithm "yingji-draw-v1": deterministic, computed only from published data (seed, ordered unit
// pool, ordered officer pool, avoidance exclusions, criteria), so that anyone can recompute it. Pure: no I/O.
import { createHash } from 'node:crypto';

export const DRAW_ALGORITHM = 'yingji-draw-v1';

/** The algorithm in words, as the public page shows it. */
export const ALGORITHM_TEXT = [
  '算法 yingji-draw-v1（任何人可用公布的种子、名录库和回避清单复算）：',
  '1. H(x) = SHA-256(x) 的 64 位十六进制小写字符串，x 为 UTF-8 文本；比较 H 即比较十六进制字符串。',
  '2. 检查对象名录库按统一社会信用代码升序公布；每个对象的权重 w 取其风险等级在 riskWeights 中的值（仅按数量抽取时生效，默认 1），',
  '   排序键 K = max{ H(种子|unit|信用代码|j) : j = 0..w−1 }（等价于按权重的无放回加权抽样）。',
  '3. 按数量抽取：全部对象按 K 降序（相同时按信用代码升序）取前 count 个；',
  '   按比例抽取：按风险等级（red/orange/yellow/blue/none）分层，每层取 ceil(层内数量 × 比例) 个（比例取 riskRates 中该层的值，否则取 ratio），层内按 K 降序；',
  '   抽中的对象合并后按 K 降序排列，即抽取顺序。',
  '4. 执法人员名录库按执法证号升序公布。依抽取顺序为每个对象分配 officersPerUnit 名执法人员：排除回避清单中与该对象配对的人员，',
  '   其余按（本次已分配次数升序，H(种子|officer|信用代码|执法证号) 升序，执法证号升序）排序取前 officersPerUnit 名；不足则整次抽取不成立。',
  '5. 结果摘要 = H(按抽取顺序每行“信用代码:执法证号,执法证号”以换行连接)。',
].join('\n');

export type Stratum = 'red' | 'orange' | 'yellow' | 'blue' | 'none';
export interface DrawPoolUnit { code: string; riskLevel: string | null }
export interface DrawCriteriaCore {
  mode: 'ratio' | 'count'; ratio?: number; count?: number; officersPerUnit?: number;
  riskRates?: Partial<Record<Stratum, number>>; riskWeights?: Partial<Record<Stratum, number>>;
}
export interface DrawComputation {
  seed: string; pool: DrawPoolUnit[]; officers: { certNo: string }[]; exclusions: { unit: string; officer: string }[]; criteria: DrawCriteriaCore;
}
export interface DrawnUnit { unit: string; officers: string[] }

export class DrawError extends Error {
  constructor(message: string, readonly unit?: string) { super(message); }
}

/** SHA-256 of UTF-8 text as lower-case hex. */
export const H = (x: string) => createHash('sha256').update(x, 'utf8').digest('hex');
const stratum = (u: DrawPoolUnit): Stratum => (['red', 'orange', 'yellow', 'blue'].includes(u.riskLevel ?? '') ? u.riskLevel as Stratum : 'none');
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ceil(size × percent / 100) in integers (percent has at most two decimals). */
export function quota(size: number, percent: number): number {
  const bp = Math.round(percent * 100);
  return Math.floor((size * bp + 9999) / 10000);
}

/** The units drawn, in draw order, each with its officers' 执法证号. */
export function computeDraw(c: DrawComputation): DrawnUnit[] {
  const { seed, criteria } = c;
  const k = criteria.officersPerUnit ?? 2;
  const keyed = c.pool.map((u) => {
    const w = criteria.mode === 'count' ? (criteria.riskWeights?.[stratum(u)] ?? 1) : 1;
    let key = '';
    for (let j = 0; j < w; j++) { const h = H(`${seed}|unit|${u.code}|${j}`); if (h > key) key = h; }
    return { u, key };
  });
  const byKey = (a: { u: DrawPoolUnit; key: string }, b: { u: DrawPoolUnit; key: string }) => cmp(b.key, a.key) || cmp(a.u.code, b.u.code);
  let chosen: typeof keyed;
  if (criteria.mode === 'count') {
    chosen = [...keyed].sort(byKey).slice(0, criteria.count ?? 0);
  } else {
    chosen = [];
    for (const s of ['red', 'orange', 'yellow', 'blue', 'none'] as Stratum[]) {
      const layer = keyed.filter((x) => stratum(x.u) === s).sort(byKey);
      chosen.push(...layer.slice(0, quota(layer.length, criteria.riskRates?.[s] ?? criteria.ratio ?? 0)));
    }
    chosen.sort(byKey);
  }
  const excluded = new Set(c.exclusions.map((e) => `${e.unit}\u0000${e.officer}`));
  const load = new Map<string, number>(c.officers.map((o) => [o.certNo, 0]));
  return chosen.map(({ u }) => {
    const eligible = c.officers.filter((o) => !excluded.has(`${u.code}\u0000${o.certNo}`))
      .map((o) => ({ certNo: o.certNo, load: load.get(o.certNo)!, h: H(`${seed}|officer|${u.code}|${o.certNo}`) }))
      .sort((a, b) => a.load - b.load || cmp(a.h, b.h) || cmp(a.certNo, b.certNo));
    if (eligible.length < k) throw new DrawError(`对象 ${u.code} 可抽取的执法人员只有 ${eligible.length} 名（回避后），少于每个对象 ${k} 名`, u.code);
    const picked = eligible.slice(0, k).map((o) => o.certNo);
    for (const p of picked) load.set(p, load.get(p)! + 1);
    return { unit: u.code, officers: picked };
  });
}

/** The published digest of a result. */
export const resultHash = (r: DrawnUnit[]) => H(r.map((x) => `${x.unit}:${x.officers.join(',')}`).join('\n'));
