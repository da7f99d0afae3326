// 风险分级: the LEC and LS option tables with their meanings (docs/DOMAIN.md §2), and a preview of the
// grade with the bands in force (GET /api/settings/rules); the server grades again when it saves.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RuleInfo } from '../../../../contracts/settings';
import type { RiskColour } from '../hazards/codes';

export type Method = 'LEC' | 'LS';
interface Option { value: number; meaning: string }

/** D = L×E×C: 事故发生的可能性 L, 暴露于危险环境的频繁程度 E, 发生事故可能造成的后果 C. */
export const LEC_OPTIONS: Record<'L' | 'E' | 'C', { name: string; options: Option[] }> = {
  L: { name: '事故发生的可能性（L）', options: [
    { value: 10, meaning: '完全可以预料' }, { value: 6, meaning: '相当可能' }, { value: 3, meaning: '可能，但不经常' },
    { value: 1, meaning: '可能性小，完全意外' }, { value: 0.5, meaning: '很不可能，可以设想' }, { value: 0.2, meaning: '极不可能' },
    { value: 0.1, meaning: '实际不可能' }] },
  E: { name: '暴露于危险环境的频繁程度（E）', options: [
    { value: 10, meaning: '连续暴露' }, { value: 6, meaning: '每天工作时间内暴露' }, { value: 3, meaning: '每周一次或偶然暴露' },
    { value: 2, meaning: '每月一次暴露' }, { value: 1, meaning: '每年几次暴露' }, { value: 0.5, meaning: '非常罕见地暴露' }] },
  C: { name: '发生事故可能造成的后果（C）', options: [
    { value: 100, meaning: '大灾难，许多人死亡' }, { value: 40, meaning: '灾难，数人死亡' }, { value: 15, meaning: '非常严重，一人死亡' },
    { value: 7, meaning: '严重，重伤' }, { value: 3, meaning: '重大，致残' }, { value: 1, meaning: '引人注目，需要救护' }] },
};

/** R = L×S, each 1–5 (the meanings are the usual ones of the risk matrix). */
export const LS_OPTIONS: Record<'L' | 'S', { name: string; options: Option[] }> = {
  L: { name: '事故发生的可能性（L）', options: [
    { value: 5, meaning: '极有可能，在现场经常发生' }, { value: 4, meaning: '很可能，曾经发生过' }, { value: 3, meaning: '可能，偶尔发生' },
    { value: 2, meaning: '不太可能，极少发生' }, { value: 1, meaning: '极不可能，未曾听说' }] },
  S: { name: '事故后果的严重程度（S）', options: [
    { value: 5, meaning: '3人以上死亡或重大财产损失' }, { value: 4, meaning: '1–2人死亡或较大财产损失' }, { value: 3, meaning: '重伤、致残' },
    { value: 2, meaning: '轻伤' }, { value: 1, meaning: '轻微伤害，无需就医' }] },
};

/** The LEC danger bands (D), in words. */
export function lecMeaning(d: number): string {
  if (d > 320) return '极其危险，不能继续作业';
  if (d >= 160) return '高度危险，要立即整改';
  if (d >= 70) return '显著危险，需要整改';
  if (d >= 20) return '一般危险，需要注意';
  return '稍有危险，可以接受';
}

type Bands = { red: number; orange: number; yellow: number };
const DEFAULT_BANDS: Record<Method, Bands> = { LEC: { red: 320, orange: 160, yellow: 70 }, LS: { red: 20, orange: 15, yellow: 9 } };

/** The colour bands in force for each method (the shipped defaults until loaded). */
export function useRiskBands(): Record<Method, Bands> {
  const rules = useQuery({ queryKey: ['/api/settings/rules'], queryFn: () => api.get<RuleInfo[]>('/api/settings/rules'), staleTime: 10 * 60_000 });
  const value = (key: string) => rules.data?.find((r) => r.key === key)?.value as Bands | undefined;
  return { LEC: value('risk.lec.bands') ?? DEFAULT_BANDS.LEC, LS: value('risk.ls.bands') ?? DEFAULT_BANDS.LS };
}

/** Score, colour and working as the server will compute them (LEC bounds exclusive, LS inclusive). */
export function previewGrade(method: Method, inputs: Partial<Record<string, number>>, bands: Bands) {
  const keys = method === 'LEC' ? ['L', 'E', 'C'] : ['L', 'S'];
  if (keys.some((k) => typeof inputs[k] !== 'number')) return null;
  const values = keys.map((k) => inputs[k]!);
  const score = Math.round(values.reduce((a, b) => a * b, 1) * 100) / 100;
  const above = (bound: number) => (method === 'LEC' ? score > bound : score >= bound);
  const level: RiskColour = above(bands.red) ? 'red' : above(bands.orange) ? 'orange' : above(bands.yellow) ? 'yellow' : 'blue';
  const working = `${method === 'LEC' ? 'D = L×E×C' : 'R = L×S'} = ${values.join('×')} = ${score}`;
  return { score, level, working };
}
