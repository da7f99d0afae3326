// The rule set a case is judged by: chosen by its 立案 day, so that a case filed before 应急管理部令第18号 took effect
// (2026-02-01) keeps the 总局令第15号 limits for its whole life, and one filed from that day follows the new rule.
import type { Queryable } from '../../../platform/db/db.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { caseRuleSet } from '../common/rules.js';

/** The moment a case counts from: its 立案 (approval), or `now` while it is being filed or approved. */
export const filingMoment = (c: { filed_at: Date | null } | undefined, now: Date) => c?.filed_at ? new Date(c.filed_at) : now;

/** The case-stage limits in force for a case (values as set on its filing day). */
export async function caseLimits(db: Queryable, c: { filed_at: Date | null } | undefined, now: Date) {
  const at = filingMoment(c, now);
  const set = caseRuleSet(shanghaiDate(at));
  return { ...(await ruleValue(db, set.limits, at)), regime: set.regime };
}

/** The 听证 thresholds in force for a case. */
export async function caseHearingThresholds(db: Queryable, c: { filed_at: Date | null } | undefined, now: Date) {
  const at = filingMoment(c, now);
  return ruleValue(db, caseRuleSet(shanghaiDate(at)).hearing, at);
}
