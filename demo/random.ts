// Seeded randomness for the demo county: a small fast PRNG (sfc32), the helpers every
// generator uses, Chinese names and mobile numbers, and deterministic UUID v7-shaped ids.
// Nothing here reads the clock or Math.random, so the same seed gives the same bytes.
import { GIVEN_CHARS, SURNAMES } from './names.js';

/** 128-bit string hash (cyrb128): turns "seed:module" into four PRNG state words. */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seeded random stream (sfc32) with the helpers the generators need. */
export class Rng {
  private a: number; private b: number; private c: number; private d: number;

  constructor(key: string) {
    [this.a, this.b, this.c, this.d] = hash128(key);
    for (let i = 0; i < 15; i++) this.uint32(); // warm up: sfc32's first outputs are weak
  }

  /** The next unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One element, chosen with the given relative weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** n distinct elements (n ≤ length). */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }

  /** A string of n decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// Ids look like UUID v7 (RFC 9562): 48-bit ms timestamp, version 7, variant 10, random bits.
// The timestamp starts at a fixed instant and steps 1 ms per id, so ids sort in creation order.
export const DEMO_ID_BASE_MS = Date.UTC(2021, 11, 31, 16, 0, 0); // 2022-01-01 00:00 Asia/Shanghai

/** Makes deterministic UUID v7-shaped ids from a stream. */
export function idMaker(rng: Rng, baseMs = DEMO_ID_BASE_MS): () => string {
  let n = 0;
  return () => {
    const ms = baseMs + n++;
    const b = new Uint8Array(16);
    for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
    for (let i = 6; i < 16; i += 2) {
      const r = rng.uint32();
      b[i] = r & 0xff;
      b[i + 1] = (r >>> 8) & 0xff;
    }
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

// Mobile number segments in use (移动/联通/电信/广电); 1[3-9]x as the brief asks.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153',
  '155', '156', '157', '158', '159', '166', '173', '175', '176', '177', '178', '180', '181', '182',
  '183', '184', '185', '186', '187', '188', '189', '191', '193', '195', '198', '199',
];

/** What each demo module receives: its own streams, an id maker, and person helpers. */
export interface DemoContext {
  readonly seed: number;
  readonly module: string;
  readonly rng: Rng;
  /** A new deterministic UUID (v7-shaped), in creation order. */
  id(): string;
  /** An invented Chinese person name (surname + 1–2 given characters). */
  personName(): string;
  /** An 11-digit mobile number, unique within this module. */
  mobile(): string;
}

/** A context whose streams depend only on the seed and the module's name. */
export function createContext(seed: number, module: string): DemoContext {
  const rng = new Rng(`yingji-demo:${seed}:${module}`);
  const id = idMaker(new Rng(`yingji-demo:${seed}:${module}:id`));
  const usedMobiles = new Set<string>();
  return {
    seed,
    module,
    rng,
    id,
    personName: () => personName(rng),
    mobile: () => {
      for (;;) {
        const m = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
        if (!usedMobiles.has(m)) { usedMobiles.add(m); return m; }
      }
    },
  };
}

/** An invented Chinese person name: a common surname and one or two given characters. */
export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES);
  const first = rng.pick(GIVEN_CHARS);
  if (rng.chance(0.3)) return surname + first;
  let second = rng.pick(GIVEN_CHARS);
  if (second === first && rng.chance(0.8)) second = rng.pick(GIVEN_CHARS); // 叠字 names, but rarely
  return surname + first + second;
}
