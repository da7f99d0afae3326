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
   *  created (one per account and channel — SMS only where the account has a phone — and per extra phone), in the
   *  order they were queued. One query for the phones and one multi-row insert per 5,000, not a statement per person. */
  async send(tx: Queryable, m: Message): Promise<string[]> {
    const channels = m.channels ?? ['inapp'];
    const phoneOf = new Map<string, string | null>();
    if (channels.includes('sms') && m.accountIds.length) {
      for (const r of await tx.query<{ id: string; phone: string | null }>(sql`select id, phone from accounts where id = any(${m.accountIds}::uuid[])`)) phoneOf.set(r.id, r.phone);
    }
    const rows: { id: string; accountId: string | null; channel: Channel; address: string | null; ack: boolean }[] = [];
    for (const accountId of m.accountIds) {
      for (const ch of channels) {
        const phone = phoneOf.get(accountId);
        if (ch === 'sms' && !phone) continue;
        rows.push({ id: uuidv7(), accountId, channel: ch, address: ch === 'sms' ? phone! : null, ack: m.ackRequired ?? false });
      }
    }
    if (channels.includes('sms')) for (const phone of new Set(m.phones ?? [])) rows.push({ id: uuidv7(), accountId: null, channel: 'sms', address: phone, ack: false });
    for (let i = 0; i < rows.length; i += 5000) {
      const part = rows.slice(i, i + 5000);
      await tx.execute(sql`insert into notifications (id, account_id, channel, address, title, body, link, region_code, ack_required)
        select id, account_id, channel, address, ${m.title}, ${m.body}, ${m.link ?? null}, ${m.regionCode ?? null}, ack
        from unnest(${part.map((r) => r.id)}::uuid[], ${part.map((r) => r.accountId)}::uuid[], ${part.map((r) => r.channel)}::text[],
          ${part.map((r) => r.address)}::text[], ${part.map((r) => r.ack)}::boolean[]) as t(id, account_id, channel, address, ack)`);
    }
    if (rows.length) await this.jobs.enqueue(tx, 'notify.deliver');
    return rows.map((r) => r.id);
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
