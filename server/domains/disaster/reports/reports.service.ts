// 灾情报送: events, reports entered by the village or town officer, reviewed up the tree (village → town → county)
// with send-back, the event's summary without double counting, and the time limits with overdue flags.
import { DISASTER_KINDS, INDICATORS, REPORT_STAGES, type DisasterEventInput, type ReportInput } from '../../../../contracts/disaster.js';
import { recipientIds } from '../../../platform/auth/accounts.store.js';
import { inScope, regionWithin } from '../../../platform/auth/scope.js';
import { audit, type Ctx, type Platform } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { actorLevel, iso, levelOfCode, takeNumber, townOf, type Level } from '../common.js';
import { deadlines, REPORT_DEADLINES, sumFigures, townFigure, type DeadlineRule, type Due } from './aggregate.js';
import {
  addAreas, addTrail, findEvent, findReport, flagOverdue, insertEvent, insertReport, listEvents, markStable, regionBrief, regionNames, reportsOf, setEventRegion, setStatus, trailOf, updateReport, watchedEvents,
  type EventFilter, type EventRow, type ReportRow,
} from './reports.store.js';

const label = (t: readonly { code: string; label: string }[], c: string) => t.find((x) => x.code === c)?.label ?? c;

/** Row → API shape. */
/** Row → API shape; `dues` are the time limits the viewer is shown (see viewerDues). */
export const presentEvent = (e: EventRow, dues: readonly Due[] = []) => ({
  id: e.id, number: e.number, name: e.name, kind: e.kind, startedAt: iso(e.started_at)!, regionCode: e.region_code, regionName: e.region_name, description: e.description,
  stableAt: iso(e.stable_at), areas: e.areas, reports: e.reports, pending: e.pending,
  overdue: dues.filter((d) => !d.met && d.overdue).length, due: dues.filter((d) => !d.met && !d.overdue).length,
});
export const presentReport = (r: ReportRow) => ({
  id: r.id, eventId: r.event_id, eventName: r.event_name, regionCode: r.region_code, regionName: r.region_name, townName: r.town_name ?? '', level: r.level, stage: r.stage,
  status: r.status, asOf: iso(r.as_of)!, figures: r.figures, description: r.description, reporterName: r.reporter_name, submittedAt: iso(r.submitted_at)!,
  approvedAt: iso(r.approved_at), unconfirmed: r.status !== 'approved',
});

/** The towns an event struck (an area that is a village counts for its town). */
const townsOf = (e: EventRow) => [...new Set(e.areas.map((a) => townOf(a.regionCode)))].sort();

export async function eventDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const e = await findEvent(db, ctx.actor.scope, id);
  if (!e) throw notFound('灾害事件', 'Disaster event');
  return presentEvent(e, await viewerDues(ctx, db, e));
}

/** A town's time limit concerns a viewer (or a region filter) whose region lies in the town or contains it. */
const concerns = (town: string, code: string) => regionWithin(town, code) || regionWithin(code, town);

/** The time limits of the struck towns the caller's scope and the region filter cover (the county sees all). */
export async function viewerDues(ctx: Ctx, db: Queryable, e: EventRow, regionCode?: string, rule?: DeadlineRule): Promise<Due[]> {
  const scope = ctx.actor.scope;
  if (scope.kind !== 'all' && scope.kind !== 'region') return [];
  return (await eventDeadlines(ctx, db, e, rule)).filter((d) => (scope.kind === 'all' || concerns(d.regionCode, scope.regionCode!))
    && (!regionCode || concerns(d.regionCode, regionCode)));
}

/** The events list: `watched` keeps the events whose time limits still run (not yet stable, or inside the 核报 days). */
export async function eventList(ctx: Ctx, q: EventFilter & { watched?: boolean }, page: number, pageSize: number) {
  // The rule is read once for the page, not once per event.
  const rule = (await ruleValue(ctx.db, REPORT_DEADLINES, ctx.clock())).value;
  const stableSince = q.watched ? new Date(ctx.clock().getTime() - rule.finalDays * 86400_000) : undefined;
  const { items, total } = await listEvents(ctx.db, ctx.actor.scope, { ...q, stableSince }, page, pageSize);
  const out = [];
  for (const e of items) out.push(presentEvent(e, await viewerDues(ctx, ctx.db, e, q.regionCode, rule)));
  return { items: out, total, page, pageSize };
}

async function eventDeadlines(p: Pick<Platform, 'clock'>, db: Queryable, e: EventRow, rule?: DeadlineRule): Promise<Due[]> {
  const value = rule ?? (await ruleValue(db, REPORT_DEADLINES, p.clock())).value;
  return deadlines(e, townsOf(e), await reportsOf(db, e.id), value, p.clock());
}

/** The struck areas as given: existing towns or villages inside the caller's region, each once. */
async function checkAreas(ctx: Ctx, tx: Queryable, given: string[]) {
  const areas = [...new Set(given)];
  const found = await regionNames(tx, areas);
  if (found.length !== areas.length) throw badRequest('受灾区域中有不存在的区划代码', 'Unknown area');
  for (const a of areas) {
    if (!['town', 'village'].includes(levelOfCode(a))) throw badRequest('受灾区域应选择乡镇或村（社区）', 'Areas are towns or villages');
    if (!inScope(ctx.actor, { regionCode: a })) throw badRequest(`受灾区域${found.find((f) => f.code === a)?.name ?? a}超出您的管辖范围`, 'Area out of scope');
  }
  return areas;
}

/** The region an event is filed under: its one town, or the county when it struck several. */
const eventRegion = (towns: string[]) => (towns.length === 1 ? towns[0] : towns[0].slice(0, 6) + '000000');

/** Open an event with its struck areas (towns or villages); the county or a town (for its own area) opens it. */
export async function createEvent(ctx: Ctx, input: DisasterEventInput) {
  const level = actorLevel(ctx.actor.scope);
  if (level !== 'county' && level !== 'town') throw forbidden('灾害事件由县级或乡镇登记，村（社区）信息员请直接报送灾情', 'Events are opened by the county or a town');
  return ctx.db.tx(async (tx) => {
    const areas = await checkAreas(ctx, tx, input.areas);
    if (Number.isNaN(Date.parse(input.startedAt)) || Date.parse(input.startedAt) > ctx.clock().getTime()) throw badRequest('灾害发生时间不能晚于当前时间', 'Start in the future');
    const towns = [...new Set(areas.map(townOf))];
    const id = uuidv7();
    const year = new Date(Date.parse(input.startedAt) + 8 * 3600_000).getUTCFullYear();
    const number = await takeNumber(tx, 'disaster_events', 'disaster_event', year, (n) => `灾〔${year}〕${n}号`);
    await insertEvent(tx, { id, number, name: input.name.trim(), kind: input.kind, started_at: new Date(input.startedAt).toISOString(),
      region_code: eventRegion(towns), description: input.description?.trim() ?? '', by: ctx.actor.id }, areas);
    await audit(ctx, tx, { action: 'disaster.event.create', entityType: 'disaster_event', entityId: id, regionCode: towns.length === 1 ? towns[0] : undefined, after: { number, ...input } });
    return eventDetail(ctx, id, tx);
  });
}

/** Add struck areas to an event (the disaster spread, or a village was found struck later): the county, or a town for its own area. */
export async function addEventAreas(ctx: Ctx, id: string, given: string[]) {
  const level = actorLevel(ctx.actor.scope);
  if (level !== 'county' && level !== 'town') throw forbidden('受灾区域由县级或乡镇补充', 'Areas are added by the county or a town');
  return ctx.db.tx(async (tx) => {
    const e = await findEvent(tx, ctx.actor.scope, id);
    if (!e) throw notFound('灾害事件', 'Disaster event');
    if (e.stable_at) throw new AppError(409, 'illegal_move', '灾情已确认稳定，不能再补充受灾区域；如有新的灾情请登记新的灾害事件', 'Event already stable');
    const areas = (await checkAreas(ctx, tx, given)).filter((a) => !e.areas.some((x) => x.regionCode === a));
    if (!areas.length) throw badRequest('所选区域已在本次灾害的受灾区域内', 'Nothing new');
    await addAreas(tx, id, areas);
    const towns = [...new Set([...e.areas.map((a) => a.regionCode), ...areas].map(townOf))].sort();
    if (eventRegion(towns) !== e.region_code) await setEventRegion(tx, id, eventRegion(towns));
    await audit(ctx, tx, { action: 'disaster.event.areas', entityType: 'disaster_event', entityId: id, regionCode: towns.length === 1 ? towns[0] : undefined,
      before: { areas: e.areas.map((a) => a.regionCode) }, after: { added: areas } });
    return eventDetail(ctx, id, tx);
  });
}

/** The situation is stable: 续报 stop and the 核报 clock starts (county only). */
export async function stabiliseEvent(ctx: Ctx, id: string) {
  if (actorLevel(ctx.actor.scope) !== 'county') throw forbidden('灾情稳定由县级确认', 'Only the county declares an event stable');
  return ctx.db.tx(async (tx) => {
    const e = await findEvent(tx, ctx.actor.scope, id);
    if (!e) throw notFound('灾害事件', 'Disaster event');
    if (!(await markStable(tx, id, ctx.clock().toISOString()))) throw new AppError(409, 'illegal_move', '该事件已确认灾情稳定', 'Already stable');
    await audit(ctx, tx, { action: 'disaster.event.stable', entityType: 'disaster_event', entityId: id, before: { stableAt: null }, after: { stableAt: ctx.clock().toISOString() } });
    return eventDetail(ctx, id, tx);
  });
}

/** Which step of the chain a caller may take on a report: the town reviews its villages; the county reviews what the town passed and the towns' own reports. */
function reviewerMay(level: Level | null, r: ReportRow): boolean {
  if (level === 'town') return r.level === 'village' && r.status === 'submitted';
  if (level === 'county') return (r.level === 'village' && r.status === 'town_approved') || (r.level === 'town' && r.status === 'submitted');
  return false;
}
/** The reporter's side (the region's own officer, or its town/county filing for it) may correct a report before it is approved. */
const editorMay = (level: Level | null, r: ReportRow) => level !== null && (r.status === 'returned' || (r.status === 'submitted' && level === r.level));
/** A report filed by a level above its region starts as already reviewed by that level. */
const initialStatus = (filer: Level, region: 'village' | 'town') => (filer === 'county' ? 'approved' : filer === 'town' && region === 'village' ? 'town_approved' : 'submitted');

export async function reportDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const r = await findReport(db, ctx.actor.scope, id);
  if (!r) throw notFound('灾情报告', 'Report');
  const level = actorLevel(ctx.actor.scope);
  const write = ctx.actor.permissions.has('disaster:write');
  return { ...presentReport(r), trail: (await trailOf(db, id)).map((t) => ({ action: t.action, fromStatus: t.from_status, toStatus: t.to_status, note: t.note, actorName: t.actor_name, at: iso(t.at)! })),
    canApprove: write && reviewerMay(level, r), canReturn: write && reviewerMay(level, r), canEdit: write && editorMay(level, r) };
}

function checkFigures(f: Record<string, number | undefined>) {
  const n = (k: string) => f[k] ?? 0;
  if (n('cropDamagedHa') > n('cropAffectedHa') || n('cropLostHa') > n('cropDamagedHa')) throw badRequest('农作物面积应满足：绝收 ≤ 成灾 ≤ 受灾', 'Crop areas: lost ≤ damaged ≤ affected');
  for (const i of INDICATORS) if (!('decimal' in i) && !Number.isInteger(n(i.key))) throw badRequest(`${i.label}应为整数`, `${i.key} must be an integer`);
  if (n('deaths') + n('missing') + n('relocated') > 0 && n('affectedPeople') === 0) throw badRequest('有死亡、失踪或转移安置人口时，受灾人口不能为 0', 'Affected people missing');
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Record<string, number>;
}

/** File a 初报/续报/核报 for a village or a town within the event's areas. */
export async function submitReport(ctx: Ctx, input: ReportInput) {
  const level = actorLevel(ctx.actor.scope);
  if (!level) throw forbidden('只有县、乡镇、村（社区）账号可以报送灾情', 'Only county, town and village accounts report');
  return ctx.db.tx(async (tx) => {
    const e = await findEvent(tx, ctx.actor.scope, input.eventId);
    if (!e) throw notFound('灾害事件', 'Disaster event');
    const region = await regionBrief(tx, input.regionCode);
    if (!region || (region.level !== 'village' && region.level !== 'town')) throw badRequest('灾情按村（社区）或乡镇报送，请选择村（社区）或乡镇', 'Report for a village or a town');
    if (!inScope(ctx.actor, { regionCode: region.code })) throw badRequest('只能报送本辖区的灾情', 'Region out of scope');
    if (!townsOf(e).includes(townOf(region.code)) || (region.level === 'village' && e.areas.every((a) => a.regionCode !== region.code && a.regionCode !== townOf(region.code)))) {
      throw badRequest(`${region.name}不在本次灾害的受灾区域内，请先由乡镇或县级补充受灾区域`, 'Region not struck by this event');
    }
    if (input.stage === 'final' && !e.stable_at) throw badRequest('灾情稳定后才能报送核报，请继续报送续报', 'Final report only after the event is stable');
    const asOf = new Date(input.asOf);
    if (asOf.getTime() > ctx.clock().getTime() + 5 * 60_000 || asOf < new Date(e.started_at)) throw badRequest('统计截至时间应在灾害发生之后、当前时间之前', 'As-of out of range');
    const figures = checkFigures(input.figures);
    const id = uuidv7();
    const at = ctx.clock().toISOString();
    const status = initialStatus(level, region.level as 'village' | 'town');
    await insertReport(tx, id, { event_id: e.id, region_code: region.code, level: region.level, stage: input.stage, status, as_of: asOf.toISOString(), figures,
      description: input.description?.trim() ?? '' }, { id: ctx.actor.id, name: ctx.actor.name }, at);
    await addTrail(tx, { id: uuidv7(), report_id: id, action: 'submit', from_status: null, to_status: status, note: null, actor_id: ctx.actor.id, actor_name: ctx.actor.name, at });
    await audit(ctx, tx, { action: 'disaster.report.submit', entityType: 'disaster_report', entityId: id, regionCode: region.code,
      after: { event: e.number, stage: label(REPORT_STAGES, input.stage), status, figures } });
    return reportDetail(ctx, id, tx);
  });
}

/** Correct a report sent back (or not yet reviewed) and send it again. */
export async function resubmitReport(ctx: Ctx, id: string, input: Omit<ReportInput, 'eventId' | 'regionCode'>) {
  const level = actorLevel(ctx.actor.scope);
  return ctx.db.tx(async (tx) => {
    const r = await findReport(tx, ctx.actor.scope, id);
    if (!r) throw notFound('灾情报告', 'Report');
    if (!editorMay(level, r)) throw new AppError(409, 'illegal_move', '该报告已审核，不能修改；如数据有变化请报送续报', 'Report already reviewed');
    const figures = checkFigures(input.figures);
    const status = initialStatus(level!, r.level as 'village' | 'town');
    const at = ctx.clock().toISOString();
    await updateReport(tx, id, { stage: input.stage, status, as_of: new Date(input.asOf).toISOString(), figures, description: input.description?.trim() ?? '' }, at);
    await addTrail(tx, { id: uuidv7(), report_id: id, action: 'resubmit', from_status: r.status, to_status: status, note: null, actor_id: ctx.actor.id, actor_name: ctx.actor.name, at });
    await audit(ctx, tx, { action: 'disaster.report.resubmit', entityType: 'disaster_report', entityId: id, regionCode: r.region_code, before: presentReport(r), after: { status, figures } });
    return reportDetail(ctx, id, tx);
  });
}

/** Approve (the town passes a village's report to the county; the county confirms) or send back with a reason. */
export async function reviewReport(ctx: Ctx, id: string, decision: 'approve' | 'return', note?: string) {
  const level = actorLevel(ctx.actor.scope);
  return ctx.db.tx(async (tx) => {
    const r = await findReport(tx, ctx.actor.scope, id);
    if (!r) throw notFound('灾情报告', 'Report');
    if (!reviewerMay(level, r)) {
      throw new AppError(409, 'illegal_move', r.status === 'approved' ? '该报告已经县级审核' : level === 'village' ? '村（社区）不能审核灾情报告' : '该报告不在您这一级的待审环节', 'Not yours to review now');
    }
    const to = decision === 'return' ? 'returned' : level === 'town' ? 'town_approved' : 'approved';
    const at = ctx.clock().toISOString();
    if (!(await setStatus(tx, id, r.status, to, decision === 'approve' ? at : null))) throw new AppError(409, 'conflict', '报告状态已变化，请刷新后重试', 'Changed meanwhile');
    await addTrail(tx, { id: uuidv7(), report_id: id, action: decision, from_status: r.status, to_status: to, note: note?.trim() || null, actor_id: ctx.actor.id, actor_name: ctx.actor.name, at });
    await audit(ctx, tx, { action: `disaster.report.${decision}`, entityType: 'disaster_report', entityId: id, regionCode: r.region_code, before: { status: r.status }, after: { status: to, note } });
    return reportDetail(ctx, id, tx);
  });
}

/** The event's summary: each struck town's figure (see townFigure) and the county total, with the time limits. */
export async function eventSummary(ctx: Ctx, id: string) {
  const e = await findEvent(ctx.db, ctx.actor.scope, id);
  if (!e) throw notFound('灾害事件', 'Disaster event');
  const reports = (await reportsOf(ctx.db, id)).filter((r) => inScope(ctx.actor, { regionCode: r.region_code }));
  const towns = townsOf(e).filter((t) => inScope(ctx.actor, { regionCode: t }) || ctx.actor.scope.kind === 'all');
  const names = new Map((await regionNames(ctx.db, [...towns, ...e.areas.map((a) => a.regionCode)])).map((r) => [r.code, r.name]));
  const rows = towns.map((t) => townFigure(t, reports));
  const dues = await viewerDues(ctx, ctx.db, e);
  const SOURCE = { town: '乡镇报送', villages: '村（社区）汇总', none: '尚未报送' } as const;
  return {
    event: presentEvent(e, dues), asOf: ctx.clock().toISOString(),
    towns: rows.map((r) => ({ regionCode: r.regionCode, regionName: names.get(r.regionCode) ?? r.regionCode, source: SOURCE[r.source], villages: r.villages, figures: r.figures, unconfirmed: r.unconfirmed })),
    total: { regionCode: '430699000000', regionName: '合计', source: `${rows.filter((r) => r.source !== 'none').length}/${rows.length} 个乡镇`, villages: rows.reduce((a, r) => a + r.villages, 0),
      figures: sumFigures(rows.map((r) => r.figures)), unconfirmed: rows.some((r) => r.unconfirmed) },
    deadlines: dues.filter((d) => towns.includes(d.regionCode)).map((d) => ({ regionCode: d.regionCode, regionName: names.get(d.regionCode) ?? d.regionCode, stage: d.stage,
      dueAt: d.dueAt.toISOString(), overdue: d.overdue, met: d.met })),
  };
}

/** The scan (a durable job): flag each newly overdue time limit once and tell the town's accounts. */
export async function scanDisasterDeadlines(p: Platform): Promise<number> {
  const now = p.clock();
  let flagged = 0;
  await p.db.tx(async (tx) => {
    for (const e of await watchedEvents(tx, new Date(now.getTime() - 30 * 86400_000))) {
      for (const d of await eventDeadlines(p, tx, e)) {
        if (!d.overdue || d.met) continue;
        if (!(await flagOverdue(tx, { event_id: e.id, region_code: d.regionCode, stage: d.stage, due_at: d.dueAt.toISOString() }, now.toISOString()))) continue;
        flagged++;
        const to = await recipientIds(tx, { regionCode: d.regionCode, regionRoles: ['town'] });
        if (to.length) await p.notify.send(tx, { accountIds: to, channels: ['inapp', 'sms'], regionCode: d.regionCode, link: `/disaster/reports?eventId=${e.id}`,
          title: '灾情报送逾期', body: `${e.name}（${e.number}）：${label(REPORT_STAGES, d.stage)}应于 ${new Date(d.dueAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} 前报送，已逾期，请立即报送。` });
      }
    }
  });
  return flagged;
}

/** Register the scan every 15 minutes. */
export function scheduleDisasterScan(p: Platform) {
  p.jobs.register('disaster.scan', async () => { await scanDisasterDeadlines(p); });
  p.jobs.every('disaster.scan', 15 * 60_000, 'disaster.scan');
}
export const kindLabel = (c: string) => label(DISASTER_KINDS, c);
