// 应急演练 as #9 asks: the drills the plans part records (command_plan_drills), with their scenario, timeline and
// evaluation, and the problems found, each followed up as a task (owner, due date, done) or as a hazard reported
// through the hazards domain's service, so it is rectified, reviewed and closed like any other hazard.
import { DRILL_KINDS, type DrillDetailInput, type DrillQuery, type ProblemEdit, type ProblemInput } from '../../../contracts/outreach.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { reportHazardIn } from '../hazards/hazards.service.js';
import { completeProblem, deleteProblem, type DrillRow, findDrill, findProblem, insertProblem, listDrills, type ProblemRow, problemsOf, reviseDrill, updateProblem, upsertDetail } from './drills.store.js';
import { today } from './outreach.service.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Row → API shape. */
export const presentDrill = (d: DrillRow) => ({
  id: d.id, planId: d.plan_id, planTitle: d.plan_title, drilledOn: d.drilled_on, kind: d.kind, kindLabel: DRILL_KINDS.find((k) => k.code === d.kind)?.label ?? d.kind,
  title: d.title, participants: d.participants, participantUnits: d.participant_units, regionCode: d.region_code, regionName: d.region_name,
  enterpriseName: d.enterprise_name, hasDetail: d.has_detail, score: d.score, problems: d.problems, openProblems: d.open_problems,
});
const presentProblem = (p: ProblemRow) => ({ id: p.id, description: p.description, followUp: p.follow_up, owner: p.owner, dueOn: p.due_on, doneAt: iso(p.done_at),
  doneNote: p.done_note, overdue: p.overdue, hazardId: p.hazard_id, hazardNumber: p.hazard_number, hazardStatus: p.hazard_status });

/** Drills in scope, newest first. */
export async function drills(ctx: Ctx, f: Omit<DrillQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const { items, total } = await listDrills(ctx.db, ctx.actor.scope, f, page, pageSize);
  return { items: items.map(presentDrill), total, page, pageSize };
}

/** One drill with its detail and problems. */
export async function drillDetail(ctx: Ctx, id: string) {
  const d = await findDrill(ctx.db, ctx.actor.scope, id);
  if (!d) throw notFound('演练', 'Drill');
  return { ...presentDrill(d), scenario: d.scenario, timeline: d.timeline ?? [], evaluation: d.evaluation, planProblems: d.plan_problems,
    items: (await problemsOf(ctx.db, id, today(ctx))).map(presentProblem) };
}

/** A drill the caller may write to: a town sees the county's drills but records only its own (and its enterprises'). */
async function writable(ctx: Ctx, id: string) {
  const d = await findDrill(ctx.db, ctx.actor.scope, id);
  if (!d) throw notFound('演练', 'Drill');
  if (!inScope(ctx.actor, { regionCode: d.region_code, orgId: d.plan_owner_org_id, enterpriseId: d.enterprise_id })) {
    throw forbidden('只能补充本单位组织的演练的情况', 'Not your drill');
  }
  return d;
}

/** Record or correct a drill's scenario, timeline and evaluation. */
export async function saveDrillDetail(ctx: Ctx, id: string, input: DrillDetailInput) {
  const d = await writable(ctx, id);
  const times = input.timeline.map((x) => x.at);
  if (times.some((t, i) => i > 0 && t < times[i - 1])) throw badRequest('演练过程请按时间先后填写', 'Timeline out of order');
  if (input.drilledOn && input.drilledOn > today(ctx)) throw badRequest('演练日期不能晚于今天', 'Drill date in the future');
  await ctx.db.tx(async (tx) => {
    const row = { drill_id: id, scenario: input.scenario.trim(), timeline: input.timeline, score: input.score ?? null, evaluation: input.evaluation?.trim() || null };
    const core = { kind: input.kind ?? d.kind, title: input.title?.trim() || d.title, drilled_on: input.drilledOn ?? d.drilled_on,
      participants: input.participants ?? d.participants, participant_units: input.participantUnits === undefined ? d.participant_units : input.participantUnits.trim() || null };
    const coreChanged = core.kind !== d.kind || core.title !== d.title || core.drilled_on !== d.drilled_on || core.participants !== d.participants
      || core.participant_units !== d.participant_units;
    if (coreChanged) await reviseDrill(tx, id, core);
    await upsertDetail(tx, { ...row, by: ctx.actor.id });
    await audit(ctx, tx, { action: 'outreach.drill.detail', entityType: 'command_plan_drill', entityId: id, regionCode: d.region_code,
      before: { kind: d.kind, title: d.title, drilledOn: d.drilled_on, participants: d.participants, participantUnits: d.participant_units,
        ...(d.has_detail ? { scenario: d.scenario, timeline: d.timeline, score: d.score, evaluation: d.evaluation } : {}) },
      after: { ...row, ...(coreChanged ? core : {}) } });
  });
  return drillDetail(ctx, id);
}

/** When a drill's problem was found: noon of the drill day in 汨水 (04:00 UTC), or now for a drill held today before noon. */
function foundOn(day: string, now: Date): string {
  const noon = new Date(`${day}T04:00:00.000Z`);
  return (noon.getTime() > now.getTime() ? now : noon).toISOString();
}

/** Record a problem the drill found, followed up as a task or as a hazard (reported in the same transaction). */
export async function addProblem(ctx: Ctx, id: string, input: ProblemInput) {
  const d = await writable(ctx, id);
  const description = input.description.trim();
  if (input.followUp === 'task' && (!input.owner?.trim() || !input.dueOn)) throw badRequest('整改任务请填写责任单位和完成期限', 'A task needs its owner and due date');
  if (input.followUp === 'task' && input.dueOn! < d.drilled_on) throw badRequest('完成期限不能早于演练日期', 'Due before the drill');
  await ctx.db.tx(async (tx) => {
    let hazardId: string | null = null;
    if (input.followUp === 'hazard') {
      const h = await reportHazardIn(ctx, tx, {
        ...(d.enterprise_id ? { enterpriseId: d.enterprise_id } : { regionCode: d.region_code, placeName: d.title.slice(0, 100) }),
        title: description.slice(0, 200), description: `${d.drilled_on} ${d.title}中发现：${description}`, source: 'supervision',
        level: input.hazardLevel ?? 'general', majorBasis: input.majorBasis, foundAt: foundOn(d.drilled_on, ctx.clock()),
      });
      hazardId = h.id;
    }
    const pid = uuidv7();
    const row = { id: pid, drill_id: id, region_code: d.region_code, description, follow_up: input.followUp, owner: input.followUp === 'task' ? input.owner!.trim() : null,
      due_on: input.followUp === 'task' ? input.dueOn! : null, hazard_id: hazardId, created_by: ctx.actor.id };
    await insertProblem(tx, row);
    await audit(ctx, tx, { action: 'outreach.drill.problem', entityType: 'outreach_drill_problem', entityId: pid, regionCode: d.region_code, after: row });
  });
  return drillDetail(ctx, id);
}

/** Report a task from a drill done. */
export async function finishProblem(ctx: Ctx, problemId: string, note: string) {
  const p = await findProblem(ctx.db, problemId);
  if (!p) throw notFound('演练问题', 'Drill problem');
  const d = await writable(ctx, p.drill_id);
  if (p.follow_up !== 'task') throw conflict('该问题已作为隐患办理，请在隐患台账中整改销号', 'Follow it in the hazards');
  if (p.done_at) throw conflict('该整改任务已完成', 'Already done');
  await ctx.db.tx(async (tx) => {
    await completeProblem(tx, problemId, ctx.clock().toISOString(), note.trim());
    await audit(ctx, tx, { action: 'outreach.drill.problem.done', entityType: 'outreach_drill_problem', entityId: problemId, regionCode: d.region_code, after: { note } });
  });
  return drillDetail(ctx, p.drill_id);
}

/** Correct a problem's wording, or a task's owner and due date. */
export async function editProblem(ctx: Ctx, problemId: string, input: ProblemEdit) {
  const p = await findProblem(ctx.db, problemId);
  if (!p) throw notFound('演练问题', 'Drill problem');
  const d = await writable(ctx, p.drill_id);
  if (p.follow_up === 'task' && (!input.owner?.trim() || !input.dueOn)) throw badRequest('整改任务请填写责任单位和完成期限', 'A task needs its owner and due date');
  if (p.follow_up === 'task' && input.dueOn! < d.drilled_on) throw badRequest('完成期限不能早于演练日期', 'Due before the drill');
  await ctx.db.tx(async (tx) => {
    const row = { description: input.description.trim(), owner: p.follow_up === 'task' ? input.owner!.trim() : null, due_on: p.follow_up === 'task' ? input.dueOn! : null };
    await updateProblem(tx, problemId, row);
    await audit(ctx, tx, { action: 'outreach.drill.problem.update', entityType: 'outreach_drill_problem', entityId: problemId, regionCode: d.region_code,
      before: { description: p.description, owner: p.owner, dueOn: p.due_on }, after: row });
  });
  return drillDetail(ctx, p.drill_id);
}

/** Delete a problem recorded by mistake; one reported as a hazard stays (the hazard is closed in the hazards ledger). */
export async function removeProblem(ctx: Ctx, problemId: string) {
  const p = await findProblem(ctx.db, problemId);
  if (!p) throw notFound('演练问题', 'Drill problem');
  const d = await writable(ctx, p.drill_id);
  if (p.follow_up === 'hazard') throw conflict('该问题已作为隐患上报，请在隐患台账中办理，不能在这里删除', 'Reported as a hazard');
  await ctx.db.tx(async (tx) => {
    await deleteProblem(tx, problemId);
    await audit(ctx, tx, { action: 'outreach.drill.problem.delete', entityType: 'outreach_drill_problem', entityId: problemId, regionCode: d.region_code, before: p });
  });
  return drillDetail(ctx, p.drill_id);
}
