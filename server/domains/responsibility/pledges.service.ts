// 安全生产责任状: each year the city (市政府/市安委会) signs letters with the parks and municipal units, the towns and
// the key enterprises; the signed scan is a platform file. The year's status shows who has not signed.
import { SIGNER_KINDS, type PledgeEdit, type PledgeInput } from '../../../contracts/responsibility.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import { findOrgBrief } from '../system/orgs.service.js';
import { deletePledge, findPledge, yearsWithLetters, insertPledge, pledgeCounts, pledgeExists, type PledgeRow, signPledge, updatePledge } from './pledges.store.js';

/** Row → API shape. */
export const presentPledge = (p: PledgeRow) => ({ id: p.id, year: p.year, signerKind: p.signer_kind, signerOrgId: p.signer_org_id, signerEnterpriseId: p.signer_enterprise_id,
  signerName: p.signer_name, issuerName: p.issuer_name, regionCode: p.region_code, targets: p.targets, signedOn: p.signed_on, fileId: p.file_id });

const bureauOnly = (ctx: Ctx) => { if (ctx.actor.scope.kind !== 'all') throw forbidden('责任状由市安委办（市应急管理局）登记', 'Bureau only'); };

async function checkFile(ctx: Ctx, db: Queryable, id: string | undefined) {
  if (id && !(await visibleFileIds(db, ctx.actor.scope, [id])).length) throw badRequest('签订文本文件不存在或无权使用，请重新上传', 'File not found');
  return id ?? null;
}

/** Register a letter for a year (signed or still to be signed). */
export async function createPledge(ctx: Ctx, input: PledgeInput) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    let signer: { orgId: string | null; entId: string | null; name: string; region: string };
    if (input.signerKind === 'key_enterprise') {
      const e = input.signerEnterpriseId ? await findEnterpriseBrief(tx, ctx.actor.scope, input.signerEnterpriseId) : undefined;
      if (!e) throw badRequest('重点企业的责任状请选择签订企业', 'Choose the enterprise');
      signer = { orgId: null, entId: e.id, name: e.name, region: e.regionCode };
    } else {
      const o = input.signerOrgId ? await findOrgBrief(tx, input.signerOrgId) : undefined;
      if (!o && input.signerKind === 'park_unit' && !input.signerOrgId && input.signerName?.trim()) {
        // A municipal unit that has no organisation record here (发改局, 财政局 …) signs by name, at county level.
        const county = await tx.one<{ code: string }>(sql`select code from regions where level = 'county' order by code limit 1`);
        return register(ctx, tx, input, { orgId: null, entId: null, name: input.signerName.trim(), region: county.code });
      }
      if (!o) throw badRequest('请选择签订单位', 'Choose the signing unit');
      if (input.signerKind === 'town' && o.kind !== 'town_gov') throw badRequest('乡镇的责任状应由乡镇人民政府签订', 'Towns sign through their government');
      signer = { orgId: o.id, entId: null, name: o.name, region: o.regionCode };
    }
    return register(ctx, tx, input, signer);
  });
}

/** Insert one letter after the one-per-signer-and-year check. */
async function register(ctx: Ctx, tx: Queryable & { inTransaction: true }, input: PledgeInput, signer: { orgId: string | null; entId: string | null; name: string; region: string }) {
  if (await pledgeExists(tx, input.year, signer.name)) throw conflict(`${signer.name} ${input.year} 年的责任状已登记`, 'Already registered');
  const id = uuidv7();
  await insertPledge(tx, { id, year: input.year, signer_kind: input.signerKind, signer_org_id: signer.orgId, signer_enterprise_id: signer.entId, signer_name: signer.name,
    issuer_name: input.issuerName.trim(), region_code: signer.region, targets: input.targets.trim(), signed_on: input.signedOn ?? null,
    file_id: await checkFile(ctx, tx, input.fileId), created_by: ctx.actor.id });
  await audit(ctx, tx, { action: 'responsibility.pledge.create', entityType: 'pledge', entityId: id, regionCode: signer.region, after: input });
  return presentPledge((await findPledge(tx, ctx.actor.scope, id))!);
}

/** Record the signing (date, signed scan). */
export async function sign(ctx: Ctx, id: string, input: { signedOn: string; fileId?: string }) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const p = await findPledge(tx, ctx.actor.scope, id);
    if (!p) throw notFound('责任状', 'Pledge');
    await signPledge(tx, id, input.signedOn, await checkFile(ctx, tx, input.fileId));
    await audit(ctx, tx, { action: 'responsibility.pledge.sign', entityType: 'pledge', entityId: id, regionCode: p.region_code,
      before: { signedOn: p.signed_on, fileId: p.file_id }, after: input });
    return presentPledge((await findPledge(tx, ctx.actor.scope, id))!);
  });
}

/** Correct a letter: kind, issuer, targets, the signing date, and replace (or remove) the signed scan. */
export async function editPledge(ctx: Ctx, id: string, input: PledgeEdit) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const p = await findPledge(tx, ctx.actor.scope, id);
    if (!p) throw notFound('责任状', 'Pledge');
    const kind = input.signerKind ?? p.signer_kind;
    // The signer's identity decides which kinds fit: an enterprise is a key enterprise, a town government signs as a town.
    if ((kind === 'key_enterprise') !== !!p.signer_enterprise_id) throw badRequest('重点企业的责任状只能由企业签订；请删除后重新登记', 'Kind does not fit the signer');
    if (input.fileId && input.fileId !== p.file_id) await checkFile(ctx, tx, input.fileId);
    if (input.signedOn && input.signedOn.slice(0, 4) < String(p.year - 1)) throw badRequest(`签订日期早于 ${p.year} 年度，请核对`, 'Signed before the year');
    const row = { signer_kind: kind, issuer_name: input.issuerName.trim(), targets: input.targets.trim(), signed_on: input.signedOn, file_id: input.fileId };
    await updatePledge(tx, id, row);
    await audit(ctx, tx, { action: 'responsibility.pledge.update', entityType: 'pledge', entityId: id, regionCode: p.region_code, before: presentPledge(p), after: input });
    return presentPledge((await findPledge(tx, ctx.actor.scope, id))!);
  });
}

/** Delete a letter registered by mistake. */
export async function removePledge(ctx: Ctx, id: string) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const p = await findPledge(tx, ctx.actor.scope, id);
    if (!p) throw notFound('责任状', 'Pledge');
    await deletePledge(tx, id);
    await audit(ctx, tx, { action: 'responsibility.pledge.delete', entityType: 'pledge', entityId: id, regionCode: p.region_code, before: presentPledge(p) });
    return { ok: true };
  });
}

/** The latest year with letters in the caller's scope, when the given year has none (the demo is of 2022). */
export async function pledgeYear(ctx: Ctx, year: number) {
  const r = await yearsWithLetters(ctx.db, ctx.actor.scope, year);
  return r.has || !r.latest ? year : r.latest;
}

/** The year at a glance: letters by kind, signed, and who has not signed. */
export async function pledgeStatus(ctx: Ctx, year: number) {
  const c = await pledgeCounts(ctx.db, ctx.actor.scope, year);
  return {
    year, total: c.byKind.reduce((a, r) => a + r.total, 0), signed: c.byKind.reduce((a, r) => a + r.signed, 0),
    byKind: c.byKind.map((r) => ({ ...r, label: SIGNER_KINDS.find((k) => k.code === r.key)?.label ?? r.key }))
      .sort((a, b) => SIGNER_KINDS.findIndex((k) => k.code === a.key) - SIGNER_KINDS.findIndex((k) => k.code === b.key)),
    unsigned: c.unsigned.map((u) => ({ id: u.id, signerName: u.signer_name, signerKind: u.signer_kind })),
  };
}
