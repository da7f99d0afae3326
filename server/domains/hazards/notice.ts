// 隐患整改通知书: the printed notice of one hazard (Word and a printable page from one model), citing the category's
// articles and the hazard's own (a self-check item's) as of the day the hazard was found.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorBody, IdParams } from '../../../contracts/common.js';
import { HAZARD_LEVELS, HAZARD_SOURCES } from '../../../contracts/hazards.js';
import type { Queryable } from '../../platform/db/db.js';
import { sql } from '../../platform/db/sql.js';
import { renderDocx } from '../../platform/docx/docx.js';
import { renderHtml } from '../../platform/docx/html.js';
import type { Block, DocModel } from '../../platform/docx/model.js';
import { notFound } from '../../platform/http/errors.js';
import { shanghaiDate } from '../../platform/settings/rules.js';
import { citesAsOf, printedCite } from '../law/directory.js';
import { categoryAsOf } from './categories.js';
import { today } from './hazards.service.js';
import { findHazard, type HazardRow } from './hazards.store.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The category (with its path) and the articles cited, as of the day the hazard was found. */
export async function hazardCitations(db: Queryable, h: HazardRow) {
  const day = shanghaiDate(new Date(h.found_at));
  const categoryInfo = h.category_code ? await categoryAsOf(db, h.category_code, day) : null;
  const cites = h.cites?.length ? await citesAsOf(db, h.cites, day) : [];
  return { day, categoryInfo, cites };
}

export async function noticeModel(db: Queryable, h: HazardRow, issuedOn: string): Promise<DocModel> {
  const { day, categoryInfo, cites } = await hazardCitations(db, h);
  const org = h.reported_org_id ? await db.maybeOne<{ name: string }>(sql`select name from organizations where id = ${h.reported_org_id}`) : null;
  const basis = [...(categoryInfo?.cites ?? []), ...cites];
  const seen = new Set<string>();
  const lines = basis.map(printedCite).filter((l) => (seen.has(l) ? false : (seen.add(l), true)));
  const blocks: Block[] = [
    { type: 'paragraph', text: `${h.enterprise_name ?? h.place_name ?? ''}：` },
    { type: 'paragraph', indent: true, text: `${day}，在${h.source === 'self_check' ? '你单位自查' : '检查'}中发现你单位存在下列事故隐患，现通知你单位按要求整改。` },
    { type: 'fields', rows: [
      ['隐患编号', h.number], ['隐患内容', h.title], ['隐患等级', HAZARD_LEVELS[h.level]], ['隐患来源', HAZARD_SOURCES[h.source as keyof typeof HAZARD_SOURCES] ?? h.source],
      ['隐患类别', categoryInfo ? categoryInfo.path.join(' / ') : h.category ?? '未分类'],
      ...(h.level === 'major' && h.major_basis ? [['判定依据', h.major_basis] as [string, string]] : []),
      ...(h.description ? [['具体情况', h.description] as [string, string]] : []),
      ['整改期限', h.deadline ?? '交办时确定'], ...(h.measures ? [['整改措施', h.measures] as [string, string]] : []),
    ] },
    { type: 'heading', text: '依据' },
    ...(lines.length ? lines.map((text): Block => ({ type: 'paragraph', indent: true, text }))
      : [{ type: 'paragraph', indent: true, text: '本隐患所属类别未引用法律法规条文。' } as Block]),
    ...(categoryInfo?.unconfirmed ? [{ type: 'paragraph', indent: true, text: `注：该类别的条文引用尚待核对（${categoryInfo.note ?? '未核对'}）。` } as Block] : []),
    { type: 'paragraph', indent: true, text: '请你单位按照“五落实”要求，在整改期限内完成整改，并将整改情况及整改后照片报送我单位复查。' },
    { type: 'signature', lines: [org?.name ?? '', issuedOn] },
  ];
  return { authority: org?.name ?? '', title: '事故隐患整改通知书', number: h.number, blocks, footer: '本通知书一式两份：一份交被通知单位，一份归档。' };
}

export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tags = ['隐患排查治理 hazards'];
  const load = async (ctx: Parameters<typeof today>[0], id: string) => {
    const h = await findHazard(ctx.db, ctx.actor.scope, id, today(ctx));
    if (!h) throw notFound('隐患', 'Hazard');
    return noticeModel(ctx.db, h, today(ctx));
  };
  app.get('/api/hazards/:id/notice.docx', { config: { permission: 'hazard:read' }, schema: { tags, summary: '隐患整改通知书（Word，引用发现当日施行的条文）', params: IdParams,
    response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => {
    const m = await load(req.ctx, req.params.id);
    reply.header('content-type', DOCX).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`隐患整改通知书-${m.number}`)}.docx`);
    return reply.send(await renderDocx(m));
  });
  app.get('/api/hazards/:id/notice', { config: { permission: 'hazard:read' }, schema: { tags, summary: '可打印的隐患整改通知书', params: IdParams,
    response: { 200: Type.Any(), 404: ErrorBody } } }, async (req, reply) => reply.type('text/html; charset=utf-8').send(renderHtml(await load(req.ctx, req.params.id))));
};
