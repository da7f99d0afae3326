// Filing a return: the unit fills and saves it, submits it to its leader (本单位负责人, a different person) who
// approves it to the bureau; the bureau accepts it or sends it back with comments. An accepted figure changes
// only through a correction with a reason; each submission is kept as a version in the trail.
import { judgeValues, previousPeriod, type PeriodKind } from '../../../contracts/returns.js';
import { can, type Actor } from '../../platform/auth/actor.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { allowedMoves, defineMachine, nextState } from '../../platform/workflow/state-machine.js';
import { findForm, formVersion } from './forms.store.js';
import { acceptedValuesOf, findReturn, insertEvent, lockReturn, returnEvents, type ReturnRow, updateReturn } from './returns.store.js';

type S = 'not_started' | 'draft' | 'pending_approval' | 'submitted' | 'returned' | 'accepted';

export const returnMachine = defineMachine({
  name: 'return',
  stateLabels: { not_started: '未填报', draft: '草稿', pending_approval: '待负责人审核', submitted: '已报送', returned: '已退回', accepted: '已受理' } as Record<S, string>,
  moves: {
    save: { from: ['not_started', 'draft', 'returned'] as S[], to: 'draft' as S, label: '保存' },
    submit: { from: ['not_started', 'draft', 'returned'] as S[], to: 'pending_approval' as S, label: '提交负责人审核' },
    approve: { from: ['pending_approval'] as S[], to: 'submitted' as S, label: '审核通过并报送' },
    reject: { from: ['pending_approval'] as S[], to: 'draft' as S, label: '负责人退回修改' },
    accept: { from: ['submitted'] as S[], to: 'accepted' as S, label: '受理' },
    send_back: { from: ['submitted'] as S[], to: 'returned' as S, label: '退回' },
    correct: { from: ['accepted'] as S[], to: 'draft' as S, label: '更正' },
  },
});
type Move = keyof typeof returnMachine.moves;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock());

/** Row → API shape. */
export const presentReturn = (r: ReturnRow) => ({
  id: r.id, formId: r.form_id, formCode: r.form_code, formName: r.form_name, formVersion: r.form_version, period: r.period, periodLabel: r.period_label,
  periodStart: r.period_start, periodEnd: r.period_end, dueOn: r.due_on, unitName: r.unit_name, unitType: r.unit_type, orgId: r.org_id,
  enterpriseId: r.enterprise_id, regionCode: r.region_code, status: r.status, overdue: r.overdue, lateDays: r.late_days, values: r.values,
  warnings: r.warnings, acceptedValues: r.accepted_values, version: r.version, correctionReason: r.correction_reason, filledByName: r.filled_by_name,
  approvedByName: r.approved_by_name, submittedAt: iso(r.submitted_at), reviewedAt: iso(r.reviewed_at), reviewComment: r.review_comment,
  updatedAt: iso(r.updated_at)!,
});

/** Whether the actor belongs to the unit that files the return (their own organisation, their town, their enterprise). */
function ofUnit(actor: Actor, r: ReturnRow): boolean {
  if (r.enterprise_id) return actor.scope.kind === 'enterprise' && actor.scope.enterpriseId === r.enterprise_id;
  return actor.orgId === r.org_id || actor.scope.kind === 'region' || (actor.scope.kind === 'org' && actor.scope.orgId === r.org_id);
}

/** The moves this actor may make on the return now (for the page's action bar). */
function movesFor(actor: Actor, r: ReturnRow): Move[] {
  return allowedMoves(returnMachine, r.status as S).filter((m) => {
    if (m === 'accept' || m === 'send_back') return can(actor, 'returns:manage');
    if (m === 'approve' || m === 'reject') return can(actor, 'returns:approve') && ofUnit(actor, r) && actor.id !== r.filled_by;
    return can(actor, 'returns:file') && ofUnit(actor, r);
  });
}

async function definition(db: Queryable, r: ReturnRow) {
  const v = await formVersion(db, r.form_id, r.form_version);
  const f = await findForm(db, r.form_id);
  return { fields: v!.fields, checks: v!.checks, jumpPercent: f!.jump_percent === null ? null : Number(f!.jump_percent), periodKind: f!.period_kind, formVersionNow: f!.version };
}

async function previousValues(db: Queryable, r: ReturnRow, periodKind: string) {
  const prev = previousPeriod(periodKind as PeriodKind, r.period);
  return prev ? (await acceptedValuesOf(db, r.form_id, r.unit_id, prev))?.accepted_values ?? null : null;
}

/** A return with its field definition (the version it is filed against), the previous period's figures, its trail and moves. */
export async function returnDetail(ctx: Ctx, id: string) {
  const r = await findReturn(ctx.db, ctx.actor.scope, id, today(ctx));
  if (!r) throw notFound('报表', 'Return');
  const def = await definition(ctx.db, r);
  const events = await returnEvents(ctx.db, id);
  return {
    ...presentReturn(r), fields: def.fields, checks: def.checks, jumpPercent: def.jumpPercent, previous: await previousValues(ctx.db, r, def.periodKind),
    events: events.map((e) => ({ at: iso(e.at)!, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status,
      comment: e.comment, version: e.version, formVersion: e.form_version, values: e.values })),
    moves: movesFor(ctx.actor, r),
  };
}

/** One move on a return, in a transaction with its trail and audit record. */
async function move(ctx: Ctx, id: string, m: Move, opts: { values?: Record<string, unknown>; comment?: string } = {}) {
  return ctx.db.tx(async (tx) => {
    const r = await lockReturn(tx, ctx.actor.scope, id, today(ctx));
    if (!r) throw notFound('报表', 'Return');
    const to = nextState(returnMachine, r.status as S, m);
    if (!movesFor(ctx.actor, r).includes(m)) {
      if ((m === 'approve' || m === 'reject') && ctx.actor.id === r.filled_by) throw forbidden('填报人不能审核自己填报的报表，请由本单位负责人审核', 'The filler cannot approve');
      throw forbidden(m === 'approve' || m === 'reject' ? '只有本单位负责人可以审核本单位的报表' : '只有填报单位可以填报、提交或更正本报表', 'Not your unit');
    }
    const now = ctx.clock();
    const set: Record<string, unknown> = { status: to };
    let eventValues: Record<string, unknown> | null = null;
    let version: number | null = null;
    let formVersionUsed: number | null = null;
    if (m === 'save' || m === 'submit') {
      // A return not yet filed takes the form's current definition; once saved it keeps its version.
      let def = await definition(tx, r);
      if (r.status === 'not_started' && def.formVersionNow !== r.form_version) {
        set.form_version = def.formVersionNow;
        def = await definition(tx, { ...r, form_version: def.formVersionNow });
      }
      const judged = judgeValues(def, opts.values ?? {}, { complete: m === 'submit', previous: await previousValues(tx, r, def.periodKind) });
      if (judged.errors.length) {
        throw new AppError(400, 'invalid_values', judged.errors.map((e) => e.message).join('；'), 'Some values are invalid', { fields: judged.errors, warnings: judged.warnings });
      }
      Object.assign(set, { values: judged.values, warnings: judged.warnings, filled_by: ctx.actor.id, filled_by_name: ctx.actor.name, filled_at: now.toISOString() });
      if (m === 'submit') eventValues = judged.values;
    }
    if (m === 'approve') {
      version = r.version + 1;
      formVersionUsed = r.form_version;
      eventValues = r.values;
      Object.assign(set, { version, approved_by: ctx.actor.id, approved_by_name: ctx.actor.name, submitted_at: now.toISOString(),
        first_submitted_at: r.first_submitted_at ? new Date(r.first_submitted_at).toISOString() : now.toISOString() });
    }
    if (m === 'accept') Object.assign(set, { accepted_values: r.values, correction_reason: null, reviewed_by_name: ctx.actor.name, reviewed_at: now.toISOString(), review_comment: opts.comment ?? null });
    if (m === 'send_back') Object.assign(set, { reviewed_by_name: ctx.actor.name, reviewed_at: now.toISOString(), review_comment: opts.comment });
    if (m === 'correct') set.correction_reason = opts.comment;
    await updateReturn(tx, id, set);
    await insertEvent(tx, { returnId: id, at: now, actorId: ctx.actor.id, actorName: ctx.actor.name, action: m, from: r.status, to, comment: opts.comment ?? null,
      version, formVersion: formVersionUsed, values: eventValues });
    await audit(ctx, tx, { action: `returns.${m}`, entityType: 'return', entityId: id, regionCode: r.region_code,
      before: { status: r.status, values: r.values }, after: { status: to, ...(set.values ? { values: set.values } : {}), comment: opts.comment } });
    return returnDetailIn(ctx, tx, id);
  });
}

async function returnDetailIn(ctx: Ctx, tx: Queryable, id: string) {
  return returnDetail({ ...ctx, db: tx as Ctx['db'] }, id);
}

export const saveReturn = (ctx: Ctx, id: string, values: Record<string, unknown>) => move(ctx, id, 'save', { values });
export const submitReturn = (ctx: Ctx, id: string, values: Record<string, unknown>) => move(ctx, id, 'submit', { values });
export const approveReturn = (ctx: Ctx, id: string) => move(ctx, id, 'approve');
export const rejectReturn = (ctx: Ctx, id: string, comment: string) => move(ctx, id, 'reject', { comment });
export const acceptReturn = (ctx: Ctx, id: string, comment?: string) => move(ctx, id, 'accept', { comment });
export const sendBackReturn = (ctx: Ctx, id: string, comment: string) => move(ctx, id, 'send_back', { comment });
export const correctReturn = (ctx: Ctx, id: string, reason: string) => {
  if (reason.trim().length < 4) throw badRequest('请写明更正原因（至少 4 个字）', 'Give a reason');
  return move(ctx, id, 'correct', { comment: reason.trim() });
};
