// The deadline warning scan (a durable job every ten minutes): an open deadline within the rule's warning days
// notifies the case officers and the department once; one that has passed notifies them and the county once more.
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import type { Platform } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import type { DeadlineRow } from './deadlines.js';
import { caseRuleSet } from './rules.js';

const LINKS: Record<string, string> = { case: '/enforcement/cases/', measure: '/enforcement/measures/', transfer: '/enforcement/transfers/', draw: '/enforcement/draws/', tipoff: '/enforcement/tipoffs/' };

/** The officers of a case (other subjects notify their department). */
async function teamOf(tx: Queryable, d: DeadlineRow): Promise<string[]> {
  if (d.subject_type !== 'case') return [];
  const rows = await tx.query<{ officer_id: string }>(sql`select officer_id from enforcement_case_officers where case_id = ${d.subject_id}`);
  return rows.map((r) => r.officer_id);
}

/** Scan once; returns how many warnings and overdue notices were queued. */
export async function scanEnforcementDeadlines(p: Platform): Promise<{ warned: number; overdue: number }> {
  const now = p.clock();
  const today = shanghaiDate(now);
  const { warnDays } = (await ruleValue(p.db, caseRuleSet(today).limits, now)).value;
  const soon = addDays(today, warnDays);
  const counts = { warned: 0, overdue: 0 };
  const batches = [
    ['warned', sql`status = 'open' and due_on >= ${today}::date and due_on <= ${soon}::date and warned_at is null`],
    ['overdue', sql`status = 'open' and due_on < ${today}::date and overdue_notified_at is null`],
  ] as const;
  for (const [kind, where] of batches) {
    const rows = await p.db.query<DeadlineRow>(sql`select *, due_on::text as due_on from enforcement_deadlines d where ${where} order by d.due_on limit 1000`);
    for (const d of rows) {
      await p.db.tx(async (tx) => {
        const ids = new Set([...(await teamOf(tx, d)), ...(await recipientIds(tx, { orgIds: [d.org_id], regionCode: d.region_code, regionRoles: ['officer'] }))]);
        if (kind === 'overdue') for (const id of await recipientIds(tx, { countyRoles: ['leader'] })) ids.add(id);
        const title = kind === 'warned' ? '执法时限即将到期' : '执法时限已逾期';
        const body = `「${d.label}」期限 ${d.due_on}${kind === 'warned' ? '，请在到期前办结' : '，已逾期，请立即处理并说明情况'}（依据：${d.basis}）`;
        await p.notify.send(tx, { accountIds: [...ids], title, body, link: `${LINKS[d.subject_type]}${d.subject_id}`, regionCode: d.region_code, ackRequired: kind === 'overdue' });
        await tx.execute(kind === 'warned' ? sql`update enforcement_deadlines set warned_at = ${now.toISOString()} where id = ${d.id}`
          : sql`update enforcement_deadlines set overdue_notified_at = ${now.toISOString()} where id = ${d.id}`);
      });
      counts[kind]++;
    }
  }
  return counts;
}

/** Register the scan as a durable job. */
export function scheduleEnforcementScan(p: Platform) {
  p.jobs.register('enforcement.deadlines', async () => { await scanEnforcementDeadlines(p); });
  p.jobs.every('enforcement.deadlines', 10 * 60_000, 'enforcement.deadlines');
}
