// One step of a case in its transaction: lock, check the move against the machine, apply, trail, audit.
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { notFound } from '../../../platform/http/errors.js';
import { nextState } from '../../../platform/workflow/state-machine.js';
import { caseEvent } from '../common/trail.js';
import { type CaseMove, caseMachine, type CaseState } from './case.machine.js';
import { type CaseRow, type CaseWrite, findCase, lockCase, updateCase } from './cases.store.js';

export interface StepResult { write?: CaseWrite; comment?: string | null; files?: string[]; data?: unknown }

/** Run `fn` for a case the caller may reach; `move` null = an action that keeps the state (evidence, payment…). */
export async function caseStep(ctx: Ctx, id: string, action: string, move: CaseMove | null, fn: (tx: Tx, c: CaseRow, to: CaseState) => Promise<StepResult>) {
  return ctx.db.tx(async (tx) => {
    await lockCase(tx, id);
    const c = await findCase(tx, ctx.actor.scope, id);
    if (!c) throw notFound('案件', 'Case');
    const to = move ? nextState(caseMachine, c.status, move) : c.status;
    const r = await fn(tx, c, to);
    await updateCase(tx, id, { ...r.write, status: to });
    await caseEvent(ctx, tx, id, { action, from: c.status, to, comment: r.comment, files: r.files, data: r.data });
    await audit(ctx, tx, { action: `enforcement.case.${action}`, entityType: 'enforcement_case', entityId: id, regionCode: c.region_code,
      before: { status: c.status }, after: { status: to, ...(r.data && typeof r.data === 'object' ? r.data : {}) } });
    return id;
  });
}
