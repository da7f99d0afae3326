// The rules of the flood domain (防汛): the registry and its three responsible people, 备汛检查 batches whose findings
// are hazards (hazards domain, same transaction), flood plans, responses Ⅳ–Ⅰ with 叫应 tracking and re-sending
// through the notify outbox, and transfers per danger point. Each change is audited in its transaction.
import {
  type BatchInput, type FacilityInput, type FindingInput, type PlanInput, RESPONSE_LEVELS, RESPONSIBLE_ROLES, type ResponseInput, type TeamInput,
  type TransferInput,
} from '../../../contracts/flood.js';
import { inScope } from '../../platform/auth/scope.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable, Tx } from '../../platform/db/db.js';
import { nextNumber } from '../../platform/db/numbering.js';
import { sql } from '../../platform/db/sql.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { actorLevel } from '../disaster/common.js'; // the county / town / village level of an account, shared by both halves of 防灾减灾
import { reportHazardIn } from '../hazards/hazards.service.js';
import {
  countyFloodPlan, deleteFacilityRow, facilitiesIn, facilityColumns, facilityReferences, findBatch, findFacility, findResponse, findTask, findTeam, insertBatch, insertFacility, unackedTasks,
  updateFacility,
} from './flood.store.js';
import { unmaskFacilityInput } from './flood.personal.js';

/** Minutes a responsible person has to confirm a response task before it counts as overdue (本地做法, configurable later). */
export const ACK_MINUTES = 30;

/** The registry, inspections, plans and responses are kept by the towns and the county; a village account reports, confirms and transfers. */
export function keepsRegistry(ctx: Ctx) {
  const level = actorLevel(ctx.actor.scope);
  if (level !== 'county' && level !== 'town') throw forbidden('防汛设施、检查、预案和应急响应由乡镇或县级登记，村（社区）账号可以确认任务和登记人员转移', 'Kept by the town or the county');
}

async function regionIn(ctx: Ctx, db: Queryable, code: string, levels: string[]) {
  const r = await db.maybeOne<{ code: string; name: string; level: string }>(sql`select code, name, level from regions where code = ${code}`);
  if (!r || !levels.includes(r.level)) throw badRequest(`区划 ${code} 不存在或不是${levels.includes('town') && levels.length === 1 ? '乡镇' : '乡镇或村（社区）'}`, 'Unknown region');
  if (!inScope(ctx.actor, { regionCode: code })) throw forbidden(`${r.name}不在您的管辖范围内`, 'Region outside your scope');
  return r;
}

/** The rules a facility's figures must meet (also applied to each imported row). */
export function checkFacility(i: FacilityInput) {
  if (i.kind === 'reservoir' && !i.scale) throw badRequest('水库须选择规模（大型、中型、小(一)型、小(二)型）', 'A reservoir needs its scale');
  const l = i.levels ?? {};
  if (l.deadLevel != null && l.floodLimitLevel != null && l.deadLevel >= l.floodLimitLevel) throw badRequest('死水位应低于汛限水位，请核对特征水位', 'Dead level must be below the flood-limit level');
  if (l.floodLimitLevel != null && l.normalLevel != null && l.floodLimitLevel > l.normalLevel) throw badRequest('汛限水位不应高于正常蓄水位，请核对特征水位', 'Flood-limit level above normal level');
  if (l.designFloodLevel != null && l.checkFloodLevel != null && l.designFloodLevel > l.checkFloodLevel) throw badRequest('设计洪水位不应高于校核洪水位，请核对特征水位', 'Design level above check level');
  if (!!i.techName !== !!i.techPhone) throw badRequest('技术责任人的姓名和电话须同时填写', 'Technical person needs name and phone');
  const t = i.thresholds ?? {};
  for (const k of [...Object.keys(t.prepare ?? {}), ...Object.keys(t.evacuate ?? {})]) {
    if (!/^\d{1,2}h$/.test(k)) throw badRequest(`临界雨量的时段「${k}」应写成小时数，如 1h、3h、6h、24h`, 'Threshold durations are like 1h');
    const p = t.prepare?.[k]; const e = t.evacuate?.[k];
    if (p != null && e != null && p >= e) throw badRequest(`${k} 临界雨量：准备转移（${p} mm）应小于立即转移（${e} mm）`, 'Prepare threshold must be below evacuate');
  }
}

/** Register a flood facility with its three responsible people. */
export async function createFacility(ctx: Ctx, input: FacilityInput) {
  keepsRegistry(ctx);
  input = unmaskFacilityInput(input);
  checkFacility(input);
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await regionIn(ctx, tx, input.regionCode, ['town', 'village']);
    const dup = await tx.maybeOne(sql`select 1 from flood_facilities where kind = ${input.kind} and region_code = ${input.regionCode} and name = ${input.name}`);
    if (dup) throw conflict(`同一区划下已有同名设施「${input.name}」`, 'Duplicate facility');
    await insertFacility(tx, id, facilityColumns(input), ctx.clock());
    await audit(ctx, tx, { action: 'flood.facility.create', entityType: 'flood_facility', entityId: id, regionCode: input.regionCode, after: input });
  });
  return (await findFacility(ctx.db, ctx.actor.scope, id))!;
}

/** Change a facility (its levels, people, place). */
export async function editFacility(ctx: Ctx, id: string, input: FacilityInput) {
  keepsRegistry(ctx);
  checkFacility(input);
  await ctx.db.tx(async (tx) => {
    const before = await findFacility(tx, ctx.actor.scope, id);
    if (!before) throw notFound('防汛设施', 'Flood facility');
    input = unmaskFacilityInput(input, before);
    checkFacility(input);
    await regionIn(ctx, tx, input.regionCode, ['town', 'village']);
    await updateFacility(tx, id, facilityColumns(input), ctx.clock());
    await audit(ctx, tx, { action: 'flood.facility.update', entityType: 'flood_facility', entityId: id, regionCode: input.regionCode, before, after: input });
  });
  return (await findFacility(ctx.db, ctx.actor.scope, id))!;
}

/** Remove a facility registered by mistake; one with inspections, plans or response records is kept (its history counts). */
export async function deleteFacility(ctx: Ctx, id: string) {
  keepsRegistry(ctx);
  await ctx.db.tx(async (tx) => {
    const before = await findFacility(tx, ctx.actor.scope, id);
    if (!before) throw notFound('防汛设施', 'Flood facility');
    const r = await facilityReferences(tx, id);
    const uses = [[r.batches, '次备汛检查'], [r.findings, '条检查发现的问题'], [r.plans, '个方案预案'], [r.tasks, '条应急响应任务'], [r.transfers, '条人员转移记录']]
      .filter(([n]) => Number(n) > 0).map(([n, what]) => `${n} ${what}`);
    if (uses.length) throw conflict(`「${before.name}」已有 ${uses.join('、')}，不能删除；设施报废或移交时请修改其信息并在名称中注明`, 'Facility is referenced');
    await deleteFacilityRow(tx, id);
    await audit(ctx, tx, { action: 'flood.facility.delete', entityType: 'flood_facility', entityId: id, regionCode: before.regionCode, before });
  });
}

/** Form an inspection team (备汛检查组). */
export async function createTeam(ctx: Ctx, input: TeamInput) {
  keepsRegistry(ctx);
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await regionIn(ctx, tx, input.regionCode, input.level === 'county' ? ['county'] : ['town']);
    if (await tx.maybeOne(sql`select 1 from flood_inspection_teams where name = ${input.name}`)) throw conflict(`检查组「${input.name}」已存在`, 'Duplicate team');
    await tx.execute(sql`insert into flood_inspection_teams (id, name, level, region_code, leader, members) values (${id}, ${input.name}, ${input.level}, ${input.regionCode},
      ${input.leader}, ${JSON.stringify(input.members)})`);
    await audit(ctx, tx, { action: 'flood.team.create', entityType: 'flood_team', entityId: id, regionCode: input.regionCode, after: input });
  });
  return { id, ...input };
}

/** Record an inspection batch: the team, the day and the facilities it covered. */
export async function createBatch(ctx: Ctx, input: BatchInput) {
  keepsRegistry(ctx);
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await regionIn(ctx, tx, input.regionCode, input.level === 'county' ? ['county', 'town'] : ['town']);
    const team = await findTeam(tx, input.teamId);
    if (!team) throw badRequest('检查组不存在，请先建立检查组', 'Unknown team');
    if (input.level === 'county' && team.level !== 'county') throw badRequest(`「${team.name}」是镇级自查组，县级检查须由县级检查组开展`, 'County batch needs a county team');
    if (input.inspectedOn > shanghaiDate(ctx.clock())) throw badRequest('检查日期不能晚于今天', 'Inspection date in the future');
    const ids = [...new Set(input.facilityIds)];
    const found = await facilitiesIn(tx, ctx.actor.scope, ids, input.regionCode);
    if (found.length !== ids.length) throw badRequest(`有 ${ids.length - found.length} 处设施不存在或不在本批次的检查区域内，请重新选择`, 'Facilities outside the batch region');
    const season = Number(input.inspectedOn.slice(0, 4));
    const number = `BX-${season}-${String(await nextNumber(tx, 'flood_batch', season)).padStart(3, '0')}`;
    await insertBatch(tx, { id, number, season, level: input.level, team_id: team.id, region_code: input.regionCode, inspected_on: input.inspectedOn, note: input.note ?? null,
      created_by: ctx.actor.id ?? null }, ids);
    await audit(ctx, tx, { action: 'flood.batch.create', entityType: 'flood_batch', entityId: id, regionCode: input.regionCode, after: { number, ...input } });
  });
  return id;
}

/** A finding of a batch becomes a hazard (隐患) at the facility, so the season's counts come from hazard records. */
export async function addFinding(ctx: Ctx, batchId: string, input: FindingInput) {
  keepsRegistry(ctx);
  const h = await ctx.db.tx(async (tx: Tx) => {
    const b = await findBatch(tx, ctx.actor.scope, batchId);
    if (!b) throw notFound('检查批次', 'Inspection batch');
    const inBatch = await tx.maybeOne(sql`select 1 from flood_batch_facilities where batch_id = ${batchId} and facility_id = ${input.facilityId}`);
    if (!inBatch) throw badRequest('该设施不在本批次检查范围内，请先选择本批次检查的设施', 'Facility not in this batch');
    const f = (await findFacility(tx, ctx.actor.scope, input.facilityId))!;
    const hazard = await reportHazardIn(ctx, tx, {
      regionCode: f.regionCode, placeName: f.name, lng: f.lng ?? undefined, lat: f.lat ?? undefined, title: input.title, description: input.description,
      foundBy: b.teamName, source: 'supervision', sector: 'other', category: '防汛', level: 'general', photos: input.photos,
    });
    await tx.execute(sql`insert into flood_batch_findings (hazard_id, batch_id, facility_id) values (${hazard.id}, ${batchId}, ${f.id})`);
    await audit(ctx, tx, { action: 'flood.batch.finding', entityType: 'flood_batch', entityId: batchId, regionCode: b.regionCode, after: { hazardId: hazard.id, number: hazard.number, facilityId: f.id } });
    return hazard;
  });
  await ctx.events.publish({ type: 'hazard.reported', regionCode: h.region_code, enterpriseId: null, data: { id: h.id, number: h.number, status: h.status } });
  return h;
}

/** Register a flood plan (方案预案); it hangs under the county's 防汛抗旱 special plan when one exists. */
export async function createPlan(ctx: Ctx, input: PlanInput) {
  keepsRegistry(ctx);
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    await regionIn(ctx, tx, input.regionCode, ['town', 'village']);
    if (input.level === 'facility' && !input.facilityId) throw badRequest('工程（设施）预案须选择所属设施', 'A facility plan needs its facility');
    if (input.facilityId && !(await findFacility(tx, ctx.actor.scope, input.facilityId))) throw badRequest('所选设施不存在或不在您的管辖范围内', 'Unknown facility');
    if (input.revisedOn > shanghaiDate(ctx.clock())) throw badRequest('修订日期不能晚于今天', 'Revision date in the future');
    const parent = await countyFloodPlan(tx);
    await tx.execute(sql`insert into flood_plans (id, level, title, region_code, facility_id, command_plan_id, revised_on)
      values (${id}, ${input.level}, ${input.title}, ${input.regionCode}, ${input.facilityId ?? null}, ${parent?.id ?? null}, ${input.revisedOn})`);
    await audit(ctx, tx, { action: 'flood.plan.create', entityType: 'flood_plan', entityId: id, regionCode: input.regionCode, after: input });
  });
  return id;
}

const TASKS: Record<string, (level: string) => string> = {
  admin: (l) => `防汛${l}应急响应已启动：请立即到岗履行行政责任，组织落实值守、巡查和危险区群众转移。`,
  tech: (l) => `防汛${l}应急响应已启动：请加密观测水位、雨量和工程险情，及时提出技术处置意见。`,
  patrol: (l) => `防汛${l}应急响应已启动：请按规定加密巡查，发现险情立即报告。`,
};
const ROLE_KEYS = Object.keys(RESPONSIBLE_ROLES) as (keyof typeof RESPONSIBLE_ROLES)[];

interface TaskDraft { id: string; facility_id: string; region_code: string; role: string; person_name: string; phone: string; task: string; account_id: string | null }

/** Send the tasks' messages: people with an account get in-app + SMS with 叫应; the others an SMS. Returns ids per task. */
async function sendTasks(ctx: Ctx, tx: Tx, title: string, link: string, tasks: TaskDraft[]): Promise<Map<string, string[]>> {
  const ids = new Map<string, string[]>();
  for (const t of tasks.filter((x) => x.account_id)) {
    ids.set(t.id, await ctx.notify.send(tx, { accountIds: [t.account_id!], title, body: t.task, link, regionCode: t.region_code, channels: ['inapp', 'sms'], ackRequired: true }));
  }
  // Phone-only people: one outbox insert per distinct text; the outbox dedupes phones, so map each phone to its id.
  const byText = new Map<string, TaskDraft[]>();
  for (const t of tasks.filter((x) => !x.account_id)) byText.set(t.task, [...(byText.get(t.task) ?? []), t]);
  for (const [body, group] of byText) {
    const phones = [...new Set(group.map((t) => t.phone))];
    const sent = await ctx.notify.send(tx, { accountIds: [], phones, title, body, link, channels: ['sms'] });
    const idOf = new Map(phones.map((p, i) => [p, sent[i]]));
    for (const t of group) ids.set(t.id, [idOf.get(t.phone)!]);
  }
  return ids;
}

/** Start a flood response: record the level, give every responsible person in the covered towns their task, open transfers. */
export async function startResponse(ctx: Ctx, input: ResponseInput) {
  keepsRegistry(ctx);
  const towns = [...new Set(input.townCodes)];
  const level = RESPONSE_LEVELS[input.level as keyof typeof RESPONSE_LEVELS];
  const id = uuidv7();
  const now = ctx.clock();
  const number = await ctx.db.tx(async (tx) => {
    for (const t of towns) await regionIn(ctx, tx, t, ['town']);
    if (input.incidentId && !(await tx.maybeOne(sql`select 1 from incidents where id = ${input.incidentId}`))) throw badRequest('关联的突发事件不存在', 'Unknown incident');
    const year = Number(shanghaiDate(now).slice(0, 4));
    const number = `FXXY-${year}-${String(await nextNumber(tx, 'flood_response', year)).padStart(3, '0')}`;
    const regionCode = towns.length === 1 ? towns[0] : (await tx.one<{ parent_code: string }>(sql`select parent_code from regions where code = ${towns[0]}`)).parent_code;
    await tx.execute(sql`insert into flood_responses (id, number, level, region_code, town_codes, reason, incident_id, started_at, started_by)
      values (${id}, ${number}, ${input.level}, ${regionCode}, ${towns}, ${input.reason}, ${input.incidentId ?? null}, ${now.toISOString()}, ${ctx.actor.id ?? null})`);
    const prefixes = towns.map((t) => t.slice(0, 9) + '%');
    const facilities = await tx.query<{ id: string; region_code: string; kind: string; people_at_risk: number | null; admin_name: string; admin_phone: string;
      tech_name: string | null; tech_phone: string | null; patrol_name: string; patrol_phone: string }>(sql`select id, region_code, kind, people_at_risk, admin_name, admin_phone,
      tech_name, tech_phone, patrol_name, patrol_phone from flood_facilities where region_code like any(${prefixes}::text[]) order by region_code, name`);
    const accounts = new Map((await tx.query<{ id: string; phone: string }>(sql`select id, phone from accounts where not disabled and phone = any(${[
      ...new Set(facilities.flatMap((f) => [f.admin_phone, f.tech_phone, f.patrol_phone]).filter(Boolean))]}::text[])`)).map((a) => [a.phone, a.id]));
    const drafts: TaskDraft[] = facilities.flatMap((f) => ROLE_KEYS.flatMap((role) => {
      const name = f[`${role}_name`]; const phone = f[`${role}_phone`];
      return name && phone ? [{ id: uuidv7(), facility_id: f.id, region_code: f.region_code, role, person_name: name, phone, task: TASKS[role](level), account_id: accounts.get(phone) ?? null }] : [];
    }));
    const sent = await sendTasks(ctx, tx, `防汛${level}应急响应 ${number}`, `/disaster/flood?tab=response&id=${id}`, drafts);
    for (let i = 0; i < drafts.length; i += 2000) {
      const part = drafts.slice(i, i + 2000);
      await tx.execute(sql`insert into flood_response_tasks (id, response_id, facility_id, region_code, role, person_name, phone, task, account_id, notification_ids, last_sent_at)
        select t.id, ${id}, t.facility_id, t.region_code, t.role, t.person_name, t.phone, t.task, t.account_id, array(select jsonb_array_elements_text(t.nids)::uuid), ${now.toISOString()}
        from unnest(${part.map((d) => d.id)}::uuid[], ${part.map((d) => d.facility_id)}::uuid[], ${part.map((d) => d.region_code)}::text[], ${part.map((d) => d.role)}::text[],
          ${part.map((d) => d.person_name)}::text[], ${part.map((d) => d.phone)}::text[], ${part.map((d) => d.task)}::text[], ${part.map((d) => d.account_id)}::uuid[],
          ${part.map((d) => JSON.stringify(sent.get(d.id) ?? []))}::jsonb[]) as t(id, facility_id, region_code, role, person_name, phone, task, account_id, nids)`);
    }
    await tx.execute(sql`insert into flood_transfers (response_id, facility_id, region_code, planned, updated_at)
      select ${id}, f.id, f.region_code, coalesce(f.people_at_risk, 0), ${now.toISOString()} from flood_facilities f
      where f.kind = 'torrent_point' and f.region_code like any(${prefixes}::text[])`);
    await audit(ctx, tx, { action: 'flood.response.start', entityType: 'flood_response', entityId: id, regionCode, after: { number, ...input, tasks: drafts.length } });
    return number;
  });
  await ctx.events.publish({ type: 'flood.response.started', regionCode: towns[0], data: { id, number, level: input.level } });
  return { id, number };
}

async function openResponse(ctx: Ctx, tx: Queryable, id: string) {
  const r = await findResponse(tx, ctx.actor.scope, id);
  if (!r) throw notFound('防汛应急响应', 'Flood response');
  if (r.ended_at) throw conflict(`应急响应 ${r.number} 已结束，不能再操作`, 'Response already ended');
  return r;
}

/** Send again to everyone in the caller's scope who has not confirmed (叫应未回复的重发). */
export async function resendUnacked(ctx: Ctx, id: string) {
  keepsRegistry(ctx);
  return ctx.db.tx(async (tx) => {
    const r = await openResponse(ctx, tx, id);
    const rows = await unackedTasks(tx, ctx.actor.scope, id);
    const level = RESPONSE_LEVELS[r.level as keyof typeof RESPONSE_LEVELS];
    const sent = await sendTasks(ctx, tx, `【再次提醒】防汛${level}应急响应 ${r.number}`, `/disaster/flood?tab=response&id=${id}`,
      rows.map((t) => ({ ...t, facility_id: '', person_name: '' })));
    const now = ctx.clock().toISOString();
    // One statement for all: each task gets its new message ids appended (as JSON, since arrays of arrays are not ragged).
    await tx.execute(sql`update flood_response_tasks k set sent_count = sent_count + 1, last_sent_at = ${now},
        notification_ids = k.notification_ids || array(select jsonb_array_elements_text(u.nids)::uuid)
      from unnest(${rows.map((t) => t.id)}::uuid[], ${rows.map((t) => JSON.stringify(sent.get(t.id) ?? []))}::jsonb[]) as u(id, nids) where k.id = u.id`);
    await audit(ctx, tx, { action: 'flood.response.resend', entityType: 'flood_response', entityId: id, regionCode: r.region_code, after: { resent: rows.length } });
    return { resent: rows.length };
  });
}

/** Record a confirmation: by the person themselves, or by the duty officer who reached them by phone. */
export async function ackTask(ctx: Ctx, id: string, taskId: string, note?: string) {
  await ctx.db.tx(async (tx) => {
    await openResponse(ctx, tx, id);
    const t = await findTask(tx, ctx.actor.scope, id, taskId);
    if (!t) throw notFound('响应任务', 'Response task');
    if (t.acked_at) throw conflict('该责任人已确认，无需重复确认', 'Already acknowledged');
    await tx.execute(sql`update flood_response_tasks set acked_at = ${ctx.clock().toISOString()}, ack_note = ${note ?? (t.account_id === ctx.actor.id ? '本人确认' : `${ctx.actor.name} 电话确认`)} where id = ${taskId}`);
    await audit(ctx, tx, { action: 'flood.response.ack', entityType: 'flood_response_task', entityId: taskId, regionCode: t.region_code, after: { note } });
  });
}

/** Update the transfer of people at risk at one danger point (planned, transferred, returned). */
export async function updateTransfer(ctx: Ctx, id: string, facilityId: string, input: TransferInput) {
  if (input.returned > input.transferred) throw badRequest('返回人数不能多于已转移人数', 'Returned exceeds transferred');
  await ctx.db.tx(async (tx) => {
    const r = await findResponse(tx, ctx.actor.scope, id);
    if (!r) throw notFound('防汛应急响应', 'Flood response');
    const before = await tx.maybeOne<{ region_code: string; planned: number; transferred: number; returned: number }>(sql`select region_code, planned, transferred, returned
      from flood_transfers where response_id = ${id} and facility_id = ${facilityId}`);
    if (!before || !inScope(ctx.actor, { regionCode: before.region_code })) throw notFound('该危险区的转移记录', 'Transfer');
    await tx.execute(sql`update flood_transfers set planned = ${input.planned}, transferred = ${input.transferred}, returned = ${input.returned}, updated_at = ${ctx.clock().toISOString()}
      where response_id = ${id} and facility_id = ${facilityId}`);
    await audit(ctx, tx, { action: 'flood.transfer.update', entityType: 'flood_response', entityId: id, regionCode: before.region_code, before, after: { facilityId, ...input } });
  });
}

/** End a response (终止响应). */
export async function endResponse(ctx: Ctx, id: string) {
  keepsRegistry(ctx);
  await ctx.db.tx(async (tx) => {
    const r = await openResponse(ctx, tx, id);
    await tx.execute(sql`update flood_responses set ended_at = ${ctx.clock().toISOString()} where id = ${id}`);
    await audit(ctx, tx, { action: 'flood.response.end', entityType: 'flood_response', entityId: id, regionCode: r.region_code });
  });
}
