// The recipients of a warning and their confirmation (叫应): who got it, how often, who confirmed, who was reported up.
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';

export interface RecipientRow {
  account_id: string; display_name: string; roles: string[]; scope_region_code: string | null; region_code: string; region_name: string | null; sends: number;
  first_sent_at: Date; last_sent_at: Date; confirmed_at: Date | null; escalated_at: Date | null;
}

/** The link every notification of a warning carries (how an inbox 确认 is traced back to the warning). */
export const warningLink = (warningId: string) => `/monitoring/warnings/${warningId}`;

/** Record the recipients of a warning (first send). */
export async function insertRecipients(db: Queryable, warningId: string, rows: { accountId: string; regionCode: string }[], at: Date) {
  if (!rows.length) return;
  await db.execute(sql`insert into warning_recipients (warning_id, account_id, region_code, first_sent_at, last_sent_at)
    select ${warningId}, a, r, ${at.toISOString()}, ${at.toISOString()} from unnest(${rows.map((x) => x.accountId)}::uuid[], ${rows.map((x) => x.regionCode)}::text[]) as t(a, r)
    on conflict do nothing`);
}

/** A warning's recipients, unconfirmed first. */
export const listRecipients = (db: Queryable, warningId: string) =>
  db.query<RecipientRow>(sql`select wr.*, a.display_name, a.roles, a.scope_region_code, g.name as region_name
    from warning_recipients wr join accounts a on a.id = wr.account_id left join regions g on g.code = wr.region_code
    where wr.warning_id = ${warningId} order by wr.confirmed_at nulls first, wr.region_code, a.display_name`);

/** Whether an account received a warning. */
export const isRecipient = async (db: Queryable, warningId: string, accountId: string) =>
  !!(await db.maybeOne(sql`select 1 as one from warning_recipients where warning_id = ${warningId} and account_id = ${accountId}`));

/** Record a confirmation (the first one stands) and acknowledge the person's notifications of the warning. */
export async function confirmRecipient(db: Queryable, warningId: string, accountId: string, at: Date): Promise<boolean> {
  const n = await db.execute(sql`update warning_recipients set confirmed_at = ${at.toISOString()} where warning_id = ${warningId} and account_id = ${accountId} and confirmed_at is null`);
  await db.execute(sql`update notifications set read_at = coalesce(read_at, ${at.toISOString()}), acked_at = coalesce(acked_at, ${at.toISOString()})
    where account_id = ${accountId} and link = ${warningLink(warningId)} and ack_required`);
  return n > 0;
}

/** Confirmations given in the inbox (确认收到 on the notification) count as confirming the warning (all, or one). */
export async function syncInboxConfirmations(db: Queryable, warningId?: string): Promise<number> {
  const links = warningId ? sql`link = ${warningLink(warningId)}` : sql`link like '/monitoring/warnings/%'`;
  return db.execute(sql`update warning_recipients wr set confirmed_at = n.acked_at
    from (select account_id, link, min(acked_at) as acked_at from notifications where acked_at is not null and ${links} group by 1, 2) n
    where wr.confirmed_at is null and n.account_id = wr.account_id and n.link = '/monitoring/warnings/' || wr.warning_id::text`);
}

/** The recipients of a warning who have not confirmed. */
export const unconfirmedIds = async (db: Queryable, warningId: string) =>
  (await db.query<{ account_id: string }>(sql`select account_id from warning_recipients where warning_id = ${warningId} and confirmed_at is null order by account_id`))
    .map((r) => r.account_id);

export interface PendingRow { warning_id: string; account_id: string; display_name: string; roles: string[]; scope_region_code: string | null; sends: number }

/** Unconfirmed recipients of live warnings due a re-send. */
export const dueResend = (db: Queryable, now: Date, resendMinutes: number, maxResends: number) =>
  db.query<PendingRow>(sql`select wr.warning_id, wr.account_id, a.display_name, a.roles, a.scope_region_code, wr.sends from warning_recipients wr
    join early_warnings w on w.id = wr.warning_id join accounts a on a.id = wr.account_id
    where w.status = 'issued' and w.expires_at > ${now.toISOString()} and wr.confirmed_at is null and wr.sends <= ${maxResends}
      and wr.last_sent_at + make_interval(mins => ${resendMinutes}::int) <= ${now.toISOString()}::timestamptz
    order by wr.warning_id, wr.account_id limit 5000`);

/** Unconfirmed recipients of live warnings past the escalation time, not yet reported up. */
export const dueEscalation = (db: Queryable, now: Date, escalateMinutes: number) =>
  db.query<PendingRow>(sql`select wr.warning_id, wr.account_id, a.display_name, a.roles, a.scope_region_code, wr.sends from warning_recipients wr
    join early_warnings w on w.id = wr.warning_id join accounts a on a.id = wr.account_id
    where w.status = 'issued' and w.expires_at > ${now.toISOString()} and wr.confirmed_at is null and wr.escalated_at is null
      and wr.first_sent_at + make_interval(mins => ${escalateMinutes}::int) <= ${now.toISOString()}::timestamptz
    order by wr.warning_id, wr.account_id limit 5000`);

/** Count one more send to these recipients. */
export async function markResent(db: Queryable, warningId: string, accountIds: string[], at: Date) {
  await db.execute(sql`update warning_recipients set sends = sends + 1, last_sent_at = ${at.toISOString()} where warning_id = ${warningId} and account_id = any(${accountIds}::uuid[])`);
}

/** Record that these recipients were reported up. */
export async function markEscalated(db: Queryable, warningId: string, accountIds: string[], at: Date) {
  await db.execute(sql`update warning_recipients set escalated_at = ${at.toISOString()} where warning_id = ${warningId} and account_id = any(${accountIds}::uuid[])`);
}
