// The case trail (enforcement_case_events): each move, evidence item and statement with who and when.
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { uuidv7 } from '../../../platform/ids.js';

export interface CaseEventRow { id: string; at: Date; actor_name: string; action: string; from_status: string | null; to_status: string | null; comment: string | null; files: string[]; data: unknown }

/** Append one event to a case's trail. */
export async function caseEvent(ctx: Ctx, tx: Queryable, caseId: string, e: { action: string; from?: string | null; to?: string | null; comment?: string | null; files?: string[]; data?: unknown }) {
  await tx.execute(sql`insert into enforcement_case_events (id, case_id, at, actor_id, actor_name, action, from_status, to_status, comment, files, data)
    values (${uuidv7()}, ${caseId}, ${ctx.clock().toISOString()}, ${ctx.actor.id}, ${ctx.actor.name}, ${e.action}, ${e.from ?? null}, ${e.to ?? null},
    ${e.comment ?? null}, ${e.files ?? []}::uuid[], ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb)`);
}

/** A case's trail in order. */
export const caseEvents = (db: Queryable, caseId: string) =>
  db.query<CaseEventRow>(sql`select id, at, actor_name, action, from_status, to_status, comment, files, data from enforcement_case_events where case_id = ${caseId} order by at, id`);
