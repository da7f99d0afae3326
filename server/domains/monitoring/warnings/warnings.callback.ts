// 叫应 over time (a job, every minute): confirmations given in the inbox are taken over; whoever has not confirmed is
// sent the warning again every few minutes (a bounded number of times), and after the escalation time their
// superiors — the town station over them and the bureau's duty staff — are told by name who has not answered.
import { WARNING_COLOURS } from '../../../../contracts/monitoring.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { SYSTEM_ACTOR } from '../../../platform/auth/actor.js';
import type { Platform } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import type { Notifier } from '../../../platform/notify/notify.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { WARNING_CALLBACK } from '../monitoring.rules.js';
import { dueEscalation, dueResend, markEscalated, markResent, type PendingRow, syncInboxConfirmations, warningLink } from './recipients.store.js';
import { findWarning, type WarningRow } from './warnings.store.js';

const ACTOR = { ...SYSTEM_ACTOR, name: '预警叫应' };

/** Send a warning again to recipients who have not confirmed, and count the send; returns the notifications' ids. */
export async function remind(tx: Tx, notify: Notifier, w: WarningRow, accountIds: string[], at: Date): Promise<string[]> {
  const sent = await notify.send(tx, { accountIds, title: `【再次提醒】${w.event}${WARNING_COLOURS[w.colour]}预警`, body: `${w.headline}。您尚未确认收到，请立即点“确认收到”。${w.guidance}`,
    link: warningLink(w.id), regionCode: w.region_code, channels: ['inapp', 'sms'], ackRequired: true });
  await markResent(tx, w.id, accountIds, at);
  return sent;
}

const byWarning = (rows: PendingRow[]) => {
  const m = new Map<string, PendingRow[]>();
  for (const r of rows) m.set(r.warning_id, [...(m.get(r.warning_id) ?? []), r]);
  return m;
};

/** Run the 叫应 once; returns how many people were re-sent the warning and reported up. */
export async function runWarningCallback(p: Platform): Promise<{ confirmedInInbox: number; resent: number; escalated: number }> {
  const now = p.clock();
  const { value: rule, version } = await ruleValue(p.db, WARNING_CALLBACK, now);
  const confirmedInInbox = await syncInboxConfirmations(p.db);
  let resent = 0; let escalated = 0;
  for (const [warningId, rows] of byWarning(await dueResend(p.db, now, rule.resendMinutes, rule.maxResends))) {
    await p.db.tx(async (tx) => {
      const w = (await findWarning(tx, { kind: 'all' }, undefined, warningId))!;
      const ids = rows.map((r) => r.account_id);
      const sent = await remind(tx, p.notify, w, ids, now);
      await p.audit.record(tx, ACTOR, {}, { action: 'monitoring.warning.resend', entityType: 'early_warning', entityId: warningId, regionCode: w.region_code,
        after: { accounts: ids, notifications: sent.length, ruleVersion: version } });
    });
    resent += rows.length;
  }
  for (const [warningId, rows] of byWarning(await dueEscalation(p.db, now, rule.escalateMinutes))) {
    await p.db.tx(async (tx) => {
      const w = (await findWarning(tx, { kind: 'all' }, undefined, warningId))!;
      const silent = new Set(rows.map((r) => r.account_id));
      const superiors = new Set<string>(await recipientIds(tx, { countyRoles: ['staff'] }));
      for (const r of rows) {
        if (r.scope_region_code) for (const id of await recipientIds(tx, { regionCode: r.scope_region_code, regionRoles: ['town'] })) superiors.add(id);
      }
      for (const id of silent) superiors.delete(id);
      const names = rows.map((r) => r.display_name).join('、');
      await p.notify.send(tx, { accountIds: [...superiors], title: `预警未确认：${w.event}${WARNING_COLOURS[w.colour]}预警`,
        body: `${rule.escalateMinutes} 分钟内仍未确认收到「${w.headline}」的有：${names}。请电话叫应并督促落实防范措施。`,
        link: warningLink(warningId), regionCode: w.region_code, channels: ['inapp', 'sms'], ackRequired: true });
      await markEscalated(tx, warningId, [...silent], now);
      await p.audit.record(tx, ACTOR, {}, { action: 'monitoring.warning.escalate', entityType: 'early_warning', entityId: warningId, regionCode: w.region_code,
        after: { unconfirmed: [...silent], notified: [...superiors], ruleVersion: version } });
    });
    escalated += rows.length;
  }
  if (resent || escalated) p.jobs.kick();
  return { confirmedInInbox, resent, escalated };
}
