// SQL of 举报 tip-offs and their rewards, scoped by the caller (region, or the department it was assigned to).
import type { DataScope } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { enforcementScope } from '../common/scope.js';

export interface TipoffRow {
  id: string; number: string; channel: string; anonymous: boolean; reporter_name: string | null; reporter_phone: string | null; category: string; subject_name: string;
  subject_address: string | null; enterprise_id: string | null; region_code: string; content: string; status: string; received_at: Date; reply_due: string;
  assigned_org_id: string | null; assignee_id: string | null; assigned_at: Date | null; verify_result: string | null; verify_note: string | null; verified_at: Date | null;
  reply: string | null; replied_at: Date | null; case_id: string | null; rule_version: string;
  reward: { basis: string; fine: number | null; amount: number; status: string; approved_at: string; paid_at: string | null } | null;
}

const scope = (v: DataScope) => enforcementScope(v, 't', { org: 'assigned_org_id' });
const select = sql`select t.*, t.reply_due::text as reply_due, (select json_build_object('basis', r.basis, 'fine', r.fine::float8, 'amount', r.amount::float8, 'status', r.status,
  'approved_at', r.approved_at, 'paid_at', r.paid_at) from enforcement_rewards r where r.tipoff_id = t.id) as reward from enforcement_tipoffs t`;

export async function listTipoffs(db: Queryable, viewer: DataScope, f: { status?: string; overdue?: boolean; q?: string }, today: string, page: number, pageSize: number) {
  const overdue = sql`(t.status in ('received', 'assigned', 'verified') and t.reply_due < ${today}::date)`;
  const where = sql.and([scope(viewer), f.status ? sql`t.status = ${f.status}` : undefined, f.overdue === true ? overdue : f.overdue === false ? sql`not ${overdue}` : undefined,
    f.q ? sql`(t.subject_name ilike ${'%' + f.q + '%'} or t.number ilike ${'%' + f.q + '%'})` : undefined]);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from enforcement_tipoffs t where ${where}`);
  const items = await db.query<TipoffRow>(sql`${select} where ${where} order by t.received_at desc, t.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findTipoff = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<TipoffRow>(sql`${select} where t.id = ${id} and ${scope(viewer)}`);
export const lockTipoff = (db: Queryable, id: string) => db.maybeOne(sql`select id from enforcement_tipoffs where id = ${id} for update`);

/** What the tracking code shows, and nothing else. */
export const trackTipoff = (db: Queryable, hash: string) => db.maybeOne<{ number: string; status: string; received_at: Date; reply_due: string; reply: string | null; replied_at: Date | null }>(
  sql`select number, status, received_at, reply_due::text as reply_due, reply, replied_at from enforcement_tipoffs where tracking_hash = ${hash}`);

export async function insertTipoff(db: Queryable, t: Omit<TipoffRow, 'status' | 'received_at' | 'assigned_org_id' | 'assignee_id' | 'assigned_at' | 'verify_result' | 'verify_note'
  | 'verified_at' | 'reply' | 'replied_at' | 'case_id' | 'reward'> & { received_at: string; tracking_hash: string; created_by: string | null }) {
  await db.execute(sql`insert into enforcement_tipoffs (id, number, tracking_hash, channel, anonymous, reporter_name, reporter_phone, category, subject_name, subject_address,
    enterprise_id, region_code, content, received_at, reply_due, rule_version, created_by) values (${t.id}, ${t.number}, ${t.tracking_hash}, ${t.channel}, ${t.anonymous},
    ${t.reporter_name}, ${t.reporter_phone}, ${t.category}, ${t.subject_name}, ${t.subject_address}, ${t.enterprise_id}, ${t.region_code}, ${t.content}, ${t.received_at},
    ${t.reply_due}::date, ${t.rule_version}, ${t.created_by})`);
}

export async function updateTipoff(db: Queryable, id: string, w: Record<string, unknown>) {
  const cols = Object.keys(w).filter((c) => w[c] !== undefined);
  await db.execute(sql`update enforcement_tipoffs set ${sql.join(cols.map((c) => sql`${sql.id(c)} = ${w[c]}`))} where id = ${id}`);
}

export async function insertReward(db: Queryable, r: { id: string; tipoff_id: string; basis: string; fine: number | null; amount: number; rule_version: string; approved_by: string | null; approved_at: string }) {
  await db.execute(sql`insert into enforcement_rewards (id, tipoff_id, basis, fine, amount, rule_version, approved_by, approved_at)
    values (${r.id}, ${r.tipoff_id}, ${r.basis}, ${r.fine}, ${r.amount}, ${r.rule_version}, ${r.approved_by}, ${r.approved_at})`);
}

export const payReward = (db: Queryable, tipoffId: string, at: string, note: string) =>
  db.execute(sql`update enforcement_rewards set status = 'paid', paid_at = ${at}, paid_note = ${note} where tipoff_id = ${tipoffId} and status = 'approved'`);
