// 现场检查: by plan, draw, campaign, tip-off or ad hoc, with ≥2 certified officers; checklist results and findings
// that become hazards in the same transaction (reportHazardIn); the unit's signature or a refusal note; the 现场检查记录.
import type { Static } from '@sinclair/typebox';
import type { InspectionComplete, InspectionCreate, InspectionRecord } from '../../../../contracts/enforcement.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { allowedMoves, nextState } from '../../../platform/workflow/state-machine.js';
import { findCampaign } from '../../hazards/campaigns.js';
import { reportHazardIn } from '../../hazards/hazards.service.js';
import { enterpriseFacts } from '../common/facts.js';
import { checkFiles } from '../common/files.js';
import { serial, today } from '../common/util.js';
import { issueDocumentIn } from '../documents/documents.service.js';
import { insertOfficers, requireOfficers } from '../common/officers.js';
import { drawOf, unitsOfDraw } from '../draws/draws.directory.js';
import { planOf } from '../plans/plans.directory.js';
import { tipoffOf } from '../tipoffs/tipoffs.directory.js';
import { findChecklist } from './checklists.js';
import { inspectionMachine } from './inspection.machine.js';
import { findInspection, type InspectionRow, insertFinding, insertInspection, lockInspection, type ResultItem, updateInspection } from './inspections.store.js';

/** The moves the action bar offers. */
export const inspectionMoves = (i: InspectionRow) => allowedMoves(inspectionMachine, i.status);

/** Where the inspection comes from, checked; for a draw the drawn officers are the default team. */
async function origin(ctx: Ctx, tx: Tx, input: Static<typeof InspectionCreate>): Promise<{ planId: string | null; drawOfficers?: string[] }> {
  const scope = ctx.actor.scope;
  switch (input.origin) {
    case 'plan':
      if (!input.planId || !(await planOf(tx, scope, input.planId))) throw badRequest('按计划检查须选择本部门的年度监督检查计划', 'Choose the plan');
      return { planId: input.planId };
    case 'draw': {
      const d = input.drawId ? await drawOf(tx, scope, input.drawId) : undefined;
      if (!d) throw badRequest('双随机检查须选择抽查记录', 'Choose the draw');
      if (d.status === 'superseded') throw new AppError(409, 'superseded', '该次抽取已被重新抽取，请按最新一次抽取结果检查', 'Draw superseded');
      const unit = (await unitsOfDraw(tx, d.id)).find((u) => u.enterprise_id === input.enterpriseId);
      if (!unit) throw badRequest('该企业不在本次抽取结果中', 'Not drawn');
      if (unit.inspection_id) throw new AppError(409, 'already', '该对象已按本次抽取建立检查记录', 'Already inspected');
      if (input.officerIds && [...input.officerIds].sort().join() !== [...unit.officer_ids].sort().join()) {
        throw badRequest('双随机检查须由随机抽取的执法人员实施；如需更换人员，请重新抽取并说明理由', 'Use the drawn officers');
      }
      return { planId: d.plan_id, drawOfficers: unit.officer_ids };
    }
    case 'campaign':
      if (!input.campaignId || !(await findCampaign(tx, scope, input.campaignId))) throw badRequest('专项检查须选择专项行动', 'Choose the campaign');
      return { planId: input.planId ?? null };
    case 'tipoff':
      if (!input.tipoffId || !(await tipoffOf(tx, scope, input.tipoffId))) throw badRequest('举报核查须选择举报件', 'Choose the tip-off');
      return { planId: null };
    default:
      return { planId: input.planId ?? null };
  }
}

/** Open an inspection (on site at once unless planned for later). */
export async function createInspection(ctx: Ctx, input: Static<typeof InspectionCreate>): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const o = await origin(ctx, tx, input);
    const officers = await requireOfficers(tx, input.officerIds ?? o.drawOfficers ?? []);
    let unit;
    if (input.enterpriseId) {
      const e = await enterpriseFacts(ctx, tx, input.enterpriseId);
      unit = { enterprise_id: e.enterpriseId, unit_name: e.name, unit_address: e.address, unit_credit_code: e.creditCode, unit_legal_rep: e.legalRep, region_code: e.regionCode, sector: e.sector, subtype: e.subtype };
    } else {
      if (!input.unitName || !input.regionCode) throw badRequest('检查未登记的单位或场所须填写名称和所在区划', 'Unit name and region are required');
      if (!inScope(ctx.actor, { regionCode: input.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能在管辖范围以外检查', 'Outside your scope');
      unit = { enterprise_id: null, unit_name: input.unitName, unit_address: input.unitAddress ?? null, unit_credit_code: null, unit_legal_rep: null, region_code: input.regionCode, sector: null, subtype: null };
    }
    if (input.checklistId && !(await findChecklist(tx, input.checklistId))) throw badRequest('执法检查表不存在', 'Checklist not found');
    const now = ctx.clock().toISOString();
    const id = uuidv7();
    const number = await serial(tx, 'JC', Number(today(ctx).slice(0, 4)));
    const start = input.startNow ?? !input.plannedOn;
    await insertInspection(tx, { id, number, origin: input.origin, plan_id: o.planId, draw_id: input.origin === 'draw' ? input.drawId! : null, campaign_id: input.campaignId ?? null,
      tipoff_id: input.origin === 'tipoff' ? input.tipoffId! : null, org_id: ctx.actor.orgId ?? null, ...unit, status: start ? 'on_site' : 'planned',
      planned_on: input.plannedOn ?? null, started_at: start ? now : undefined, checklist_id: input.checklistId ?? null, created_by: ctx.actor.id });
    await insertOfficers(tx, 'enforcement_inspection_officers', 'inspection_id', id, officers);
    await audit(ctx, tx, { action: 'enforcement.inspection.create', entityType: 'enforcement_inspection', entityId: id, regionCode: unit.region_code,
      after: { number, origin: input.origin, unit: unit.unit_name, officers: officers.map((x) => x.certNo) } });
    return id;
  });
}

async function load(ctx: Ctx, tx: Tx, id: string) {
  await lockInspection(tx, id);
  const i = await findInspection(tx, ctx.actor.scope, id);
  if (!i) throw notFound('检查记录', 'Inspection');
  return i;
}

/** Record checklist results and findings on site; each finding (or failed item marked so) becomes a hazard now. */
export async function recordOnSite(ctx: Ctx, id: string, input: Static<typeof InspectionRecord>): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const i = await load(ctx, tx, id);
    if (i.status !== 'on_site') throw new AppError(409, 'not_on_site', `检查「${i.number}」不在现场检查中，不能记录检查情况`, 'Not on site');
    const list = input.results?.length && i.checklist_id ? await findChecklist(tx, i.checklist_id) : undefined;
    if (input.results?.length && !list) throw badRequest('记录检查表结果须先为本次检查选择执法检查表', 'No checklist');
    const items = new Map(list?.items.map((x) => [x.code, x]) ?? []);
    const unknown = (input.results ?? []).filter((r) => !items.has(r.code)).map((r) => r.code);
    if (unknown.length) throw badRequest(`检查表中没有这些条目：${unknown.join('、')}`, 'Unknown items');
    const results = new Map<string, ResultItem>(i.results.map((r) => [r.code, r]));
    for (const r of input.results ?? []) {
      results.set(r.code, { code: r.code, text: items.get(r.code)!.text, ok: r.ok, note: r.note, photos: await checkFiles(ctx, tx, r.photos, '照片'), cites: items.get(r.code)!.cites });
    }
    const findings = [...(input.findings ?? []).map((f) => ({ ...f, itemCode: null as string | null })),
      ...(input.results ?? []).filter((r) => !r.ok && r.toHazard).map((r) => ({ title: `检查项不符合：${items.get(r.code)!.text}`, level: r.level ?? 'general', majorBasis: r.majorBasis,
        description: r.note, basis: items.get(r.code)!.basis, photos: r.photos, itemCode: r.code }))];
    for (const f of findings) {
      if (f.level === 'major' && !f.majorBasis) throw badRequest(`「${f.title}」判定为重大隐患须注明判定依据`, 'Major needs a basis');
      const h = await reportHazardIn(ctx, tx, { enterpriseId: i.enterprise_id ?? undefined, regionCode: i.enterprise_id ? undefined : i.region_code,
        placeName: i.enterprise_id ? undefined : i.unit_name, title: f.title, description: [f.description, f.basis ? `依据：${f.basis}` : '', `执法检查 ${i.number}`].filter(Boolean).join('；'),
        source: 'inspection', level: f.level, majorBasis: f.majorBasis, sector: i.sector ?? undefined, photos: f.photos, campaignId: i.campaign_id ?? undefined },
        // A failed checklist item's articles go with the hazard it raises (issue #14), as a failed self-check item's do.
        { cites: f.itemCode ? items.get(f.itemCode)!.cites : undefined });
      await insertFinding(tx, { id: uuidv7(), inspection_id: i.id, hazard_id: h.id, hazard_number: h.number, item_code: f.itemCode, title: f.title, level: f.level, basis: f.basis ?? null });
    }
    const photos = [...new Set([...i.photos, ...(await checkFiles(ctx, tx, input.photos, '照片'))])];
    await updateInspection(tx, i.id, { results: JSON.stringify([...results.values()]), summary: input.summary ?? i.summary, photos });
    await audit(ctx, tx, { action: 'enforcement.inspection.record', entityType: 'enforcement_inspection', entityId: i.id, regionCode: i.region_code,
      after: { results: input.results?.length ?? 0, findings: findings.length } });
  });
}

/** One move: start, complete (with the unit's signature or a refusal note; makes the 现场检查记录) or cancel. */
export async function moveInspection(ctx: Ctx, id: string, move: 'start' | 'complete' | 'cancel', input: Static<typeof InspectionComplete> & { reason?: string }): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const i = await load(ctx, tx, id);
    const to = nextState(inspectionMachine, i.status, move);
    const now = ctx.clock().toISOString();
    if (move === 'start') await updateInspection(tx, id, { status: to, started_at: now });
    if (move === 'cancel') await updateInspection(tx, id, { status: to, cancel_reason: input.reason });
    if (move === 'complete') {
      const [signature] = await checkFiles(ctx, tx, [input.signatureFileId], '签名');
      if (!signature && !input.refusalNote) throw badRequest('完成检查须上传被检查单位负责人的签名，或写明拒绝签名的情况', 'Signature or refusal note required');
      await updateInspection(tx, id, { status: to, ended_at: now, summary: input.summary ?? i.summary, signature_file_id: signature ?? null,
        signer_name: input.signerName ?? null, refusal_note: input.refusalNote ?? null });
      await issueDocumentIn(ctx, tx, { kind: 'inspection_record', inspectionId: id });
    }
    await audit(ctx, tx, { action: `enforcement.inspection.${move}`, entityType: 'enforcement_inspection', entityId: id, regionCode: i.region_code,
      before: { status: i.status }, after: { status: to, reason: input.reason, refusal: input.refusalNote } });
  });
}
