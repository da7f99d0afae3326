// The plans API as the pages use it: paths (also the query keys), page addresses, code tables and types.
import type { Static } from '@sinclair/typebox';
import type {
  DiffChange as DiffChangeSchema, Plan as PlanSchema, PlanContent as PlanContentSchema, PlanDetail as PlanDetailSchema, PlanDiff as PlanDiffSchema,
  PlanVersion as PlanVersionSchema,
} from '../../../../../contracts/command-plans';

export {
  DRILL_KINDS, FILING_STATUSES, INCIDENT_GRADES, INCIDENT_KINDS, LEVEL_NAMES, PLAN_KINDS, TRIGGER_METRICS, TRIGGER_UNITS, VERSION_STATUSES,
} from '../../../../../contracts/command-plans';
export { optionsOf } from '../../hazards/codes';

export type Plan = Static<typeof PlanSchema>;
export type PlanDetail = Static<typeof PlanDetailSchema>;
export type PlanVersion = Static<typeof PlanVersionSchema>;
export type PlanContent = Static<typeof PlanContentSchema>;
export type PlanDiff = Static<typeof PlanDiffSchema>;
export type DiffChange = Static<typeof DiffChangeSchema>;

export const PLANS = '/api/command/plans';
export const VERSIONS = `${PLANS}/versions`;
export const paths = {
  list: '/command/plans',
  plan: (id: string) => `/command/plans/${id}`,
  version: (id: string) => `/command/plans/versions/${id}`,
  diff: (from: string, to: string) => `/command/plans/diff?from=${from}&to=${to}`,
};

/** Level label: 1 → Ⅰ级. */
export const levelName = (l: number) => (['', 'Ⅰ级', 'Ⅱ级', 'Ⅲ级', 'Ⅳ级'][l] ?? `${l}级`);
export const labelOf = <T extends Record<string, string>>(table: T, code: string | null | undefined) => (code ? (table as Record<string, string>)[code] ?? code : '—');
