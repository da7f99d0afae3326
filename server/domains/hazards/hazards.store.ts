// Every SQL statement about hazards, scoped by the caller in SQL.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import type { Cite } from '../law/directory.js';
import { pageWithTotal } from '../../platform/db/count.js';
import { countHazards, hazardCountSql } from './hazard-counts.store.js';
import { filterSql, hazardScope, overdueSql, type HazardFilter } from './hazards.filter.js';

export { filterSql, hazardScope, overdueSql, type HazardFilter };

export interface HazardRow {
  id: string; number: string; enterprise_id: string | null; enterprise_name: string | null; region_code: string; region_name: string | null;
  place_name: string | null; lng: number | null; lat: number | null; title: string; description: string | null; found_at: Date; found_by: string;
  reported_by: string | null; reported_org_id: string | null; source: string; sector: string | null; category: string | null; category_code: string | null; cites: Cite[] | null; level: 'general' | 'major';
  major_basis: string | null; campaign_id: string | null; risk_point_id: string | null; status: 'pending' | 'rectifying' | 'review' | 'closed';
  responsible_person: string | null; responsible_phone: string | null; measures: string | null; funds: number | null; deadline: string | null;
  rectified_by: string | null; rectified_at: Date | null; accepted_by: string | null; closed_at: Date | null;
  supervise_level: string | null; supervising_org_id: string | null; supervising_org_name: string | null; supervise_deadline: string | null;
  overdue: boolean; created_at: Date;
}

const select = (today: string, extra = sql``) => sql`select h.*, h.funds::float8 as funds, h.deadline::text as deadline, h.supervise_deadline::text as supervise_deadline,
  r.name as region_name, so.name as supervising_org_name, ${overdueSql(today)} as overdue ${extra}
  from hazards h left join regions r on r.code = h.region_code left join organizations so on so.id = h.supervising_org_id`;

/**
 * A page of the ledger and its total, in one statement; pageSize 0 counts only (a figure needs no rows, and sorting
 * millions for one costs). The total comes from the tallies where they answer (hazard-counts.store); else the table
 * is counted, exactly, or up to `countUpTo` rows with `totalCapped` when there are more.
 */
export async function listHazards(db: Queryable, viewer: DataScope, f: HazardFilter, today: string, page: number, pageSize: number, countUpTo?: number) {
  if (pageSize === 0) {
    const { total, capped } = await countHazards(db, viewer, f, today, countUpTo);
    return { items: [] as HazardRow[], total, totalCapped: capped };
  }
  return pageWithTotal<HazardRow>(db, hazardCountSql(viewer, f, today, countUpTo), page, (total) => sql`${select(today, sql`, ${total}`)}
    where ${filterSql(viewer, f, today)}
    order by (h.status = 'closed'), h.level desc, h.found_at desc, h.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
}

export const findHazard = (db: Queryable, viewer: DataScope, id: string, today: string) =>
  db.maybeOne<HazardRow>(sql`${select(today)} where h.id = ${id} and ${hazardScope(viewer)}`);

/** Lock the row for a workflow move, so two people cannot move it at once. */
export const lockHazard = (db: Queryable, id: string) => db.maybeOne(sql`select id from hazards where id = ${id} for update`);

export type HazardWrite = Partial<Omit<HazardRow, 'region_name' | 'supervising_org_name' | 'overdue' | 'created_at' | 'found_at' | 'rectified_at' | 'closed_at' | 'cites'>> & {
  cites?: string | null;
  found_at?: string; rectified_at?: string | null; closed_at?: string | null; updated_at?: string;
  due_soon_notified_for?: string | null; overdue_notified_for?: string | null; escalated_for?: string | null; supervised_at?: string;
};

export async function insertHazard(db: Queryable, w: HazardWrite & { id: string }) {
  const cols = (Object.keys(w) as (keyof typeof w)[]).filter((c) => w[c] !== undefined);
  await db.execute(sql`insert into hazards (${sql.join(cols.map((c) => sql.id(c)))}) values (${sql.join(cols.map((c) => sql`${w[c]}`))})`);
}

export async function updateHazard(db: Queryable, id: string, w: HazardWrite) {
  const cols = (Object.keys(w) as (keyof HazardWrite)[]).filter((c) => w[c] !== undefined);
  if (cols.length) await db.execute(sql`update hazards set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))}, updated_at = now() where id = ${id}`);
}

export interface EventRow { id: string; at: Date; actor_name: string; action: string; from_status: string | null; to_status: string | null; comment: string | null; photos: string[]; data: unknown }

export async function insertEvent(db: Queryable, e: Omit<EventRow, 'at'> & { hazard_id: string; at: string; actor_id: string | null }) {
  await db.execute(sql`insert into hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment, photos, data)
    values (${e.id}, ${e.hazard_id}, ${e.at}, ${e.actor_id}, ${e.actor_name}, ${e.action}, ${e.from_status}, ${e.to_status}, ${e.comment},
    ${e.photos}::uuid[], ${e.data === undefined ? null : JSON.stringify(e.data)}::jsonb)`);
}

export const listEvents = (db: Queryable, hazardId: string) =>
  db.query<EventRow>(sql`select * from hazard_events where hazard_id = ${hazardId} order by at, id`);

export interface ExtensionRow { id: string; hazard_id: string; old_deadline: string; new_deadline: string; reason: string; requested_by: string;
  requested_by_name: string | null; requested_at: Date; decision: string | null; decided_by: string | null; decided_at: Date | null; decision_note: string | null }

export const listExtensions = (db: Queryable, hazardId: string) => db.query<ExtensionRow>(sql`select x.id, x.hazard_id, x.old_deadline::text, x.new_deadline::text,
  x.reason, x.requested_by, a.display_name as requested_by_name, x.requested_at, x.decision, x.decided_by, x.decided_at, x.decision_note
  from hazard_extensions x left join accounts a on a.id = x.requested_by where x.hazard_id = ${hazardId} order by x.requested_at`);

export async function insertExtension(db: Queryable, e: { id: string; hazard_id: string; old_deadline: string; new_deadline: string; reason: string; requested_by: string; requested_at: string }) {
  await db.execute(sql`insert into hazard_extensions (id, hazard_id, old_deadline, new_deadline, reason, requested_by, requested_at)
    values (${e.id}, ${e.hazard_id}, ${e.old_deadline}, ${e.new_deadline}, ${e.reason}, ${e.requested_by}, ${e.requested_at})`);
}

export async function decideExtension(db: Queryable, id: string, d: { decision: string; decided_by: string; decided_at: string; decision_note: string | null }) {
  return db.execute(sql`update hazard_extensions set decision = ${d.decision}, decided_by = ${d.decided_by}, decided_at = ${d.decided_at},
    decision_note = ${d.decision_note} where id = ${id} and decision is null`);
}
