// 灾害信息员: the officer posts of the county, each town and each village (社区), an A and a B person per post
// (应急〔2020〕11号: 乡镇 name A、B角; 每村（社区）至少 1 名), their phones and training, and the coverage gaps.
import type { Static } from '@sinclair/typebox';
import type { CoverageGap, InformantInput, TrainingInput } from '../../../../contracts/disaster.js';
import { inScope } from '../../../platform/auth/scope.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { actorLevel } from '../common.js';
import { keepIfMasked, maskFields, type PersonalKind } from '../../../platform/personal/personal.js';
import {
  deactivateInformant, findInformant, insertInformant, insertTraining, postHolder, posts, regionLevel, trainingsOf, updateInformant, type InformantRow, type PostRow,
} from './informants.store.js';

/** Row → API shape, phone in full (audit trail, exports for a role that may see it). */
export const presentInformant = (i: InformantRow) => ({
  id: i.id, name: i.name, phone: i.phone, level: i.level, regionCode: i.region_code, regionName: i.region_name, townName: i.town_name ?? '', role: i.role,
  unit: i.unit, position: i.position, active: i.active, trainings: i.trainings, lastTrainedOn: i.last_trained_on,
});

/** Row → what lists and details show: the phone masked (revealed one at a time through /api/personal/reveal). */
export const maskInformant = <T extends { phone: string }>(i: T): T => maskFields(i, { phone: 'phone' } as Partial<Record<keyof T & string, PersonalKind>>);

/** One officer with their training records. */
export async function informantDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const i = await findInformant(db, ctx.actor.scope, id);
  if (!i) throw notFound('灾害信息员', 'Officer');
  const t = await trainingsOf(db, id);
  return { ...maskInformant(presentInformant(i)), trainingRecords: t.map((x) => ({ id: x.id, trainedOn: x.trained_on, topic: x.topic, hours: Number(x.hours) })) };
}

/** The roster is kept by the town (its own and its villages' posts) and the county; a village officer reads it but does not staff posts, their own included. */
function mayKeepRoster(ctx: Ctx) {
  const level = actorLevel(ctx.actor.scope);
  if (level !== 'county' && level !== 'town') throw forbidden('灾害信息员名册由乡镇或县级维护，村（社区）账号只能查看；如需调整请联系乡镇', 'The roster is kept by the town or the county');
}

async function toWrite(ctx: Ctx, db: Queryable, input: InformantInput, selfId?: string) {
  const region = await regionLevel(db, input.regionCode);
  if (!region || !['county', 'town', 'village'].includes(region.level)) throw badRequest('所选区划不是县、乡镇或村（社区），不能设灾害信息员岗位', 'Not a county, town or village');
  if (!inScope(ctx.actor, { regionCode: input.regionCode })) throw badRequest('所选区划不在您的管辖范围内', 'Region out of scope');
  const holder = await postHolder(db, input.regionCode, input.role);
  if (holder && holder.id !== selfId) throw conflict(`${region.name}的${input.role}角已由${holder.name}担任，请先调整或注销后再登记`, 'Post role already held');
  return { name: input.name.trim(), phone: input.phone, level: region.level, region_code: input.regionCode, role: input.role, unit: input.unit?.trim() ?? '', position: input.position?.trim() ?? '' };
}

/** Register an officer in a post's A or B role. */
export async function createInformant(ctx: Ctx, input: InformantInput) {
  mayKeepRoster(ctx);
  return ctx.db.tx(async (tx) => {
    const w = await toWrite(ctx, tx, { ...input, phone: keepIfMasked(input.phone, null, 'phone', '手机号码')! });
    const id = uuidv7();
    await insertInformant(tx, id, w);
    await audit(ctx, tx, { action: 'disaster.informant.create', entityType: 'disaster_informant', entityId: id, regionCode: w.region_code, after: w });
    return informantDetail(ctx, id, tx);
  });
}

/** Correct an officer's record or move them to another post/role. */
export async function editInformant(ctx: Ctx, id: string, input: InformantInput) {
  mayKeepRoster(ctx);
  return ctx.db.tx(async (tx) => {
    const before = await findInformant(tx, ctx.actor.scope, id);
    if (!before || !before.active) throw notFound('灾害信息员', 'Officer');
    const w = await toWrite(ctx, tx, { ...input, phone: keepIfMasked(input.phone, before.phone, 'phone', '手机号码')! }, id);
    await updateInformant(tx, id, w);
    await audit(ctx, tx, { action: 'disaster.informant.edit', entityType: 'disaster_informant', entityId: id, regionCode: w.region_code, before: presentInformant(before), after: w });
    return informantDetail(ctx, id, tx);
  });
}

/** Take an officer off the roster (left the post); the record and training stay for the history. */
export async function retireInformant(ctx: Ctx, id: string) {
  mayKeepRoster(ctx);
  return ctx.db.tx(async (tx) => {
    const before = await findInformant(tx, ctx.actor.scope, id);
    if (!before || !before.active) throw notFound('灾害信息员', 'Officer');
    await deactivateInformant(tx, id);
    await audit(ctx, tx, { action: 'disaster.informant.retire', entityType: 'disaster_informant', entityId: id, regionCode: before.region_code, before: presentInformant(before), after: { active: false } });
    return { ok: true };
  });
}

/** Record a training an officer attended. */
export async function addTraining(ctx: Ctx, id: string, t: Static<typeof TrainingInput>) {
  mayKeepRoster(ctx);
  return ctx.db.tx(async (tx) => {
    const i = await findInformant(tx, ctx.actor.scope, id);
    if (!i) throw notFound('灾害信息员', 'Officer');
    const tid = uuidv7();
    await insertTraining(tx, tid, id, { ...t, topic: t.topic.trim() });
    await audit(ctx, tx, { action: 'disaster.informant.training', entityType: 'disaster_informant', entityId: id, regionCode: i.region_code, after: { trainingId: tid, ...t } });
    return informantDetail(ctx, id, tx);
  });
}

/** Whether the rule requires the missing role: town and county posts need both A and B; a village needs its A (at least one person). */
const requiredGap = (p: PostRow) => (p.level === 'village' ? !p.has_a : !p.has_a || !p.has_b);

const presentGap = (p: PostRow): CoverageGap => ({
  regionCode: p.region_code, regionName: p.region_name, townName: p.level === 'county' ? '' : p.town_name ?? '', level: p.level, hasA: p.has_a, hasB: p.has_b,
  missing: [...(p.has_a ? [] : ['A']), ...(p.has_b ? [] : ['B'])], required: requiredGap(p),
});

/** Posts lacking an A or a B; by default only the gaps the rule requires, `all` adds villages without a B. */
export async function coverageGaps(ctx: Ctx, f: { level?: string; regionCode?: string; all?: boolean }) {
  const rows = await posts(ctx.db, ctx.actor.scope, f);
  return rows.filter((p) => (f.all ? !p.has_a || !p.has_b : requiredGap(p))).map(presentGap);
}

/** Posts, people and gaps by level in the caller's scope. */
export async function coverageSummary(ctx: Ctx) {
  const rows = await posts(ctx.db, ctx.actor.scope, {});
  const byLevel = ['county', 'town', 'village'].map((level) => {
    const r = rows.filter((p) => p.level === level);
    return { level, posts: r.length, people: r.reduce((a, p) => a + p.people, 0), gaps: r.filter(requiredGap).length };
  }).filter((l) => l.posts > 0);
  return {
    posts: rows.length, people: rows.reduce((a, p) => a + p.people, 0), requiredGaps: rows.filter(requiredGap).length,
    villagesWithoutB: rows.filter((p) => p.level === 'village' && !p.has_b).length, byLevel,
  };
}
