// Risk grading (风险分级): LEC (D = L×E×C) and LS (R = L×S), banded into four colours by bureau-editable rules.
import { Type } from '@sinclair/typebox';
import { defineRule } from '../../platform/settings/rules.js';

export type RiskColour = 'red' | 'orange' | 'yellow' | 'blue';

/** Lower bounds (inclusive for LS, exclusive for LEC as the source writes ">320") of the top three colours. */
const Bands = Type.Object({ red: Type.Number(), orange: Type.Number(), yellow: Type.Number() });

export const LEC_BANDS = defineRule({
  key: 'risk.lec.bands',
  label: 'LEC 风险分级界限（D 值大于该数即为该级）',
  schema: Bands,
  defaultValue: { red: 320, orange: 160, yellow: 70 },
  source: '作业条件危险性评价法 D 值分档（>320 极其危险；160–320 高度危险；70–160 显著危险）',
  mark: 'M',
  note: '四色映射各地不一；也有 >160 重大、70–160 较大、20–70 一般 的做法，可在此调整',
});

export const LS_BANDS = defineRule({
  key: 'risk.ls.bands',
  label: 'LS 风险矩阵分级界限（R 值不小于该数即为该级）',
  schema: Bands,
  defaultValue: { red: 20, orange: 15, yellow: 9 },
  source: '风险矩阵法 R = L×S（20–25 重大、15–16 较大、9–12 一般、1–8 低）',
  mark: 'M',
  note: '山东 DB37/T 2882 式分档；也有 ≥15/≥9/≥4 的做法',
});

export const LEC_VALUES = { L: [10, 6, 3, 1, 0.5, 0.2, 0.1], E: [10, 6, 3, 2, 1, 0.5], C: [100, 40, 15, 7, 3, 1] } as const;

/** D = L×E×C, and its colour: D above the red bound is red, and so on. */
export function gradeLec(inputs: { L: number; E: number; C: number }, bands: { red: number; orange: number; yellow: number }) {
  for (const k of ['L', 'E', 'C'] as const) {
    if (!(LEC_VALUES[k] as readonly number[]).includes(inputs[k])) throw new RangeError(`LEC 的 ${k} 取值应为 ${LEC_VALUES[k].join('/')} 之一`);
  }
  const score = Math.round(inputs.L * inputs.E * inputs.C * 100) / 100;
  const level: RiskColour = score > bands.red ? 'red' : score > bands.orange ? 'orange' : score > bands.yellow ? 'yellow' : 'blue';
  return { score, level, working: `D = L×E×C = ${inputs.L}×${inputs.E}×${inputs.C} = ${score}` };
}

/** R = L×S with L, S in 1–5, and its colour: R at or above the red bound is red, and so on. */
export function gradeLs(inputs: { L: number; S: number }, bands: { red: number; orange: number; yellow: number }) {
  for (const k of ['L', 'S'] as const) {
    if (!Number.isInteger(inputs[k]) || inputs[k] < 1 || inputs[k] > 5) throw new RangeError(`LS 的 ${k} 取值应为 1–5 的整数`);
  }
  const score = inputs.L * inputs.S;
  const level: RiskColour = score >= bands.red ? 'red' : score >= bands.orange ? 'orange' : score >= bands.yellow ? 'yellow' : 'blue';
  return { score, level, working: `R = L×S = ${inputs.L}×${inputs.S} = ${score}` };
}
