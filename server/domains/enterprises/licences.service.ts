// 证照: an enterprise account keeps its own licences; a regulator with enterprise:write keeps anyone's in its
// scope. Dates are checked, an attached file must be one the caller can see, every change is audited
// against the enterprise.
import type { Static } from '@sinclair/typebox';
import type { Licence, LicenceInput, LicenceUpdate } from '../../../contracts/enterprises.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { findFile } from '../../platform/files/files.store.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { loadEnterprise, requireEditor, tellRegulator, today } from './enterprises.service.js';
import { deleteLicence, findLicence, insertLicence, type LicenceRow, type LicenceWrite, listLicences, updateLicence } from './licences.store.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export const presentLicence = (l: LicenceRow): Licence => ({
  id: l.id, enterpriseId: l.enterprise_id, kind: l.kind, number: l.number, issuer: l.issuer, issuedOn: l.issued_on, expiresOn: l.expires_on,
  fileId: l.file_id, note: l.note, daysLeft: l.days_left, createdAt: iso(l.created_at), updatedAt: iso(l.updated_at),
});

const snapshot = (l: LicenceRow) => ({ licenceId: l.id, kind: l.kind, number: l.number, issuer: l.issuer, issuedOn: l.issued_on, expiresOn: l.expires_on, fileId: l.file_id, note: l.note });

async function check(ctx: Ctx, db: Queryable, w: LicenceWrite, enterpriseId: string) {
  if (w.issued_on && w.expires_on && w.expires_on < w.issued_on) throw badRequest('有效期至不能早于发证日期', 'Expiry before issue date');
  if (w.file_id) {
    const f = await findFile(db, ctx.actor.scope, w.file_id);
    if (!f || (f.enterprise_id && f.enterprise_id !== enterpriseId)) throw badRequest('所附文件不存在或不属于该企业，请先上传证照扫描件', 'File not found for this enterprise');
  }
}

/** The licences of an enterprise the caller may see. */
export async function licencesOf(ctx: Ctx, enterpriseId: string) {
  await loadEnterprise(ctx, ctx.db, enterpriseId);
  return (await listLicences(ctx.db, enterpriseId, today(ctx))).map(presentLicence);
}

export async function addLicence(ctx: Ctx, enterpriseId: string, input: Static<typeof LicenceInput>) {
  requireEditor(ctx, '证照');
  return ctx.db.tx(async (tx) => {
    const e = await loadEnterprise(ctx, tx, enterpriseId);
    const w: LicenceWrite = { kind: input.kind, number: input.number.trim(), issuer: input.issuer ?? null, issued_on: input.issuedOn ?? null,
      expires_on: input.expiresOn ?? null, file_id: input.fileId ?? null, note: input.note ?? null };
    await check(ctx, tx, w, enterpriseId);
    const id = uuidv7();
    await insertLicence(tx, { ...w, id, enterprise_id: enterpriseId, created_at: ctx.clock().toISOString() });
    const l = (await findLicence(tx, { kind: 'all' }, id, today(ctx)))!;
    await audit(ctx, tx, { action: 'enterprise.licence.create', entityType: 'enterprise', entityId: enterpriseId, regionCode: e.region_code, after: snapshot(l) });
    await tellRegulator(ctx, tx, e, '证照');
    return presentLicence(l);
  });
}

async function loadLicence(ctx: Ctx, db: Queryable, id: string) {
  const l = await findLicence(db, ctx.actor.scope, id, today(ctx));
  if (!l) throw notFound('证照', 'Licence');
  return l;
}

export async function editLicence(ctx: Ctx, id: string, input: Static<typeof LicenceUpdate>) {
  requireEditor(ctx, '证照');
  return ctx.db.tx(async (tx) => {
    const before = await loadLicence(ctx, tx, id);
    const e = await loadEnterprise(ctx, tx, before.enterprise_id);
    const w: LicenceWrite = { kind: input.kind, number: input.number?.trim(), issuer: input.issuer, issued_on: input.issuedOn, expires_on: input.expiresOn,
      file_id: input.fileId, note: input.note };
    await check(ctx, tx, { ...w, issued_on: w.issued_on !== undefined ? w.issued_on : before.issued_on, expires_on: w.expires_on !== undefined ? w.expires_on : before.expires_on }, e.id);
    await updateLicence(tx, id, { ...w, updated_at: ctx.clock().toISOString() });
    const after = (await findLicence(tx, { kind: 'all' }, id, today(ctx)))!;
    await audit(ctx, tx, { action: 'enterprise.licence.update', entityType: 'enterprise', entityId: e.id, regionCode: e.region_code, before: snapshot(before), after: snapshot(after) });
    await tellRegulator(ctx, tx, e, '证照');
    return presentLicence(after);
  });
}

export async function removeLicence(ctx: Ctx, id: string) {
  requireEditor(ctx, '证照');
  await ctx.db.tx(async (tx) => {
    const before = await loadLicence(ctx, tx, id);
    const e = await loadEnterprise(ctx, tx, before.enterprise_id);
    await deleteLicence(tx, id);
    await audit(ctx, tx, { action: 'enterprise.licence.delete', entityType: 'enterprise', entityId: e.id, regionCode: e.region_code, before: snapshot(before) });
    await tellRegulator(ctx, tx, e, '证照');
  });
  return { ok: true };
}
