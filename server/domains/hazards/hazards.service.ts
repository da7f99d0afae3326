// Hidden hazards (隐患): report, the 一单四制 moves, 挂牌督办, deadline extensions. Each change is one
// transaction with its trail event and audit record; the event is published after commit.
import type { HazardCreate } from '../../../contracts/hazards.js';
import { HAZARD_STATUSES } from '../../../contracts/hazards.js';
import { SECTORS } from '../../../contracts/enterprises.js';
import { type Actor, can } from '../../platform/auth/actor.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable, Tx } from '../../platform/db/db.js';
import { nextNumber } from '../../platform/db/numbering.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { keepIfMasked } from '../../platform/personal/personal.js';
import { nextState } from '../../platform/workflow/state-machine.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import { findOrgBrief } from '../system/orgs.service.js';
import { type HazardMove, hazardMachine } from './hazard.machine.js';
import type { Cite } from '../law/directory.js';
import { categoryNamed, findCategory } from './categories.js';
import { findHazard, type HazardRow, type HazardWrite, insertEvent, insertHazard, lockHazard, updateHazard } from './hazards.store.js';

export const isEnterpriseUser = (a: Actor) => a.scope.kind === 'enterprise';
export const today = (ctx: Ctx) => shanghaiDate(ctx.clock());

/** The moves this caller may make on this hazard now, beyond what the state allows (the action bar). */
export function movesFor(actor: Actor, h: HazardRow): string[] {
  if (!can(actor, 'hazard:write')) return [];
  const reviewer = !isEnterpriseUser(actor) && h.rectified_by !== actor.id;
  const supervisorOk = !h.supervise_level || actor.orgId === h.supervising_org_id;
  const moves: string[] = [];
  if (h.status === 'pending' && (!isEnterpriseUser(actor) || h.level === 'general')) moves.push('assign');
  if (h.status === 'rectifying') moves.push('submit', 'extend');
  if (h.status === 'pending' && h.deadline) moves.push('extend');
  if (h.status === 'review' && reviewer) { moves.push('reject'); if (supervisorOk) moves.push('accept'); }
  if (h.level === 'major' && h.status !== 'closed' && !isEnterpriseUser(actor)) moves.push('supervise');
  return [...new Set(moves)];
}

async function photosOf(ctx: Ctx, tx: Queryable, ids: string[] | undefined): Promise<string[]> {
  const wanted = [...new Set(ids ?? [])];
  const ok = await visibleFileIds(tx, ctx.actor.scope, wanted);
  if (ok.length !== wanted.length) throw badRequest('有照片不存在或无权使用，请重新上传', 'Some photos are missing or not yours');
  return wanted;
}

async function trail(ctx: Ctx, tx: Tx, h: { id: string; region_code: string }, e: { action: string; from?: string | null; to?: string | null; comment?: string | null; photos?: string[]; data?: unknown }) {
  await insertEvent(tx, { id: uuidv7(), hazard_id: h.id, at: ctx.clock().toISOString(), actor_id: ctx.actor.id, actor_name: ctx.actor.name,
    action: e.action, from_status: e.from ?? null, to_status: e.to ?? null, comment: e.comment ?? null, photos: e.photos ?? [], data: e.data ?? null });
}

const publish = (ctx: Ctx, h: HazardRow, type: string) =>
  ctx.events.publish({ type, regionCode: h.region_code, enterpriseId: h.enterprise_id, data: { id: h.id, number: h.number, status: h.status } });

/** Report a hazard: at an enterprise (its place and name come from the registry) or a public place in a region. */
export async function reportHazard(ctx: Ctx, input: HazardCreate): Promise<HazardRow> {
  const h = await ctx.db.tx((tx) => reportHazardIn(ctx, tx, input));
  await publish(ctx, h, 'hazard.reported');
  return h;
}

/** The managed category a report names: by code (must be active), or by the words of the old free-text field when a
 * category has that name (other words are kept as written, as older records have them). */
async function categoryOf(tx: Queryable, input: HazardCreate): Promise<{ category: string | null; category_code: string | null }> {
  if (input.categoryCode) {
    const c = await findCategory(tx, input.categoryCode);
    if (!c || !c.active) throw badRequest(`隐患类别 ${input.categoryCode} 不存在或已停用，请重新选择`, 'Unknown or inactive hazard category');
    return { category: c.name, category_code: c.code };
  }
  if (!input.category?.trim()) return { category: null, category_code: null };
  const named = await categoryNamed(tx, input.category);
  return { category: input.category.trim(), category_code: named?.code ?? null };
}

/** Report inside the caller's transaction (a self-check turning failed items into hazards in one step, carrying the
 * item's cited articles as `cites`). */
export async function reportHazardIn(ctx: Ctx, tx: Tx, input: HazardCreate, extra: { cites?: Cite[] } = {}): Promise<HazardRow> {
  if (input.level === 'major' && !input.majorBasis) {
    throw badRequest('重大隐患须注明判定依据（对照重大事故隐患判定标准的条目）', 'A major hazard needs its determination basis');
  }
  if (input.sector && !SECTORS.some((s) => s.code === input.sector)) {
    throw badRequest(`未知行业：${input.sector}；可选：${SECTORS.map((s) => `${s.code}（${s.label}）`).join('、')}`, 'Unknown sector');
  }
  const enterpriseId = isEnterpriseUser(ctx.actor) ? ctx.actor.scope.enterpriseId! : input.enterpriseId;
  let place: { enterprise_id: string | null; enterprise_name: string | null; region_code: string; lng: number | null; lat: number | null };
  if (enterpriseId) {
    const e = await findEnterpriseBrief(tx, ctx.actor.scope, enterpriseId);
    if (!e) throw badRequest('所选企业不存在或不在您的管辖范围内', 'Enterprise not found in your scope');
    place = { enterprise_id: e.id, enterprise_name: e.name, region_code: e.regionCode, lng: input.lng ?? e.lng, lat: input.lat ?? e.lat };
    // A hazard at an enterprise counts under the enterprise's sector unless the reporter says otherwise.
    input = { ...input, sector: input.sector ?? e.sector ?? undefined };
  } else {
    if (!input.regionCode || !input.placeName) throw badRequest('公共场所的隐患须填写所在区划和地点名称', 'A hazard at a public place needs its region and place name');
    if (!inScope(ctx.actor, { regionCode: input.regionCode, orgId: ctx.actor.orgId })) throw forbidden('不能在您的管辖范围以外上报隐患', 'Outside your scope');
    place = { enterprise_id: null, enterprise_name: null, region_code: input.regionCode, lng: input.lng ?? null, lat: input.lat ?? null };
  }
  const foundAt = input.foundAt ? new Date(input.foundAt) : ctx.clock();
  if (foundAt.getTime() > ctx.clock().getTime() + 5 * 60_000) throw badRequest('发现时间不能晚于现在', 'Found time is in the future');
  const photos = await photosOf(ctx, tx, input.photos);
  const year = Number(shanghaiDate(foundAt).slice(0, 4));
  const number = `YH-${year}-${String(await nextNumber(tx, 'hazard', year)).padStart(6, '0')}`;
  const id = uuidv7();
  await insertHazard(tx, {
    id, number, ...place, place_name: input.placeName ?? null, title: input.title,
    description: input.description ?? null, found_at: foundAt.toISOString(), found_by: input.foundBy ?? ctx.actor.name,
    reported_by: ctx.actor.id, reported_org_id: ctx.actor.orgId ?? null, source: input.source, sector: input.sector ?? null,
    ...(await categoryOf(tx, input)), cites: extra.cites?.length ? JSON.stringify(extra.cites) : null, level: input.level, major_basis: input.level === 'major' ? input.majorBasis! : null,
    campaign_id: input.campaignId ?? null, status: 'pending',
  });
  await trail(ctx, tx, { id, region_code: place.region_code }, { action: 'report', to: 'pending', comment: input.description, photos });
  const row = (await findHazard(tx, { kind: 'all' }, id, today(ctx)))!;
  await audit(ctx, tx, { action: 'hazard.report', entityType: 'hazard', entityId: id, regionCode: row.region_code, after: { number, title: row.title, level: row.level, source: row.source,
    ...(row.category_code ? { categoryCode: row.category_code } : {}), ...(row.cites ? { cites: row.cites } : {}) } });
  return row;
}

/** Load a hazard in scope, locked for a move. */
async function loadForMove(ctx: Ctx, tx: Tx, id: string) {
  await lockHazard(tx, id);
  const h = await findHazard(tx, ctx.actor.scope, id, today(ctx));
  if (!h) throw notFound('隐患', 'Hazard');
  return h;
}

export interface MoveInput {
  comment?: string; photos?: string[];
  responsiblePerson?: string; responsiblePhone?: string; measures?: string; funds?: number; deadline?: string;
}

/** One move of the 一单四制 workflow, with the rules of who may make it. */
export async function moveHazard(ctx: Ctx, id: string, move: HazardMove, input: MoveInput): Promise<HazardRow> {
  const h = await ctx.db.tx(async (tx) => {
    const h = await loadForMove(ctx, tx, id);
    const to = nextState(hazardMachine, h.status, move);
    const photos = await photosOf(ctx, tx, input.photos);
    const now = ctx.clock().toISOString();
    const w: HazardWrite = { status: to };
    if (move === 'assign') {
      if (isEnterpriseUser(ctx.actor) && h.level === 'major') throw forbidden('重大隐患须由监管部门交办整改', 'Major hazards are assigned by the regulator');
      if (!input.deadline || !input.measures || !input.responsiblePerson) throw badRequest('交办须填写责任人、整改措施和整改期限', 'Assignment needs person, measures and deadline');
      if (input.deadline < today(ctx)) throw badRequest('整改期限不能早于今天', 'The deadline cannot be in the past');
      Object.assign(w, { responsible_person: input.responsiblePerson, responsible_phone: keepIfMasked(input.responsiblePhone, h.responsible_phone, 'phone', '责任人电话') ?? null, measures: input.measures,
        funds: input.funds ?? null, deadline: input.deadline });
    } else if (move === 'submit') {
      if (!photos.length) throw badRequest('提交复查须上传整改后的照片', 'Submit needs at least one after photo');
      Object.assign(w, { rectified_by: ctx.actor.id, rectified_at: now });
    } else {
      // 复查 (accept/reject) is done by the regulator, never by whoever did the work.
      if (isEnterpriseUser(ctx.actor)) throw forbidden('复查须由监管部门人员进行', 'Review is done by the regulator');
      if (h.rectified_by === ctx.actor.id) throw forbidden('整改人不能复查自己的整改', 'The rectifier cannot review their own work');
      if (move === 'accept') {
        if (h.supervise_level && ctx.actor.orgId !== h.supervising_org_id) {
          throw forbidden(`该隐患已挂牌督办，须由督办单位（${h.supervising_org_name ?? ''}）验收销号`, 'A supervised hazard is closed by its supervising unit');
        }
        Object.assign(w, { accepted_by: ctx.actor.id, closed_at: now });
      } else if (!input.comment) {
        throw badRequest('复查不通过须写明原因', 'Give the reason the review failed');
      }
    }
    await updateHazard(tx, id, w);
    await trail(ctx, tx, h, { action: move, from: h.status, to, comment: input.comment, photos,
      data: move === 'assign' ? { deadline: input.deadline, responsiblePerson: input.responsiblePerson, funds: input.funds } : undefined });
    await audit(ctx, tx, { action: `hazard.${move}`, entityType: 'hazard', entityId: id, regionCode: h.region_code,
      before: { status: h.status, deadline: h.deadline }, after: { status: to, deadline: w.deadline ?? h.deadline } });
    return (await findHazard(tx, { kind: 'all' }, id, today(ctx)))!;
  });
  await publish(ctx, h, 'hazard.updated');
  return h;
}

/** 挂牌督办 of a major hazard by a level, a supervising unit and a deadline. */
export async function superviseHazard(ctx: Ctx, id: string, input: { level: string; supervisingOrgId: string; deadline: string; comment?: string }) {
  if (isEnterpriseUser(ctx.actor)) throw forbidden('企业不能挂牌督办', 'Enterprises cannot supervise');
  const h = await ctx.db.tx(async (tx) => {
    const h = await loadForMove(ctx, tx, id);
    if (h.level !== 'major') throw new AppError(409, 'not_major', '只有重大隐患才能挂牌督办', 'Only major hazards are supervised');
    if (h.status === 'closed') throw new AppError(409, 'closed', '该隐患已销号', 'Hazard is closed');
    if (input.deadline < today(ctx)) throw badRequest('督办期限不能早于今天', 'Deadline in the past');
    const org = await findOrgBrief(tx, input.supervisingOrgId);
    if (!org) throw badRequest('督办单位不存在', 'Supervising unit not found');
    await updateHazard(tx, id, { supervise_level: input.level, supervising_org_id: input.supervisingOrgId, supervise_deadline: input.deadline, supervised_at: ctx.clock().toISOString() });
    await trail(ctx, tx, h, { action: 'supervise', comment: input.comment, data: input });
    await audit(ctx, tx, { action: 'hazard.supervise', entityType: 'hazard', entityId: id, regionCode: h.region_code,
      before: { superviseLevel: h.supervise_level, supervisingOrgId: h.supervising_org_id }, after: input });
    return (await findHazard(tx, { kind: 'all' }, id, today(ctx)))!;
  });
  await publish(ctx, h, 'hazard.updated');
  return h;
}

export const statusLabel = (s: string) => HAZARD_STATUSES[s as keyof typeof HAZARD_STATUSES] ?? s;

