// The deadline scan: due-soon and overdue hazards notify the responsible person, the enterprise, its regulator
// and town; past the deadline they escalate one level up (the county). Idempotent: each reminder is sent once
// per deadline, so an extension starts them again.
import { Type } from '@sinclair/typebox';
import { recipientIds } from '../../platform/auth/accounts.store.js';
import type { Platform } from '../../platform/context.js';
import { sql } from '../../platform/db/sql.js';
import { defineRule, ruleValue, shanghaiDate } from '../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import { type HazardRow, updateHazard } from './hazards.store.js';

export const DUE_SOON_DAYS = defineRule({
  key: 'hazard.due_soon_days', label: '隐患整改到期提醒提前天数', schema: Type.Integer({ minimum: 0, maximum: 60 }), defaultValue: 3,
  source: '本平台默认值（一单四制：到期前提醒）', mark: 'L',
});
export const ESCALATE_AFTER_DAYS = defineRule({
  key: 'hazard.escalate_after_days', label: '隐患逾期后上报上一级的天数', schema: Type.Integer({ minimum: 0, maximum: 60 }), defaultValue: 1,
  source: '一单四制“通报制”：逾期未完成的予以通报', mark: 'L',
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

type Kind = 'due_soon' | 'overdue' | 'escalate';

/** Scan once; returns how many reminders of each kind were queued. */
export async function scanHazardDeadlines(p: Platform): Promise<Record<Kind, number>> {
  const now = p.clock();
  const today = shanghaiDate(now);
  const soon = addDays(today, (await ruleValue(p.db, DUE_SOON_DAYS, now)).value);
  const escalateBefore = addDays(today, -(await ruleValue(p.db, ESCALATE_AFTER_DAYS, now)).value);
  const open = sql`h.status in ('pending', 'rectifying') and h.deadline is not null`;
  const batches: [Kind, ReturnType<typeof sql>][] = [
    ['due_soon', sql`${open} and h.deadline >= ${today}::date and h.deadline <= ${soon}::date and h.due_soon_notified_for is distinct from h.deadline`],
    ['overdue', sql`${open} and h.deadline < ${today}::date and h.overdue_notified_for is distinct from h.deadline`],
    ['escalate', sql`${open} and h.deadline < ${escalateBefore}::date and h.escalated_for is distinct from h.deadline`],
  ];
  const counts: Record<Kind, number> = { due_soon: 0, overdue: 0, escalate: 0 };
  for (const [kind, where] of batches) {
    const rows = await p.db.query<HazardRow>(sql`select h.*, h.deadline::text as deadline from hazards h where ${where} order by h.deadline limit 1000`);
    for (const h of rows) {
      await p.db.tx(async (tx) => {
        const e = h.enterprise_id ? await findEnterpriseBrief(tx, { kind: 'all' }, h.enterprise_id) : undefined;
        const place = h.enterprise_name ?? h.place_name ?? '';
        const accountIds = kind === 'escalate'
          ? await recipientIds(tx, { countyRoles: ['leader', 'staff'] })
          : await recipientIds(tx, { enterpriseId: h.enterprise_id, orgIds: [e?.regulatorOrgId, h.supervising_org_id], regionCode: h.region_code, regionRoles: ['town'] });
        const title = { due_soon: '隐患整改即将到期', overdue: '隐患整改已逾期', escalate: '逾期隐患上报' }[kind];
        const body = `${place}「${h.title}」（${h.number}）整改期限 ${h.deadline}${kind === 'due_soon' ? '，请按期完成并提交复查' : '，已逾期未完成，请督促整改'}`;
        await p.notify.send(tx, { accountIds, phones: kind === 'escalate' || !h.responsible_phone ? [] : [h.responsible_phone], title, body,
          link: `/hazards/${h.id}`, regionCode: h.region_code, channels: ['inapp', 'sms'], ackRequired: kind !== 'due_soon' });
        await updateHazard(tx, h.id, kind === 'due_soon' ? { due_soon_notified_for: h.deadline } : kind === 'overdue' ? { overdue_notified_for: h.deadline } : { escalated_for: h.deadline });
      });
      counts[kind]++;
    }
    if (rows.length && kind !== 'escalate') await p.events.publish({ type: 'hazard.deadlines', data: { kind, count: rows.length } });
  }
  return counts;
}

/** Register the scan as a durable job run every ten minutes. */
export function scheduleHazardScan(p: Platform) {
  p.jobs.register('hazards.scan', async () => { await scanHazardDeadlines(p); });
  p.jobs.every('hazards.scan', 10 * 60_000, 'hazards.scan');
}
