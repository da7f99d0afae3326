// Notification outbox: in-app inbox, SMS (logging provider by default); delivery and 叫应 recorded per message.
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Queryable } from '../db/db.js';
import { sql } from '../db/sql.js';
import { uuidv7 } from '../ids.js';
import type { EventBus } from '../events/bus.js';
import type { JobRunner } from '../jobs/jobs.js';

export type Channel = 'inapp' | 'sms';

export interface Message {
  accountIds: string[];
  /** People without an account (e.g. a hazard's responsible person): SMS only. */
  phones?: string[];
  title: string;
  body: string;
  link?: string;
  regionCode?: string;
  channels?: Channel[];
  ackRequired?: boolean;
}

/** An SMS gateway; the default writes each message to the log (no gateway in a demo). */
export interface SmsProvider { send(to: string, text: string): Promise<void> }

export const loggingSmsProvider = (log: FastifyBaseLogger): SmsProvider => ({
  async send(to, text) { log.info({ sms: { to: to.replace(/^(\d{3})\d{4}/, '$1****'), text } }, 'SMS (logging provider)'); },
});

interface PendingRow { id: string; account_id: string | null; channel: Channel; address: string | null; title: string; body: string; link: string | null }

export class Notifier {
  constructor(private readonly db: Db, private readonly jobs: JobRunner, private readonly events: EventBus, private readonly sms: SmsProvider) {
    jobs.register('notify.deliver', () => this.deliverPending());
  }

  /** Queue messages in the caller's transaction; delivery happens after commit. Returns the ids of the notifications
   *  created (one per account and channel, and per extra phone), in the order they were queued. */
  async send(tx: Queryable, m: Message): Promise<string[]> {
    const channels = m.channels ?? ['inapp'];
    const ids: string[] = [];
    const queue = async (accountId: string | null, ch: Channel, address: string | null, ackRequired: boolean) => {
      const id = uuidv7();
      await tx.execute(sql`insert into notifications (id, account_id, channel, address, title, body, link, region_code, ack_required)
        values (${id}, ${accountId}, ${ch}, ${address}, ${m.title}, ${m.body}, ${m.link ?? null}, ${m.regionCode ?? null}, ${ackRequired})`);
      ids.push(id);
    };
    for (const accountId of m.accountIds) {
      const acct = await tx.maybeOne<{ phone: string | null }>(sql`select phone from accounts where id = ${accountId}`);
      for (const ch of channels) {
        if (ch === 'sms' && !acct?.phone) continue;
        await queue(accountId, ch, ch === 'sms' ? acct!.phone : null, m.ackRequired ?? false);
      }
    }
    if (channels.includes('sms')) for (const phone of new Set(m.phones ?? [])) await queue(null, 'sms', phone, false);
    if (ids.length) await this.jobs.enqueue(tx, 'notify.deliver');
    return ids;
  }

  /** Deliver every pending message; a failed one is retried by the job's backoff. */
  async deliverPending() {
    const rows = await this.db.query<PendingRow>(sql`select id, account_id, channel, address, title, body, link from notifications
      where status = 'pending' order by created_at limit 500`);
    let failures = 0;
    for (const r of rows) {
      try {
        if (r.channel === 'sms') await this.sms.send(r.address!, `【应急】${r.title}：${r.body}`);
        await this.db.execute(sql`update notifications set status = 'sent', sent_at = now(), attempts = attempts + 1 where id = ${r.id}`);
        if (r.channel === 'inapp' && r.account_id) {
          await this.events.publish({ type: 'notification', accountId: r.account_id, data: { id: r.id, title: r.title, link: r.link } });
        }
      } catch (err) {
        failures++;
        await this.db.execute(sql`update notifications set attempts = attempts + 1, last_error = ${String((err as Error).message)} where id = ${r.id}`);
      }
    }
    if (failures) throw new Error(`${failures} notification(s) not delivered`);
  }
}
