// Draw rows → API shapes: the internal view (with ids) and the public one (published data and outcomes only).
import { iso } from '../common/util.js';
import { ALGORITHM_TEXT } from './algorithm.js';
import type { DrawRow, DrawUnitRow } from './draws.store.js';

/** What the public sees of a unit's inspection. */
function outcome(u: DrawUnitRow | undefined): { status: string | null; outcome: string | null } {
  if (!u?.inspection_status) return { status: null, outcome: '待检查' };
  if (u.inspection_status !== 'completed') return { status: u.inspection_status, outcome: '检查中' };
  return { status: 'completed', outcome: u.findings ? `发现问题 ${u.findings} 项，已责令整改` : '未发现问题' };
}

/** The list shape. */
export const presentDraw = (d: DrawRow) => ({
  id: d.id, number: d.number, title: d.title, matter: d.matter, status: d.status, planId: d.plan_id, regionCode: d.region_code, criteria: d.criteria, seed: d.seed,
  algorithm: d.algorithm, poolSize: d.pool.length, selected: d.result.length, publishDue: d.publish_due, publishedAt: iso(d.published_at), drawnAt: iso(d.drawn_at)!,
  drawnByName: d.drawn_by_name, redrawOf: d.redraw_of, redrawReason: d.redraw_reason, supersededBy: d.superseded_by,
});

/** Everything needed to recompute the draw, plus the outcome of each drawn unit. */
export function presentDrawDetail(d: DrawRow, units: DrawUnitRow[]) {
  const byCode = new Map(d.pool.map((u) => [u.code, u]));
  const nameOf = new Map(d.officer_pool.map((o) => [o.certNo, o.name]));
  const unitOf = new Map(units.map((u) => [u.enterprise_id, u]));
  return {
    ...presentDraw(d),
    pool: d.pool.map(({ code, name, regionCode, sector, riskLevel }) => ({ code, name, regionCode, sector, riskLevel })),
    officerPool: d.officer_pool.map(({ certNo, name }) => ({ certNo, name })),
    exclusions: d.exclusions,
    result: d.result.map((r) => {
      const u = byCode.get(r.unit);
      const o = outcome(u && unitOf.get(u.id));
      return { unit: r.unit, name: u?.name ?? r.unit, officers: r.officers.map((c) => ({ certNo: c, name: nameOf.get(c) ?? c })), inspectionStatus: o.status, outcome: o.outcome };
    }),
    resultHash: d.result_hash, algorithmText: ALGORITHM_TEXT,
    units: units.map((u) => ({ enterpriseId: u.enterprise_id, name: u.enterprise_name, officerIds: u.officer_ids, inspectionId: u.inspection_id })),
  };
}

/** The public page: no internal ids, no accounts. */
export function presentPublicDraw(d: DrawRow, units: DrawUnitRow[]) {
  const { units: _u, criteria, ...rest } = presentDrawDetail(d, units);
  const c = criteria as Record<string, unknown>;
  return { ...rest, criteria: { sectors: c.sectors, regionCode: c.regionCode, riskLevels: c.riskLevels, mode: c.mode, ratio: c.ratio, count: c.count,
    riskRates: c.riskRates, riskWeights: c.riskWeights, officersPerUnit: c.officersPerUnit, seedSource: c.seedSource } };
}
