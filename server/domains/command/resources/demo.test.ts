// The demo county's emergency resources: the teams the brief names, a shelter in every town, stock lines whose batches
// and ledger add up to their quantity, some lines below minimum, a full shelter and a transfer after the June flood.
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../demo/index.js';
import { TOWN_NAMES, townCode } from '../../../../demo/county.js';

const d = generateDemo();
const r = d.commandResources;

describe('demo resources of 汨水市', () => {
  it('has the county teams, one team per town, village volunteers and ~40 experts', () => {
    const kinds = new Set(r.teams.map((t) => t.kind));
    for (const k of ['professional', 'fire', 'forest_fire', 'flood', 'hazchem', 'mine', 'village', 'social']) expect(kinds.has(k), k).toBe(true);
    expect(r.teams.filter((t) => t.kind === 'town')).toHaveLength(15);
    expect(r.teams.find((t) => t.kind === 'hazchem')!.region_code).toBe('430699402000');
    expect(r.experts.length).toBe(40);
    expect(r.members.length).toBeGreaterThan(500);
  });

  it('puts shelters and a warehouse in every town', () => {
    for (const t of TOWN_NAMES) {
      expect(r.shelters.some((s) => s.region_code === townCode(t)), t).toBe(true);
      expect(r.warehouses.some((w) => w.region_code === townCode(t)), t).toBe(true);
    }
    expect(r.shelters.filter((s) => s.occupancy === s.capacity).length).toBeGreaterThan(0);
  });

  it('keeps every stock line equal to its batches and its last ledger balance', () => {
    for (const s of r.stock) {
      const batches = r.batches.filter((b) => b.stock_id === s.id).reduce((a, b) => a + Number(b.quantity), 0);
      const ledger = r.ledger.filter((l) => l.stock_id === s.id);
      expect(batches).toBe(Number(s.quantity));
      expect(ledger.at(-1)?.balance_after ?? 0).toBe(Number(s.quantity));
    }
    expect(r.stock.filter((s) => Number(s.quantity) < Number(s.min_level)).length).toBeGreaterThan(5);
    const transfers = r.ledger.filter((l) => l.transfer_id);
    expect(transfers.length).toBe(4);
    expect(new Set(transfers.map((l) => l.transfer_id)).size).toBe(2);
  });

  it('is the same data for the same seed', () => {
    expect(generateDemo().commandResources.ledger).toEqual(r.ledger);
  });
});
