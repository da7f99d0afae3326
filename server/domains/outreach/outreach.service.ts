// 宣传教育活动 and 培训: record an activity (photos are platform files the caller may use), a training session with the
// certificates of its trainees (each linked to the enterprise the person works for; expiring ones flagged).
import { ACTIVITY_KINDS, POSTS, type ActivityInput, type CertificateQuery, type TrainingInput } from '../../../contracts/outreach.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { visibleFileIds } from '../../platform/files/files.store.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findEnterpriseBrief } from '../enterprises/directory.js';
import {
  type ActivityRow, type CertificateRow, deleteActivity, existingCertificateNos, findActivity, insertActivity, insertCertificates, insertTraining, listCertificates,
  regionExists, type TrainingRow,
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
export async function createActivity(ctx: Ctx, input: ActivityInput) {
  checkPlaceAndDay(ctx, input.regionCode, input.heldOn, '活动');
  if (input.kind === 'contest' && !input.rounds) throw badRequest('知识竞赛请填写竞赛轮次（如初赛、复赛、决赛共 3 轮）', 'A contest needs its rounds');
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const photos = [...new Set(input.photos ?? [])];
    if ((await visibleFileIds(tx, ctx.actor.scope, photos)).length !== photos.length) throw badRequest('有照片不存在或无权使用，请重新上传', 'Some photos are missing');
    const region = await regionExists(tx, input.regionCode);
    if (!region) throw badRequest('所选区划不存在', 'Unknown region');
    const row = { kind: input.kind, title: input.title.trim(), organiser: input.organiser.trim(), organiser_org_id: ctx.actor.orgId ?? null, region_code: input.regionCode,
      place: input.place.trim(), held_on: input.heldOn, participants: input.participants, rounds: input.kind === 'contest' ? input.rounds ?? null : null,
      vans: input.vans ?? 0, slogans: input.slogans ?? 0, sms: input.sms ?? 0, brochures: input.brochures ?? 0, boards: input.boards ?? 0, films: input.films ?? 0,
      description: input.description?.trim() || null, photos };
    await insertActivity(tx, id, row, ctx.actor.id);
    await audit(ctx, tx, { action: 'outreach.activity.create', entityType: 'outreach_activity', entityId: id, regionCode: input.regionCode, after: row });
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
  const nos = input.trainees.map((x) => x.certificateNo.trim());
  const dup = nos.find((n, i) => nos.indexOf(n) !== i);
  if (dup) throw badRequest(`证书编号 ${dup} 重复填写`, 'Duplicate certificate number');
  input.trainees.forEach((x, i) => {
    if (x.expiresOn <= x.issuedOn) throw badRequest(`第 ${i + 1} 名学员的证书有效期须晚于发证日期`, 'Expiry before issue');
    if (x.post === 'special_operator' && !x.operation?.trim()) throw badRequest(`第 ${i + 1} 名学员是特种作业人员，请填写作业类别（如电工作业）`, 'Operation needed');
  });
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const taken = await existingCertificateNos(tx, nos);
    if (taken.length) throw badRequest(`证书编号已登记过：${taken.map((x) => x.certificate_no).join('、')}`, 'Certificate already recorded');
    await insertTraining(tx, { id, title: input.title.trim(), organiser: input.organiser.trim(), organiser_org_id: ctx.actor.orgId ?? null, region_code: input.regionCode,
      place: input.place.trim(), held_on: input.heldOn, hours: input.hours, created_by: ctx.actor.id });
    const certs = [];
    for (const [i, x] of input.trainees.entries()) {
      const e = await findEnterpriseBrief(tx, ctx.actor.scope, x.enterpriseId);
      if (!e) throw badRequest(`第 ${i + 1} 名学员所在企业不存在或不在管辖范围内`, 'Enterprise not found');
      certs.push({ id: uuidv7(), training_id: id, enterprise_id: e.id, region_code: e.regionCode, person_name: x.personName.trim(), post: x.post,
        operation: x.post === 'special_operator' ? x.operation!.trim() : null, certificate_no: x.certificateNo.trim(), issued_on: x.issuedOn, expires_on: x.expiresOn });
    }
    await insertCertificates(tx, certs);
    await audit(ctx, tx, { action: 'outreach.training.create', entityType: 'outreach_training', entityId: id, regionCode: input.regionCode,
      after: { ...input, trainees: certs.length } });
  });
  return { id, ...(await certificates(ctx, { trainingId: id }, 1, 500)) };
}

/** Certificates in scope with their status against today. */
export async function certificates(ctx: Ctx, f: Omit<CertificateQuery, 'page' | 'pageSize'>, page: number, pageSize: number) {
  const { items, total } = await listCertificates(ctx.db, ctx.actor.scope, f, today(ctx), CERT_WARN_DAYS, page, pageSize);
  return { items: items.map(presentCertificate), total, page, pageSize };
}
