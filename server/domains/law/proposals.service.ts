// Penalty proposals (处罚裁量): the band and range for a violation item and circumstances on a day, with the articles'
// text as of that day; a case's proposal outside the range (偏离裁量基准) needs a written reason and another account's approval.
import type { Static } from '@sinclair/typebox';
import type { Circumstances, ProposalInput } from '../../../contracts/law.js';
import { GRADES } from '../../../contracts/law.js';
import { audit, type Ctx } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import { uuidv7 } from '../../platform/ids.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { findCase } from '../enforcement/cases/cases.store.js';
import { bandFor, gradeOf, penaltyProblems, rangeText, withinBand } from './benchmark.js';
import { presentBand, presentProposal } from './law.present.js';
import { articleAsOf } from './library.query.js';
import { decideProposal, findProposal, insertProposal, proposalsOfCase } from './proposals.store.js';
import { bandsOf, findItem } from './violations.store.js';

/** The benchmark's answer for an item and circumstances on a day (nothing stored). */
export async function proposePenalty(db: Queryable, input: { itemId: string; circumstances: Circumstances; on: string }) {
  const item = await findItem(db, input.itemId);
  if (!item) throw notFound('违法行为', 'Violation item');
  const { grade, reasons } = gradeOf(input.circumstances);
  const found = bandFor(await bandsOf(db, item.id), grade);
  if (!found) throw new AppError(409, 'no_benchmark', `违法行为“${item.name}”尚未设定裁量基准，请先在法规库中补充`, 'No benchmark for this item');
  const warnings: string[] = [];
  if (!found.exact) warnings.push(`该违法行为没有“${GRADES[grade]}”档次的基准，按最接近的“${GRADES[found.band.grade as keyof typeof GRADES]}”档次提出`);
  if (found.band.unconfirmed) warnings.push('本档次的幅度划分尚未经本局确认（参照通行做法拟定），请结合省级裁量基准核对');
  const articles = [];
  for (const [role, id, part] of [['violated', item.violated_article_id, item.violated_part], ['penalty', item.penalty_article_id, item.penalty_part]] as const) {
    if (!id) { warnings.push(role === 'violated' ? '未设定违法依据条文' : '未设定处罚依据条文'); continue; }
    const r = await articleAsOf(db, id, input.on);
    if (!r) continue;
    if (r.warning) warnings.push(r.warning);
    articles.push({ role, articleId: r.article.id, versionId: r.article.version_id, label: r.article.label, part, source: r.article.short_title ?? r.article.source,
      version: r.article.version, text: r.article.text, substituted: r.substituted });
  }
  return { itemId: item.id, code: item.code, name: item.name, on: input.on, grade, gradeLabel: GRADES[grade], reasons, band: presentBand(found.band), bandRow: found.band, articles, warnings };
}

/** Record a case's proposal: within the band it stands; outside it needs a reason and waits for approval. */
export async function createProposal(ctx: Ctx, input: Static<typeof ProposalInput>): Promise<string> {
  const problem = penaltyProblems(input.kinds, input.fine);
  if (problem) throw badRequest(problem, 'Bad penalty');
  const id = uuidv7();
  await ctx.db.tx(async (tx) => {
    const c = await findCase(tx, ctx.actor.scope, input.caseId);
    if (!c) throw notFound('案件', 'Case');
    if (['closed', 'not_filed'].includes(c.status)) throw new AppError(409, 'case_closed', '案件已结案或不予立案，不能再提出处罚裁量', 'Case closed');
    const on = input.on ?? shanghaiDate(ctx.clock());
    const p = await proposePenalty(tx, { itemId: input.itemId, circumstances: input.circumstances, on });
    const check = withinBand(p.bandRow, input.kinds, input.fine);
    const reason = input.reason?.trim() || null;
    if (!check.within && !reason) {
      throw badRequest(`拟处罚偏离裁量基准（${p.gradeLabel}档：${rangeText(p.bandRow)}；${check.why.join('；')}），须写明偏离理由，并由另一名执法人员审批`, 'Departure needs a reason');
    }
    await insertProposal(tx, { id, case_id: c.id, item_id: p.itemId, region_code: c.region_code, org_id: c.org_id, enterprise_id: c.enterprise_id, on_date: on,
      circumstances: input.circumstances, grade: p.grade, band: p.band, articles: p.articles, kinds: input.kinds, fine: input.fine ?? null, within_range: check.within,
      reason, status: check.within ? 'accepted' : 'pending', proposed_by: ctx.actor.id, proposed_by_name: ctx.actor.name,
      created_at: ctx.clock().toISOString() });
    await audit(ctx, tx, { action: 'law.proposal.create', entityType: 'law_penalty_proposal', entityId: id, regionCode: c.region_code,
      after: { caseId: c.id, item: p.code, on, grade: p.grade, kinds: input.kinds, fine: input.fine ?? null, withinRange: check.within, reason,
        articles: p.articles.map((a) => ({ label: a.label, versionId: a.versionId })) } });
  });
  return id;
}

/** Approve or refuse a departure: only while pending, and never by the account that proposed it. */
export async function decideDeparture(ctx: Ctx, id: string, approve: boolean, note: string) {
  await ctx.db.tx(async (tx) => {
    const p = await findProposal(tx, ctx.actor.scope, id, true);
    if (!p) throw notFound('处罚裁量记录', 'Proposal');
    if (p.status !== 'pending') throw new AppError(409, 'not_pending', `该裁量记录${p.within_range ? '在基准幅度内，无需审批' : '已审批'}`, 'Not pending');
    if (p.proposed_by && p.proposed_by === ctx.actor.id) throw forbidden('偏离裁量基准须由提出人以外的人员审批', 'Another account must approve');
    const status = approve ? 'approved' : 'rejected';
    await decideProposal(tx, id, { status, by: ctx.actor.id, byName: ctx.actor.name, at: ctx.clock().toISOString(), note });
    await audit(ctx, tx, { action: `law.proposal.${approve ? 'approve' : 'reject'}`, entityType: 'law_penalty_proposal', entityId: id, regionCode: p.region_code,
      before: { status: p.status }, after: { status, note } });
  });
}

export async function caseProposals(ctx: Ctx, caseId: string) {
  if (!(await findCase(ctx.db, ctx.actor.scope, caseId))) throw notFound('案件', 'Case');
  return (await proposalsOfCase(ctx.db, ctx.actor.scope, caseId)).map(presentProposal);
}

export async function proposalById(ctx: Ctx, id: string) {
  const p = await findProposal(ctx.db, ctx.actor.scope, id);
  if (!p) throw notFound('处罚裁量记录', 'Proposal');
  return presentProposal(p);
}
