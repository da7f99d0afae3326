// 信息报送 rules: which reports an incident owes and by when (初报 after intake, 定时续报 when the rule is on, 终报 after
// the response ends), drafting from the incident's record, approval by someone other than the drafter, and sending to
// the configured upper-level recipients (notify outbox), each logged on the incident's timeline.
import { INCIDENT_GRADES, INCIDENT_KINDS, LEVEL_LABELS } from '../../../../contracts/command-incidents.js';
import { REPORT_KINDS, type ReportContent, type ReportKind, type ReportStatus } from '../../../../contracts/command-reports.js';
import { can } from '../../../platform/auth/actor.js';
import { audit, type Ctx } from '../../../platform/context.js';
import { addDays } from '../../../platform/calendar/calendar.js';
import type { Queryable } from '../../../platform/db/db.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue, shanghaiDate } from '../../../platform/settings/rules.js';
import { defineMachine, nextState } from '../../../platform/workflow/state-machine.js';
import { peopleByIds } from '../duty/duty.store.js';
import { timelineSince } from '../duty/incident-extras.js';
import { shanghaiInstant } from '../duty/shifts.js';
import { appendTimeline, findIncidentBrief, type IncidentBrief } from '../incidents/directory.js';
import { REPORT_LIMITS, REPORT_ROUTING } from './reports.rules.js';
import { activeAccountIds, duesOf, insertDue, insertReport, lockIncidentReports, lockReport, meetDue, nextSeq, reportsOf, type ReportRow, updateReport } from './reports.store.js';

export const reportMachine = defineMachine<ReportStatus, 'submit' | 'approve' | 'return' | 'send'>({
  name: 'incident_report',
  stateLabels: { draft: '起草中', submitted: '待审核', approved: '已审核待报送', sent: '已报送' },
  moves: {
    submit: { from: ['draft'], to: 'submitted', label: '提交审核' },
    approve: { from: ['submitted'], to: 'approved', label: '审核通过' },
    return: { from: ['submitted'], to: 'draft', label: '退回修改' },
    send: { from: ['approved'], to: 'sent', label: '报送' },
  },
});

/** The incident the caller may see, or 404. */
export async function visibleIncident(ctx: Ctx, id: string, db: Queryable = ctx.db): Promise<IncidentBrief> {
  const brief = await findIncidentBrief(db, id, ctx.actor);
  if (!brief) throw notFound('事件', 'Incident');
  return brief;
}

const responseLabel = (b: IncidentBrief) => (b.responseLevel ? `${LEVEL_LABELS[b.responseLevel]}响应` : '未启动响应');
const kindTitle = (kind: ReportKind, seq: number) => (kind === 'follow_up' ? `续报（第${seq}次）` : REPORT_KINDS[kind]);

/** The next time of day from the list strictly after `after` (Asia/Shanghai). */
export function nextTimeOfDay(times: readonly string[], after: Date): Date | undefined {
  const day = shanghaiDate(after);
  return [day, addDays(day, 1)].flatMap((d) => times.map((t) => shanghaiInstant(d, t)))
    .filter((t) => t.getTime() > after.getTime()).sort((a, b) => a.getTime() - b.getTime())[0];
}

/** Add the deadlines an incident owes by now (idempotent): 初报 from intake, the next 定时续报 after the last, 终报 after termination. */
export async function ensureDues(tx: Queryable, b: IncidentBrief, now: Date): Promise<void> {
  const limits = await ruleValue(tx, REPORT_LIMITS, new Date(b.reportedAt));
  const dues = await duesOf(tx, [b.id]);
  const add = (kind: ReportKind, dueAt: Date, basis: string) =>
    insertDue(tx, { id: uuidv7(), incident_id: b.id, region_code: b.regionCode, kind, due_at: dueAt.toISOString(), basis });
  if (!dues.some((d) => d.kind === 'initial')) {
    const minutes = limits.value.initialMinutes[b.grade];
    await add('initial', new Date(Date.parse(b.reportedAt) + minutes * 60_000), `${limits.version}：${INCIDENT_GRADES[b.grade]}事件接报后${minutes}分钟内书面初报`);
  }
  const now_ = await ruleValue(tx, REPORT_LIMITS, now);
  if (now_.value.followUpTimed && now_.value.followUpTimes.length && (b.status === 'reported' || b.status === 'responding')) {
    const initialSent = (await reportsOf(tx, b.id)).find((r) => r.kind === 'initial' && r.sent_at);
    const follow = dues.filter((d) => d.kind === 'follow_up');
    const last = follow.length ? new Date(follow[follow.length - 1].due_at) : undefined;
    // One 定时续报 at a time: the next is set once the last one's time has come.
    if (initialSent && (!last || last.getTime() <= now.getTime())) {
      const at = nextTimeOfDay(now_.value.followUpTimes, last ?? new Date(initialSent.sent_at!));
      if (at) await add('follow_up', at, `${now_.version}：每日 ${now_.value.followUpTimes.join('、')} 定时续报`);
    }
  }
  const ended = b.terminatedAt ?? b.closedAt;
  if (ended && !dues.some((d) => d.kind === 'final')) {
    await add('final', new Date(Date.parse(ended) + now_.value.finalHours * 3600_000), `${now_.version}：响应终止后${now_.value.finalHours}小时内终报`);
  }
}

/** The kind the next report should be: 初报 first, 终报 once the response has ended, else 续报; null when 终报 exists. */
export function nextKindOf(b: IncidentBrief, reports: ReportRow[]): ReportKind | null {
  if (!reports.some((r) => r.kind === 'initial')) return 'initial';
  if (reports.some((r) => r.kind === 'final')) return null;
  return b.status === 'terminated' || b.status === 'closed' ? 'final' : 'follow_up';
}

/** A report's content drafted from the incident's record: the facts now, and the timeline since the last sent report. */
async function draftContent(ctx: Ctx, db: Queryable, b: IncidentBrief, kind: ReportKind, reports: ReportRow[]): Promise<ReportContent> {
  const routing = await ruleValue(db, REPORT_ROUTING, ctx.clock());
  const lastSentAt = reports.filter((r) => r.sent_at).map((r) => new Date(r.sent_at!)).sort((a, c) => c.getTime() - a.getTime())[0];
  const lines = (await timelineSince(db, b.id, kind === 'initial' ? undefined : lastSentAt)) ?? [];
  const [me] = ctx.actor.id ? await peopleByIds(db, [ctx.actor.id]) : [];
  const who = [b.dead && `死亡${b.dead}人`, b.injured && `受伤${b.injured}人`, b.missing && `失踪${b.missing}人`, b.trapped && `被困${b.trapped}人`].filter(Boolean).join('、');
  const occurred = new Date(b.occurredAt);
  const when = `${shanghaiDate(occurred).replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, d) => `${y}年${+m}月${+d}日`)}${new Date(occurred.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
  return {
    summary: `${when}，${b.address}${b.enterpriseName ? `（${b.enterpriseName}）` : ''}发生${INCIDENT_KINDS[b.kind] ?? '突发事件'}：${b.description}${who ? `。目前已造成${who}` : '。暂未发现人员伤亡'}。`,
    occurredAt: occurred.toISOString(), address: b.address, kindLabel: INCIDENT_KINDS[b.kind] ?? b.kind, gradeLabel: `${INCIDENT_GRADES[b.grade]}（${b.gradeRule}）`,
    responseLabel: responseLabel(b), dead: b.dead, injured: b.injured, missing: b.missing, trapped: b.trapped, relocated: b.relocated, lossWan: b.lossWan,
    measures: [b.responseLevel ? `已启动${responseLabel(b)}${b.planTitle ? `（${b.planTitle}）` : ''}` : '', b.relocated ? `已转移安置群众${b.relocated}人` : '']
      .filter(Boolean).join('；') || '正在组织核实、处置。',
    timeline: lines.slice(-200).map((l) => ({ at: new Date(l.at).toISOString(), text: l.text.slice(0, 500) })),
    nextSteps: kind === 'final' ? '做好善后处置、事故调查和总结评估工作。' : '继续做好现场处置，及时续报进展情况。',
    reporterUnit: routing.value.sender, contact: me?.display_name ?? ctx.actor.name, phone: me?.phone ?? '',
  };
}

/** Draft a report of a kind from the incident's record; returns its id. */
export async function draftReport(ctx: Ctx, incidentId: string, kind: ReportKind): Promise<string> {
  return ctx.db.tx(async (tx) => {
    const b = await visibleIncident(ctx, incidentId, tx);
    // Drafts of one incident are numbered one after another: two drafters at once wait for each other.
    await lockIncidentReports(tx, incidentId);
    const reports = await reportsOf(tx, incidentId);
    if (kind === 'initial' && reports.some((r) => r.kind === 'initial')) throw conflict('该事件已有初报，请起草续报', 'Initial report exists');
    if (kind !== 'initial' && !reports.some((r) => r.kind === 'initial')) throw conflict('请先起草并报送初报', 'Initial report first');
    if (kind === 'final' && !(b.status === 'terminated' || b.status === 'closed')) throw conflict('应急响应终止后才能起草终报', 'Response still active');
    if (reports.some((r) => r.kind === 'final')) throw conflict('该事件已有终报，不能再起草报告', 'Final report exists');
    if (reports.some((r) => r.status !== 'sent')) throw conflict('还有未报送的报告，请先报送或修改它', 'Unsent report exists');
    const now = ctx.clock();
    const routing = await ruleValue(tx, REPORT_ROUTING, now);
    const year = Number(shanghaiDate(now).slice(0, 4));
    const seq = await nextSeq(tx, incidentId, kind);
    const id = uuidv7();
    const content = await draftContent(ctx, tx, b, kind, reports);
    await insertReport(tx, { id, incident_id: incidentId, region_code: b.regionCode, kind, seq, number: `${routing.value.abbr}应急报〔${year}〕${await nextNumber(tx, 'command.report', year)}号`,
      title: `关于${b.title}的${kindTitle(kind, seq)}`, content, drafted_by: ctx.actor.id!, drafted_at: now.toISOString() });
    await audit(ctx, tx, { action: 'command.report.draft', entityType: 'incident_report', entityId: id, regionCode: b.regionCode, after: { incidentId, kind, seq } });
    return id;
  });
}

/** Edit a draft (the drafter only). */
export async function editReport(ctx: Ctx, incidentId: string, id: string, w: { title?: string; content?: ReportContent }): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const b = await visibleIncident(ctx, incidentId, tx);
    const r = (await reportsOf(tx, incidentId)).find((x) => x.id === id);
    if (!r) throw notFound('报告', 'Report');
    if (r.status !== 'draft') throw conflict(`报告${REPORT_STATUS_LABEL[r.status]}，不能修改；需修改请由审核人退回`, 'Not a draft');
    if (r.drafted_by !== ctx.actor.id) throw forbidden('只有起草人可以修改草稿', 'Only the drafter edits');
    if (w.content && w.content.timeline.some((l) => Number.isNaN(Date.parse(l.at)))) throw badRequest('事件进展的时间格式不正确', 'Bad time');
    await updateReport(tx, id, 'draft', { title: w.title, content: w.content });
    await audit(ctx, tx, { action: 'command.report.edit', entityType: 'incident_report', entityId: id, regionCode: b.regionCode,
      before: { title: r.title, content: r.content }, after: { title: w.title ?? r.title, content: w.content ?? r.content } });
  });
}

const REPORT_STATUS_LABEL: Record<ReportStatus, string> = { draft: '起草中', submitted: '待审核', approved: '已审核', sent: '已报送' };

/** The moves the caller may make on a report now. */
export function actionsOf(ctx: Ctx, r: ReportRow): string[] {
  const mine = r.drafted_by === ctx.actor.id;
  switch (r.status) {
    case 'draft': return mine && can(ctx.actor, 'command:write') ? ['edit', 'submit'] : [];
    case 'submitted': return !mine && can(ctx.actor, 'command:approve') ? ['approve', 'return'] : [];
    case 'approved': return can(ctx.actor, 'command:write') ? ['send'] : [];
    default: return [];
  }
}

/** One move of a report: submit (drafter), approve or return (a leader with command:approve, not the drafter), send (to the recipients in the rule). */
export async function moveReport(ctx: Ctx, incidentId: string, id: string, move: 'submit' | 'approve' | 'return' | 'send', note?: string): Promise<void> {
  const sent = await ctx.db.tx(async (tx) => {
    const b = await visibleIncident(ctx, incidentId, tx);
    if (!(await lockReport(tx, id))) throw notFound('报告', 'Report');
    const r = (await reportsOf(tx, incidentId)).find((x) => x.id === id);
    if (!r) throw notFound('报告', 'Report');
    const to = nextState(reportMachine, r.status, move);
    const now = ctx.clock().toISOString();
    if (move === 'submit' && r.drafted_by !== ctx.actor.id) throw forbidden('只有起草人可以提交审核', 'Only the drafter submits');
    if ((move === 'approve' || move === 'return') && r.drafted_by === ctx.actor.id) throw forbidden('审核人不能是起草人，请由其他人员审核', 'Approver must differ from drafter');
    let recipients: { name: string; phone?: string | null; username?: string | null }[] = [];
    if (move === 'submit') await updateReport(tx, id, r.status, { status: to, submitted_at: now, returned_note: null });
    else if (move === 'approve') await updateReport(tx, id, r.status, { status: to, approved_by: ctx.actor.id, approved_at: now, approval_note: note ?? null });
    else if (move === 'return') await updateReport(tx, id, r.status, { status: to, returned_note: note ?? null, submitted_at: null });
    else {
      const routing = await ruleValue(tx, REPORT_ROUTING, ctx.clock());
      recipients = routing.value.recipients;
      await updateReport(tx, id, r.status, { status: to, sent_by: ctx.actor.id, sent_at: now, recipients });
      const usernames = recipients.map((x) => x.username).filter((u): u is string => !!u);
      await ctx.notify.send(tx, { accountIds: await activeAccountIds(tx, usernames), phones: recipients.map((x) => x.phone).filter((p): p is string => !!p),
        title: `${routing.value.sender}${REPORT_KINDS[r.kind]}：${b.title}`, body: `${r.number} ${r.content.summary}`.slice(0, 480),
        link: `/command/incidents/${incidentId}`, regionCode: b.regionCode, channels: ['inapp', 'sms'] });
      const due = await meetDue(tx, incidentId, r.kind, id, now);
      const late = due && Date.parse(now) > new Date(due.due_at).getTime();
      await appendTimeline(tx, ctx.actor, incidentId, { kind: 'report_up', at: now, refType: 'incident_report', refId: id,
        text: `${kindTitle(r.kind, r.seq)}已报送${recipients.map((x) => x.name).join('、')}（${r.number}）${late ? '，逾期报送' : ''}` });
    }
    await audit(ctx, tx, { action: `command.report.${move}`, entityType: 'incident_report', entityId: id, regionCode: b.regionCode,
      before: { status: r.status }, after: { status: to, note: note ?? null, recipients: recipients.length ? recipients.map((x) => x.name) : undefined } });
    return move === 'send' ? b : undefined;
  });
  if (sent) {
    ctx.jobs.kick();
    await ctx.events.publish({ type: 'command.report.sent', regionCode: sent.regionCode, enterpriseId: sent.enterpriseId, data: { incidentId, reportId: id } });
  }
}
