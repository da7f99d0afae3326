// 企业预案备案 and 演练: an enterprise submits its published plan for filing; the bureau files it (numbered, with the
// revision due date from the rule) or returns it; reminders go out before the revision is due. Drills are recorded
// against a plan and drive its overdue-drill warning.
import type { Static } from '@sinclair/typebox';
import type { DrillInput } from '../../../../contracts/command-plans.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { can } from '../../../platform/auth/actor.js';
import { audit, type Ctx, type Platform } from '../../../platform/context.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { AppError, badRequest, conflict, forbidden } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { PLAN_REVISION_REMINDER_DAYS, PLAN_REVISION_YEARS } from './plans.rules.js';
import { planDetail, writablePlan } from './plans.service.js';
import * as store from './plans.store.js';

/** 报备: the enterprise submits its published plan to the bureau. */
export async function submitFiling(ctx: Ctx, planId: string) {
  await ctx.db.tx(async (tx) => {
    const p = await writablePlan(ctx, tx, planId);
    if (p.kind !== 'enterprise') throw badRequest('只有企业应急预案需要向应急管理局备案', 'Only enterprise plans are filed');
    if (!p.published_version_id) throw conflict('预案还没有发布的版本：请先完成审批发布，再报备', 'Publish first');
    if (p.filing_status === 'submitted') throw conflict('已报备，正在等待应急管理局审查', 'Already submitted');
    if (p.filing_status === 'filed' && p.filing_version_id === p.published_version_id) throw conflict(`当前版本已备案（${p.filing_number}），修订后再报备新版本`, 'Already filed');
    await store.submitFiling(tx, planId, p.published_version_id, ctx.clock().toISOString());
    await audit(ctx, tx, { action: 'command.plan.filing.submit', entityType: 'command_plan', entityId: planId, regionCode: p.region_code,
      before: { filingStatus: p.filing_status }, after: { filingStatus: 'submitted', versionId: p.published_version_id } });
    const to = await recipientIds(tx, { countyRoles: ['staff'] });
    if (to.length) await ctx.notify.send(tx, { accountIds: to, title: '企业应急预案报备', link: `/command/plans/${planId}`, regionCode: p.region_code,
      body: `${p.enterprise_name ?? ''}报备了《${p.title}》（${p.published_label}），请审查` });
  });
  return planDetail(ctx, planId);
}

/** The date `years` after a day (YYYY-MM-DD); 29 February falls back to 28 February. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

/** 备案审查: file (numbered 汨应急预备〔年〕N号, revision due = publication + the rule's years) or return with the reason. */
export async function reviewFiling(ctx: Ctx, planId: string, input: { result: 'filed' | 'returned'; comment?: string }) {
  if (!can(ctx.actor, 'command:write')) throw forbidden('企业预案备案由应急管理局审查', 'The bureau reviews filings');
  await ctx.db.tx(async (tx) => {
    const p = await writablePlan(ctx, tx, planId);
    if (p.filing_status !== 'submitted') throw new AppError(409, 'not_submitted', '该预案没有待审查的备案', 'Nothing to review');
    if (input.result === 'returned' && !input.comment?.trim()) throw badRequest('退回备案请写明原因', 'A reason is required');
    const now = ctx.clock();
    const today = shanghaiDate(now);
    let number: string | null = null;
    let revisionDue: string | null = null;
    let ruleVersion: string | null = null;
    if (input.result === 'filed') {
      const year = Number(today.slice(0, 4));
      number = `汨应急预备〔${year}〕${await nextNumber(tx, 'command_plan_filing', year)}号`;
      const years = await ruleValue(tx, PLAN_REVISION_YEARS, now);
      const published = p.published_at ? shanghaiDate(new Date(p.published_at)) : today;
      revisionDue = addYears(published, years.value);
      ruleVersion = years.version;
    }
    await store.reviewFiling(tx, planId, { status: input.result, number, filedOn: number ? today : null, review: input.comment?.trim() || null, revisionDue });
    await audit(ctx, tx, { action: `command.plan.filing.${input.result}`, entityType: 'command_plan', entityId: planId, regionCode: p.region_code,
      before: { filingStatus: p.filing_status }, after: { filingStatus: input.result, number, revisionDue, rule: ruleVersion, comment: input.comment ?? null } });
    const to = await recipientIds(tx, { enterpriseId: p.enterprise_id });
    if (to.length) await ctx.notify.send(tx, { accountIds: to, title: input.result === 'filed' ? '应急预案已备案' : '应急预案备案被退回', link: `/command/plans/${planId}`,
      regionCode: p.region_code, body: input.result === 'filed' ? `《${p.title}》已备案，备案编号 ${number}，请于 ${revisionDue} 前完成评估修订`
        : `《${p.title}》备案被退回：${input.comment}` });
  });
  return planDetail(ctx, planId);
}

/** Record a drill held against a plan. */
export async function addDrill(ctx: Ctx, planId: string, input: Static<typeof DrillInput>) {
  if (input.drilledOn > shanghaiDate(ctx.clock())) throw badRequest('演练日期不能晚于今天；计划中的演练请在演练结束后登记', 'Drill date in the future');
  await ctx.db.tx(async (tx) => {
    const p = await writablePlan(ctx, tx, planId);
    const id = uuidv7();
    await store.insertDrill(tx, { id, plan_id: planId, region_code: p.region_code, enterprise_id: p.enterprise_id, drilled_on: input.drilledOn, kind: input.kind,
      title: input.title, level: input.level ?? null, participants: input.participants, participant_units: input.participantUnits ?? null,
      evaluation: input.evaluation ?? null, problems: input.problems ?? null, created_by: ctx.actor.id });
    await audit(ctx, tx, { action: 'command.plan.drill.create', entityType: 'command_plan_drill', entityId: id, regionCode: p.region_code, after: { planId, ...input } });
  });
  return planDetail(ctx, planId);
}

/** Send the revision reminders due now (to the enterprise and to its supervising department); returns how many plans were reminded. */
export async function sendRevisionReminders(p: Platform): Promise<number> {
  const now = p.clock();
  const today = shanghaiDate(now);
  const { value: days } = await ruleValue(p.db, PLAN_REVISION_REMINDER_DAYS, now);
  let reminded = 0;
  for (const plan of await store.dueRevisions(p.db, today, Math.max(...days))) {
    const sent = await p.db.tx(async (tx) => {
      const fresh = await store.markRevisionReminders(tx, plan.id, plan.revision_due, days.filter((d) => plan.days_left <= d), now.toISOString());
      if (!fresh.length) return false;
      const accountIds = await recipientIds(tx, { enterpriseId: plan.enterprise_id, orgIds: [plan.supervising_org_id] });
      if (accountIds.length) {
        const when = plan.days_left === 0 ? '今天到期' : `将于 ${plan.revision_due} 到期（还有 ${plan.days_left} 天）`;
        await p.notify.send(tx, { accountIds, title: '应急预案修订即将到期', channels: ['inapp', 'sms'], regionCode: plan.region_code, link: `/command/plans/${plan.id}`,
          body: `${plan.enterprise_name ?? ''}《${plan.title}》的评估修订期限${when}，请及时组织评估、修订并重新备案` });
      }
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

/** Register the reminder run as a durable job, hourly. */
export function scheduleRevisionReminders(p: Platform) {
  p.jobs.register('command.plan_revision_reminders', async () => { await sendRevisionReminders(p); });
  p.jobs.every('command.plan_revision_reminders', 60 * 60_000, 'command.plan_revision_reminders');
}
