// SQL of emergency plans (应急预案), their versions, 会签, drills and filing, scoped by the caller.
import type { PlanContent, PlanQuery } from '../../../../contracts/command-plans.js';
import type { DataScope } from '../../../platform/auth/actor.js';
import { regionPrefix } from '../../../platform/auth/scope.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql, type Sql } from '../../../platform/db/sql.js';

export interface PlanRow {
  id: string; kind: string; title: string; owner_org_id: string | null; owner_name: string | null; enterprise_id: string | null; enterprise_name: string | null;
  region_code: string; region_name: string | null; scope_kinds: string[]; published_version_id: string | null; published_label: string | null;
  published_at: Date | null; open_version_id: string | null; open_version_status: string | null; filing_status: string | null; filing_version_id: string | null;
  filing_number: string | null; filed_on: string | null; filing_review: string | null; revision_due: string | null; revision_days_left: number | null;
  last_drill: { id: string; drilled_on: string; kind: string; title: string; participants: number } | null; drill_due: string | null; drill_overdue: boolean;
  drill_months: number; updated_at: Date;
}
export interface VersionRow {
  id: string; plan_id: string; version_no: number; label: string; status: string; content: PlanContent; change_note: string | null;
  attachment_file_id: string | null; submitted_at: Date | null; decided_by: string | null; decided_by_name: string | null; decided_at: Date | null;
  decision_comment: string | null; published_at: Date | null; created_at: Date;
}
export interface CountersignRow {
  id: string; org_id: string; org_name: string; round: number; opinion: string | null; comment: string | null; signed_by_name: string | null;
  signed_at: Date | null; invited_at: Date;
}
export interface DrillRow {
  id: string; drilled_on: string; kind: string; title: string; level: number | null; participants: number; participant_units: string | null;
  evaluation: string | null; problems: string | null;
}

/** Which plans a viewer sees: a town its town's plans and the county's; a department its own and the county's 总体/专项; an enterprise its own. */
export function planScope(viewer: DataScope, alias = 'p'): Sql {
  const col = (c: string) => sql.id(`${alias}.${c}`);
  switch (viewer.kind) {
    case 'all': return sql.raw('true');
    case 'region': return sql`(${col('region_code')} like ${regionPrefix(viewer.regionCode!) + '%'} or ${viewer.regionCode!} like region_prefix(${col('region_code')}) || '%')`;
    case 'org': return sql`(${col('owner_org_id')} = ${viewer.orgId!} or ${col('kind')} in ('overall', 'special'))`;
    case 'enterprise': return sql`${col('enterprise_id')} = ${viewer.enterpriseId!}`;
  }
}

/** Drill rhythm in months per plan kind (the rule's values), and today (Asia/Shanghai). */
export interface PlanClock { today: string; drillMonths: { enterprise: number; other: number } }

function selectPlans(c: PlanClock): Sql {
  const months = sql`(case when p.kind = 'enterprise' then ${c.drillMonths.enterprise}::int else ${c.drillMonths.other}::int end)`;
  const due = sql`((coalesce(ld.drilled_on, (pv.published_at at time zone 'Asia/Shanghai')::date) + make_interval(months => ${months}))::date)`;
  return sql`select p.id, p.kind, p.title, p.owner_org_id, o.name as owner_name, p.enterprise_id, e.name as enterprise_name, p.region_code, r.name as region_name,
      p.scope_kinds, p.published_version_id, pv.label as published_label, pv.published_at, ov.id as open_version_id, ov.status as open_version_status,
      p.filing_status, p.filing_version_id, p.filing_number, p.filed_on::text, p.filing_review, p.revision_due::text,
      (p.revision_due - ${c.today}::date) as revision_days_left,
      case when ld.id is null then null else json_build_object('id', ld.id, 'drilled_on', ld.drilled_on::text, 'kind', ld.kind, 'title', ld.title, 'participants', ld.participants) end as last_drill,
      case when pv.id is null then null else ${due}::text end as drill_due,
      coalesce(pv.id is not null and ${due} < ${c.today}::date, false) as drill_overdue, ${months} as drill_months, p.updated_at
    from command_plans p
    left join organizations o on o.id = p.owner_org_id
    left join enterprises e on e.id = p.enterprise_id
    left join regions r on r.code = p.region_code
    left join command_plan_versions pv on pv.id = p.published_version_id
    left join command_plan_versions ov on ov.plan_id = p.id and ov.status in ('drafting', 'countersign', 'approval')
    left join lateral (select d.id, d.drilled_on, d.kind, d.title, d.participants from command_plan_drills d where d.plan_id = p.id order by d.drilled_on desc, d.id desc limit 1) ld on true`;
}

function planFilter(viewer: DataScope, f: Omit<PlanQuery, 'page' | 'pageSize'>): Sql {
  return sql.and([
    planScope(viewer),
    f.q ? sql`(p.title ilike ${'%' + f.q + '%'} or e.name ilike ${'%' + f.q + '%'} or o.name ilike ${'%' + f.q + '%'} or p.filing_number ilike ${'%' + f.q + '%'})` : undefined,
    f.kind ? sql`p.kind = ${f.kind}` : undefined,
    f.scopeKind ? sql`${f.scopeKind} = any(p.scope_kinds)` : undefined,
    f.ownerOrgId ? sql`p.owner_org_id = ${f.ownerOrgId}` : undefined,
    f.enterpriseId ? sql`p.enterprise_id = ${f.enterpriseId}` : undefined,
    f.regionCode ? sql`p.region_code like ${regionPrefix(f.regionCode) + '%'}` : undefined,
    f.status === 'published' ? sql`p.published_version_id is not null` : undefined,
    f.status === 'unpublished' ? sql`p.published_version_id is null` : undefined,
    f.status === 'in_progress' ? sql`ov.id is not null` : undefined,
    f.filing ? sql`p.filing_status = ${f.filing}` : undefined,
    f.revisionDueBefore ? sql`p.filing_status = 'filed' and p.revision_due <= ${f.revisionDueBefore}::date` : undefined,
  ]);
}

/** A page of plans (most specific kinds last: 总体, 专项, 部门, 乡镇, 企业), with the overdue-drill filter applied on the computed due date. */
export async function listPlans(db: Queryable, viewer: DataScope, c: PlanClock, f: Omit<PlanQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const base = sql`${selectPlans(c)} where ${planFilter(viewer, f)}`;
  const outer = f.drillOverdue === undefined ? sql.raw('true') : sql`x.drill_overdue = ${f.drillOverdue}`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from (${base}) x where ${outer}`);
  const items = await db.query<PlanRow>(sql`select * from (${base}) x where ${outer}
    order by array_position(array['overall','special','department','town','enterprise'], x.kind), x.region_code, x.title, x.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findPlan = (db: Queryable, viewer: DataScope, c: PlanClock, id: string) =>
  db.maybeOne<PlanRow>(sql`${selectPlans(c)} where p.id = ${id} and ${planScope(viewer)}`);

export async function insertPlan(db: Queryable, p: { id: string; kind: string; title: string; owner_org_id: string | null; enterprise_id: string | null;
  region_code: string; scope_kinds: string[]; created_by: string | null }) {
  await db.execute(sql`insert into command_plans (id, kind, title, owner_org_id, enterprise_id, region_code, scope_kinds, created_by)
    values (${p.id}, ${p.kind}, ${p.title}, ${p.owner_org_id}, ${p.enterprise_id}, ${p.region_code}, ${p.scope_kinds}::text[], ${p.created_by})`);
}

export const updatePlan = (db: Queryable, id: string, f: { title?: string; scope_kinds?: string[] }) => db.execute(sql`update command_plans
  set title = coalesce(${f.title ?? null}, title), scope_kinds = coalesce(${f.scope_kinds ?? null}::text[], scope_kinds), updated_at = now() where id = ${id}`);

const selectVersion = sql`select v.id, v.plan_id, v.version_no, v.label, v.status, v.content, v.change_note, v.attachment_file_id, v.submitted_at, v.decided_by,
  a.display_name as decided_by_name, v.decided_at, v.decision_comment, v.published_at, v.created_at
  from command_plan_versions v left join accounts a on a.id = v.decided_by`;

/** A version whose plan the viewer sees (the row carries the content). */
export const findVersion = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<VersionRow>(sql`${selectVersion}
  where v.id = ${id} and exists (select 1 from command_plans p where p.id = v.plan_id and ${planScope(viewer)})`);

/** A version by id, unscoped (the directory the incident desk calls, and reads after a scoped check). */
export const versionById = (db: Queryable, id: string) => db.maybeOne<VersionRow>(sql`${selectVersion} where v.id = ${id}`);

export const planVersions = (db: Queryable, planId: string) =>
  db.query<VersionRow>(sql`${selectVersion} where v.plan_id = ${planId} order by v.version_no desc`);

export async function insertVersion(db: Queryable, v: { id: string; plan_id: string; label: string; content: PlanContent; change_note: string | null; created_by: string | null }) {
  const row = await db.one<{ version_no: number }>(sql`insert into command_plan_versions (id, plan_id, version_no, label, content, change_note, created_by)
    values (${v.id}, ${v.plan_id}, (select coalesce(max(version_no), 0) + 1 from command_plan_versions where plan_id = ${v.plan_id}), ${v.label},
      ${JSON.stringify(v.content)}::jsonb, ${v.change_note}, ${v.created_by}) returning version_no`);
  return row.version_no;
}

export const saveContent = (db: Queryable, id: string, f: { content: PlanContent; label?: string; change_note?: string | null }) => db.execute(sql`update command_plan_versions
  set content = ${JSON.stringify(f.content)}::jsonb, label = coalesce(${f.label ?? null}, label),
    change_note = case when ${f.change_note === undefined} then change_note else ${f.change_note ?? null} end, updated_at = now()
  where id = ${id} and status = 'drafting'`);

export const setAttachment = (db: Queryable, id: string, fileId: string | null) =>
  db.execute(sql`update command_plan_versions set attachment_file_id = ${fileId}, updated_at = now() where id = ${id}`);

/** Move a version from the state it was read in (so a concurrent move loses and gets 0 rows). */
export const moveVersion = (db: Queryable, id: string, from: string, to: string, f: { at: string; by?: string | null; comment?: string | null; submitted?: boolean; published?: boolean; decided?: boolean }) =>
  db.execute(sql`update command_plan_versions set status = ${to}, updated_at = now(),
      submitted_at = case when ${!!f.submitted} then ${f.at}::timestamptz else submitted_at end,
      published_at = case when ${!!f.published} then ${f.at}::timestamptz else published_at end,
      decided_by = case when ${!!f.decided} then ${f.by ?? null}::uuid else decided_by end,
      decided_at = case when ${!!f.decided} then ${f.at}::timestamptz else decided_at end,
      decision_comment = case when ${!!f.decided} then ${f.comment ?? null} else decision_comment end
    where id = ${id} and status = ${from}`);

export const setPublished = (db: Queryable, planId: string, versionId: string) =>
  db.execute(sql`update command_plans set published_version_id = ${versionId}, updated_at = now() where id = ${planId}`);

export const countersigns = (db: Queryable, versionId: string) => db.query<CountersignRow>(sql`select c.id, c.org_id, o.name as org_name, c.round, c.opinion, c.comment,
    a.display_name as signed_by_name, c.signed_at, c.invited_at
  from command_plan_countersigns c join organizations o on o.id = c.org_id left join accounts a on a.id = c.signed_by
  where c.version_id = ${versionId} order by c.round desc, o.sort, o.name`);

/** The round in progress (the highest), 0 when none was started. */
export const currentRound = async (db: Queryable, versionId: string) =>
  (await db.one<{ r: number }>(sql`select coalesce(max(round), 0)::int as r from command_plan_countersigns where version_id = ${versionId}`)).r;

export async function inviteCountersign(db: Queryable, versionId: string, round: number, orgIds: string[], at: string, ids: string[]) {
  for (let i = 0; i < orgIds.length; i++) {
    await db.execute(sql`insert into command_plan_countersigns (id, version_id, org_id, round, invited_at) values (${ids[i]}, ${versionId}, ${orgIds[i]}, ${round}, ${at})`);
  }
}

export const recordOpinion = (db: Queryable, versionId: string, round: number, orgId: string, f: { opinion: string; comment: string | null; by: string | null; at: string }) =>
  db.execute(sql`update command_plan_countersigns set opinion = ${f.opinion}, comment = ${f.comment}, signed_by = ${f.by}, signed_at = ${f.at}
    where version_id = ${versionId} and round = ${round} and org_id = ${orgId}`);

export const orgsExist = async (db: Queryable, ids: string[]) =>
  (await db.query<{ id: string; name: string }>(sql`select id, name from organizations where id = any(${ids}::uuid[]) and not disabled`));

export const planDrills = (db: Queryable, planId: string) => db.query<DrillRow>(sql`select id, drilled_on::text, kind, title, level, participants, participant_units,
  evaluation, problems from command_plan_drills where plan_id = ${planId} order by drilled_on desc, id desc`);

export async function insertDrill(db: Queryable, d: DrillRow & { plan_id: string; region_code: string; enterprise_id: string | null; created_by: string | null }) {
  await db.execute(sql`insert into command_plan_drills (id, plan_id, region_code, enterprise_id, drilled_on, kind, title, level, participants, participant_units, evaluation, problems, created_by)
    values (${d.id}, ${d.plan_id}, ${d.region_code}, ${d.enterprise_id}, ${d.drilled_on}, ${d.kind}, ${d.title}, ${d.level}, ${d.participants}, ${d.participant_units},
      ${d.evaluation}, ${d.problems}, ${d.created_by})`);
}

export const submitFiling = (db: Queryable, planId: string, versionId: string, at: string) => db.execute(sql`update command_plans
  set filing_status = 'submitted', filing_version_id = ${versionId}, filing_submitted_at = ${at}, filing_review = null, updated_at = now()
  where id = ${planId} and (filing_status is null or filing_status <> 'submitted')`);

export const reviewFiling = (db: Queryable, planId: string, f: { status: 'filed' | 'returned'; number: string | null; filedOn: string | null; review: string | null; revisionDue: string | null }) =>
  db.execute(sql`update command_plans set filing_status = ${f.status}, filing_number = coalesce(${f.number}, filing_number), filed_on = coalesce(${f.filedOn}::date, filed_on),
    filing_review = ${f.review}, revision_due = coalesce(${f.revisionDue}::date, revision_due), updated_at = now()
  where id = ${planId} and filing_status = 'submitted'`);

/** Published plans whose scope includes a kind, with their published content (the directory's candidates). */
export const publishedCandidates = (db: Queryable, kind: string) => db.query<{ id: string; kind: string; title: string; region_code: string; enterprise_id: string | null;
  enterprise_name: string | null; region_name: string | null; version_id: string; content: PlanContent }>(sql`select p.id, p.kind, p.title, p.region_code, p.enterprise_id,
    e.name as enterprise_name, r.name as region_name, v.id as version_id, v.content
  from command_plans p join command_plan_versions v on v.id = p.published_version_id
  left join enterprises e on e.id = p.enterprise_id left join regions r on r.code = p.region_code
  where ${kind} = any(p.scope_kinds)`);

/** Filed enterprise plans whose revision falls due within `maxDays` of today, with the reminders already sent. */
export const dueRevisions = (db: Queryable, today: string, maxDays: number) => db.query<{ id: string; title: string; enterprise_id: string; enterprise_name: string | null;
  region_code: string; revision_due: string; days_left: number; owner_org_id: string | null; supervising_org_id: string | null }>(sql`select p.id, p.title, p.enterprise_id,
    e.name as enterprise_name, p.region_code, p.revision_due::text, (p.revision_due - ${today}::date) as days_left, p.owner_org_id, e.supervising_org_id
  from command_plans p left join enterprises e on e.id = p.enterprise_id
  where p.filing_status = 'filed' and p.revision_due is not null and p.revision_due - ${today}::date between 0 and ${maxDays}
  order by p.revision_due, p.id`);

export async function markRevisionReminders(db: Queryable, planId: string, due: string, thresholds: number[], at: string) {
  const rows = await db.query<{ days_before: number }>(sql`insert into command_plan_revision_reminders (plan_id, revision_due, days_before, sent_at)
    select ${planId}, ${due}::date, d, ${at} from unnest(${thresholds}::int[]) d on conflict do nothing returning days_before`);
  return rows.map((r) => r.days_before);
}
