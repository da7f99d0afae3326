// SQL of drills (应急演练) as #9 sees them: the plans part's command_plan_drills, joined with the detail and problems
// recorded here. Reads follow the plan's visibility (planScope); writes are checked against the drill's own place.
import type { DrillQuery } from '../../../contracts/outreach.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { planScope } from '../command/plans/plans.store.js';

export interface DrillRow {
  id: string; plan_id: string; plan_title: string; plan_owner_org_id: string | null; drilled_on: string; kind: string; title: string; participants: number;
  participant_units: string | null; region_code: string; region_name: string; enterprise_id: string | null; enterprise_name: string | null;
  has_detail: boolean; score: number | null; problems: number; open_problems: number; plan_problems: string | null;
  scenario: string | null; timeline: { at: string; text: string }[] | null; evaluation: string | null;
}
export interface ProblemRow {
  id: string; description: string; follow_up: string; owner: string | null; due_on: string | null; done_at: Date | null; done_note: string | null;
  overdue: boolean; hazard_id: string | null; hazard_number: string | null; hazard_status: string | null;
}

const open = sql`(pr.follow_up = 'task' and pr.done_at is null or pr.follow_up = 'hazard' and h.status <> 'closed')`;
const select = sql`select d.id, d.plan_id, p.title as plan_title, p.owner_org_id as plan_owner_org_id, d.drilled_on::text, d.kind, d.title, d.participants,
  d.participant_units, d.region_code, r.name as region_name, d.enterprise_id, e.name as enterprise_name, x.drill_id is not null as has_detail, x.score,
  (select count(*)::int from outreach_drill_problems pr where pr.drill_id = d.id) as problems,
  (select count(*)::int from outreach_drill_problems pr left join hazards h on h.id = pr.hazard_id where pr.drill_id = d.id and ${open}) as open_problems,
  d.problems as plan_problems, x.scenario, x.timeline, x.evaluation
  from command_plan_drills d join command_plans p on p.id = d.plan_id join regions r on r.code = d.region_code
  left join enterprises e on e.id = d.enterprise_id left join outreach_drill_details x on x.drill_id = d.id`;

export function drillWhere(viewer: DataScope, f: Omit<DrillQuery, 'page' | 'pageSize'>) {
  return sql.and([
    planScope(viewer, 'p'),
    f.q ? sql`(d.title like ${'%' + f.q + '%'} or p.title like ${'%' + f.q + '%'} or d.participant_units like ${'%' + f.q + '%'})` : undefined,
    f.kind ? sql`d.kind = ${f.kind}` : undefined,
    f.from ? sql`d.drilled_on >= ${f.from}::date` : undefined,
    f.to ? sql`d.drilled_on <= ${f.to}::date` : undefined,
    f.regionCode ? sql`d.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.orgId ? sql`p.owner_org_id = ${f.orgId}` : undefined,
    f.withProblems ? sql`exists (select 1 from outreach_drill_problems pr where pr.drill_id = d.id)` : undefined,
  ]);
}

export async function listDrills(db: Queryable, viewer: DataScope, f: Omit<DrillQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const w = drillWhere(viewer, f);
  const from = sql`from command_plan_drills d join command_plans p on p.id = d.plan_id`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total ${from} where ${w}`);
  const items = await db.query<DrillRow>(sql`${select} where ${w} order by d.drilled_on desc, d.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findDrill = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<DrillRow>(sql`${select} where d.id = ${id} and ${planScope(viewer, 'p')}`);

export const problemsOf = (db: Queryable, drillId: string, today: string) => db.query<ProblemRow>(sql`select pr.id, pr.description, pr.follow_up, pr.owner,
  pr.due_on::text, pr.done_at, pr.done_note, (pr.follow_up = 'task' and pr.done_at is null and pr.due_on < ${today}::date) as overdue,
  pr.hazard_id, h.number as hazard_number, h.status as hazard_status
  from outreach_drill_problems pr left join hazards h on h.id = pr.hazard_id where pr.drill_id = ${drillId} order by pr.created_at, pr.id`);

export async function upsertDetail(db: Queryable, d: { drill_id: string; scenario: string; timeline: unknown; score: number | null; evaluation: string | null; by: string | null }) {
  await db.execute(sql`insert into outreach_drill_details (drill_id, scenario, timeline, score, evaluation, updated_by)
    values (${d.drill_id}, ${d.scenario}, ${JSON.stringify(d.timeline)}::jsonb, ${d.score}, ${d.evaluation}, ${d.by})
    on conflict (drill_id) do update set scenario = excluded.scenario, timeline = excluded.timeline, score = excluded.score,
      evaluation = excluded.evaluation, updated_by = excluded.updated_by, updated_at = now()`);
}

export async function insertProblem(db: Queryable, p: { id: string; drill_id: string; region_code: string; description: string; follow_up: string;
  owner: string | null; due_on: string | null; hazard_id: string | null; created_by: string | null }) {
  await db.execute(sql`insert into outreach_drill_problems (id, drill_id, region_code, description, follow_up, owner, due_on, hazard_id, created_by)
    values (${p.id}, ${p.drill_id}, ${p.region_code}, ${p.description}, ${p.follow_up}, ${p.owner}, ${p.due_on}::date, ${p.hazard_id}, ${p.created_by})`);
}

export const findProblem = (db: Queryable, id: string) => db.maybeOne<{ id: string; drill_id: string; description: string; follow_up: string; owner: string | null;
  due_on: string | null; done_at: Date | null }>(sql`select id, drill_id, description, follow_up, owner, due_on::text, done_at from outreach_drill_problems where id = ${id}`);
export const updateProblem = (db: Queryable, id: string, p: { description: string; owner: string | null; due_on: string | null }) =>
  db.execute(sql`update outreach_drill_problems set description = ${p.description}, owner = ${p.owner}, due_on = ${p.due_on}::date where id = ${id}`);
export const deleteProblem = (db: Queryable, id: string) => db.execute(sql`delete from outreach_drill_problems where id = ${id}`);

export const completeProblem = (db: Queryable, id: string, at: string, note: string) =>
  db.execute(sql`update outreach_drill_problems set done_at = ${at}, done_note = ${note} where id = ${id} and done_at is null`);

/** Drills by kind and their problems (all, still open) in a period, in the caller's scope. */
export async function drillTotals(db: Queryable, viewer: DataScope, f: { from: string; to: string; regionCode?: string; orgId?: string }) {
  const w = drillWhere(viewer, f);
  const byKind = await db.query<{ kind: string; n: number }>(sql`select d.kind, count(*)::int as n from command_plan_drills d
    join command_plans p on p.id = d.plan_id where ${w} group by d.kind order by d.kind`);
  const problems = await db.one<{ n: number; open: number }>(sql`select count(*)::int as n, count(*) filter (where ${open})::int as open
    from outreach_drill_problems pr left join hazards h on h.id = pr.hazard_id join command_plan_drills d on d.id = pr.drill_id
    join command_plans p on p.id = d.plan_id where ${w}`);
  return { byKind, problems };
}

/** Correct a drill's own facts (kind, name, date, participants). The plans part records drills and has no edit of
 *  its own; this part already reads its table for #9's detail, so the correction is written here beside that read. */
export const reviseDrill = (db: Queryable, id: string, d: { kind: string; title: string; drilled_on: string; participants: number; participant_units: string | null }) =>
  db.execute(sql`update command_plan_drills set kind = ${d.kind}, title = ${d.title}, drilled_on = ${d.drilled_on}::date, participants = ${d.participants},
    participant_units = ${d.participant_units} where id = ${id}`);
