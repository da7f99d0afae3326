// An alarm nobody acknowledges within its time limit goes to the next people up (by default the bureau's duty staff,
// then its leaders), one step per time limit, until someone acknowledges it.
import { ALARM_LEVELS } from '../../../../contracts/monitoring.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import type { Platform } from '../../../platform/context.js';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { ALARM_ESCALATION } from '../monitoring.rules.js';
import { RULE_ACTOR } from './alarms.raise.js';
import { dueForEscalation, insertAlarmEvent, updateAlarm } from './alarms.store.js';

/** Escalate every overdue unacknowledged alarm one step; returns how many moved. */
export async function escalateAlarms(p: Platform): Promise<number> {
  const now = p.clock();
  const rule = await ruleValue(p.db, ALARM_ESCALATION, now);
  const { level1Minutes, level2Minutes, steps } = rule.value;
  const due = await dueForEscalation(p.db, now, level1Minutes, level2Minutes, steps.length);
  let n = 0;
  for (const a of due) {
    const step = a.escalation_step + 1;
    const moved = await p.db.tx(async (tx) => {
      // Re-check under the lock: someone may have acknowledged it since the selection.
      const cur = await tx.maybeOne<{ status: string; escalation_step: number }>(sql`select status, escalation_step from monitoring_alarms where id = ${a.id} for update`);
      if (!cur || cur.status !== 'raised' || cur.escalation_step !== a.escalation_step) return false;
      await updateAlarm(tx, a.id, { escalation_step: step, escalated_at: now.toISOString() });
      const minutes = a.level === 2 ? level2Minutes : level1Minutes;
      await insertAlarmEvent(tx, { id: uuidv7(), alarm_id: a.id, at: now.toISOString(), actor_id: null, actor_name: RULE_ACTOR.name, action: 'escalate',
        comment: `${minutes} 分钟内无人确认，升级通知（第 ${step} 级：${steps[step - 1].join('、')}）`, data: { step, roles: steps[step - 1], ruleVersion: rule.version } });
      await p.audit.record(tx, RULE_ACTOR, {}, { action: 'monitoring.alarm.escalate', entityType: 'monitoring_alarm', entityId: a.id, regionCode: a.region_code,
        before: { step: a.escalation_step }, after: { step, roles: steps[step - 1] } });
      const accountIds = await recipientIds(tx, { countyRoles: steps[step - 1] });
      await p.notify.send(tx, { accountIds, title: `${ALARM_LEVELS[a.level]}超时未确认`, body: `${a.message}。报警已 ${minutes * step} 分钟无人确认，请督促处置`,
        link: `/monitoring/alarms/${a.id}`, regionCode: a.region_code, channels: ['inapp', 'sms'], ackRequired: true });
      return true;
    });
    if (!moved) continue;
    n++;
    await p.events.publish({ type: 'monitoring.alarm.escalated', regionCode: a.region_code, enterpriseId: a.enterprise_id, orgId: a.regulator_org_id,
      data: { id: a.id, step, level: a.level, message: a.message } });
  }
  if (n) p.jobs.kick();
  return n;
}
