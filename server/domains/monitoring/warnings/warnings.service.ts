// 预警信息: draft, issue (number, distribution to the responsible people of the covered regions, each to confirm),
// cancel (解除), and the recipient's confirmation. Each change audited; screens are told after commit.
import type { WarningCreate, WarningUpdate } from '../../../../contracts/monitoring.js';
import { WARNING_COLOURS } from '../../../../contracts/monitoring.js';
import type { Static } from '@sinclair/typebox';
import { inScope, regionPrefix } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable, Tx } from '../../../platform/db/db.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { sql } from '../../../platform/db/sql.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { shanghaiDate } from '../../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../../enterprises/directory.js';
import { confirmRecipient, insertRecipients, isRecipient, syncInboxConfirmations, unconfirmedIds, warningLink } from './recipients.store.js';
import { remind } from './warnings.callback.js';
import { facilityPhones, warningRecipients } from './audience.js';
import { findWarning, knownRegions, lockWarning, updateWarning, type WarningRow } from './warnings.store.js';


/** The enterprise's region when the viewer is an enterprise (warnings are scoped by place). */
export async function viewerRegion(ctx: Ctx, db: Queryable = ctx.db): Promise<string | undefined> {
  if (ctx.actor.scope.kind !== 'enterprise') return undefined;
  // Inside a transaction pass it: on PGlite (one connection) a read through ctx.db would wait for the transaction.
  return (await findEnterpriseBrief(db, ctx.actor.scope, ctx.actor.scope.enterpriseId!))?.regionCode;
}

/** The lowest region whose subtree holds all the codes (scope anchor of a warning). */
export function commonRegion(codes: string[]): string {
  const prefixes = codes.map(regionPrefix);
  let common = prefixes[0];
  for (const p of prefixes) while (!p.startsWith(common)) common = common.slice(0, -1);
  const len = [12, 9, 6, 4, 2].find((l) => l <= common.length) ?? 0;
  return common.slice(0, len).padEnd(12, '0');
}

/** Check the regions exist and the caller may warn them. */
export async function checkRegions(ctx: Ctx, codes: string[]) {
  const known = await knownRegions(ctx.db, codes);
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length) throw badRequest(`区划代码不存在：${missing.join('、')}`, 'Unknown regions');
  const outside = known.filter((k) => !inScope(ctx.actor, { regionCode: k.code, orgId: ctx.actor.orgId }));
  if (outside.length) throw forbidden(`不能对管辖范围以外的区划发布预警：${outside.map((k) => k.name).join('、')}`, 'Regions outside your scope');
  return known;
}

/** Check the validity period. */
export function checkPeriod(ctx: Ctx, effectiveAt: string, expiresAt: string) {
  if (Date.parse(expiresAt) <= Date.parse(effectiveAt)) throw badRequest('失效时间须晚于生效时间', 'Expiry must be after the start');
  if (Date.parse(expiresAt) <= ctx.clock().getTime()) throw badRequest('失效时间已过，不能发布已失效的预警', 'Already expired');
}

/** Lock and load a warning in the caller's scope for a change. */
export const loadWarning = async (ctx: Ctx, tx: Tx, id: string) => {
  await lockWarning(tx, id);
  const w = await findWarning(tx, ctx.actor.scope, await viewerRegion(ctx, tx), id);
  if (!w) throw notFound('预警', 'Warning');
  return w;
};

/** Edit a draft. */
export async function editWarning(ctx: Ctx, id: string, input: Static<typeof WarningUpdate>): Promise<WarningRow> {
  // Checked before the transaction, as on create: checkRegions reads through ctx.db, which inside it waits on the
  // transaction's own connection (PGlite has one) and never returns.
  if (input.regionCodes) await checkRegions(ctx, input.regionCodes);
  return ctx.db.tx(async (tx) => {
    const w = await loadWarning(ctx, tx, id);
    if (w.status !== 'draft') throw new AppError(409, 'not_draft', '只有草稿可以修改；已发布的预警请解除后重新发布', 'Only drafts can be edited');
    checkPeriod(ctx, input.effectiveAt ?? w.effective_at.toISOString(), input.expiresAt ?? new Date(w.expires_at).toISOString());
    await updateWarning(tx, id, { kind: input.kind, event: input.event, colour: input.colour, headline: input.headline, description: input.description,
      guidance: input.guidance, region_codes: input.regionCodes, region_code: input.regionCodes && commonRegion(input.regionCodes),
      effective_at: input.effectiveAt, expires_at: input.expiresAt, audience: input.audience });
    await audit(ctx, tx, { action: 'monitoring.warning.update', entityType: 'early_warning', entityId: id, regionCode: w.region_code, before: { headline: w.headline }, after: input });
    return (await findWarning(tx, { kind: 'all' }, undefined, id))!;
  });
}

const title = (w: { colour: WarningRow['colour']; event: string }) => `${w.event}${WARNING_COLOURS[w.colour]}预警`;

/** Issue a draft: number it, and send it to every responsible person of its regions, each asked to confirm (叫应). */
export async function issueWarning(ctx: Ctx, id: string): Promise<WarningRow> {
  const w = await ctx.db.tx(async (tx) => {
    const w = await loadWarning(ctx, tx, id);
    if (w.status !== 'draft') throw new AppError(409, 'not_draft', `该预警已${w.status === 'issued' ? '发布' : '解除'}，不能再次发布`, 'Not a draft');
    checkPeriod(ctx, new Date(w.effective_at).toISOString(), new Date(w.expires_at).toISOString());
    const now = ctx.clock();
    const year = Number(shanghaiDate(now).slice(0, 4));
    const number = `YJ-${year}-${String(await nextNumber(tx, 'early_warning', year)).padStart(6, '0')}`;
    await updateWarning(tx, id, { status: 'issued', number, issued_at: now.toISOString(), issued_by: ctx.actor.id, cap_identifier: w.cap_identifier ?? `${w.sender}-${number}` });
    const who = await warningRecipients(tx, w);
    await insertRecipients(tx, id, [...who].map(([accountId, regionCode]) => ({ accountId, regionCode })), now);
    const phones = await facilityPhones(tx, w.region_codes);
    const sent = await ctx.notify.send(tx, { accountIds: [...who.keys()], phones, title: title(w), body: `${w.headline}。${w.guidance}（有效至 ${shanghaiDate(new Date(w.expires_at))}，请点“确认收到”）`,
      link: warningLink(id), regionCode: w.region_code, channels: ['inapp', 'sms'], ackRequired: true });
    await audit(ctx, tx, { action: 'monitoring.warning.issue', entityType: 'early_warning', entityId: id, regionCode: w.region_code,
      after: { number, colour: w.colour, regions: w.region_codes, audience: w.audience, recipients: who.size, facilityPhones: phones.length, notifications: sent.length } });
    return (await findWarning(tx, { kind: 'all' }, undefined, id))!;
  });
  for (const code of w.region_codes) {
    await ctx.events.publish({ type: 'monitoring.warning.issued', regionCode: code, data: { id: w.id, number: w.number, colour: w.colour, headline: w.headline } });
  }
  ctx.jobs.kick();
  return w;
}

/** Cancel (解除) an issued warning, or drop a draft; recipients are told. */
export async function cancelWarning(ctx: Ctx, id: string): Promise<WarningRow> {
  const w = await ctx.db.tx(async (tx) => {
    const w = await loadWarning(ctx, tx, id);
    if (w.status === 'cancelled') throw new AppError(409, 'cancelled', '该预警已解除', 'Already cancelled');
    await updateWarning(tx, id, { status: 'cancelled', cancelled_at: ctx.clock().toISOString() });
    if (w.status === 'issued') {
      const ids = (await tx.query<{ account_id: string }>(sql`select account_id from warning_recipients where warning_id = ${id}`)).map((r) => r.account_id);
      await ctx.notify.send(tx, { accountIds: ids, phones: await facilityPhones(tx, w.region_codes), title: `${title(w)}解除`, body: `${w.headline}（${w.number}）已解除。`, link: warningLink(id), regionCode: w.region_code, channels: ['inapp', 'sms'] });
    }
    await audit(ctx, tx, { action: 'monitoring.warning.cancel', entityType: 'early_warning', entityId: id, regionCode: w.region_code, before: { status: w.status } });
    return (await findWarning(tx, { kind: 'all' }, undefined, id))!;
  });
  for (const code of w.region_codes) await ctx.events.publish({ type: 'monitoring.warning.cancelled', regionCode: code, data: { id: w.id, number: w.number } });
  ctx.jobs.kick();
  return w;
}

/** 再次叫应: send an issued warning again, now, to every recipient who has not confirmed (besides the automatic re-sends). */
export async function resendWarning(ctx: Ctx, id: string): Promise<{ recipients: number; notifications: number }> {
  const result = await ctx.db.tx(async (tx) => {
    const w = await loadWarning(ctx, tx, id);
    if (w.status !== 'issued') throw new AppError(409, 'not_issued', w.status === 'draft' ? '预警尚未发布，发布后才能叫应' : '预警已解除，不再叫应', 'Not issued');
    const now = ctx.clock();
    if (new Date(w.expires_at) <= now) throw new AppError(409, 'expired', '预警已过有效期，不再叫应', 'Expired');
    await syncInboxConfirmations(tx, id);
    const pending = await unconfirmedIds(tx, id);
    if (!pending.length) throw new AppError(409, 'all_confirmed', '全部责任人都已确认收到，无需再次叫应', 'Everyone has confirmed');
    const sent = await remind(tx, ctx.notify, w, pending, now);
    await audit(ctx, tx, { action: 'monitoring.warning.resend', entityType: 'early_warning', entityId: id, regionCode: w.region_code,
      after: { accounts: pending, notifications: sent.length, manual: true } });
    return { recipients: pending.length, notifications: sent.length };
  });
  ctx.jobs.kick();
  return result;
}

/** The caller confirms they received a warning (叫应); only its recipients can. */
export async function confirmWarning(ctx: Ctx, id: string): Promise<{ confirmedAt: string }> {
  return ctx.db.tx(async (tx) => {
    if (!ctx.actor.id || !(await isRecipient(tx, id, ctx.actor.id))) throw notFound('发给您的预警', 'Warning sent to you');
    const now = ctx.clock();
    if (await confirmRecipient(tx, id, ctx.actor.id, now)) {
      await audit(ctx, tx, { action: 'monitoring.warning.confirm', entityType: 'early_warning', entityId: id });
    }
    const row = await tx.one<{ confirmed_at: Date }>(sql`select confirmed_at from warning_recipients where warning_id = ${id} and account_id = ${ctx.actor.id}`);
    return { confirmedAt: new Date(row.confirmed_at).toISOString() };
  });
}
