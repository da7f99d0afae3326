// The 专项督查 sample "yingji-relief-sample-v1": from a seed published before the draw and the list of recipients, each
// recipient unit's (town's or department's) households are ordered by SHA-256(seed|distribution id), highest first, and
// the first ceil(n × rate) are drawn; odd positions are visited at home, even ones called. Pure, so anyone can recompute it.
import { createHash } from 'node:crypto';

export const SAMPLE_ALGORITHM = 'yingji-relief-sample-v1';
const H = (x: string) => createHash('sha256').update(x, 'utf8').digest('hex');

/** ceil(size × percent / 100) in integers (percent has at most two decimals). */
export const sampleSize = (size: number, percent: number) => Math.floor((size * Math.round(percent * 100) + 9999) / 10000);

export interface Drawn { distributionId: string; position: number; method: 'home' | 'phone' }

/** The drawn households, stratified by recipient unit so that each town and department is checked at the rate. */
export function drawSample(seed: string, ratePercent: number, pool: readonly { id: string; unit: string }[]): Drawn[] {
  const units = [...new Set(pool.map((p) => p.unit))].sort();
  const picked: string[] = [];
  for (const u of units) {
    const layer = pool.filter((p) => p.unit === u).map((p) => ({ id: p.id, key: H(`${seed}|${p.id}`) }))
      .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : a.id.localeCompare(b.id)));
    picked.push(...layer.slice(0, sampleSize(layer.length, ratePercent)).map((x) => x.id));
  }
  return picked.map((id, i) => ({ distributionId: id, position: i + 1, method: i % 2 === 0 ? 'home' : 'phone' }));
}
