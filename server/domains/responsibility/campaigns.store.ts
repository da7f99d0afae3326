// SQL of supervision campaigns (督查督办). The bureau sees all; a unit sees the campaigns that gave it a task.
import type { DataScope } from '../../platform/auth/actor.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { inRegion, taskCounts, taskScope } from './tasks.store.js';

export interface CampaignRow { id: string; number: string; kind: string; title: string; period_from: string; period_to: string; scope_text: string; teams: string;
  region_code: string; hazard_campaign_id: string | null; summary: string | null; tasks_total: number; tasks_answered: number; tasks_done: number; tasks_overdue: number }
export interface CampaignFilter { kind?: string; q?: string; year?: number; from?: string; to?: string; regionCode?: string; orgId?: string }

const scope = (v: DataScope) => v.kind === 'all' ? sql`true` : sql`exists (select 1 from resp_tasks t where t.campaign_id = c.id and ${taskScope(v)})`;
// Counts are of the tasks the viewer may see.
const select = (v: DataScope, today: string) => sql`select c.id, c.number, c.kind, c.title, c.period_from::text, c.period_to::text, c.scope_text, c.teams,
  c.region_code, c.hazard_campaign_id, c.summary, ${taskCounts(sql`t.campaign_id = c.id and ${taskScope(v)}`, today)} from supervision_campaigns c`;
const where = (v: DataScope, f: CampaignFilter) => sql.and([
  scope(v),
  f.kind ? sql`c.kind = any(${f.kind.split(',').map((k) => k.trim())}::text[])` : undefined,
  // from/to: started in these dates; a region or unit: the campaigns that gave a task there
  f.from ? sql`c.period_from >= ${f.from}::date` : undefined,
  f.to ? sql`c.period_from <= ${f.to}::date` : undefined,
  f.regionCode ? sql`exists (select 1 from resp_tasks t where t.campaign_id = c.id and ${inRegion(sql`t.region_code`, f.regionCode)!})` : undefined,
  f.orgId ? sql`exists (select 1 from resp_tasks t where t.campaign_id = c.id and t.assignee_org_id = ${f.orgId})` : undefined,
  f.year ? sql`extract(year from c.period_from) = ${f.year}` : undefined,
  f.q ? sql`(c.title like ${'%' + f.q + '%'} or c.number like ${'%' + f.q + '%'} or c.scope_text like ${'%' + f.q + '%'})` : undefined,
]);

export async function listCampaigns(db: Queryable, v: DataScope, f: CampaignFilter, today: string, page: number, pageSize: number) {
  const w = where(v, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from supervision_campaigns c where ${w}`);
  const items = await db.query<CampaignRow>(sql`${select(v, today)} where ${w} order by c.period_from desc, c.number desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}
export const findCampaign = (db: Queryable, v: DataScope, id: string, today: string) =>
  db.maybeOne<CampaignRow>(sql`${select(v, today)} where c.id = ${id} and ${scope(v)}`);

export async function insertCampaign(db: Queryable, r: { id: string; number: string; kind: string; title: string; period_from: string; period_to: string; scope_text: string;
  teams: string; region_code: string; hazard_campaign_id: string | null; summary: string | null; created_by: string | null }) {
  await db.execute(sql`insert into supervision_campaigns (id, number, kind, title, period_from, period_to, scope_text, teams, region_code, hazard_campaign_id, summary, created_by)
    values (${r.id}, ${r.number}, ${r.kind}, ${r.title}, ${r.period_from}::date, ${r.period_to}::date, ${r.scope_text}, ${r.teams}, ${r.region_code},
    ${r.hazard_campaign_id}, ${r.summary}, ${r.created_by})`);
}

export const updateCampaign = (db: Queryable, id: string, r: { kind: string; title: string; period_from: string; period_to: string; scope_text: string; teams: string;
  hazard_campaign_id: string | null; summary: string | null }) =>
  db.execute(sql`update supervision_campaigns set kind = ${r.kind}, title = ${r.title}, period_from = ${r.period_from}::date, period_to = ${r.period_to}::date,
    scope_text = ${r.scope_text}, teams = ${r.teams}, hazard_campaign_id = ${r.hazard_campaign_id}, summary = ${r.summary} where id = ${id}`);
/** Delete a campaign started by mistake: only while it has no tasks (withdraw them first). */
export const deleteCampaign = (db: Queryable, id: string) =>
  db.execute(sql`delete from supervision_campaigns c where c.id = ${id} and not exists (select 1 from resp_tasks t where t.campaign_id = c.id)`);
