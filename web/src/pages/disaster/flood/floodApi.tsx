// Paths, code tables and small helpers shared by the flood (防汛) pages.
import { FACILITY_KINDS, PLAN_LEVELS, RESERVOIR_SCALES, RESPONSE_LEVELS, RESPONSIBLE_ROLES, CHECK_LEVELS } from '../../../../../contracts/flood';

export const P = '/api/flood';
export type { Batch, BatchDetail, Coverage, Facility, FacilityImportResult, FacilityLive, Plan, Response, Task, Team, Transfer } from '../../../../../contracts/flood';
export const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const label = (o: Record<string | number, string>) => (c: string | number | null | undefined) => (c == null ? '—' : o[c] ?? String(c));
export const kindLabel = label(FACILITY_KINDS);
export const scaleLabel = label(RESERVOIR_SCALES);
export const roleLabel = label(RESPONSIBLE_ROLES);
export const checkLabel = label(CHECK_LEVELS);
export const planLabel = label(PLAN_LEVELS);
export const levelLabel = label(RESPONSE_LEVELS);
export { FACILITY_KINDS, PLAN_LEVELS, RESERVOIR_SCALES, RESPONSE_LEVELS, CHECK_LEVELS };
/** This flood season's year (the page defaults to it). */
export const thisSeason = () => new Date().getFullYear();
export const tel = (p: string | null | undefined) => (p ? <a href={`tel:${p}`} onClick={(e) => e.stopPropagation()}>{p}</a> : '—');
