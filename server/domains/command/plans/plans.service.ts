// 应急预案: the plan system and its versions — drafting, 会签, approval and publication (the old published version is
// superseded in the same transaction), with the structured content checked before it is saved.
import type { Static } from '@sinclair/typebox';
import { LEVEL_NAMES, PLAN_KINDS, TRIGGER_METRICS, type NewVersionInput, type PlanContent, type PlanEdit, type PlanInput } from '../../../../contracts/command-plans.js';
import { can, type Actor } from '../../../platform/auth/actor.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { findFile } from '../../../platform/files/files.store.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { allowedMoves, nextState } from '../../../platform/workflow/state-machine.js';
import { diffContent } from './diff.js';
import { PLAN_DRILL_MONTHS } from './plans.rules.js';
import { presentDrill, presentPlan, presentVersion, presentVersionBrief } from './plans.present.js';
import * as store from './plans.store.js';
import { versionMachine, type VersionMove, type VersionState } from './version.machine.js';

/** Today and the drill rhythm, for the computed columns of a plan. */
export async function planClock(db: Queryable, now: Date): Promise<store.PlanClock> {
  return { today: shanghaiDate(now), drillMonths: (await ruleValue(db, PLAN_DRILL_MONTHS, now)).value };
}

/** Whether the actor may edit a plan: plan:write and the plan lies in its scope (a town cannot edit the county's plans). */
export const canWritePlan = (actor: Actor, p: { region_code: string; owner_org_id: string | null; enterprise_id: string | null }) =>
  can(actor, 'plan:write') && inScope(actor, { regionCode: p.region_code, orgId: p.owner_org_id, enterpriseId: p.enterprise_id });
/** 企业预案 are signed off by the enterprise itself (or the bureau); every other plan by the bureau (command:write). */
export const canApprovePlan = (actor: Actor, p: { kind: string; region_code: string; owner_org_id: string | null; enterprise_id: string | null }) =>
  can(actor, 'command:write') || (p.kind === 'enterprise' && canWritePlan(actor, p));

/** A skeleton for a new plan: the four levels with no conditions yet. */
export function blankContent(): PlanContent {
  const levels = ([4, 3, 2, 1] as const).map((level) => ({ level, name: `${LEVEL_NAMES[level]}应急响应`,
    triggers: { thresholds: [], grades: [], beyondTownCapacity: false, beyondCountyCapacity: false, kinds: [], text: '' } }));
  return { summary: '', command: { commander: '', deputies: [], office: '' }, groups: [], levels, actions: [] };
}

/** Check what the schema cannot: unique keys, actions at defined levels, known organisations, and conditions that rise with the level. */
export async function checkContent(db: Queryable, c: PlanContent): Promise<PlanContent> {
  const dup = <T>(xs: T[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const lv = dup(c.levels.map((l) => l.level));
  if (lv) throw badRequest(`响应级别重复：${LEVEL_NAMES[lv as 1]}只能定义一次`, 'Duplicate level');
  const gid = dup(c.groups.map((g) => g.id)) ?? dup(c.groups.map((g) => g.name));
  if (gid) throw badRequest(`工作组重复：${gid}`, 'Duplicate group');
  const aid = dup(c.actions.map((a) => a.id));
  if (aid) throw badRequest(`行动措施编号重复：${aid}`, 'Duplicate action id');
  const levels = new Set(c.levels.map((l) => l.level));
  const orphan = c.actions.find((a) => !levels.has(a.level));
  if (orphan) throw badRequest(`行动措施「${orphan.action.slice(0, 20)}」属于${LEVEL_NAMES[orphan.level as 1]}，但预案没有定义该响应级别，请先添加该级别`, 'Action at an undefined level');
  for (const l of c.levels) {
    const m = dup(l.triggers.thresholds.map((t) => t.metric));
    if (m) throw badRequest(`${LEVEL_NAMES[l.level as 1]}的启动条件中「${TRIGGER_METRICS[m]}」出现了两次`, 'Duplicate threshold');
  }
  // A higher level (smaller number) must not start below a lower level on the same measure: Ⅲ级 死亡≥3 with Ⅳ级 死亡≥5 is a typing error.
  for (const hi of c.levels) for (const lo of c.levels) {
    if (hi.level >= lo.level) continue;
    for (const t of hi.triggers.thresholds) {
      const low = lo.triggers.thresholds.find((x) => x.metric === t.metric);
      if (low && t.min < low.min) {
        throw badRequest(`${LEVEL_NAMES[hi.level as 1]}的「${TRIGGER_METRICS[t.metric]}≥${t.min}」低于${LEVEL_NAMES[lo.level as 1]}的「≥${low.min}」，级别越高条件应越严重，请检查`, 'Thresholds must rise with the level');
      }
    }
  }
  const orgIds = [...new Set(c.groups.map((g) => g.leadOrgId).filter((x): x is string => !!x))];
  if (orgIds.length) {
    const found = new Set((await store.orgsExist(db, orgIds)).map((o) => o.id));
    const missing = c.groups.find((g) => g.leadOrgId && !found.has(g.leadOrgId));
    if (missing) throw badRequest(`工作组「${missing.name}」的牵头单位在组织机构中不存在或已停用，请重新选择`, 'Lead organisation not found');
  }
  return c;
}

async function countyCode(db: Queryable): Promise<string> {
  const r = await db.maybeOne<{ code: string }>(sql`select code from regions where level = 'county' order by code limit 1`);
  if (!r) throw badRequest('系统中没有县级行政区划，请先维护行政区划', 'No county region');
  return r.code;
}

/** Where a new plan belongs: its owner, enterprise and region, filled from the caller's scope and checked against it. */
async function placeOf(ctx: Ctx, tx: Queryable, input: Static<typeof PlanInput>) {
  const s = ctx.actor.scope;
  if (input.kind === 'enterprise') {
    const enterpriseId = input.enterpriseId ?? (s.kind === 'enterprise' ? s.enterpriseId! : null);
    if (!enterpriseId) throw badRequest('企业应急预案须选择所属企业', 'Choose the enterprise');
    const e = await tx.maybeOne<{ region_code: string }>(sql`select region_code from enterprises where id = ${enterpriseId}`);
    if (!e) throw badRequest('所属企业不存在', 'Enterprise not found');
    return { owner_org_id: null, enterprise_id: enterpriseId, region_code: e.region_code };
  }
  if (s.kind === 'enterprise') throw forbidden('企业账号只能编制本企业的应急预案', 'Enterprises file enterprise plans only');
  const owner = input.ownerOrgId ?? ctx.actor.orgId ?? null;
  if (owner && !(await store.orgsExist(tx, [owner])).length) throw badRequest('编制单位不存在或已停用', 'Owner organisation not found');
  let region = input.regionCode ?? (s.kind === 'region' ? s.regionCode! : null);
  if (!region && owner) region = (await tx.maybeOne<{ region_code: string }>(sql`select region_code from organizations where id = ${owner}`))?.region_code ?? null;
  region ??= await countyCode(tx);
  const level = await tx.maybeOne<{ level: string }>(sql`select level from regions where code = ${region}`);
  if (!level) throw badRequest(`区划代码不存在：${region}`, 'Unknown region');
  if (input.kind === 'town' && level.level !== 'town' && level.level !== 'park') throw badRequest('乡镇应急预案的所属区划应为乡镇（街道）或园区', 'A town plan belongs to a town');
  if (input.kind !== 'town' && (level.level === 'town' || level.level === 'village')) throw badRequest(`${PLAN_KINDS[input.kind]}的所属区划应为县（市）级，乡镇预案请选择“乡镇（街道）应急预案”`, 'County-level plan');
  return { owner_org_id: owner, enterprise_id: null, region_code: region };
}

/** Create a plan with its first draft version. */
export async function createPlan(ctx: Ctx, input: Static<typeof PlanInput>) {
  const content = await checkContent(ctx.db, input.content ?? blankContent());
  const id = await ctx.db.tx(async (tx) => {
    const place = await placeOf(ctx, tx, input);
    if (!canWritePlan(ctx.actor, place)) throw forbidden('不能为数据范围以外的单位、区域或企业编制预案', 'Outside your data scope');
    const id = uuidv7();
    await store.insertPlan(tx, { id, kind: input.kind, title: input.title, ...place, scope_kinds: [...new Set(input.scopeKinds)], created_by: ctx.actor.id });
    const versionId = uuidv7();
    await store.insertVersion(tx, { id: versionId, plan_id: id, label: input.label ?? '初稿', content, change_note: null, created_by: ctx.actor.id });
    await audit(ctx, tx, { action: 'command.plan.create', entityType: 'command_plan', entityId: id, regionCode: place.region_code,
      after: { kind: input.kind, title: input.title, ...place, scopeKinds: input.scopeKinds, versionId } });
    return id;
  });
  return planDetail(ctx, id);
}

/** A plan the caller sees, or 404. */
async function visiblePlan(ctx: Ctx, db: Queryable, id: string) {
  const p = await store.findPlan(db, ctx.actor.scope, await planClock(db, ctx.clock()), id);
  if (!p) throw notFound('应急预案', 'Plan');
  return p;
}

/** The plan with its versions, drills and what the caller may do. */
export async function planDetail(ctx: Ctx, id: string) {
  const p = await visiblePlan(ctx, ctx.db, id);
  return {
    ...presentPlan(p), versions: (await store.planVersions(ctx.db, id)).map(presentVersionBrief), drills: (await store.planDrills(ctx.db, id)).map(presentDrill),
    canWrite: canWritePlan(ctx.actor, p), canApprove: canApprovePlan(ctx.actor, p), canReviewFiling: p.kind === 'enterprise' && can(ctx.actor, 'command:write'),
  };
}

/** A writable plan inside a transaction, or 404/403. */
export async function writablePlan(ctx: Ctx, tx: Queryable, id: string) {
  const p = await visiblePlan(ctx, tx, id);
  if (!canWritePlan(ctx.actor, p)) throw forbidden('只能修改本单位（本企业、本乡镇）的应急预案', 'Not your plan');
  return p;
}

/** Rename a plan or change its scope (适用范围). */
export async function editPlan(ctx: Ctx, id: string, input: Static<typeof PlanEdit>) {
  await ctx.db.tx(async (tx) => {
    const p = await writablePlan(ctx, tx, id);
    await store.updatePlan(tx, id, { title: input.title, scope_kinds: input.scopeKinds && [...new Set(input.scopeKinds)] });
    await audit(ctx, tx, { action: 'command.plan.edit', entityType: 'command_plan', entityId: id, regionCode: p.region_code,
      before: { title: p.title, scopeKinds: p.scope_kinds }, after: input });
  });
  return planDetail(ctx, id);
}

/** Start a revision: a new draft copied from the published version (or the latest one). */
export async function newVersion(ctx: Ctx, planId: string, input: Static<typeof NewVersionInput>) {
  const id = await ctx.db.tx(async (tx) => {
    const p = await writablePlan(ctx, tx, planId);
    if (p.open_version_id) throw conflict('该预案已有正在修订（起草、会签或审批中）的版本，请在该版本上继续修改', 'A version is already in progress');
    const versions = await store.planVersions(tx, planId);
    const source = versions.find((v) => v.id === p.published_version_id) ?? versions[0];
    const id = uuidv7();
    const no = await store.insertVersion(tx, { id, plan_id: planId, label: input.label, content: source?.content ?? blankContent(), change_note: input.changeNote ?? null, created_by: ctx.actor.id });
    await audit(ctx, tx, { action: 'command.plan.version.create', entityType: 'command_plan_version', entityId: id, regionCode: p.region_code,
      after: { planId, versionNo: no, label: input.label, copiedFrom: source?.id ?? null } });
    return id;
  });
  return getVersion(ctx, id);
}

/** A version the caller sees, with its plan. */
async function visibleVersion(ctx: Ctx, db: Queryable, id: string) {
  const v = await store.findVersion(db, ctx.actor.scope, id);
  if (!v) throw notFound('预案版本', 'Plan version');
  return { v, p: await visiblePlan(ctx, db, v.plan_id) };
}

/** The moves the caller can make on a version now (for the action bar). */
function movesFor(ctx: Ctx, p: store.PlanRow, state: VersionState): string[] {
  const write = canWritePlan(ctx.actor, p);
  const approve = canApprovePlan(ctx.actor, p);
  const moves: string[] = allowedMoves(versionMachine, state).filter((m) => m !== 'supersede' && (m === 'approve' || m === 'return' ? approve : write));
  if (state === 'drafting' && write) moves.unshift('edit');
  if (state === 'countersign' && (write || ctx.actor.orgId)) moves.push('opinion');
  return moves;
}

/** A version with its content, original document, 会签 and the moves the caller can make. */
export async function getVersion(ctx: Ctx, id: string) {
  const { v, p } = await visibleVersion(ctx, ctx.db, id);
  const file = v.attachment_file_id ? await findFile(ctx.db, { kind: 'all' }, v.attachment_file_id) : undefined;
  return presentVersion(v, p, file, await store.countersigns(ctx.db, id), movesFor(ctx, p, v.status as VersionState));
}

/** A version the caller may change, in a transaction. */
async function writableVersion(ctx: Ctx, tx: Queryable, id: string) {
  const { v, p } = await visibleVersion(ctx, tx, id);
  if (!canWritePlan(ctx.actor, p)) throw forbidden('只能修改本单位（本企业、本乡镇）的应急预案', 'Not your plan');
  return { v, p };
}

/** Save the structured content of a draft. */
export async function saveVersion(ctx: Ctx, id: string, input: { content: PlanContent; label?: string; changeNote?: string | null }) {
  const content = await checkContent(ctx.db, input.content);
  await ctx.db.tx(async (tx) => {
    const { v, p } = await writableVersion(ctx, tx, id);
    if (v.status !== 'drafting') throw new AppError(409, 'not_drafting', `版本「${v.label}」${versionMachine.stateLabels[v.status as VersionState]}，只有起草中的版本可以修改；如需修改请先退回或新建修订版本`, 'Only drafts can be edited');
    await store.saveContent(tx, id, { content, label: input.label, change_note: input.changeNote });
    await audit(ctx, tx, { action: 'command.plan.version.edit', entityType: 'command_plan_version', entityId: id, regionCode: p.region_code,
      before: { label: v.label, content: v.content }, after: { label: input.label ?? v.label, content } });
  });
  return getVersion(ctx, id);
}

/** Attach (or detach) the original document of a version (a file already uploaded, visible to the caller). */
export async function attachDocument(ctx: Ctx, id: string, fileId: string | null) {
  await ctx.db.tx(async (tx) => {
    const { v, p } = await writableVersion(ctx, tx, id);
    if (v.status === 'superseded') throw conflict('已废止的版本不能更换原件', 'Superseded');
    if (fileId && !(await findFile(tx, ctx.actor.scope, fileId))) throw badRequest('附件不存在或无权使用，请重新上传预案原件', 'File not found');
    await store.setAttachment(tx, id, fileId);
    await audit(ctx, tx, { action: 'command.plan.version.attach', entityType: 'command_plan_version', entityId: id, regionCode: p.region_code,
      before: { fileId: v.attachment_file_id }, after: { fileId } });
  });
  return getVersion(ctx, id);
}

/** Make a move of the version machine, checked, recorded and audited. */
async function move(ctx: Ctx, tx: Queryable, v: store.VersionRow, p: store.PlanRow, m: VersionMove, extra: { comment?: string | null; detail?: object } = {}) {
  const to = nextState(versionMachine, v.status as VersionState, m);
  const at = ctx.clock().toISOString();
  const n = await store.moveVersion(tx, v.id, v.status, to, { at, by: ctx.actor.id, comment: extra.comment ?? null,
    submitted: m === 'submit', published: m === 'approve', decided: m === 'approve' || m === 'return' });
  if (!n) throw conflict('版本状态已被他人改变，请刷新后重试', 'Version changed concurrently');
  await audit(ctx, tx, { action: `command.plan.version.${m}`, entityType: 'command_plan_version', entityId: v.id, regionCode: p.region_code,
    before: { status: v.status }, after: { status: to, comment: extra.comment ?? null, ...extra.detail } });
  return to;
}

/** 发起会签: invite units to comment on a draft; a new round after a return. */
export async function startCountersign(ctx: Ctx, id: string, orgIds: string[]) {
  const unique = [...new Set(orgIds)];
  await ctx.db.tx(async (tx) => {
    const { v, p } = await writableVersion(ctx, tx, id);
    const orgs = await store.orgsExist(tx, unique);
    if (orgs.length !== unique.length) throw badRequest('会签单位中有不存在或已停用的组织机构，请重新选择', 'Unknown organisation');
    const round = (await store.currentRound(tx, id)) + 1;
    await move(ctx, tx, v, p, 'countersign', { detail: { round, orgs: orgs.map((o) => o.name) } });
    await store.inviteCountersign(tx, id, round, unique, ctx.clock().toISOString(), unique.map(() => uuidv7()));
  });
  return getVersion(ctx, id);
}

/** 会签意见: an invited unit agrees or disagrees (its own account, or the drafter recording a paper 会签单 for it). */
export async function countersignOpinion(ctx: Ctx, id: string, input: { orgId?: string; opinion: 'agree' | 'disagree'; comment?: string }) {
  await ctx.db.tx(async (tx) => {
    const { v, p } = await visibleVersion(ctx, tx, id);
    if (v.status !== 'countersign') throw new AppError(409, 'not_countersign', `版本「${v.label}」当前${versionMachine.stateLabels[v.status as VersionState]}，不在会签中`, 'Not in countersign');
    const orgId = input.orgId ?? ctx.actor.orgId;
    if (!orgId) throw badRequest('请选择提出会签意见的单位', 'Choose the unit');
    if (orgId !== ctx.actor.orgId && !canWritePlan(ctx.actor, p)) throw forbidden('只能以本单位名义提出会签意见', 'Only for your own unit');
    if (input.opinion === 'disagree' && !input.comment?.trim()) throw badRequest('不同意时请写明意见和修改建议', 'A disagreement needs a comment');
    const round = await store.currentRound(tx, id);
    const n = await store.recordOpinion(tx, id, round, orgId, { opinion: input.opinion, comment: input.comment?.trim() || null, by: ctx.actor.id, at: ctx.clock().toISOString() });
    if (!n) throw badRequest('该单位不在本轮会签单位之中', 'Not invited');
    await audit(ctx, tx, { action: 'command.plan.version.opinion', entityType: 'command_plan_version', entityId: id, regionCode: p.region_code,
      after: { round, orgId, opinion: input.opinion, comment: input.comment ?? null } });
  });
  return getVersion(ctx, id);
}

/** 提交审批: from a draft, or from 会签 once every invited unit has answered and none disagrees. */
export async function submitVersion(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const { v, p } = await writableVersion(ctx, tx, id);
    if (v.status === 'countersign') {
      const round = await store.currentRound(tx, id);
      const signs = (await store.countersigns(tx, id)).filter((c) => c.round === round);
      const waiting = signs.filter((c) => !c.opinion);
      if (waiting.length) throw conflict(`还有 ${waiting.length} 个单位未提出会签意见：${waiting.map((c) => c.org_name).join('、')}`, 'Countersign not complete');
      const against = signs.filter((c) => c.opinion === 'disagree');
      if (against.length) throw conflict(`${against.map((c) => c.org_name).join('、')}不同意，请退回修改后重新会签`, 'A unit disagrees');
    }
    if (!v.content.levels.some((l) => l.triggers.thresholds.length || l.triggers.grades.length || l.triggers.text.trim())) {
      throw badRequest('预案还没有任何响应级别的启动条件，请先在版本编辑中填写', 'No trigger conditions');
    }
    await move(ctx, tx, v, p, 'submit');
  });
  return getVersion(ctx, id);
}

/** 审批发布: publish the version; the one published before it is superseded in the same transaction. */
export async function approveVersion(ctx: Ctx, id: string, comment?: string) {
  await ctx.db.tx(async (tx) => {
    const { v, p } = await visibleVersion(ctx, tx, id);
    if (!canApprovePlan(ctx.actor, p)) throw forbidden(p.kind === 'enterprise' ? '企业预案由本企业或应急管理局审批' : '该预案须由应急管理局审批发布', 'Not your approval');
    if (p.published_version_id && v.status === 'approval') {
      const old = (await store.versionById(tx, p.published_version_id))!;
      await move(ctx, tx, old, p, 'supersede', { detail: { supersededBy: id } });
    }
    await move(ctx, tx, v, p, 'approve', { comment });
    await store.setPublished(tx, p.id, id);
  });
  return getVersion(ctx, id);
}

/** 退回修改: back to drafting with the reason. */
export async function returnVersion(ctx: Ctx, id: string, comment?: string) {
  await ctx.db.tx(async (tx) => {
    const { v, p } = await visibleVersion(ctx, tx, id);
    if (!canApprovePlan(ctx.actor, p) && !(v.status === 'countersign' && canWritePlan(ctx.actor, p))) throw forbidden('无权退回该版本', 'Cannot return');
    if (!comment?.trim()) throw badRequest('请写明退回原因和修改要求', 'A reason is required');
    await move(ctx, tx, v, p, 'return', { comment: comment.trim() });
  });
  return getVersion(ctx, id);
}

/** Side-by-side diff of two versions of the same plan. */
export async function diffVersions(ctx: Ctx, fromId: string, toId: string) {
  const a = await visibleVersion(ctx, ctx.db, fromId);
  const b = await visibleVersion(ctx, ctx.db, toId);
  if (a.v.plan_id !== b.v.plan_id) throw badRequest('只能对比同一预案的两个版本', 'Versions of different plans');
  const changes = diffContent(a.v.content, b.v.content);
  const count = (c: string) => changes.filter((x) => x.change === c).length;
  return { from: presentVersionBrief(a.v), to: presentVersionBrief(b.v), planId: a.p.id, planTitle: a.p.title, changes,
    counts: { added: count('added'), removed: count('removed'), changed: count('changed') } };
}
