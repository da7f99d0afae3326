// The demo county's enforcement data (demo/enforcement.ts) reproduces the report's figures (seed-figures.md rows 5, 7–11, 13),
// checked on the generated rows, so the test holds before and after the module is wired into demo/index.ts.
import { describe, expect, it } from 'vitest';
import { generate } from '../../../demo/enforcement.js';
import { generateDemo } from '../../../demo/index.js';
import { createContext } from '../../../demo/random.js';
import { computeDraw, resultHash } from './draws/algorithm.js';

const base = generateDemo();
const { enforcement: e } = generate(createContext(base.seed, 'enforcement'), base as never);
const H1 = (iso: unknown) => String(iso) < '2022-06-30T16:00:00.000Z';
const sub = (r: Record<string, unknown>) => r.subtype as string;

describe('demo enforcement data', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(generate(createContext(base.seed, 'enforcement'), generateDemo() as never).enforcement)).toBe(JSON.stringify(e));
  });

  it('has the measures of rows 7, 9, 11 and 13', () => {
    const suspended = e.measures.filter((m) => m.kind === 'suspend_business' && H1(m.decided_at));
    const count = (s: string) => suspended.filter((m) => sub(m) === s).length;
    expect([count('金属冶炼'), count('钢纤维'), count('鞋楦'), count('特种制泵'), count('林木加工')]).toEqual([12, 2, 4, 5, 22]);
    const closures = e.measures.filter((m) => m.kind === 'closure' && H1(m.decided_at)).map(sub).sort();
    expect(closures).toEqual(['松香', '用气单位'].sort());
  });

  it('has the 烟花爆竹打非 campaign of row 8', () => {
    const fw = e.inspections.filter((i) => i.campaign_id === e.campaigns[0].id);
    expect(new Set(fw.map((i) => i.enterprise_id)).size).toBe(1865);
    const seized = e.measures.filter((m) => m.kind === 'seize').flatMap((m) => JSON.parse(m.items as string) as { name: string; quantity: number }[]);
    const total = (n: string) => seized.filter((x) => x.name === n).reduce((s, x) => s + x.quantity, 0);
    expect([e.measures.filter((m) => m.kind === 'seize').length, total('鞭炮'), total('烟花'), total('非法运输车辆')]).toEqual([94, 2865, 648, 1]);
    expect(e.transfers.reduce((s, t) => s + (t.persons_detained as number), 0)).toBe(3);
  });

  it('has the mines of row 10: 5 inspected, 2 cases, 14 numbered documents, 40,000 元, 1 停止使用设备', () => {
    const mines = e.inspections.filter((i) => i.sector === 'non_coal_mine');
    expect(mines).toHaveLength(5);
    expect(e.cases.filter((c) => c.sector === 'non_coal_mine')).toHaveLength(2);
    expect(e.documents.filter((d) => d.sector === 'non_coal_mine' && d.number && d.kind !== 'service_receipt')).toHaveLength(14);
    expect(e.cases.reduce((s, c) => s + (c.fine as number), 0)).toBe(40000);
    expect(e.measures.filter((m) => m.kind === 'stop_use')).toHaveLength(1);
  });

  it('has the traffic police tallies of row 5, a draw that recomputes, and every tip-off answered', () => {
    expect(e.tallies.map((t) => [t.item, t.quantity])).toEqual([['查处交通违法行为', 10992], ['约谈事故多发乡镇', 4]]);
    const d = e.draws[0];
    const c = d.criteria as { count: number; riskWeights: Record<string, number>; officersPerUnit: number };
    const again = computeDraw({ seed: d.seed as string, pool: JSON.parse(d.pool as string), officers: JSON.parse(d.officer_pool as string), exclusions: [],
      criteria: { mode: 'count', count: c.count, riskWeights: c.riskWeights, officersPerUnit: c.officersPerUnit } });
    expect(resultHash(again)).toBe(d.result_hash);
    expect(e.tipoffs.every((t) => t.status === 'replied' && String(t.replied_at).slice(0, 10) <= String(t.reply_due))).toBe(true);
  });

  it('serves the mines\' orders (one 留置送达 with a witness), rewards two true reports and records two 回避 relations', () => {
    const orders = e.documents.filter((d) => d.kind === 'rectify_order');
    const served = e.services.filter((s) => orders.some((d) => d.id === s.document_id));
    expect(served).toHaveLength(orders.length);
    expect(served.filter((s) => s.method === 'left').every((s) => s.witness && s.refusal_note)).toBe(true);
    expect(served.some((s) => s.method === 'left')).toBe(true);
    expect(e.documents.filter((d) => d.kind === 'service_receipt')).toHaveLength(e.services.length);
    expect(e.rewards.map((r) => [r.amount, r.status])).toEqual([[3000, 'paid'], [3000, 'approved']]);
    expect(e.rewards.every((r) => e.tipoffs.find((t) => t.id === r.tipoff_id)?.verify_result === 'substantiated')).toBe(true);
    expect(new Set(e.avoidances.map((a) => `${a.officer_id}|${a.enterprise_id}`)).size).toBe(2);
  });
});
