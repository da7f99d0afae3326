// 督查督办 campaigns: 综合督查, 专项督查, 明察暗访/敲门行动, 打非治违 — a period, a scope, the teams, and tasks handed to
// units with deadlines and required feedback; a Word report per campaign.
//
// Findings: a supervision campaign does not keep hazards of its own. The hazards domain already groups hazards by
// its 专项行动 (`campaigns` table, hazards.campaign_id), and a hazard found on a supervision visit is an ordinary
// hazard with the whole rectification trail there. So a supervision campaign optionally links to one hazards
// campaign (hazard_campaign_id); its findings are that campaign's hazards, counted by the hazards domain
// (findCampaign), and inspectors record new findings in the hazards pages under that 专项行动.
import { CAMPAIGN_KINDS, type CampaignInput, type TaskInput } from '../../../contracts/responsibility.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { nextNumber } from '../../platform/db/numbering.js';
import { sql } from '../../platform/db/sql.js';
import type { DocModel } from '../../platform/docx/model.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { findCampaign as findHazardCampaign } from '../hazards/campaigns.js';
import { type CampaignRow, deleteCampaign, findCampaign, insertCampaign, updateCampaign } from './campaigns.store.js';
import { addTasks, presentTask, today } from './tasks.service.js';
import { listTasks } from './tasks.store.js';

export const kindLabel = (code: string) => CAMPAIGN_KINDS.find((k) => k.code === code)?.label ?? code;

/** Row → API shape. */
export const presentCampaign = (c: CampaignRow) => ({ id: c.id, number: c.number, kind: c.kind, title: c.title, periodFrom: c.period_from, periodTo: c.period_to,
  scopeText: c.scope_text, teams: c.teams, hazardCampaignId: c.hazard_campaign_id, summary: c.summary, tasksTotal: c.tasks_total, tasksAnswered: c.tasks_answered,
  tasksDone: c.tasks_done, tasksOverdue: c.tasks_overdue });

const bureauOnly = (ctx: Ctx) => { if (ctx.actor.scope.kind !== 'all') throw forbidden('督查督办由市安委办（市应急管理局）组织', 'Bureau only'); };

async function campaignOr404(ctx: Ctx, db: Queryable, id: string) {
  const c = await findCampaign(db, ctx.actor.scope, id, today(ctx));
  if (!c) throw notFound('督查活动', 'Campaign');
  return c;
}

/** A campaign with the tasks and findings the caller may see. */
export async function campaignDetail(ctx: Ctx, id: string, db: Queryable = ctx.db) {
  const c = await campaignOr404(ctx, db, id);
  const tasks = await listTasks(db, ctx.actor.scope, { campaignId: id }, today(ctx), 1, 200);
  const h = c.hazard_campaign_id ? await findHazardCampaign(db, ctx.actor.scope, c.hazard_campaign_id) : undefined;
  return { ...presentCampaign(c), tasks: tasks.items.map(presentTask), findings: h ? { name: h.name, found: h.found, closed: h.closed, major: h.major } : null };
}

/** Start a campaign, numbered 督查〔year〕N. */
export async function createCampaign(ctx: Ctx, input: CampaignInput) {
  bureauOnly(ctx);
  if (input.periodTo < input.periodFrom) throw badRequest('督查结束日期不能早于开始日期', 'Period ends before it starts');
  return ctx.db.tx(async (tx) => {
    if (input.hazardCampaignId && !(await findHazardCampaign(tx, ctx.actor.scope, input.hazardCampaignId))) throw badRequest('所选专项行动不存在', 'Hazard campaign not found');
    const county = await tx.one<{ code: string }>(sql`select code from regions where level = 'county' order by code limit 1`);
    const id = uuidv7();
    const year = Number(input.periodFrom.slice(0, 4));
    // Numbers continue past campaigns recorded before the sequence existed (the demo's, imported ones): skip taken numbers.
    let number = '';
    do number = `督查〔${year}〕${await nextNumber(tx, 'supervision', year)}号`;
    while (await tx.maybeOne(sql`select 1 as one from supervision_campaigns where number = ${number}`));
    await insertCampaign(tx, { id, number, kind: input.kind, title: input.title.trim(),
      period_from: input.periodFrom, period_to: input.periodTo, scope_text: input.scopeText.trim(), teams: input.teams.trim(), region_code: county.code,
      hazard_campaign_id: input.hazardCampaignId ?? null, summary: input.summary?.trim() || null, created_by: ctx.actor.id });
    await audit(ctx, tx, { action: 'responsibility.campaign.create', entityType: 'supervision_campaign', entityId: id, regionCode: county.code, after: input });
    return campaignDetail(ctx, id, tx);
  });
}

/** Correct a campaign: kind, title, period, scope, teams, the hazards 专项行动 of its findings, the summary. */
export async function editCampaign(ctx: Ctx, id: string, input: CampaignInput) {
  bureauOnly(ctx);
  if (input.periodTo < input.periodFrom) throw badRequest('督查结束日期不能早于开始日期', 'Period ends before it starts');
  return ctx.db.tx(async (tx) => {
    const c = await campaignOr404(ctx, tx, id);
    if (input.hazardCampaignId && !(await findHazardCampaign(tx, ctx.actor.scope, input.hazardCampaignId))) throw badRequest('所选专项行动不存在', 'Hazard campaign not found');
    await updateCampaign(tx, id, { kind: input.kind, title: input.title.trim(), period_from: input.periodFrom, period_to: input.periodTo, scope_text: input.scopeText.trim(),
      teams: input.teams.trim(), hazard_campaign_id: input.hazardCampaignId ?? null, summary: input.summary?.trim() || null });
    await audit(ctx, tx, { action: 'responsibility.campaign.update', entityType: 'supervision_campaign', entityId: id, regionCode: c.region_code,
      before: { kind: c.kind, title: c.title, periodFrom: c.period_from, periodTo: c.period_to, scopeText: c.scope_text, teams: c.teams, hazardCampaignId: c.hazard_campaign_id, summary: c.summary },
      after: input });
    return campaignDetail(ctx, id, tx);
  });
}

/** Delete a campaign started by mistake, once it has no tasks. */
export async function removeCampaign(ctx: Ctx, id: string) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const c = await campaignOr404(ctx, tx, id);
    if (!(await deleteCampaign(tx, id))) throw new AppError(409, 'illegal_move', '该督查已交办事项，不能删除；请先撤回未反馈的事项，或修改督查内容', 'Campaign has tasks');
    await audit(ctx, tx, { action: 'responsibility.campaign.delete', entityType: 'supervision_campaign', entityId: id, regionCode: c.region_code, before: presentCampaign(c) });
    return { ok: true };
  });
}

/** Hand tasks of a campaign to units. */
export async function assignTasks(ctx: Ctx, id: string, tasks: TaskInput[]) {
  bureauOnly(ctx);
  return ctx.db.tx(async (tx) => {
    const c = await campaignOr404(ctx, tx, id);
    const taskIds = await addTasks(ctx, tx, { campaign_id: id }, tasks);
    await audit(ctx, tx, { action: 'responsibility.campaign.assign', entityType: 'supervision_campaign', entityId: id, regionCode: c.region_code, after: { tasks, taskIds } });
    return campaignDetail(ctx, id, tx);
  });
}

const STATUS = { open: '待反馈', answered: '已反馈', done: '已办结' } as Record<string, string>;

/** The campaign's report (督查情况通报) as a document model: what, when, who, the tasks and their feedback, the findings. */
export async function campaignReport(ctx: Ctx, id: string): Promise<DocModel> {
  const d = await campaignDetail(ctx, id);
  const overdue = d.tasks.filter((t) => t.overdue);
  return {
    authority: '汨水市安全生产委员会办公室', title: `关于${d.title}情况的通报`, number: d.number,
    blocks: [
      { type: 'fields', rows: [['督查类型', kindLabel(d.kind)], ['督查时间', `${d.periodFrom} 至 ${d.periodTo}`], ['督查范围', d.scopeText], ['督查组', d.teams]] },
      { type: 'heading', text: '一、基本情况' },
      { type: 'paragraph', indent: true, text: d.summary ?? `本次${kindLabel(d.kind)}共交办督办事项 ${d.tasksTotal} 项，已反馈 ${d.tasksAnswered} 项，已办结 ${d.tasksDone} 项，逾期未反馈 ${d.tasksOverdue} 项。` },
      { type: 'heading', text: '二、发现的问题隐患' },
      { type: 'paragraph', indent: true, text: d.findings ? `纳入专项行动“${d.findings.name}”的隐患 ${d.findings.found} 条，其中重大隐患 ${d.findings.major} 条，已整改销号 ${d.findings.closed} 条。`
        : '本次督查未关联隐患专项行动，发现的问题见下表督办事项。' },
      { type: 'heading', text: '三、督办事项及反馈情况' },
      { type: 'table', head: ['序号', '承办单位', '督办事项', '反馈期限', '状态', '反馈情况'],
        rows: d.tasks.map((t, i) => [String(i + 1), t.assigneeName, t.title, t.dueOn, t.overdue ? '逾期未反馈' : STATUS[t.status] ?? t.status, t.feedback ?? '']) },
      { type: 'heading', text: '四、下一步要求' },
      { type: 'paragraph', indent: true, text: overdue.length ? `${[...new Set(overdue.map((t) => t.assigneeName))].join('、')}未按期反馈，请于 3 个工作日内报送整改落实情况，逾期将按规定约谈。`
        : '各单位要举一反三，巩固整改成果，建立长效机制。' },
      { type: 'signature', lines: ['汨水市安全生产委员会办公室', today(ctx)] },
    ],
  };
}
