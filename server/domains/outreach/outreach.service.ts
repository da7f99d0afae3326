// 宣传教育活动 and 培训: record an activity (photos are platform files the caller may use), a training session with the
// certificates of its trainees (each linked to the enterprise the person works for; expiring ones flagged).
import { ACTIVITY_KINDS, POSTS, type ActivityInput, type CertificateEdit, type CertificateQuery, type Trainee, type TrainingEdit, type TrainingInput } from '../../../contracts/outreach.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import type { Queryable } from '../../platform/db/db.js';
import { uuidv7 } from '../../platform/ids.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import {
  type ActivityRow, type CertificateRow, deleteActivity, deleteCertificate, deleteTraining, existingCertificateNos, findActivity, findCertificate, findTraining, insertActivity,
  insertCertificates, insertTraining, listCertificates, regionExists, type TrainingRow, updateActivity, updateCertificate, updateTraining,
} from './outreach.store.js';

/** A certificate expiring within this many days is flagged 即将到期 (the renewal course takes about two months). */
export const CERT_WARN_DAYS = 60;
export const today = (ctx: Pick<Ctx, 'clock'>) => shanghaiDate(ctx.clock());
const label = <T extends readonly { code: string; label: string }[]>(list: T, code: string) => list.find((x) => x.code === code)?.label ?? code;

/** Row → API shape. */
export const presentActivity = (a: ActivityRow) => ({
  id: a.id, kind: a.kind, kindLabel: label(ACTIVITY_KINDS, a.kind), title: a.title, organiser: a.organiser, regionCode: a.region_code, regionName: a.region_name,
  place: a.place, heldOn: a.held_on, participants: a.participants, rounds: a.rounds, vans: a.vans, slogans: a.slogans, sms: a.sms, brochures: a.brochures,
  boards: a.boards, films: a.films, description: a.description, photos: a.photos,
});
export const presentTraining = (t: TrainingRow) => ({ id: t.id, title: t.title, organiser: t.organiser, regionCode: t.region_code, place: t.place,
  heldOn: t.held_on, hours: t.hours, trainees: t.trainees });
export const presentCertificate = (c: CertificateRow) => ({
  id: c.id, trainingId: c.training_id, trainingTitle: c.training_title, enterpriseId: c.enterprise_id, enterpriseName: c.enterprise_name, regionCode: c.region_code,
  personName: c.person_name, post: c.post, postLabel: label(POSTS, c.post), operation: c.operation, certificateNo: c.certificate_no, issuedOn: c.issued_on,
  expiresOn: c.expires_on, daysLeft: c.days_left,
  status: (c.days_left < 0 ? 'expired' : c.days_left <= CERT_WARN_DAYS ? 'expiring' : 'valid') as 'expired' | 'expiring' | 'valid',
});

/** The caller records for a place in its own scope, in the period up to today. */
function checkPlaceAndDay(ctx: Ctx, regionCode: string, day: string, what: string) {
  if (!inScope(ctx.actor, { regionCode, orgId: ctx.actor.orgId })) throw forbidden(`不能登记管辖范围以外的${what}`, 'Outside your scope');
  if (day > today(ctx)) throw badRequest(`${what}日期不能晚于今天；计划中的${what}请在举办后登记`, 'Date in the future');
}

/** An activity by id in the caller's scope. */
export async function activityDetail(ctx: Ctx, id: string) {
  const a = await findActivity(ctx.db, ctx.actor.scope, id);
  if (!a) throw notFound('宣传活动', 'Activity');
  return presentActivity(a);
}

/** Record an activity with its material counts and photos. */
/** An activity's columns from the input, after the checks a create and an edit share. */
async function activityRow(ctx: Ctx, tx: Queryable, input: ActivityInput, keepPhotos: string[] = []) {
  checkPlaceAndDay(ctx, input.regionCode, input.heldOn, '活动');
  if (input.kind === 'contest' && !input.rounds) throw badRequest('知识竞赛请填写竞赛轮次（如初赛、复赛、决赛共 3 轮）', 'A contest needs its rounds');
  const photos = [...new Set(input.photos ?? [])];
  // Photos already on the activity stay usable by whoever edits it; new ones must be the editor's own uploads.
  const added = photos.filter((p) => !keepPhotos.includes(p));
  if ((await visibleFileIds(tx, ctx.actor.scope, added)).length !== added.length) throw badRequest('有照片不存在或无权使用，请重新上传', 'Some photos are missing');
  if (!(await regionExists(tx, input.regionCode))) throw badRequest('所选区划不存在', 'Unknown region');
  return { kind: input.kind, title: input.title.trim(), organiser: input.organiser.trim(), region_code: input.regionCode,
    place: input.place.trim(), held_on: input.heldOn, participants: input.participants, rounds: input.kind === 'contest' ? input.rounds ?? null : null,
    vans: input.vans ?? 0, slogans: input.slogans ?? 0, sms: input.sms ?? 0, brochures: input.brochures ?? 0, boards: input.boards ?? 0, films: input.films ?? 0,
    description: input.description?.trim() || null, photos };
}

export async function createActivity(ctx: Ctx, input: ActivityInput) {
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const row = { ...(await activityRow(ctx, tx, input)), organiser_org_id: ctx.actor.orgId ?? null };
    await insertActivity(tx, id, row, ctx.actor.id);
    await audit(ctx, tx, { action: 'outreach.activity.create', entityType: 'outreach_activity', entityId: id, regionCode: input.regionCode, after: row });
  });
  return activityDetail(ctx, id);
}

/** Correct an activity: any of its facts, material counts and photos. */
export async function editActivity(ctx: Ctx, id: string, input: ActivityInput) {
  await ctx.db.tx(async (tx) => {
    const a = await findActivity(tx, ctx.actor.scope, id);
    if (!a) throw notFound('宣传活动', 'Activity');
    const row = await activityRow(ctx, tx, input, a.photos);
    await updateActivity(tx, id, row);
    await audit(ctx, tx, { action: 'outreach.activity.update', entityType: 'outreach_activity', entityId: id, regionCode: input.regionCode, before: presentActivity(a), after: row });
  });
  return activityDetail(ctx, id);
}

/** Delete an activity recorded by mistake. */
export async function removeActivity(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const a = await findActivity(tx, ctx.actor.scope, id);
    if (!a) throw notFound('宣传活动', 'Activity');
    await deleteActivity(tx, id);
    await audit(ctx, tx, { action: 'outreach.activity.delete', entityType: 'outreach_activity', entityId: id, regionCode: a.region_code, before: presentActivity(a) });
  });
  return { ok: true };
}

/** Record a training session and its trainees' certificates, all or nothing. */
export async function createTraining(ctx: Ctx, input: TrainingInput) {
  checkPlaceAndDay(ctx, input.regionCode, input.heldOn, '培训');
  checkTrainees(input.trainees);
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await insertTraining(tx, { id, title: input.title.trim(), organiser: input.organiser.trim(), organiser_org_id: ctx.actor.orgId ?? null, region_code: input.regionCode,
      place: input.place.trim(), held_on: input.heldOn, hours: input.hours, created_by: ctx.actor.id });
    const n = await certify(ctx, tx, id, input.trainees);
    await audit(ctx, tx, { action: 'outreach.training.create', entityType: 'outreach_training', entityId: id, regionCode: input.regionCode,
      after: { ...input, trainees: n } });
  });
  return { id, ...(await certificates(ctx, { trainingId: id }, 1, 500)) };
}

/** Check and insert trainees' certificates of a session; numbers must be new. */
async function certify(ctx: Ctx, tx: Queryable, trainingId: string, trainees: Trainee[]) {
  const nos = trainees.map((x) => x.certificateNo.trim());
  const taken = await existingCertificateNos(tx, nos);
  if (taken.length) throw badRequest(`证书编号已登记过：${taken.map((x) => x.certificate_no).join('、')}`, 'Certificate already recorded');
  const certs = [];
  for (const [i, x] of trainees.entries()) {
    const e = await findEnterpriseBrief(tx, ctx.actor.scope, x.enterpriseId);
    if (!e) throw badRequest(`第 ${i + 1} 名学员所在企业不存在或不在管辖范围内`, 'Enterprise not found');
    certs.push({ id: uuidv7(), training_id: trainingId, enterprise_id: e.id, region_code: e.regionCode, person_name: x.personName.trim(), post: x.post,
      operation: x.post === 'special_operator' ? x.operation!.trim() : null, certificate_no: x.certificateNo.trim(), issued_on: x.issuedOn, expires_on: x.expiresOn });
  }
  await insertCertificates(tx, certs);
  return certs.length;
}

/** The same checks on trainees as at recording, for trainees added later. */
function checkTrainees(trainees: Trainee[]) {
  const nos = trainees.map((x) => x.certificateNo.trim());
  const dup = nos.find((n, i) => nos.indexOf(n) !== i);
  if (dup) throw badRequest(`证书编号 ${dup} 重复填写`, 'Duplicate certificate number');
  trainees.forEach((x, i) => {
    if (x.expiresOn <= x.issuedOn) throw badRequest(`第 ${i + 1} 名学员的证书有效期须晚于发证日期`, 'Expiry before issue');
    if (x.post === 'special_operator' && !x.operation?.trim()) throw badRequest(`第 ${i + 1} 名学员是特种作业人员，请填写作业类别（如电工作业）`, 'Operation needed');
  });
}

async function trainingOr404(ctx: Ctx, db: Queryable, id: string) {
  const t = await findTraining(db, ctx.actor.scope, id);
  if (!t) throw notFound('培训班', 'Training');
  return t;
}

/** Correct a session's title, organiser, place, date or hours. */
export async function editTraining(ctx: Ctx, id: string, input: TrainingEdit) {
  checkPlaceAndDay(ctx, input.regionCode, input.heldOn, '培训');
  await ctx.db.tx(async (tx) => {
    const t = await trainingOr404(ctx, tx, id);
    const row = { title: input.title.trim(), organiser: input.organiser.trim(), region_code: input.regionCode, place: input.place.trim(), held_on: input.heldOn, hours: input.hours };
    await updateTraining(tx, id, row);
    await audit(ctx, tx, { action: 'outreach.training.update', entityType: 'outreach_training', entityId: id, regionCode: input.regionCode, before: presentTraining(t), after: row });
  });
  return presentTraining((await findTraining(ctx.db, ctx.actor.scope, id))!);
}

/** Add trainees (certificates) to a recorded session. */
export async function addTrainees(ctx: Ctx, id: string, trainees: Trainee[]) {
  checkTrainees(trainees);
  await ctx.db.tx(async (tx) => {
    const t = await trainingOr404(ctx, tx, id);
    const n = await certify(ctx, tx, id, trainees);
    await audit(ctx, tx, { action: 'outreach.training.trainees', entityType: 'outreach_training', entityId: id, regionCode: t.region_code, after: { trainees, added: n } });
  });
  return { id, ...(await certificates(ctx, { trainingId: id }, 1, 500)) };
}

/** Delete a session recorded by mistake, with the certificates recorded through it. */
export async function removeTraining(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const t = await trainingOr404(ctx, tx, id);
    const certs = await deleteTraining(tx, id);
    await audit(ctx, tx, { action: 'outreach.training.delete', entityType: 'outreach_training', entityId: id, regionCode: t.region_code, before: { ...presentTraining(t), certificatesDeleted: certs } });
  });
  return { ok: true };
}

/** Correct a certificate (name, post, number, dates); its enterprise stays (delete and record again to move it). */
export async function editCertificate(ctx: Ctx, id: string, input: CertificateEdit) {
  if (input.expiresOn <= input.issuedOn) throw badRequest('证书有效期须晚于发证日期', 'Expiry before issue');
  if (input.post === 'special_operator' && !input.operation?.trim()) throw badRequest('特种作业人员请填写作业类别（如电工作业）', 'Operation needed');
  await ctx.db.tx(async (tx) => {
    const c = await findCertificate(tx, ctx.actor.scope, id);
    if (!c) throw notFound('培训证书', 'Certificate');
    const no = input.certificateNo.trim();
    if (no !== c.certificate_no && (await existingCertificateNos(tx, [no])).length) throw badRequest(`证书编号 ${no} 已登记过`, 'Certificate already recorded');
    const row = { person_name: input.personName.trim(), post: input.post, operation: input.post === 'special_operator' ? input.operation!.trim() : null, certificate_no: no,
      issued_on: input.issuedOn, expires_on: input.expiresOn };
    await updateCertificate(tx, id, row);
    await audit(ctx, tx, { action: 'outreach.certificate.update', entityType: 'outreach_certificate', entityId: id, regionCode: c.region_code, before: c, after: row });
  });
  return (await certificates(ctx, { q: input.certificateNo.trim() }, 1, 1)).items[0];
}

/** Delete a certificate recorded by mistake. */
export async function removeCertificate(ctx: Ctx, id: string) {
  await ctx.db.tx(async (tx) => {
    const c = await findCertificate(tx, ctx.actor.scope, id);
    if (!c) throw notFound('培训证书', 'Certificate');
    await deleteCertificate(tx, id);
    await audit(ctx, tx, { action: 'outreach.certificate.delete', entityType: 'outreach_certificate', entityId: id, regionCode: c.region_code, before: c });
  });
  return { ok: true };
}

/** Certificates in scope with their status against today. */
export async function certificates(ctx: Ctx, f: Omit<CertificateQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const { items, total } = await listCertificates(ctx.db, ctx.actor.scope, f, today(ctx), CERT_WARN_DAYS, page, pageSize);
  return { items: items.map(presentCertificate), total, page, pageSize };
}
