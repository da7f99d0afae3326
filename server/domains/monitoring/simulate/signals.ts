// Realistic sensor signals for the simulator, the demo history and the benchmark: each type has its own shape (tank
// levels cycle with filling and emptying, temperatures follow the day, gas stays near zero with small bumps, rivers
// rise after rain, rain comes in showers), plus faults that can be injected: spike past the high-high limit, slow drift
// past the high limit, a stuck value, a dropout (the device goes silent). Randomness comes from the caller.

export type Fault = 'spike' | 'drift' | 'stuck' | 'dropout';
export const FAULTS: Fault[] = ['spike', 'drift', 'stuck', 'dropout'];

export interface SignalSensor {
  type: string; rangeMin: number | null; rangeMax: number | null; low: number | null; high: number | null; highHigh: number | null; lowLow: number | null;
}

interface ActiveFault { kind: Fault; from: number; to: number; value?: number }

const DAY = 86400_000;

/** One simulated sensor: value(t) in its unit, or undefined while the device is silent. */
export class Signal {
  private readonly phase: number;
  private readonly base: number;
  private readonly span: number;
  private fault?: ActiveFault;
  private rain = 0;
  private last?: number;

  constructor(private readonly s: SignalSensor, private readonly rand: () => number) {
    const lo = s.rangeMin ?? 0; const hi = s.rangeMax ?? 100;
    this.span = hi - lo;
    this.phase = rand() * 2 * Math.PI;
    // A normal operating point between the low and high limits.
    const top = s.high ?? hi - this.span * 0.2; const bottom = s.low ?? lo;
    this.base = s.type === 'combustible_gas' || s.type === 'toxic_gas' || s.type === 'rainfall' ? lo : bottom + (top - bottom) * (0.35 + 0.2 * rand());
  }

  /** Start a fault lasting `ms` from `t`. */
  inject(kind: Fault, t: number, ms: number) { this.fault = { kind, from: t, to: t + ms }; }

  get faulted(): Fault | undefined { return this.fault?.kind; }

  /** The reading at time t (ms), or undefined during a dropout. */
  value(t: number): number | undefined {
    if (this.fault && t >= this.fault.to) this.fault = undefined;
    const f = this.fault;
    if (f?.kind === 'dropout') return undefined;
    if (f?.kind === 'stuck') return (f.value ??= this.last ?? this.normal(t));
    let v = this.normal(t);
    if (f?.kind === 'spike') v = (this.s.highHigh ?? this.s.high ?? this.base + this.span * 0.5) + this.span * 0.03 * (1 + this.rand());
    if (f?.kind === 'drift') v += ((t - f.from) / (f.to - f.from)) * ((this.s.high ?? this.base + this.span * 0.3) - this.base) * 1.3;
    const lo = this.s.rangeMin ?? -Infinity; const hi = this.s.rangeMax ?? Infinity;
    this.last = Math.round(Math.min(hi, Math.max(lo, v)) * 1000) / 1000;
    return this.last;
  }

  private noise(scale: number) { return (this.rand() - 0.5) * 2 * scale; }

  private normal(t: number): number {
    const day = Math.sin((2 * Math.PI * t) / DAY + this.phase);
    const span = this.span;
    switch (this.s.type) {
      case 'level': return this.base + span * 0.12 * Math.sin((2 * Math.PI * t) / (6 * 3600_000) + this.phase) + this.noise(span * 0.003);
      case 'temperature': return this.base + span * 0.05 * day + this.noise(span * 0.002);
      case 'pressure': case 'flow': return this.base + span * 0.03 * day + this.noise(span * 0.01);
      case 'combustible_gas': case 'toxic_gas': return Math.max(0, span * 0.01 * (1 + day) + (this.rand() < 0.01 ? span * 0.05 * this.rand() : 0) + this.noise(span * 0.003));
      case 'rainfall': {
        // Showers: a wet spell starts now and then and decays.
        if (this.rand() < 0.002) this.rain = 2 + 10 * this.rand();
        this.rain *= 0.97;
        return this.rain > 0.2 ? Math.round(this.rain * this.rand() * 10) / 10 : 0;
      }
      case 'water_level': return this.base + span * 0.04 * day + this.noise(span * 0.002);
      default: return this.base + span * 0.05 * day + this.noise(span * 0.01);
    }
  }
}
