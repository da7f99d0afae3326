// The alarm rules of one sensor, evaluated reading by reading: thresholds with 回差 (hysteresis) and 报警延时
// (minimum duration), rate of change, and stuck value. Pure: state in, state and actions out, so tests can walk
// the boundaries and the ingester can keep the new state only once the batch has committed.

export type ThresholdCondition = 'high' | 'high_high' | 'low' | 'low_low';

export interface SensorRules {
  low_low: number | null; low: number | null; high: number | null; high_high: number | null;
  hysteresis: number; alarm_delay_s: number; rate_limit: number | null; stuck_after_s: number | null;
}

export interface SensorState {
  /** The previous evaluated reading (readings at or before it are stored but not evaluated). */
  lastTs?: number; lastValue?: number;
  /** The threshold condition in force (an alarm raised and not yet back to normal). */
  active?: ThresholdCondition | null;
  /** A threshold side exceeded since `since`, waiting for the minimum duration. */
  pending?: { side: 'high' | 'low'; since: number } | null;
  /** Exceeding the second limit (高高/低低) since, while the first is in force. */
  pendingUp?: number | null;
  peak?: number | null;
  rateActive?: boolean;
  stuck?: { value: number; since: number } | null;
  stuckActive?: boolean;
}

export type Action =
  | { kind: 'raise'; rule: 'threshold'; condition: ThresholdCondition; level: 1 | 2; value: number; threshold: number; ts: number }
  | { kind: 'upgrade'; rule: 'threshold'; condition: ThresholdCondition; level: 2; value: number; threshold: number; ts: number }
  | { kind: 'raise'; rule: 'rate'; condition: 'rate'; level: 1; value: number; threshold: number; rate: number; ts: number }
  | { kind: 'raise'; rule: 'stuck'; condition: 'stuck'; level: 1; value: number; threshold: number; since: number; ts: number }
  | { kind: 'clear'; rule: 'threshold' | 'rate' | 'stuck'; value: number; peak: number | null; ts: number };

const HIGH = new Set<ThresholdCondition>(['high', 'high_high']);
/** The alarm level of a threshold condition: 2 for the second limits. */
export const levelOf = (c: ThresholdCondition): 1 | 2 => (c === 'high_high' || c === 'low_low' ? 2 : 1);

/** The limit a condition is judged against. */
export function limitOf(s: SensorRules, c: ThresholdCondition): number {
  return { high: s.high, high_high: s.high_high, low: s.low, low_low: s.low_low }[c]!;
}

/** Which limit a value reaches (≥ a high limit, ≤ a low limit), the more severe first. */
export function conditionOf(s: SensorRules, v: number): ThresholdCondition | null {
  if (s.high_high !== null && v >= s.high_high) return 'high_high';
  if (s.high !== null && v >= s.high) return 'high';
  if (s.low_low !== null && v <= s.low_low) return 'low_low';
  if (s.low !== null && v <= s.low) return 'low';
  return null;
}

/** Whether an active condition has ended: back past its first limit by more than the 回差. */
function cleared(s: SensorRules, active: ThresholdCondition, v: number): boolean {
  if (HIGH.has(active)) return v < (s.high ?? s.high_high!) - s.hysteresis;
  return v > (s.low ?? s.low_low!) + s.hysteresis;
}

function threshold(s: SensorRules, st: SensorState, ts: number, v: number, out: Action[]) {
  const delay = s.alarm_delay_s * 1000;
  if (st.active) {
    const high = HIGH.has(st.active);
    if (cleared(s, st.active, v)) {
      out.push({ kind: 'clear', rule: 'threshold', value: v, peak: st.peak ?? null, ts });
      st.active = null; st.pending = null; st.pendingUp = null; st.peak = null;
    } else {
      st.peak = st.peak == null ? v : high ? Math.max(st.peak, v) : Math.min(st.peak, v);
      const c = conditionOf(s, v);
      const upgrade: ThresholdCondition | null = st.active === 'high' && c === 'high_high' ? 'high_high' : st.active === 'low' && c === 'low_low' ? 'low_low' : null;
      if (!upgrade) { st.pendingUp = null; return; }
      st.pendingUp ??= ts;
      if (ts - st.pendingUp >= delay) {
        out.push({ kind: 'upgrade', rule: 'threshold', condition: upgrade, level: 2, value: v, threshold: limitOf(s, upgrade), ts });
        st.active = upgrade; st.pendingUp = null;
      }
      return;
    }
  }
  const c = conditionOf(s, v);
  if (!c) { st.pending = null; return; }
  const side = HIGH.has(c) ? 'high' : 'low';
  if (st.pending?.side !== side) st.pending = { side, since: ts };
  if (ts - st.pending.since >= delay) {
    out.push({ kind: 'raise', rule: 'threshold', condition: c, level: levelOf(c), value: v, threshold: limitOf(s, c), ts });
    st.active = c; st.pending = null; st.pendingUp = null; st.peak = v;
  }
}

function rate(s: SensorRules, st: SensorState, ts: number, v: number, out: Action[]) {
  if (s.rate_limit === null || st.lastTs === undefined || st.lastValue === undefined) return;
  const perMinute = (v - st.lastValue) / ((ts - st.lastTs) / 60_000);
  if (Math.abs(perMinute) >= s.rate_limit) {
    if (!st.rateActive) out.push({ kind: 'raise', rule: 'rate', condition: 'rate', level: 1, value: v, threshold: s.rate_limit, rate: Math.round(perMinute * 1000) / 1000, ts });
    st.rateActive = true;
  } else if (st.rateActive) {
    out.push({ kind: 'clear', rule: 'rate', value: v, peak: null, ts });
    st.rateActive = false;
  }
}

function stuck(s: SensorRules, st: SensorState, ts: number, v: number, out: Action[]) {
  if (s.stuck_after_s === null) return;
  const same = st.stuck && Math.abs(v - st.stuck.value) <= 1e-9 * Math.max(1, Math.abs(v));
  if (same) {
    if (!st.stuckActive && ts - st.stuck!.since >= s.stuck_after_s * 1000) {
      out.push({ kind: 'raise', rule: 'stuck', condition: 'stuck', level: 1, value: v, threshold: s.stuck_after_s, since: st.stuck!.since, ts });
      st.stuckActive = true;
    }
    return;
  }
  st.stuck = { value: v, since: ts };
  if (st.stuckActive) {
    out.push({ kind: 'clear', rule: 'stuck', value: v, peak: null, ts });
    st.stuckActive = false;
  }
}

/** Evaluate one reading; returns the new state (the old one is left untouched) and what to do. */
export function evaluate(s: SensorRules, state: SensorState, ts: number, v: number): { state: SensorState; actions: Action[] } {
  if (state.lastTs !== undefined && ts <= state.lastTs) return { state, actions: [] };
  const st: SensorState = { ...state, pending: state.pending && { ...state.pending }, stuck: state.stuck && { ...state.stuck } };
  const actions: Action[] = [];
  threshold(s, st, ts, v, actions);
  rate(s, st, ts, v, actions);
  stuck(s, st, ts, v, actions);
  st.lastTs = ts; st.lastValue = v;
  return { state: st, actions };
}
