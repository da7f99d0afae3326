// The returns schedule (a durable job every hour): open each active form's current period, and remind the units
// that still owe a return on exactly the days the form sets (N days before the due day, N days after), once each,
// through the notification outbox.
import { ROLES, type Permission } from '../../../contracts/roles.js';
import { recipientIds } from '../../platform/auth/accounts.store.js';
import type { Platform } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { activeForms } from './forms.store.js';
import { currentPeriod, openPeriod } from './obligations.js';

const rolesWith = (p: Permission) => ROLES.filter((r) => r.permissions.includes(p)).map((r) => r.code);

/** Accounts of a unit holding a permission (fillers, or approvers for a return awaiting approval). */
export async function unitAccounts(db: Queryable, unit: { org_id: string | null; enterprise_id: string | null }, permission: Permission): Promise<string[]> {
  const ids = await recipientIds(db, { orgIds: [unit.org_id], enterpriseId: unit.enterprise_id });
  if (!ids.length) return [];
  const rows = await db.query<{ id: string }>(sql`select id from accounts where id = any(${ids}::uuid[]) and roles && ${rolesWith(permission)}::text[] order by id`);
  return rows.map((r) => r.id);
}

interface DueRow { id: string; form_name: string; period_label: string; due_on: string; status: string; org_id: string | null; enterprise_id: string | null;
  region_code: string; unit_name: string; offset: number; reminded: number[] }

/** Open current periods and send the day's reminders; returns what was done. */
export async function scanReturns(p: Platform): Promise<{ opened: number; reminded: number }> {
  const now = p.clock();
  const today = shanghaiDate(now);
  let opened = 0;
  let reminded = 0;
  await p.db.tx(async (tx) => {
    for (const form of await activeForms(tx)) {
      const period = currentPeriod(form, today);
      if (period) opened += await openPeriod(tx, form, period);
    }
    const due = await tx.query<DueRow>(sql`select r.id, f.name as form_name, r.period_label, r.due_on::text, r.status, r.org_id, r.enterprise_id, r.region_code,
        r.unit_name, (${today}::date - r.due_on)::int as "offset", r.reminded
      from returns r join return_forms f on f.id = r.form_id
      where f.status = 'active' and r.status in ('not_started', 'draft', 'pending_approval', 'returned')
        and (${today}::date - r.due_on) = any(array(select -x from unnest(f.remind_before) x) || f.remind_after)
        and not ((${today}::date - r.due_on) = any(r.reminded))`);
    for (const r of due) {
      const to = await unitAccounts(tx, r, r.status === 'pending_approval' ? 'returns:approve' : 'returns:file');
      const when = r.offset < 0 ? `还有 ${-r.offset} 天到期` : r.offset === 0 ? '今天到期' : `已逾期 ${r.offset} 天`;
      const what = r.status === 'pending_approval' ? '待本单位负责人审核' : r.status === 'returned' ? '被退回待修改' : '尚未报送';
      if (to.length) {
        await p.notify.send(tx, { accountIds: to, channels: ['inapp', 'sms'], regionCode: r.region_code, link: `/returns/mine/${r.id}`,
          title: r.offset > 0 ? '报表逾期催报' : '报表到期提醒',
          body: `${r.unit_name}：《${r.form_name}》（${r.period_label}）应于 ${r.due_on} 前报送，${when}，目前${what}。` });
      }
      await tx.execute(sql`update returns set reminded = array_append(reminded, ${r.offset}::int) where id = ${r.id}`);
      reminded++;
    }
  });
  return { opened, reminded };
}

/** Register the scan as a durable job every hour. */
export function scheduleReturnsScan(p: Platform) {
  p.jobs.register('returns.scan', async () => { await scanReturns(p); });
  p.jobs.every('returns.scan', 3600_000, 'returns.scan');
}
