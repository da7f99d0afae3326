// The alarm rules at their boundaries: threshold (≥ high, ≤ low), 回差, minimum duration, upgrade to the second
// limit, rate of change, stuck value, and readings out of order.
import { describe, expect, it } from 'vitest';
import { type Action, evaluate, type SensorRules, type SensorState } from './evaluate.js';

const RULES: SensorRules = { low_low: 1, low: 2, high: 8, high_high: 9, hysteresis: 0.5, alarm_delay_s: 0, rate_limit: null, stuck_after_s: null };

/** Feed [seconds, value] pairs; returns every action with its reading's second. */
function run(rules: Partial<SensorRules>, readings: [number, number][], state: SensorState = {}) {
  const s = { ...RULES, ...rules };
  const out: (Action & { at: number })[] = [];
  let st = state;
  for (const [sec, v] of readings) {
    const r = evaluate(s, st, sec * 1000, v);
    st = r.state;
    out.push(...r.actions.map((a) => ({ ...a, at: sec })));
  }
  return { actions: out, state: st, kinds: out.map((a) => `${a.kind}:${a.rule === 'threshold' && a.kind !== 'clear' ? a.condition : a.rule}@${a.at}`) };
}

describe('threshold', () => {
  it('raises at exactly the high limit, not just below it', () => {
    expect(run({}, [[0, 7.999]]).kinds).toEqual([]);
    expect(run({}, [[0, 8]]).kinds).toEqual(['raise:high@0']);
  });

  it('raises at exactly the low limit, and the second limit as level 2', () => {
    expect(run({}, [[0, 2.001]]).kinds).toEqual([]);
    expect(run({}, [[0, 2]]).actions[0]).toMatchObject({ condition: 'low', level: 1, threshold: 2 });
    expect(run({}, [[0, 1]]).actions[0]).toMatchObject({ condition: 'low_low', level: 2, threshold: 1 });
    expect(run({}, [[0, 9]]).actions[0]).toMatchObject({ condition: 'high_high', level: 2, value: 9, threshold: 9 });
  });

  it('keeps the alarm inside the 回差 and clears only below high − hysteresis', () => {
    const r = run({}, [[0, 8.2], [10, 7.6], [20, 7.5], [30, 7.49]]);
    expect(r.kinds).toEqual(['raise:high@0', 'clear:threshold@30']);
    expect(r.actions[1]).toMatchObject({ peak: 8.2 });
  });

  it('clears a low alarm only above low + hysteresis', () => {
    expect(run({}, [[0, 1.9], [10, 2.5], [20, 2.51]]).kinds).toEqual(['raise:low@0', 'clear:threshold@20']);
  });

  it('does not chatter: values around the limit inside the 回差 raise once', () => {
    expect(run({}, [[0, 8.1], [1, 7.9], [2, 8.05], [3, 7.7], [4, 8.3]]).kinds).toEqual(['raise:high@0']);
  });

  it('waits the minimum duration: raised at exactly the delay, not before', () => {
    expect(run({ alarm_delay_s: 30 }, [[0, 8.5], [29.999, 8.5]]).kinds).toEqual([]);
    expect(run({ alarm_delay_s: 30 }, [[0, 8.5], [10, 8.6], [30, 8.5]]).kinds).toEqual(['raise:high@30']);
  });

  it('starts the minimum duration again when the value dips back', () => {
    expect(run({ alarm_delay_s: 30 }, [[0, 8.5], [20, 7.9], [25, 8.5], [50, 8.5], [55, 8.5]]).kinds).toEqual(['raise:high@55']);
  });

  it('upgrades a first-limit alarm when the second limit holds for the delay', () => {
    const r = run({ alarm_delay_s: 10 }, [[0, 8.5], [10, 8.5], [15, 9.2], [24, 9.3], [25, 9.1]]);
    expect(r.kinds).toEqual(['raise:high@10', 'upgrade:high_high@25']);
    expect(r.actions[1]).toMatchObject({ level: 2, threshold: 9 });
  });

  it('goes straight to level 2 when the first reading is past the second limit', () => {
    expect(run({}, [[0, 9.5], [1, 9.6]]).kinds).toEqual(['raise:high_high@0']);
  });

  it('works with only a high-high limit set', () => {
    expect(run({ high: null, low: null, low_low: null }, [[0, 8.9], [1, 9], [2, 8.5], [3, 8.49]]).kinds).toEqual(['raise:high_high@1', 'clear:threshold@3']);
  });

  it('carries an active alarm across a restart (state from the open alarm)', () => {
    expect(run({}, [[0, 7.8]], { active: 'high' }).kinds).toEqual([]);
    expect(run({}, [[0, 7.4]], { active: 'high' }).kinds).toEqual(['clear:threshold@0']);
  });
});

describe('rate of change', () => {
  it('raises at exactly the limit per minute and clears when it falls under', () => {
    const rules = { rate_limit: 1, high: null, high_high: null, low: null, low_low: null };
    expect(run(rules, [[0, 5], [60, 5.999]]).kinds).toEqual([]);
    const r = run(rules, [[0, 5], [60, 6], [120, 7.5], [180, 7.6]]);
    expect(r.kinds).toEqual(['raise:rate@60', 'clear:rate@180']);
    expect(r.actions[0]).toMatchObject({ rate: 1, threshold: 1 });
  });

  it('counts falls as well as rises, per minute of the actual gap', () => {
    const rules = { rate_limit: 2, high: null, high_high: null, low: null, low_low: null };
    expect(run(rules, [[0, 5], [30, 4]]).actions[0]).toMatchObject({ rule: 'rate', rate: -2 });
  });
});

describe('stuck value', () => {
  it('raises when the value has not changed for exactly the stuck time', () => {
    const rules = { stuck_after_s: 600 };
    expect(run(rules, [[0, 5], [300, 5], [599, 5]]).kinds).toEqual([]);
    expect(run(rules, [[0, 5], [300, 5], [600, 5], [900, 5]]).kinds).toEqual(['raise:stuck@600']);
  });

  it('clears once the value moves, and the clock restarts', () => {
    const rules = { stuck_after_s: 60 };
    expect(run(rules, [[0, 5], [60, 5], [70, 5.01], [100, 5.01], [130, 5.01]]).kinds).toEqual(['raise:stuck@60', 'clear:stuck@70', 'raise:stuck@130']);
  });
});

describe('order', () => {
  it('ignores a reading at or before the last one evaluated (stored, not judged)', () => {
    const r = run({}, [[10, 5], [10, 9.5], [5, 9.5]]);
    expect(r.kinds).toEqual([]);
    expect(r.state.lastTs).toBe(10_000);
  });

  it('leaves the given state untouched (a failed batch keeps the old state)', () => {
    const before: SensorState = { pending: { side: 'high', since: 0 } };
    evaluate({ ...RULES, alarm_delay_s: 10 }, before, 20_000, 8.5);
    expect(before).toEqual({ pending: { side: 'high', since: 0 } });
  });
});
