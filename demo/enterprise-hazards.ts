// 重大危险源 of the demo enterprises: units holding hazardous chemicals, identified and graded by the
// platform's own GB 18218 functions (so the stored result is what the API would compute). The demo
// enterprise 恒达化工 has a 三级 tank farm (the worked example of gb18218.test.ts) and a unit below S = 1.
import { evaluateHazard, GB18218_DEFAULTS } from '../server/domains/enterprises/gb18218.js';
import { demoEnterprise } from './enterprises.js';
import type { DemoContext } from './random.js';
import type { DemoData, EnterpriseRow, MajorHazardChemicalRow, MajorHazardSourceRow } from './types.js';

/** The catalogue rows the demo uses (code → name, Q t, β); demo.test.ts checks them against the migration. */
export const DEMO_CHEMICALS: Record<string, { name: string; q: number; beta: number }> = {
  '7664-41-7': { name: '氨', q: 10, beta: 2 },
  '7782-50-5': { name: '氯', q: 5, beta: 4 },
  '67-56-1': { name: '甲醇', q: 500, beta: 1 },
  '71-43-2': { name: '苯', q: 50, beta: 1 },
  '108-88-3': { name: '甲苯', q: 500, beta: 1 },
  '67-64-1': { name: '丙酮', q: 500, beta: 1 },
  '75-21-8': { name: '环氧乙烷', q: 10, beta: 2 },
  '68476-85-7': { name: '液化石油气', q: 50, beta: 1.5 },
  '86290-81-5': { name: '汽油', q: 200, beta: 1 },
};

type Holding = [code: string, min: number, max: number];
interface Plan { name: string; unit: 'production' | 'storage'; people: [number, number]; holdings: Holding[]; pick: number }

const PLANS: Record<string, Plan[]> = {
  'hazchem/production': [
    { name: '原料罐区', unit: 'storage', people: [0, 160], pick: 2, holdings: [['71-43-2', 20, 80], ['67-56-1', 100, 800], ['108-88-3', 100, 600], ['67-64-1', 100, 400], ['75-21-8', 2, 12]] },
    { name: '反应车间', unit: 'production', people: [0, 160], pick: 1, holdings: [['7664-41-7', 1, 12], ['7782-50-5', 0.5, 6], ['75-21-8', 0.5, 8]] },
  ],
  'hazchem/storage': [{ name: '甲类仓库', unit: 'storage', people: [20, 200], pick: 3, holdings: [['71-43-2', 30, 120], ['67-56-1', 200, 1200], ['108-88-3', 200, 900], ['86290-81-5', 100, 400]] }],
  'hazchem/use': [{ name: '加氯间', unit: 'storage', people: [30, 300], pick: 1, holdings: [['7782-50-5', 2, 8]] }],
  '液化气站': [{ name: '液化石油气储罐区', unit: 'storage', people: [10, 150], pick: 1, holdings: [['68476-85-7', 30, 80]] }],
  '冷库': [{ name: '氨制冷机房', unit: 'production', people: [10, 120], pick: 1, holdings: [['7664-41-7', 5, 25]] }],
};

/** Generates the major hazard sources with their chemicals. */
export function generate(ctx: DemoContext, base: Pick<DemoData, 'enterprises'>) {
  const { rng } = ctx;
  const majorHazardSources: MajorHazardSourceRow[] = [];
  const majorHazardChemicals: MajorHazardChemicalRow[] = [];
  const add = (e: EnterpriseRow, name: string, unit: Plan['unit'], people: number, holdings: [string, number][], recordNo: string | null) => {
    const terms = holdings.map(([code, q]) => ({ chemicalCode: code, name: DEMO_CHEMICALS[code].name, quantity: q, criticalQuantity: DEMO_CHEMICALS[code].q, beta: DEMO_CHEMICALS[code].beta }));
    const r = evaluateHazard(terms, people, GB18218_DEFAULTS);
    const id = ctx.id();
    majorHazardSources.push({ id, enterprise_id: e.id, name, unit_kind: unit, people_exposed: people, record_no: r.identified ? recordNo : null,
      note: null, s_value: r.s, identified: r.identified, alpha: r.alpha, r_value: r.r, grade: r.grade, rule_version: 'major_hazard.gb18218@default',
      working: JSON.stringify(r.working) });
    terms.forEach((t, i) => majorHazardChemicals.push({ id: ctx.id(), source_id: id, position: i + 1, chemical_code: t.chemicalCode, name: t.name,
      quantity_t: t.quantity, critical_quantity_t: t.criticalQuantity, beta: t.beta }));
  };
  let recordSeq = 0;
  const recordNo = () => `BA湘430699${String(2019 + (recordSeq % 4))}${String(++recordSeq).padStart(3, '0')}`;

  const demo = demoEnterprise(base);
  add(demo, '液氨、液氯及甲醇储罐区', 'storage', 60, [['7664-41-7', 30], ['67-56-1', 200], ['7782-50-5', 10]], recordNo());
  add(demo, '合成车间', 'production', 60, [['67-56-1', 30], ['7664-41-7', 4]], null);

  for (const e of base.enterprises) {
    if (e.id === demo.id || e.status === 'closed' || e.status === 'banned' || e.subtype === '松香') continue;
    const plans = (e.subtype && PLANS[e.subtype]) || PLANS[`${e.sector}/${e.sector_detail}`];
    if (!plans) continue;
    for (const plan of plans) {
      const holdings = rng.sample(plan.holdings, plan.pick).map(([code, min, max]): [string, number] => [code, Math.round(rng.float(min, max) * 10) / 10]);
      add(e, plan.name, plan.unit, rng.int(plan.people[0], plan.people[1]), holdings, recordNo());
    }
  }
  return { majorHazardSources, majorHazardChemicals };
}
