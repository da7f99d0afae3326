// 安全生产责任状: each year the city (市政府/市安委会) signs letters with the parks and municipal units, the towns and
// the key enterprises; the signed scan is a platform file. The year's status shows who has not signed.
import { SIGNER_KINDS, type PledgeInput } from '../../../contracts/responsibility.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { sql } from '../../platform/db/sql.js';
import { uuidv7 } from '../../platform/ids.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import { findOrgBrief } from '../system/orgs.service.js';
import { findPledge, insertPledge, pledgeCounts, pledgeExists, type PledgeRow, signPledge } from './pledges.store.js';

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
