// The report-deadline scan (a platform job every minute, over the platform clock): adds the deadlines open incidents
// owe, reminds the duty shift before a deadline, and flags the late ones once — on the incident's timeline too.
import { REPORT_KINDS } from '../../../../contracts/command-reports.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import type { Platform } from '../../../platform/context.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { assignmentsBetween, countyRegion, dutyCandidates } from '../duty/duty.store.js';
import { DUTY_SHIFTS, shiftAt } from '../duty/shifts.js';
import { appendTimeline, findIncidentBrief, listOpenIncidents } from '../incidents/directory.js';
import { REPORT_LIMITS } from './reports.rules.js';
import { ensureDues } from './reports.service.js';
import { duesToWatch, markDue } from './reports.store.js';

/** Who is told about a report deadline: the bureau's shift on duty now, else the county's duty-capable staff. */
async function dutyShiftAccounts(p: Platform, now: Date): Promise<string[]> {
  const county = await countyRegion(p.db);
  const shift = shiftAt((await ruleValue(p.db, DUTY_SHIFTS, now)).value, now);
  if (county && shift) {
    const on = (await assignmentsBetween(p.db, county.code, shift.date, shift.date)).filter((a) => a.shift === shift.code).map((a) => a.account_id);
    if (on.length) return [...new Set(on)];
  }
  return (await dutyCandidates(p.db, undefined, 200)).filter((a) => a.roles.includes('staff')).map((a) => a.id);
}

const hm = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');

/** One pass of the scan; returns how many reminders and overdue flags it sent. */
export async function scanReportDues(p: Platform): Promise<{ reminded: number; overdue: number }> {
  const now = p.clock();
  for (const b of await listOpenIncidents(p.db, SYSTEM_ACTOR)) await p.db.tx((tx) => ensureDues(tx, b, now));
  const limits = (await ruleValue(p.db, REPORT_LIMITS, now)).value;
  const due = await duesToWatch(p.db, now, limits.remindBeforeMinutes);
  if (!due.length) return { reminded: 0, overdue: 0 };
  const accounts = await dutyShiftAccounts(p, now);
  let reminded = 0, overdue = 0;
  for (const d of due) {
    const b = await findIncidentBrief(p.db, d.incident_id);
    if (!b) continue;
    const late = new Date(d.due_at).getTime() <= now.getTime();
    const kind = REPORT_KINDS[d.kind];
    const flagged = await p.db.tx(async (tx) => {
      if (!(await markDue(tx, d.id, late ? 'overdue_at' : 'reminded_at', now.toISOString()))) return false;
      if (late) {
        await markDue(tx, d.id, 'reminded_at', now.toISOString());
        await appendTimeline(tx, SYSTEM_ACTOR, b.id, { kind: 'report_up', at: now, refType: 'incident_report_due', refId: d.id,
          text: `${kind}已逾期：应于 ${hm(new Date(d.due_at))} 前报送（${d.basis}）` });
      }
      await p.notify.send(tx, { accountIds: accounts, title: late ? `${kind}逾期：${b.title}` : `${kind}即将到期：${b.title}`,
        body: `${b.number} ${b.title}的${kind}应于 ${hm(new Date(d.due_at))} 前报送${late ? '，现已逾期，请立即报送' : '，请抓紧起草、审核'}。`,
        link: `/command/incidents/${b.id}`, regionCode: b.regionCode, channels: late ? ['inapp', 'sms'] : ['inapp'] });
      return true;
    });
    if (!flagged) continue;
    if (late) overdue++; else reminded++;
    await p.events.publish({ type: late ? 'command.report.overdue' : 'command.report.due', regionCode: b.regionCode, data: { incidentId: b.id, kind: d.kind } });
  }
  return { reminded, overdue };
}

/** Register the scan on the platform's schedule. */
export function scheduleReportScan(p: Platform) {
  p.jobs.register('command.reports.scan', async () => { await scanReportDues(p); });
  p.jobs.every('command.reports.scan', 60_000, 'command.reports.scan');
}
