// After the decision: 送达 (the payment period starts), payment with the late-payment surcharge (行政处罚法 Art. 72:
// 3% a day, never more than the fine), 催告, application to the court (行政强制法 Art. 53–54), and 结案.
import type { Static } from '@sinclair/typebox';
import type { ServiceInput } from '../../../../contracts/enforcement.js';
import { addDays, addMonths } from '../../../platform/calendar/calendar.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import { cancelDeadlines, meetDeadlines, setDeadline } from '../common/deadlines.js';
import { cnDate, dayOf, money, today } from '../common/util.js';
import { issueDocumentIn, recordServiceIn } from '../documents/documents.service.js';
import { latestCaseDocument, penaltyText } from '../documents/documents.directory.js';
import { caseLimits } from './case.rules.js';
import { caseStep } from './case.step.js';
import { type CaseRow, updateCase } from './cases.store.js';

const DAY_MS = 86400_000;

/** The surcharge owed on `day` (YYYY-MM-DD): percent of the fine per day after the payment due date, capped at the fine. */
export function surchargeOn(c: Pick<CaseRow, 'fine' | 'payment_due'>, day: string, percentPerDay: number): number {
  if (!c.payment_due || !(c.fine > 0) || day <= c.payment_due) return 0;
  const late = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${c.payment_due}T00:00:00Z`)) / DAY_MS);
  return Math.min(c.fine, money((c.fine * percentPerDay * late) / 100));
}

const limits = (ctx: Ctx, tx: Tx, c: Pick<CaseRow, 'filed_at'>) => caseLimits(tx, c, ctx.clock());
const unpaid = (c: CaseRow) => c.fine > 0 && !c.paid_at;

/** 送达处罚决定书: records the service and its 送达回执; the 15-day payment period and the enforcement window start. */
export const serveDecision = (ctx: Ctx, id: string, input: Static<typeof ServiceInput>) => caseStep(ctx, id, 'serve', 'serve', async (tx, c) => {
  const doc = await latestCaseDocument(tx, c.id, 'penalty_decision');
  if (!doc) throw new AppError(409, 'no_decision', '本案还没有行政处罚决定书', 'No decision document');
  const { servedAt, receipt } = await recordServiceIn(ctx, tx, doc, input);
  const day = dayOf(servedAt);
  const rules = await limits(ctx, tx, c);
  await meetDeadlines(tx, 'case', c.id, servedAt, ['service']);
  let paymentDue: string | null = null;
  if (c.fine > 0) {
    paymentDue = addDays(day, rules.value.paymentDays);
    await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'payment', label: '缴纳罚款', dueOn: paymentDue,
      basis: `${rules.regime}（${rules.version}）：收到决定书之日起${rules.value.paymentDays}日内（行政处罚法第67条）`, regionCode: c.region_code, orgId: c.org_id });
    const applyBy = addMonths(addMonths(day, rules.value.litigationMonths), rules.value.enforcementApplyMonths);
    await setDeadline(tx, { subjectType: 'case', subjectId: c.id, kind: 'enforcement_apply', label: '申请人民法院强制执行', dueOn: applyBy,
      basis: `${rules.regime}（${rules.version}）：起诉期限（${rules.value.litigationMonths}个月）届满之日起${rules.value.enforcementApplyMonths}个月内（行政强制法第53条）`, regionCode: c.region_code, orgId: c.org_id });
  }
  return { write: { served_at: servedAt.toISOString(), payment_due: paymentDue }, data: { method: input.method, receipt: receipt.number, paymentDue } };
});

/** 缴纳罚款: the fine plus any surcharge owed on the day of payment. */
export const payFine = (ctx: Ctx, id: string, amount: number, paidAt?: string) => caseStep(ctx, id, 'pay', null, async (tx, c) => {
  if (!['executing', 'enforcing'].includes(c.status)) throw new AppError(409, 'illegal_move', '决定书送达后才能登记缴款', 'Not in execution');
  if (!unpaid(c)) throw new AppError(409, 'nothing_due', c.fine > 0 ? '罚款已缴清' : '本案没有罚款', 'Nothing to pay');
  const at = paidAt ? new Date(paidAt) : ctx.clock();
  if (at.getTime() > ctx.clock().getTime() + 5 * 60_000) throw badRequest('缴款时间不能晚于现在', 'Paid in the future');
  const rules = await limits(ctx, tx, c);
  const surcharge = surchargeOn(c, dayOf(at), rules.value.surchargePercentPerDay);
  if (money(amount) < money(c.fine + surcharge)) {
    throw badRequest(`应缴 ${money(c.fine + surcharge)} 元（罚款 ${c.fine} 元${surcharge ? `，加处罚款 ${surcharge} 元` : ''}），登记的金额不足`, 'Amount short');
  }
  await meetDeadlines(tx, 'case', c.id, at, ['payment', 'enforcement_apply']);
  return { write: { paid_at: at.toISOString(), paid_amount: money(amount), surcharge_paid: surcharge }, data: { amount: money(amount), surcharge } };
});

/** 催告: after the payment period, a 行政强制执行事先催告书 with the surcharge owed so far. */
export const remindParty = (ctx: Ctx, id: string) => caseStep(ctx, id, 'remind', null, async (tx, c) => {
  if (c.status !== 'executing' || !unpaid(c)) throw new AppError(409, 'illegal_move', '只有逾期未缴纳罚款的案件才需要催告', 'Nothing to remind');
  if (!c.payment_due || today(ctx) <= c.payment_due) throw new AppError(409, 'not_due', `缴款期限至 ${cnDate(c.payment_due)}，期限届满后才能催告`, 'Payment period not over');
  const rules = await limits(ctx, tx, c);
  const surcharge = surchargeOn(c, today(ctx), rules.value.surchargePercentPerDay);
  const doc = await issueDocumentIn(ctx, tx, { kind: 'enforcement_reminder', caseId: c.id, extra: { surcharge } });
  return { write: { reminded_at: ctx.clock().toISOString() }, data: { surcharge, document: doc.number } };
});

/** 申请强制执行: only after a 催告 and its waiting period. */
export const applyEnforcement = (ctx: Ctx, id: string, court: string, note?: string) => caseStep(ctx, id, 'apply_enforcement', 'apply_enforcement', async (tx, c) => {
  if (!unpaid(c)) throw new AppError(409, 'nothing_due', '当事人已履行，无需申请强制执行', 'Nothing to enforce');
  const rules = await limits(ctx, tx, c);
  if (!c.reminded_at) throw new AppError(409, 'not_reminded', '申请强制执行前须先催告当事人（行政强制法第54条）', 'Remind first');
  const from = addDays(dayOf(c.reminded_at), rules.value.reminderWaitDays);
  if (today(ctx) < from) throw new AppError(409, 'too_early', `催告书送达满 ${rules.value.reminderWaitDays} 日后方可申请：${cnDate(from)} 起`, 'Too early');
  const surcharge = surchargeOn(c, today(ctx), rules.value.surchargePercentPerDay);
  const doc = await issueDocumentIn(ctx, tx, { kind: 'enforcement_application', caseId: c.id, extra: { court, surcharge } });
  await meetDeadlines(tx, 'case', c.id, ctx.clock(), ['enforcement_apply']);
  return { write: { enforcement_applied_at: ctx.clock().toISOString() }, comment: note, data: { court, document: doc.number } };
});

/** 结案: when the decision has been carried out (or handed to the court); every open deadline is closed. */
export const closeCase = (ctx: Ctx, id: string, note: string) => caseStep(ctx, id, 'close', 'close', async (tx, c) => {
  if (c.status === 'executing' && unpaid(c)) throw new AppError(409, 'unpaid', '罚款尚未缴清，不能结案；逾期不缴的请催告并申请强制执行', 'Fine unpaid');
  const execution = c.paid_at ? `已于 ${cnDate(dayOf(c.paid_at))} 缴纳 ${c.paid_amount} 元` : c.enforcement_applied_at ? '已申请人民法院强制执行' : '已履行';
  await updateCase(tx, c.id, { closing_note: note });
  await issueDocumentIn(ctx, tx, { kind: 'closing_report', caseId: c.id, extra: { note, execution: `${penaltyText(c.decision)}；${execution}` } });
  await cancelDeadlines(tx, 'case', c.id);
  return { write: { closed_at: ctx.clock().toISOString() }, comment: note };
});

