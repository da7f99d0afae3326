// 一企一档 rules: a valid credit code that says which character is wrong, sector and detail that belong
// together, references that exist, writes only inside the caller's scope, status changes with a reason
// and a history, enterprise accounts limited to their contacts (licences and hazard sources have their
// own services). Every change is audited in its transaction, against the enterprise (the aggregate).
import type { Static } from '@sinclair/typebox';
import {
  type ContactsUpdate, ENTERPRISE_STATUSES, type EnterpriseCreate, type EnterpriseUpdate, labelOf, SECTORS, type StatusChangeInput,
} from '../../../contracts/enterprises.js';
import { recipientIds } from '../../platform/auth/accounts.store.js';
import { can } from '../../platform/auth/actor.js';
import { inScope } from '../../platform/auth/scope.js';
import { checkUscc, normaliseUscc } from '../../platform/codes/uscc.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { uuidv7 } from '../../platform/ids.js';
import { keepIfMasked } from '../../platform/personal/personal.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { presentEnterprise, snapshot } from './enterprises.present.js';
import {
  type EnterpriseRow, type EnterpriseWrite, findByCreditCodes, findEnterprise, insertEnterprise, insertStatusChange, orgExists,
  regionExists, updateEnterprise,
} from './enterprises.store.js';

/** Today in Asia/Shanghai (YYYY-MM-DD), by the platform clock. */
export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock());

/** A normalised 统一社会信用代码, or 400 saying which character is wrong. */
export function checkCreditCode(raw: string): string {
  const code = normaliseUscc(raw);
  const problem = checkUscc(code);
  if (problem) throw badRequest(problem.message, problem.messageEn, { field: 'creditCode', position: problem.position });
  return code;
}

/** The sector detail must be one of the sector's own details (危险化学品 has 生产/经营/使用/储存 …). */
export function checkSector(sector: string, detail: string | null | undefined): string | null {
  const s = SECTORS.find((x) => x.code === sector);
  if (!s) throw badRequest(`未知的监管行业：${sector}`, `Unknown sector ${sector}`);
  if (!detail) return null;
  if (!s.details.some((d) => d.code === detail)) {
    const allowed = s.details.length ? `可选：${s.details.map((d) => d.label).join('、')}` : '该行业没有细分';
    throw badRequest(`行业细分与监管行业「${s.label}」不匹配；${allowed}`, `Sector detail ${detail} does not belong to ${sector}`);
  }
  return detail;
}

/** The enterprise if the caller may see it, else 404 (never a hint that it exists). */
export async function loadEnterprise(ctx: Ctx, db: Queryable, id: string): Promise<EnterpriseRow> {
  const e = await findEnterprise(db, ctx.actor.scope, id, today(ctx));
  if (!e) throw notFound('企业', 'Enterprise');
  return e;
}

/** Enterprise accounts may change their own contacts, licences and hazard sources; anyone else needs enterprise:write. */
export function requireEditor(ctx: Ctx, what: string) {
  if (ctx.actor.scope.kind === 'enterprise') return; // their scope already limits them to their own enterprise
  if (!can(ctx.actor, 'enterprise:write')) throw forbidden(`修改${what}需要“企业档案维护”权限`, `Changing ${what} needs enterprise:write`);
}

/** When an enterprise changes its own record, its regulator hears of it (in-app). */
export async function tellRegulator(ctx: Ctx, tx: Queryable, e: Pick<EnterpriseRow, 'id' | 'name' | 'region_code' | 'supervising_org_id'>, what: string) {
  if (ctx.actor.scope.kind !== 'enterprise' || !e.supervising_org_id) return;
  const accountIds = await recipientIds(tx, { orgIds: [e.supervising_org_id] });
  if (accountIds.length) {
    await ctx.notify.send(tx, { accountIds, title: '企业自行更新了档案', body: `${e.name}更新了${what}`, link: `/enterprises/${e.id}`, regionCode: e.region_code });
  }
}

type Input = Static<typeof EnterpriseUpdate>;

/** API input (camelCase) → the columns it sets; undefined leaves a column as it is. */
export function toWrite(i: Input): EnterpriseWrite {
  return {
    name: i.name?.trim(), former_names: i.formerNames?.map((n) => n.trim()), region_code: i.regionCode, address: i.address, lng: i.lng, lat: i.lat,
    employees: i.employees, scale: i.scale, established_on: i.establishedOn, supervising_org_id: i.regulatorId, is_key: i.isKey,
    standard_grade: i.standardGrade, industry_code: i.industryCode, sector: i.sector, sector_detail: i.sectorDetail, subtype: i.subtype?.trim() || (i.subtype === undefined ? undefined : null),
    flags: i.flags ? [...new Set(i.flags)] : undefined, risk_level: i.riskLevel, risk_level_source: i.riskLevelSource,
    legal_representative: i.legalRepresentative, legal_representative_phone: i.legalRepresentativePhone, principal_name: i.principalName,
    principal_phone: i.principalPhone, safety_manager_name: i.safetyManagerName, safety_manager_phone: i.safetyManagerPhone,
  };
}

/** A phone sent back masked, as the form was shown it, keeps the stored number (a masked one typed by hand is refused). */
function unmaskPhones(w: EnterpriseWrite, before?: EnterpriseRow) {
  w.legal_representative_phone = keepIfMasked(w.legal_representative_phone, before?.legal_representative_phone, 'phone', '法定代表人电话');
  w.principal_phone = keepIfMasked(w.principal_phone, before?.principal_phone, 'phone', '主要负责人电话');
  w.safety_manager_phone = keepIfMasked(w.safety_manager_phone, before?.safety_manager_phone, 'phone', '安全管理负责人电话');
  return w;
}

/** Checks a write against the rules and the caller's scope; fills the risk note when the colour is set by hand. */
export async function checkWrite(ctx: Ctx, db: Queryable, w: EnterpriseWrite, before?: EnterpriseRow) {
  const sector = w.sector ?? before?.sector ?? 'other';
  w.sector_detail = checkSector(sector, w.sector_detail !== undefined ? w.sector_detail : (w.sector ? null : before?.sector_detail));
  if ((w.lng === undefined) !== (w.lat === undefined) || (w.lng === null) !== (w.lat === null)) throw badRequest('经度和纬度须同时填写或同时清空', 'Give both lng and lat');
  if (w.region_code && w.region_code !== before?.region_code && !(await regionExists(db, w.region_code))) throw badRequest('所属区划不存在', 'Region not found');
  if (w.supervising_org_id && w.supervising_org_id !== before?.supervising_org_id && !(await orgExists(db, w.supervising_org_id))) {
    throw badRequest('行业主管部门不存在', 'Regulator not found');
  }
  const place = { regionCode: w.region_code ?? before?.region_code, orgId: w.supervising_org_id !== undefined ? w.supervising_org_id : before?.supervising_org_id, enterpriseId: before?.id };
  if (!inScope(ctx.actor, place)) throw forbidden('所属区划或行业主管部门超出了您的数据范围', 'Outside your data scope');
  if (w.risk_level !== undefined && w.risk_level !== before?.risk_level) {
    w.risk_level_at = w.risk_level ? ctx.clock().toISOString() : null;
    w.risk_level_source = w.risk_level ? (w.risk_level_source ?? `人工录入（${ctx.actor.name}）`) : null;
  }
}

/** 409 when another enterprise holds the code; names it only if the caller may see it. */
async function checkCodeFree(ctx: Ctx, db: Queryable, code: string, self?: string) {
  const [owner] = await findByCreditCodes(db, [code]);
  if (!owner || owner.id === self) return;
  const visible = inScope(ctx.actor, { regionCode: owner.region_code, orgId: owner.supervising_org_id, enterpriseId: owner.id });
  throw conflict(visible ? `统一社会信用代码 ${code} 已登记为「${owner.name}」` : `统一社会信用代码 ${code} 已被其他企业登记`, 'Credit code already registered');
}

export async function createEnterprise(ctx: Ctx, input: Static<typeof EnterpriseCreate>) {
  const creditCode = checkCreditCode(input.creditCode);
  return ctx.db.tx(async (tx) => {
    const w: EnterpriseWrite = unmaskPhones({ ...toWrite(input), credit_code: creditCode, sector: input.sector });
    await checkWrite(ctx, tx, w);
    await checkCodeFree(ctx, tx, creditCode);
    const id = uuidv7();
    const now = ctx.clock().toISOString();
    await insertEnterprise(tx, id, { ...w, created_at: now, updated_at: now });
    const e = (await findEnterprise(tx, { kind: 'all' }, id, today(ctx)))!;
    await audit(ctx, tx, { action: 'enterprise.create', entityType: 'enterprise', entityId: id, regionCode: e.region_code, after: snapshot(e) });
    return presentEnterprise(e);
  });
}

export async function editEnterprise(ctx: Ctx, id: string, input: Input) {
  return ctx.db.tx(async (tx) => {
    const before = await loadEnterprise(ctx, tx, id);
    const w = unmaskPhones(toWrite(input), before);
    if (input.creditCode !== undefined) {
      w.credit_code = checkCreditCode(input.creditCode);
      await checkCodeFree(ctx, tx, w.credit_code, id);
    }
    await checkWrite(ctx, tx, w, before);
    await updateEnterprise(tx, id, { ...w, updated_at: ctx.clock().toISOString() });
    const after = (await findEnterprise(tx, { kind: 'all' }, id, today(ctx)))!;
    await audit(ctx, tx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, regionCode: after.region_code, before: snapshot(before), after: snapshot(after) });
    return presentEnterprise(after);
  });
}

/** 联系人: the one part of the record an enterprise account may change itself. */
export async function editContacts(ctx: Ctx, id: string, input: Static<typeof ContactsUpdate>) {
  requireEditor(ctx, '联系人');
  return ctx.db.tx(async (tx) => {
    const before = await loadEnterprise(ctx, tx, id);
    const w = unmaskPhones(toWrite(input), before);
    await updateEnterprise(tx, id, { legal_representative: w.legal_representative, legal_representative_phone: w.legal_representative_phone,
      principal_name: w.principal_name, principal_phone: w.principal_phone, safety_manager_name: w.safety_manager_name,
      safety_manager_phone: w.safety_manager_phone, updated_at: ctx.clock().toISOString() });
    const after = (await findEnterprise(tx, { kind: 'all' }, id, today(ctx)))!;
    await audit(ctx, tx, { action: 'enterprise.contacts', entityType: 'enterprise', entityId: id, regionCode: after.region_code, before: snapshot(before), after: snapshot(after) });
    await tellRegulator(ctx, tx, after, '联系人信息');
    return presentEnterprise(after);
  });
}

/** 经营状态变更: by a regulator (not the enterprise itself), with a reason, recorded in the history. */
export async function changeStatus(ctx: Ctx, id: string, input: Static<typeof StatusChangeInput>) {
  if (ctx.actor.scope.kind === 'enterprise') throw forbidden('企业用户不能变更本企业的经营状态', 'Enterprise accounts cannot change their status');
  const day = today(ctx);
  const effectiveOn = input.effectiveOn ?? day;
  if (effectiveOn > day) throw badRequest(`生效日期不能晚于今天（${day}）`, 'Effective date is in the future');
  const reason = input.reason.trim();
  if (reason.length < 2) throw badRequest('请填写变更原因', 'A reason is required');
  const result = await ctx.db.tx(async (tx) => {
    const before = await loadEnterprise(ctx, tx, id);
    if (before.status === input.status) throw conflict(`该企业当前已是“${labelOf(ENTERPRISE_STATUSES, input.status)}”状态`, 'Status unchanged');
    if (input.orderedByOrgId && !(await orgExists(tx, input.orderedByOrgId))) throw badRequest('下令单位不存在', 'Ordering organisation not found');
    const now = ctx.clock().toISOString();
    const change = { id: uuidv7(), enterprise_id: id, from_status: before.status, to_status: input.status, reason,
      ordered_by_org_id: input.orderedByOrgId ?? null, ordered_by: input.orderedBy?.trim() || null, document_no: input.documentNo?.trim() || null,
      effective_on: effectiveOn, recorded_by: ctx.actor.id, recorded_by_name: ctx.actor.name, recorded_at: now };
    await insertStatusChange(tx, change);
    await updateEnterprise(tx, id, { status: input.status, status_changed_at: now, updated_at: now });
    const after = (await findEnterprise(tx, { kind: 'all' }, id, day))!;
    await audit(ctx, tx, { action: 'enterprise.status', entityType: 'enterprise', entityId: id, regionCode: after.region_code,
      before: { status: before.status }, after: { status: after.status, reason, documentNo: change.document_no, effectiveOn, changeId: change.id } });
    return after;
  });
  await ctx.events.publish({ type: 'enterprise.status', regionCode: result.region_code, orgId: result.supervising_org_id, enterpriseId: id,
    data: { id, name: result.name, status: result.status } });
  return presentEnterprise(result);
}
