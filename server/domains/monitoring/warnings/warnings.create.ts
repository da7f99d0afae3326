// Where warnings come from: drafted here, or imported from CAP 1.2 (a Cancel cancels the warning it refers to);
// and where they go: exported as CAP 1.2.
import type { CapPreview, WarningCreate } from '../../../../contracts/monitoring.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findOrgBrief } from '../../system/orgs.service.js';
import { buildCap, parseCap, type ImportedCap } from './cap.js';
import { cancelWarning, checkPeriod, checkRegions, commonRegion, issueWarning, viewerRegion } from './warnings.service.js';
import { findByCapIdentifier, findWarning, insertWarning, knownRegions, type WarningRow } from './warnings.store.js';

/** The CAP sender id of this platform for a region: no spaces or commas (CAP 1.2 §3.2.1). */
export const senderOf = (regionCode: string) => `yingji-${regionCode.slice(0, 6)}`;

/** Draft a warning issued by the caller's organisation. */
export async function createWarning(ctx: Ctx, input: WarningCreate): Promise<WarningRow> {
  await checkRegions(ctx, input.regionCodes);
  checkPeriod(ctx, input.effectiveAt, input.expiresAt);
  const org = ctx.actor.orgId ? await findOrgBrief(ctx.db, ctx.actor.orgId) : undefined;
  const anchor = commonRegion(input.regionCodes);
  return ctx.db.tx(async (tx) => {
    const id = uuidv7();
    await insertWarning(tx, id, {
      kind: input.kind, event: input.event, colour: input.colour, headline: input.headline, description: input.description, guidance: input.guidance,
      region_codes: input.regionCodes, region_code: anchor, effective_at: input.effectiveAt, expires_at: input.expiresAt, sender: senderOf(anchor), audience: input.audience ?? 'responsible',
      sender_name: org?.name ?? ctx.actor.name, sender_org_id: ctx.actor.orgId ?? null, source: 'issued', status: 'draft', created_by: ctx.actor.id,
    });
    await audit(ctx, tx, { action: 'monitoring.warning.create', entityType: 'early_warning', entityId: id, regionCode: anchor, after: input });
    return (await findWarning(tx, { kind: 'all' }, undefined, id))!;
  });
}

/** The warning a CAP Cancel refers to (its first reference: sender,identifier,sent). */
async function cancelTarget(ctx: Ctx, cap: ImportedCap) {
  const [sender, identifier] = (cap.references ?? '').trim().split(/\s+/)[0]?.split(',') ?? [];
  return sender && identifier ? findByCapIdentifier(ctx.db, sender, identifier) : undefined;
}

/** What a CAP 1.2 file would become, without saving anything (the import dialog's preview); a 400 lists what is wrong. */
export async function previewCap(ctx: Ctx, xml: string): Promise<CapPreview> {
  const cap = parseCap(xml);
  const known = await knownRegions(ctx.db, cap.input.regionCodes);
  const target = cap.msgType === 'Cancel' ? await cancelTarget(ctx, cap) : undefined;
  return {
    capIdentifier: cap.capIdentifier, sender: cap.sender, senderName: cap.senderName, msgType: cap.msgType, sentAt: cap.sentAt.toISOString(), warning: cap.input,
    regionNames: known.map((k) => k.name), unknownRegions: cap.input.regionCodes.filter((c) => !known.some((k) => k.code === c)),
    alreadyImported: !!(await findByCapIdentifier(ctx.db, cap.sender, cap.capIdentifier)), cancels: target ? { id: target.id, headline: target.headline } : null,
  };
}

/** Import a CAP 1.2 alert as a draft (issued at once with `issue`); a Cancel cancels the warning it refers to. */
export async function importCap(ctx: Ctx, xml: string, issue: boolean): Promise<WarningRow> {
  const cap = parseCap(xml);
  if (cap.msgType === 'Cancel') {
    const target = await cancelTarget(ctx, cap);
    if (!target) throw notFound('该解除消息所指的预警', 'The warning this Cancel refers to');
    return cancelWarning(ctx, target.id);
  }
  if (!['Alert', 'Update'].includes(cap.msgType)) throw new AppError(400, 'bad_request', `不导入 msgType 为 ${cap.msgType} 的 CAP 消息（只导入 Alert、Update、Cancel）`, 'Unsupported msgType');
  if (await findByCapIdentifier(ctx.db, cap.sender, cap.capIdentifier)) throw new AppError(409, 'conflict', `该预警已导入过（${cap.sender} / ${cap.capIdentifier}）`, 'Already imported');
  const known = await knownRegions(ctx.db, cap.input.regionCodes);
  if (!known.length) throw new AppError(400, 'bad_request', `CAP 中的区划代码都不在本平台：${cap.input.regionCodes.join('、')}`, 'No known regions');
  const input = { ...cap.input, regionCodes: known.map((k) => k.code) };
  await checkRegions(ctx, input.regionCodes);
  const anchor = commonRegion(input.regionCodes);
  const w = await ctx.db.tx(async (tx) => {
    const id = uuidv7();
    await insertWarning(tx, id, {
      kind: input.kind, event: input.event, colour: input.colour, headline: input.headline, description: input.description, guidance: input.guidance,
      region_codes: input.regionCodes, region_code: anchor, effective_at: input.effectiveAt, expires_at: input.expiresAt, sender: cap.sender,
      sender_name: cap.senderName, source: 'imported', status: 'draft', cap_identifier: cap.capIdentifier, cap_xml: xml, created_by: ctx.actor.id,
    });
    await audit(ctx, tx, { action: 'monitoring.warning.import', entityType: 'early_warning', entityId: id, regionCode: anchor,
      after: { sender: cap.sender, identifier: cap.capIdentifier, colour: input.colour, regions: input.regionCodes } });
    return (await findWarning(tx, { kind: 'all' }, undefined, id))!;
  });
  return issue ? issueWarning(ctx, w.id) : w;
}

/** A warning as CAP 1.2 XML (drafts have nothing to export). */
export async function exportCap(ctx: Ctx, id: string): Promise<string> {
  const w = await findWarning(ctx.db, ctx.actor.scope, await viewerRegion(ctx), id);
  if (!w) throw notFound('预警', 'Warning');
  if (w.status === 'draft') throw new AppError(409, 'draft', '草稿尚未发布，不能导出 CAP', 'Drafts are not exported');
  const regions = await knownRegions(ctx.db, w.region_codes);
  return buildCap({
    capIdentifier: w.cap_identifier!, sender: w.sender, sentAt: new Date(w.issued_at!), cancelled: w.status === 'cancelled', kind: w.kind as never,
    event: w.event, colour: w.colour, headline: w.headline, description: w.description, guidance: w.guidance, effectiveAt: new Date(w.effective_at),
    expiresAt: new Date(w.expires_at), senderName: w.sender_name, regions,
  });
}
