// SQL of outreach activities (宣传教育活动), trainings and certificates, scoped by the caller: a town sees what happened
// in its town, a department what it organised, the bureau all; certificates also follow the trained person's enterprise.
import type { ActivityQuery, CertificateQuery } from '../../../contracts/outreach.js';
import type { DataScope } from '../../platform/auth/actor.js';
import { regionPrefix, scopeWhere } from '../../platform/auth/scope.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { enterpriseRecordScope } from '../enterprises/directory.js';

export interface ActivityRow {
  id: string; kind: string; title: string; organiser: string; organiser_org_id: string | null; region_code: string; region_name: string; place: string;
  held_on: string; participants: number; rounds: number | null; vans: number; slogans: number; sms: number; brochures: number; boards: number; films: number;
  description: string | null; photos: string[];
}
export type ActivityWrite = Omit<ActivityRow, 'id' | 'region_name'>;

export const activityScope = (v: DataScope) => scopeWhere(v, { region: 'a.region_code', org: 'a.organiser_org_id' });
const regionIn = (col: string, code?: string) => (code ? sql`${sql.id(col)} like ${regionPrefix(code) + '%'}` : undefined);

/** The filter of activity lists and statistics: kind, words, period (held_on) and region. */
export function activityWhere(viewer: DataScope, f: Omit<ActivityQuery, 'page' | 'pageSize'>) {
  return sql.and([
    activityScope(viewer),
    f.q ? sql`(a.title like ${'%' + f.q + '%'} or a.organiser like ${'%' + f.q + '%'} or a.place like ${'%' + f.q + '%'})` : undefined,
    f.kind ? sql`a.kind = ${f.kind}` : undefined,
    f.from ? sql`a.held_on >= ${f.from}::date` : undefined,
    f.to ? sql`a.held_on <= ${f.to}::date` : undefined,
    regionIn('a.region_code', f.regionCode),
    f.orgId ? sql`a.organiser_org_id = ${f.orgId}` : undefined,
  ]);
}

const selectActivity = sql`select a.id, a.kind, a.title, a.organiser, a.organiser_org_id, a.region_code, r.name as region_name, a.place, a.held_on::text,
  a.participants, a.rounds, a.vans, a.slogans, a.sms, a.brochures, a.boards, a.films, a.description, a.photos::text[] as photos
  from outreach_activities a join regions r on r.code = a.region_code`;

export async function listActivities(db: Queryable, viewer: DataScope, f: Omit<ActivityQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const w = activityWhere(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from outreach_activities a where ${w}`);
  const items = await db.query<ActivityRow>(sql`${selectActivity} where ${w} order by a.held_on desc, a.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export const findActivity = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<ActivityRow>(sql`${selectActivity} where a.id = ${id} and ${activityScope(viewer)}`);

export async function insertActivity(db: Queryable, id: string, a: ActivityWrite, by: string | null) {
  await db.execute(sql`insert into outreach_activities (id, kind, title, organiser, organiser_org_id, region_code, place, held_on, participants, rounds,
    vans, slogans, sms, brochures, boards, films, description, photos, created_by) values (${id}, ${a.kind}, ${a.title}, ${a.organiser}, ${a.organiser_org_id},
    ${a.region_code}, ${a.place}, ${a.held_on}::date, ${a.participants}, ${a.rounds}, ${a.vans}, ${a.slogans}, ${a.sms}, ${a.brochures}, ${a.boards}, ${a.films},
    ${a.description}, ${a.photos}::uuid[], ${by})`);
}

export async function updateActivity(db: Queryable, id: string, a: Omit<ActivityWrite, 'organiser_org_id'>) {
  await db.execute(sql`update outreach_activities set kind = ${a.kind}, title = ${a.title}, organiser = ${a.organiser}, region_code = ${a.region_code}, place = ${a.place},
    held_on = ${a.held_on}::date, participants = ${a.participants}, rounds = ${a.rounds}, vans = ${a.vans}, slogans = ${a.slogans}, sms = ${a.sms},
    brochures = ${a.brochures}, boards = ${a.boards}, films = ${a.films}, description = ${a.description}, photos = ${a.photos}::uuid[], updated_at = now() where id = ${id}`);
}

export const deleteActivity = (db: Queryable, id: string) => db.execute(sql`delete from outreach_activities where id = ${id}`);

/** Activities and material sums by kind, in the caller's scope. */
export const activityTotals = (db: Queryable, viewer: DataScope, f: Omit<ActivityQuery, 'page' | 'pageSize'>) =>
  db.query<{ kind: string; n: number; participants: number; vans: number; slogans: number; sms: number; brochures: number; boards: number; films: number }>(sql`
    select a.kind, count(*)::int as n, sum(a.participants)::int as participants, sum(a.vans)::int as vans, sum(a.slogans)::int as slogans,
      sum(a.sms)::int as sms, sum(a.brochures)::int as brochures, sum(a.boards)::int as boards, sum(a.films)::int as films
    from outreach_activities a where ${activityWhere(viewer, f)} group by a.kind order by a.kind`);

// ---- trainings and certificates ----

export const trainingScope = (v: DataScope) => scopeWhere(v, { region: 't.region_code', org: 't.organiser_org_id' });
export interface TrainingRow { id: string; title: string; organiser: string; region_code: string; place: string; held_on: string; hours: number; trainees: number }

export interface TrainingFilter { q?: string; from?: string; to?: string; regionCode?: string; orgId?: string }
export function trainingWhere(viewer: DataScope, f: TrainingFilter) {
  return sql.and([
    trainingScope(viewer),
    f.q ? sql`(t.title like ${'%' + f.q + '%'} or t.organiser like ${'%' + f.q + '%'})` : undefined,
    f.from ? sql`t.held_on >= ${f.from}::date` : undefined,
    f.to ? sql`t.held_on <= ${f.to}::date` : undefined,
    regionIn('t.region_code', f.regionCode),
    f.orgId ? sql`t.organiser_org_id = ${f.orgId}` : undefined,
  ]);
}

const selectTraining = sql`select t.id, t.title, t.organiser, t.organiser_org_id, t.region_code, t.place, t.held_on::text, t.hours,
    (select count(*)::int from outreach_certificates c where c.training_id = t.id) as trainees from outreach_trainings t`;
export const findTraining = (db: Queryable, viewer: DataScope, id: string) =>
  db.maybeOne<TrainingRow & { organiser_org_id: string | null }>(sql`${selectTraining} where t.id = ${id} and ${trainingScope(viewer)}`);
export const updateTraining = (db: Queryable, id: string, t: { title: string; organiser: string; region_code: string; place: string; held_on: string; hours: number }) =>
  db.execute(sql`update outreach_trainings set title = ${t.title}, organiser = ${t.organiser}, region_code = ${t.region_code}, place = ${t.place},
    held_on = ${t.held_on}::date, hours = ${t.hours} where id = ${id}`);
/** Delete a session recorded by mistake with the certificates recorded through it. */
export async function deleteTraining(db: Queryable, id: string) {
  const certs = await db.execute(sql`delete from outreach_certificates where training_id = ${id}`);
  await db.execute(sql`delete from outreach_trainings where id = ${id}`);
  return certs;
}

export async function listTrainings(db: Queryable, viewer: DataScope, f: TrainingFilter, page: number, pageSize: number) {
  const w = trainingWhere(viewer, f);
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total from outreach_trainings t where ${w}`);
  const items = await db.query<TrainingRow>(sql`select t.id, t.title, t.organiser, t.region_code, t.place, t.held_on::text, t.hours,
    (select count(*)::int from outreach_certificates c where c.training_id = t.id) as trainees
    from outreach_trainings t where ${w} order by t.held_on desc, t.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

export async function insertTraining(db: Queryable, t: Omit<TrainingRow, 'trainees'> & { organiser_org_id: string | null; created_by: string | null }) {
  await db.execute(sql`insert into outreach_trainings (id, title, organiser, organiser_org_id, region_code, place, held_on, hours, created_by)
    values (${t.id}, ${t.title}, ${t.organiser}, ${t.organiser_org_id}, ${t.region_code}, ${t.place}, ${t.held_on}::date, ${t.hours}, ${t.created_by})`);
}

export interface CertificateWrite {
  id: string; training_id: string; enterprise_id: string; region_code: string; person_name: string; post: string; operation: string | null;
  certificate_no: string; issued_on: string; expires_on: string;
}
export async function insertCertificates(db: Queryable, rows: CertificateWrite[]) {
  for (const c of rows) {
    await db.execute(sql`insert into outreach_certificates (id, training_id, enterprise_id, region_code, person_name, post, operation, certificate_no, issued_on, expires_on)
      values (${c.id}, ${c.training_id}, ${c.enterprise_id}, ${c.region_code}, ${c.person_name}, ${c.post}, ${c.operation}, ${c.certificate_no}, ${c.issued_on}::date, ${c.expires_on}::date)`);
  }
}
export const existingCertificateNos = (db: Queryable, nos: string[]) =>
  db.query<{ certificate_no: string }>(sql`select certificate_no from outreach_certificates where certificate_no = any(${nos}::text[])`);

export interface CertificateRow extends CertificateWrite { training_title: string | null; enterprise_name: string; days_left: number }

/** A certificate is seen by the trained person's town, the department regulating the enterprise, the enterprise itself. */
export const certificateScope = (v: DataScope) => enterpriseRecordScope(v, { region: 'c.region_code', enterprise: 'c.enterprise_id' });

export function certificateWhere(viewer: DataScope, f: Omit<CertificateQuery, 'page' | 'pageSize'>, today: string, warnDays: number) {
  const expiring = sql`c.expires_on >= ${today}::date and c.expires_on <= ${today}::date + ${warnDays}::int`;
  return sql.and([
    certificateScope(viewer),
    f.q ? sql`(c.person_name like ${'%' + f.q + '%'} or c.certificate_no like ${'%' + f.q + '%'} or e.name like ${'%' + f.q + '%'})` : undefined,
    f.post ? sql`c.post = ${f.post}` : undefined,
    f.enterpriseId ? sql`c.enterprise_id = ${f.enterpriseId}` : undefined,
    f.trainingId ? sql`c.training_id = ${f.trainingId}` : undefined,
    regionIn('c.region_code', f.regionCode),
    f.status === 'expired' ? sql`c.expires_on < ${today}::date` : f.status === 'expiring' ? expiring
      : f.status === 'valid' ? sql`c.expires_on > ${today}::date + ${warnDays}::int` : undefined,
  ]);
}

export async function listCertificates(db: Queryable, viewer: DataScope, f: Omit<CertificateQuery, 'page' | 'pageSize'>, today: string, warnDays: number, page: number, pageSize: number) {
  const w = certificateWhere(viewer, f, today, warnDays);
  const from = sql`from outreach_certificates c join enterprises e on e.id = c.enterprise_id left join outreach_trainings t on t.id = c.training_id`;
  const [{ total }] = await db.query<{ total: number }>(sql`select count(*)::int as total ${from} where ${w}`);
  const items = await db.query<CertificateRow>(sql`select c.id, c.training_id, t.title as training_title, c.enterprise_id, e.name as enterprise_name, c.region_code,
    c.person_name, c.post, c.operation, c.certificate_no, c.issued_on::text, c.expires_on::text, (c.expires_on - ${today}::date)::int as days_left
    ${from} where ${w} order by c.expires_on, c.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return { items, total };
}

/** Trainees by post of the sessions held in a period, and certificates expired / expiring today, in the caller's scope. */
export async function trainingTotals(db: Queryable, viewer: DataScope, f: { from: string; to: string; regionCode?: string; orgId?: string }, today: string, warnDays: number) {
  const sessions = await db.one<{ n: number }>(sql`select count(*)::int as n from outreach_trainings t where ${trainingWhere(viewer, f)}`);
  const byPost = await db.query<{ post: string; n: number }>(sql`select c.post, count(*)::int as n from outreach_certificates c
    join outreach_trainings t on t.id = c.training_id where ${certificateScope(viewer)} and t.held_on between ${f.from}::date and ${f.to}::date
    and ${sql.and([regionIn('c.region_code', f.regionCode)])} group by c.post`);
  const counts = await db.one<{ expired: number; expiring: number }>(sql`select
      count(*) filter (where c.expires_on < ${today}::date)::int as expired,
      count(*) filter (where c.expires_on >= ${today}::date and c.expires_on <= ${today}::date + ${warnDays}::int)::int as expiring
    from outreach_certificates c where ${certificateScope(viewer)} and ${sql.and([regionIn('c.region_code', f.regionCode)])}`);
  return { sessions: sessions.n, byPost, ...counts };
}

export const regionExists = (db: Queryable, code: string) => db.maybeOne<{ code: string }>(sql`select code from regions where code = ${code}`);

export const findCertificate = (db: Queryable, viewer: DataScope, id: string) => db.maybeOne<CertificateWrite>(sql`select c.id, c.training_id, c.enterprise_id, c.region_code,
  c.person_name, c.post, c.operation, c.certificate_no, c.issued_on::text, c.expires_on::text from outreach_certificates c where c.id = ${id} and ${certificateScope(viewer)}`);
export const updateCertificate = (db: Queryable, id: string, c: { person_name: string; post: string; operation: string | null; certificate_no: string; issued_on: string; expires_on: string }) =>
  db.execute(sql`update outreach_certificates set person_name = ${c.person_name}, post = ${c.post}, operation = ${c.operation}, certificate_no = ${c.certificate_no},
    issued_on = ${c.issued_on}::date, expires_on = ${c.expires_on}::date where id = ${id}`);
export const deleteCertificate = (db: Queryable, id: string) => db.execute(sql`delete from outreach_certificates where id = ${id}`);
