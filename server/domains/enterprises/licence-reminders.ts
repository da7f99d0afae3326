// Licence expiry reminders: 90, 30 and 7 days before (a bureau-editable rule), to the enterprise's accounts
// and its regulator's, in-app and by SMS. Idempotent: each (licence, expiry date, threshold) is recorded
// once, so a second run sends nothing and a renewed licence (new expiry date) is reminded again. A licence
// first seen inside a later threshold gets one message (the thresholds it skipped are recorded with it).
import { LICENCE_KINDS, labelOf } from '../../../contracts/enterprises.js';
import { recipientIds } from '../../platform/auth/accounts.store.js';
import type { Platform } from '../../platform/context.js';
import { ruleValue, shanghaiDate } from '../../platform/settings/rules.js';
import { LICENCE_REMINDER_DAYS } from './enterprises.rules.js';
import { dueLicences, markReminders } from './licences.store.js';

/** Send the reminders due now; returns how many licences were reminded. */
export async function sendLicenceReminders(p: Platform): Promise<number> {
  const now = p.clock();
  const day = shanghaiDate(now);
  const { value: days } = await ruleValue(p.db, LICENCE_REMINDER_DAYS, now);
  let reminded = 0;
  for (const l of await dueLicences(p.db, day, days)) {
    const sent = await p.db.tx(async (tx) => {
      const fresh = await markReminders(tx, l.id, l.expires_on, days.filter((d) => l.days_left <= d), now.toISOString());
      if (!fresh.length) return false;
      const accountIds = await recipientIds(tx, { enterpriseId: l.enterprise_id, orgIds: [l.supervising_org_id] });
      if (accountIds.length) {
        const when = l.days_left === 0 ? '今天到期' : `将于 ${l.expires_on} 到期（还有 ${l.days_left} 天）`;
        await p.notify.send(tx, {
          accountIds, title: '证照即将到期', channels: ['inapp', 'sms'], regionCode: l.region_code, link: `/enterprises/${l.enterprise_id}`,
          body: `${l.enterprise_name}的${labelOf(LICENCE_KINDS, l.kind)}（编号 ${l.number}）${when}，请及时办理延续或换证`,
        });
      }
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

/** Register the reminder run as a durable job, hourly. */
export function scheduleLicenceReminders(p: Platform) {
  p.jobs.register('enterprises.licence_reminders', async () => { await sendLicenceReminders(p); });
  p.jobs.every('enterprises.licence_reminders', 60 * 60_000, 'enterprises.licence_reminders');
}
