// The demo's hazards reproduce the report's figures for 2022-01-01..2022-06-30.
import { describe, expect, it } from 'vitest';
import { generateDemo } from './index.js';

const data = generateDemo();
const inH1 = (iso: string | null) => !!iso && iso >= '2021-12-31T16:00:00.000Z' && iso < '2022-06-30T16:00:00.000Z';

describe('demo hazards', () => {
  it('has the parks\' 大排查 with 26 problems found', () => {
    const c = data.campaigns.find((x) => x.name.includes('循环园、飞地园'))!;
    expect(data.hazards.filter((h) => h.campaign_id === c.id)).toHaveLength(26);
  });

  it('has 82 general and 2 major hazards in the 5 mines, found in 2022-H1', () => {
    const mine = data.hazards.filter((h) => h.sector === 'non_coal_mine' && inH1(h.found_at));
    expect(new Set(mine.map((h) => h.enterprise_id)).size).toBe(5);
    expect(mine.filter((h) => h.level === 'general')).toHaveLength(82);
    expect(mine.filter((h) => h.level === 'major')).toHaveLength(2);
  });

  it('has 50 flood hazards found and 19 rectified by 2022-06-30', () => {
    const c = data.campaigns.find((x) => x.name.includes('备汛'))!;
    const flood = data.hazards.filter((h) => h.campaign_id === c.id);
    expect(flood).toHaveLength(50);
    expect(flood.filter((h) => inH1(h.closed_at))).toHaveLength(19);
  });

  it('has 4 major fire hazards under 挂牌督办', () => {
    const fire = data.hazards.filter((h) => h.sector === 'fire_key' && h.level === 'major');
    expect(fire).toHaveLength(4);
    expect(fire.every((h) => h.supervise_level === 'county')).toBe(true);
  });

  it('numbers hazards without gaps and continues the sequence', () => {
    for (const { year, last } of data.numberSequences) {
      const nums = data.hazards.filter((h) => h.number.startsWith(`YH-${year}-`)).map((h) => Number(h.number.slice(-6))).sort((a, b) => a - b);
      expect(nums).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    }
  });

  it('keeps each trail in step with its hazard\'s status, and some hazards open and overdue today', () => {
    const byHazard = new Map<string, string[]>();
    for (const e of data.hazardEvents) byHazard.set(e.hazard_id, [...(byHazard.get(e.hazard_id) ?? []), e.action]);
    const expected: Record<string, number> = { pending: 1, rectifying: 2, review: 3, closed: 4 };
    for (const h of data.hazards) expect(byHazard.get(h.id)?.length, h.number).toBe(expected[h.status]);
    expect(data.hazards.some((h) => (h.status === 'pending' || h.status === 'rectifying') && h.deadline && h.deadline < '2026-11-30')).toBe(true);
  });
});
